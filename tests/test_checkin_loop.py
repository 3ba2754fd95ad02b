"""The whole check-in loop, black-box, on real parts: the CLI, signed webhooks, RQ on a real
Redis, the real twilio client against the local Twilio API, and each database."""

from __future__ import annotations

from sqlalchemy import func, select

from service.models import CheckIn, CheckInStatus, InboundMessage, Member, MemberStatus, MessageState, OutboundMessage

SAM = "+14155550123"


def test_add_invite_join_checkin_reply_stop(kinship, worker, twilio, twilio_api, db, now):
    assert kinship("community", "add", "Harbour Lights", "--timezone", "America/Chicago").exit_code == 0
    added = kinship("member", "add", "--community", "Harbour Lights", "--name", "Sam Rivera", "--phone", "(415) 555-0123")
    assert added.exit_code == 0, added.output
    assert "+14155550123" in added.stdout

    worker()
    [invite] = twilio_api.sent_to(SAM)
    assert "YES" in invite and "STOP" in invite

    # Nothing but the invitation goes to an invited member, even when a check-in is due.
    assert kinship("tick", "--at", "2026-11-30T16:00:00Z").exit_code == 0
    worker()
    assert len(twilio_api.sent_to(SAM)) == 1

    joined = twilio.sms(SAM, "yes")
    assert joined.status_code == 200 and joined.mimetype == "text/xml"
    assert "<Message>" in joined.get_data(as_text=True)
    with db.session() as s:
        sam = s.scalar(select(Member).where(Member.phone == SAM))
        assert sam.status == MemberStatus.ACTIVE
        # Sam joins at 09:00 on a Monday in Chicago; check-ins are Mondays and Thursdays at 10:00.
        assert sam.next_checkin_at.isoformat() == "2026-11-30T16:00:00+00:00"

    ticked = kinship("tick", "--at", "2026-11-30T16:00:30Z")
    assert ticked.exit_code == 0, ticked.output
    assert "checkins=1" in ticked.stdout
    worker()
    checkin_text = twilio_api.sent_to(SAM)[-1]
    assert "Sam" in checkin_text and "1" in checkin_text and "5" in checkin_text
    with db.session() as s:
        sent = s.scalar(select(OutboundMessage).where(OutboundMessage.kind == "checkin"))
        assert sent.state == MessageState.SENT and sent.twilio_sid.startswith("SM")
        assert sent.body == checkin_text

    answered = twilio.sms(SAM, "4")
    assert answered.status_code == 200
    with db.session() as s:
        checkin = s.scalar(select(CheckIn))
        assert checkin.status == CheckInStatus.ANSWERED and checkin.score == 4
        assert s.scalar(select(Member.last_score)) == 4

    stopped = twilio.sms(SAM, "STOP")
    assert "START" in stopped.get_data(as_text=True)
    # The next check-in comes and goes: nothing more is sent to Sam.
    sent_before = len(twilio_api.sent_to(SAM))
    assert kinship("tick", "--at", "2026-12-03T16:00:00Z").exit_code == 0
    worker()
    assert len(twilio_api.sent_to(SAM)) == sent_before
    with db.session() as s:
        assert s.scalar(select(Member.status)) == MemberStatus.OPTED_OUT
        assert s.scalar(select(func.count(InboundMessage.id))) == 3
