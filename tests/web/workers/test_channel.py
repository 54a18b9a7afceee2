"""Messages between the server and a query worker (web/worker_channel.py)."""

from __future__ import annotations

import socket
import threading
import time

import pytest

from mandates.web.workers.channel import Channel


@pytest.fixture
def pair():
    ours, theirs = socket.socketpair()
    yield Channel(ours), Channel(theirs)
    ours.close()
    theirs.close()


def test_messages_arrive_whole_and_in_order(pair) -> None:
    ours, theirs = pair
    big = "x" * 3_000_000  # more than one read, more than the socket buffer
    ours.send(("prefixes", {}))
    ours.send({"job": 1})  # both already sent before any is read
    assert theirs.receive() == ("prefixes", {})
    assert theirs.receive(time.monotonic() + 5) == {"job": 1}
    sender = threading.Thread(target=ours.send, args=(big,))
    sender.start()
    assert theirs.receive(time.monotonic() + 10) == big
    sender.join()


def test_no_answer_by_the_deadline_raises_timeout(pair) -> None:
    ours, theirs = pair
    started = time.monotonic()
    with pytest.raises(TimeoutError):
        ours.receive(started + 0.3)
    assert 0.3 <= time.monotonic() - started < 2
    with pytest.raises(TimeoutError):  # a deadline already passed: no wait at all
        ours.receive(started)
    theirs.send("late")  # waiting for ever afterwards still works
    assert ours.receive() == "late"


def test_the_other_end_closing_raises_eof(pair) -> None:
    ours, theirs = pair
    theirs.close()
    with pytest.raises(EOFError):
        ours.receive(time.monotonic() + 5)
