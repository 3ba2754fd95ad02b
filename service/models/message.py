"""Text messages, both ways. An outbound message is a row before it is a job."""

from __future__ import annotations

import enum
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import JSON, Boolean, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from service.models.base import Base, UTCDateTime, created_at, enum_column, intpk, phone

if TYPE_CHECKING:
    from service.models.member import Member


class MessageState(enum.StrEnum):
    QUEUED = "queued"  # a row, waiting for a worker (and for not_before)
    SENDING = "sending"  # claimed by a worker; never sent twice from here on
    SENT = "sent"  # Twilio accepted it
    DELIVERED = "delivered"
    UNDELIVERED = "undelivered"
    FAILED = "failed"
    REPLIED = "replied"  # an answer given in the webhook's own TwiML
    CANCELLED = "cancelled"  # not sent: the member stopped, or it went stale
    SKIPPED = "skipped"  # not sent: Twilio was down until the text was too old to matter

    @property
    def rank(self) -> int:
        """Order of the delivery lifecycle, so a late callback never moves a message back."""
        return _RANK[self]


_RANK = {
    MessageState.QUEUED: 0,
    MessageState.SENDING: 1,
    MessageState.SENT: 2,
    MessageState.DELIVERED: 3,
    MessageState.UNDELIVERED: 3,
    MessageState.FAILED: 3,
    MessageState.REPLIED: 3,
    MessageState.CANCELLED: 3,
    MessageState.SKIPPED: 3,
}


class Lane(enum.StrEnum):
    URGENT = "urgent"  # crisis, buddy alerts, escalations: drained first
    DEFAULT = "default"  # check-ins, broadcasts, introductions


class OutboundMessage(Base):
    __tablename__ = "outbound_messages"

    id: Mapped[intpk]
    community_id: Mapped[int] = mapped_column(ForeignKey("communities.id", ondelete="CASCADE"), index=True)
    member_id: Mapped[int | None] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"), index=True)
    coordinator_id: Mapped[int | None] = mapped_column(ForeignKey("coordinators.id", ondelete="SET NULL"))
    checkin_id: Mapped[int | None] = mapped_column(ForeignKey("checkins.id", ondelete="SET NULL"))
    to_phone: Mapped[phone]
    from_number: Mapped[str | None] = mapped_column(String(16))
    kind: Mapped[str] = mapped_column(String(32))
    # The worker renders template + context in the member's language just before sending.
    template: Mapped[str] = mapped_column(String(64))
    context: Mapped[dict] = mapped_column(JSON, default=dict)
    language: Mapped[str] = mapped_column(String(8), default="en")
    body: Mapped[str | None] = mapped_column(Text)
    lane: Mapped[Lane] = mapped_column(enum_column(Lane), default=Lane.DEFAULT)
    state: Mapped[MessageState] = mapped_column(enum_column(MessageState), default=MessageState.QUEUED, index=True)
    # Held until then (quiet hours, a retry's back-off); tick releases it.
    not_before: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # Last time a job was enqueued for it: tick re-enqueues rows whose job was lost.
    enqueued_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    # When a worker moved it to ``sending``: a row left there is looked up at Twilio from then on.
    claimed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    twilio_sid: Mapped[str | None] = mapped_column(String(64), unique=True)
    error_code: Mapped[int | None] = mapped_column(Integer)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    status_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # Indexed: retention looks for old rows on every tick.
    created_at: Mapped[created_at] = mapped_column(index=True)

    member: Mapped[Member | None] = relationship()

    def __repr__(self) -> str:
        return f"<OutboundMessage {self.id} {self.kind} {self.state}>"


class InboundMessage(Base):
    __tablename__ = "inbound_messages"

    id: Mapped[intpk]
    # Twilio retries webhooks; the SID makes a retry a no-op.
    message_sid: Mapped[str] = mapped_column(String(64), unique=True)
    # Twilio's I-Twilio-Idempotency-Token, when it sent one: the same for every retry of a webhook.
    idempotency_token: Mapped[str | None] = mapped_column(String(128), unique=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"), index=True)
    checkin_id: Mapped[int | None] = mapped_column(ForeignKey("checkins.id", ondelete="SET NULL"))
    from_phone: Mapped[phone]
    to_phone: Mapped[str] = mapped_column(String(32))
    # None once erased by the community's retention period; the reading stays.
    body: Mapped[str | None] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(32))
    score: Mapped[int | None] = mapped_column(Integer)
    reading: Mapped[dict | None] = mapped_column(JSON)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    # The human net: a reply in words that raised no alert waits on the Now page until a
    # coordinator marks it read (the reader can miss what a person would notice).
    awaits_reading: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    read_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    read_by_id: Mapped[int | None] = mapped_column(ForeignKey("coordinators.id", ondelete="SET NULL"))

    member: Mapped[Member] = relationship()

    def __repr__(self) -> str:
        return f"<InboundMessage {self.message_sid} {self.kind}>"
