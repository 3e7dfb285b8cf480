#!/usr/bin/python3
"""The web server under abuse (loopback, bounded in time):

- bodies over the 2 MB limit (declared with Content-Length, sent chunked
  with no length, or a declared length of a terabyte) all get 413, and the
  server's memory (VmRSS) stays flat: it grows by less than RSS_BOUND_KB;
- slow clients (the request line and headers, or a POST body, one byte every
  SLOW_GAP seconds, which an idle timeout never sees) are dropped at a
  whole-request deadline (DEADLINE seconds, checked with SLACK more; one
  still sending its headers at HEADER_DEADLINE, or sooner when the server
  makes room for new connections);
- 1,000 connections at once are each served or refused, the server stays
  up, and the next normal request gets its page;
- uploads from another site, with no session, are refused when their
  headers arrive: four 30 MB bodies at once leave the memory flat;
- 1,100 connections opened and left idle do not keep the user out: the
  next request is served at once, and a connection that sends nothing is
  dropped at the HEADER_DEADLINE.
"""
import http.client
import os
import selectors
import socket
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from faultlib import Client, Server, Tap, pick, raise_nofile, rapport, scratch, sql

t = Tap()
RSS_BOUND_KB = 16 * 1024
DEADLINE, SLACK, SLOW_GAP = 30, 15, 3
HEADER_DEADLINE = 5
work = scratch("abuse")
db = os.path.join(work, "rapport.db")
rapport(db, "log", "note", "start")
srv = Server(db)
c = Client(srv.port)
for _ in range(20):
    c.get("/")
host = "127.0.0.1:%d" % srv.port
auth = "Authorization: Bearer %s\r\n" % srv.key  # the user's own script


# ---- slow clients, started first: they take DEADLINE seconds ----
slow = {}


def slow_client(name, head, trickle):
    s = socket.create_connection(("127.0.0.1", srv.port))
    s.sendall(head)
    start = time.time()
    s.settimeout(SLOW_GAP)
    for byte in trickle:
        try:
            s.sendall(bytes([byte]))
            data = s.recv(1024)
            if data == b"" or data:  # closed, or answered (a timeout page)
                slow[name] = (time.time() - start, data[:12])
                break
        except socket.timeout:
            pass  # the server is still waiting: the next byte
        except OSError as e:
            slow[name] = (time.time() - start, str(e))
            break
        if time.time() - start > DEADLINE + SLACK:
            slow[name] = (None, b"")
            break
    s.close()


trickle = b"X-Slow-" + b"a" * 1000
slow_threads = [
    threading.Thread(target=slow_client, args=(
        "headers", ("GET / HTTP/1.1\r\nHost: %s\r\n%s" % (host, auth)).encode(), trickle)),
    threading.Thread(target=slow_client, args=(
        "body", ("POST /log HTTP/1.1\r\nHost: %s\r\n%sContent-Type: application/x-www-form-"
                 "urlencoded\r\nContent-Length: 2000\r\n\r\n" % (host, auth)).encode(),
        b"summary=" + b"s" * 1990)),
]
for th in slow_threads:
    th.start()

# ---- bodies over the limit ----
rss0 = srv.rss()
N = pick(20, 100)
BIG = 3 * 1024 * 1024
big = b"summary=" + b"a" * BIG
statuses = {}


def post_big(chunked):
    conn = http.client.HTTPConnection("127.0.0.1", srv.port, timeout=30)
    h = {"Host": host, "Content-Type": "application/x-www-form-urlencoded",
         "Cookie": "rapport_session=" + (c.cookie or "")}
    try:
        if chunked:
            parts = (big[i:i + 65536] for i in range(0, len(big), 65536))
            conn.request("POST", "/log", body=parts, headers=h, encode_chunked=True)
        else:
            conn.request("POST", "/log", body=big, headers=h)
    except (BrokenPipeError, ConnectionResetError):
        pass  # answered before the body was read
    try:
        status = conn.getresponse().status
    except (OSError, http.client.HTTPException) as e:
        status = type(e).__name__
    conn.close()
    statuses[status] = statuses.get(status, 0) + 1


for i in range(N):
    post_big(False)
    post_big(True)
conn = http.client.HTTPConnection("127.0.0.1", srv.port, timeout=30)
conn.putrequest("POST", "/log", skip_host=True)
conn.putheader("Host", host)
conn.putheader("Content-Length", str(10 ** 12))
conn.endheaders()
try:
    status = conn.getresponse().status
except (OSError, http.client.HTTPException) as e:
    status = type(e).__name__
statuses[status] = statuses.get(status, 0) + 1
conn.close()
rss1 = srv.rss()
t.ok(statuses == {413: 2 * N + 1},
     "%d bodies over the limit (3 MB with a length, 3 MB chunked, a declared terabyte): "
     "413 each" % (2 * N + 1), "statuses: %s" % statuses)
t.ok(rss1 - rss0 < RSS_BOUND_KB and sql(db, "SELECT count(*) FROM interaction")[0][0] == 1,
     "memory stays flat (grew by %d kB, bound %d kB) and nothing was written" %
     (rss1 - rss0, RSS_BOUND_KB), "VmRSS %d -> %d kB" % (rss0, rss1))
