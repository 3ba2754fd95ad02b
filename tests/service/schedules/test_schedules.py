"""Specification of check-in schedules and member time (service.schedules, service.schedules.member_time).

Reads top to bottom as the rules a member or coordinator can rely on: zones,
what a coordinator may save, when a check-in happens (daylight saving
included), quiet hours, slots, the words members text us (TIME, PAUSE) and
how we describe schedules and times back to them.  2026 daylight-saving
dates used below:

* America/Chicago   springs forward Sun 8 Mar 02:00 -> 03:00, falls back Sun 1 Nov 02:00 -> 01:00
* Europe/London     springs forward Sun 29 Mar 01:00 -> 02:00, falls back Sun 25 Oct 02:00 -> 01:00
* Australia/Sydney  falls back Sun 5 Apr 03:00 -> 02:00, springs forward Sun 4 Oct 02:00 -> 03:00
* Asia/Kolkata (+05:30), Asia/Tokyo (+09:00), America/Phoenix (-07:00) never change.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
from functools import lru_cache
from zoneinfo import ZoneInfo

import pytest
from dateutil.rrule import DAILY, WEEKLY, rrule, weekdays
from hypothesis import example, given, settings
from hypothesis import strategies as st

from service.schedules.expansion import zoned_rule
from service.schedules import (
    DEFAULT_QUIET_HOURS,
    QuietHours,
    ScheduleError,
    Slot,
    describe_schedule,
    format_local,
    format_local_day,
    in_quiet_hours,
    next_occurrence,
    next_slot,
    parse_pause,
    parse_time_of_day,
    quiet_hours_end,
    upcoming_slots,
    validate_schedule,
    with_time_of_day,
    zone,
)

UTC = timezone.utc
CHICAGO, LONDON, SYDNEY = "America/Chicago", "Europe/London", "Australia/Sydney"
KOLKATA, TOKYO, PHOENIX = "Asia/Kolkata", "Asia/Tokyo", "America/Phoenix"
DAILY_10 = "FREQ=DAILY;BYHOUR=10;BYMINUTE=0;BYSECOND=0"
NO_QUIET = QuietHours(time(0), time(0))
NOW = datetime(2026, 1, 15, 12, tzinfo=UTC)


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)


def wall(moment: datetime, tz_name: str) -> datetime:
    """The member's naive wall-clock reading of an instant."""
    return moment.astimezone(ZoneInfo(tz_name)).replace(tzinfo=None)


def occurrences(rule: str, tz_name: str, after: datetime, count: int) -> list[datetime]:
    found, moment = [], after
    for _ in range(count):
        moment = next_occurrence(rule, tz_name, moment)
        found.append(moment)
    return found


def refusal(call, *args) -> ScheduleError:
    with pytest.raises(ScheduleError) as caught:
        call(*args)
    return caught.value


# --- time zones ------------------------------------------------------------

class TestZone:
    def test_a_real_iana_name_is_a_zone(self):
        assert zone(CHICAGO) == ZoneInfo(CHICAGO)
        assert zone("UTC").utcoffset(NOW) == timedelta(0)

    @pytest.mark.parametrize("name", ["Mars/Base", "", "America", "localtime", "Factory",
                                      " America/Chicago", "../../etc/passwd", "CST6CDT/x"])
    def test_unknown_names_are_refused(self, name):
        error = refusal(zone, name)
        assert str(error).startswith(f"unknown time zone {name!r}")
        assert error.code == "unknown_zone"

    def test_the_refusal_names_the_zone_a_coordinator_meant(self):
        assert str(refusal(zone, "Mars/Base")) == "unknown time zone 'Mars/Base'"
        assert "did you mean 'America/Chicago'?" in str(refusal(zone, "america/chicago"))

    def test_a_schedule_error_is_a_value_error_with_one_line(self):
        error = refusal(zone, "Mars/Base")
        assert isinstance(error, ValueError) and "\n" not in str(error)


# --- what a coordinator or member may save --------------------------------

class TestValidateSchedule:
    @pytest.mark.parametrize("rule", [
        DAILY_10,
        "RRULE:FREQ=DAILY;BYHOUR=10;BYMINUTE=0",
        "rrule:freq=weekly;byday=mo,th;byhour=10",
        "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO;BYHOUR=9;BYMINUTE=30",
        "FREQ=MONTHLY;BYDAY=1MO;BYHOUR=10",
        "FREQ=MONTHLY;BYMONTHDAY=-1;BYHOUR=18",
        "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29;BYHOUR=10",  # fires in 2028
        "FREQ=DAILY;BYHOUR=10;UNTIL=20261231T235959Z",
        "DTSTART;TZID=America/Chicago:20260105T100000\nRRULE:FREQ=WEEKLY;INTERVAL=2",
        " FREQ=DAILY ; BYHOUR=10 ; ",
        "FREQ=DAILY;BYHOUR=9,21;BYMINUTE=0",
        "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH;BYHOUR=20,8;BYMINUTE=45",
        "FREQ=DAILY;BYHOUR=22,2;BYMINUTE=0",  # 4 hours apart across midnight
    ])
    def test_accepts_twice_a_day_or_less(self, rule):
        assert validate_schedule(rule, CHICAGO, NOW) is None

    @pytest.mark.parametrize("rule, message, code", [
        ("FREQ=HOURLY", "check-ins at most twice a day (FREQ=HOURLY is too often)", "too_often"),
        ("FREQ=MINUTELY;INTERVAL=30", "check-ins at most twice a day (FREQ=MINUTELY is too often)", "too_often"),
        ("FREQ=DAILY;BYHOUR=9,13,17", "check-ins at most twice a day (BYHOUR=9,13,17 would send 3)", "too_often"),
        ("FREQ=DAILY;BYHOUR=9;BYMINUTE=0,30", "BYMINUTE=0,30 would send several", "too_often"),
        ("FREQ=DAILY;BYHOUR=9,12", "at least 4 hours apart (BYHOUR=9,12 is 3 hours)", "too_close"),
        ("FREQ=DAILY;BYHOUR=22,1", "at least 4 hours apart (BYHOUR=22,1 is 3 hours)", "too_close"),
        ("FREQ=DAILY;BYHOUR=9,9", "BYHOUR=9,9 names the same hour twice", "bad_rule"),
        ("FREQ=YEARLY;INTERVAL=2", "check-ins at least once a year", "too_rare"),
        ("FREQ=DAILY;COUNT=10", "COUNT can't be used: a check-in schedule runs until it is stopped", "count"),
        ("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=31", "the schedule never fires", "never_fires"),
        ("FREQ=DAILY;BYMONTH=4;BYMONTHDAY=31;BYHOUR=9", "the schedule never fires", "never_fires"),
        ("FREQ=DAILY;INTERVAL=7;BYDAY=TU", "the schedule never fires", "never_fires"),  # anchor is a Monday
        ("FREQ=DAILY;UNTIL=20251231T000000Z", "the schedule ended on 2025-12-30 (UNTIL is in the past)", "never_fires"),
        ("FREQ=WEEKLY;BYDAY=SU;UNTIL=20260117", "never fires before it ends on 2026-01-17", "never_fires"),
        ("hello", "can't read 'hello' in the schedule rule", "bad_rule"),
        ("", "the schedule rule is empty", "bad_rule"),
        ("BYHOUR=10", "the schedule rule needs FREQ", "bad_rule"),
        ("FREQ=FORTNIGHTLY", "FREQ=FORTNIGHTLY is not a frequency", "bad_rule"),
        ("FREQ=DAILY;FOO=1", "unknown part 'FOO'", "bad_rule"),
        ("FREQ=DAILY;BYEASTER=0", "unknown part 'BYEASTER'", "bad_rule"),
        ("FREQ=DAILY;BYHOUR=9;BYHOUR=10", "BYHOUR appears twice", "bad_rule"),
        ("FREQ=DAILY;BYHOUR=24", "BYHOUR=24 is out of range", "bad_rule"),
        ("FREQ=MONTHLY;BYMONTH=13", "BYMONTH=13 is out of range", "bad_rule"),
        ("FREQ=MONTHLY;BYMONTHDAY=0", "BYMONTHDAY=0 is out of range", "bad_rule"),
        ("FREQ=WEEKLY;BYDAY=XX", "BYDAY=XX is not a list of weekdays", "bad_rule"),
        ("FREQ=WEEKLY;BYDAY=1MO", "numbered weekdays need FREQ=MONTHLY or YEARLY", "bad_rule"),
        ("FREQ=WEEKLY;BYMONTHDAY=1", "BYMONTHDAY can't be used with FREQ=WEEKLY", "bad_rule"),
        ("FREQ=DAILY;INTERVAL=0", "INTERVAL=0 must be a whole number", "bad_rule"),
        ("FREQ=DAILY;UNTIL=tomorrow", "UNTIL=TOMORROW is not a date", "bad_rule"),
        ("FREQ=DAILY;WKST=XX", "WKST=XX is not a weekday", "bad_rule"),
        ("RRULE:FREQ=DAILY\nEXDATE:20260101T100000Z", "only an RRULE and a DTSTART", "bad_rule"),
        ("RRULE:FREQ=DAILY\nRRULE:FREQ=WEEKLY", "one RRULE line", "bad_rule"),
        ("DTSTART;TZID=Mars/Base:20260101T100000\nFREQ=DAILY", "unknown time zone 'Mars/Base'", "unknown_zone"),
        ("DTSTART;TZID=America/Chicago:20260101T100000Z\nFREQ=DAILY", "both a TZID and a Z", "bad_rule"),
        ("DTSTART:2026-01-01\nFREQ=DAILY", "DTSTART=2026-01-01 is not a date like 20261231", "bad_rule"),
    ])
    def test_refuses_with_a_reason_people_can_read(self, rule, message, code):
        error = refusal(validate_schedule, rule, CHICAGO, NOW)
        assert message in str(error)
        assert error.code == code
        assert "\n" not in str(error)

    def test_refuses_an_unknown_member_zone(self):
        assert str(refusal(validate_schedule, DAILY_10, "Mars/Base", NOW)) == "unknown time zone 'Mars/Base'"

    def test_a_rule_that_cannot_fire_is_refused(self):
        # dateutil would search for February 30th for ever; the search stops at a horizon.
        error = refusal(validate_schedule, "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30;BYHOUR=9", SYDNEY, utc(2034, 5, 5))
        assert "\n" not in str(error)

    def test_instants_must_be_aware(self):
        with pytest.raises(ValueError, match="timezone-aware"):
            validate_schedule(DAILY_10, CHICAGO, datetime(2026, 1, 1))


