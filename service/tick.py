"""One scheduler pass: everything in Kinship that happens because time passed.

Every timed thing is a row with a due time, swept here from one clock, so ``kinship tick
--at T`` means "act as of T", a lost job or a flushed Redis delays nothing by more than one
pass, and two passes at once do each thing once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import text
from sqlalchemy.orm import Session

from service.care import buddies, escalation, questions
from service.care.safety import sweep_silence
from service.checkins import Asked, ask_due, close_missed
from service.messaging.outbox import release_due
from service.models import Alert, CheckIn, Member, OutboundMessage, PairingRound, SafetyQuestion
from service.retention import erase_old_bodies
from service.settings import Settings


@dataclass
class TickReport:
    now: datetime
    asked: list[Asked] = field(default_factory=list)
    missed: list[CheckIn] = field(default_factory=list)
    released: list[OutboundMessage] = field(default_factory=list)
    silent: list[Member] = field(default_factory=list)
    escalated: list[Alert] = field(default_factory=list)
    unanswered: list[SafetyQuestion] = field(default_factory=list)
    paired: list[PairingRound] = field(default_factory=list)
    erased: int = 0

    def summary(self) -> dict:
        return {
            "at": self.now.isoformat(),
            "checkins": sum(1 for a in self.asked if a.checkin is not None),
            "skipped": sum(1 for a in self.asked if a.checkin is None),
            "missed": len(self.missed),
            "released": len(self.released),
            "silent": len(self.silent),
            "escalated": len(self.escalated),
            "unanswered": len(self.unanswered),
            "paired": len(self.paired),
            "erased": self.erased,
        }


# Any fixed number: the key of PostgreSQL's advisory lock that lets one pass run at a time.
TICK_LOCK = 5_464_768


def one_pass_at_a_time(session: Session) -> None:
    """Wait for any other pass to finish, so this one reads everything the last one wrote.

    Check-ins are claimed row by row anyway; this covers the sweeps (missed check-ins,
    escalation steps, rotations) that two overlapping clocks would otherwise both act on.
    """
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": TICK_LOCK})
    elif dialect == "sqlite":
        # A write statement takes SQLite's write lock for the rest of the transaction.
        session.execute(text("UPDATE communities SET id = id WHERE 0 = 1"))


def run(session: Session, now: datetime, settings: Settings, *, commit_batches: bool = False) -> TickReport:
    """One pass as of ``now``. With ``commit_batches``, due check-ins are committed a batch at
    a time, so the first texts leave while later members are still being asked; without it
    (``--dry-run``, tests of the whole pass) everything stays in the caller's transaction.
    """
    one_pass_at_a_time(session)
    report = TickReport(now=now)
    report.missed = close_missed(session, now)

    def commit_batch() -> None:
        session.commit()
        one_pass_at_a_time(session)  # the lock went with the transaction

    report.asked = ask_due(session, now, timedelta(minutes=settings.checkin_grace_minutes), report.missed,
                           commit=commit_batch if commit_batches else None)
    report.silent = sweep_silence(session, report.missed, now, settings.public_url)
    report.escalated = escalation.sweep(session, now, settings.public_url)
    report.unanswered = questions.sweep(session, now, settings.public_url)
    report.paired = buddies.rotate_due(session, now)
    report.erased = erase_old_bodies(session, now)
    report.released = release_due(session, now)
    return report
