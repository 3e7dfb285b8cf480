"""faultlib.py: what the fault tests share (Python 3 standard library only).

Each test script prints TAP-like lines through Tap: "ok - what", "not ok -
what" (with "#   " diagnostics), "ok - what # skip why", and "# figure NAME:
VALUE" lines that tests/faults/run collects for docs/reliability.md. The
runner numbers the lines.

Environment: RAPPORT (the binary under test), FAULTS_MODE (quick or full),
FAULTS_TMP (a scratch folder, removed by the runner).
"""
import contextlib
import csv
import http.client
import os
import re
import resource
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time

RAPPORT = os.environ.get("RAPPORT", "")
QUICK = os.environ.get("FAULTS_MODE", "full") == "quick"
NOW = "2026-03-02T09:00"


def pick(quick, full):
    """The quick (CI) figure, or the issue's."""
    return quick if QUICK else full


class Tap:
    def __init__(self):
        self.failed = 0

    def ok(self, cond, what, diag=None):
        print("%s - %s" % ("ok" if cond else "not ok", what), flush=True)
        if not cond:
            self.failed += 1
            for line in str(diag or "").splitlines():
                print("#   " + line, flush=True)
        return cond

    def skip(self, what, why):
        print("ok - %s # skip %s" % (what, why), flush=True)

    def figure(self, name, value):
        print("# figure %s: %s" % (name, value), flush=True)

    def note(self, text):
        for line in str(text).splitlines():
            print("# " + line, flush=True)

    def done(self):
        sys.exit(1 if self.failed else 0)


def scratch(name):
    """A fresh folder under FAULTS_TMP (or the system's temporary folder)."""
    root = os.environ.get("FAULTS_TMP") or tempfile.gettempdir()
    path = tempfile.mkdtemp(prefix=name + ".", dir=root)
    os.chmod(path, 0o755)
    return path


def env_for(db, home=None, **extra):
    env = dict(os.environ)
    env.update(RAPPORT_DB=db, RAPPORT_NOW=NOW)
    home = home or os.path.join(os.path.dirname(db), "home")
    os.makedirs(home, exist_ok=True)
    env.update(HOME=home, XDG_DATA_HOME=home + "/.local/share",
               XDG_CONFIG_HOME=home + "/.config")
    env.update(extra)
    return env


def rapport(db, *args, env=None, **kw):
    """Run rapport on db; a CompletedProcess with bytes stdout and stderr."""
    return subprocess.run([RAPPORT] + list(args), env=env or env_for(db),
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kw)


def crashed(rc):
    """A signal, or the sanitizers' or abort()'s exit codes."""
    return rc < 0 or rc >= 128 or rc not in (0, 1, 2)


def one_line_error(p):
    """Exit 1 and one line on stderr that starts with 'rapport: '."""
    err = p.stderr.decode(errors="replace")
    return p.returncode == 1 and err.startswith("rapport: ") and err.count("\n") == 1


def sql(db, query, args=()):
    """Rows of one query, on a connection of its own (Python's sqlite3 is
    the system SQLite, as rapport's)."""
    con = sqlite3.connect(db, timeout=30)
    try:
        return con.execute(query, args).fetchall()
    finally:
        con.close()


def integrity(db):
    """'ok', or what PRAGMA integrity_check found."""
    try:
        rows = sql(db, "PRAGMA integrity_check")
    except sqlite3.Error as e:
        return "error: %s" % e
    return "\n".join(r[0] for r in rows)


def file_digest(path):
    import hashlib
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def listing(folder):
    return sorted(os.listdir(folder))


def linkedin_csv(path, prefix, n):
    """LinkedIn's Connections.csv with n people named PREFIX-J Person."""
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\r\n")
        w.writerow(["First Name", "Last Name", "URL", "Email Address", "Company", "Position",
                    "Connected On"])
        for j in range(n):
            w.writerow(["%s-%d" % (prefix, j), "Person",
                        "https://www.linkedin.com/in/%s-%d" % (prefix.lower(), j),
                        "", "Org %d" % (j % 40), "Engineer", "01 Mar 2026"])


def rss_kb(pid):
    """VmRSS of a process in kB (0 when it is gone)."""
    try:
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def raise_nofile(n):
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    want = max(soft, min(n, hard if hard != resource.RLIM_INFINITY else n))
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_NOFILE, (want, hard))
    return resource.getrlimit(resource.RLIMIT_NOFILE)[0]


# The sign-in key of each server started here, by port (Client signs in with it).
KEYS = {}


