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
        end has closed. Bytes of a message that had not all come by the deadline are kept for
        the next call, so a caller may wait in short steps (and look around between them)."""
        if len(self._pending) < _SIZE.size:
            self._pending = self._gather(self._pending, _SIZE.size, deadline)
        end = _SIZE.size + _SIZE.unpack_from(self._pending)[0]
        if len(self._pending) < end:  # a large message: gathered without copying at every read
            self._pending = self._gather(bytearray(self._pending), end, deadline)
        buffer, self._pending = self._pending, self._pending[end:]
        return pickle.loads(memoryview(buffer)[_SIZE.size : end])

    def _gather(
        self, buffer: bytes | bytearray, size: int, deadline: float | None
    ) -> bytes | bytearray:
        """``buffer`` read on to at least ``size`` bytes; on a timeout what came is kept."""
        try:
            while len(buffer) < size:
                buffer += self._read(deadline)
        except TimeoutError:
            self._pending = buffer
            raise
        return buffer

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
