#!/usr/bin/python3
"""Files rapport cannot use: a read-only database, a read-only folder, a
missing folder, a file that is not a database, another program's SQLite
database, a database with flipped bytes, one from a newer rapport, a folder
where the database should be. Each: exit 1, one line "rapport: ..." that
says what is wrong, no crash, nothing created, nothing changed.

The permission cases run as the user nobody when the tests run as root (root
may write anything).
"""
import os
import random
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from faultlib import (RAPPORT, Tap, crashed, env_for, file_digest, listing, one_line_error,
                      pick, rapport, scratch, sql)

t = Tap()
work = scratch("badfiles")
ROOT = os.geteuid() == 0
NOBODY = 65534

# nobody may not reach the binary where it was built (a clone in a 0700
# folder, as mktemp -d makes): it runs a copy in the scratch folder, which
# nobody can enter, from there.
NOBODY_RAPPORT = RAPPORT
if ROOT:
    NOBODY_RAPPORT = os.path.join(work, "bin", "rapport")
    os.makedirs(os.path.dirname(NOBODY_RAPPORT))
    shutil.copy2(RAPPORT, NOBODY_RAPPORT)
    os.chmod(NOBODY_RAPPORT, 0o755)


def run(db, *args, user=False, env=None):
    kw = {}
    binary = RAPPORT
    if user and ROOT:
        kw = dict(user=NOBODY, group=NOBODY, extra_groups=[], cwd=work)
        binary = NOBODY_RAPPORT
    return subprocess.run([binary] + list(args), env=env or env_for(db, home=work + "/home"),
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kw)


def state(folder):
    """The names in folder and the digest of each file."""
    return {n: file_digest(os.path.join(folder, n)) for n in listing(folder)
            if os.path.isfile(os.path.join(folder, n))}, listing(folder)


def refused(what, db, folder, phrase, cmds=(("log", "call", "x"), ("agenda",)), user=False):
    """Every command of cmds: exit 1, one line containing phrase, folder unchanged."""
    before = state(folder)
    bad = []
    for cmd in cmds:
        p = run(db, *cmd, user=user)
        err = p.stderr.decode(errors="replace")
        if not one_line_error(p) or phrase not in err:
            bad.append("%s: exit %d, stderr %r" % (" ".join(cmd), p.returncode, err))
        elif cmd == cmds[0]:
            t.note("%s: %s" % (what, err.strip()))
    after = state(folder)
    if after != before:
        bad.append("the folder changed: %s -> %s" % (before[1], after[1]))
    t.ok(not bad, what, "\n".join(bad))


def fresh_db(folder, name="rapport.db", owner=None):
    os.makedirs(folder, exist_ok=True)
    db = os.path.join(folder, name)
    run(db, "person", "add", "Data Recruiter", "--org", "Acme")
    for i in range(40):
        run(db, "log", "call", "call %d" % i, "--with", "Recruiter", "--notes", "n" * (i * 40))
    if owner is not None:
        for n in listing(folder):
            os.chown(os.path.join(folder, n), owner, owner)
        os.chown(folder, owner, owner)
    return db


# 1. a read-only database file (in a folder the user may write)
d = os.path.join(work, "rofile")
db = fresh_db(d, owner=NOBODY if ROOT else None)
os.chmod(db, 0o444)
refused("a read-only database file: refused, no -wal or -shm left behind", db, d,
        "cannot write to the database", user=True)
os.chmod(db, 0o644)
p = run(db, "log", "call", "writable again", user=True)
t.ok(p.returncode == 0, "made writable again, it takes writes at once", p.stderr.decode())

# 2. a read-only folder: no database yet, and with a database in it
d = os.path.join(work, "rofolder")
os.makedirs(d)
if ROOT:
    os.chown(d, NOBODY, NOBODY)
os.chmod(d, 0o555)
refused("a read-only folder: no database is created in it", os.path.join(d, "rapport.db"), d,
        "cannot write in the folder", user=True)
d = os.path.join(work, "rofolder2")
db = fresh_db(d, owner=NOBODY if ROOT else None)
os.chmod(d, 0o555)
refused("a database in a read-only folder: refused with the reason", db, d,
        "cannot write in the folder", user=True)

