#!/usr/bin/python3
"""The command line and the web server writing at once (60 s in full, 10 s
in quick): two CLI loops (`log` and `task add`, one process after another)
and two browser-like clients posting /log, all on one database. Every
command must exit 0 and every POST get its 303 (no "database is locked"
reaches anyone: writes begin IMMEDIATE and wait on the busy timeout), and
the final counts must equal the successes exactly.
"""
import os
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from faultlib import (RAPPORT, Client, Server, Tap, env_for, integrity, interaction_summaries,
                      pick, rapport, scratch, task_titles)

t = Tap()
SECONDS = pick(10, 60)
work = scratch("concurrent")
db = os.path.join(work, "rapport.db")
rapport(db, "log", "note", "start")
srv = Server(db)
stop = threading.Event()
cli_times = []
results = {"cli-log": [0, []], "cli-task": [0, []], "web-0": [0, []], "web-1": [0, []]}


def cli_loop(name, make):
    env = env_for(db)
    i = 0
    while not stop.is_set():
        start = time.time()
        p = subprocess.run([RAPPORT] + make(i), env=env, stdout=subprocess.DEVNULL,
                           stderr=subprocess.PIPE)
        cli_times.append(time.time() - start)
        if p.returncode == 0:
            results[name][0] += 1
        else:
            results[name][1].append(p.stderr.decode(errors="replace").strip())
        i += 1


def web_loop(name):
    c = Client(srv.port)
    i = 0
    while not stop.is_set():
        try:
            status, body = c.post("/log", {"kind": "email", "summary": "%s-%d" % (name, i)})
        except OSError as e:
            results[name][1].append("%s-%d: %s" % (name, i, e))
            break
        if status == 303:
            results[name][0] += 1
        else:
            results[name][1].append("%s-%d: %d %s" % (name, i, status, body[:200]))
        i += 1
    c.close()


threads = [
    threading.Thread(target=cli_loop, args=("cli-log",
                                            lambda i: ["log", "call", "cli-log-%d" % i])),
    threading.Thread(target=cli_loop, args=("cli-task",
                                            lambda i: ["task", "add", "cli-task-%d" % i])),
    threading.Thread(target=web_loop, args=("web-0",)),
    threading.Thread(target=web_loop, args=("web-1",)),
]
for th in threads:
    th.start()
time.sleep(SECONDS)
stop.set()
for th in threads:
    th.join()
rc = srv.stop()

errors = [e for r in results.values() for e in r[1]]
t.ok(not errors, "%d s of the CLI and the server writing at once: every command and POST "
     "succeeded" % SECONDS, "\n".join(errors[:10]))
t.ok(not any("locked" in e or "busy" in e for e in errors),
     "no \"database is locked\" reached the user")
counts = {
    "cli-log": len(interaction_summaries(db, "cli-log-")),
    "cli-task": len(task_titles(db, "cli-task-")),
    "web-0": len(interaction_summaries(db, "web-0-")),
    "web-1": len(interaction_summaries(db, "web-1-")),
}
t.ok(all(counts[k] == results[k][0] for k in counts),
     "the counts are exact: every success is there once, nothing else",
     "successes %s, rows %s" % ({k: v[0] for k, v in results.items()}, counts))
t.ok(integrity(db) == "ok" and rc == 0, "integrity ok; the server stopped cleanly",
     "server exit %d: %s" % (rc, srv.stderr()[-2000:]))
t.figure("concurrent seconds", SECONDS)
t.figure("concurrent writes", "CLI %d (log %d, task add %d), web POSTs %d" % (
    results["cli-log"][0] + results["cli-task"][0], results["cli-log"][0],
    results["cli-task"][0], results["web-0"][0] + results["web-1"][0]))
cli_times.sort()
if cli_times:
    t.figure("concurrent CLI command time", "median %.0f ms, slowest %.0f ms (of %d)" % (
        1000 * cli_times[len(cli_times) // 2], 1000 * cli_times[-1], len(cli_times)))
t.done()
