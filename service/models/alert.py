"""An alert: a member who may need someone, from the moment it opens until a person closes it."""

from __future__ import annotations

import enum
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import JSON, ForeignKey, Index, Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from service.models.base import Base, UTCDateTime, enum_column, intpk, utc

if TYPE_CHECKING:
    from service.models.community import Coordinator
    from service.models.member import Member
    from service.models.message import InboundMessage


class AlertKind(enum.StrEnum):
    SUPPORT = "support"  # the buddy path: low score, asking for support, silence, a downward trend
    CRISIS = "crisis"  # straight to the coordinators, urgently


class AlertReason(enum.StrEnum):
    LOW_SCORE = "low_score"
    WANTS_SUPPORT = "wants_support"
    CRISIS = "crisis"
    SILENCE = "silence"
    TREND = "trend"
    # A risk signal the reader could not settle, with asking directly turned off.
    UNCERTAIN = "uncertain"
    # Asked whether they are safe, and no answer came (or they texted STOP instead).
    SAFETY_QUESTION = "safety_question"


class AlertState(enum.StrEnum):
    OPEN = "open"
    ACKNOWLEDGED = "acknowledged"  # someone said they are on it
    RESOLVED = "resolved"


class Alert(Base):
    __tablename__ = "alerts"
    __table_args__ = (
        # One episode, one alert: while an alert of a kind is unresolved, later signals attach to it.
        Index(
            "uq_alerts_one_unresolved",
            "member_id",
            "kind",
            unique=True,
            sqlite_where=text("state != 'resolved'"),
            postgresql_where=text("state != 'resolved'"),
        ),
    )

    id: Mapped[intpk]
    community_id: Mapped[int] = mapped_column(ForeignKey("communities.id", ondelete="CASCADE"), index=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"), index=True)
    kind: Mapped[AlertKind] = mapped_column(enum_column(AlertKind))
    reason: Mapped[AlertReason] = mapped_column(enum_column(AlertReason))
    state: Mapped[AlertState] = mapped_column(enum_column(AlertState), default=AlertState.OPEN, index=True)
    # The reading that opened it, and every later signal in the same episode.
    reading: Mapped[dict | None] = mapped_column(JSON)
    signals: Mapped[list] = mapped_column(JSON, default=list)
    # Why it opened, in plain words for coordinators ("a score of 2", "no reply to the last 3
    # check-ins"): the reading's concerns, or the safety path's own words. Never internal labels.
    concerns: Mapped[list] = mapped_column(JSON, default=list)
    inbound_message_id: Mapped[int | None] = mapped_column(ForeignKey("inbound_messages.id", ondelete="SET NULL"))
    opened_at: Mapped[utc]
    acknowledged_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    acknowledged_by: Mapped[str | None] = mapped_column(String(120))
    # Who is on it, as a person we can text: a buddy (ON IT) or a coordinator (I'm on it).
    acknowledged_member_id: Mapped[int | None] = mapped_column(ForeignKey("members.id", ondelete="SET NULL"))
    acknowledged_coordinator_id: Mapped[int | None] = mapped_column(ForeignKey("coordinators.id", ondelete="SET NULL"))
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    resolved_by_id: Mapped[int | None] = mapped_column(ForeignKey("coordinators.id", ondelete="SET NULL"))
    resolution_note: Mapped[str | None] = mapped_column(Text)
    # Escalation: the next step is due then (swept by tick); the step count says where it is.
    escalation_step: Mapped[int] = mapped_column(Integer, default=0)
    next_step_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), index=True)
    # Pages to the coordinators repeated because nobody took the alert (the Now page calls a
    # crisis with any "overdue").
    repages: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # A coordinator took it and 24 hours passed with no resolution.
    stale_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    member: Mapped[Member] = relationship(foreign_keys=[member_id])
    # The member's own words that opened it (shown shortened on the card).
    inbound_message: Mapped[InboundMessage | None] = relationship()
    resolved_by: Mapped[Coordinator | None] = relationship(foreign_keys=[resolved_by_id])

    @property
    def is_open(self) -> bool:
        return self.state != AlertState.RESOLVED

    @property
    def overdue(self) -> bool:
        """A crisis the coordinators were paged about again, and still nobody took."""
        return self.kind == AlertKind.CRISIS and self.state == AlertState.OPEN and self.repages > 0

    def __repr__(self) -> str:
        return f"<Alert {self.id} {self.kind}/{self.reason} {self.state}>"
