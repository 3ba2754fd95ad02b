"""The members table, adding a member, importing a CSV (preview first), exporting."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

from sqlalchemy import select

from service.models import AuditEvent, CheckIn, CheckInStatus, Member, MemberStatus, OutboundMessage
from tests.service.web.dashboard.conftest import count, text_of


def test_the_table_lists_status_last_checkin_score_trend_and_buddy(signed_in, members, db, now):
    with db.session() as s:
        for days, score in enumerate([4, 4, 3, 2, 1], start=1):
            s.add(CheckIn(member_id=members["Sam"], scheduled_for=now - timedelta(days=10 - days),
                          status=CheckInStatus.ANSWERED, score=score, created_at=now))
        s.get(Member, members["Sam"]).last_score = 1
        s.get(Member, members["Sam"]).last_checkin_at = now - timedelta(hours=3)
    page = signed_in.get("/members")
    words = text_of(page)
    for name in ("Sam Rivera", "Alex Chen", "Maria Lopez", "Jordan Blake", "Kim Walker"):
        assert name in words
    assert "invited" in words and "3 hours ago" in words
    html = page.get_data(as_text=True)
    assert 'aria-label="Last 5 scores, oldest first: 4, 4, 3, 2, 1"' in html
    assert "<svg" in html and "<script" not in html.split("</head>")[1]


def test_the_trend_shows_the_last_ten_scores_only(signed_in, members, db, now):
    with db.session() as s:
        for index in range(14):
            s.add(CheckIn(member_id=members["Alex"], scheduled_for=now - timedelta(days=20 - index),
                          status=CheckInStatus.ANSWERED, score=1 + index % 5, created_at=now))
    html = signed_in.get("/members").get_data(as_text=True)
    assert 'Last 10 scores, oldest first: 5, 1, 2, 3, 4, 5, 1, 2, 3, 4"' in html


def test_search_and_status_filter(signed_in, members):
    words = text_of(signed_in.get("/members?q=ale"))
    assert "Alex Chen" in words and "Sam Rivera" not in words
    words = text_of(signed_in.get("/members?q=0103"))  # part of Maria's number
    assert "Maria Lopez" in words and "Alex Chen" not in words
    words = text_of(signed_in.get("/members/_table?status=invited"))
    assert "Kim Walker" in words and "Sam Rivera" not in words
    assert "No member matches" in text_of(signed_in.get("/members?q=zzz"))


def test_adding_a_member_invites_them(signed_in, db):
    answer = signed_in.post("/members/new", {"name": " Robin  Hart ", "phone": "(415) 555-0142", "language": "es",
                                             "timezone": "", "schedule": ""})
    assert answer.status_code == 303
    with db.session() as s:
        robin = s.scalar(select(Member).where(Member.name == "Robin Hart"))
        assert robin.phone == "+14155550142" and robin.status == MemberStatus.INVITED and robin.language == "es"
        assert s.scalar(select(OutboundMessage.kind).where(OutboundMessage.member_id == robin.id)) == "invite"
    assert answer.headers["Location"].startswith(f"/members/{robin.id}")
    assert count(db, AuditEvent, AuditEvent.action == "member.add") == 1


def test_a_bad_member_is_refused_with_the_reason_and_nothing_is_added(signed_in, members, db):
    cases = [
        ({"name": "", "phone": "+14155550142"}, "a name is required"),
        ({"name": "Robin", "phone": "not a number"}, "is not a phone number"),
        ({"name": "Robin", "phone": "+14155550101"}, "already belongs to a member"),
        ({"name": "Robin", "phone": "+14155550142", "timezone": "Mars/Olympus"}, "unknown time zone"),
        ({"name": "Robin", "phone": "+14155550142", "language": "fr"}, "unsupported language"),
        ({"name": "Robin", "phone": "+14155550142", "schedule": "FREQ=HOURLY"}, "FREQ"),
    ]
    before = count(db, Member), count(db, OutboundMessage)
    for form, words in cases:
        answer = signed_in.post("/members/new", form)
        assert answer.status_code == 422, form
        page = text_of(answer)
        assert "Not saved." in page and words in page, (form, page)
        assert f'value="{form["name"]}"' in answer.get_data(as_text=True)  # what was typed stays
    assert (count(db, Member), count(db, OutboundMessage)) == before


GOOD_CSV = "name,phone,timezone,language,schedule\nRobin Hart,+14155550142,,es,\nLee Park,415-555-0143,America/Denver,,\n"
BAD_CSV = ("name,phone,timezone,language,schedule\nRobin Hart,+14155550142,,,\n"
           "Bad Row,12,,,\nLee Park,+14155550143,Nowhere/Land,,\nSam Again,+14155550101,,,\n")


def upload(signed_in, text: str, filename: str = "members.csv"):
    return signed_in.post("/members/import", {"file": (io.BytesIO(text.encode("utf-8-sig")), filename)},
                          content_type="multipart/form-data")


def test_an_import_with_a_bad_row_is_previewed_with_every_problem_and_writes_nothing(signed_in, members, db):
    before = count(db, Member), count(db, OutboundMessage)
    answer = upload(signed_in, BAD_CSV)
    assert answer.status_code == 422
    words = text_of(answer)
    assert "3 rows with a problem. Nothing has been imported." in words
    assert "Robin Hart" in words and "OK" in words
    assert "Problem: '12' is not a valid phone number" in words
    assert "Problem: unknown time zone 'Nowhere/Land'" in words
    assert "Problem: +14155550101 already belongs to a member" in words
    assert "Import 1" not in words  # no button to import a file with problems
    assert (count(db, Member), count(db, OutboundMessage)) == before
    # Confirming it anyway (a forged form) is refused by the all-or-nothing import.
    answer = signed_in.post("/members/import/confirm", {"csv": BAD_CSV})
    assert answer.status_code == 422 and "Nothing was imported" in text_of(answer)
    assert (count(db, Member), count(db, OutboundMessage)) == before


def test_a_good_import_is_previewed_then_confirmed(signed_in, members, db):
    preview = upload(signed_in, GOOD_CSV)
    assert preview.status_code == 200
    words = text_of(preview)
    assert "All 2 rows look right" in words and "Import 2 members and invite them" in words
    assert "+14155550143" in words and "America/Denver" in words
    assert count(db, Member) == 5
    answer = signed_in.post("/members/import/confirm", {"csv": GOOD_CSV})
    assert answer.status_code == 303
    assert count(db, Member) == 7
    assert count(db, OutboundMessage, OutboundMessage.kind == "invite") == 3  # Kim's, and the two new
    assert "2 members are added and invited" in text_of(signed_in.get("/members"))
    assert count(db, AuditEvent, AuditEvent.action == "member.import") == 1


def test_pasted_csv_works_and_odd_files_are_explained(signed_in, members, db):
    answer = signed_in.post("/members/import", {"csv": "name,phone\nRobin,+14155550142\n"})
    assert answer.status_code == 200 and "All 1 row look right" in text_of(answer)
    assert "missing column(s): phone" in text_of(signed_in.post("/members/import", {"csv": "name\nRobin\n"}))
    assert "Choose a CSV file" in text_of(signed_in.post("/members/import", {"csv": ""}))
    latin = signed_in.post("/members/import", {"file": (io.BytesIO("name,phone\nJosé,+14155550142\n".encode("latin-1")), "x.csv")},
                           content_type="multipart/form-data")
    assert latin.status_code == 422 and "not UTF-8" in text_of(latin)
    assert "no members in it" in text_of(signed_in.post("/members/import", {"csv": "name,phone\n"}))
    assert count(db, Member) == 5


def test_export_is_the_cli_csv_and_is_audited(signed_in, members, db):
    answer = signed_in.get("/members/export.csv")
    assert answer.status_code == 200 and answer.mimetype == "text/csv"
    assert "attachment" in answer.headers["Content-Disposition"]
    lines = answer.get_data(as_text=True).splitlines()
    assert lines[0].startswith("name,phone,status,timezone,language,schedule,last_checkin_at,last_score")
    assert len(lines) == 6
    assert count(db, AuditEvent, AuditEvent.action == "member.export") == 1


def test_export_never_writes_a_formula(signed_in, db, coordinator):
    from tests.service.web.dashboard.conftest import add_members

    add_members(db, coordinator.community_id, [('=HYPERLINK("http://x","y")', "+14155550150", "en", True),
                                               ("@SUM(1+9)*cmd|' /C calc'!A0", "+14155550151", "en", False)])
    rows = list(csv.DictReader(io.StringIO(signed_in.get("/members/export.csv").get_data(as_text=True))))
    assert sorted(r["name"] for r in rows) == ["'=HYPERLINK(\"http://x\",\"y\")", "'@SUM(1+9)*cmd|' /C calc'!A0"]
    assert sorted(r["phone"] for r in rows) == ["+14155550150", "+14155550151"]


def test_a_huge_upload_is_refused_plainly(signed_in, db):
    big = "name,phone\n" + "Someone,+14155550142\n" * 60_000
    answer = upload(signed_in, big)
    assert answer.status_code in (413, 422)
    assert "too large" in text_of(answer).lower()
    assert count(db, Member) == 0


def test_last_check_in_says_never_only_when_none_went_unanswered(signed_in, members, db, now):
    with db.session() as s:
        s.get(Member, members["Alex"]).consecutive_missed = 3  # three check-ins, not one answered
        s.get(Member, members["Maria"]).consecutive_missed = 1
        jordan = s.get(Member, members["Jordan"])
        jordan.consecutive_missed, jordan.last_checkin_at = 2, now - timedelta(days=3)
    words = text_of(signed_in.get("/members"))
    assert "no reply to the last 3" in words and "no reply to the last one" in words
    assert "3 days ago" in words  # Jordan answered once: his last answer, and the missed badge beside it
    assert words.count("never") == 2  # Sam, never texted yet, and Kim, invited
    assert "last check-in no reply to the last 3" in text_of(signed_in.get(f"/members/{members['Alex']}"))


def test_a_time_15_minutes_ahead_reads_in_15_min(app, now):
    from service import clock
    from service.web.dashboard.common import ago

    with app.test_request_context():
        assert ago(clock.utcnow() + timedelta(minutes=15) - timedelta(seconds=1)) == "in 15 min"
        assert ago(clock.utcnow() - timedelta(minutes=14, seconds=50)) == "15 min ago"
        assert ago(clock.utcnow() + timedelta(seconds=20)) == "just now"
