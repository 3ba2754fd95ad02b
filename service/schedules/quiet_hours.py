"""Quiet hours: the nightly window, on a member's own clock, in which no text is sent.

``QuietHours`` (and ``DEFAULT_QUIET_HOURS``, 21:00-08:00) is the window;
``in_quiet_hours`` asks whether an instant falls inside it and
``quiet_hours_end`` when it opens again, daylight-saving changes included.
Instants in and out are aware UTC datetimes; naive ones raise ValueError.
Callers import these from ``service.schedules``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from service.schedules.member_time import UTC, ScheduleError, require_aware, zone

_QUIET_TEXT = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*[-\u2013\u2014]\s*(\d{1,2}):(\d{2})\s*$")


@dataclass(frozen=True)
class QuietHours:
    """A member's nightly window without texts, on their local clock.

    ``start`` is inside the window and ``end`` is not.  The window wraps
    midnight when start > end; start == end means no quiet hours.
    """

    start: time
    end: time

    def __post_init__(self) -> None:
        for edge in (self.start, self.end):
            if not isinstance(edge, time) or edge.tzinfo is not None:
                raise ValueError(f"quiet hours take local times without tzinfo, got {edge!r}")

    @classmethod
    def parse(cls, text: str) -> "QuietHours":
        """"21:00-08:00" (24-hour clock, "-" or an en dash between)."""
        match = _QUIET_TEXT.match(text) if isinstance(text, str) else None
        if match:
            h1, m1, h2, m2 = (int(g) for g in match.groups())
            if h1 < 24 and h2 < 24 and m1 < 60 and m2 < 60:
                return cls(time(h1, m1), time(h2, m2))
        raise ScheduleError(f"quiet hours look like 21:00-08:00, not {text!r}", code="bad_quiet_hours")

    def __str__(self) -> str:
        return f"{self.start:%H:%M}-{self.end:%H:%M}"

    def contains(self, wall: time) -> bool:
        """Is local wall-clock time ``wall`` inside the window?"""
        if self.start == self.end:
            return False
        if self.start < self.end:
            return self.start <= wall < self.end
        return wall >= self.start or wall < self.end


DEFAULT_QUIET_HOURS = QuietHours(time(21), time(8))


def in_quiet_hours(moment: datetime, tz_name: str, quiet: QuietHours) -> bool:
    """Is the aware instant ``moment`` inside the member's quiet hours?"""
    local = require_aware(moment, "moment").astimezone(zone(tz_name))
    return quiet.contains(local.time())


def quiet_hours_end(moment: datetime, tz_name: str, quiet: QuietHours) -> datetime:
    """``moment`` (as UTC) if outside quiet hours, else the UTC instant they end.

    The end is found on the wall clock -- the first instant the member's
    clock reads ``quiet.end`` -- so a DST change during the night doesn't
    move it by an hour.  An end the clocks skip opens when they jump; an end
    that happens twice opens at the reading still ahead of ``moment``.
    """
    moment_utc = require_aware(moment, "moment")
    member_zone = zone(tz_name)
    local = moment_utc.astimezone(member_zone)
    if not quiet.contains(local.time()):
        return moment_utc
    day = local.date()
    if quiet.start > quiet.end and local.time() >= quiet.start:
        day += timedelta(days=1)
    end = _first_reading(datetime.combine(day, quiet.end), member_zone, moment_utc)
    if quiet.contains(end.astimezone(member_zone).time()):
        # The clocks skipped the whole open stretch that day; it opens the next.
        end = quiet_hours_end(end, tz_name, quiet)
    # Clocks going back can set the wall clock before the window's start first ("01:59", then
    # "01:00" again, with quiet hours 01:15-02:00): it opens at that instant.
    return _clock_change(moment_utc, end, member_zone, quiet) or end


def _clock_change(after: datetime, before: datetime, member_zone: ZoneInfo, quiet: QuietHours) -> datetime | None:
    """The instant between ``after`` and ``before`` at which the clocks change to a reading
    outside ``quiet``, if they do."""
    if after.astimezone(member_zone).utcoffset() == before.astimezone(member_zone).utcoffset():
        return None
    low, high = int(after.timestamp()), int(before.timestamp())
    offset = after.astimezone(member_zone).utcoffset()
    while high - low > 1:  # the second the offset changes
        middle = (low + high) // 2
        if datetime.fromtimestamp(middle, member_zone).utcoffset() == offset:
            low = middle
        else:
            high = middle
    changed = datetime.fromtimestamp(high, UTC)
    return None if quiet.contains(changed.astimezone(member_zone).time()) else changed


def _first_reading(wall: datetime, member_zone: ZoneInfo, after: datetime) -> datetime:
    """The first instant after ``after`` at which the member's clock reads ``wall`` or later."""
    earlier = wall.replace(tzinfo=member_zone, fold=0).astimezone(UTC)
    later = wall.replace(tzinfo=member_zone, fold=1).astimezone(UTC)
    if earlier < later:  # a time that happens twice: take the reading still ahead of us
        return earlier if earlier > after else later
    if earlier == later:
        return earlier
    # A time the clocks skip: the wall clock passes it when they jump, somewhere
    # between the two readings; find that instant to the second.
    low, high = int(later.timestamp()), int(earlier.timestamp())
    while high - low > 1:
        middle = (low + high) // 2
        if datetime.fromtimestamp(middle, member_zone).replace(tzinfo=None) >= wall:
            high = middle
        else:
            low = middle
    return datetime.fromtimestamp(high, UTC)

