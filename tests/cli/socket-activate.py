#!/usr/bin/env python3
"""socket-activate.py: what systemd does for rapport.socket, for the tests.

  socket-activate.py ADDRESS PORTFILE COMMAND [ARG...]

Binds a listening TCP socket on ADDRESS (port 0: a free one), writes the
port it got to PORTFILE, and runs COMMAND with that socket as fd 3 and
LISTEN_FDS=1, LISTEN_PID=its own pid (the sd_listen_fds protocol). When
COMMAND exits, the socket stays open here, as systemd keeps it: the next
connection to it starts COMMAND again (its exit codes, one a line, are
appended to PORTFILE.exits). Stops on SIGTERM, ending the COMMAND it runs
(whose exit code is appended too).
"""
import os
import select
import signal
import socket
import sys


def start(sock, argv):
    pid = os.fork()
    if pid == 0:
        if sock.fileno() != 3:
            os.dup2(sock.fileno(), 3)
        os.set_inheritable(3, True)
        env = dict(os.environ, LISTEN_FDS="1", LISTEN_PID=str(os.getpid()))
        os.execve(argv[0], argv, env)
    return pid


def main(address, portfile, argv):
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((address, 0))
    sock.listen(16)
    child = 0

    def note_exit(status):
        with open(portfile + ".exits", "a") as f:
            f.write("%d\n" % os.waitstatus_to_exitcode(status))

    def stop(signum, frame):
        if child:
            os.kill(child, signal.SIGTERM)
            note_exit(os.waitpid(child, 0)[1])
        sys.exit(0)

    signal.signal(signal.SIGTERM, stop)
    with open(portfile + ".tmp", "w") as f:
        f.write("%d\n" % sock.getsockname()[1])
    os.rename(portfile + ".tmp", portfile)
    while True:
        child = start(sock, argv)
        _, status = os.waitpid(child, 0)
        child = 0
        note_exit(status)
        select.select([sock], [], [])  # the next connection


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3:])
