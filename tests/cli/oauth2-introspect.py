#!/usr/bin/env python3
"""A token introspection endpoint (RFC 7662) for the OAuth2 test (t2560):
dovecot's oauth2 passdb posts token=BEARER to it and signs the user in
when the answer says active, with the user's name.

usage: oauth2-introspect.py PORTFILE TOKEN USER
Listens on 127.0.0.1 (a free port, written to PORTFILE once it listens);
TOKEN is the one valid token, for USER; any other is inactive. Each token
asked about is appended to PORTFILE.log, to show the server was asked.
"""
import http.server
import json
import os
import sys
import urllib.parse

portfile, token, user = sys.argv[1:4]


class Introspect(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        form = urllib.parse.parse_qs(self.rfile.read(length).decode())
        asked = (form.get("token") or [""])[0]
        with open(portfile + ".log", "a") as log:
            log.write(("valid" if asked == token else "invalid") + "\n")
        answer = {"active": True, "username": user} if asked == token else {"active": False}
        data = json.dumps(answer).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


server = http.server.HTTPServer(("127.0.0.1", 0), Introspect)
# the port, written whole once the server listens: its file is the sign it is ready
with open(portfile + ".tmp", "w") as f:
    f.write("%d\n" % server.server_address[1])
os.rename(portfile + ".tmp", portfile)
server.serve_forever()