# --- when a check-in happens ----------------------------------------------

class TestNextOccurrence:
    def test_is_the_first_check_in_strictly_after(self):
        first = next_occurrence(DAILY_10, CHICAGO, utc(2026, 1, 15, 12))
        assert first == utc(2026, 1, 15, 16)  # 10:00 CST
        assert next_occurrence(DAILY_10, CHICAGO, first) == utc(2026, 1, 16, 16)
        assert next_occurrence(DAILY_10, CHICAGO, first - timedelta(seconds=1)) == first

    def test_takes_any_aware_instant_and_answers_in_utc(self):
        after = datetime(2026, 1, 15, 6, tzinfo=ZoneInfo(CHICAGO))
        answer = next_occurrence(DAILY_10, CHICAGO, after)
        assert answer == utc(2026, 1, 15, 16) and answer.tzinfo is UTC

    def test_refuses_a_naive_instant(self):
        with pytest.raises(ValueError, match="timezone-aware"):
            next_occurrence(DAILY_10, CHICAGO, datetime(2026, 1, 1))

    @pytest.mark.parametrize("tz_name, after, expected", [
        # spring forward: 10:00 local stays 10:00, UTC moves an hour earlier
        (CHICAGO, utc(2026, 3, 6, 17), [utc(2026, 3, 7, 16), utc(2026, 3, 8, 15), utc(2026, 3, 9, 15)]),
        (LONDON, utc(2026, 3, 27, 11), [utc(2026, 3, 28, 10), utc(2026, 3, 29, 9), utc(2026, 3, 30, 9)]),
        (SYDNEY, utc(2026, 10, 2, 1), [utc(2026, 10, 3, 0), utc(2026, 10, 3, 23), utc(2026, 10, 4, 23)]),
        # fall back: 10:00 local stays 10:00, UTC moves an hour later
        (CHICAGO, utc(2026, 10, 30, 16), [utc(2026, 10, 31, 15), utc(2026, 11, 1, 16), utc(2026, 11, 2, 16)]),
        (LONDON, utc(2026, 10, 23, 10), [utc(2026, 10, 24, 9), utc(2026, 10, 25, 10), utc(2026, 10, 26, 10)]),
        (SYDNEY, utc(2026, 4, 3, 0), [utc(2026, 4, 3, 23), utc(2026, 4, 5, 0), utc(2026, 4, 6, 0)]),
    ])
    def test_ten_oclock_stays_ten_oclock_across_daylight_saving(self, tz_name, after, expected):
        found = occurrences(DAILY_10, tz_name, after, 3)
        assert found == expected
        assert {wall(moment, tz_name).time() for moment in found} == {time(10)}

    @pytest.mark.parametrize("tz_name, expected_utc", [
        (KOLKATA, utc(2026, 6, 1, 4, 30)), (TOKYO, utc(2026, 6, 1, 1)), (PHOENIX, utc(2026, 6, 1, 17)),
    ])
    def test_zones_without_daylight_saving_keep_one_offset_all_year(self, tz_name, expected_utc):
        for month in range(1, 13):
            moment = next_occurrence(DAILY_10, tz_name, utc(2026, month, 1) - timedelta(hours=14))
            assert moment.time() == expected_utc.time()

    def test_half_hour_zones_are_read_on_their_own_clock(self):
        assert next_occurrence("FREQ=DAILY;BYHOUR=9;BYMINUTE=30", KOLKATA, utc(2026, 3, 8)) == utc(2026, 3, 8, 4)

    @pytest.mark.parametrize("tz_name, gap_day, at, expected, local_expected", [
        (CHICAGO, date(2026, 3, 8), time(2, 30), utc(2026, 3, 8, 8, 30), time(3, 30)),
        (LONDON, date(2026, 3, 29), time(1, 30), utc(2026, 3, 29, 1, 30), time(2, 30)),
        (SYDNEY, date(2026, 10, 4), time(2, 30), utc(2026, 10, 3, 16, 30), time(3, 30)),
    ])
    def test_a_time_skipped_by_spring_forward_is_sent_just_after_the_gap(
            self, tz_name, gap_day, at, expected, local_expected):
        rule = with_time_of_day("FREQ=DAILY", at)
        day_before = datetime.combine(gap_day - timedelta(days=1), time(12), tzinfo=ZoneInfo(tz_name))
        moment = next_occurrence(rule, tz_name, day_before)
        assert moment == expected
        assert wall(moment, tz_name) == datetime.combine(gap_day, local_expected)
        assert wall(next_occurrence(rule, tz_name, moment), tz_name).time() == at  # next day as usual

    @pytest.mark.parametrize("tz_name, rule, day_before, first, next_day", [
        (CHICAGO, "FREQ=DAILY;BYHOUR=1;BYMINUTE=30",
         utc(2026, 10, 31, 12), utc(2026, 11, 1, 6, 30), utc(2026, 11, 2, 7, 30)),  # 01:30 CDT, then CST
        (LONDON, "FREQ=DAILY;BYHOUR=1;BYMINUTE=30",
         utc(2026, 10, 24, 12), utc(2026, 10, 25, 0, 30), utc(2026, 10, 26, 1, 30)),  # 01:30 BST, then GMT
        (SYDNEY, "FREQ=DAILY;BYHOUR=2;BYMINUTE=30",
         utc(2026, 4, 4, 1), utc(2026, 4, 4, 15, 30), utc(2026, 4, 5, 16, 30)),  # 02:30 AEDT, then AEST
    ])
    def test_a_time_that_happens_twice_fires_once_at_the_first(self, tz_name, rule, day_before, first, next_day):
        assert next_occurrence(rule, tz_name, day_before) == first
        assert next_occurrence(rule, tz_name, first) == next_day
        # Even from between the two readings of that wall time there is no second check-in.
        assert next_occurrence(rule, tz_name, first + timedelta(minutes=45)) == next_day

    def test_weekly_days_in_the_members_zone(self):
        rule = "FREQ=WEEKLY;BYDAY=MO,TH;BYHOUR=10;BYMINUTE=0"
        found = occurrences(rule, SYDNEY, utc(2026, 11, 22), 4)  # Sun 22 Nov 11:00 in Sydney
        assert [wall(m, SYDNEY) for m in found] == [
            datetime(2026, 11, 23, 10), datetime(2026, 11, 26, 10),
            datetime(2026, 11, 30, 10), datetime(2026, 12, 3, 10),
        ]

    def test_every_other_week_is_anchored_to_monday_1_january_2024(self):
        rule = "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO;BYHOUR=10"
        found = occurrences(rule, CHICAGO, utc(2026, 1, 1), 3)
        assert [wall(m, CHICAGO).date() for m in found] == [date(2026, 1, 12), date(2026, 1, 26), date(2026, 2, 9)]
        far = next_occurrence(rule, CHICAGO, utc(2034, 6, 1))
        assert (wall(far, CHICAGO).date() - date(2024, 1, 1)).days % 14 == 0

    def test_every_other_week_does_not_depend_on_when_we_ask(self):
        rule = "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,FR;BYHOUR=9"
        from_january = occurrences(rule, LONDON, utc(2026, 1, 1), 30)
        for start in (utc(2026, 2, 3, 12), utc(2026, 2, 10, 12), utc(2026, 3, 1)):
            assert next_occurrence(rule, LONDON, start) == min(m for m in from_january if m > start)

    def test_weekly_without_byday_means_the_anchor_weekday(self):
        moment = next_occurrence("FREQ=WEEKLY;BYHOUR=10", TOKYO, utc(2026, 11, 25))
        assert wall(moment, TOKYO) == datetime(2026, 11, 30, 10)  # a Monday

    def test_monthly_by_nth_weekday(self):
        moment = next_occurrence("FREQ=MONTHLY;BYDAY=-1FR;BYHOUR=17", PHOENIX, utc(2026, 2, 1))
        assert wall(moment, PHOENIX) == datetime(2026, 2, 27, 17)

    def test_a_dtstart_line_sets_the_cadence_and_default_time(self):
        rule = "DTSTART;TZID=America/Chicago:20260105T103045\nRRULE:FREQ=WEEKLY;INTERVAL=2"
        found = occurrences(rule, CHICAGO, utc(2026, 1, 1), 3)
        assert [wall(m, CHICAGO) for m in found] == [
            datetime(2026, 1, 5, 10, 30), datetime(2026, 1, 19, 10, 30), datetime(2026, 2, 2, 10, 30),
        ]  # seconds dropped

    def test_a_dtstart_in_the_future_is_the_first_check_in(self):
        rule = "DTSTART:20260301T150000Z\nFREQ=DAILY"
        assert next_occurrence(rule, LONDON, NOW) == utc(2026, 3, 1, 15)

    def test_a_dtstart_in_another_zone_is_moved_to_the_members_zone(self):
        rule = "DTSTART;TZID=America/New_York:20260105T100000\nFREQ=DAILY"
        moment = next_occurrence(rule, CHICAGO, utc(2026, 6, 1))
        assert wall(moment, CHICAGO).time() == time(9)  # 10:00 in New York in January is 09:00 in Chicago

    @pytest.mark.parametrize("until, last", [
        ("20260310T150000Z", utc(2026, 3, 10, 15)),  # UTC, inclusive
        ("20260310T100000", utc(2026, 3, 10, 15)),   # no Z: the member's local time
        ("20260310", utc(2026, 3, 10, 15)),          # a date: through that local day
        ("20260310T145959Z", utc(2026, 3, 9, 15)),
    ])
    def test_until_ends_the_schedule(self, until, last):
        rule = f"{DAILY_10};UNTIL={until}"
        assert next_occurrence(rule, CHICAGO, last - timedelta(hours=1)) == last
        assert next_occurrence(rule, CHICAGO, last) is None

    @pytest.mark.parametrize("rule, most_days", [
        (DAILY_10, 2),
        ("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH;BYHOUR=10", 28),
        ("FREQ=MONTHLY;BYDAY=1MO;BYHOUR=10", 62),
    ])
    def test_stays_cheap_years_after_the_anchor(self, rule, most_days):
        # The cost is the walk from where the search starts to the answer: it must start
        # within a couple of periods of the moment asked about, never back at the anchor.
        zoned = zoned_rule(rule, SYDNEY)
        asked = utc(2035, 5, 5)
        local = asked.astimezone(ZoneInfo(SYDNEY)).replace(tzinfo=None)
        start = zoned._search_start(local)
        assert timedelta(0) <= local - start <= timedelta(days=most_days)
        assert next_occurrence(rule, SYDNEY, asked) == zoned.after(asked)


