"""The one clock: every timestamp in Kinship comes from here, aware and in UTC.

The database's ``now()`` is never used (SQLite and PostgreSQL disagree about zones), so
``kinship tick --at`` and the tests can stand anywhere in time. Tests and the demo's time
travel move the clock with ``set_offset``/``freeze``; production never does.

In the demo, the web, worker and simulated-Twilio processes must agree on the time, so each
installs a ``SharedOffset`` at start (``share``): the offset then lives in one Redis key and
``set_offset`` moves it for every process at once. Nothing is shared unless ``share`` is
called, and only the demo calls it: production never asks Redis what time it is.
"""

from __future__ import annotations

import logging
import time
from datetime import UTC, datetime, timedelta
from typing import Protocol

log = logging.getLogger(__name__)

_offset = timedelta(0)
_frozen: datetime | None = None


class OffsetSource(Protocol):
    """Where the offset lives when several processes share one clock."""

    def offset(self) -> timedelta: ...

    def set(self, offset: timedelta) -> None: ...


_source: OffsetSource | None = None


def utcnow() -> datetime:
    if _frozen is not None:
        return _frozen
    return (datetime.now(UTC) + offset()).replace(microsecond=0)


def offset() -> timedelta:
    """How far the clock stands from the real time (the shared offset, when one is installed)."""
    return _source.offset() if _source is not None else _offset


def freeze(moment: datetime | None) -> None:
    """Stop the clock at ``moment`` (None lets it run again)."""
    global _frozen
    _frozen = as_utc(moment)


def set_offset(offset: timedelta) -> None:
    """Move the clock to the real time + ``offset``; with a shared source, for every process."""
    global _offset
    _offset = offset
    if _source is not None:
        _source.set(offset)


def share(source: OffsetSource | None) -> None:
    """Read the offset from ``source`` from now on (None: back to this process's own)."""
    global _source
    _source = source


def shared() -> OffsetSource | None:
    return _source


class SharedOffset:
    """The demo's offset in one Redis key, read at most every ``max_age`` seconds.

    ``redis`` is any client with ``get``/``set``/``delete``. Whoever moves the clock should
    wait ``max_age`` before acting on the new time, so other processes have seen it too.
    If Redis is briefly away the last offset read stays in force.
    """

    KEY = "kinship:demo:clock-offset"

    def __init__(self, redis, key: str = KEY, max_age: float = 0.2):
        from redis.exceptions import RedisError

        self.redis = redis
        self.key = key
        self.max_age = max_age
        self._errors = (RedisError, ValueError)
        self._value = timedelta(0)
        self._read_at: float | None = None

    def offset(self) -> timedelta:
        moment = time.monotonic()
        if self._read_at is None or moment - self._read_at > self.max_age:
            try:
                raw = self.redis.get(self.key)
                self._value = timedelta(seconds=int(raw)) if raw else timedelta(0)
            except self._errors as error:
                log.warning("demo clock: could not read the shared offset, keeping %s: %s", self._value, error)
            self._read_at = moment
        return self._value

    def set(self, offset: timedelta) -> None:
        seconds = round(offset.total_seconds())
        if seconds:
            self.redis.set(self.key, seconds)
        else:
            self.redis.delete(self.key)
        self._value = timedelta(seconds=seconds)
        self._read_at = time.monotonic()


def as_utc(moment: datetime | None) -> datetime | None:
    """Aware UTC from either an aware datetime or SQLite's naive UTC one."""
    if moment is None:
        return None
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def parse_instant(text: str) -> datetime:
    """An ISO 8601 instant from the command line; a time without an offset is read as UTC."""
    try:
        moment = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        raise ValueError(f"not an ISO 8601 time: {text!r} (try 2026-11-30T10:00:00Z)") from None
    return as_utc(moment)
