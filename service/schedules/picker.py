"""Schedules in words: the dashboard's day-and-time picker, and the RRULE it writes.

A coordinator picks every day, weekdays, or chosen days; a time; and, if they like, every
other week. ``rule_for`` writes the rule; ``picked_from_rule`` reads a rule back into the
picker, or answers None for a rule the picker cannot show (an UNTIL, a DTSTART, monthly
days, ...), which then stays editable as text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from service.schedules.member_time import ScheduleError
from service.schedules.rules import split_rule

DAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
DAY_NAMES = dict(zip(DAY_CODES, ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"), strict=True))
WEEKDAYS = DAY_CODES[:5]
CHOICES = ("every", "weekdays", "chosen")
_TIME = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


@dataclass(frozen=True)
class Picked:
    days: str  # "every", "weekdays" or "chosen"
    chosen: tuple[str, ...] = ()  # day codes in week order, when days == "chosen"
    time: str = "10:00"  # HH:MM on the member's clock
    every_other_week: bool = False

    def day_codes(self) -> tuple[str, ...]:
        return {"every": DAY_CODES, "weekdays": WEEKDAYS}.get(self.days, self.chosen)


def picked_from_form(days: str | None, chosen: list[str], time: str | None, every_other_week: bool) -> Picked:
    """What the picker's fields say, or ScheduleError saying what to fix."""
    if days not in CHOICES:
        raise ScheduleError("choose every day, weekdays, or the days of the week")
    codes = tuple(code for code in DAY_CODES if code in {c.upper() for c in chosen})
    if days == "chosen" and not codes:
        raise ScheduleError("tick at least one day of the week")
    match = _TIME.match((time or "").strip())
    if not match:
        raise ScheduleError("choose the time of the check-in, like 10:00")
    return Picked(days, codes if days == "chosen" else (), f"{int(match[1]):02d}:{match[2]}", every_other_week)


def rule_for(picked: Picked) -> str:
    hour, minute = (int(part) for part in picked.time.split(":"))
    at = f"BYHOUR={hour};BYMINUTE={minute}"
    if picked.days == "every" and not picked.every_other_week:
        return f"FREQ=DAILY;{at}"
    interval = "INTERVAL=2;" if picked.every_other_week else ""
    return f"FREQ=WEEKLY;{interval}BYDAY={','.join(picked.day_codes())};{at}"


def picked_from_rule(rule: str | None) -> Picked | None:
    """The picker's view of ``rule``; None when the picker cannot show it exactly."""
    if not rule or not rule.strip():
        return None
    try:
        text = split_rule(rule)
    except ScheduleError:
        return None
    parts = dict(text.parts)
    if text.dtstart or set(parts) - {"FREQ", "INTERVAL", "BYDAY", "BYHOUR", "BYMINUTE"}:
        return None
    hour, minute = parts.get("BYHOUR", ""), parts.get("BYMINUTE", "0")
    if not (hour.isdigit() and minute.isdigit() and int(hour) < 24 and int(minute) < 60):
        return None
    time = f"{int(hour):02d}:{int(minute):02d}"
    interval = parts.get("INTERVAL", "1")
    if parts["FREQ"] == "DAILY":
        return Picked("every", time=time) if interval == "1" and "BYDAY" not in parts else None
    if parts["FREQ"] != "WEEKLY" or interval not in ("1", "2") or "BYDAY" not in parts:
        return None
    codes = parts["BYDAY"].split(",")
    if any(code not in DAY_CODES for code in codes) or len(set(codes)) != len(codes):
        return None
    ordered = tuple(code for code in DAY_CODES if code in codes)
    days = "every" if ordered == DAY_CODES else "weekdays" if ordered == WEEKDAYS else "chosen"
    return Picked(days, ordered if days == "chosen" else (), time, interval == "2")
