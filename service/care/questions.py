"""Asking directly: "are you safe right now?", when a reply carries a risk signal the reader
cannot settle either way.

Asking someone plainly whether they are safe does not put the idea of suicide in their head;
it is what trained responders do. The question goes in the webhook's own answer, whatever the
hour, and is a row with a due time. Then:

- **SAFE** closes it with a short thank-you; if the reply also wanted support, its support
  alert opens now, on the buddy path, as it would have without the question.
- **Anything else** (NOT SAFE, "no", words we cannot be sure of) takes the crisis path:
  resources in the answer, an urgent alert to the coordinators, with the first reply and the
  answer both on it.
- **No answer** within ``ANSWER_WITHIN`` (swept by ``tick``), or a STOP instead of an answer,
  opens a support alert straight to the coordinators.

A community can turn asking off; such a reply then opens a support alert at once, because
free text with a risk signal always reaches a person. Someone who has not joined, or who
said STOP, is not asked either: the coordinators get a support alert instead.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from service.care import alert_words, escalation, safety, unread
from service.care.alerts import open_alert, unresolved
from service.models import Alert, AlertKind, AlertReason, InboundMessage, Member, QuestionState, SafetyQuestion
from service.reading import Reading

ANSWER_WITHIN = timedelta(minutes=30)

Answer = tuple[str | None, dict]


def open_question(session: Session, member: Member) -> SafetyQuestion | None:
    return session.scalar(
        select(SafetyQuestion).where(SafetyQuestion.member_id == member.id, SafetyQuestion.state == QuestionState.OPEN)
    )


def ask(session: Session, member: Member, inbound: InboundMessage, reading: Reading, now: datetime,
        dashboard_url: str) -> Answer:
    """Answer a reply the reader could not settle: ask whether they are safe (or, with asking
    turned off, open a support alert at once)."""
    if not member.community.ask_when_unsure:
        reason = safety.support_reason(reading) or AlertReason.UNCERTAIN
        return safety.on_support(session, member, inbound, inbound.reading, reason, now, dashboard_url)
    question = SafetyQuestion(community_id=member.community_id, member_id=member.id, state=QuestionState.OPEN,
                              inbound_message_id=inbound.id, reading=reading.to_dict(), asked_at=now,
                              due_at=now + ANSWER_WITHIN)
    try:
        with session.begin_nested():
            session.add(question)
    except IntegrityError:
        # Two texts raced in and both raised the question: one is open, and the next text answers it.
        pass
    return "ask_safe", {}


def to_coordinators_unasked(session: Session, member: Member, inbound: InboundMessage, reading: Reading,
                            now: datetime, dashboard_url: str) -> Answer:
    """Someone who has not joined (or said STOP) is not asked: the coordinators get a support alert."""
    _alert_coordinators(session, member, safety.support_reason(reading) or AlertReason.UNCERTAIN, inbound.reading,
                        inbound, now, dashboard_url)
    return "support_coordinator", {"community": member.community.name}


def safe(session: Session, question: SafetyQuestion, answer: InboundMessage, now: datetime,
         dashboard_url: str) -> Answer:
    """They said they are safe: thank them, and open the support the first reply asked for, if any."""
    _settle(question, QuestionState.SAFE, answer, now)
    member = question.member
    first = question.inbound_message
    reason = safety.support_reason(Reading.from_dict(question.reading or {}))
    if reason is not None:
        said = safety.on_support(session, member, first, question.reading, reason, now, dashboard_url)
        question.alert_id = unresolved(session, member, AlertKind.SUPPORT).id
        return said
    if first is not None:
        # Safe, and nothing else was raised: the words still wait for a coordinator to read them.
        unread.keep_for_reading(first)
    return "safe_thanks", {}


def not_safe(session: Session, question: SafetyQuestion, answer: InboundMessage, answer_reading: Reading,
             now: datetime, dashboard_url: str, *, said_not_safe: bool) -> Answer:
    """Anything but a clear SAFE: the crisis path, with the first reply and the answer on the alert."""
    _settle(question, QuestionState.NOT_SAFE, answer, now)
    member = question.member
    first = question.inbound_message or answer
    reading = Reading.from_dict(question.reading) if question.reading else answer_reading
    said = alert_words.SAID_NOT_SAFE if said_not_safe else alert_words.ASKED_NOT_SAFE
    concerns = [*alert_words.from_reading(question.reading), said]
    if not said_not_safe:
        concerns += alert_words.from_reading(answer_reading.to_dict())  # what else the answer said
    result = safety.on_crisis(session, member, first, reading, now, dashboard_url, concerns=concerns)
    alert = unresolved(session, member, AlertKind.CRISIS)
    alert.signals = [*alert.signals, {"at": now.isoformat(), "reason": AlertReason.CRISIS.value,
                                      "reading": answer_reading.to_dict(), "answer_message_id": answer.id}]
    question.alert_id = alert.id
    return result


def stopped(session: Session, member: Member, now: datetime, dashboard_url: str,
            question: SafetyQuestion | None) -> SafetyQuestion | None:
    """They texted STOP while asked (``question``, their open one, if any): nothing more is
    sent to them, and the coordinators hear of it."""
    if question is not None:
        _to_coordinators(session, question, QuestionState.STOPPED, alert_words.ASKED_THEN_STOP, now, dashboard_url)
    return question


def sweep(session: Session, now: datetime, dashboard_url: str) -> list[SafetyQuestion]:
    """Questions with no answer by their due time open a support alert to the coordinators (tick)."""
    due = list(session.scalars(
        select(SafetyQuestion).where(SafetyQuestion.state == QuestionState.OPEN, SafetyQuestion.due_at <= now)
        .order_by(SafetyQuestion.due_at, SafetyQuestion.id)
    ))
    for question in due:
        _to_coordinators(session, question, QuestionState.UNANSWERED, alert_words.ASKED_NO_ANSWER, now, dashboard_url)
    return due


def _to_coordinators(session: Session, question: SafetyQuestion, state: QuestionState, said: str, now: datetime,
                     dashboard_url: str) -> None:
    _settle(question, state, None, now)
    alert = _alert_coordinators(session, question.member, AlertReason.SAFETY_QUESTION, question.reading,
                                question.inbound_message, now, dashboard_url,
                                concerns=[said, *alert_words.from_reading(question.reading)])
    question.alert_id = alert.id


def _alert_coordinators(session: Session, member: Member, reason: AlertReason, reading: dict | None,
                        inbound: InboundMessage | None, now: datetime, dashboard_url: str, *,
                        concerns: list[str] | None = None) -> Alert:
    # Straight to the coordinators, not a buddy: a buddy is a friend, not a first responder.
    opened = open_alert(session, member, AlertKind.SUPPORT, reason, now, reading=reading, inbound=inbound,
                        concerns=concerns)
    escalation.hand_off(session, opened.alert, now, dashboard_url)
    return opened.alert


def _settle(question: SafetyQuestion, state: QuestionState, answer: InboundMessage | None, now: datetime) -> None:
    question.state = state
    question.answer_message_id = answer.id if answer is not None else None
    question.settled_at = now
    question.due_at = None