# --- quiet hours -------------------------------------------------------------

class TestQuietHours:
    def test_default_is_nine_at_night_to_eight_in_the_morning(self):
        assert DEFAULT_QUIET_HOURS == QuietHours(time(21), time(8))
        assert str(DEFAULT_QUIET_HOURS) == "21:00-08:00"

    @pytest.mark.parametrize("text, expected", [
        ("21:00-08:00", QuietHours(time(21), time(8))),
        ("22:30 - 7:15", QuietHours(time(22, 30), time(7, 15))),
        ("13:00\u201314:00", QuietHours(time(13), time(14))),
        ("00:00-00:00", QuietHours(time(0), time(0))),
    ])
    def test_parse(self, text, expected):
        assert QuietHours.parse(text) == expected
        assert QuietHours.parse(str(expected)) == expected

    @pytest.mark.parametrize("text", ["", "21:00", "9pm-8am", "21-08", "25:00-08:00", "21:00-08:60", None])
    def test_parse_refuses(self, text):
        error = refusal(QuietHours.parse, text)
        assert "quiet hours look like 21:00-08:00" in str(error)

    def test_refuses_aware_times(self):
        with pytest.raises(ValueError):
            QuietHours(time(21, tzinfo=UTC), time(8))

    @pytest.mark.parametrize("local, inside", [
        (time(20, 59), False), (time(21), True), (time(23, 59), True), (time(0), True),
        (time(7, 59), True), (time(8), False), (time(12), False),
    ])
    def test_a_window_that_wraps_midnight(self, local, inside):
        assert DEFAULT_QUIET_HOURS.contains(local) is inside

    @pytest.mark.parametrize("local, inside", [
        (time(12, 59), False), (time(13), True), (time(13, 59), True), (time(14), False), (time(0), False),
    ])
    def test_a_window_inside_one_day(self, local, inside):
        assert QuietHours(time(13), time(14)).contains(local) is inside

    def test_start_equal_to_end_means_no_quiet_hours(self):
        assert not any(NO_QUIET.contains(time(h, m)) for h in range(24) for m in (0, 30))
        assert quiet_hours_end(utc(2026, 1, 1, 3), CHICAGO, QuietHours(time(8), time(8))) == utc(2026, 1, 1, 3)

    @pytest.mark.parametrize("moment, tz_name, inside", [
        (utc(2026, 1, 15, 3), CHICAGO, True),     # 21:00 CST
        (utc(2026, 1, 15, 2, 59), CHICAGO, False),  # 20:59 CST
        (utc(2026, 7, 15, 2), CHICAGO, True),     # 21:00 CDT
        (utc(2026, 1, 15, 2, 30), KOLKATA, False),  # 08:00 IST
        (utc(2026, 1, 15, 2, 29), KOLKATA, True),
        (utc(2026, 1, 15, 12), TOKYO, True),      # 21:00 JST
        (utc(2026, 1, 15, 12), SYDNEY, True),     # 23:00 AEDT
        (utc(2026, 1, 15, 21), SYDNEY, False),    # 08:00 AEDT
    ])
    def test_in_quiet_hours_reads_the_members_clock(self, moment, tz_name, inside):
        assert in_quiet_hours(moment, tz_name, DEFAULT_QUIET_HOURS) is inside

    def test_outside_quiet_hours_the_end_is_the_moment_itself(self):
        assert quiet_hours_end(utc(2026, 1, 15, 18), CHICAGO, DEFAULT_QUIET_HOURS) == utc(2026, 1, 15, 18)

    @pytest.mark.parametrize("moment, tz_name, expected", [
        (utc(2026, 1, 16, 4), CHICAGO, utc(2026, 1, 16, 14)),     # 22:00 -> 08:00 next morning
        (utc(2026, 1, 16, 9), CHICAGO, utc(2026, 1, 16, 14)),     # 03:00 -> 08:00 the same morning
        (utc(2026, 3, 8, 4), CHICAGO, utc(2026, 3, 8, 13)),       # 22:00 CST, wakes 08:00 CDT
        (utc(2026, 11, 1, 3), CHICAGO, utc(2026, 11, 1, 14)),     # 22:00 CDT, wakes 08:00 CST
        (utc(2026, 3, 28, 22), LONDON, utc(2026, 3, 29, 7)),      # 22:00 GMT, wakes 08:00 BST
        (utc(2026, 10, 3, 12), SYDNEY, utc(2026, 10, 3, 21)),     # 22:00 AEST, wakes 08:00 AEDT
        (utc(2026, 4, 4, 11), SYDNEY, utc(2026, 4, 4, 22)),       # 22:00 AEDT, wakes 08:00 AEST
        (utc(2026, 1, 15, 16), KOLKATA, utc(2026, 1, 16, 2, 30)),  # 21:30 IST
    ])
    def test_inside_the_end_is_the_local_end_time_even_across_a_clock_change(self, moment, tz_name, expected):
        assert quiet_hours_end(moment, tz_name, DEFAULT_QUIET_HOURS) == expected
        assert wall(expected, tz_name).time() == time(8)

    def test_a_window_inside_one_day_ends_the_same_day(self):
        lunch = QuietHours(time(13), time(14))
        assert quiet_hours_end(utc(2026, 1, 15, 19, 30), CHICAGO, lunch) == utc(2026, 1, 15, 20)

    def test_an_end_the_clocks_skip_opens_when_they_jump(self):
        small_hours = QuietHours(time(0), time(2, 30))  # 02:00 CST jumps to 03:00 CDT on 8 Mar
        assert quiet_hours_end(utc(2026, 3, 8, 7), CHICAGO, small_hours) == utc(2026, 3, 8, 8)
        assert quiet_hours_end(utc(2026, 3, 28, 23), LONDON, QuietHours(time(22), time(1, 30))) == utc(2026, 3, 29, 1)

    def test_an_open_stretch_the_clocks_skip_entirely_opens_the_next_day(self):
        one_open_minute = QuietHours(time(1, 1), time(1, 0))  # Dublin skips 01:00-02:00 on 29 Mar
        assert quiet_hours_end(utc(2026, 3, 29, 0, 59), "Europe/Dublin", one_open_minute) == utc(2026, 3, 30, 0)

    def test_an_end_that_happens_twice_opens_at_the_reading_still_ahead(self):
        small_hours = QuietHours(time(0), time(1, 30))  # 01:00-02:00 happens twice on 1 Nov
        assert quiet_hours_end(utc(2026, 11, 1, 5, 50), CHICAGO, small_hours) == utc(2026, 11, 1, 6, 30)  # CDT
        # In the repeated hour the member's clock reads 01:10 again: quiet until 01:30 CST.
        assert quiet_hours_end(utc(2026, 11, 1, 7, 10), CHICAGO, small_hours) == utc(2026, 11, 1, 7, 30)


