"""When a buddy who said ON IT is followed up, and when silence after that hands the alert on."""

from __future__ import annotations

import pytest

from service.care.escalation import evening_after, morning_after
from service.models import Member
from tests.conftest import at


def buddy(zone: str = "America/Chicago", quiet: str = "21:00-08:00") -> Member:
    return Member(name="Alex Chen", phone="+14155550102", timezone=zone, quiet_hours=quiet)


@pytest.mark.parametrize("on_it, follow_up", [
    ("2026-11-30T16:05:00Z", "2026-12-01T15:00:00Z"),  # 10:05 Monday in Chicago: 09:00 Tuesday
    ("2026-12-01T05:00:00Z", "2026-12-01T15:00:00Z"),  # 23:00 Monday: 09:00 Tuesday, ten hours on
    ("2026-12-01T07:00:00Z", "2026-12-01T15:00:00Z"),  # 01:00 Tuesday: the same morning, eight hours on
    ("2026-12-01T08:00:00Z", "2026-12-02T15:00:00Z"),  # 02:00 Tuesday: seven hours is too soon
])
def test_the_follow_up_is_the_next_morning_on_the_buddys_clock(on_it, follow_up):
    assert morning_after(at(on_it), buddy()) == at(follow_up)


def test_a_buddy_who_sleeps_late_is_followed_up_when_their_quiet_hours_end():
    assert morning_after(at("2026-11-30T16:05:00Z"), buddy(quiet="22:00-10:30")) == at("2026-12-01T16:30:00Z")


def test_the_follow_up_follows_the_buddys_zone_across_a_clock_change():
    # London leaves summer time on 25 Oct 2026: 09:00 is 08:00 UTC before, 09:00 UTC after.
    assert morning_after(at("2026-10-24T12:00:00Z"), buddy("Europe/London")) == at("2026-10-25T09:00:00Z")


def test_the_hand_off_is_that_evening_or_three_hours_on():
    assert evening_after(at("2026-12-01T15:00:00Z"), buddy()) == at("2026-12-02T00:00:00Z")  # 18:00 Chicago
    assert evening_after(at("2026-12-01T23:30:00Z"), buddy()) == at("2026-12-02T02:30:00Z")  # 17:30: 3 h on
