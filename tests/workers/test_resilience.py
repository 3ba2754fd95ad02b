"""Workers and the clock ride out a Redis outage: a dropped connection starts the loop again
after a back-off, never ends the process."""

from __future__ import annotations

import pytest
from redis.exceptions import ConnectionError as RedisConnectionError
from rq.exceptions import StopRequested

from workers.resilience import MAX_BACKOFF, keep_running


def test_a_redis_error_starts_the_loop_again_with_a_growing_back_off():
    outcomes = iter([RedisConnectionError("gone"), RedisConnectionError("gone"), False, True])
    waits: list[float] = []

    def start() -> bool:
        outcome = next(outcomes)
        if isinstance(outcome, Exception):
            raise outcome
        return outcome

    keep_running(start, what="worker", sleep=waits.append)
    assert waits == [1.0, 2.0, 4.0]


def test_the_back_off_stops_growing():
    calls = {"n": 0}
    waits: list[float] = []

    def start() -> bool:
        calls["n"] += 1
        if calls["n"] < 12:
            raise RedisConnectionError("still gone")
        return True

    keep_running(start, what="clock", sleep=waits.append)
    assert max(waits) == MAX_BACKOFF and len(waits) == 11


def test_a_stop_request_ends_it_even_while_waiting():
    def start() -> bool:
        raise RedisConnectionError("gone")

    def sleep(_seconds):
        raise StopRequested

    keep_running(start, what="worker", sleep=sleep)


def test_an_error_that_is_not_redis_still_ends_the_process():
    def start() -> bool:
        raise ValueError("a bug")

    with pytest.raises(ValueError):
        keep_running(start, what="worker", sleep=lambda _s: None)
