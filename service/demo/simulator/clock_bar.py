"""The demo clock as the simulator page shows it, and where its buttons jump to."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from service import clock
from service.demo.simulator.phones import STAR_PHONE, local_day, local_time
from service.models import Community, Member, MemberStatus
from service.schedules import QuietHours, in_quiet_hours

JUMPS = {"hour": timedelta(hours=1), "day": timedelta(days=1)}


@dataclass(frozen=True)
class ClockBar:
    day: str  # "Mon 30 Nov 2026"
    time: str  # "09:14"
    place: str  # "Chicago"
    ahead: str  # "2 days 3 hours ahead of the real time"
    quiet: str | None  # a note while it is quiet hours in the community
    next_checkin: str | None  # the "Next check-in" button's label


def place(zone: str) -> str:
    return zone.split("/")[-1].replace("_", " ")


def ahead_words(offset: timedelta) -> str:
    minutes = round(offset.total_seconds() / 60)
    if minutes <= 0:
        return "the real time"
    days, rest = divmod(minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    parts = [f"{n} {unit}{'s' if n != 1 else ''}" for n, unit in ((days, "day"), (hours, "hour"), (minutes, "minute")) if n]
    return " ".join(parts[:2]) + " ahead of the real time"


def _due(session: Session, community: Community) -> list[Member]:
    return list(session.scalars(
        select(Member).where(Member.community_id == community.id, Member.status == MemberStatus.ACTIVE,
                             Member.next_checkin_at.is_not(None)).order_by(Member.next_checkin_at, Member.id)
    ))


def next_checkin_at(session: Session, community: Community, now: datetime) -> datetime | None:
    due = _due(session, community)
    return max(due[0].next_checkin_at, now) if due else None


def star_checkin_at(session: Session, now: datetime) -> datetime | None:
    star = session.scalar(select(Member).where(Member.phone == STAR_PHONE))
    if star is None or star.next_checkin_at is None:
        return None
    return max(star.next_checkin_at, now)


def clock_bar(session: Session, community: Community | None, now: datetime) -> ClockBar:
    zone = community.timezone if community else "UTC"
    quiet = None
    label = None
    if community is not None:
        hours = QuietHours.parse(community.quiet_hours)
        if in_quiet_hours(now, zone, hours):
            quiet = (f"Quiet hours in {place(zone)} ({hours.start:%H:%M}–{hours.end:%H:%M}): check-ins and buddy "
                     "texts wait for the morning. Crisis answers and coordinator alerts still go at once.")
        due = _due(session, community)
        if due:
            first = due[0].next_checkin_at
            names = [m.first_name for m in due if m.next_checkin_at == first]
            when = "due now" if first <= now else f"{local_day(first, zone)} {local_time(first, zone)}"
            label = f"Next check-in · {when} ({', '.join(names)})"
    return ClockBar(day=now.astimezone(ZoneInfo(zone)).strftime("%a %-d %b %Y"), time=local_time(now, zone),
                    place=place(zone), ahead=ahead_words(clock.offset()), quiet=quiet, next_checkin=label)
