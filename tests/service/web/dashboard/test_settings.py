"""Community settings: saved when right, refused field by field with a plain reason."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from service.models import AuditEvent, Community, Member
from tests.service.web.dashboard.conftest import count, text_of

GOOD = {"default_schedule": "FREQ=WEEKLY;BYDAY=TU;BYHOUR=11;BYMINUTE=0", "quiet_hours": "22:00-07:30",
        "escalation_minutes": "45", "crisis_repage_minutes": "15", "silence_threshold": "3", "crisis_resources": "Call or text 988, any time.",
        "retention_days": "90", "rotation_weeks": "6", "relay_enabled": "on", "ask_when_unsure": "on"}


def community(db) -> Community:
    with db.session() as s:
        return s.scalar(select(Community))


def test_good_settings_are_saved_and_members_on_the_default_move(signed_in, members, db):
    answer = signed_in.post("/settings", GOOD)
    assert answer.status_code == 303
    saved = community(db)
    assert (saved.default_schedule, saved.quiet_hours, saved.escalation_minutes, saved.silence_threshold,
            saved.crisis_resources, saved.retention_days, saved.rotation_weeks, saved.relay_enabled) == \
           (GOOD["default_schedule"], "22:00-07:30", 45, 3, "Call or text 988, any time.", 90, 6, True)
    assert saved.crisis_repage_minutes == 15
    with db.session() as s:
        # Tuesday 1 Dec, 11:00 in Chicago.
        assert s.get(Member, members["Sam"]).next_checkin_at.isoformat() == "2026-12-01T17:00:00+00:00"
    assert "Settings saved." in text_of(signed_in.get("/settings"))
    assert count(db, AuditEvent, AuditEvent.action == "settings.update") == 1
    signed_in.post("/settings", {**GOOD, "relay_enabled": ""})
    assert community(db).relay_enabled is False


def test_asking_directly_can_be_turned_off_and_on(signed_in, members, db):
    assert community(db).ask_when_unsure is True
    signed_in.post("/settings", {key: value for key, value in GOOD.items() if key != "ask_when_unsure"})
    assert community(db).ask_when_unsure is False
    assert 'name="ask_when_unsure" aria-describedby="ask-hint">' in signed_in.get("/settings").get_data(as_text=True)
    signed_in.post("/settings", GOOD)
    assert community(db).ask_when_unsure is True
    with db.session() as s:
        changes = [e.detail["changed"] for e in s.scalars(select(AuditEvent).where(AuditEvent.action == "settings.update"))]
    assert {"ask_when_unsure": False} in [{k: v for k, v in c.items() if k == "ask_when_unsure"} for c in changes]


@pytest.mark.parametrize("field, value, words", [
    ("default_schedule", "FREQ=HOURLY", "FREQ"),
    ("default_schedule", "", "The schedule rule is empty"),
    ("quiet_hours", "night", "Quiet hours look like 21:00-08:00"),
    ("escalation_minutes", "soon", "Write a whole number of minutes, from 5 to 1440"),
    ("escalation_minutes", "2", "Choose from 5 to 1440 minutes"),
    ("crisis_repage_minutes", "500", "Choose from 5 to 120 minutes"),
    ("silence_threshold", "0", "Choose from 1 to 10 missed check-ins"),
    ("retention_days", "-1", "Choose from 7 to 3650 days"),
    ("rotation_weeks", "1.5", "Write a whole number of weeks"),
    ("crisis_resources", "Call 988. " * 60, "Keep the crisis resources to 3 texts"),
])
def test_bad_settings_are_refused_with_the_reason_and_nothing_changes(signed_in, db, field, value, words):
    before = community(db)
    answer = signed_in.post("/settings", {**GOOD, field: value})
    assert answer.status_code == 422
    page = text_of(answer)
    assert "Not saved." in page and words in page, page[:600]
    assert 'aria-invalid="true"' in answer.get_data(as_text=True)
    after = community(db)
    assert (after.default_schedule, after.quiet_hours, after.escalation_minutes, after.silence_threshold,
            after.retention_days, after.rotation_weeks, after.relay_enabled, after.crisis_resources) == \
           (before.default_schedule, before.quiet_hours, before.escalation_minutes, before.silence_threshold,
            before.retention_days, before.rotation_weeks, before.relay_enabled, before.crisis_resources)
    assert count(db, AuditEvent, AuditEvent.action == "settings.update") == 0


def test_every_problem_is_shown_at_once(signed_in, db):
    answer = signed_in.post("/settings", {**GOOD, "quiet_hours": "x", "retention_days": "x", "rotation_weeks": "99"})
    assert "3 things to fix below" in text_of(answer)


def test_a_schedule_is_read_back_in_words_as_it_is_typed(signed_in):
    answer = signed_in.post("/settings/_schedule", {"default_schedule": "FREQ=DAILY;BYHOUR=9;BYMINUTE=30"},
                            headers={"HX-Request": "true"})
    assert "Reads as: every day at 09:30" in text_of(answer) and "America/Chicago time" in text_of(answer)
    answer = signed_in.post("/settings/_schedule", {"schedule": "FREQ=WEEKLY;BYDAY=FR;BYHOUR=18;BYMINUTE=0",
                                                     "timezone": "Europe/Madrid"})
    assert "Fridays at 18:00" in text_of(answer) and "Europe/Madrid time" in text_of(answer)
    answer = signed_in.post("/settings/_schedule", {"schedule": "", "timezone": ""})
    assert "Mondays and Thursdays at 10:00 (the community's schedule)" in text_of(answer)
    answer = signed_in.post("/settings/_schedule", {"schedule": "FREQ=HOURLY", "timezone": ""})
    assert "Can't use this:" in text_of(answer)
    answer = signed_in.post("/settings/_schedule", {"schedule": "FREQ=DAILY", "timezone": "Mars/Base"})
    assert "Unknown time zone 'Mars/Base'" in text_of(answer)
