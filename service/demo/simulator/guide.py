"""The guided scenario: Sam's hard Monday, from the check-in to the all clear, step by step.

Each step is ticked off from what the database says happened, so the guide follows along
whether the visitor uses its buttons, types on the phones, or takes a detour.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from service.care.buddies import buddies_of, first_names
from service.care.escalation import HANDED_OFF
from service.demo.simulator.phones import STAR_PHONE, local_day, local_time
from service.models import Alert, AlertKind, AlertState, CheckIn, CheckInStatus, Member, MessageState, OutboundMessage

BUDDY_ALERTS = ("buddy_alert", "buddy_alert_shared")


@dataclass(frozen=True)
class Step:
    title: str
    text: str
    done: bool
    jump_to_star: str | None = None  # label of a button that jumps to Sam's next check-in
    look_at: tuple[str, ...] = ()  # the phones (numbers) this step happens on


@dataclass(frozen=True)
class Guide:
    star: str  # "Sam"
    steps: list[Step]

    @property
    def current(self) -> int | None:
        """The index of the first step not done yet (None when the story is over)."""
        return next((i for i, step in enumerate(self.steps) if not step.done), None)

    @property
    def look_at(self) -> tuple[str, ...]:
        return () if self.current is None else self.steps[self.current].look_at

    @property
    def complete(self) -> bool:
        return self.current is None


def guide(session: Session) -> Guide | None:
    star = session.scalar(select(Member).where(Member.phone == STAR_PHONE))
    if star is None:
        return None
    name = star.first_name
    buddies = buddies_of(session, star)
    buddy_names = first_names(buddies) or "their buddy"
    spanish = [b.first_name for b in buddies if b.language == "es"]
    asked = session.scalar(select(CheckIn.id).where(CheckIn.member_id == star.id,
                                                    CheckIn.status != CheckInStatus.SKIPPED).limit(1)) is not None
    alert = session.scalar(select(Alert).where(Alert.member_id == star.id, Alert.kind == AlertKind.SUPPORT)
                           .order_by(Alert.opened_at.desc(), Alert.id.desc()).limit(1))
    buddy_texted = alert is not None and session.scalar(
        select(OutboundMessage.id).where(
            OutboundMessage.kind.in_(BUDDY_ALERTS), OutboundMessage.created_at >= alert.opened_at,
            OutboundMessage.state.in_((MessageState.SENT, MessageState.DELIVERED)),
        ).limit(1)) is not None
    escalated = alert is not None and (alert.escalation_step == HANDED_OFF or alert.state != AlertState.OPEN)
    resolved = alert is not None and alert.state == AlertState.RESOLVED
    when = star.next_checkin_at
    coordinators = tuple(c.phone for c in star.community.coordinators if c.phone)
    buddy_phones = tuple(b.phone for b in buddies)
    jump_label = f"Go to {name}'s next check-in ({local_day(when, star.zone)}, {local_time(when, star.zone)})" if when else None
    return Guide(star=name, steps=[
        Step("The check-in",
             f"Move the clock to {name}'s next check-in. Everyone due then gets “How are you really doing?”.",
             asked, jump_label, (star.phone,)),
        Step("A hard day", f"On {name}'s phone, reply 2.", alert is not None, look_at=(star.phone,)),
        Step("The buddy alert",
             f"{buddy_names} get a text asking them to reach out"
             + (f" ({' & '.join(spanish)} in Spanish)" if spanish else "")
             + ". They could answer ON IT or PASS; this time, say nothing.", buddy_texted, look_at=buddy_phones),
        Step("Nobody answers",
             "Press +1 hour. After 15 minutes the buddies get a reminder; after 30 the coordinator's phone "
             "gets the alert, and it shows on the dashboard.", escalated, look_at=buddy_phones + coordinators),
        Step("The all clear",
             f"Go to {name}'s next check-in again and reply 4 on {name}'s phone: everyone who was alerted hears "
             f"that {name} is doing better.", resolved, jump_label, (star.phone,)),
    ])
