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
    picker.get_by_label("Time of day", exact=True).fill("18:30")
    picker.get_by_label("Every other week").check()
    page.get_by_role("button", name="Save settings").click()
    expect(page.get_by_text("Settings saved.")).to_be_visible()
    expect(page.get_by_label("Weekdays, Monday to Friday")).to_be_checked()
    expect(page.get_by_label("Time of day", exact=True)).to_have_value("18:30")
    page.get_by_text("Advanced: the schedule as a rule").click()
    expect(page.get_by_label("Default check-in schedule")).to_have_value(
        "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TU,WE,TH,FR;BYHOUR=18;BYMINUTE=30")
    with db.session() as s:
        assert s.scalar(select(Community.default_schedule)).startswith("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TU,WE,TH,FR")
    # Twice a day: a second time, shown earliest first after saving.
    picker.get_by_label("Twice a day, also at:").check()
    picker.get_by_label("Second time of day").fill("08:30")
    page.get_by_role("button", name="Save settings").click()
    expect(page.get_by_text("Settings saved.")).to_be_visible()
    expect(page.get_by_label("Time of day", exact=True)).to_have_value("08:30")
    expect(page.get_by_label("Second time of day")).to_have_value("18:30")
    with db.session() as s:
        assert s.scalar(select(Community.default_schedule)) == (
            "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TU,WE,TH,FR;BYHOUR=8,18;BYMINUTE=30")
    assert problems == []


def test_the_pairing_preview_says_who_gets_whom_in_plain_words(browser, live_server, coordinator, db):
    from service.models import Member, MemberStatus
    from tests.browser.test_dashboard import sign_in
    from tests.service.web.dashboard.conftest import add_members

    ids = add_members(db, coordinator.community_id, [
        ("Sam Rivera", "+14155550101", "en", True), ("Alex Chen", "+14155550102", "en", True),
        ("Maria Lopez", "+14155550103", "es", True), ("Jordan Blake", "+14155550104", "en", True),
        ("Priya Nair", "+14155550105", "en", True), ("Kim Walker", "+14155550106", "en", False),
    ])
    with db.session() as s:
        s.get(Member, ids["Priya"]).status = MemberStatus.PAUSED
    page, problems = new_page(browser, live_server)
    sign_in(page, coordinator)
    page.goto("/buddies")
    page.get_by_role("link", name="Preview new pairs").click()
    proposal = page.locator("section.proposal")
    expect(proposal).to_contain_text("4 members get a new buddy, 0 keep theirs, 2 are left without one.")
    expect(proposal.locator("ul.groups li")).to_have_count(2)
    expect(proposal.locator("ul.groups")).to_contain_text("new buddies")
    expect(proposal.get_by_role("heading", name="Left without a buddy")).to_be_visible()
    expect(proposal.locator("ul.without")).to_contain_text("Kim Walker: has not said YES yet")
    expect(proposal.locator("ul.without")).to_contain_text("Priya Nair: paused")
    expect(proposal).not_to_contain_text("score")
    expect(proposal).not_to_contain_text("%")
    page.get_by_role("button", name="Apply these pairs").click()
    expect(page.locator(".flash")).to_contain_text("New buddies are made: 4 members get a new buddy")
    page.get_by_role("link", name="Preview new pairs").click()
    expect(page.locator("section.proposal")).to_contain_text("keep")
    assert problems == []


def test_every_page_says_its_zone_once_and_a_member_elsewhere_shows_their_time(browser, live_server, coordinator,
                                                                                db, twilio):
    from service.models import Member
    from tests.browser.test_dashboard import sign_in
    from tests.service.web.dashboard.conftest import add_members

    ids = add_members(db, coordinator.community_id, [("Jordan Blake", "+14155550104", "en", True)])
    with db.session() as s:
        s.get(Member, ids["Jordan"]).timezone = "America/New_York"
    twilio.sms("+14155550104", "3 ok day")
    page, problems = new_page(browser, live_server)
    sign_in(page, coordinator)
    for path in ("/", "/members", "/buddies", "/settings", f"/members/{ids['Jordan']}"):
        page.goto(path)
        expect(page.locator(".zone-note")).to_have_count(1)
        expect(page.locator(".zone-note")).to_have_text("Times are Chicago time (America/Chicago).")
    line = page.locator("ol.timeline li.in .meta")
    expect(line).to_contain_text("Mon 30 Nov, 09:00")
    expect(line.locator(".their-time")).to_have_text("(Mon 30 Nov, 10:00 Jordan's time, New York time)")
    assert problems == []
