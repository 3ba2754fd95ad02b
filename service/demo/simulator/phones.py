"""The phones on the simulator page: who has one, and what each screen shows.

People come from the database (members, their buddies, coordinators with a phone); what is on
each screen comes from the simulated Twilio, which is all a handset could know: the texts it
received, with Twilio's delivery status, and the texts typed on it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from zoneinfo import ZoneInfo

import phonenumbers
from sqlalchemy import select
from sqlalchemy.orm import Session

from service.care.buddies import buddies_of, first_names
from service.demo.seed import MEMBERS
from service.demo.simulator.client import HandsetMessage, Handsets
from service.models import Community, Coordinator, Member, MemberStatus
from service.schedules import QuietHours, in_quiet_hours

STAR_PHONE = MEMBERS[0][1]  # Sam, whom the guided scenario follows
STATUS_NOTES = {
    MemberStatus.INVITED: "Invited: has not said YES yet. Reply YES to join.",
    MemberStatus.PAUSED: "Paused: check-ins are on hold.",
    MemberStatus.OPTED_OUT: "Opted out (STOP): Kinship sends nothing. Reply START to come back.",
    MemberStatus.UNREACHABLE: "Kinship marked this number unreachable. Any text from it brings it back.",
}
FAILURES = {
    30003: "the phone is off or out of signal",
    30005: "the number does not exist",
    30006: "a landline or an unreachable carrier",
    30007: "filtered by the carrier",
    30008: "an unknown error",
    11200: "Kinship's webhook did not answer",
    12100: "Kinship's answer was not valid TwiML",
}
TICKS = {
    "accepted": ("…", "waiting to send"),
    "queued": ("…", "waiting to send"),
    "sending": ("…", "sending"),
    "sent": ("✓", "sent"),
    "delivered": ("✓✓", "delivered"),
    "received": ("✓✓", "delivered to Kinship"),
}


@dataclass(frozen=True)
class Bubble:
    body: str
    typed: bool  # typed on this phone (right, blue); else a text from Kinship (left, grey)
    time: str  # "10:02", on the phone's own clock
    ticks: str
    state: str  # in words, for the title and for screen readers
    failed: bool  # never reached the phone (or, for a typed text, never reached Kinship)


@dataclass(frozen=True)
class Day:
    label: str  # "Mon 30 Nov"
    bubbles: list[Bubble]


@dataclass(frozen=True)
class Phone:
    key: str  # for element ids: "sam-rivera"
    name: str
    first_name: str
    number: str  # E.164
    shown_number: str  # "+1 415-555-0101"
    role: str  # "Member" or "Coordinator"
    facts: list[str]
    note: str | None
    zone: str
    clock: str  # the time on the phone's status bar
    has_signal: bool
    quiet: bool = False  # quiet hours where this person lives: texts that can wait, wait
    days: list[Day] = field(default_factory=list)
    typed_count: int = 0  # names the reply box, so a sent reply gives a fresh, empty one

    @property
    def reply_id(self) -> str:
        return f"reply-{self.key}-{self.typed_count}"


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "phone"


def shown(number: str) -> str:
    try:
        return phonenumbers.format_number(phonenumbers.parse(number), phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    except phonenumbers.NumberParseException:
        return number


def local_day(moment: datetime, zone: str) -> str:
    return moment.astimezone(ZoneInfo(zone)).strftime("%a %-d %b")


def local_time(moment: datetime, zone: str) -> str:
    return moment.astimezone(ZoneInfo(zone)).strftime("%H:%M")


def demo_community(session: Session) -> Community | None:
    from service.demo.seed import COMMUNITY

    return (session.scalar(select(Community).where(Community.name == COMMUNITY))
            or session.scalar(select(Community).order_by(Community.id).limit(1)))


def screens(handsets: Handsets, number: str, zone: str) -> tuple[list[Day], int]:
    days: list[Day] = []
    typed = 0
    for message in handsets.messages:
        if message.phone != number:
            continue
        typed += message.typed
        label = local_day(message.created_at, zone)
        if not days or days[-1].label != label:
            days.append(Day(label, []))
        days[-1].bubbles.append(_bubble(message, zone))
    return days, typed


def _bubble(message: HandsetMessage, zone: str) -> Bubble:
    failed = message.status in ("undelivered", "failed") or (message.typed and message.error_code is not None)
    if failed:
        why = FAILURES.get(message.error_code, "an error")
        ticks = "!"
        state = (f"Kinship did not get this: {why} (Twilio error {message.error_code})" if message.typed
                 else f"not delivered: {why} (Twilio error {message.error_code})")
    else:
        ticks, state = TICKS.get(message.status, ("", message.status))
    return Bubble(message.body, message.typed, local_time(message.created_at, zone), ticks, state, failed)


def phones(session: Session, handsets: Handsets, now: datetime) -> list[Phone]:
    """Every demo phone: Sam and his buddies first, then the coordinators, then everyone else."""
    community = demo_community(session)
    if community is None:
        return []
    members = list(session.scalars(select(Member).where(Member.community_id == community.id).order_by(Member.id)))
    star = next((m for m in members if m.phone == STAR_PHONE), None)
    star_buddies = {b.id for b in buddies_of(session, star)} if star else set()
    first = [m for m in members if star and (m.id == star.id)] + [m for m in members if m.id in star_buddies]
    rest = [m for m in members if m not in first]
    rest.sort(key=lambda m: m.status == MemberStatus.INVITED)
    coordinators = [c for c in session.scalars(
        select(Coordinator).where(Coordinator.communities.any(Community.id == community.id)).order_by(Coordinator.id)
    ) if c.phone]
    result = [_member_phone(session, m, handsets, now) for m in first]
    result += [_coordinator_phone(c, community, handsets, now) for c in coordinators]
    result += [_member_phone(session, m, handsets, now) for m in rest]
    return result


def _member_phone(session: Session, member: Member, handsets: Handsets, now: datetime) -> Phone:
    zone = member.zone
    facts = []
    buddies = buddies_of(session, member)
    if buddies:
        facts.append(("Buddies: " if len(buddies) > 1 else "Buddy: ") + first_names(buddies))
    if member.next_checkin_at and member.status in (MemberStatus.ACTIVE, MemberStatus.PAUSED):
        when = member.next_checkin_at
        facts.append(f"Next check-in {local_day(when, zone)}, {local_time(when, zone)}")
    facts.append(f"{zone.split('/')[-1].replace('_', ' ')} time" + (" · texts in Spanish" if member.language == "es" else ""))
    days, typed = screens(handsets, member.phone, zone)
    return Phone(key=slug(member.name), name=member.name, first_name=member.first_name, number=member.phone,
                 shown_number=shown(member.phone), role="Member", facts=facts, note=STATUS_NOTES.get(member.status),
                 zone=zone, clock=local_time(now, zone), has_signal=member.phone not in handsets.unreachable,
                 quiet=in_quiet_hours(now, zone, QuietHours.parse(member.effective_quiet_hours)),
                 days=days, typed_count=typed)


def _coordinator_phone(coordinator: Coordinator, community: Community, handsets: Handsets, now: datetime) -> Phone:
    zone = community.timezone
    days, typed = screens(handsets, coordinator.phone, zone)
    return Phone(key=slug("coordinator-" + coordinator.email.split("@")[0]), name=coordinator.first_name,
                 first_name=coordinator.first_name, number=coordinator.phone, shown_number=shown(coordinator.phone),
                 role="Coordinator", facts=[coordinator.email, "Gets urgent alerts by text"],
                 note="Coordinators answer alerts on the dashboard; Kinship does not read texts from this number.",
                 zone=zone, clock=local_time(now, zone), has_signal=coordinator.phone not in handsets.unreachable,
                 days=days, typed_count=typed)
