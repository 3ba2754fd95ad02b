"""Who was told about an alert, when, and what they answered."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from service.models.base import Base, UTCDateTime, intpk, utc
from service.models.community import Coordinator
from service.models.member import Member


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
    # "on_it" or "pass"; None while waiting.
    answer: Mapped[str | None] = mapped_column(String(16))
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    member: Mapped[Member | None] = relationship()
    coordinator: Mapped[Coordinator | None] = relationship()