class Server:
    """rapport serve on a free port of 127.0.0.1."""

    def __init__(self, db, env=None):
        self.db = db
        self.out = open(db + ".serve.out", "w+")
        self.err = open(db + ".serve.err", "w+")
        self.proc = subprocess.Popen([RAPPORT, "serve", "--listen", "127.0.0.1:0"],
                                     env=env or env_for(db), stdout=self.out,
                                     stderr=self.err, start_new_session=True)
        self.port = None
        deadline = time.time() + 20
        while time.time() < deadline:
            self.out.seek(0)
            m = re.search(r"on http://127\.0\.0\.1:(\d+)/\?key=([0-9a-f]+)", self.out.read())
            if m:
                self.port = int(m.group(1))
                self.key = m.group(2)
                KEYS[self.port] = self.key
                break
            if self.proc.poll() is not None:
                break
            time.sleep(0.01)
        if not self.port:
            self.kill()
            raise RuntimeError("rapport serve did not start: " + self.stderr())

    @property
    def pid(self):
        return self.proc.pid

    def stderr(self):
        with open(self.db + ".serve.err", errors="replace") as f:
            return f.read()

    def alive(self):
        return self.proc.poll() is None

    def kill(self):
        with contextlib.suppress(ProcessLookupError):
            self.proc.send_signal(signal.SIGKILL)
        self.proc.wait()
        self.out.close()
        self.err.close()

    def stop(self):
        """SIGTERM; the exit code (0: a clean stop, and no leak under ASan)."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        try:
            rc = self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            rc = self.proc.wait()
        self.out.close()
        self.err.close()
        return rc

    def rss(self):
        return rss_kb(self.proc.pid)


class Client:
    """A browser-like client: the session cookie and the CSRF token of the
    pages it has seen, one keep-alive connection. It signs in first, with
    the key of the address the server printed (signin=False: it does not)."""

    def __init__(self, port, timeout=30, signin=True):
        self.port = port
        self.timeout = timeout
        self.cookie = self.csrf = None
        self.conn = None
        if signin and port in KEYS:
            self.request("GET", "/?key=" + KEYS[port])

    def _conn(self):
        if self.conn is None:
            self.conn = http.client.HTTPConnection("127.0.0.1", self.port,
                                                   timeout=self.timeout)
        return self.conn

    def close(self):
        if self.conn:
            self.conn.close()
            self.conn = None

    def request(self, method, path, body=None, headers=None):
        h = {"Host": "127.0.0.1:%d" % self.port}
        if self.cookie:
            h["Cookie"] = "rapport_session=" + self.cookie
        if body is not None:
            h["Content-Type"] = "application/x-www-form-urlencoded"
        h.update(headers or {})
        for attempt in (0, 1):
            try:
                c = self._conn()
                c.request(method, path, body=body, headers=h)
                r = c.getresponse()
                data = r.read()
                break
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                # a keep-alive connection the server closed: once more on a new one
                self.close()
                if attempt:
                    raise
        if r.getheader("Connection", "").lower() == "close":
            self.close()
        m = re.search(r"rapport_session=([0-9a-f]+)", r.getheader("Set-Cookie") or "")
        if m:
            self.cookie = m.group(1)
        m = re.search(rb'<meta name="csrf" content="([0-9a-f]+)"', data)
        if m:
            self.csrf = m.group(1).decode()
        return r.status, data

    def get(self, path="/"):
        return self.request("GET", path)

    def post(self, path, fields, csrf=True, headers=None):
        import urllib.parse
        if self.csrf is None:
            self.get("/")
        fields = list(fields.items()) if isinstance(fields, dict) else list(fields)
        if csrf is True:
            fields.append(("csrf", self.csrf))
        elif csrf:
            fields.append(("csrf", csrf))
        return self.request("POST", path, urllib.parse.urlencode(fields).encode(), headers)


def interaction_summaries(db, prefix):
    return {r[0] for r in sql(db, "SELECT summary FROM interaction WHERE summary LIKE ?",
                              (prefix + "%",))}


def task_titles(db, prefix):
    return {r[0] for r in sql(db, "SELECT title FROM task WHERE title LIKE ?",
                              (prefix + "%",))}


def wait_port_closed(sock, limit):
    """Seconds until the peer closes sock (recv gives EOF or an error), or None."""
    start = time.time()
    sock.settimeout(0.5)
    while time.time() - start < limit:
        try:
            if sock.recv(4096) == b"":
                return time.time() - start
        except socket.timeout:
            continue
        except OSError:
            return time.time() - start
    return None


def rmtree(path):
    shutil.rmtree(path, ignore_errors=True)
