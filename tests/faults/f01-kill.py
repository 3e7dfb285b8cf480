#!/usr/bin/python3
"""Kill -9 a writer at random moments (500 in full, 50 in quick), spread over
three writers:

- a burst of `rapport log` and `rapport task add`, each reported done by its
  exit status 0 before the next starts;
- `rapport import linkedin` of a file of 2,000 new people (one transaction);
- `rapport serve` under a loop of POST /log, each reported done by a 303.

After every kill: PRAGMA integrity_check is ok; every write reported done is
there; nothing else is, but for the one write in flight when the kill came;
an import is all or nothing (0 or 2,000 of its people); the next command
works on the file.
"""
import os
import random
import signal
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from faultlib import (RAPPORT, Client, Server, Tap, env_for, integrity, interaction_summaries,
                      linkedin_csv, pick, rapport, scratch, sql, task_titles)

t = Tap()
KILLS = pick(50, 500)
IMPORT_ROWS = 2000
rng = random.Random(int(os.environ.get("FAULTS_SEED", "0")) or None)
seed = rng.randrange(1 << 30)
rng.seed(seed)
t.note("random seed %d (FAULTS_SEED=%d repeats this run)" % (seed, seed))
work = scratch("kill")
problems = {"burst": [], "import": [], "server": []}
counts = {"burst": 0, "import": 0, "server": 0}
done_writes = {"burst": 0, "import": 0, "server": 0}
in_flight = {"burst": 0, "import": 0, "server": 0}
import_outcomes = {"none": 0, "all": 0}

BURST = r'''
i=$1
while :; do
	if [ $((i % 2)) -eq 0 ]; then
		"$RAPPORT" log call "b-$i" >/dev/null 2>>"$2.err" && echo "$i"
	else
		"$RAPPORT" task add "b-$i" --due tomorrow >/dev/null 2>>"$2.err" && echo "$i"
	fi
	i=$((i + 1))
done
'''


def check_common(kind, db, k):
    ok = integrity(db)
    if ok != "ok":
        problems[kind].append("kill %d: integrity_check: %s" % (k, ok))
        return False
    p = rapport(db, "log", "note", "after kill %d" % k)
    if p.returncode != 0:
        problems[kind].append("kill %d: the next command failed: %s" % (k, p.stderr.decode()))
        return False
    return True


def burst_round(db, k, start):
    log = "%s.burst%d" % (db, k)
    env = env_for(db, RAPPORT=RAPPORT)
    with open(log, "w") as out:
        p = subprocess.Popen(["sh", "-c", BURST, "burst", str(start), log], env=env,
                             stdout=out, start_new_session=True)
        time.sleep(rng.uniform(0.0, 0.8))
        os.killpg(p.pid, signal.SIGKILL)
        p.wait()
    with open(log) as f:
        reported = [int(x) for x in f.read().split() if x.isdigit()]
    err = open(log + ".err").read() if os.path.exists(log + ".err") else ""
    if err.strip():
        problems["burst"].append("kill %d: a command failed: %s" % (k, err.strip()[:300]))
    if not check_common("burst", db, k):
        return start + len(reported) + 1
    present = {int(s[2:]) for s in interaction_summaries(db, "b-") | task_titles(db, "b-")
               if int(s[2:]) >= start}
    last = max(reported) if reported else start - 1
    missing = set(reported) - present
    extra = present - set(reported) - {last + 1}
    if missing:
        problems["burst"].append("kill %d: reported done but missing: %s" % (k, sorted(missing)))
    if extra:
        problems["burst"].append("kill %d: present but never run: %s" % (k, sorted(extra)))
    done_writes["burst"] += len(reported)
    in_flight["burst"] += (last + 1) in present
    return last + 2


import_seconds = [0.4]  # how long an import takes, measured on each new file


def time_import(db, k):
    path = "%s.cal%d.csv" % (db, k)
    linkedin_csv(path, "C%d" % k, IMPORT_ROWS)
    start = time.time()
    rapport(db, "import", "linkedin", path)
    import_seconds[0] = time.time() - start
    os.unlink(path)


