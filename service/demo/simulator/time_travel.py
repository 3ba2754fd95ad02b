"""Time travel for the demo: move the one clock forward, and let everything due happen on the way.

A jump does not leap over the hour it skips: it stops at every moment something was due in
between (a check-in, an escalation step, a held text, a check-in closing), sets the shared
clock there, runs a scheduler pass and gives the workers a moment to send what it queued, so
the phones show the reminder at 10:15 and the hand-off at 10:30, not both at 11:00.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from service import clock
from service import tick as scheduler
from service.db import Database
from service.models import (
    Alert,
    AlertState,
    CheckIn,
    CheckInStatus,
    Member,
    MemberStatus,
    MessageState,
    OutboundMessage,
)
from service.settings import Settings

MAX_STOPS = 60  # a week of a small community's check-ins and escalations
SETTLE_POLL_SECONDS = 0.1


@dataclass
class Jump:
    start: datetime
    end: datetime
    stops: list[datetime] = field(default_factory=list)
    totals: dict[str, int] = field(default_factory=dict)

    def add(self, summary: dict) -> None:
        for key, value in summary.items():
            if isinstance(value, int):
                self.totals[key] = self.totals.get(key, 0) + value


def move_clock_to(moment: datetime) -> None:
    """Set the shared clock so that now is ``moment`` (never a second before it)."""
    real = datetime.now(UTC)
    clock.set_offset(timedelta(seconds=math.ceil((moment - real).total_seconds())))
    # Other processes read the shared offset at most this long ago: wait until they see it.
    time.sleep(getattr(clock.shared(), "max_age", 0))


def next_due(session: Session, after: datetime, until: datetime) -> datetime | None:
    """The first moment in (after, until] at which a scheduler pass has something to do."""
    def first(column, *conditions):
        return select(column).where(column > after, column <= until, *conditions).order_by(column).limit(1)

    candidates = [
        session.scalar(first(Member.next_checkin_at, Member.status.in_((MemberStatus.ACTIVE, MemberStatus.PAUSED)))),
        session.scalar(first(Alert.next_step_at, Alert.state == AlertState.OPEN)),
        session.scalar(first(OutboundMessage.not_before, OutboundMessage.state == MessageState.QUEUED)),
        session.scalar(first(CheckIn.closes_at, CheckIn.status == CheckInStatus.OPEN)),
    ]
    moments = [clock.as_utc(c) for c in candidates if c is not None]
    return min(moments) if moments else None


def in_flight(session: Session, now: datetime) -> int:
    """Texts a worker has been woken for and has not finished with yet."""
    return session.scalar(
        select(func.count(OutboundMessage.id)).where(or_(
            OutboundMessage.state == MessageState.SENDING,
            and_(OutboundMessage.state == MessageState.QUEUED, OutboundMessage.enqueued_at.is_not(None),
                 or_(OutboundMessage.not_before.is_(None), OutboundMessage.not_before <= now)),
        ))
    ) or 0


def settle(db: Database, seconds: float, *, sleep: Callable[[float], None] = time.sleep) -> bool:
    """Wait up to ``seconds`` for the workers to send what is due; True when they have."""
    deadline = time.monotonic() + seconds
    while True:
        with db.session() as session:
            if not in_flight(session, clock.utcnow()):
                return True
        if time.monotonic() >= deadline:
            return False
        sleep(SETTLE_POLL_SECONDS)


def tick_now(db: Database, settings: Settings) -> dict:
    with db.session() as session:
        return scheduler.run(session, clock.utcnow(), settings).summary()


def jump_to(db: Database, settings: Settings, target: datetime, *, settle_seconds: float,
            settle_budget: float = 20.0) -> Jump:
    """Walk the shared clock to ``target``, stopping wherever something falls due on the way."""
    start = clock.utcnow()
    jump = Jump(start=start, end=max(target, start))
    budget_ends = time.monotonic() + settle_budget
    current = start
    for _ in range(MAX_STOPS):
        with db.session() as session:
            stop = next_due(session, current, jump.end)
        if stop is None or stop >= jump.end:
            break
        _stop_at(db, settings, stop, jump, settle_seconds if time.monotonic() < budget_ends else 0)
        current = stop
    _stop_at(db, settings, jump.end, jump, settle_seconds)
    return jump


def _stop_at(db: Database, settings: Settings, moment: datetime, jump: Jump, settle_seconds: float) -> None:
    move_clock_to(moment)
    jump.stops.append(moment)
    jump.add(tick_now(db, settings))
    if settle_seconds:
        settle(db, settle_seconds)
