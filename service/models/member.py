"""A member of a community: who they are, how to reach them, and when to check in."""

from __future__ import annotations

import enum
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import Boolean, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from service.models.base import Base, UTCDateTime, created_at, enum_column, intpk, phone

if TYPE_CHECKING:
    from service.models.community import Community


class MemberStatus(enum.StrEnum):
    INVITED = "invited"  # added, has not said YES: nothing but the invitation is sent
    ACTIVE = "active"
    PAUSED = "paused"
    OPTED_OUT = "opted_out"  # STOP, or the carrier says so
    UNREACHABLE = "unreachable"  # the number cannot receive texts

    @property
    def receives_texts(self) -> bool:
        return self in (MemberStatus.ACTIVE, MemberStatus.PAUSED)


class Member(Base):
    __tablename__ = "members"

    id: Mapped[intpk]
    community_id: Mapped[int] = mapped_column(ForeignKey("communities.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    # One member per number: an inbound text must name exactly one person.
    phone: Mapped[phone] = mapped_column(unique=True)
    # None: the community's zone, schedule and quiet hours.
    timezone: Mapped[str | None] = mapped_column(String(64))
    language: Mapped[str] = mapped_column(String(8), default="en")
    schedule: Mapped[str | None] = mapped_column(String(255))
    quiet_hours: Mapped[str | None] = mapped_column(String(11))
    status: Mapped[MemberStatus] = mapped_column(enum_column(MemberStatus), default=MemberStatus.INVITED, index=True)
    # The sweep key: when the next check-in goes out (already moved out of quiet hours)...
    next_checkin_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), index=True)
    # ...and the schedule occurrence it answers for, which names the check-in.
    next_slot_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    paused_until: Mapped[datetime | None] = mapped_column(UTCDateTime())
    consecutive_missed: Mapped[int] = mapped_column(Integer, default=0)
    last_checkin_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    last_score: Mapped[int | None] = mapped_column(Integer)
    buddy_opt_in: Mapped[bool] = mapped_column(Boolean, default=True)
    share_with_buddy: Mapped[bool] = mapped_column(Boolean, default=False)
    unreachable_code: Mapped[int | None] = mapped_column(Integer)
    # Passing carrier failures outlasted every retry: shown as "texts are not getting through"
    # until the next text is delivered. The member stays active.
    texts_failing_since: Mapped[datetime | None] = mapped_column(UTCDateTime())
    invited_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    opted_in_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    opted_out_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[created_at]

    community: Mapped[Community] = relationship(back_populates="members")

    @property
    def first_name(self) -> str:
        return self.name.split()[0] if self.name.strip() else self.name

    @property
    def zone(self) -> str:
        return self.timezone or self.community.timezone

    @property
    def effective_schedule(self) -> str:
        return self.schedule or self.community.default_schedule

    @property
    def effective_quiet_hours(self) -> str:
        return self.quiet_hours or self.community.quiet_hours

    def __repr__(self) -> str:
        return f"<Member {self.id} {self.status}>"

