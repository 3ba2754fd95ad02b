"""An incoming text, decided: stored once per MessageSid, then keyword, command or reply.

``receive_sms`` returns the answer to give in the webhook's own TwiML (or None for silence).
Carrier keywords win over everything else; a member who is only invited, or who has
stopped, gets nothing beyond what the carrier rules require. While a member is asked whether
they are safe, their next text (STOP and HELP aside) is the answer, whatever it starts with.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from service.care import escalation, moving_on, questions, safety
from service.care.buddies import pair_newcomer
from service.conversation import arrival, member_commands, replying, safety_answer
from service.conversation.commands import Command, parse
from service.conversation.relay import addressed_to_a_buddy, relay
from service.members import opt_in, opt_out
from service.messaging.outbox import record_answer
from service.messaging.sms_text import render
from service.models import InboundMessage, Member, MemberStatus
from service.reading import read_reply
from service.telemetry import events

MAX_BODY = 1600  # Twilio's own limit for one concatenated message


@dataclass(frozen=True)
class Answer:
    text: str | None
    duplicate: bool = False


def receive_sms(session: Session, *, message_sid: str, from_phone: str, to_phone: str, body: str, now: datetime,
                dashboard_url: str, idempotency_token: str | None = None) -> Answer:
    """``idempotency_token`` is Twilio's, the same on every retry of one webhook: a text
    already stored under its MessageSid or its token is acknowledged and not read again
    (whatever was written for it here is rolled back)."""
    arrived = arrival.arrive(session, from_phone)
    if arrived is None:
        # A stranger gets a polite answer and leaves no trace.
        return Answer(render("unknown_number", "en"))
    member = arrived.member
    body = (body or "")[:MAX_BODY]
    parsed = parse(body)
    inbound = arrival.new_text(member, message_sid=message_sid, idempotency_token=idempotency_token,
                               to_phone=to_phone or "", body=body,
                               kind=parsed.command.value if parsed.command else "reply", received_at=now)
    try:
        template, context = _decide(session, arrived, inbound, parsed.command, parsed.argument, now, dashboard_url)
        arrival.store(session, inbound)
    except arrival.Duplicate:
        session.rollback()
        return Answer(None, duplicate=True)
    events.text_received(session, inbound)
    if template is None:
        return Answer(None)
    text = render(template, member.language, name=member.first_name, **context)
    record_answer(session, member, template, text, now)
    return Answer(text)


def _decide(session: Session, arrived: arrival.Arrival, inbound: InboundMessage, command: Command | None,
            argument: str, now: datetime, dashboard_url: str) -> tuple[str | None, dict]:
    member = arrived.member
    if _plainly_a_reply(arrived, command, inbound.body):
        # The common text, and the one path that stores the text last, its fields final.
        return replying.reply(session, arrived, inbound, now, dashboard_url)
    arrival.store(session, inbound)
    question = arrived.question(session)
    community = {"community": member.community.name}
    if command == Command.STOP:
        # Asked whether they are safe and answered STOP: the coordinators hear of it.
        questions.stopped(session, member, now, dashboard_url, question)
        if not opt_out(session, member, now):
            return None, {}
        # In this same transaction: whatever they were asked about or on moves on now.
        moving_on.member_left(session, member, now, dashboard_url, "stop")
        return "stop_confirm", community
    if command == Command.HELP:
        # HELP to "did you manage to reach Sam?" hands the alert to the coordinators; the
        # answer still says who we are and how to stop, as HELP must.
        handed = escalation.buddy_needs_help(session, member, now, dashboard_url)
        if handed is not None:
            return handed
        # A person to reach, and for someone not yet in, how to join.
        return "help", {**community, "contact": member.community.contact_line or "",
                        "invited": member.status == MemberStatus.INVITED}
    # Asked whether they are safe, the next text is the answer: "YES" and "SI" included.
    if command == Command.START and member.status != MemberStatus.ACTIVE and question is None:
        was_invited = member.status == MemberStatus.INVITED
        opt_in(session, member, now)
        buddies = pair_newcomer(session, member, now)
        if was_invited:
            # A buddy is promised only when there is one; otherwise the Now page lists them.
            return ("welcome" if buddies else "welcome_no_buddy"), {
                **community, "next_checkin": member_commands.next_checkin_text(member)}
        return "start_confirm", community
    # A crisis wins over everything but the carrier keywords, whatever the text starts with
    # ("time to end it all" is not a TIME command) and whoever sends it. A command is read by
    # the rules alone: the model never saw one, and hears "AWAY until friday" as a farewell.
    reading = read_reply(inbound.body or "", member.language, **({"model": None} if command else {}))
    if member.status == MemberStatus.ACTIVE and _answers_a_buddy(session, member, command):
        # A bare ON IT, PASS or DONE while a buddy's alert waits on it is the buddy's answer, never
        # read as their own news: "done" would otherwise sound like a farewell.
        return member_commands.run(session, arrived, inbound, command, argument, now, dashboard_url, reading)
    if reading.action in ("crisis", "ask") and member.status in (MemberStatus.INVITED, MemberStatus.OPTED_OUT):
        inbound.reading = reading.to_dict()
        if reading.crisis:
            answer = safety.on_crisis(session, member, inbound, reading, now, dashboard_url)
        else:
            # Not in the program, so not asked: a coordinator hears of it instead.
            answer = questions.to_coordinators_unasked(session, member, inbound, reading, now, dashboard_url)
        # Someone who said STOP is not texted again; the coordinators can still call them.
        return answer if member.status == MemberStatus.INVITED else (None, {})
    if member.status == MemberStatus.INVITED:
        return "invited_reminder", community
    if member.status == MemberStatus.OPTED_OUT:
        return None, {}
    if member.status == MemberStatus.UNREACHABLE:
        # They just texted us, so the number works after all.
        opt_in(session, member, now)
        pair_newcomer(session, member, now)
    if question is not None and not _answers_a_buddy(session, member, command):
        return safety_answer.answer(session, member, question, inbound, reading, now, dashboard_url)
    if reading.action in ("crisis", "ask"):
        return replying.reply(session, arrived, inbound, now, dashboard_url, reading)
    if command is None and relay(session, member, inbound.body, now):
        inbound.kind = "relay"
        return None, {}
    if command is not None and command != Command.START:
        return member_commands.run(session, arrived, inbound, command, argument, now, dashboard_url, reading)
    return replying.reply(session, arrived, inbound, now, dashboard_url, reading)


def _plainly_a_reply(arrived: arrival.Arrival, command: Command | None, body: str | None) -> bool:
    """A text the routing below would hand straight to ``replying.reply``: no keyword or
    command, no question waiting for an answer, a member in the program, not for a buddy."""
    return (command is None and arrived.question_id is None
            and arrived.member.status in (MemberStatus.ACTIVE, MemberStatus.PAUSED)
            and not addressed_to_a_buddy(arrived.member, body))


def _answers_a_buddy(session: Session, member: Member, command: Command | None) -> bool:
    """ON IT, PASS or DONE about a buddy's alert is that, not an answer to the member's own question."""
    if command == Command.DONE:
        return escalation.on_it_for(session, member) is not None
    return command in (Command.ON_IT, Command.PASS) and escalation.waiting_notice_for(session, member) is not None
