"""The one clock: every timestamp in Kinship comes from here, aware and in UTC.

The database's ``now()`` is never used (SQLite and PostgreSQL disagree about zones), so
``kinship tick --at`` and the tests can stand anywhere in time. Tests and the demo's time
travel move the clock with ``set_offset``/``freeze``; production never does.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

_offset = timedelta(0)
_frozen: datetime | None = None


def utcnow() -> datetime:
    if _frozen is not None:
        return _frozen
    return datetime.now(UTC).replace(microsecond=0) + _offset


def freeze(moment: datetime | None) -> None:
    """Stop the clock at ``moment`` (None lets it run again)."""
    global _frozen
    _frozen = as_utc(moment)


def set_offset(offset: timedelta) -> None:
    global _offset
    _offset = offset


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