t.figure("413 memory", "VmRSS %d kB before, %d kB after %d oversized bodies (%d MB sent)" % (
    rss0, rss1, 2 * N + 1, 2 * N * BIG // (1024 * 1024)))

# ---- uploads from another site, refused before their body is read ----
UPLOAD = 30 * 1024 * 1024
rss0 = srv.rss()
upload_statuses = {}


def foreign_upload():
    conn = http.client.HTTPConnection("127.0.0.1", srv.port, timeout=30)
    conn.putrequest("POST", "/settings/import", skip_host=True)
    for k, v in (("Host", host), ("Origin", "http://evil.example"),
                 ("Content-Type", "multipart/form-data; boundary=x"),
                 ("Content-Length", str(UPLOAD))):
        conn.putheader(k, v)
    conn.endheaders()
    chunk = b"x" * 65536
    try:
        for _ in range(UPLOAD // len(chunk)):
            conn.send(chunk)
    except (BrokenPipeError, ConnectionResetError):
        pass  # answered and closed before the body was read: the point
    try:
        status = conn.getresponse().status
    except (OSError, http.client.HTTPException) as e:
        status = type(e).__name__
    conn.close()
    upload_statuses[status] = upload_statuses.get(status, 0) + 1


uploaders = [threading.Thread(target=foreign_upload) for _ in range(4)]
for th in uploaders:
    th.start()
for th in uploaders:
    th.join()
rss1 = srv.rss()
t.ok(set(upload_statuses) <= {401, "ConnectionResetError", "BrokenPipeError",
                              "RemoteDisconnected"} and rss1 - rss0 < RSS_BOUND_KB and
     sql(db, "SELECT count(*) FROM person")[0][0] == 0,
     "four 30 MB uploads from another site with no session: refused with their headers, "
     "memory flat (grew by %d kB)" % (rss1 - rss0),
     "statuses %s, VmRSS %d -> %d kB" % (upload_statuses, rss0, rss1))

# ---- 1,000 connections at once ----
CONNS = 1000
limit = raise_nofile(CONNS + 200)
sel = selectors.DefaultSelector()
socks = []
request = ("GET / HTTP/1.1\r\nHost: %s\r\n%sConnection: close\r\n\r\n" % (host, auth)).encode()
for i in range(min(CONNS, limit - 100)):
    s = socket.socket()
    s.setblocking(False)
    s.connect_ex(("127.0.0.1", srv.port))
    socks.append(s)
    sel.register(s, selectors.EVENT_WRITE, [b"", False])
outcome = {"served": 0, "refused": 0, "other": 0}
start = time.time()
pending = len(socks)
while pending and time.time() - start < 60:
    for key, ev in sel.select(timeout=1):
        s, state = key.fileobj, key.data
        try:
            if ev & selectors.EVENT_WRITE and not state[1]:
                s.send(request)
                state[1] = True
                sel.modify(s, selectors.EVENT_READ, state)
                continue
            data = s.recv(65536)
        except OSError:
            data = b""
            state[0] = state[0] or b"refused"
        if data:
            state[0] += data
            continue
        head = state[0][:12]
        if head.startswith(b"HTTP/1.1 200"):
            outcome["served"] += 1
        elif head.startswith(b"HTTP/") :
            outcome["other"] += 1
        else:
            outcome["refused"] += 1
        sel.unregister(s)
        s.close()
        pending -= 1
for key in list(sel.get_map().values()):
    key.fileobj.close()
elapsed = time.time() - start
alive = srv.alive()
status, page = Client(srv.port).get("/")
t.ok(pending == 0 and alive and status == 200 and b"<h1>Today</h1>" in page,
     "%d connections at once: each served or refused; the server stays up and serves the "
     "next request" % len(socks),
     "unanswered %d after 60 s, alive %s, next GET %s" % (pending, alive, status))
t.figure("1000 connections", "%d served, %d refused, %d other statuses, in %.1f s; VmRSS "
         "after %d kB" % (outcome["served"], outcome["refused"], outcome["other"], elapsed,
                          srv.rss()))

# ---- 1,100 idle connections ----
idle = []
for i in range(min(1100, limit - 100)):
    try:
        idle.append(socket.create_connection(("127.0.0.1", srv.port), timeout=5))
    except OSError:
        break
time.sleep(0.5)
start = time.time()
status, page = Client(srv.port, timeout=10).get("/")
waited = time.time() - start
t.ok(status == 200 and b"<h1>Today</h1>" in page and waited < 3,
     "%d idle connections do not keep the user out (served in %.2f s)" % (len(idle), waited),
     "status %s after %.2f s" % (status, waited))
# the survivors of the eviction are dropped at the header deadline
quiet = socket.create_connection(("127.0.0.1", srv.port))
start = time.time()
quiet.settimeout(HEADER_DEADLINE + SLACK)
try:
    closed = quiet.recv(1) == b""
except OSError:
    closed = True
held = time.time() - start
quiet.close()
t.ok(closed and held <= HEADER_DEADLINE + 2,
     "a connection that sends nothing is dropped after %.1f s (deadline %d s)" % (
         held, HEADER_DEADLINE))
for s_ in idle:
    s_.close()

for th in slow_threads:
    th.join()
for name, what in (("headers", "request line and headers"), ("body", "POST body")):
    secs, how = slow.get(name, (None, b""))
    t.ok(secs is not None and secs <= DEADLINE + SLACK,
         "a client sending its %s a byte every %d s is dropped at the %d s whole-request "
         "deadline" % (what, SLOW_GAP, DEADLINE),
         "still connected after %d s" % (DEADLINE + SLACK) if secs is None else
         "dropped after %.0f s (%r)" % (secs, how))
    if secs is not None:
        t.figure("slow client (%s)" % name, "dropped after %.0f s" % secs)
c.close()
t.ok(srv.stop() == 0, "the server stopped cleanly", srv.stderr()[-2000:])
t.done()