# --- slots ----------------------------------------------------------------------

class TestSlots:
    def test_a_check_in_outside_quiet_hours_is_sent_when_scheduled(self):
        slot = next_slot(DAILY_10, CHICAGO, DEFAULT_QUIET_HOURS, NOW)
        assert slot == Slot(scheduled_for=utc(2026, 1, 15, 16), send_at=utc(2026, 1, 15, 16))

    def test_a_check_in_inside_quiet_hours_waits_for_the_morning_not_skipped(self):
        early = "FREQ=DAILY;BYHOUR=6;BYMINUTE=15"
        slot = next_slot(early, LONDON, DEFAULT_QUIET_HOURS, utc(2026, 3, 28, 12))
        assert slot.scheduled_for == utc(2026, 3, 29, 5, 15)  # 06:15 BST on the spring-forward day
        assert slot.send_at == utc(2026, 3, 29, 7)           # 08:00 BST

    def test_a_late_check_in_goes_out_next_morning_keeping_its_identity(self):
        slot = next_slot("FREQ=DAILY;BYHOUR=22", SYDNEY, DEFAULT_QUIET_HOURS, utc(2026, 1, 15))
        assert wall(slot.scheduled_for, SYDNEY) == datetime(2026, 1, 15, 22)
        assert wall(slot.send_at, SYDNEY) == datetime(2026, 1, 16, 8)

    def test_upcoming_slots_are_consecutive(self):
        slots = upcoming_slots("FREQ=WEEKLY;BYDAY=MO,TH;BYHOUR=10", KOLKATA, DEFAULT_QUIET_HOURS, NOW)
        assert [wall(s.scheduled_for, KOLKATA) for s in slots] == [
            datetime(2026, 1, 19, 10), datetime(2026, 1, 22, 10), datetime(2026, 1, 26, 10),
        ]
        assert upcoming_slots(DAILY_10, KOLKATA, DEFAULT_QUIET_HOURS, NOW, count=0) == []
        assert len(upcoming_slots(DAILY_10, KOLKATA, DEFAULT_QUIET_HOURS, NOW, count=5)) == 5

    def test_a_schedule_that_ends_has_fewer_slots_then_none(self):
        rule = f"{DAILY_10};UNTIL=20260117T235959Z"  # 10:00 in Tokyo on the 16th and 17th
        assert len(upcoming_slots(rule, TOKYO, DEFAULT_QUIET_HOURS, NOW, count=5)) == 2
        assert next_slot(rule, TOKYO, DEFAULT_QUIET_HOURS, utc(2026, 2, 1)) is None


# --- editing a rule -----------------------------------------------------------

class TestWithTimeOfDay:
    def test_sets_the_hour_and_minute_and_keeps_the_rest(self):
        rule = "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH;BYHOUR=9;BYMINUTE=15;BYSECOND=30"
        assert with_time_of_day(rule, time(18, 30)) == (
            "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH;BYHOUR=18;BYMINUTE=30;BYSECOND=0")

    def test_adds_the_time_when_the_rule_had_none(self):
        assert with_time_of_day("RRULE:FREQ=DAILY", time(7, 5, 59)) == "RRULE:FREQ=DAILY;BYHOUR=7;BYMINUTE=5;BYSECOND=0"

    def test_keeps_a_dtstart_line(self):
        rule = "DTSTART;TZID=Europe/London:20240101T090000\nRRULE:FREQ=WEEKLY;INTERVAL=2"
        moved = with_time_of_day(rule, time(18))
        assert moved == (
            "DTSTART;TZID=Europe/London:20240101T090000\n"
            "RRULE:FREQ=WEEKLY;INTERVAL=2;BYHOUR=18;BYMINUTE=0;BYSECOND=0"
        )
        assert wall(next_occurrence(moved, LONDON, NOW), LONDON).time() == time(18)

    def test_the_new_time_is_when_check_ins_happen(self):
        moved = with_time_of_day(DAILY_10, parse_time_of_day("las 9 y media"))
        assert wall(next_occurrence(moved, CHICAGO, NOW), CHICAGO).time() == time(9, 30)

    def test_twice_a_day_moves_the_first_time_and_keeps_the_second(self):
        assert with_time_of_day("FREQ=DAILY;BYHOUR=9,21;BYMINUTE=0", time(8)) == (
            "FREQ=DAILY;BYHOUR=8,21;BYMINUTE=0;BYSECOND=0")
        # The two times share their minute, so both take the new one.
        assert with_time_of_day("FREQ=DAILY;BYHOUR=9,21;BYMINUTE=0", time(7, 30)) == (
            "FREQ=DAILY;BYHOUR=7,21;BYMINUTE=30;BYSECOND=0")

    def test_twice_a_day_never_quietly_becomes_once(self):
        moved = with_time_of_day("FREQ=DAILY;BYHOUR=9,21;BYMINUTE=0", time(21))
        assert refusal(validate_schedule, moved, CHICAGO, NOW).code == "bad_rule"
        too_close = with_time_of_day("FREQ=DAILY;BYHOUR=9,21;BYMINUTE=0", time(19))
        assert refusal(validate_schedule, too_close, CHICAGO, NOW).code == "too_close"

    def test_refuses_unreadable_rules_and_aware_times(self):
        refusal(with_time_of_day, "nonsense", time(9))
        with pytest.raises(ValueError):
            with_time_of_day(DAILY_10, time(9, tzinfo=UTC))


