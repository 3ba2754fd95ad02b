"""The coordinator's pages read in plain words, in a real browser: the sign-in page's command,
the schedule picker, the pairing preview and the zone each time is in.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.test_dashboard import new_page

pytestmark = pytest.mark.browser


def test_the_sign_in_page_never_breaks_a_word_of_its_command(browser, live_server, coordinator):
    for width in (320, 390, 1280):
        page, problems = new_page(browser, live_server, phone=width < 500)
        page.set_viewport_size({"width": width, "height": 800})
        page.goto("/login")
        broken = page.locator("code").evaluate("""code => {
          const text = code.firstChild, words = [], range = document.createRange();
          for (const match of text.data.matchAll(/\\S+/g)) {
            range.setStart(text, match.index); range.setEnd(text, match.index + match[0].length);
            if (range.getClientRects().length > 1) words.push(match[0]);
          }
          return words;
        }""")
        assert broken == [], (width, broken)
        assert problems == []
        page.context.close()


def test_a_coordinator_sets_check_ins_with_the_picker_not_a_rule(browser, live_server, coordinator, db):
    from sqlalchemy import select

    from service.models import Community
    from tests.browser.test_dashboard import sign_in

    page, problems = new_page(browser, live_server)
    sign_in(page, coordinator)
    page.goto("/settings")
    picker = page.get_by_role("group", name="When check-ins go out")
    expect(picker.get_by_label("On these days:")).to_be_checked()  # the seeded Mondays and Thursdays
    expect(page.get_by_label("Default check-in schedule")).to_be_hidden()  # behind "advanced"
    picker.get_by_label("Weekdays, Monday to Friday").check()
    picker.get_by_label("Time of day").fill("18:30")
    picker.get_by_label("Every other week").check()
    page.get_by_role("button", name="Save settings").click()
    expect(page.get_by_text("Settings saved.")).to_be_visible()
    expect(page.get_by_label("Weekdays, Monday to Friday")).to_be_checked()
    expect(page.get_by_label("Time of day")).to_have_value("18:30")
    page.get_by_text("Advanced: the schedule as a rule").click()
    expect(page.get_by_label("Default check-in schedule")).to_have_value(
        "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TU,WE,TH,FR;BYHOUR=18;BYMINUTE=30")
    with db.session() as s:
        assert s.scalar(select(Community.default_schedule)).startswith("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TU,WE,TH,FR")
    assert problems == []
