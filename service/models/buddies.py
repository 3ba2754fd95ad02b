"""Buddies: pairing rounds, the groups they made, and the coordinators' "never pair" rules."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import Boolean, Column, Float, ForeignKey, String, Table, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from service.models.base import Base, UTCDateTime, created_at, intpk

if TYPE_CHECKING:
    from service.models.member import Member

buddy_group_members = Table(
    "buddy_group_members",
    Base.metadata,
    Column("group_id", ForeignKey("buddy_groups.id", ondelete="CASCADE"), primary_key=True),
    Column("member_id", ForeignKey("members.id", ondelete="CASCADE"), primary_key=True),
)


class PairingRound(Base):
    __tablename__ = "pairing_rounds"

    id: Mapped[intpk]
    community_id: Mapped[int] = mapped_column(ForeignKey("communities.id", ondelete="CASCADE"), index=True)
    score: Mapped[float] = mapped_column(Float)
    summary: Mapped[str] = mapped_column(String(255))
    created_at: Mapped[created_at]
    # Set when the next round replaces it.
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    groups: Mapped[list[BuddyGroup]] = relationship(back_populates="round", cascade="all, delete-orphan")


class BuddyGroup(Base):
    """A pair, or the one trio of an odd round."""

    __tablename__ = "buddy_groups"

    id: Mapped[intpk]
    round_id: Mapped[int] = mapped_column(ForeignKey("pairing_rounds.id", ondelete="CASCADE"), index=True)
    community_id: Mapped[int] = mapped_column(ForeignKey("communities.id", ondelete="CASCADE"), index=True)
    # False once the round ends or a coordinator changes a member's buddy.
    active: Mapped[bool] = mapped_column(Boolean, default=True, index=True)

    round: Mapped[PairingRound] = relationship(back_populates="groups")
    members: Mapped[list[Member]] = relationship(secondary=buddy_group_members)


class NeverPair(Base):
    """A coordinator's rule: these two members are never buddies."""

    __tablename__ = "never_pairs"
    __table_args__ = (UniqueConstraint("member_a_id", "member_b_id", name="uq_never_pairs_members"),)

    id: Mapped[intpk]
    community_id: Mapped[int] = mapped_column(ForeignKey("communities.id", ondelete="CASCADE"), index=True)
    # Stored with member_a_id < member_b_id, so a rule exists once.
    member_a_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"))
    member_b_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"))
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("coordinators.id", ondelete="SET NULL"))
    created_at: Mapped[created_at]
