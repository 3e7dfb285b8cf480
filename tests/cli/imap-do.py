#!/usr/bin/env python3
"""Change the test IMAP server's folders as a mail program would (t2520).

usage: imap-do.py PORT USER PASSWORD COMMAND ARG...
  append FOLDER FILE...     deliver each message file to FOLDER (IMAP APPEND)
  recreate FOLDER FILE...   delete FOLDER, create it again (a new UIDVALIDITY)
                            and deliver the files to it
  unseen FOLDER             print how many of FOLDER's messages are not \\Seen
  dump FOLDER DIR           write each message of FOLDER to DIR/N.eml, and
                            its flags to DIR/N.flags
Connects without TLS to 127.0.0.1:PORT (the test server's plain listener).
"""
import imaplib
import sys


def deliver(imap, folder, files):
    for name in files:
        with open(name, "rb") as f:
            data = f.read().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
        typ, what = imap.append(quoted(folder), None, None, data)
        if typ != "OK":
            sys.exit("append to %s: %s" % (folder, what))


def dump(imap, folder, where):
    imap.select(quoted(folder), readonly=True)
    typ, data = imap.search(None, "ALL")
    for n in data[0].split():
        typ, parts = imap.fetch(n, "(FLAGS BODY.PEEK[])")
        head, raw = parts[0]
        flags = head[head.index(b"FLAGS (") + 7:].split(b")")[0]
        with open("%s/%s.eml" % (where, n.decode()), "wb") as f:
            f.write(raw)
        with open("%s/%s.flags" % (where, n.decode()), "wb") as f:
            f.write(flags + b"\n")


def quoted(folder):
    return '"' + folder.replace("\\", "\\\\").replace('"', '\\"') + '"'


def main():
    port, user, password, command, folder = sys.argv[1:6]
    files = sys.argv[6:]
    imap = imaplib.IMAP4("127.0.0.1", int(port))
    imap.login(user, password)
    if command == "append":
        deliver(imap, folder, files)
    elif command == "recreate":
        imap.delete(quoted(folder))
        imap.create(quoted(folder))
        deliver(imap, folder, files)
    elif command == "unseen":
        imap.select(quoted(folder), readonly=True)
        typ, data = imap.search(None, "UNSEEN")
        print(len(data[0].split()))
    elif command == "dump":
        dump(imap, folder, files[0])
    else:
        sys.exit("unknown command " + command)
    imap.logout()


main()
