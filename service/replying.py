"""A member's reply, read and answered: the score recorded, the right words sent back.

The reading itself (``service.replies``) is a plain function; here it meets the database:
the open check-in is answered (or the text is kept as unprompted) and the answer chosen.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from service import checkins
from service.models import InboundMessage, Member
from service.replies import read_reply

Answer = tuple[str | None, dict]


def reply(session: Session, member: Member, inbound: InboundMessage, now: datetime) -> Answer:
    reading = read_reply(inbound.body or "", member.language)
    inbound.reading = reading.to_dict()
    inbound.score = reading.score
    checkin = checkins.open_checkin(session, member)
    if checkin is not None:
        inbound.checkin_id = checkin.id
        checkins.answer(checkin, reading.score, inbound.reading, now)
        return "thanks", {"variant": inbound.id or 0}
    inbound.kind = "unprompted"
    if reading.score is not None:
        member.last_score = reading.score
    return "thanks_unprompted", {"variant": inbound.id or 0}
