"""Who was told about an alert, when, and what they answered; and everything that happened to it."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from service.models.base import Base, UTCDateTime, intpk, utc
from service.models.community import Coordinator
from service.models.member import Member
from service.models.message import OutboundMessage


class AlertNotice(Base):
    __tablename__ = "alert_notices"

    id: Mapped[intpk]
    alert_id: Mapped[int] = mapped_column(ForeignKey("alerts.id", ondelete="CASCADE"), index=True)
    # A buddy (a member) or a coordinator.
    member_id: Mapped[int | None] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"), index=True)
    coordinator_id: Mapped[int | None] = mapped_column(ForeignKey("coordinators.id", ondelete="CASCADE"))
    role: Mapped[str] = mapped_column(String(16))  # "buddy", "backup", "coordinator"
    sent_at: Mapped[utc]
    reminded_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # "on_it", "pass", "undelivered" (the text could not reach them) or "left" (STOP, BUDDY
    # OFF, paused, unreachable); None while waiting. Anything but None: the alert has moved
    # past them, and nothing more is sent to them about it.
    answer: Mapped[str | None] = mapped_column(String(16))
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # The carrier's error code when a text about the alert did not reach them.
    undelivered_code: Mapped[int | None] = mapped_column(Integer)

    member: Mapped[Member | None] = relationship()
    coordinator: Mapped[Coordinator | None] = relationship()


class AlertEvent(Base):
    """One line of an alert's timeline: opened, a text and its fate, an answer, a hand-off, a re-page.

    A text about an alert is linked here by ``message_id``, which is how a failed delivery
    finds the alert it belongs to (and its delivery state shows on the timeline).
    """

    __tablename__ = "alert_events"

    id: Mapped[intpk]
    alert_id: Mapped[int] = mapped_column(ForeignKey("alerts.id", ondelete="CASCADE"), index=True)
    at: Mapped[utc]
    # "opened", "texted", "reminded", "follow_up", "undelivered", "on_it", "pass", "done",
    # "left", "handed_off", "repaged", "stale", "taken", "resolved", "informed"
    what: Mapped[str] = mapped_column(String(24))
    member_id: Mapped[int | None] = mapped_column(ForeignKey("members.id", ondelete="SET NULL"))
    coordinator_id: Mapped[int | None] = mapped_column(ForeignKey("coordinators.id", ondelete="SET NULL"))
    message_id: Mapped[int | None] = mapped_column(ForeignKey("outbound_messages.id", ondelete="SET NULL"), index=True)
    # Plain words for a coordinator ("the phone is off or out of range", "a score of 2").
    detail: Mapped[str | None] = mapped_column(Text)

    member: Mapped[Member | None] = relationship()
    coordinator: Mapped[Coordinator | None] = relationship()
    message: Mapped[OutboundMessage | None] = relationship()
