"""Schedules in words: the dashboard's day-and-time picker, and the RRULE it writes.

A coordinator picks every day, weekdays, or chosen days; one time, or two ("twice a day",
at least ``MIN_HOURS_APART`` hours apart and on the same minute past the hour, since one
RRULE's BYHOUR x BYMINUTE makes every pairing a check-in); and, if they like, every other
week. ``rule_for`` writes the rule; ``picked_from_rule`` reads a rule back into the
picker, or answers None for a rule the picker cannot show (an UNTIL, a DTSTART, monthly
days, ...), which then stays editable as text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from service.schedules.member_time import ScheduleError
from service.schedules.rules import MIN_HOURS_APART, split_rule

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
    second_time: str | None = None  # HH:MM, later in the day than ``time``, when twice a day

    def day_codes(self) -> tuple[str, ...]:
        return {"every": DAY_CODES, "weekdays": WEEKDAYS}.get(self.days, self.chosen)


def _clock(text: str | None) -> tuple[int, int] | None:
    match = _TIME.match((text or "").strip())
    return (int(match[1]), int(match[2])) if match else None


def picked_from_form(days: str | None, chosen: list[str], time: str | None, every_other_week: bool,
                     second_time: str | None = None) -> Picked:
    """What the picker's fields say, or ScheduleError saying what to fix.

    ``second_time`` is None unless "twice a day" is ticked.
    """
    if days not in CHOICES:
        raise ScheduleError("choose every day, weekdays, or the days of the week")
    codes = tuple(code for code in DAY_CODES if code in {c.upper() for c in chosen})
    if days == "chosen" and not codes:
        raise ScheduleError("tick at least one day of the week")
    first = _clock(time)
    if first is None:
        raise ScheduleError("choose the time of the check-in, like 10:00")
    times = [first]
    if second_time is not None:
        second = _clock(second_time)
        if second is None:
            raise ScheduleError("choose the second time of the check-in, like 21:00")
        if second[1] != first[1]:
            raise ScheduleError("the two check-in times must be on the same minute past the hour, like 09:15 and 21:15")
        gap = abs(second[0] - first[0])
        if min(gap, 24 - gap) < MIN_HOURS_APART:
            raise ScheduleError(f"the two check-in times must be at least {MIN_HOURS_APART} hours apart")
        times = sorted([first, second])
    shown = [f"{hour:02d}:{minute:02d}" for hour, minute in times]
    return Picked(days, codes if days == "chosen" else (), shown[0], every_other_week,
                  shown[1] if len(shown) == 2 else None)


def rule_for(picked: Picked) -> str:
    hour, minute = (int(part) for part in picked.time.split(":"))
    hours = f"{hour},{int(picked.second_time.split(':')[0])}" if picked.second_time else str(hour)
    at = f"BYHOUR={hours};BYMINUTE={minute}"
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
    hours, minute = parts.get("BYHOUR", "").split(","), parts.get("BYMINUTE", "0")
    if not (all(hour.isdigit() and int(hour) < 24 for hour in hours) and minute.isdigit() and int(minute) < 60):
        return None
    # Only what picked_from_form could give back: one time, or two far enough apart.
    hours_n = sorted(int(hour) for hour in hours)
    if len(hours_n) > 2 or len(set(hours_n)) != len(hours_n):
        return None
    if len(hours_n) == 2 and min(hours_n[1] - hours_n[0], 24 - hours_n[1] + hours_n[0]) < MIN_HOURS_APART:
        return None
    time = f"{hours_n[0]:02d}:{int(minute):02d}"
    second = f"{hours_n[1]:02d}:{int(minute):02d}" if len(hours_n) == 2 else None
    interval = parts.get("INTERVAL", "1")
    if parts["FREQ"] == "DAILY":
        return Picked("every", time=time, second_time=second) if interval == "1" and "BYDAY" not in parts else None
    if parts["FREQ"] != "WEEKLY" or interval not in ("1", "2") or "BYDAY" not in parts:
        return None
    codes = parts["BYDAY"].split(",")
    if any(code not in DAY_CODES for code in codes) or len(set(codes)) != len(codes):
        return None
    ordered = tuple(code for code in DAY_CODES if code in codes)
    days = "every" if ordered == DAY_CODES else "weekdays" if ordered == WEEKDAYS else "chosen"
    return Picked(days, ordered if days == "chosen" else (), time, interval == "2", second)
