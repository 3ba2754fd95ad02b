"""Expanding a schedule rule on a member's wall clock: the next check-in after an instant.

``zoned_rule(rule, tz_name)`` reads the rule once (cached) and binds it to the
member's zone; its ``after(moment)`` is the first occurrence strictly after an
aware UTC instant, or None once UNTIL has passed or nothing comes within about
ten years.  Wall times keep across daylight saving as ``service.schedules``
describes; the work per call stays the same however far from the anchor.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from dateutil.relativedelta import relativedelta
from dateutil.rrule import DAILY, MONTHLY, WEEKLY, YEARLY, rrule

from service.schedules.member_time import UTC, zone
from service.schedules.rules import read_anchor, read_until, rrule_kwargs, split_rule

_PERIOD_DAYS = {DAILY: 1, WEEKLY: 7, MONTHLY: 31, YEARLY: 366}
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
class ZonedRule:
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
        # Wall time runs back at fall-back (by at most an hour), so look from a
        # few hours early and compare real instants.  Check-ins are at least
        # MIN_HOURS_APART (4) wall hours apart, >= 3 real hours across a change,
        # and wall -> instant (fold=0) never runs backwards, so the first later
        # instant found is the next check-in.
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
def zoned_rule(rule: str, tz_name: str) -> ZonedRule:
    """``rule`` read and bound to zone ``tz_name``; raises ScheduleError for either."""
    member_zone = zone(tz_name)
    text = split_rule(rule)
    kwargs = rrule_kwargs(text)
    anchor = read_anchor(text.dtstart, member_zone).replace(tzinfo=None)
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
    return ZonedRule(
        rule=rrule(dtstart=anchor, **kwargs),
        member_zone=member_zone,
        anchor=anchor,
        until=read_until(parts.get("UNTIL"), member_zone),
        freq=kwargs["freq"],
        interval=kwargs["interval"],
    )
