"""A member's reply, read and answered: the score recorded, the right words sent back.

The reading itself (``service.reading``) is a plain function; here it meets the database:
the open check-in is answered (or the text is kept as unprompted), and the safety path
decides what happens next. Everything a plain good reply needs was loaded with the text
(``arrival``), so it reads nothing more: its writes are the text, the check-in, the member
and the answer.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from service import checkins
from service.care import escalation, questions, safety, unread
from service.conversation import arrival
from service.models import InboundMessage
from service.reading import Reading, read_reply

Answer = tuple[str | None, dict]


def reply(session: Session, arrived: arrival.Arrival, inbound: InboundMessage, now: datetime, dashboard_url: str,
          reading: Reading | None = None) -> Answer:
    member, checkin = arrived.member, arrived.checkin
    reading = reading or read_reply(inbound.body or "", member.language)
    inbound.reading = reading.to_dict()
    inbound.score = reading.score
    if checkin is not None:
        inbound.checkin_id = checkin.id
        checkins.answer(session, checkin, reading.score, inbound.reading, now)
    else:
        # A text the member started, or a reply after the check-in closed: read the same way.
        inbound.kind = "unprompted"
        if reading.score is not None:
            member.last_score = reading.score
    if reading.crisis or reading.action == "ask" or safety.support_reason(reading) is not None:
        # What follows names the text: it is stored first, with what is known of it so far.
        arrival.store(session, inbound)
    if reading.crisis:
        return safety.on_crisis(session, member, inbound, reading, now, dashboard_url)
    if reading.action == "ask":
        return questions.ask(session, member, inbound, reading, now, dashboard_url)
    reason = safety.support_reason(reading)
    if reason is not None:
        return safety.on_support(session, member, inbound, inbound.reading, reason, now, dashboard_url)
    trend = []
    if checkin is not None and reading.score is not None:
        if safety.may_end_a_trend(reading.score):
            session.flush()
            trend = safety.trending_down(session, member)
        if trend:
            arrival.store(session, inbound)
            safety.on_trend(session, member, inbound, trend, now, dashboard_url)
        elif safety.is_good(reading):
            escalation.all_clear(session, member, arrived.support_alert(session), now)
    if not trend:
        unread.keep_for_reading(inbound)
    arrival.store(session, inbound)
    template = "thanks" if checkin is not None else "thanks_unprompted"
    return template, {"variant": inbound.id}
