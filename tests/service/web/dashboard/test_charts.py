"""The member's score chart: the card's width, a date under each week, missed apart from a 1."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from service.web.dashboard.charts import score_chart

MONDAY = datetime(2026, 11, 2, 16, 0, tzinfo=UTC)


def label(moment: datetime) -> str:
    return moment.strftime("%a %-d %b")


def test_each_week_has_its_date_and_missed_check_ins_sit_in_their_own_lane():
    points = [(MONDAY + timedelta(days=3.5 * i), score) for i, score in enumerate([4, 1, None, 3, None, 1, 5])]
    svg = str(score_chart(points, label))
    assert 'viewBox="0 0 960 250"' in svg and "max-width" not in svg
    weeks = re.findall(r'text-anchor="middle">([^<]+)</text>', svg)
    assert weeks == ["Mon 2 Nov", "Mon 9 Nov", "Mon 16 Nov", "Mon 23 Nov"]
    ones = [float(y) for y in re.findall(r'class="point low" cx="[\d.]+" cy="([\d.]+)"', svg)]
    missed = [float(y) for y in re.findall(r'class="missed" cx="[\d.]+" cy="([\d.]+)"', svg)]
    assert len(missed) == 2 and min(missed) - max(ones) >= 15  # well below the line of a 1
    assert ">missed</text>" in svg and 'class="lane"' in svg


def test_a_long_history_labels_every_few_weeks_at_most_twelve_times():
    points = [(MONDAY + timedelta(weeks=i), 3) for i in range(40)]
    weeks = re.findall(r'text-anchor="middle">([^<]+)</text>', str(score_chart(points, label)))
    assert 6 <= len(weeks) <= 12 and weeks[0] == "Mon 2 Nov"
