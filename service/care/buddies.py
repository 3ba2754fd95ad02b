"""Buddies: who is paired with whom, pairing rounds, introductions and "never pair" rules.

The matching itself is ``service.care.pairing.pair`` (a plain function); here it meets the
database: candidates, the history of past rounds, the coordinators' rules, and the texts.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from service.care.pairing import Candidate, Pairing, pair
from service.care.pairing_words import PairingWords, Person, describe_pairing
from service.members import MemberError
from service.messaging.outbox import queue_for_member
from service.models import BuddyGroup, Community, Coordinator, Member, MemberStatus, NeverPair, PairingRound
from service.schedules import zone

HISTORY_ROUNDS = 3
# A newcomer is paired only within the matching's own time-zone window (``pair``'s default).
MAX_OFFSET_MINUTES = 3 * 60


def _active_groups(session: Session, member: Member) -> list[BuddyGroup]:
    return list(session.scalars(
        select(BuddyGroup).where(BuddyGroup.active.is_(True), BuddyGroup.members.any(Member.id == member.id))
    ))


def first_names(members: list[Member]) -> str:
    """How a group of buddies is named in a text: "Maria & Priya"."""
    return " & ".join(m.first_name for m in members)


def buddies_of(session: Session, member: Member) -> list[Member]:
    return [m for group in _active_groups(session, member) for m in group.members if m.id != member.id]


def reachable_buddies(session: Session, member: Member) -> list[Member]:
    """Buddies who can be asked now: active, still in the buddy system, and reachable."""
    return [b for b in buddies_of(session, member) if b.status == MemberStatus.ACTIVE and b.buddy_opt_in]


def current_groups(session: Session, community: Community) -> list[BuddyGroup]:
    return list(session.scalars(
        select(BuddyGroup).where(BuddyGroup.community_id == community.id, BuddyGroup.active.is_(True)).order_by(BuddyGroup.id)
    ))


def candidates(session: Session, community: Community) -> list[Member]:
    """Members who can be paired: active and in the buddy system (BUDDY ON)."""
    return list(session.scalars(
        select(Member).where(Member.community_id == community.id, Member.status == MemberStatus.ACTIVE,
                             Member.buddy_opt_in.is_(True)).order_by(Member.id)
    ))


def orphans(session: Session, community: Community) -> list[Member]:
    """Members in the buddy system with nobody reachable to turn to."""
    return [m for m in candidates(session, community) if not reachable_buddies(session, m)]


def _history(session: Session, community: Community) -> list[list[frozenset[int]]]:
    rounds = list(session.scalars(
        select(PairingRound).where(PairingRound.community_id == community.id)
        .order_by(PairingRound.created_at.desc(), PairingRound.id.desc()).limit(HISTORY_ROUNDS)
    ))
    return [[frozenset(m.id for m in g.members) for g in r.groups] for r in reversed(rounds)]


def _rules(session: Session, community: Community) -> list[frozenset[int]]:
    return [frozenset((r.member_a_id, r.member_b_id))
            for r in session.scalars(select(NeverPair).where(NeverPair.community_id == community.id))]


def preview(session: Session, community: Community, now: datetime, seed: int = 0) -> Pairing:
    members = candidates(session, community)
    pool = [Candidate(m.id, m.language, int(now.astimezone(zone(m.zone)).utcoffset() / timedelta(minutes=1))) for m in members]
    return pair(pool, history=_history(session, community), never=_rules(session, community), seed=seed)


def explain(session: Session, community: Community, proposal: Pairing) -> PairingWords:
    """The proposal in words: who gets a new buddy, who keeps theirs, who is left without and why."""
    people = [Person(m.id, m.name, m.language, m.status.value, m.buddy_opt_in)
              for m in session.scalars(select(Member).where(Member.community_id == community.id))]
    current = [[m.id for m in group.members] for group in current_groups(session, community)]
    return describe_pairing(proposal.groups, proposal.unpaired, people, current, _rules(session, community))


def apply(session: Session, community: Community, now: datetime, seed: int = 0) -> PairingRound:
    """Store a new round in place of the current one, and introduce everyone to their buddy."""
    proposal = preview(session, community, now, seed)
    for group in current_groups(session, community):
        group.active = False
    for previous in session.scalars(select(PairingRound).where(PairingRound.community_id == community.id,
                                                                PairingRound.ended_at.is_(None))):
        previous.ended_at = now
    members = {m.id: m for m in candidates(session, community)}
    new_round = PairingRound(community_id=community.id, score=proposal.score, summary=proposal.summary, created_at=now)
    for ids in proposal.groups:
        new_round.groups.append(BuddyGroup(community_id=community.id, members=[members[i] for i in ids]))
    session.add(new_round)
    session.flush()
    for group in new_round.groups:
        for member in group.members:
            others = [m for m in group.members if m.id != member.id]
            queue_for_member(session, member, "intro", "intro",
                             {"buddy": first_names(others), "community": community.name}, now)
    return new_round


def rotate_due(session: Session, now: datetime) -> list[PairingRound]:
    """Communities whose pairs are older than their rotation period get a new round (tick)."""
    rounds = []
    for community in session.scalars(select(Community)):
        latest = session.scalar(
            select(PairingRound).where(PairingRound.community_id == community.id, PairingRound.ended_at.is_(None))
            .order_by(PairingRound.created_at.desc()).limit(1)
        )
        if latest is not None and latest.created_at + timedelta(weeks=community.rotation_weeks) <= now:
            rounds.append(apply(session, community, now))
    return rounds


def add_never_rule(session: Session, community: Community, a: Member, b: Member, coordinator: Coordinator | None,
                   now: datetime) -> NeverPair:
    if a.id == b.id or a.community_id != community.id or b.community_id != community.id:
        raise MemberError("a rule needs two different members of this community")
    low, high = sorted((a.id, b.id))
    existing = session.scalar(select(NeverPair).where(NeverPair.member_a_id == low, NeverPair.member_b_id == high))
    if existing is not None:
        return existing
    rule = NeverPair(community_id=community.id, member_a_id=low, member_b_id=high,
                     created_by_id=coordinator.id if coordinator else None, created_at=now)
    session.add(rule)
    return rule


def remove_never_rule(session: Session, rule_id: int, community: Community) -> None:
    rule = session.get(NeverPair, rule_id)
    if rule is None or rule.community_id != community.id:
        raise MemberError(f"no rule {rule_id} in this community")
    session.delete(rule)


def change_buddy(session: Session, member: Member, buddy: Member, now: datetime) -> BuddyGroup:
    """A coordinator pairs ``member`` with ``buddy`` by hand; both leave their old groups."""
    if member.id == buddy.id or member.community_id != buddy.community_id:
        raise MemberError("a buddy must be another member of the same community")
    round_ = session.scalar(
        select(PairingRound).where(PairingRound.community_id == member.community_id, PairingRound.ended_at.is_(None))
        .order_by(PairingRound.created_at.desc()).limit(1)
    )
    if round_ is None:
        round_ = PairingRound(community_id=member.community_id, score=0.0, summary="paired by hand", created_at=now)
        session.add(round_)
    for person in (member, buddy):
        for group in _active_groups(session, person):
            group.active = False
    group = BuddyGroup(community_id=member.community_id, members=[member, buddy])
    round_.groups.append(group)
    session.flush()
    for person, other in ((member, buddy), (buddy, member)):
        queue_for_member(session, person, "intro", "intro",
                         {"buddy": other.first_name, "community": member.community.name}, now)
    return group


def _offset_minutes(member: Member, now: datetime) -> int:
    return int(now.astimezone(zone(member.zone)).utcoffset() / timedelta(minutes=1))


def current_round(session: Session, community: Community) -> PairingRound | None:
    return session.scalar(
        select(PairingRound).where(PairingRound.community_id == community.id, PairingRound.ended_at.is_(None))
        .order_by(PairingRound.created_at.desc(), PairingRound.id.desc()).limit(1)
    )


def leave_groups(session: Session, member: Member, now: datetime) -> None:
    """``member`` is out of the buddy system: a pair ends (the partner is an orphan at once), a trio
    goes on as a pair."""
    for group in _active_groups(session, member):
        others = [m for m in group.members if m.id != member.id]
        if len(others) >= 2:
            group.members = others
        else:
            group.active = False


def pair_newcomer(session: Session, member: Member, now: datetime) -> list[Member]:
    """Give ``member`` a buddy now if anyone can take them; their buddies (empty: nobody could).

    With another member who has nobody to turn to first, else as the third of a pair; always
    within "never pair" rules, in the same language and within the matching's time-zone window.
    Only in a community with the buddy system on (a pairing round in force), and only for a
    member in it (BUDDY ON). Both sides are introduced.
    """
    community = member.community
    round_ = current_round(session, community)
    if round_ is None or member.status != MemberStatus.ACTIVE or not member.buddy_opt_in:
        return []
    existing = reachable_buddies(session, member)
    if existing:
        return existing
    never = set(_rules(session, community))
    offset = _offset_minutes(member, now)

    def fits(other: Member) -> bool:
        return (other.id != member.id and other.language == member.language
                and abs(_offset_minutes(other, now) - offset) <= MAX_OFFSET_MINUTES
                and frozenset((member.id, other.id)) not in never)

    def nearness(other: Member) -> tuple:
        return abs(_offset_minutes(other, now) - offset), other.id

    lonely = sorted((m for m in orphans(session, community) if fits(m)), key=nearness)
    if lonely:
        partner = lonely[0]
        for person in (member, partner):
            for group in _active_groups(session, person):
                group.active = False  # whoever was left in it cannot be reached
        group = BuddyGroup(community_id=community.id, members=[partner, member])
        round_.groups.append(group)
    else:
        pairs = []
        for group in current_groups(session, community):
            people = [m for m in group.members if m.status == MemberStatus.ACTIVE and m.buddy_opt_in]
            if len(group.members) == 2 and len(people) == 2 and all(fits(m) for m in people):
                pairs.append((max(nearness(m) for m in people), group))
        if not pairs:
            return []
        group = min(pairs, key=lambda item: item[0])[1]
        for old in _active_groups(session, member):
            old.active = False
        group.members = [*group.members, member]
    session.flush()
    for person in group.members:
        others = [m for m in group.members if m.id != person.id]
        queue_for_member(session, person, "intro", "intro", {"buddy": first_names(others), "community": community.name}, now)
    return [m for m in group.members if m.id != member.id]