# --- TIME: what members text ------------------------------------------------

class TestParseTimeOfDay:
    @pytest.mark.parametrize("text, expected", [
        ("9am", time(9)), ("9 am", time(9)), ("9AM", time(9)), ("9 a.m.", time(9)), ("9a", None),
        ("9:30pm", time(21, 30)), ("9:30 PM", time(21, 30)), ("9:30 p.m.", time(21, 30)),
        ("12am", time(0)), ("12pm", time(12)), ("12:15am", time(0, 15)),
        ("18:30", time(18, 30)), ("18.30", time(18, 30)), ("18h30", time(18, 30)), ("18h", time(18)),
        ("1830", time(18, 30)), ("0930", time(9, 30)), ("930", time(9, 30)), ("07:00", time(7)),
        ("0:15", time(0, 15)), ("00:00", time(0)), ("23:59", time(23, 59)),
        ("9", time(9)), ("9:30", time(9, 30)), ("12", time(12)), ("11:45", time(11, 45)),
        ("noon", time(12)), ("Noon", time(12)), ("midday", time(12)), ("midnight", time(0)),
        ("at 10am", time(10)), ("10 o'clock", time(10)), ("  8:00  ", time(8)),
        ("mediodía", time(12)), ("mediodia", time(12)), ("medianoche", time(0)),
        ("las 9", time(9)), ("a las 9", time(9)), ("las 9:30", time(9, 30)),
        ("las 9 y media", time(9, 30)), ("las 10 y cuarto", time(10, 15)),
        ("las 8 de la tarde", time(20)), ("las 9 de la noche", time(21)), ("a las 3 de la tarde", time(15)),
        ("las 6 de la mañana", time(6)), ("6 de la manana", time(6)), ("las 12 de la noche", time(0)),
        ("las 5 y media de la tarde", time(17, 30)), ("a las 18:30 horas", time(18, 30)),
    ])
    def test_accepts(self, text, expected):
        if expected is None:
            refusal(parse_time_of_day, text)
        else:
            assert parse_time_of_day(text) == expected

    @pytest.mark.parametrize("text", ["3", "las 3", "6:30", "1:15", "130"])
    def test_asks_morning_or_afternoon_for_a_bare_one_to_six(self, text):
        error = refusal(parse_time_of_day, text)
        assert error.code == "ambiguous_time"
        assert "in the morning or the afternoon?" in str(error) and "am or" in str(error)

    @pytest.mark.parametrize("text", ["", "banana", "25:00", "24:00", "13pm", "0am", "9:75", "9:5",
                                      "99999", "9:30 y media", "9pm de la noche", "tomorrow", None])
    def test_refuses_with_a_hint(self, text):
        error = refusal(parse_time_of_day, text)
        assert error.code == "bad_time"
        assert "try 9am, 9:30pm or 18:30" in str(error)

    def test_every_24_hour_time_reads_back(self):
        for minutes in range(24 * 60):
            at = time(minutes // 60, minutes % 60)
            assert parse_time_of_day(at.strftime("%H:%M")) == at

    def test_every_12_hour_time_reads_back(self):
        for minutes in range(24 * 60):
            at = time(minutes // 60, minutes % 60)
            hour = at.hour % 12 or 12
            suffix = "am" if at.hour < 12 else "pm"
            assert parse_time_of_day(f"{hour}:{at.minute:02d}{suffix}") == at
            assert parse_time_of_day(f"{hour}:{at.minute:02d} {suffix.upper()}") == at


# --- PAUSE / AWAY --------------------------------------------------------------

MONDAY_AFTERNOON = utc(2026, 11, 23, 21)  # Mon 23 Nov 2026, 15:00 in Chicago


def resumes(text: str, now: datetime = MONDAY_AFTERNOON, tz_name: str = CHICAGO) -> datetime:
    return wall(parse_pause(text, now, tz_name), tz_name)


class TestParsePause:
    @pytest.mark.parametrize("text, resume_day", [
        ("", date(2026, 11, 30)),                 # bare PAUSE: a week
        ("3 days", date(2026, 11, 26)),           # today is the first paused day: back Thursday
        ("1 day", date(2026, 11, 24)), ("1d", date(2026, 11, 24)),
        ("for 3 days", date(2026, 11, 26)), ("3 DAYS.", date(2026, 11, 26)),
        ("2 weeks", date(2026, 12, 7)), ("2w", date(2026, 12, 7)), ("two weeks", date(2026, 12, 7)),
        ("a week", date(2026, 11, 30)), ("one week", date(2026, 11, 30)), ("week", date(2026, 11, 30)),
        ("a month", date(2026, 12, 23)), ("3 months", date(2027, 2, 21)), ("90 days", date(2027, 2, 21)),
        ("until friday", date(2026, 11, 27)), ("till fri", date(2026, 11, 27)),
        ("until next friday", date(2026, 11, 27)), ("Until Friday!", date(2026, 11, 27)),
        ("till monday", date(2026, 11, 30)),      # the next Monday, not today
        ("til sunday", date(2026, 11, 29)),
        ("until tomorrow", date(2026, 11, 24)), ("until the day after tomorrow", date(2026, 11, 25)),
        ("until dec 5", date(2026, 12, 5)), ("until 5 dec", date(2026, 12, 5)),
        ("until december 5th", date(2026, 12, 5)), ("until the 5th of december", date(2026, 12, 5)),
        ("until Dec. 5, 2026", date(2026, 12, 5)), ("until 2026-12-05", date(2026, 12, 5)),
        ("until 12/25", date(2026, 12, 25)), ("until 25/12", date(2026, 12, 25)), ("until 12/12", date(2026, 12, 12)),
        ("until the 5th", date(2026, 12, 5)), ("until jan 5", date(2027, 1, 5)),
        ("3 días", date(2026, 11, 26)), ("tres dias", date(2026, 11, 26)), ("por 3 días", date(2026, 11, 26)),
        ("una semana", date(2026, 11, 30)), ("durante dos semanas", date(2026, 12, 7)), ("un mes", date(2026, 12, 23)),
        ("hasta el viernes", date(2026, 11, 27)), ("hasta el próximo lunes", date(2026, 11, 30)),
        ("hasta mañana", date(2026, 11, 24)), ("hasta pasado mañana", date(2026, 11, 25)),
        ("hasta el 5 de diciembre", date(2026, 12, 5)), ("hasta el 5", date(2026, 12, 5)),
        ("hasta el 6 de enero de 2027", date(2027, 1, 6)), ("hasta el sábado", date(2026, 11, 28)),
    ])
    def test_resumes_at_the_start_of_a_local_day(self, text, resume_day):
        assert resumes(text) == datetime.combine(resume_day, time(0))

    def test_answers_an_aware_utc_instant(self):
        resume = parse_pause("3 days", MONDAY_AFTERNOON, CHICAGO)
        assert resume == utc(2026, 11, 26, 6) and resume.tzinfo is UTC

    def test_today_is_the_members_today(self):
        # 21:00 UTC Monday is already 02:30 Tuesday in Kolkata.
        assert resumes("until tomorrow", MONDAY_AFTERNOON, KOLKATA) == datetime(2026, 11, 25)
        assert resumes("until tomorrow", MONDAY_AFTERNOON, TOKYO) == datetime(2026, 11, 25)
        assert resumes("until tomorrow", MONDAY_AFTERNOON, PHOENIX) == datetime(2026, 11, 24)

    def test_resume_midnight_is_local_across_a_clock_change(self):
        wednesday = utc(2026, 10, 28, 17)
        assert parse_pause("1 week", wednesday, CHICAGO) == utc(2026, 11, 4, 6)  # 00:00 CST, not CDT
        assert parse_pause("1 week", utc(2026, 3, 26, 12), LONDON) == utc(2026, 4, 1, 23)  # 00:00 BST

    def test_a_date_without_a_year_is_the_next_one(self):
        before_new_year = utc(2026, 12, 20, 18)
        assert resumes("until jan 5", before_new_year) == datetime(2027, 1, 5)
        assert resumes("hasta el 5 de enero", before_new_year) == datetime(2027, 1, 5)

    @pytest.mark.parametrize("text, message, code", [
        ("91 days", "a pause can last at most 90 days", "pause_too_long"),
        ("13 weeks", "at most 90 days (Feb 22, 2027 is 91 days away)", "pause_too_long"),
        ("4 months", "at most 90 days", "pause_too_long"),
        ("until mar 1", "at most 90 days", "pause_too_long"),
        ("until nov 23", "at most 90 days", "pause_too_long"),  # today's date next year
        ("until 12/5", "'12/5' could be Dec 5 or May 12; write the month as a word", "ambiguous_date"),
        ("hasta el 3/4", "could be Mar 4 or Apr 3", "ambiguous_date"),
        ("until today", "that's today", "pause_in_past"),
        ("until nov 23 2026", "that's today", "pause_in_past"),
        ("until nov 1 2026", "Nov 1, 2026 has already passed", "pause_in_past"),
        ("until 2025-12-05", "has already passed", "pause_in_past"),
        ("0 days", "a pause needs at least 1 day", "bad_pause"),
        ("banana", "couldn't read 'banana' as a pause", "bad_pause"),
        ("friday", "try '3 days', '2 weeks', 'until friday'", "bad_pause"),  # away friday? or until? ask
        ("-3 days", "couldn't read", "bad_pause"),
        ("many days", "couldn't read", "bad_pause"),
        ("until someday", "couldn't read", "bad_pause"),
        ("until feb 30", "couldn't read 'until feb 30' as a date", "bad_pause"),
        ("until 13/13", "couldn't read", "bad_pause"),
        ("until smarch 5", "couldn't read", "bad_pause"),
    ])
    def test_refuses(self, text, message, code):
        error = refusal(parse_pause, text, MONDAY_AFTERNOON, CHICAGO)
        assert message in str(error)
        assert error.code == code

    def test_needs_an_aware_now_and_a_real_zone(self):
        with pytest.raises(ValueError, match="timezone-aware"):
            parse_pause("3 days", datetime(2026, 11, 23), CHICAGO)
        refusal(parse_pause, "3 days", MONDAY_AFTERNOON, "Mars/Base")


# --- describing schedules and times -----------------------------------------

class TestDescribeSchedule:
    @pytest.mark.parametrize("rule, english, spanish", [
        ("FREQ=WEEKLY;BYDAY=MO,TH;BYHOUR=10;BYMINUTE=0", "Mondays and Thursdays at 10:00",
         "lunes y jueves a las 10:00"),
        ("FREQ=DAILY;BYHOUR=9;BYMINUTE=30", "every day at 09:30", "todos los días a las 09:30"),
        ("FREQ=WEEKLY;BYDAY=MO,WE,FR;BYHOUR=10", "Mondays, Wednesdays and Fridays at 10:00",
         "lunes, miércoles y viernes a las 10:00"),
        ("FREQ=WEEKLY;BYDAY=FR,MO,TU,TH,WE;BYHOUR=8", "weekdays at 08:00", "de lunes a viernes a las 08:00"),
        ("FREQ=DAILY;BYDAY=SA,SU;BYHOUR=11", "Saturdays and Sundays at 11:00", "sábados y domingos a las 11:00"),
        ("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR,SA,SU;BYHOUR=20", "every day at 20:00", "todos los días a las 20:00"),
        ("FREQ=WEEKLY;BYHOUR=9", "Mondays at 09:00", "lunes a las 09:00"),
        ("FREQ=WEEKLY;INTERVAL=2;BYDAY=TH;BYHOUR=10", "Thursdays every other week at 10:00",
         "jueves cada dos semanas a las 10:00"),
        ("FREQ=WEEKLY;INTERVAL=3;BYDAY=TH;BYHOUR=10", "Thursdays every 3 weeks at 10:00",
         "jueves cada 3 semanas a las 10:00"),
        ("FREQ=DAILY;INTERVAL=3;BYHOUR=8", "every 3 days at 08:00", "cada 3 días a las 08:00"),
        ("FREQ=MONTHLY;BYMONTHDAY=15;BYHOUR=18;BYMINUTE=30", "on the 15th of every month at 18:30",
         "el día 15 de cada mes a las 18:30"),
        ("FREQ=MONTHLY;BYMONTHDAY=-1;BYHOUR=12", "on the last day of every month at 12:00",
         "el último día de cada mes a las 12:00"),
        ("FREQ=MONTHLY;BYDAY=1MO;BYHOUR=10", "on the first Monday of every month at 10:00",
         "el primer lunes de cada mes a las 10:00"),
        ("FREQ=MONTHLY;INTERVAL=2;BYDAY=-1FR;BYHOUR=10", "on the last Friday of every 2 months at 10:00",
         "el último viernes de cada 2 meses a las 10:00"),
        ("FREQ=DAILY;BYHOUR=1;BYMINUTE=5", "every day at 01:05", "todos los días a la 01:05"),
        ("FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=25;BYHOUR=9", "on a custom schedule at 09:00",
         "con un calendario propio a las 09:00"),
        ("FREQ=DAILY;BYHOUR=9;UNTIL=20261231T235959Z", "every day at 09:00, until 31 Dec 2026",
         "todos los días a las 09:00, hasta el 31 dic 2026"),
        ("DTSTART;TZID=Europe/London:20240101T073000\nFREQ=DAILY", "every day at 07:30", "todos los días a las 07:30"),
        ("FREQ=DAILY;BYHOUR=21,9;BYMINUTE=0", "every day at 09:00 and 21:00",
         "todos los días a las 09:00 y a las 21:00"),
        ("FREQ=WEEKLY;BYDAY=MO,TH;BYHOUR=1,13;BYMINUTE=30", "Mondays and Thursdays at 01:30 and 13:30",
         "lunes y jueves a la 01:30 y a las 13:30"),
    ])
    def test_in_english_and_spanish(self, rule, english, spanish):
        assert describe_schedule(rule, "en") == english
        assert describe_schedule(rule, "es") == spanish

    def test_regional_and_unknown_languages(self):
        assert describe_schedule(DAILY_10, "es-MX") == "todos los días a las 10:00"
        assert describe_schedule(DAILY_10, "fr") == "every day at 10:00"

    def test_refuses_a_rule_it_cannot_read(self):
        refusal(describe_schedule, "FREQ=HOURLY", "en")


class TestFormatLocal:
    def test_english_and_spanish(self):
        moment = utc(2026, 11, 26, 16)
        assert format_local(moment, CHICAGO, "en") == "Thu 26 Nov, 10:00"
        assert format_local(moment, CHICAGO, "es") == "jue 26 nov, 10:00"
        assert format_local_day(moment, CHICAGO, "es") == "jue 26 nov"

    @pytest.mark.parametrize("moment, tz_name, expected", [
        (utc(2026, 11, 26, 16), KOLKATA, "Thu 26 Nov, 21:30"),
        (utc(2026, 11, 26, 16), TOKYO, "Fri 27 Nov, 01:00"),
        (utc(2026, 7, 1, 9), LONDON, "Wed 1 Jul, 10:00"),
        (utc(2026, 1, 1, 9), LONDON, "Thu 1 Jan, 09:00"),
        (utc(2026, 3, 8, 8, 30), CHICAGO, "Sun 8 Mar, 03:30"),
        (utc(2026, 10, 3, 23), SYDNEY, "Sun 4 Oct, 10:00"),
    ])
    def test_shows_the_members_wall_clock(self, moment, tz_name, expected):
        assert format_local(moment, tz_name, "en") == expected

    def test_spanish_names(self):
        saturday_in_september = utc(2026, 9, 19, 15)
        assert format_local(saturday_in_september, PHOENIX, "es") == "sab 19 sept, 08:00"
        assert format_local(saturday_in_september, PHOENIX, "es_US") == "sab 19 sept, 08:00"

    def test_refuses_naive_instants_and_unknown_zones(self):
        with pytest.raises(ValueError, match="timezone-aware"):
            format_local(datetime(2026, 1, 1), CHICAGO, "en")
        refusal(format_local, NOW, "Mars/Base", "en")


# --- properties over many zones, times and instants -------------------------

ZONES = [
    "America/Chicago", "America/New_York", "America/Denver", "America/Phoenix", "America/Los_Angeles",
    "America/Anchorage", "Pacific/Honolulu", "America/Sao_Paulo", "America/Santiago", "America/Mexico_City",
    "America/Havana", "America/St_Johns", "Europe/London", "Europe/Dublin", "Europe/Berlin", "Europe/Lisbon",
    "Europe/Moscow", "Africa/Cairo", "Africa/Casablanca", "Asia/Kolkata", "Asia/Kathmandu", "Asia/Tokyo",
    "Asia/Tehran", "Asia/Jerusalem", "Australia/Sydney", "Australia/Adelaide", "Australia/Lord_Howe",
    "Pacific/Auckland", "Pacific/Chatham", "Pacific/Apia", "UTC",
]
DAY_CODES = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]

TRANSITION_ZONES = [
    "America/Chicago", "Europe/London", "Australia/Sydney", "Australia/Lord_Howe", "America/Havana",
    "America/Santiago", "Pacific/Chatham", "Europe/Dublin", "America/St_Johns", "Africa/Casablanca",
]


@lru_cache(maxsize=None)
def transitions() -> tuple[tuple[str, datetime], ...]:
    """Every 2026 clock change in TRANSITION_ZONES, to the hour (found once, when first needed)."""
    found = []
    for name in TRANSITION_ZONES:
        member_zone, moment = ZoneInfo(name), utc(2026, 1, 1)
        offset = moment.astimezone(member_zone).utcoffset()
        while moment.year == 2026:
            moment += timedelta(hours=1)
            if moment.astimezone(member_zone).utcoffset() != offset:
                found.append((name, moment))
                offset = moment.astimezone(member_zone).utcoffset()
    return tuple(found)


zones = st.sampled_from(ZONES)
small_hours = st.builds(time, st.integers(0, 3), st.sampled_from([0, 15, 30, 45]))
times_of_day = st.one_of(st.builds(time, st.integers(0, 23), st.integers(0, 59)), small_hours)
instants = st.datetimes(min_value=datetime(2024, 1, 1), max_value=datetime(2035, 12, 31), timezones=st.just(UTC))
quiet_hours = st.one_of(
    st.builds(QuietHours, times_of_day, times_of_day),
    st.builds(QuietHours, times_of_day, small_hours),  # ends where clocks change
)
dst_nights = st.builds(
    lambda index, minutes: (transitions()[index % len(transitions())][0],
                            transitions()[index % len(transitions())][1] + timedelta(minutes=minutes)),
    st.integers(0, 10_000), st.integers(-36 * 60, 12 * 60),
)
zone_and_instant = st.one_of(st.tuples(zones, instants), dst_nights)


@st.composite
def rules(draw):
    """(rule text, time of day, weekdays it may fire on, freq, interval)."""
    at = draw(times_of_day)
    freq = draw(st.sampled_from(["DAILY", "WEEKLY"]))
    interval = draw(st.integers(1, 3))
    days = sorted(draw(st.sets(st.integers(0, 6), min_size=1, max_size=7)))
    byday = f";BYDAY={','.join(DAY_CODES[d] for d in days)}" if freq == "WEEKLY" or draw(st.booleans()) else ""
    rule = with_time_of_day(f"FREQ={freq};INTERVAL={interval}{byday}", at)
    return rule, at, (set(days) if byday else set(range(7))), freq, interval


def exists(day: date, at: time, tz_name: str) -> bool:
    """Does wall time `at` happen on `day` in the zone (not skipped by a DST gap)?"""
    naive = datetime.combine(day, at)
    aware = naive.replace(tzinfo=ZoneInfo(tz_name))
    return aware.astimezone(UTC).astimezone(ZoneInfo(tz_name)).replace(tzinfo=None) == naive


def brute_force_next(rule_parts, tz_name: str, after: datetime) -> datetime:
    """The answer the slow way: expand from the 2024-01-01 anchor with plain dateutil."""
    _, at, days, freq, interval = rule_parts
    member_zone = ZoneInfo(tz_name)
    expanded = rrule(
        DAILY if freq == "DAILY" else WEEKLY, dtstart=datetime(2024, 1, 1), interval=interval, wkst=0,
        byweekday=[weekdays[d] for d in days], byhour=at.hour, byminute=at.minute, bysecond=0,
    )
    local_after = after.astimezone(member_zone).replace(tzinfo=None)
    for wall_time in expanded.xafter(local_after - timedelta(hours=3)):
        moment = wall_time.replace(tzinfo=member_zone).astimezone(UTC)
        if moment > after:
            return moment
    raise AssertionError("no occurrence")


PROPERTY = settings(max_examples=200, deadline=None)


@PROPERTY
@given(rules(), zone_and_instant, quiet_hours)
def test_slots_increase_and_never_fall_in_quiet_hours(rule_parts, where, quiet):
    tz_name, after = where
    rule = rule_parts[0]
    slots = upcoming_slots(rule, tz_name, quiet, after, count=4)
    assert len(slots) == 4
    assert slots[0].scheduled_for > after
    for earlier, later in zip(slots, slots[1:]):
        assert later.scheduled_for > earlier.scheduled_for
        # Never backwards; equal only if a clock change pushes one check-in into the
        # next one's quiet night (e.g. Havana skips 00:00-01:00, quiet 01:00-00:15).
        assert later.send_at >= earlier.send_at
        assert later.scheduled_for - earlier.scheduled_for >= timedelta(hours=23)  # at most one a day
    # A check-in waits at most one quiet night: under a day, plus the hour a spring-forward
    # night can add when the window's end is itself skipped (Chicago, quiet 02:01-02:00). When
    # the open stretch is so short that the clocks can skip all of it (Chatham jumps 02:45 to
    # 03:45; quiet 03:02-03:01 leaves 03:01-03:02 open), it waits for the next night's opening.
    open_stretch = (datetime.combine(date.min, quiet.start) - datetime.combine(date.min, quiet.end)) % timedelta(days=1)
    longest_wait = timedelta(hours=26) if open_stretch > timedelta(hours=1) else timedelta(hours=50)
    for slot in slots:
        assert slot.send_at >= slot.scheduled_for
        assert slot.send_at - slot.scheduled_for <= longest_wait
        assert not in_quiet_hours(slot.send_at, tz_name, quiet)
        assert slot.send_at.tzinfo is UTC and slot.scheduled_for.tzinfo is UTC


@PROPERTY
@given(rules(), zone_and_instant)
def test_occurrences_keep_the_rules_wall_time_except_in_a_gap(rule_parts, where):
    tz_name, after = where
    rule, at, days, _, _ = rule_parts
    moment = next_occurrence(rule, tz_name, after)
    assert moment > after
    local = moment.astimezone(ZoneInfo(tz_name))
    if local.time() == at:
        assert local.weekday() in days
    else:
        # Only a wall time the clocks skip may move, and then to just after the gap.
        candidates = [local.date(), local.date() - timedelta(days=1)]
        gap_day = next(day for day in candidates if not exists(day, at, tz_name))
        assert gap_day.weekday() in days
        assert moment == datetime.combine(gap_day, at, tzinfo=ZoneInfo(tz_name)).astimezone(UTC)


@PROPERTY
@given(rules(), zone_and_instant)
def test_next_occurrence_matches_a_brute_force_expansion(rule_parts, where):
    tz_name, after = where
    assert next_occurrence(rule_parts[0], tz_name, after) == brute_force_next(rule_parts, tz_name, after)


def assert_cadence_holds(rule_parts, tz_name, after, days_earlier) -> None:
    """Stepping from any earlier moment lands on the same next check-in as asking directly."""
    rule = rule_parts[0]
    target = next_occurrence(rule, tz_name, after)
    moment = next_occurrence(rule, tz_name, after - timedelta(days=days_earlier))
    while moment < target:
        moment = next_occurrence(rule, tz_name, moment)
    assert moment == target


@PROPERTY
@given(rules(), zones, instants, st.integers(1, 60))
def test_the_cadence_does_not_depend_on_when_we_ask(rule_parts, tz_name, after, days_earlier):
    assert_cadence_holds(rule_parts, tz_name, after, days_earlier)


@PROPERTY
@given(zone_and_instant, quiet_hours)
# 01:59 in Chicago as the clocks go back: at 02:00 they read 01:00 again, before the window.
@example(("America/Chicago", datetime(2026, 11, 1, 6, 59, tzinfo=timezone.utc)), QuietHours(time(1, 15), time(2)))
def test_quiet_hours_end_is_the_first_moment_outside(where, quiet):
    tz_name, moment = where
    end = quiet_hours_end(moment, tz_name, quiet)
    assert end >= moment
    assert not in_quiet_hours(end, tz_name, quiet)
    assert end - moment < timedelta(hours=49)  # a day whose open stretch the clocks skip opens the next
    if end > moment:  # the first instant outside: everything before it is quiet
        for tenth in range(10):
            assert in_quiet_hours(moment + (end - moment) * tenth / 10, tz_name, quiet)
        assert in_quiet_hours(end - timedelta(seconds=1), tz_name, quiet)


@PROPERTY
@given(quiet_hours)
def test_quiet_hours_read_back_from_text(quiet):
    assert QuietHours.parse(str(quiet)) == quiet


@PROPERTY
@given(zones, instants, st.integers(1, 90))
def test_a_pause_of_n_days_resumes_at_local_midnight_n_days_on(tz_name, now, days):
    resume = parse_pause(f"{days} days", now, tz_name)
    local = resume.astimezone(ZoneInfo(tz_name))
    today = now.astimezone(ZoneInfo(tz_name)).date()
    assert resume > now
    assert local.date() == today + timedelta(days=days)
    assert local.time() <= time(1)  # 00:00, or just after a gap at midnight (America/Havana, America/Santiago)


@st.composite
def clock_changes(draw):
    """A zone, one of its 2026 clock changes, and a wall time within 90 minutes of it."""
    tz_name, change = draw(st.sampled_from(transitions()))
    before = (change - timedelta(seconds=1)).astimezone(ZoneInfo(tz_name)).replace(tzinfo=None)
    near = before + timedelta(minutes=draw(st.integers(-90, 90)))
    return tz_name, change, time(near.hour, near.minute)


@PROPERTY
@given(clock_changes(), st.integers(1, 3))
def test_check_ins_and_quiet_hours_at_every_clock_change(where, interval):
    tz_name, change, at = where
    rule_parts = (with_time_of_day(f"FREQ=DAILY;INTERVAL={interval}", at), at, set(range(7)), "DAILY", interval)
    after = change - timedelta(days=interval + 1)
    found = occurrences(rule_parts[0], tz_name, after, interval + 2)
    moment = after
    for occurrence in found:
        assert occurrence == brute_force_next(rule_parts, tz_name, moment)
        moment = occurrence
    assert len(set(found)) == len(found)  # a repeated wall time fired once
    quiet = QuietHours(time(21), at) if at != time(21) else NO_QUIET
    for start in (change - timedelta(hours=3), change - timedelta(minutes=1), change + timedelta(minutes=30)):
        end = quiet_hours_end(start, tz_name, quiet)
        assert end >= start and not in_quiet_hours(end, tz_name, quiet)
        if end > start:
            assert in_quiet_hours(end - timedelta(seconds=1), tz_name, quiet)


# --- twice a day -----------------------------------------------------------

@st.composite
def twice_a_day_rules(draw):
    """(rule text, (first, second) times of day, weekdays it may fire on, freq, interval): two
    times sharing a minute, at least 4 hours apart round the clock."""
    minute = draw(st.sampled_from([0, 15, 30, 45]) | st.integers(0, 59))
    first = draw(st.integers(0, 23))
    second = (first + draw(st.integers(4, 20))) % 24
    freq = draw(st.sampled_from(["DAILY", "WEEKLY"]))
    interval = draw(st.integers(1, 3))
    days = sorted(draw(st.sets(st.integers(0, 6), min_size=1, max_size=7)))
    byday = f";BYDAY={','.join(DAY_CODES[d] for d in days)}" if freq == "WEEKLY" or draw(st.booleans()) else ""
    hours = sorted((first, second))
    rule = f"FREQ={freq};INTERVAL={interval}{byday};BYHOUR={first},{second};BYMINUTE={minute}"
    return rule, tuple(time(h, minute) for h in hours), set(days) if byday else set(range(7)), freq, interval


def brute_force_twice(rule_parts, tz_name: str, after: datetime) -> datetime:
    """The earliest instant after `after`, looking a full two days back on the wall clock and
    taking the smallest instant, assuming nothing about the order walls map to instants."""
    _, ats, days, freq, interval = rule_parts
    member_zone = ZoneInfo(tz_name)
    expanded = rrule(
        DAILY if freq == "DAILY" else WEEKLY, dtstart=datetime(2024, 1, 1), interval=interval, wkst=0,
        byweekday=[weekdays[d] for d in days], byhour=[at.hour for at in ats], byminute=ats[0].minute, bysecond=0,
    )
    local_after = after.astimezone(member_zone).replace(tzinfo=None)
    found = []
    for wall_time in expanded.xafter(local_after - timedelta(days=2)):
        moment = wall_time.replace(tzinfo=member_zone).astimezone(UTC)
        if moment > after:
            found.append(moment)
        if found and wall_time > local_after + timedelta(days=2):
            return min(found)
    raise AssertionError("no occurrence")


@PROPERTY
@given(twice_a_day_rules(), zone_and_instant)
def test_twice_a_day_next_occurrence_matches_a_brute_force_expansion(rule_parts, where):
    tz_name, after = where
    assert next_occurrence(rule_parts[0], tz_name, after) == brute_force_twice(rule_parts, tz_name, after)


@PROPERTY
@given(twice_a_day_rules(), zone_and_instant)
def test_twice_a_day_lands_on_one_of_the_two_times_except_in_a_gap(rule_parts, where):
    tz_name, after = where
    rule, ats, days, _, _ = rule_parts
    moment = next_occurrence(rule, tz_name, after)
    local = moment.astimezone(ZoneInfo(tz_name))
    if local.time() in ats:
        assert local.weekday() in days
    else:
        skipped = [(day, at) for day in (local.date(), local.date() - timedelta(days=1)) for at in ats
                   if not exists(day, at, tz_name)
                   and datetime.combine(day, at, tzinfo=ZoneInfo(tz_name)).astimezone(UTC) == moment]
        assert skipped and skipped[0][0].weekday() in days


@PROPERTY
@given(twice_a_day_rules(), zone_and_instant, quiet_hours)
def test_twice_a_day_slots_increase_at_least_three_hours_apart(rule_parts, where, quiet):
    tz_name, after = where
    slots = upcoming_slots(rule_parts[0], tz_name, quiet, after, count=6)
    assert len(slots) == 6 and slots[0].scheduled_for > after
    for earlier, later in zip(slots, slots[1:]):
        # 4 hours apart on the wall clock; a clock change can take one hour off.
        assert later.scheduled_for - earlier.scheduled_for >= timedelta(hours=3)
        assert later.send_at >= earlier.send_at
    for slot in slots:
        assert not in_quiet_hours(slot.send_at, tz_name, quiet)
    per_day: dict[date, int] = {}
    for slot in slots:
        day = wall(slot.scheduled_for, tz_name).date()
        per_day[day] = per_day.get(day, 0) + 1
    assert max(per_day.values()) <= 2


@PROPERTY
@given(twice_a_day_rules(), zones, instants, st.integers(1, 60))
def test_twice_a_day_cadence_does_not_depend_on_when_we_ask(rule_parts, tz_name, after, days_earlier):
    assert_cadence_holds(rule_parts, tz_name, after, days_earlier)


class TestTwiceADayAcrossDaylightSaving:
    def test_chicago_fall_back_keeps_both_wall_times(self):
        rule = "FREQ=DAILY;BYHOUR=1,13;BYMINUTE=30"
        found = occurrences(rule, CHICAGO, utc(2026, 10, 31, 12), 4)
        assert [wall(m, CHICAGO) for m in found] == [
            datetime(2026, 10, 31, 13, 30), datetime(2026, 11, 1, 1, 30),
            datetime(2026, 11, 1, 13, 30), datetime(2026, 11, 2, 1, 30)]
        assert found[1] == utc(2026, 11, 1, 6, 30)  # 01:30 happens twice: the first one, CDT

    def test_chicago_spring_forward_moves_a_skipped_time_past_the_gap(self):
        rule = "FREQ=DAILY;BYHOUR=2,14;BYMINUTE=30"
        found = occurrences(rule, CHICAGO, utc(2026, 3, 7, 12), 4)
        assert [wall(m, CHICAGO) for m in found] == [
            datetime(2026, 3, 7, 14, 30), datetime(2026, 3, 8, 3, 30),
            datetime(2026, 3, 8, 14, 30), datetime(2026, 3, 9, 2, 30)]