# 3. a missing folder
d = os.path.join(work, "missing")
os.makedirs(d)
refused("a missing folder ($RAPPORT_DB): refused, no folder created",
        os.path.join(d, "no", "such", "rapport.db"), d, "does not exist")
home = os.path.join(work, "newhome")
env = env_for(os.path.join(work, "unused.db"), home=home)
del env["RAPPORT_DB"]
p = subprocess.run([RAPPORT, "log", "call", "first"], env=env, stdout=subprocess.PIPE,
                   stderr=subprocess.PIPE)
t.ok(p.returncode == 0 and os.path.exists(home + "/.local/share/rapport/rapport.db"),
     "the default database's missing folders are created by the first command (documented)",
     p.stderr.decode())

# 4. a file that is not a database, and another program's database
d = os.path.join(work, "notdb")
os.makedirs(d)
with open(os.path.join(d, "rapport.db"), "w") as f:
    f.write("name,email\nRecruiter,recruiter@example.com\n" * 200)
refused("a file that is not a database", os.path.join(d, "rapport.db"), d,
        "is not a rapport database")
d = os.path.join(work, "foreign")
os.makedirs(d)
con = __import__("sqlite3").connect(os.path.join(d, "rapport.db"))
con.execute("CREATE TABLE photo (id INTEGER PRIMARY KEY, path TEXT)")
con.execute("INSERT INTO photo (path) VALUES ('a.jpg')")
con.commit()
con.close()
refused("another program's SQLite database: refused, not a table added",
        os.path.join(d, "rapport.db"), d, "not rapport's")

# 5. a database from a newer rapport
d = os.path.join(work, "newer")
db = fresh_db(d)
sql(db, "PRAGMA user_version = 999")
refused("a database from a newer rapport", db, d, "newer rapport")

# 6. the path is a folder
d = os.path.join(work, "isdir")
os.makedirs(os.path.join(d, "rapport.db"))
refused("a folder where the database should be", os.path.join(d, "rapport.db"), d,
        "is a folder")

# 7. flipped bytes
d = os.path.join(work, "flipped")
db = fresh_db(d)
good = open(db, "rb").read()


def write_db(data):
    for n in listing(d):
        os.unlink(os.path.join(d, n))
    with open(db, "wb") as f:
        f.write(data)


data = bytearray(good)
data[0:6] = b"SQLxte"  # the magic string
write_db(data)
refused("a database whose header is damaged", db, d, "damaged",
        cmds=(("log", "call", "x"), ("agenda",), ("search", "call")))
# the interaction table's root page: its page type byte
page_size = int.from_bytes(good[16:18], "big")
write_db(good)
root = sql(db, "SELECT rootpage FROM sqlite_schema WHERE name = 'interaction'")[0][0]
data = bytearray(good)
data[(root - 1) * page_size] = 0x42
write_db(data)
refused("a database with a damaged table", db, d, "damaged",
        cmds=(("log", "call", "x"), ("person", "show", "Recruiter")))

rng = random.Random(7)
rounds = pick(20, 100)
bad = []
outcomes = {"ok": 0, "refused": 0}
for r in range(rounds):
    data = bytearray(good)
    for _ in range(rng.choice((1, 4, 16, 64))):
        data[rng.randrange(len(data))] ^= rng.randrange(1, 256)
    for cmd in (("search", "call"), ("agenda",), ("log", "call", "new")):
        write_db(data)
        before = file_digest(db)
        p = run(db, *cmd)
        if crashed(p.returncode):
            bad.append("round %d, %s: exit %d\n%s" % (r, cmd[0], p.returncode,
                                                        p.stderr.decode(errors="replace")))
        elif p.returncode == 1:
            outcomes["refused"] += 1
            if not one_line_error(p):
                bad.append("round %d, %s: not one line: %r" % (r, cmd[0], p.stderr))
            if file_digest(db) != before:
                bad.append("round %d, %s: refused, but the file changed" % (r, cmd[0]))
        else:
            outcomes["ok"] += 1
t.ok(not bad, "%d databases with random flipped bytes: no crash; each refusal is one line "
     "and changes nothing" % rounds, "\n".join(bad[:10]))
t.figure("flipped-byte commands", "%d ran (the bytes were in unused space or in text), "
         "%d refused" % (outcomes["ok"], outcomes["refused"]))
shutil.rmtree(work, ignore_errors=True)
t.done()
