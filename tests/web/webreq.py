#!/usr/bin/env python3
"""webreq.py: one HTTP request to a test's rapport server, as a browser would
send it: the session cookie it was given and, for a POST, the CSRF token of
its pages (both kept in a jar file between calls).

  webreq.py [options] METHOD PATH [NAME=VALUE ...]

Prints the status code on the first line, then the response headers
("Name: value"), a blank line and the body. Options:
  --host H      the Host header (default: the server's own address)
  --origin O    send an Origin header
  --no-cookie   send no session cookie
  --no-csrf     send no CSRF token with a POST
  --csrf T      send T as the CSRF token
  --body TEXT   the raw POST body instead of NAME=VALUE pairs
  --body-file F the raw POST body, read from file F
  --file N=PATH  send the form as multipart/form-data, with file PATH as field N
                (its name as the filename); repeatable
  --filename F  the filename sent with the files instead (a hostile one)
  --multipart   send the form as multipart/form-data (with or without a file)
  --status-only print only the status code
  --cookie N=V  send cookie N as well (a practice's undo flash, by hand)
  --header N:V  send header N (as a proxy in front would: X-Forwarded-For)
$WEBREQ_TIMEOUT sets the socket timeout in seconds (default 30).
The server's address is $WEB (http://127.0.0.1:PORT); the jar is $WEB_JAR.
With a session cookie wanted and none in the jar yet, it first signs in as
the user would, with the address the server printed ($WEB/?key=$WEB_KEY).
"""
import http.client
import os
import re
import sys
import tempfile
import urllib.parse


def save_html(method, path, r, data):
    """Keep a copy of every HTML page in $WEB_HTML_DIR (when set), for the
    runner to validate them all at the end (tests/run): one file a page,
    named after the request."""
    folder = os.environ.get("WEB_HTML_DIR")
    ctype = r.getheader("Content-Type") or ""
    if not folder or not data or not ctype.lower().startswith("text/html"):
        return
    os.makedirs(folder, exist_ok=True)
    name = re.sub(r"[^A-Za-z0-9_-]+", "-", path.split("?")[0]).strip("-")[:60] or "root"
    fd, _ = tempfile.mkstemp(prefix="%s-%s-%d." % (method, name, r.status), suffix=".html",
                             dir=folder)
    with os.fdopen(fd, "wb") as f:
        f.write(data)


