"""Check-in schedules: when a member's next check-in is due and when it may be sent.

A member's schedule is an RFC 5545 RRULE ("FREQ=WEEKLY;BYDAY=MO,TH;BYHOUR=10;
BYMINUTE=0") read on the member's own wall clock, plus quiet hours in which
no text is sent.  This module answers, as pure functions:

* validate_schedule -- may a coordinator or member save this rule?
* next_occurrence / next_slot / upcoming_slots -- when is the next check-in,
  and when may its text go out (``Slot.send_at``, moved out of quiet hours)?
* in_quiet_hours / quiet_hours_end, QuietHours, DEFAULT_QUIET_HOURS.
* with_time_of_day, describe_schedule -- edit and explain a rule.
* Re-exported from service.member_time: ScheduleError, zone,
  parse_time_of_day, parse_pause, format_local, format_local_day.

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
  unknown or repeated parts, FREQ more often than DAILY, several BYHOUR/
  BYMINUTE/BYSECOND values (several texts a day), INTERVALs rarer than once
  a year, COUNT (a schedule runs until stopped), unknown zones, rules with no
  check-in ahead.  A check-in more than ~10 years away counts as never.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from dateutil.relativedelta import relativedelta
from dateutil.rrule import DAILY, MONTHLY, WEEKLY, YEARLY, rrule, weekdays

from service.member_time import (
    UTC,
    ScheduleError,
    day_month,
    format_local,
    format_local_day,
    language_of,
    parse_pause,
    parse_time_of_day,
    require_aware,
    zone,
)

__all__ = [
    "ScheduleError", "QuietHours", "DEFAULT_QUIET_HOURS", "Slot", "zone",
    "validate_schedule", "next_occurrence", "in_quiet_hours", "quiet_hours_end",
    "next_slot", "upcoming_slots", "with_time_of_day", "parse_time_of_day",
    "parse_pause", "describe_schedule", "format_local", "format_local_day",
]


# --- quiet hours -----------------------------------------------------------

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
        return quiet_hours_end(end, tz_name, quiet)
    return end


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


# --- reading a rule --------------------------------------------------------

_PARTS = (
    "FREQ", "INTERVAL", "UNTIL", "COUNT", "WKST", "BYSETPOS", "BYMONTH", "BYMONTHDAY",
    "BYYEARDAY", "BYWEEKNO", "BYDAY", "BYHOUR", "BYMINUTE", "BYSECOND",
)
_FREQS = {"DAILY": DAILY, "WEEKLY": WEEKLY, "MONTHLY": MONTHLY, "YEARLY": YEARLY}
_TOO_OFTEN = ("HOURLY", "MINUTELY", "SECONDLY")
# name -> (largest absolute value, may be negative)
_NUMBER_PARTS = {
    "BYMONTH": (12, False), "BYMONTHDAY": (31, True), "BYYEARDAY": (366, True),
    "BYWEEKNO": (53, True), "BYSETPOS": (366, True), "BYHOUR": (23, False),
    "BYMINUTE": (59, False), "BYSECOND": (59, False),
}
# RFC 5545 3.3.10: these parts are meaningless with these frequencies.
_NOT_WITH = {"BYWEEKNO": (DAILY, WEEKLY, MONTHLY), "BYYEARDAY": (DAILY, WEEKLY, MONTHLY), "BYMONTHDAY": (WEEKLY,)}
_DAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_BYDAY_ITEM = re.compile(r"^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$")
_STAMP = re.compile(r"^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z)?)?$")
_PERIOD_DAYS = {DAILY: 1, WEEKLY: 7, MONTHLY: 31, YEARLY: 366}
_MAX_INTERVAL = {DAILY: 366, WEEKLY: 52, MONTHLY: 12, YEARLY: 1}  # at least once a year
_DEFAULT_ANCHOR = datetime(2024, 1, 1)  # a Monday, so WEEKLY without BYDAY means Mondays
_EXAMPLE = "e.g. FREQ=WEEKLY;BYDAY=MO,TH;BYHOUR=10;BYMINUTE=0"


def _bad(message: str, code: str = "bad_rule") -> ScheduleError:
    return ScheduleError(message, code=code)


@dataclass(frozen=True)
class _RuleText:
    """A rule split into its lines and NAME=VALUE parts, nothing interpreted yet."""

    parts: tuple[tuple[str, str], ...]
    dtstart: str | None
    prefixed: bool

    def get(self, name: str) -> str | None:
        return dict(self.parts).get(name)


def _split(rule: str) -> _RuleText:
    if not isinstance(rule, str) or not rule.strip():
        raise _bad(f"the schedule rule is empty; {_EXAMPLE}")
    dtstart = body = None
    prefixed = False
    for line in (raw.strip() for raw in rule.strip().splitlines()):
        upper = line.upper()
        if not line:
            continue
        if upper.startswith("DTSTART"):
            if dtstart is not None:
                raise _bad("the schedule rule has two DTSTART lines")
            dtstart = line
        elif upper.startswith("RRULE:") or ":" not in line:
            if body is not None:
                raise _bad("a schedule has one RRULE line")
            prefixed = upper.startswith("RRULE:")
            body = line[6:] if prefixed else line
        else:
            name = re.split(r"[;:]", line)[0]
            raise _bad(f"only an RRULE and a DTSTART can be used in a schedule, not {name}")
    if body is None:
        raise _bad(f"the schedule rule has no RRULE; {_EXAMPLE}")
    parts: list[tuple[str, str]] = []
    for piece in (p.strip() for p in body.split(";")):
        if not piece:
            continue
        name, sep, value = (s.strip().upper() for s in piece.partition("="))
        if not sep or not name or not value:
            raise _bad(f"can't read {piece!r} in the schedule rule; {_EXAMPLE}")
        if name not in _PARTS:
            raise _bad(f"unknown part {name!r} in the schedule rule")
        if any(name == seen for seen, _ in parts):
            raise _bad(f"{name} appears twice in the schedule rule")
        parts.append((name, value))
    if not any(name == "FREQ" for name, _ in parts):
        raise _bad(f"the schedule rule needs FREQ; {_EXAMPLE}")
    return _RuleText(tuple(parts), dtstart, prefixed)


def _numbers(name: str, value: str) -> tuple[int, ...]:
    largest, signed = _NUMBER_PARTS[name]
    numbers = []
    for item in value.split(","):
        if not re.fullmatch(r"[+-]?\d{1,3}", item.strip()):
            raise _bad(f"{name}={value} is not a list of numbers")
        number = int(item)
        if number == 0 and signed or abs(number) > largest or number < 0 and not signed:
            raise _bad(f"{name}={value} is out of range")
        numbers.append(number)
    return tuple(numbers)


def _rrule_kwargs(text: _RuleText) -> dict:
    """Validated dateutil ``rrule`` keyword arguments, without dtstart/until."""
    parts = dict(text.parts)
    freq_name = parts["FREQ"]
    if freq_name in _TOO_OFTEN:
        raise _bad(f"check-ins at most once a day (FREQ={freq_name} is too often)", "too_often")
    if freq_name not in _FREQS:
        raise _bad(f"FREQ={freq_name} is not a frequency; use DAILY, WEEKLY, MONTHLY or YEARLY")
    if "COUNT" in parts:
        raise _bad(
            "COUNT can't be used: a check-in schedule runs until it is stopped "
            "(to end it on a date, use UNTIL=YYYYMMDD)", "count"
        )
    freq = _FREQS[freq_name]
    kwargs: dict = {"freq": freq, "interval": 1, "wkst": 0}  # RFC 5545 default WKST=MO
    if "INTERVAL" in parts:
        if not parts["INTERVAL"].isdigit() or int(parts["INTERVAL"]) < 1:
            raise _bad(f"INTERVAL={parts['INTERVAL']} must be a whole number from 1")
        kwargs["interval"] = int(parts["INTERVAL"])
        if kwargs["interval"] > _MAX_INTERVAL[freq]:
            raise _bad(
                f"check-ins at least once a year (FREQ={freq_name};INTERVAL={parts['INTERVAL']} is too rare)",
                "too_rare",
            )
    for name in _NUMBER_PARTS:
        if name in parts:
            kwargs[name.lower()] = _numbers(name, parts[name])
    for name in ("BYHOUR", "BYMINUTE", "BYSECOND"):
        if len(kwargs.get(name.lower(), ())) > 1:
            raise _bad(f"check-ins at most once a day ({name}={parts[name]} would send several)", "too_often")
    for name, freqs in _NOT_WITH.items():
        if name in parts and freq in freqs:
            raise _bad(f"{name} can't be used with FREQ={freq_name}")
    if "WKST" in parts:
        if parts["WKST"] not in _DAY_CODES:
            raise _bad(f"WKST={parts['WKST']} is not a weekday (MO..SU)")
        kwargs["wkst"] = _DAY_CODES.index(parts["WKST"])
    if "BYDAY" in parts:
        days = []
        for item in parts["BYDAY"].split(","):
            match = _BYDAY_ITEM.match(item.strip())
            if not match:
                raise _bad(f"BYDAY={parts['BYDAY']} is not a list of weekdays (MO,TU,...)")
            nth = int(match[1]) if match[1] else None
            if nth is not None and (freq not in (MONTHLY, YEARLY) or nth == 0 or abs(nth) > 53):
                raise _bad(f"BYDAY={parts['BYDAY']}: numbered weekdays need FREQ=MONTHLY or YEARLY")
            days.append(weekdays[_DAY_CODES.index(match[2])](nth))
        kwargs["byweekday"] = tuple(days)
    return kwargs


def _stamp(value: str, what: str) -> tuple[datetime, bool, bool]:
    """(wall datetime, is_utc, is_date_only) from 20260101 / 20260101T100000[Z]."""
    match = _STAMP.match(value.strip().upper())
    if not match:
        raise _bad(f"{what}={value} is not a date like 20261231 or 20261231T235959Z")
    y, mo, d, h, mi, s, z = match.groups()
    try:
        wall = datetime(int(y), int(mo), int(d), int(h or 0), int(mi or 0), int(s or 0))
    except ValueError:
        raise _bad(f"{what}={value} is not a real date") from None
    return wall, z is not None, h is None


def _anchor(line: str | None, member_zone: ZoneInfo) -> datetime:
    if line is None:
        return _DEFAULT_ANCHOR.replace(tzinfo=member_zone)
    head, sep, value = line.partition(":")
    if not sep:
        raise _bad(f"can't read {line!r}; e.g. DTSTART;TZID=America/Chicago:20240101T100000")
    written_zone = None
    for param in head.split(";")[1:]:
        key, _, param_value = param.partition("=")
        if key.upper() == "TZID":
            written_zone = zone(param_value)
        elif param.upper() not in ("VALUE=DATE", "VALUE=DATE-TIME"):
            raise _bad(f"DTSTART parameter {param!r} is not supported")
    wall, is_utc, _ = _stamp(value, "DTSTART")
    if is_utc and written_zone is not None:
        raise _bad("DTSTART has both a TZID and a Z (UTC) time")
    written_zone = written_zone or member_zone  # floating: the member's own clock
    start = wall.replace(tzinfo=UTC if is_utc else written_zone)
    # Seconds dropped: check-ins are minute-precise and BYSECOND defaults to them.
    return start.astimezone(member_zone).replace(second=0, microsecond=0)


def _until(value: str | None, member_zone: ZoneInfo) -> datetime | None:
    if value is None:
        return None
    wall, is_utc, date_only = _stamp(value, "UNTIL")
    if is_utc:
        return wall.replace(tzinfo=UTC)
    if date_only:
        wall = wall.replace(hour=23, minute=59, second=59)
    return wall.replace(tzinfo=member_zone).astimezone(UTC)


_HORIZON = timedelta(days=3653)  # a check-in more than ~10 years off counts as never
# The Gregorian calendar repeats exactly every 400 years (146097 days =
# 20871 weeks = 4800 months), so a rule read 400*k years later lands on the
# same dates, weekdays and INTERVAL phase.  dateutil only checks UNTIL when
# it yields, so a rule matching no day (BYMONTH=2;BYMONTHDAY=30) would walk
# to year 9999; expanded just before datetime.MAXYEAR it stops by itself.
_CYCLE_YEARS = 400
_ROOM_YEARS = 12


def _years_later(wall: datetime, years: int) -> datetime:
    return wall.replace(year=wall.year + years)


@dataclass(frozen=True)
class _Schedule:
    """A rule bound to a member's zone, ready to answer "what comes next?".

    ``rule`` is expanded on naive local wall time; each occurrence becomes an
    instant only when it is given the member's zone (fold=0: a time skipped
    by spring-forward lands after the gap, a repeated time at its first).
    """

    rule: rrule
    member_zone: ZoneInfo
    anchor: datetime  # naive local wall time
    until: datetime | None  # aware UTC
    freq: int
    interval: int

    def after(self, moment: datetime) -> datetime | None:
        """First occurrence strictly after aware-UTC ``moment``, as UTC."""
        local = moment.astimezone(self.member_zone).replace(tzinfo=None)
        shift = (datetime.max.year - _ROOM_YEARS - local.year) // _CYCLE_YEARS * _CYCLE_YEARS
        rule = self.rule.replace(dtstart=_years_later(self._search_start(local), shift))
        # Wall time runs back at fall-back, so look from a few hours early and
        # compare real instants; check-ins are >= ~23 hours apart.
        for wall in rule.xafter(_years_later(local - timedelta(hours=3), shift)):
            found = _years_later(wall, -shift).replace(tzinfo=self.member_zone).astimezone(UTC)
            if self.until is not None and found > self.until or found > moment + _HORIZON:
                return None
            if found > moment:
                return found
        return None

    def _search_start(self, local: datetime) -> datetime:
        # rrule walks forward from dtstart, so start whole INTERVAL periods
        # after the anchor (same cadence, same phase) but at least one period
        # before `local`: O(1) work however far we are from the anchor.
        anchor, step = self.anchor, self.interval
        if self.freq in (DAILY, WEEKLY):
            span = step * _PERIOD_DAYS[self.freq]
            periods = max(0, (local.date() - anchor.date()).days // span - 1)
            return anchor + timedelta(days=periods * span)
        if self.freq == MONTHLY:
            months = (local.year - anchor.year) * 12 + local.month - anchor.month
            return anchor + relativedelta(months=max(0, months // step - 1) * step)
        return anchor + relativedelta(years=max(0, (local.year - anchor.year) // step - 1) * step)


@lru_cache(maxsize=4096)
def _schedule(rule: str, tz_name: str) -> _Schedule:
    member_zone = zone(tz_name)
    text = _split(rule)
    kwargs = _rrule_kwargs(text)
    anchor = _anchor(text.dtstart, member_zone).replace(tzinfo=None)
    parts = dict(text.parts)
    # Pin what dateutil would otherwise take from dtstart, so moving dtstart
    # in `after` cannot change the time or day of a check-in.
    kwargs.setdefault("byhour", anchor.hour)
    kwargs.setdefault("byminute", anchor.minute)
    kwargs.setdefault("bysecond", 0)
    if not any(name in parts for name in ("BYWEEKNO", "BYYEARDAY", "BYMONTHDAY", "BYDAY")):
        if kwargs["freq"] == YEARLY:
            kwargs.setdefault("bymonth", anchor.month)
            kwargs["bymonthday"] = anchor.day
        elif kwargs["freq"] == MONTHLY:
            kwargs["bymonthday"] = anchor.day
        elif kwargs["freq"] == WEEKLY:
            kwargs["byweekday"] = anchor.weekday()
    return _Schedule(
        rule=rrule(dtstart=anchor, **kwargs),
        member_zone=member_zone,
        anchor=anchor,
        until=_until(parts.get("UNTIL"), member_zone),
        freq=kwargs["freq"],
        interval=kwargs["interval"],
    )


# --- public API -------------------------------------------------------------

def validate_schedule(rule: str, tz_name: str, now: datetime) -> None:
    """Raise ScheduleError (a readable one-line reason) unless the rule can be saved."""
    now_utc = require_aware(now, "now")
    schedule = _schedule(rule, tz_name)
    if schedule.after(now_utc) is not None:
        return
    if schedule.until is not None:
        ended = schedule.until.astimezone(schedule.member_zone).date().isoformat()
        if schedule.until <= now_utc:
            raise _bad(f"the schedule ended on {ended} (UNTIL is in the past)", "never_fires")
        raise _bad(f"the schedule never fires before it ends on {ended} (UNTIL)", "never_fires")
    raise _bad("the schedule never fires", "never_fires")


def next_occurrence(rule: str, tz_name: str, after: datetime) -> datetime | None:
    """The first check-in strictly after ``after`` (aware), as UTC; None once the rule has ended."""
    return _schedule(rule, tz_name).after(require_aware(after, "after"))


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


def with_time_of_day(rule: str, at: time) -> str:
    """``rule`` with BYHOUR/BYMINUTE set to ``at`` (BYSECOND=0); other parts, DTSTART and an "RRULE:" prefix kept."""
    if not isinstance(at, time) or at.tzinfo is not None:
        raise ValueError(f"with_time_of_day takes a local time without tzinfo, got {at!r}")
    text = _split(rule)
    kept = [f"{name}={value}" for name, value in text.parts if name not in ("BYHOUR", "BYMINUTE", "BYSECOND")]
    body = ";".join([*kept, f"BYHOUR={at.hour}", f"BYMINUTE={at.minute}", "BYSECOND=0"])
    line = f"RRULE:{body}" if text.prefixed else body
    return line if text.dtstart is None else f"{text.dtstart}\n{line}"


# --- describing a rule ------------------------------------------------------

_DAYS_PLURAL = {
    "en": ("Mondays", "Tuesdays", "Wednesdays", "Thursdays", "Fridays", "Saturdays", "Sundays"),
    "es": ("lunes", "martes", "miércoles", "jueves", "viernes", "sábados", "domingos"),
}
_DAYS_SINGULAR = {
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "es": ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"),
}
_NTH = {
    "en": {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth", -1: "last"},
    "es": {1: "primer", 2: "segundo", 3: "tercer", 4: "cuarto", 5: "quinto", -1: "último"},
}
_WORDS = {
    "en": {
        "every_day": "every day", "weekdays": "weekdays", "and": "and",
        "every_n_days": "every {n} days", "every_other_week": "every other week",
        "every_n_weeks": "every {n} weeks", "month": "every month", "n_months": "every {n} months",
        "monthday": "on the {day} of {months}", "last_day": "on the last day of {months}",
        "nth_weekday": "on the {nth} {weekday} of {months}", "custom": "on a custom schedule",
        "until": ", until {date}",
    },
    "es": {
        "every_day": "todos los días", "weekdays": "de lunes a viernes", "and": "y",
        "every_n_days": "cada {n} días", "every_other_week": "cada dos semanas",
        "every_n_weeks": "cada {n} semanas", "month": "cada mes", "n_months": "cada {n} meses",
        "monthday": "el día {day} de {months}", "last_day": "el último día de {months}",
        "nth_weekday": "el {nth} {weekday} de {months}", "custom": "con un calendario propio",
        "until": ", hasta el {date}",
    },
}
def describe_schedule(rule: str, language: str) -> str:
    """The rule in words for a member or coordinator ("en" or "es"; others get English).

    "every day at 09:30", "Mondays and Thursdays at 10:00", "weekdays at
    08:00", "lunes y jueves a las 10:00", "on the first Monday of every month
    at 10:00".  Times are the member's local wall clock.  Rules beyond these
    shapes read "on a custom schedule at 10:00".
    """
    text = _split(rule)
    kwargs = _rrule_kwargs(text)
    lang = language_of(language)
    words = _WORDS[lang]
    # No member zone here: a DTSTART's time is shown as written.
    anchor = _DEFAULT_ANCHOR
    if text.dtstart:
        anchor, _, _ = _stamp(text.dtstart.partition(":")[2], "DTSTART")
    hour = kwargs.get("byhour", (anchor.hour,))[0]
    minute = kwargs.get("byminute", (anchor.minute,))[0]
    clock = f"{hour:02d}:{minute:02d}"
    at = f"at {clock}" if lang == "en" else f"a la {clock}" if hour == 1 else f"a las {clock}"
    days = _describe_days(kwargs, anchor, lang)
    phrase = f"{days} {at}" if days else f"{words['custom']} {at}"
    until = text.get("UNTIL")
    if until:
        wall, _, _ = _stamp(until, "UNTIL")
        phrase += words["until"].format(date=day_month(wall.date(), lang, year=True))
    return phrase


def _describe_days(kwargs: dict, anchor: datetime, lang: str) -> str | None:
    words = _WORDS[lang]
    freq, interval = kwargs["freq"], kwargs["interval"]
    other = set(kwargs) - {"freq", "interval", "wkst", "byhour", "byminute", "bysecond", "byweekday"}
    if other - ({"bymonthday"} if freq == MONTHLY else set()):
        return None
    byday = kwargs.get("byweekday", ())
    if freq in (DAILY, WEEKLY):
        if any(day.n for day in byday):
            return None
        days = sorted({day.weekday for day in byday}) or (list(range(7)) if freq == DAILY else [anchor.weekday()])
        if freq == DAILY and interval > 1:
            return words["every_n_days"].format(n=interval) if len(days) == 7 else None
        phrase = _day_list(days, lang)
        if freq == WEEKLY and interval == 2:
            phrase += f" {words['every_other_week']}"
        elif freq == WEEKLY and interval > 2:
            phrase += f" {words['every_n_weeks'].format(n=interval)}"
        return phrase
    if freq != MONTHLY:
        return None
    months = words["month"] if interval == 1 else words["n_months"].format(n=interval)
    monthdays = kwargs.get("bymonthday", () if byday else (anchor.day,))
    if len(monthdays) == 1 and not byday:
        if monthdays[0] == -1:
            return words["last_day"].format(months=months)
        if monthdays[0] > 0:
            day = _ordinal(monthdays[0]) if lang == "en" else str(monthdays[0])
            return words["monthday"].format(day=day, months=months)
    if len(byday) == 1 and not monthdays and byday[0].n in _NTH[lang]:
        weekday = _DAYS_SINGULAR[lang][byday[0].weekday]
        return words["nth_weekday"].format(nth=_NTH[lang][byday[0].n], weekday=weekday, months=months)
    return None


def _day_list(days: list[int], lang: str) -> str:
    words = _WORDS[lang]
    if len(days) == 7:
        return words["every_day"]
    if days == [0, 1, 2, 3, 4]:
        return words["weekdays"]
    names = [_DAYS_PLURAL[lang][day] for day in days]
    if len(names) == 1:
        return names[0]
    return f"{', '.join(names[:-1])} {words['and']} {names[-1]}"


def _ordinal(number: int) -> str:
    suffix = "th" if 11 <= number % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"
