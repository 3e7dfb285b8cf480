#!/usr/bin/python3
"""rapport backup while the server writes, and rapport restore.

Two clients post /log to the server the whole time; meanwhile `rapport
backup` runs again and again (5 in quick, 20 in full). Each copy must pass
integrity_check and foreign_key_check, hold no more than the live database,
and open in rapport. Backups killed with -9 at random moments leave the
previous backup whole. Then restore: a good copy comes back exactly (the
JSON export is the same) into the live database while the server runs (its
next page shows it); a damaged copy, a file that is not a database and one
from a newer rapport are refused, the database left as it was.
"""
import os
import random
import signal
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from faultlib import (RAPPORT, Client, Server, Tap, env_for, file_digest, integrity,
                      one_line_error, pick, rapport, scratch, sql)

t = Tap()
work = scratch("backup")
db = os.path.join(work, "rapport.db")
rapport(db, "person", "add", "Data Recruiter", "--org", "Acme")
srv = Server(db)
stop = threading.Event()
posted = [0]


def writer(n):
    c = Client(srv.port)
    i = 0
    while not stop.is_set():
        status, _ = c.post("/log", {"kind": "call", "summary": "w%d-%d" % (n, i),
                                    "notes": "x" * 2000})
        posted[0] += status == 303
        i += 1
    c.close()


writers = [threading.Thread(target=writer, args=(n,)) for n in range(2)]
for w in writers:
    w.start()
time.sleep(1)
BACKUPS = pick(5, 20)
bad = []
copies = []
for b in range(BACKUPS):
    copy = os.path.join(work, "copy%d.db" % b)
    p = rapport(db, "backup", copy)
    live = sql(db, "SELECT count(*) FROM interaction")[0][0]
    if p.returncode != 0:
        bad.append("backup %d: exit %d %s" % (b, p.returncode, p.stderr.decode()))
        continue
    n = sql(copy, "SELECT count(*) FROM interaction")[0][0]
    fk = sql(copy, "PRAGMA foreign_key_check")
    if integrity(copy) != "ok" or fk or n > live or n == 0:
        bad.append("backup %d: integrity %s, foreign keys %s, %d rows (live %d)" %
                   (b, integrity(copy), fk[:3], n, live))
    if os.path.exists(copy + "-wal"):
        bad.append("backup %d: a -wal beside the copy" % b)
    copies.append((copy, n))
    time.sleep(0.2)
t.ok(not bad, "%d backups while the server writes: each copy whole (integrity_check, "
     "foreign_key_check), one file" % BACKUPS, "\n".join(bad))

# kill -9 during a backup: the previous backup stays whole
target = os.path.join(work, "kept.db")
rapport(db, "backup", target)
kept = file_digest(target)
rng = random.Random(11)
kills = pick(10, 40)
outcome = {"old": 0, "new": 0}
bad = []
for k in range(kills):
    p = subprocess.Popen([RAPPORT, "backup", "--force", target], env=env_for(db),
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(rng.uniform(0, 0.5))
    p.send_signal(signal.SIGKILL)
    p.wait()
    d = file_digest(target)
    if integrity(target) != "ok":
        bad.append("kill %d: %s" % (k, integrity(target)))
    outcome["old" if d == kept else "new"] += 1
    kept = d
t.ok(not bad, "%d backups killed with -9: the backup file is always a whole copy" % kills,
     "\n".join(bad))
# the temporaries the kills left are swept by the next backup of that file
left = [n for n in os.listdir(work) if n.startswith(".kept.db.rapport-tmp.")]
p = rapport(db, "backup", "--force", target)
still = [n for n in os.listdir(work) if n.startswith(".kept.db.rapport-tmp.")]
t.ok(p.returncode == 0 and not still and integrity(target) == "ok",
     "the next backup sweeps the temporaries the kills left (%d)" % len(left),
     "exit %d; left %r" % (p.returncode, still))
t.figure("backup kills", "%d: %d left the previous copy, %d had finished" %
         (kills, outcome["old"], outcome["new"]))

stop.set()
for w in writers:
    w.join()
t.figure("backup POSTs during the backups", posted[0])

# restore a good copy into the live database, the server running
copy, n = copies[-1] if copies else (None, 0)
if copy:
    want = rapport(copy, "export").stdout
    p = rapport(db, "restore", copy)
    got = rapport(db, "export").stdout
    c = Client(srv.port)
    status, page = c.get("/search?q=w0")
    t.ok(p.returncode == 0 and got == want and
         sql(db, "SELECT count(*) FROM interaction")[0][0] == n and status == 200,
         "restore brings a copy back exactly, under the running server",
         "exit %d %s; export equal %s; server %d" % (p.returncode, p.stderr.decode(),
                                                     got == want, status))
    c.close()
    # refusals
    before = rapport(db, "export").stdout
    size = os.path.getsize(copy)
    damaged = os.path.join(work, "damaged.db")
    data = bytearray(open(copy, "rb").read())
    page = int.from_bytes(data[16:18], "big")
    root = sql(copy, "SELECT rootpage FROM sqlite_schema WHERE name = 'interaction'")[0][0]
    data[(root - 1) * page] = 0x42
    open(damaged, "wb").write(data)
    text = os.path.join(work, "text.db")
    open(text, "w").write("not a database\n" * 100)
    newer = os.path.join(work, "newer.db")
    open(newer, "wb").write(open(copy, "rb").read())
    sql(newer, "PRAGMA user_version = 999")
    planted = os.path.join(work, "planted.db")
    open(planted, "wb").write(open(copy, "rb").read())
    sql(planted, "CREATE TRIGGER wipe AFTER INSERT ON interaction BEGIN DELETE FROM person; END")
    bad = []
    for f, phrase in ((damaged, "damaged"), (text, "not a rapport database"),
                      (newer, "newer rapport"),
                      (planted, "has a trigger 'wipe' that rapport does not make")):
        p = rapport(db, "restore", f)
        err = p.stderr.decode(errors="replace")
        t.note("restore %s: %s" % (os.path.basename(f), err.strip()))
        if not one_line_error(p) or phrase not in err:
            bad.append("%s: exit %d %r" % (f, p.returncode, err))
    t.ok(not bad and rapport(db, "export").stdout == before,
         "restore refuses a damaged file, a non-database, a newer rapport's and one "
         "with a planted trigger, and changes nothing", "\n".join(bad))
else:
    t.ok(False, "restore (no backup was made)")
rc = srv.stop()
t.ok(rc == 0, "the server stopped cleanly", srv.stderr()[-2000:])
t.done()
