#!/usr/bin/python3
"""wrk at full speed on Today (60 s in full, 10 s in quick) while the
command line writes: no error response and no socket error, and the
server's memory (VmRSS, sampled every second) grows by less than
RSS_BOUND_KB over what it held after a warm-up run.
"""
import os
import re
import shutil
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from faultlib import RAPPORT, Server, Tap, env_for, pick, rapport, scratch

t = Tap()
SECONDS = pick(10, 60)
RSS_BOUND_KB = 32 * 1024
wrk = shutil.which("wrk")
if not wrk:
    t.skip("wrk on Today while the CLI writes", "wrk is not installed "
           "(scripts/install-deps --bench installs it)")
    t.done()
work = scratch("wrk")
db = os.path.join(work, "rapport.db")
rapport(db, "person", "add", "Data Recruiter", "--org", "Acme")
for i in range(30):
    rapport(db, "task", "add", "follow-up %d" % i, "--due", "+%dd" % (i % 9), "--with", "Recruiter")
srv = Server(db)
url = "http://127.0.0.1:%d/" % srv.port
subprocess.run([wrk, "-H", "Authorization: Bearer " + srv.key, "-t2", "-c8", "-d2s", url], stdout=subprocess.DEVNULL)
rss_warm = srv.rss()
stop = threading.Event()
cli = {"ok": 0, "failed": []}
samples = []


def writer():
    env = env_for(db)
    i = 0
    while not stop.is_set():
        p = subprocess.run([RAPPORT, "log", "call", "during wrk %d" % i, "--with", "Recruiter"],
                           env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        if p.returncode == 0:
            cli["ok"] += 1
        else:
            cli["failed"].append(p.stderr.decode(errors="replace").strip())
        i += 1
        time.sleep(0.05)


def sampler():
    while not stop.is_set():
        samples.append(srv.rss())
        time.sleep(1)


threads = [threading.Thread(target=writer), threading.Thread(target=sampler)]
for th in threads:
    th.start()
p = subprocess.run([wrk, "-H", "Authorization: Bearer " + srv.key, "-t2", "-c16", "-d%ds" % SECONDS, "--timeout", "10s", url],
                   stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
stop.set()
for th in threads:
    th.join()
out = p.stdout.decode(errors="replace")
m = re.search(r"(\d+) requests in", out)
requests = int(m.group(1)) if m else 0
m = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
non2xx = int(m.group(1)) if m else 0
m = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
sock_errors = sum(int(x) for x in m.groups()) if m else 0
m = re.search(r"Requests/sec:\s+([\d.]+)", out)
rps = m.group(1) if m else "?"
peak = max(samples) if samples else 0
final = srv.rss()
t.ok(p.returncode == 0 and requests > 0 and non2xx == 0 and sock_errors == 0,
     "wrk on Today for %d s while the CLI writes: no error responses, no socket errors"
     % SECONDS, out)
t.ok(not cli["failed"], "every CLI write meanwhile succeeded", "\n".join(cli["failed"][:5]))
t.ok(peak - rss_warm < RSS_BOUND_KB and final - rss_warm < RSS_BOUND_KB,
     "memory bounded: VmRSS %d kB after warm-up, peak %d kB, %d kB at the end (bound: "
     "+%d kB)" % (rss_warm, peak, final, RSS_BOUND_KB), "samples: %s" % samples)
t.figure("wrk seconds", SECONDS)
t.figure("wrk requests", "%d (%s/s), %d non-2xx, %d socket errors; %d CLI writes meanwhile" %
         (requests, rps, non2xx, sock_errors, cli["ok"]))
t.figure("wrk memory", "VmRSS %d kB warm, %d kB peak, %d kB at the end" %
         (rss_warm, peak, final))
t.ok(srv.stop() == 0, "the server stopped cleanly", srv.stderr()[-2000:])
t.done()
