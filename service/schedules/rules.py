"""Reading a schedule rule: the RRULE text checked, part by part, and turned into
dateutil ``rrule`` arguments; and ``with_time_of_day``, which rewrites one.

Nothing here knows about instants yet: ``split_rule`` splits the text,
``rrule_kwargs`` validates its parts, and ``read_anchor`` / ``read_until`` read
DTSTART and UNTIL onto a member's clock.  What is refused, and why, is listed in
``service.schedules``; every refusal is a ``ScheduleError`` with a one-line reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, time
from zoneinfo import ZoneInfo

from dateutil.rrule import DAILY, MONTHLY, WEEKLY, YEARLY, weekdays

from service.schedules.member_time import UTC, ScheduleError, zone

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
_MAX_INTERVAL = {DAILY: 366, WEEKLY: 52, MONTHLY: 12, YEARLY: 1}  # at least once a year
DEFAULT_ANCHOR = datetime(2024, 1, 1)  # a Monday, so WEEKLY without BYDAY means Mondays
_EXAMPLE = "e.g. FREQ=WEEKLY;BYDAY=MO,TH;BYHOUR=10;BYMINUTE=0"


def _bad(message: str, code: str = "bad_rule") -> ScheduleError:
    return ScheduleError(message, code=code)


@dataclass(frozen=True)
class RuleText:
    """A rule split into its lines and NAME=VALUE parts, nothing interpreted yet."""

    parts: tuple[tuple[str, str], ...]
    dtstart: str | None
    prefixed: bool

    def get(self, name: str) -> str | None:
        return dict(self.parts).get(name)


def split_rule(rule: str) -> RuleText:
    """The RRULE's parts and the DTSTART line, refusing anything else a rule could hold."""
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
    return RuleText(tuple(parts), dtstart, prefixed)


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


def rrule_kwargs(text: RuleText) -> dict:
    """Validated dateutil ``rrule`` keyword arguments, without dtstart/until."""
    parts = dict(text.parts)
    freq_name = parts["FREQ"]
    if freq_name in _TOO_OFTEN:
        raise _bad(f"check-ins at most twice a day (FREQ={freq_name} is too often)", "too_often")
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
    _at_most_twice_a_day(kwargs, parts)
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


MIN_HOURS_APART = 4


def _at_most_twice_a_day(kwargs: dict, parts: dict) -> None:
    """Two check-in times a day at most, sharing their minute, and MIN_HOURS_APART apart.

    Every BYHOUR x BYMINUTE x BYSECOND pairing is a text, so only BYHOUR may hold two values.
    The gap is measured round the clock too (22:00 and 01:00 are 3 hours apart), so a daily
    schedule never asks twice within a few hours, and the expansion's look-back stays sound.
    """
    for name in ("BYMINUTE", "BYSECOND"):
        if len(kwargs.get(name.lower(), ())) > 1:
            raise _bad(
                f"check-ins at most twice a day, at the same minute past the hour ({name}={parts[name]} "
                "would send several; e.g. BYHOUR=9,21;BYMINUTE=0)", "too_often"
            )
    hours = sorted(set(kwargs.get("byhour", ())))
    if len(kwargs.get("byhour", ())) != len(hours):
        raise _bad(f"BYHOUR={parts['BYHOUR']} names the same hour twice")
    if len(hours) > 2:
        raise _bad(f"check-ins at most twice a day (BYHOUR={parts['BYHOUR']} would send {len(hours)})", "too_often")
    if len(hours) == 2:
        gap = min(hours[1] - hours[0], 24 - (hours[1] - hours[0]))
        if gap < MIN_HOURS_APART:
            raise _bad(
                f"two check-ins a day must be at least {MIN_HOURS_APART} hours apart "
                f"(BYHOUR={parts['BYHOUR']} is {gap} hours)", "too_close"
            )
        kwargs["byhour"] = tuple(hours)


def read_stamp(value: str, what: str) -> tuple[datetime, bool, bool]:
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


def read_anchor(line: str | None, member_zone: ZoneInfo) -> datetime:
    """Where the rule is expanded from, on the member's clock: its DTSTART line, else DEFAULT_ANCHOR."""
    if line is None:
        return DEFAULT_ANCHOR.replace(tzinfo=member_zone)
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
    wall, is_utc, _ = read_stamp(value, "DTSTART")
    if is_utc and written_zone is not None:
        raise _bad("DTSTART has both a TZID and a Z (UTC) time")
    written_zone = written_zone or member_zone  # floating: the member's own clock
    start = wall.replace(tzinfo=UTC if is_utc else written_zone)
    # Seconds dropped: check-ins are minute-precise and BYSECOND defaults to them.
    return start.astimezone(member_zone).replace(second=0, microsecond=0)


def read_until(value: str | None, member_zone: ZoneInfo) -> datetime | None:
    """UNTIL as an aware UTC instant: Z is UTC, otherwise the member's clock (a bare date through its end)."""
    if value is None:
        return None
    wall, is_utc, date_only = read_stamp(value, "UNTIL")
    if is_utc:
        return wall.replace(tzinfo=UTC)
    if date_only:
        wall = wall.replace(hour=23, minute=59, second=59)
    return wall.replace(tzinfo=member_zone).astimezone(UTC)


def check_in_hours(rule: str) -> tuple[int, ...]:
    """The rule's check-in hours as written in BYHOUR, earliest first; () when it has none."""
    value = split_rule(rule).get("BYHOUR")
    return tuple(sorted(_numbers("BYHOUR", value))) if value else ()


def with_time_of_day(rule: str, at: time) -> str:
    """``rule`` with its (first) check-in time set to ``at`` (BYSECOND=0); other parts, DTSTART and an
    "RRULE:" prefix kept.

    A twice-a-day rule stays twice a day: ``at`` replaces the earlier time, the later hour is
    kept, and both take ``at``'s minute, since the two times share one BYMINUTE.
    """
    if not isinstance(at, time) or at.tzinfo is not None:
        raise ValueError(f"with_time_of_day takes a local time without tzinfo, got {at!r}")
    text = split_rule(rule)
    hours = check_in_hours(rule)
    # Not a set: TIME at the later hour gives BYHOUR=21,21, refused rather than quietly once a day.
    byhour = ",".join(str(h) for h in sorted((at.hour, hours[1]))) if len(hours) == 2 else str(at.hour)
    kept = [f"{name}={value}" for name, value in text.parts if name not in ("BYHOUR", "BYMINUTE", "BYSECOND")]
    body = ";".join([*kept, f"BYHOUR={byhour}", f"BYMINUTE={at.minute}", "BYSECOND=0"])
    line = f"RRULE:{body}" if text.prefixed else body
    return line if text.dtstart is None else f"{text.dtstart}\n{line}"

