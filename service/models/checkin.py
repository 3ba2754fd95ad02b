"""A check-in: one scheduled question to one member, and what came of it."""

from __future__ import annotations

import enum
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import JSON, ForeignKey, Integer, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from service.models.base import Base, UTCDateTime, created_at, enum_column, intpk, utc

if TYPE_CHECKING:
    from service.models.member import Member


class CheckInStatus(enum.StrEnum):
    OPEN = "open"  # asked, waiting for the member
    ANSWERED = "answered"
    MISSED = "missed"  # no reply before the next one (or the community's window)
    SKIPPED = "skipped"  # the slot was too stale to send when the clock caught up


class CheckIn(Base):
    __tablename__ = "checkins"
    # The slot names the check-in: two ticks for the same moment cannot both write one.
    __table_args__ = (UniqueConstraint("member_id", "scheduled_for", name="uq_checkins_member_slot"),)

    id: Mapped[intpk]
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"), index=True)
    scheduled_for: Mapped[utc]
    status: Mapped[CheckInStatus] = mapped_column(enum_column(CheckInStatus), default=CheckInStatus.OPEN, index=True)
    # When an open check-in turns into a missed one; swept by tick.
    closes_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), index=True)
    score: Mapped[int | None] = mapped_column(Integer)
    reading: Mapped[dict | None] = mapped_column(JSON)
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[created_at]

    member: Mapped[Member] = relationship()

    def __repr__(self) -> str:
        return f"<CheckIn {self.id} member={self.member_id} {self.status}>"
