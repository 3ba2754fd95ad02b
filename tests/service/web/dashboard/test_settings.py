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
    ("contact_line", "Maria Lopez, the coordinator, 415-555-0199 or maria@example.org", "Keep the contact to 50"),
    ("contact_line", "Maria 🌻 415-555-0199", "Use plain letters"),
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


def test_the_contact_line_reaches_the_help_answer(signed_in, members, db, twilio):
    from tests.service.web.dashboard.conftest import KIM, SAM

    assert "your community's coordinator" in twilio.sms(SAM, "HELP").get_data(as_text=True)
    assert signed_in.post("/settings", {**GOOD, "contact_line": "  Maria Lopez,   415-555-0199 "}).status_code == 303
    assert community(db).contact_line == "Maria Lopez, 415-555-0199"
    answer = twilio.sms(SAM, "HELP").get_data(as_text=True)
    assert "Help: Maria Lopez, 415-555-0199." in answer and "Reply YES" not in answer
    invited = twilio.sms(KIM, "HELP").get_data(as_text=True)  # Kim has not said YES yet
    assert "Reply YES to join." in invited and "Maria Lopez, 415-555-0199" in invited
    signed_in.post("/settings", {**GOOD, "contact_line": ""})
    assert community(db).contact_line is None


def test_the_form_stops_typing_where_the_server_would_refuse(signed_in, members):
    from service.web.dashboard.settings import MAX_CONTACT_LINE

    page = signed_in.get("/settings").get_data(as_text=True)
    assert f'id="contact_line" name="contact_line" value="" maxlength="{MAX_CONTACT_LINE}"' in page


def test_a_contact_line_that_would_make_help_three_texts_is_refused(signed_in, db):
    with db.session() as s:
        s.scalar(select(Community)).name = "The Northside Recovery Group of Lake County"
    answer = signed_in.post("/settings", {**GOOD, "contact_line": "Christabella Montgomery, 415-555-0199, cm@kin.org"})
    assert answer.status_code == 422 and "the HELP answer would take three texts" in text_of(answer)


def test_the_picker_writes_the_default_schedule_and_the_rule_waits_behind_advanced(signed_in, members, db):
    page = signed_in.get("/settings").get_data(as_text=True)
    before = community(db).default_schedule  # Mondays and Thursdays at 10:00
    assert '<details class="advanced">' in page and 'value="chosen" checked' in page
    assert 'value="MO" checked' in page and 'value="TH" checked' in page and 'value="10:00"' in page
    picked = {**GOOD, "default_schedule": before, "rule_before": before, "pick_days": "weekdays", "pick_time": "18:30"}
    assert signed_in.post("/settings", picked).status_code == 303
    assert community(db).default_schedule == "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;BYHOUR=18;BYMINUTE=30"


def test_the_picker_writes_twice_a_day_and_shows_it_again(signed_in, db):
    before = community(db).default_schedule
    picked = {**GOOD, "default_schedule": before, "rule_before": before, "pick_days": "every", "pick_time": "21:00",
              "pick_twice": "on", "pick_time2": "09:00"}
    assert signed_in.post("/settings", picked).status_code == 303
    assert community(db).default_schedule == "FREQ=DAILY;BYHOUR=9,21;BYMINUTE=0"
    page = signed_in.get("/settings").get_data(as_text=True)
    assert 'name="pick_twice" checked' in page
    assert 'name="pick_time2" type="time" aria-label="Second time of day" value="21:00"' in page


def test_two_times_too_close_are_refused_with_the_reason_and_nothing_changes(signed_in, db):
    before = community(db).default_schedule
    form = {**GOOD, "default_schedule": before, "rule_before": before, "pick_days": "every", "pick_time": "09:00",
            "pick_twice": "on", "pick_time2": "11:00"}
    answer = signed_in.post("/settings", form)
    assert answer.status_code == 422 and "at least 4 hours apart" in text_of(answer)
    assert community(db).default_schedule == before
    # Unticked, the second time is ignored.
    del form["pick_twice"]
    assert signed_in.post("/settings", form).status_code == 303
    assert community(db).default_schedule == "FREQ=DAILY;BYHOUR=9;BYMINUTE=0"


def test_a_rule_typed_under_advanced_wins_over_the_picker(signed_in, db):
    before = community(db).default_schedule
    typed = "FREQ=MONTHLY;BYMONTHDAY=1;BYHOUR=9;BYMINUTE=0"
    form = {**GOOD, "default_schedule": typed, "rule_before": before, "pick_days": "every", "pick_time": "07:00"}
    assert signed_in.post("/settings", form).status_code == 303
    assert community(db).default_schedule == typed
    page = signed_in.get("/settings").get_data(as_text=True)
    # Beyond the picker: nothing ticked, the fold open, and saving again keeps the rule as it is.
    assert '<details class="advanced" open>' in page and "checked" not in page.split('name="pick_days"')[1][:40]
    assert signed_in.post("/settings", {**GOOD, "default_schedule": typed, "rule_before": typed}).status_code == 303
    assert community(db).default_schedule == typed


def test_a_picker_with_no_day_ticked_is_refused_and_nothing_changes(signed_in, db):
    before = community(db).default_schedule
    form = {**GOOD, "default_schedule": before, "rule_before": before, "pick_days": "chosen", "pick_time": "10:00"}
    answer = signed_in.post("/settings", form)
    assert answer.status_code == 422 and "Tick at least one day of the week." in text_of(answer)
    assert community(db).default_schedule == before
