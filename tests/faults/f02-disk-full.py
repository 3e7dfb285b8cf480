#!/usr/bin/python3
"""Disk full during an import.

The database lives on a small tmpfs (mounted here; this needs root) that is
filled up to a few pages before `rapport import linkedin` of 3,000 people:
the import must fail with a one-line error that says the disk is full, roll
back (none of its people, integrity_check ok, the data as before), and once
the space is freed the next write and the same import must work. Then the
same with SQLite's temporary folder (SQLITE_TMPDIR) on a full tmpfs and the
database on an ordinary disk: the import either works whole or fails
cleanly.

Without mount (not root, or no tmpfs), the file size limit of the process
(RLIMIT_FSIZE, with SIGXFSZ ignored so that write() fails with EFBIG) stands
in for a full disk; the error then is an I/O error rather than "full".
"""
import errno
import os
import resource
import signal
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from faultlib import (Tap, env_for, integrity, linkedin_csv, one_line_error, rapport, scratch,
                      sql)

t = Tap()
work = scratch("diskfull")
ROWS = 3000
csv_path = os.path.join(work, "connections.csv")
linkedin_csv(csv_path, "Full", ROWS)


def mount_tmpfs(path, size):
    os.makedirs(path, exist_ok=True)
    if os.geteuid() != 0:
        return False
    return subprocess.run(["mount", "-t", "tmpfs", "-o", "size=%s,mode=0755" % size, "tmpfs",
                           path], stderr=subprocess.DEVNULL).returncode == 0


def umount(path):
    subprocess.run(["umount", path], stderr=subprocess.DEVNULL)


def fill(folder, leave):
    """Fill the file system of folder, then free `leave` bytes; the filler's path."""
    filler = os.path.join(folder, "filler")
    block = b"\0" * 65536
    with open(filler, "wb") as f:
        try:
            while True:
                f.write(block)
                f.flush()
        except OSError as e:
            if e.errno != errno.ENOSPC:
                raise
        size = f.tell()
    with open(filler, "r+b") as f:
        f.truncate(max(0, size - leave))
    return filler


def people(db, prefix="Full-"):
    return sql(db, "SELECT count(*) FROM person WHERE name LIKE ?", (prefix + "%",))[0][0]


def dump(db):
    """Every row of the tables the import writes, to compare before and after."""
    return (sql(db, "SELECT * FROM person ORDER BY id"),
            sql(db, "SELECT * FROM organisation ORDER BY id"),
            sql(db, "SELECT * FROM interaction ORDER BY id"))


def seed(db):
    rapport(db, "person", "add", "Data Recruiter", "--org", "Acme")
    rapport(db, "log", "call", "before the disk filled", "--with", "Recruiter")


m1, m2 = os.path.join(work, "dbfs"), os.path.join(work, "tmpfs")
if mount_tmpfs(m1, "3m"):
    try:
        db = os.path.join(m1, "rapport.db")
        seed(db)
        before = dump(db)
        filler = fill(m1, 48 * 1024)
        p = rapport(db, "import", "linkedin", csv_path)
        err = p.stderr.decode(errors="replace")
        t.note("disk full: " + err.strip())
        t.ok(one_line_error(p) and "full" in err,
             "an import onto a full disk fails with one line that says so",
             "exit %d, stderr: %s" % (p.returncode, err))
        t.ok(integrity(db) == "ok" and people(db) == 0 and dump(db) == before,
             "the import rolled back: integrity ok, none of its people, the data as before",
             "integrity: %s, people: %d" % (integrity(db), people(db)))
        p2 = rapport(db, "log", "call", "still full")
        t.note("a small write on the nearly full disk: exit %d %s" %
               (p2.returncode, p2.stderr.decode(errors="replace").strip()))
        t.ok(p2.returncode in (0, 1) and (p2.returncode == 0 or one_line_error(p2)),
             "a small write while the disk is nearly full works or fails cleanly",
             "exit %d: %s" % (p2.returncode, p2.stderr.decode()))
        os.unlink(filler)
        p3 = rapport(db, "log", "call", "after the space was freed")
        p4 = rapport(db, "import", "linkedin", csv_path)
        t.ok(p3.returncode == 0 and p4.returncode == 0 and people(db) == ROWS and
             integrity(db) == "ok",
             "once space is freed, the next write and the whole import work",
             "log: %d %s; import: %d %s; people %d" %
             (p3.returncode, p3.stderr.decode(), p4.returncode, p4.stderr.decode(),
              people(db)))
    finally:
        umount(m1)
    if mount_tmpfs(m2, "256k"):
        try:
            db = os.path.join(work, "tmpdir.db")
            seed(db)
            before = dump(db)
            fill(m2, 0)
            env = env_for(db, SQLITE_TMPDIR=m2, TMPDIR=m2)
            p = rapport(db, "import", "linkedin", csv_path, env=env)
            n = people(db)
            if p.returncode == 0:
                t.ok(n == ROWS and integrity(db) == "ok",
                     "with SQLite's temporary folder full, the import (which needed no "
                     "temporary file) is whole", "people %d" % n)
                t.note("the import used no temporary file: a full temporary folder did "
                       "not matter")
            else:
                t.note("temporary folder full: " + p.stderr.decode(errors="replace").strip())
                t.ok(one_line_error(p) and n == 0 and dump(db) == before and
                     integrity(db) == "ok",
                     "with SQLite's temporary folder full, the import fails cleanly and "
                     "rolls back", "exit %d %s; people %d" %
                     (p.returncode, p.stderr.decode(), n))
            t.figure("disk full method", "tmpfs (3 MB database, 256 kB temporary folder)")
        finally:
            umount(m2)
    else:
        t.skip("SQLite's temporary folder on a full tmpfs", "cannot mount a second tmpfs")
else:
    # no tmpfs: a file size limit stands in for a full disk
    db = os.path.join(work, "fsize.db")
    seed(db)
    before = dump(db)
    size = os.path.getsize(db)

    def limit():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (size + 64 * 1024, size + 64 * 1024))

    p = subprocess.run([os.environ["RAPPORT"], "import", "linkedin", csv_path],
                       env=env_for(db), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       preexec_fn=limit)
    t.ok(one_line_error(p), "an import over the file size limit fails with one line",
         "exit %d: %s" % (p.returncode, p.stderr.decode()))
    t.ok(integrity(db) == "ok" and people(db) == 0 and dump(db) == before,
         "the import rolled back", "people %d" % people(db))
    p3 = rapport(db, "import", "linkedin", csv_path)
    t.ok(p3.returncode == 0 and people(db) == ROWS, "without the limit the import works",
         p3.stderr.decode())
    t.figure("disk full method", "RLIMIT_FSIZE (tmpfs could not be mounted)")
t.done()
