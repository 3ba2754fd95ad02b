"""Asking directly: "are you safe right now?", sent when a reply carries a risk signal the
reader cannot settle, and what came of it.

A question is a row with a due time, like every timed thing: ``tick`` opens an alert for
the coordinators when no answer has come by then, so the wait survives restarts and a
flushed Redis.
"""

from __future__ import annotations

import enum
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import JSON, ForeignKey, Index, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from service.models.base import Base, UTCDateTime, enum_column, intpk, utc

if TYPE_CHECKING:
    from service.models.alert import Alert
    from service.models.member import Member
    from service.models.message import InboundMessage


class QuestionState(enum.StrEnum):
    OPEN = "open"  # asked, waiting for the member's answer
    SAFE = "safe"  # they said they are safe
    NOT_SAFE = "not_safe"  # anything but a clear SAFE: the crisis path
    UNANSWERED = "unanswered"  # no answer in time: the coordinators were alerted
    STOPPED = "stopped"  # they texted STOP instead: the coordinators were alerted


class SafetyQuestion(Base):
    __tablename__ = "safety_questions"
    __table_args__ = (
        # One question at a time: while one is open, the member's next text is its answer.
        Index(
            "uq_safety_questions_one_open",
            "member_id",
            unique=True,
            sqlite_where=text("state = 'open'"),
            postgresql_where=text("state = 'open'"),
        ),
    )

    id: Mapped[intpk]
    community_id: Mapped[int] = mapped_column(ForeignKey("communities.id", ondelete="CASCADE"), index=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"), index=True)
    state: Mapped[QuestionState] = mapped_column(enum_column(QuestionState), default=QuestionState.OPEN, index=True)
    # The reply that raised the question, and how it was read (its concerns go on any alert).
    inbound_message_id: Mapped[int | None] = mapped_column(ForeignKey("inbound_messages.id", ondelete="SET NULL"))
    reading: Mapped[dict | None] = mapped_column(JSON)
    asked_at: Mapped[utc]
    # While open: when silence becomes an alert (swept by tick). None once settled.
    due_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), index=True)
    answer_message_id: Mapped[int | None] = mapped_column(ForeignKey("inbound_messages.id", ondelete="SET NULL"))
    settled_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # The alert it led to, if any (support after SAFE, crisis after anything else, or silence).
    alert_id: Mapped[int | None] = mapped_column(ForeignKey("alerts.id", ondelete="SET NULL"))

    member: Mapped[Member] = relationship()
    inbound_message: Mapped[InboundMessage | None] = relationship(foreign_keys=[inbound_message_id])
    answer_message: Mapped[InboundMessage | None] = relationship(foreign_keys=[answer_message_id])
    alert: Mapped[Alert | None] = relationship()

    @property
    def is_open(self) -> bool:
        return self.state == QuestionState.OPEN

    def __repr__(self) -> str:
        return f"<SafetyQuestion {self.id} member={self.member_id} {self.state}>"
