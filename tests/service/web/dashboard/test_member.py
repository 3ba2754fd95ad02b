"""One member's page: details, schedule, conversation, scores, and the actions on it."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from service.models import AuditEvent, BuddyGroup, CheckIn, CheckInStatus, Member, MemberStatus, OutboundMessage
from tests.service.web.dashboard.conftest import SAM, count, text_of


def sam(db, members) -> Member:
    with db.session() as s:
        member = s.get(Member, members["Sam"])
        member.community  # loaded for use after the session
        return member


def test_the_page_shows_the_conversation_with_delivery_state_and_audits_the_view(signed_in, twilio, members, db):
    twilio.sms(SAM, "feeling 4 today")
    page = signed_in.get(f"/members/{members['Sam']}")
    assert page.status_code == 200
    words = text_of(page)
    assert "feeling 4 today" in words  # theirs
    assert "Welcome back" not in words
    assert "answered at once" in words  # our answer, given in the webhook's TwiML
    assert count(db, AuditEvent, AuditEvent.action == "member.view_messages", AuditEvent.target == f"member:{members['Sam']}") == 1
    signed_in.get(f"/members/{members['Sam']}")
    assert count(db, AuditEvent, AuditEvent.action == "member.view_messages") == 2


def test_the_page_shows_the_next_three_checkins_on_the_members_clock(signed_in, members):
    words = text_of(signed_in.get(f"/members/{members['Sam']}"))
    # The community's schedule (Mondays and Thursdays at 10:00) in Chicago; it is Monday 09:00 there.
    assert "Mondays and Thursdays at 10:00" in words
    assert "Mon 30 Nov, 10:00" in words and "Thu 3 Dec, 10:00" in words and "Mon 7 Dec, 10:00" in words


def test_the_score_chart_is_inline_svg_with_its_numbers_in_words(signed_in, members, db, now):
    with db.session() as s:
        s.add(CheckIn(member_id=members["Sam"], scheduled_for=now - timedelta(days=7), status=CheckInStatus.ANSWERED,
                      score=2, created_at=now))
        s.add(CheckIn(member_id=members["Sam"], scheduled_for=now - timedelta(days=3), status=CheckInStatus.MISSED,
                      created_at=now))
        s.add(CheckIn(member_id=members["Sam"], scheduled_for=now - timedelta(days=1), status=CheckInStatus.ANSWERED,
                      score=4, created_at=now))
    html = signed_in.get(f"/members/{members['Sam']}").get_data(as_text=True)
    assert 'class="chart"' in html
    assert "2 answered and 1 missed check-ins" in html and "scores: 2, 4" in html


def test_editing_details_moves_the_schedule(signed_in, members, db):
    answer = signed_in.post(f"/members/{members['Sam']}/details", {
        "name": "Sam R. Rivera", "timezone": "America/New_York", "language": "es",
        "schedule": "FREQ=DAILY;BYHOUR=9;BYMINUTE=30", "quiet_hours": "22:00-07:00"})
    assert answer.status_code == 303
    with db.session() as s:
        member = s.get(Member, members["Sam"])
        assert (member.name, member.timezone, member.language, member.quiet_hours) == ("Sam R. Rivera", "America/New_York", "es", "22:00-07:00")
        assert member.schedule == "FREQ=DAILY;BYHOUR=9;BYMINUTE=30"
        # 09:30 in New York on Tuesday 1 Dec (it is 10:00 there now, past today's).
        assert member.next_checkin_at.isoformat() == "2026-12-01T14:30:00+00:00"
    words = text_of(signed_in.get(f"/members/{members['Sam']}"))
    assert "every day at 09:30" in words and "Tue 1 Dec, 09:30" in words
    assert count(db, AuditEvent, AuditEvent.action == "member.edit") == 1


def test_bad_details_are_refused_with_the_reason_and_nothing_changes(signed_in, members, db):
    base = {"name": "Sam Rivera", "timezone": "", "language": "en", "schedule": "", "quiet_hours": ""}
    cases = [
        ({"name": ""}, "a name is required"),
        ({"timezone": "Chicago"}, "unknown time zone"),
        ({"language": "de"}, "unsupported language"),
        ({"schedule": "every day please"}, "schedule"),
        ({"schedule": "FREQ=DAILY;BYHOUR=9,11"}, "at least 4 hours apart"),
        ({"quiet_hours": "late"}, "quiet hours look like 21:00-08:00"),
    ]
    before = sam(db, members)
    for change, words in cases:
        answer = signed_in.post(f"/members/{members['Sam']}/details", {**base, **change})
        assert answer.status_code == 422, change
        page = text_of(answer)
        assert "Not saved." in page and words in page, (change, page[:400])
    after = sam(db, members)
    assert (after.name, after.timezone, after.language, after.schedule, after.quiet_hours, after.next_checkin_at) == \
           (before.name, before.timezone, before.language, before.schedule, before.quiet_hours, before.next_checkin_at)


def test_pause_and_resume_tell_the_member(signed_in, members, db):
    answer = signed_in.post(f"/members/{members['Sam']}/pause", {"until": "2 weeks"})
    assert answer.status_code == 303
    with db.session() as s:
        member = s.get(Member, members["Sam"])
        assert member.status == MemberStatus.PAUSED
        assert member.paused_until.isoformat() == "2026-12-14T06:00:00+00:00"  # 00:00 in Chicago
        assert s.scalar(select(OutboundMessage.kind).where(OutboundMessage.member_id == member.id)
                        .order_by(OutboundMessage.id.desc()).limit(1)) == "pause_confirm"
    assert "paused until Mon 14 Dec" in text_of(signed_in.get(f"/members/{members['Sam']}"))
    assert signed_in.post(f"/members/{members['Sam']}/resume").status_code == 303
    with db.session() as s:
        member = s.get(Member, members["Sam"])
        assert member.status == MemberStatus.ACTIVE and member.paused_until is None
        assert s.scalar(select(OutboundMessage.kind).where(OutboundMessage.member_id == member.id)
                        .order_by(OutboundMessage.id.desc()).limit(1)) == "back_confirm"
    assert count(db, AuditEvent, AuditEvent.action.in_(["member.pause", "member.resume"])) == 2


def test_a_bad_pause_is_refused_and_changes_nothing(signed_in, members, db):
    for until, words in [("whenever", "couldn't read 'whenever'"), ("200 days", "at most 90 days")]:
        answer = signed_in.post(f"/members/{members['Sam']}/pause", {"until": until})
        assert answer.status_code == 422 and words in text_of(answer).lower(), until
    answer = signed_in.post(f"/members/{members['Kim']}/pause", {"until": "1 week"})
    assert answer.status_code == 422 and "Only an active member can be paused" in text_of(answer)
    answer = signed_in.post(f"/members/{members['Sam']}/resume")
    assert answer.status_code == 422 and "not paused" in text_of(answer)
    with db.session() as s:
        assert s.get(Member, members["Sam"]).status == MemberStatus.ACTIVE
        assert s.get(Member, members["Kim"]).status == MemberStatus.INVITED
    assert count(db, OutboundMessage, OutboundMessage.kind.in_(["pause_confirm", "back_confirm"])) == 0


def test_a_one_off_message_is_queued_under_the_usual_rules(signed_in, members, db):
    answer = signed_in.post(f"/members/{members['Sam']}/message", {"text": "Thinking of you today. Call me any time."})
    assert answer.status_code == 303
    with db.session() as s:
        message = s.scalar(select(OutboundMessage).where(OutboundMessage.kind == "coordinator_message"))
        assert message.member_id == members["Sam"] and message.template == "broadcast"
        assert message.context["text"] == "Thinking of you today. Call me any time."
    assert count(db, AuditEvent, AuditEvent.action == "member.message") == 1


def test_a_bad_message_is_refused(signed_in, members, db):
    cases = [(members["Sam"], "", "Write the message first"),
             (members["Sam"], "word " * 200, "keep it to 4 or fewer"),
             (members["Kim"], "Hello", "Kinship can't text Kim: they are invited")]
    for member_id, text, words in cases:
        answer = signed_in.post(f"/members/{member_id}/message", {"text": text})
        assert answer.status_code == 422 and words in text_of(answer), words
    assert count(db, OutboundMessage, OutboundMessage.kind == "coordinator_message") == 0


def test_the_message_counter_counts_the_text_as_sent(signed_in, members):
    answer = signed_in.post(f"/members/{members['Sam']}/_counter", {"text": "Hi 🙂"}, headers={"HX-Request": "true"})
    words = text_of(answer)
    assert "Harbour Lights: Hi 🙂" in words and "Unicode" in words and "1 text" in words


def test_change_buddy_pairs_them_by_hand(signed_in, members, db):
    answer = signed_in.post(f"/members/{members['Sam']}/buddy", {"buddy_id": str(members["Alex"])})
    assert answer.status_code == 303
    with db.session() as s:
        group = s.scalar(select(BuddyGroup).where(BuddyGroup.active.is_(True)))
        assert {m.id for m in group.members} == {members["Sam"], members["Alex"]}
    words = text_of(signed_in.get(f"/members/{members['Sam']}"))
    assert "Buddy: Alex Chen" in words
    assert count(db, OutboundMessage, OutboundMessage.kind == "intro") == 2


def test_a_bad_buddy_choice_is_refused(signed_in, members, db):
    for choice, words in [("", "Choose a new buddy"), (str(members["Kim"]), "can't be a buddy now"),
                          (str(members["Sam"]), "can't be a buddy now"), ("99999", "can't be a buddy now")]:
        answer = signed_in.post(f"/members/{members['Sam']}/buddy", {"buddy_id": choice})
        assert answer.status_code == 422 and words in text_of(answer), choice
    assert count(db, BuddyGroup) == 0


def test_an_unknown_member_is_not_found(signed_in):
    assert signed_in.get("/members/4242").status_code == 404


def test_the_member_picker_sets_their_own_days_or_the_community_schedule(signed_in, members, db):
    from service.models import Member

    sam = members["Sam"]
    page = signed_in.get(f"/members/{sam}").get_data(as_text=True)
    assert 'value="community" checked' in page and "The community's schedule (" in page
    form = {"name": "Sam Rivera", "language": "en", "timezone": "", "quiet_hours": "", "schedule": "",
            "rule_before": "", "pick_days": "chosen", "pick_day": ["TU", "SA"], "pick_time": "08:00",
            "pick_other_week": "on"}
    assert signed_in.post(f"/members/{sam}/details", form).status_code == 303
    with db.session() as s:
        assert s.get(Member, sam).schedule == "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,SA;BYHOUR=8;BYMINUTE=0"
    rule = "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,SA;BYHOUR=8;BYMINUTE=0"
    back = {**form, "schedule": rule, "rule_before": rule, "pick_days": "community"}
    assert signed_in.post(f"/members/{sam}/details", back).status_code == 303
    with db.session() as s:
        assert s.get(Member, sam).schedule is None


def test_the_member_picker_sets_two_check_ins_a_day(signed_in, members, db):
    from service.models import Member

    sam = members["Sam"]
    form = {"name": "Sam Rivera", "language": "en", "timezone": "", "quiet_hours": "", "schedule": "",
            "rule_before": "", "pick_days": "weekdays", "pick_time": "08:30", "pick_twice": "on", "pick_time2": "18:30"}
    assert signed_in.post(f"/members/{sam}/details", form).status_code == 303
    with db.session() as s:
        assert s.get(Member, sam).schedule == "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;BYHOUR=8,18;BYMINUTE=30"
    assert "weekdays at 08:30 and 18:30" in text_of(signed_in.get(f"/members/{sam}"))


def test_times_say_their_zone_once_and_a_member_elsewhere_gets_their_own_time_beside(signed_in, twilio, members, db):
    from tests.service.web.dashboard.conftest import JORDAN

    with db.session() as s:
        s.get(Member, members["Jordan"]).timezone = "America/New_York"
    twilio.sms(JORDAN, "3 ok day")  # Monday 09:00 in Chicago, 10:00 in New York
    words = text_of(signed_in.get(f"/members/{members['Jordan']}"))
    assert words.count("Times are Chicago time (America/Chicago).") == 1
    assert "Mon 30 Nov, 09:00 (Mon 30 Nov, 10:00 Jordan's time, New York time)" in words
    sam_words = text_of(signed_in.get(f"/members/{members['Sam']}"))
    assert "Sam's time" not in sam_words  # same zone as the community: one time is enough
    for path in ("/", "/members", "/buddies", "/settings", "/audit"):
        assert text_of(signed_in.get(path)).count("Times are Chicago time") == 1, path
