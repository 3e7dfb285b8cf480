#!/usr/bin/python3
"""Forged requests to the web server (loopback): a Host that is not the
server's gets 421 and does nothing, also a POST with a valid session and
token; a POST without the token, with a wrong one, or from another Origin
gets 403, one without the session cookie 401, and none changes anything.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from faultlib import Client, Server, Tap, rapport, scratch, sql

t = Tap()
work = scratch("forged")
db = os.path.join(work, "rapport.db")
rapport(db, "log", "note", "start")
srv = Server(db)
c = Client(srv.port)
c.get("/")


def snapshot():
    return rapport(db, "export").stdout, sql(db, "SELECT count(*) FROM interaction")[0][0]


before = snapshot()
evil = {"Host": "attacker.example"}
got = [c.request("GET", "/", headers=evil)[0],
       c.request("GET", "/", headers={"Host": "attacker.example:%d" % srv.port})[0],
       c.post("/log", {"kind": "call", "summary": "rebound"}, headers=evil)[0]]
t.ok(got == [421, 421, 421] and snapshot() == before,
     "Host: attacker.example gets 421 (GET, and a POST with a valid session and token); "
     "nothing written", "statuses %s" % got)

cases = [
    ("no token", dict(csrf=False)),
    ("a wrong token", dict(csrf="0" * 64)),
    ("another origin", dict(headers={"Origin": "http://attacker.example"})),
    ("Origin null", dict(headers={"Origin": "null"})),
]
bad = []
for what, kw in cases:
    status, _ = c.post("/log", {"kind": "call", "summary": "forged " + what}, **kw)
    if status != 403:
        bad.append("%s: %d" % (what, status))
nocookie = Client(srv.port, signin=False)
nocookie.csrf = c.csrf  # the right token, but no session
status, _ = nocookie.post("/log", {"kind": "call", "summary": "forged no cookie"})
if status != 401:
    bad.append("no cookie: %d" % status)
t.ok(not bad and snapshot() == before,
     "cross-site POSTs (no token, a wrong token, another Origin, Origin null) get 403, "
     "no cookie 401; nothing changed", "\n".join(bad))
status, _ = c.post("/log", {"kind": "call", "summary": "genuine"},
                   headers={"Origin": "http://127.0.0.1:%d" % srv.port})
t.ok(status == 303 and snapshot()[1] == before[1] + 1,
     "the same POST from the server's own page is taken (the checks are not blanket refusals)",
     "status %d" % status)
c.close()
t.ok(srv.stop() == 0, "the server stopped cleanly", srv.stderr()[-2000:])
t.done()
