"""gunicorn's threaded worker, with a bound on how long a client may keep a
request thread waiting for the rest of its request.

gunicorn's gthread worker waits for a new connection's first bytes without a
thread (``DEFAULT_WORKER_DATA_TIMEOUT``), but once they came, a thread reads the
rest of the head and the body with no time limit. Six clients that sent half a
request line, or a head announcing a body they never send, took every thread
of ``anota serve`` (4) for as long as they kept their connections open, and
Label Studio's ``/health`` (1 s timeout) went unanswered (fixtures/malformed45).
Here a read that waits more than ``READ_TIMEOUT`` seconds for a byte ends the
request: the connection is closed (a head) or answered 408 (a body,
``server.request_body``). Sends keep no timeout: a slow reader of a large
``/tasks`` is not cut.
"""

from __future__ import annotations

import errno
import select
import socket
from typing import Any

from gunicorn.workers.gthread import DEFAULT_WORKER_DATA_TIMEOUT, ThreadWorker

# As long as gunicorn waits for a new connection's first bytes, and drains a body the app left unread.
READ_TIMEOUT = DEFAULT_WORKER_DATA_TIMEOUT


class ClientStalled(ConnectionResetError):
    """A client sent no byte for READ_TIMEOUT seconds in the middle of its request.

    A ConnectionResetError, which gunicorn closes without logging a traceback."""

    def __init__(self) -> None:
        super().__init__(errno.ECONNRESET, f"the client sent nothing for {READ_TIMEOUT:g} s in its request")


class _BoundedReadSocket(socket.socket):
    """A client socket whose blocking reads wait at most READ_TIMEOUT for data."""

    def _wait_readable(self) -> None:
        if self.gettimeout() is None:  # a request thread's read (the poller's sockets are non-blocking)
            waiting = select.poll()  # not select(): a worker's descriptors may pass FD_SETSIZE (1024)
            waiting.register(self, select.POLLIN)
            if not waiting.poll(READ_TIMEOUT * 1000):
                raise ClientStalled()

    def recv(self, *args: Any) -> bytes:
        self._wait_readable()
        return super().recv(*args)

    def recv_into(self, *args: Any) -> int:
        self._wait_readable()
        return super().recv_into(*args)


class Worker(ThreadWorker):
    """gunicorn's gthread worker whose request threads read with READ_TIMEOUT."""

    def handle(self, conn: Any) -> Any:
        # Before the connection is first registered with the poller: it keeps this socket from then on.
        if type(conn.sock) is socket.socket:
            plain = conn.sock
            conn.sock = _BoundedReadSocket(plain.family, plain.type, plain.proto, fileno=plain.detach())
        return super().handle(conn)
