"""The audit log: every coordinator action, and every time one read a member's messages."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from service.models.base import Base, UTCDateTime, intpk


class AuditEvent(Base):
    __tablename__ = "audit_events"

    id: Mapped[intpk]
    coordinator_id: Mapped[int | None] = mapped_column(ForeignKey("coordinators.id", ondelete="SET NULL"), index=True)
    community_id: Mapped[int | None] = mapped_column(ForeignKey("communities.id", ondelete="CASCADE"), index=True)
    # e.g. "alert.resolve", "member.view_messages", "member.pause", "denied"
    action: Mapped[str] = mapped_column(String(64))
    target: Mapped[str | None] = mapped_column(String(120))
    detail: Mapped[dict] = mapped_column(JSON, default=dict)
    address: Mapped[str | None] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
