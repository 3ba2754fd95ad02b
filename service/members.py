"""Joining and leaving: adding members (one or a CSV of them), opting in and out, exporting.

Every refusal is a ``MemberError`` whose message is one line a coordinator can act on.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from service.messaging.delivery import Undelivered
from service.messaging.outbox import cancel_pending, queue_for_member, quiet_hours_for
from service.messaging.phones import PhoneError, parse_phone
from service.messaging.sms_text import LANGUAGES
from service.models import Community, Member, MemberStatus
from service.schedules import ScheduleError, next_slot, validate_schedule, zone
from service.spreadsheet import read_cell, write_csv

IMPORT_COLUMNS = ("name", "phone", "timezone", "language", "schedule")
EXPORT_COLUMNS = ("name", "phone", "status", "timezone", "language", "schedule", "last_checkin_at", "last_score")
EXPORT_EXTRA = ("status", "last_checkin_at", "last_score", "next_checkin_at", "consecutive_missed", "unreachable_code")
MAX_NAME = 100


class MemberError(ValueError):
    """A member cannot be added or changed as asked; the message says why."""


@dataclass(frozen=True)
class MemberDraft:
    """A member as a coordinator described them, checked and normalised, not yet saved."""

    name: str
    phone: str
    timezone: str | None
    language: str
    schedule: str | None


@dataclass(frozen=True)
class RowProblem:
    line: int
    reason: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.reason}"


class ImportRefused(MemberError):
    def __init__(self, problems: list[RowProblem]):
        self.problems = problems
        super().__init__(f"{len(problems)} bad row(s), nothing imported")


def find_community(session: Session, name: str) -> Community:
    community = session.scalar(select(Community).where(Community.name == name))
    if community is None:
        raise MemberError(f"no community named {name!r}")
    return community


def check_member(community: Community, *, name: str, phone: str, timezone: str | None = None,
                 language: str | None = None, schedule: str | None = None, now: datetime) -> MemberDraft:
    """Validate one member's details against the community's defaults; raise MemberError."""
    name = " ".join((name or "").split())
    if not name:
        raise MemberError("a name is required")
    if len(name) > MAX_NAME:
        raise MemberError(f"the name is longer than {MAX_NAME} characters")
    try:
        e164 = parse_phone(phone, community.country)
    except PhoneError as error:
        raise MemberError(str(error)) from None
    timezone = (timezone or "").strip() or None
    schedule = (schedule or "").strip() or None
    language = (language or "").strip().lower() or community.language
    if language not in LANGUAGES:
        raise MemberError(f"unsupported language {language!r} (use one of {', '.join(LANGUAGES)})")
    try:
        if timezone:
            zone(timezone)
        if schedule:
            validate_schedule(schedule, timezone or community.timezone, now)
    except ScheduleError as error:
        raise MemberError(str(error)) from None
    return MemberDraft(name=name, phone=e164, timezone=timezone, language=language, schedule=schedule)


def _phone_taken(session: Session, phone: str) -> bool:
    return session.scalar(select(Member.id).where(Member.phone == phone)) is not None


def invite(session: Session, community: Community, draft: MemberDraft, now: datetime) -> Member:
    """Save the member as *invited* and queue the invitation: the only text they get until YES."""
    member = _save(session, community, draft, now)
    queue_for_member(session, member, "invite", "invite", {"community": community.name}, now)
    return member


def enrol_joined(session: Session, community: Community, draft: MemberDraft, now: datetime) -> Member:
    """Save a member who has already said YES (the demo's community), with no invitation."""
    member = _save(session, community, draft, now)
    opt_in(session, member, now)
    return member


def _save(session: Session, community: Community, draft: MemberDraft, now: datetime) -> Member:
    if _phone_taken(session, draft.phone):
        raise MemberError(f"{draft.phone} already belongs to a member")
    member = Member(
        community=community,
        name=draft.name,
        phone=draft.phone,
        timezone=draft.timezone,
        language=draft.language,
        schedule=draft.schedule,
        status=MemberStatus.INVITED,
        invited_at=now,
        created_at=now,
    )
    session.add(member)
    session.flush()
    return member


def add_member(session: Session, community: Community, now: datetime, **details) -> Member:
    return invite(session, community, check_member(community, now=now, **details), now)


def read_import(community: Community, text: str, now: datetime) -> tuple[list[tuple[int, MemberDraft]], list[RowProblem]]:
    """Check every row of a CSV; return the drafts by line number, and every problem."""
    reader = csv.DictReader(io.StringIO(text))
    drafts: list[tuple[int, MemberDraft]] = []
    problems: list[RowProblem] = []
    seen: dict[str, int] = {}
    try:
        columns = [(c or "").strip() for c in reader.fieldnames or []]
        missing = [column for column in ("name", "phone") if column not in columns]
        if missing:
            return [], [RowProblem(1, f"missing column(s): {', '.join(missing)} (expected {','.join(IMPORT_COLUMNS)})")]
        # An export's own extra columns read back (and are ignored); anything else is a mistake.
        unknown = [column for column in columns if column not in IMPORT_COLUMNS + EXPORT_EXTRA]
        if unknown:
            names = ", ".join(repr(c) if c else "an unnamed one" for c in unknown)
            return [], [RowProblem(1, f"unknown column(s): {names} (the columns are {','.join(IMPORT_COLUMNS)})")]
        reader.fieldnames = columns
        for row in reader:
            problem = _check_row(community, row, reader.line_num, now, seen)
            if isinstance(problem, RowProblem):
                problems.append(problem)
            else:
                drafts.append((reader.line_num, problem))
    except csv.Error as error:
        # A stray quote can swallow the rest of the file: say where, and import nothing.
        problems.append(RowProblem(reader.line_num, f"the CSV cannot be read from here on ({error}); check for an unclosed quote"))
    return drafts, problems


def _check_row(community: Community, row: dict, line: int, now: datetime, seen: dict[str, int]) -> MemberDraft | RowProblem:
    if None in row:
        return RowProblem(line, "more fields than columns")
    if any("\n" in (value or "") for value in row.values()):
        return RowProblem(line, "a field runs over several lines: check for an unclosed quote")
    try:
        # read_cell: a file Kinship exported imports as the same people.
        draft = check_member(community, now=now, **{key: read_cell(row.get(key) or "") for key in IMPORT_COLUMNS})
    except MemberError as error:
        return RowProblem(line, str(error))
    if draft.phone in seen:
        return RowProblem(line, f"{draft.phone} is also on line {seen[draft.phone]}")
    seen[draft.phone] = line
    return draft


def import_members(session: Session, community: Community, text: str, now: datetime) -> list[Member]:
    """All or nothing: every row is checked first; one bad row and nothing is written."""
    drafts, problems = read_import(community, text, now)
    taken = set(session.scalars(select(Member.phone).where(Member.phone.in_([d.phone for _, d in drafts]))))
    problems += [RowProblem(line, f"{d.phone} already belongs to a member") for line, d in drafts if d.phone in taken]
    if problems:
        raise ImportRefused(sorted(problems, key=lambda p: p.line))
    if not drafts:
        raise ImportRefused([RowProblem(1, "the file has no members in it")])
    return [invite(session, community, draft, now) for _, draft in drafts]


def export_members(session: Session, community: Community) -> str:
    """The community's members as CSV, every cell safe to open in a spreadsheet."""
    members = session.scalars(select(Member).where(Member.community_id == community.id).order_by(Member.name, Member.id))
    return write_csv(EXPORT_COLUMNS + EXPORT_EXTRA[3:], (
        [m.name, m.phone, m.status.value, m.zone, m.language, m.effective_schedule,
         _iso(m.last_checkin_at), m.last_score if m.last_score is not None else "",
         _iso(m.next_checkin_at), m.consecutive_missed, m.unreachable_code or ""]
        for m in members
    ))


def _iso(moment: datetime | None) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ") if moment else ""


def next_key(member: Member, after: datetime) -> tuple[datetime | None, datetime | None]:
    """(when to send, which slot) of the member's next check-in after ``after``."""
    slot = next_slot(member.effective_schedule, member.zone, quiet_hours_for(member), after)
    return (slot.send_at, slot.scheduled_for) if slot else (None, None)


def schedule_next(member: Member, after: datetime) -> None:
    """Point the member's sweep key at their next check-in after ``after`` (None when there is none)."""
    member.next_checkin_at, member.next_slot_at = next_key(member, after)


def opt_in(session: Session, member: Member, now: datetime) -> bool:
    """YES/START: the member becomes active and their check-ins are scheduled. False if already in."""
    if member.status in (MemberStatus.ACTIVE, MemberStatus.PAUSED):
        return False
    member.status = MemberStatus.ACTIVE
    member.opted_in_at = now
    member.opted_out_at = None
    member.unreachable_code = None
    member.paused_until = None
    schedule_next(member, now)
    return True


def opt_out(session: Session, member: Member, now: datetime, *, carrier_code: int | None = None) -> bool:
    """STOP (or the carrier's 21610): nothing more is sent. False if they had already stopped."""
    if member.status == MemberStatus.OPTED_OUT:
        return False
    member.status = MemberStatus.OPTED_OUT
    member.opted_out_at = now
    member.unreachable_code = carrier_code
    member.next_checkin_at = member.next_slot_at = None
    cancel_pending(session, member, now)
    return True


def mark_unreachable(session: Session, member: Member, code: int, now: datetime) -> None:
    """The number cannot receive texts: stop sending, and keep it visible to coordinators."""
    if member.status == MemberStatus.OPTED_OUT:
        return
    member.status = MemberStatus.UNREACHABLE
    member.unreachable_code = code
    member.next_checkin_at = member.next_slot_at = None
    cancel_pending(session, member, now)


def heed_carrier(session: Session, undelivered: Undelivered, now: datetime) -> None:
    """What a text that will not arrive says about the member's number.

    21610 means they stopped at the carrier; a number that cannot take texts (30005, 30006,
    21211, 21614) makes them *unreachable*. Passing failures that outlasted every retry say
    only that texts are not getting through for now: the member stays active, and it shows
    until the next text is delivered.
    """
    member = undelivered.message.member
    if member is None or undelivered.code is None:
        return
    if undelivered.stopped_at_carrier:
        opt_out(session, member, now, carrier_code=undelivered.code)
    elif undelivered.number_cannot_take_texts:
        mark_unreachable(session, member, undelivered.code, now)
    elif undelivered.not_getting_through and member.texts_failing_since is None:
        member.texts_failing_since = now


def members_by_phone(session: Session, phones: Iterable[str]) -> dict[str, Member]:
    return {m.phone: m for m in session.scalars(select(Member).where(Member.phone.in_(list(phones))))}