def import_round(db, k):
    path = "%s.imp%d.csv" % (db, k)
    prefix = "I%d" % k
    linkedin_csv(path, prefix, IMPORT_ROWS)
    p = subprocess.Popen([RAPPORT, "import", "linkedin", path], env=env_for(db),
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    # most kills land while it runs, a few just after
    time.sleep(rng.uniform(0.0, import_seconds[0] * 1.1))
    finished = p.poll() is not None
    if not finished:
        p.send_signal(signal.SIGKILL)
    p.wait()
    err = p.stderr.read().decode(errors="replace")
    p.stderr.close()
    os.unlink(path)
    if finished and p.returncode != 0:
        problems["import"].append("kill %d: the import failed: %s" % (k, err))
    if not check_common("import", db, k):
        return
    n = sql(db, "SELECT count(*) FROM person WHERE name LIKE ?", (prefix + "-%",))[0][0]
    if finished and p.returncode == 0:
        done_writes["import"] += 1
        if n != IMPORT_ROWS:
            problems["import"].append("kill %d: reported done, %d of %d people" %
                                      (k, n, IMPORT_ROWS))
    elif n not in (0, IMPORT_ROWS):
        problems["import"].append("kill %d: half imported: %d of %d people" %
                                  (k, n, IMPORT_ROWS))
    else:
        import_outcomes["all" if n else "none"] += 1
        in_flight["import"] += n == IMPORT_ROWS


def server_round(db, k):
    try:
        srv = Server(db)
    except RuntimeError as e:
        problems["server"].append("kill %d: %s" % (k, e))
        return
    reported = []
    stop = threading.Event()

    def post_loop():
        c = Client(srv.port, timeout=10)
        i = 0
        try:
            c.get("/")
            while not stop.is_set():
                status, _ = c.post("/log", {"kind": "call", "summary": "s-%d-%d" % (k, i)})
                if status == 303:
                    reported.append(i)
                else:
                    problems["server"].append("kill %d: POST answered %d" % (k, status))
                    return
                i += 1
        except OSError:
            pass  # the server was killed
        finally:
            c.close()

    th = threading.Thread(target=post_loop)
    th.start()
    time.sleep(rng.uniform(0.05, 0.8))
    srv.kill()
    stop.set()
    th.join()
    if not check_common("server", db, k):
        return
    present = {int(s.split("-")[2]) for s in interaction_summaries(db, "s-%d-" % k)}
    last = max(reported) if reported else -1
    missing = set(reported) - present
    extra = present - set(reported) - {last + 1}
    if missing:
        problems["server"].append("kill %d: 303 but missing: %s" % (k, sorted(missing)))
    if extra:
        problems["server"].append("kill %d: present but never answered: %s" %
                                  (k, sorted(extra)))
    done_writes["server"] += len(reported)
    in_flight["server"] += (last + 1) in present


dbs = {kind: os.path.join(work, kind + ".db") for kind in counts}
for db in dbs.values():
    rapport(db, "log", "note", "start")
start = time.time()
next_burst = 0
for k in range(KILLS):
    kind = ("burst", "import", "server")[k % 3]
    counts[kind] += 1
    if kind == "burst":
        next_burst = burst_round(dbs[kind], k, next_burst)
    elif kind == "import":
        if counts[kind] % 20 == 1:  # keep the file small: a new one now and then
            for suffix in ("", "-wal", "-shm"):
                if os.path.exists(dbs[kind] + suffix):
                    os.unlink(dbs[kind] + suffix)
            time_import(dbs[kind], k)
        import_round(dbs[kind], k)
    else:
        server_round(dbs[kind], k)
elapsed = time.time() - start

for kind, what in (("burst", "a burst of log and task add"),
                   ("import", "import linkedin of %d people" % IMPORT_ROWS),
                   ("server", "the server under POST /log")):
    t.ok(not problems[kind],
         "kill -9 of %s, %d times: integrity ok, every reported write there, nothing half done"
         % (what, counts[kind]), "\n".join(problems[kind][:20]))
t.figure("kills", KILLS)
t.figure("kill seconds", "%.0f" % elapsed)
t.figure("kill writes reported done", "burst %d, imports %d, POSTs %d" %
         (done_writes["burst"], done_writes["import"], done_writes["server"]))
t.figure("kill in-flight writes found committed", "burst %d, imports %d, POSTs %d" %
         (in_flight["burst"], in_flight["import"], in_flight["server"]))
t.figure("kill imports cut short", "%d left nothing, %d committed whole before the kill"
         % (import_outcomes["none"], import_outcomes["all"]))
t.done()
