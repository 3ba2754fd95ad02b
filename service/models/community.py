"""A community, and the coordinators who look after it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import Boolean, Column, Float, ForeignKey, Integer, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from service.models.base import Base, created_at, intpk, phone

if TYPE_CHECKING:
    from service.models.member import Member

DEFAULT_SCHEDULE = "FREQ=WEEKLY;BYDAY=MO,TH;BYHOUR=10;BYMINUTE=0"
DEFAULT_QUIET_HOURS = "21:00-08:00"

coordinator_communities = Table(
    "coordinator_communities",
    Base.metadata,
    Column("coordinator_id", ForeignKey("coordinators.id", ondelete="CASCADE"), primary_key=True),
    Column("community_id", ForeignKey("communities.id", ondelete="CASCADE"), primary_key=True),
)


class Community(Base):
    __tablename__ = "communities"

    id: Mapped[intpk]
    name: Mapped[str] = mapped_column(String(100), unique=True)
    timezone: Mapped[str] = mapped_column(String(64), default="UTC")
    country: Mapped[str] = mapped_column(String(2), default="US")
    language: Mapped[str] = mapped_column(String(8), default="en")
    # None: the settings' sender. A community may text from its own number.
    from_number: Mapped[str | None] = mapped_column(String(16))
    # Texts a second from that sender, shared by every worker: 1 for a long code, 3 for
    # toll-free, 100 for a short code; 0 leaves the pacing to a Twilio Messaging Service's
    # queue. None: the settings' KINSHIP_SEND_RATE_PER_SECOND.
    send_rate_per_second: Mapped[float | None] = mapped_column(Float)
    default_schedule: Mapped[str] = mapped_column(String(255), default=DEFAULT_SCHEDULE)
    quiet_hours: Mapped[str] = mapped_column(String(11), default=DEFAULT_QUIET_HOURS)
    # None: the default resources in templates_sms/<language>/crisis_resources.txt.
    crisis_resources: Mapped[str | None] = mapped_column(Text)
    # Who a member reaches by asking HELP: a coordinator's name and number or email.
    # None: the HELP answer says "your community's coordinator".
    contact_line: Mapped[str | None] = mapped_column(String(60))
    # A check-in with no reply within this many hours is missed (None: when the next one is due).
    missed_after_hours: Mapped[int | None] = mapped_column(Integer)
    retention_days: Mapped[int] = mapped_column(Integer, default=180)
    # The safety path's knobs (see service/safety.py and service/escalation.py).
    silence_threshold: Mapped[int] = mapped_column(Integer, default=2)
    escalation_minutes: Mapped[int] = mapped_column(Integer, default=30)
    # A crisis nobody took is paged again to every coordinator this often, twice.
    crisis_repage_minutes: Mapped[int] = mapped_column(Integer, default=10, server_default="10")
    # Buddies rotate every N weeks through tick; relay lets buddies text through the service number.
    rotation_weeks: Mapped[int] = mapped_column(Integer, default=4)
    relay_enabled: Mapped[bool] = mapped_column(Boolean, default=False)
    # A reply with a risk signal the reader cannot settle is answered by asking directly
    # whether they are safe; off, it opens a support alert at once.
    ask_when_unsure: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[created_at]

    members: Mapped[list[Member]] = relationship(back_populates="community")
    coordinators: Mapped[list[Coordinator]] = relationship(
        secondary=coordinator_communities, back_populates="communities"
    )

    def __repr__(self) -> str:
        return f"<Community {self.name!r}>"


class Coordinator(Base):
    __tablename__ = "coordinators"

    id: Mapped[intpk]
    email: Mapped[str] = mapped_column(String(254), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    phone: Mapped[phone | None]
    # Bumped at sign-out and password change: every session carrying the old value is revoked.
    session_version: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[created_at]

    communities: Mapped[list[Community]] = relationship(
        secondary=coordinator_communities, back_populates="coordinators"
    )

    @property
    def first_name(self) -> str:
        return self.email.split("@", 1)[0].split(".", 1)[0].capitalize()

    def __repr__(self) -> str:
        return f"<Coordinator {self.email!r}>"