def main(argv):
    opts = {"host": None, "origin": None, "cookie": True, "csrf": True, "token": None,
            "body": None, "status_only": False, "files": [], "multipart": False,
            "cookies": [], "headers": {}, "filename": None}
    args = []
    i = 0
    while i < len(argv):
        a = argv[i]
        if a == "--host":
            opts["host"] = argv[i + 1]; i += 1
        elif a == "--origin":
            opts["origin"] = argv[i + 1]; i += 1
        elif a == "--no-cookie":
            opts["cookie"] = False
        elif a == "--no-csrf":
            opts["csrf"] = False
        elif a == "--csrf":
            opts["token"] = argv[i + 1]; i += 1
        elif a == "--body":
            opts["body"] = argv[i + 1]; i += 1
        elif a == "--body-file":
            opts["body"] = open(argv[i + 1]).read(); i += 1
        elif a == "--file":
            name, _, path = argv[i + 1].partition("=")
            opts["files"].append((name, path)); opts["multipart"] = True; i += 1
        elif a == "--filename":
            opts["filename"] = argv[i + 1]; i += 1
        elif a == "--multipart":
            opts["multipart"] = True
        elif a == "--header":
            name, _, value = argv[i + 1].partition(":")
            opts["headers"][name] = value.strip(); i += 1
        elif a == "--cookie":
            opts["cookies"].append(argv[i + 1]); i += 1
        elif a == "--status-only":
            opts["status_only"] = True
        else:
            args.append(a)
        i += 1
    method, path, pairs = args[0], args[1], args[2:]
    base = urllib.parse.urlsplit(os.environ["WEB"])
    jar = os.environ.get("WEB_JAR", "")
    state = {}
    if jar and os.path.exists(jar):
        for line in open(jar):
            k, _, v = line.strip().partition("=")
            state[k] = v

    def multipart(fields, files):
        boundary = "----rapport-test-%s" % os.urandom(8).hex()
        out = []
        for k, v in fields:
            out.append(("--%s\r\nContent-Disposition: form-data; name=\"%s\"\r\n\r\n"
                        % (boundary, k)).encode() + v.encode() + b"\r\n")
        for k, path in files:
            out.append(("--%s\r\nContent-Disposition: form-data; name=\"%s\"; filename=\"%s\"\r\n"
                        "Content-Type: application/octet-stream\r\n\r\n"
                        % (boundary, k, opts["filename"] or os.path.basename(path))).encode()
                       + open(path, "rb").read() + b"\r\n")
        out.append(("--%s--\r\n" % boundary).encode())
        return b"".join(out), "multipart/form-data; boundary=" + boundary

    def request(method, path, body=None, headers=None):
        conn = http.client.HTTPConnection(base.hostname, base.port,
                                          timeout=float(os.environ.get("WEBREQ_TIMEOUT", "30")))
        h = {"Host": opts["host"] or base.netloc}
        cookies = list(opts["cookies"])
        if opts["cookie"] and state.get("cookie"):
            cookies.append(state.get("cookie_name", "rapport_session") + "=" + state["cookie"])
        if opts["cookie"] and state.get("flash"):
            cookies.append("__Host-rapport-flash=" + state["flash"])
        if cookies:
            h["Cookie"] = "; ".join(cookies)
        if opts["origin"]:
            h["Origin"] = opts["origin"]
        h.update(opts["headers"])
        if body is not None:
            h["Content-Type"] = "application/x-www-form-urlencoded"
        h.update(headers or {})
        try:
            conn.request(method, path, body=body, headers=h)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the server answered before reading the whole body (413)
        r = conn.getresponse()
        data = r.read()
        for k, v in r.getheaders():
            if k.lower() == "set-cookie":
                # one person's server's cookie, or a practice's (issue 20),
                # which signing out clears
                m = re.match(r"(rapport_session|__Host-rapport)=([0-9a-f]*)", v)
                # a practice's undo flash, kept until a page clears it
                f = re.match(r"__Host-rapport-flash=(-?[0-9]*)", v)
                if f and f.group(1):
                    state["flash"] = f.group(1)
                elif f:
                    state.pop("flash", None)
                if m and m.group(2):
                    state["cookie_name"], state["cookie"] = m.group(1), m.group(2)
                elif m:
                    state.pop("cookie", None)
        save_html(method, path, r, data)
        m = re.search(rb'<meta name="csrf" content="([0-9a-f]+)"', data)
        if m:
            state["csrf"] = m.group(1).decode()
        conn.close()
        return r, data

    if opts["cookie"] and "cookie" not in state and os.environ.get("WEB_KEY"):
        request("GET", "/?key=" + os.environ["WEB_KEY"])  # the address serve printed
    body = None
    extra = None
    if method == "POST":
        if "cookie" not in state or "csrf" not in state:
            request("GET", "/")  # a browser has seen a page before it posts
        if opts["body"] is not None:
            body = opts["body"].encode()
            if opts["multipart"]:
                extra = {"Content-Type": "multipart/form-data; boundary=x"}
        else:
            fields = [tuple(p.split("=", 1)) for p in pairs]
            if opts["token"] is not None:
                fields.append(("csrf", opts["token"]))
            elif opts["csrf"]:
                fields.append(("csrf", state.get("csrf", "")))
            if opts["multipart"]:
                body, ctype = multipart(fields, opts["files"])
                extra = {"Content-Type": ctype}
                # a form that sends a file carries the token in its address
                # too, as rapport's pages write it: checked before the body
                token = [v for k, v in fields if k == "csrf"]
                if token:
                    path += ("&" if "?" in path else "?") + "csrf=" + urllib.parse.quote(token[0])
            else:
                body = urllib.parse.urlencode(fields).encode()
    r, data = request(method, path, body, extra)
    if jar:
        with open(jar, "w") as f:
            for k, v in state.items():
                f.write("%s=%s\n" % (k, v))
    if opts["status_only"]:
        print(r.status)
        return 0
    out = sys.stdout.buffer
    out.write(b"%d\n" % r.status)
    for k, v in r.getheaders():
        out.write(("%s: %s\n" % (k, v)).encode())
    out.write(b"\n")
    out.write(data)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
