#!/usr/bin/python3
"""A real SMTP server for the mail tests (t2540), with aiosmtpd.

usage: smtp-sink.py PORT DIR USER PASSWORD [CERT KEY]
Listens on 127.0.0.1:PORT until killed. Every message it accepts is written
to DIR/N.eml (as received) and its envelope to DIR/N.env ("from ADDR", then
"to ADDR" a line). A recipient whose address starts with "nobody@" is
refused (550). Signing in as USER with PASSWORD is required; with CERT and
KEY it offers STARTTLS and requires it first. Writes DIR/ready once it
listens. (/usr/bin/python3: Debian's python3-aiosmtpd is installed there.)

With SINK_AUTH=xoauth2 in its environment, PASSWORD is an OAuth2 bearer
token and signing in is SASL XOAUTH2 only (PLAIN and LOGIN not offered):
each attempt's user and token are written a line to DIR/xoauth2.log, and a
token that is not PASSWORD is refused as a provider refuses one (a 334
with an error in JSON, then 535 once the client answers).
"""
import base64
import os
import ssl
import sys
import time

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import MISSING, AuthResult, LoginPassword


class Sink:
    def __init__(self, where):
        self.where = where
        self.n = 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.startswith("nobody@"):
            return "550 5.1.1 <%s>: no such user here" % address
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.n += 1
        base = os.path.join(self.where, str(self.n))
        with open(base + ".env", "w") as f:
            f.write("from %s\n" % envelope.mail_from)
            for to in envelope.rcpt_tos:
                f.write("to %s\n" % to)
        with open(base + ".eml", "wb") as f:
            f.write(envelope.original_content)
        return "250 Message accepted for delivery"


class XOAuth2Sink(Sink):
    """Sink that takes SASL XOAUTH2: "user=U^Aauth=Bearer TOKEN^A^A"."""

    def __init__(self, where, user, token):
        super().__init__(where)
        self.user, self.token = user, token

    async def auth_XOAUTH2(self, server, args):
        if len(args) == 2:
            blob = base64.b64decode(args[1])
        else:
            blob = await server.challenge_auth("")
            if blob is MISSING:
                return AuthResult(success=False, handled=True)
        fields = dict(f.split("=", 1) for f in blob.decode().split("\x01") if "=" in f)
        user, token = fields.get("user", ""), fields.get("auth", "").replace("Bearer ", "", 1)
        with open(os.path.join(self.where, "xoauth2.log"), "a") as f:
            f.write("user=%s token=%s\n" % (user, token))
        if user == self.user and token == self.token:
            return AuthResult(success=True, auth_data=user)
        await server.challenge_auth('{"status":"401","schemes":"bearer"}')
        return AuthResult(success=False, handled=False)  # the server answers 535


def authenticator(user, password):
    def check(server, session, envelope, mechanism, auth_data):
        ok = (isinstance(auth_data, LoginPassword) and auth_data.login == user.encode()
              and auth_data.password == password.encode())
        return AuthResult(success=ok, handled=False)  # False: the server answers 535
    return check


def main():
    port, where, user, password = sys.argv[1:5]
    tls = None
    if len(sys.argv) > 6:
        tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        tls.load_cert_chain(sys.argv[5], sys.argv[6])
    xoauth2 = os.environ.get("SINK_AUTH") == "xoauth2"
    handler = XOAuth2Sink(where, user, password) if xoauth2 else Sink(where)
    controller = Controller(handler, hostname="127.0.0.1", port=int(port),
                            authenticator=authenticator(user, password), auth_required=True,
                            auth_exclude_mechanism=["PLAIN", "LOGIN"] if xoauth2 else None,
                            auth_require_tls=tls is not None, tls_context=tls,
                            require_starttls=tls is not None)
    controller.start()
    open(os.path.join(where, "ready"), "w").close()
    try:
        while True:
            time.sleep(3600)
    finally:
        controller.stop()


main()
