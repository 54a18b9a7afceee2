"""Messages between the server and a query worker: pickles with a length prefix on a socket.

Each system call the server makes lets its other threads take the interpreter lock, and
handing it over costs more than the call itself; so a query's round trip is two calls (one
send, and usually one receive, which waits for the answer until the deadline: ``SO_RCVTIMEO``
on a socket left blocking). ``multiprocessing.connection`` made about five (a poll before each
read or write, header and body read apart), and a socket timeout three (it polls first).
"""

from __future__ import annotations

import pickle
import socket
import struct
import time

_SIZE = struct.Struct("!I")
_TIMEVAL = struct.Struct("@ll")  #: struct timeval, for SO_RCVTIMEO
_CHUNK = 256 * 1024


class Channel:
    """One end of a socket carrying whole messages (bytes read past a message are kept)."""

    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock
        self._pending: bytes | bytearray = b""
        self._limited = False  #: whether SO_RCVTIMEO is set

    def send(self, message: object) -> None:
        data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
        self.sock.sendall(_SIZE.pack(len(data)) + data)

    def receive(self, deadline: float | None = None) -> object:
        """The next message. Raises :class:`TimeoutError` when none came by ``deadline`` (a
        ``time.monotonic()`` value; None waits for ever) and :class:`EOFError` when the other
        end has closed."""
        buffer: bytes | bytearray = self._pending or self._read(deadline)
        while len(buffer) < _SIZE.size:
            buffer += self._read(deadline)
        end = _SIZE.size + _SIZE.unpack_from(buffer)[0]
        if len(buffer) < end:  # a large message: gather it without copying it at every read
            gathered = bytearray(buffer)
            while len(gathered) < end:
                gathered += self._read(deadline)
            buffer = gathered
        self._pending = buffer[end:]
        return pickle.loads(memoryview(buffer)[_SIZE.size : end])

    def close(self) -> None:
        self.sock.close()

    def _read(self, deadline: float | None) -> bytes:
        while True:
            if deadline is None:
                if self._limited:
                    self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVTIMEO, _TIMEVAL.pack(0, 0))
                    self._limited = False
            else:
                self._limited = True
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError()
                seconds, fraction = divmod(left, 1)
                timeval = _TIMEVAL.pack(int(seconds), max(1, int(fraction * 1e6)))
                self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVTIMEO, timeval)
            try:
                data = self.sock.recv(_CHUNK)
            except BlockingIOError:  # SO_RCVTIMEO ran out: look at the deadline again
                continue
            if not data:
                raise EOFError()
            return data
