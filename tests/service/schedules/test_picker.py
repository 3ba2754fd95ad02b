"""The schedule picker: days and a time in words, the rule it writes, and the rules it reads back."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from service.schedules import ScheduleError, describe_schedule, validate_schedule
from service.schedules.picker import Picked, picked_from_form, picked_from_rule, rule_for

NOW = datetime(2026, 11, 30, 15, 0, tzinfo=UTC)


@pytest.mark.parametrize("picked, rule, words", [
    (Picked("every", time="09:30"), "FREQ=DAILY;BYHOUR=9;BYMINUTE=30", "every day at 09:30"),
    (Picked("weekdays", time="18:00"), "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;BYHOUR=18;BYMINUTE=0", None),
    (Picked("chosen", ("MO", "TH"), "10:00"), "FREQ=WEEKLY;BYDAY=MO,TH;BYHOUR=10;BYMINUTE=0", None),
    (Picked("chosen", ("SU",), "08:15", True), "FREQ=WEEKLY;INTERVAL=2;BYDAY=SU;BYHOUR=8;BYMINUTE=15", None),
    (Picked("every", time="07:00", every_other_week=True),
     "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TU,WE,TH,FR,SA,SU;BYHOUR=7;BYMINUTE=0", None),
    (Picked("every", time="09:00", second_time="21:00"), "FREQ=DAILY;BYHOUR=9,21;BYMINUTE=0",
     "every day at 09:00 and 21:00"),
    (Picked("weekdays", time="07:30", second_time="19:30"),
     "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;BYHOUR=7,19;BYMINUTE=30", "weekdays at 07:30 and 19:30"),
    (Picked("chosen", ("TU", "SA"), "08:00", True, "12:00"),
     "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,SA;BYHOUR=8,12;BYMINUTE=0",
     "tuesdays and saturdays every other week at 08:00 and 12:00"),
])
def test_the_picker_writes_a_rule_that_reads_back_the_same(picked, rule, words):
    assert rule_for(picked) == rule
    validate_schedule(rule, "America/Chicago", NOW)
    assert picked_from_rule(rule) == picked
    if words:
        assert words in describe_schedule(rule, "en").lower()


@pytest.mark.parametrize("rule", [
    "FREQ=MONTHLY;BYMONTHDAY=1;BYHOUR=10;BYMINUTE=0",
    "FREQ=WEEKLY;BYDAY=MO;BYHOUR=10;BYMINUTE=0;UNTIL=20271231",
    "DTSTART;TZID=America/Chicago:20260105T100000\nRRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=MO",
    "FREQ=WEEKLY;INTERVAL=3;BYDAY=MO;BYHOUR=10;BYMINUTE=0",
    "FREQ=WEEKLY;BYDAY=1MO;BYHOUR=10",
    "FREQ=DAILY;INTERVAL=2;BYHOUR=10",
    "FREQ=DAILY",  # no time of day
    "FREQ=DAILY;BYHOUR=9,11;BYMINUTE=0",  # too close together: refused as a rule too
    "FREQ=DAILY;BYHOUR=9,21;BYMINUTE=0,30",  # four a day
    "not a rule",
    "",
])
def test_rules_the_picker_cannot_show_stay_text(rule):
    assert picked_from_rule(rule) is None


def test_the_same_days_in_any_order_read_as_the_picker_writes_them():
    assert picked_from_rule("RRULE:FREQ=WEEKLY;BYDAY=TH,MO;BYHOUR=10") == Picked("chosen", ("MO", "TH"), "10:00")


@pytest.mark.parametrize("days, chosen, time, words", [
    (None, [], "10:00", "choose every day, weekdays, or the days of the week"),
    ("chosen", [], "10:00", "tick at least one day"),
    ("every", [], "25:00", "choose the time of the check-in"),
    ("every", [], "", "choose the time of the check-in"),
])
def test_a_picker_that_says_nothing_whole_is_refused_with_what_to_fix(days, chosen, time, words):
    with pytest.raises(ScheduleError, match=words):
        picked_from_form(days, chosen, time, False)


def test_chosen_days_are_kept_in_week_order_and_other_choices_ignore_them():
    assert picked_from_form("chosen", ["fr", "MO"], "9:05", False) == Picked("chosen", ("MO", "FR"), "09:05")
    assert picked_from_form("weekdays", ["SU"], "09:05", True) == Picked("weekdays", (), "09:05", True)


def test_twice_a_day_from_the_form_is_written_earliest_first():
    picked = picked_from_form("every", [], "21:00", False, "9:00")
    assert picked == Picked("every", (), "09:00", False, "21:00")
    assert rule_for(picked) == "FREQ=DAILY;BYHOUR=9,21;BYMINUTE=0"
    assert picked_from_rule("FREQ=DAILY;BYHOUR=21,9;BYMINUTE=0") == picked


@pytest.mark.parametrize("time, second, words", [
    ("09:00", "11:00", "at least 4 hours apart"),
    ("22:00", "01:00", "at least 4 hours apart"),  # round the clock: 3 hours
    ("09:00", "09:00", "at least 4 hours apart"),
    ("09:00", "21:30", "same minute past the hour"),
    ("09:00", "", "choose the second time"),
])
def test_two_times_too_close_or_unreadable_are_refused_with_what_to_fix(time, second, words):
    with pytest.raises(ScheduleError, match=words):
        picked_from_form("every", [], time, False, second)
