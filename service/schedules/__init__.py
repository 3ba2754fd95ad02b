"""Check-in schedules: when a member's next check-in is due and when it may be sent.

A member's schedule is an RFC 5545 RRULE ("FREQ=WEEKLY;BYDAY=MO,TH;BYHOUR=10;
BYMINUTE=0") read on the member's own wall clock, plus quiet hours in which
no text is sent.  This module answers, as pure functions:

* validate_schedule -- may a coordinator or member save this rule?
* next_occurrence / next_slot / upcoming_slots -- when is the next check-in,
  and when may its text go out (``Slot.send_at``, moved out of quiet hours)?

and re-exports, so that callers import everything from here:

* in_quiet_hours / quiet_hours_end, QuietHours, DEFAULT_QUIET_HOURS
  (service.schedules.quiet_hours);
* with_time_of_day (service.schedules.rules, which reads a rule's text) and
  describe_schedule (service.schedules.description) -- edit and explain a rule;
* ScheduleError, zone, parse_time_of_day, parse_pause, format_local,
  format_local_day (service.schedules.member_time).

Expanding a rule on the member's clock lives in service.schedules.expansion.
Schedules are pure functions of a rule, a zone and an instant: this package never
imports the database, Flask, RQ or the clock (callers pass ``now`` in).

How a rule is read (callers rely on this):

* Instants in and out are aware UTC datetimes; naive ones raise ValueError.
* The rule is expanded in the member's zone from an anchor: the rule's own
  ``DTSTART`` line if it has one (``DTSTART;TZID=Zone:...``, ``...Z`` or
  floating, moved to the member's zone), otherwise Monday 2024-01-01 00:00
  local.  A fixed anchor keeps INTERVAL=2 cadences the same on every call;
  with no BYHOUR/BYMINUTE the time of day is the anchor's (00:00).
* Daylight saving: check-ins keep their wall time (10:00 stays 10:00).  A
  time skipped by spring-forward is sent that many minutes later (02:30 ->
  03:30, as RFC 5545 reads it); a time that happens twice fires once, at
  the first of the two.
* UNTIL is UTC when written with a Z; without Z it is read as the member's
  local time, and a bare date (UNTIL=20261231) means through that local day.
* Refused (ScheduleError): anything but one RRULE and an optional DTSTART,
  unknown or repeated parts, FREQ more often than DAILY, more than two
  check-ins a day (two BYHOUR values sharing one BYMINUTE is the most:
  "BYHOUR=9,21;BYMINUTE=0"), two times less than 4 hours apart round the
  clock (code ``too_close``), INTERVALs rarer than once
  a year, COUNT (a schedule runs until stopped), unknown zones, rules with no
  check-in ahead.  A check-in more than ~10 years away counts as never.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from service.schedules.description import describe_schedule
from service.schedules.expansion import zoned_rule
from service.schedules.member_time import (
    ScheduleError,
    format_local,
    format_local_day,
    parse_pause,
    parse_time_of_day,
    require_aware,
    zone,
)
from service.schedules.quiet_hours import DEFAULT_QUIET_HOURS, QuietHours, in_quiet_hours, quiet_hours_end
from service.schedules.rules import check_in_hours, with_time_of_day

__all__ = [
    "ScheduleError", "QuietHours", "DEFAULT_QUIET_HOURS", "Slot", "zone",
    "validate_schedule", "next_occurrence", "in_quiet_hours", "quiet_hours_end",
    "next_slot", "upcoming_slots", "with_time_of_day", "check_in_hours", "parse_time_of_day",
    "parse_pause", "describe_schedule", "format_local", "format_local_day",
]


def validate_schedule(rule: str, tz_name: str, now: datetime) -> None:
    """Raise ScheduleError (a readable one-line reason) unless the rule can be saved."""
    now_utc = require_aware(now, "now")
    schedule = zoned_rule(rule, tz_name)
    if schedule.after(now_utc) is not None:
        return
    if schedule.until is not None:
        ended = schedule.until.astimezone(schedule.member_zone).date().isoformat()
        if schedule.until <= now_utc:
            raise ScheduleError(f"the schedule ended on {ended} (UNTIL is in the past)", code="never_fires")
        raise ScheduleError(f"the schedule never fires before it ends on {ended} (UNTIL)", code="never_fires")
    raise ScheduleError("the schedule never fires", code="never_fires")


def next_occurrence(rule: str, tz_name: str, after: datetime) -> datetime | None:
    """The first check-in strictly after ``after`` (aware), as UTC; None once the rule has ended."""
    return zoned_rule(rule, tz_name).after(require_aware(after, "after"))


@dataclass(frozen=True)
class Slot:
    """One check-in: when the rule says (its identity) and when we may text it.

    Consecutive slots have increasing ``scheduled_for`` and non-decreasing
    ``send_at``: two can share a ``send_at`` only when quiet hours fill almost
    the whole day and a clock change pushes one check-in into the next one's
    night.
    """

    scheduled_for: datetime  # the RRULE occurrence, UTC; unique per member
    send_at: datetime  # >= scheduled_for, never inside quiet hours


def next_slot(rule: str, tz_name: str, quiet: QuietHours, after: datetime) -> Slot | None:
    """The first check-in scheduled strictly after ``after``, moved out of quiet hours.

    A check-in that falls in quiet hours is not skipped: it is sent when the
    window opens.
    """
    occurrence = next_occurrence(rule, tz_name, after)
    if occurrence is None:
        return None
    return Slot(occurrence, quiet_hours_end(occurrence, tz_name, quiet))


def upcoming_slots(rule: str, tz_name: str, quiet: QuietHours, after: datetime, count: int = 3) -> list[Slot]:
    """Up to ``count`` consecutive slots after ``after`` (fewer if the rule ends)."""
    slots: list[Slot] = []
    while len(slots) < count:
        slot = next_slot(rule, tz_name, quiet, slots[-1].scheduled_for if slots else after)
        if slot is None:
            break
        slots.append(slot)
    return slots
