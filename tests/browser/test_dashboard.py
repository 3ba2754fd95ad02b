"""A coordinator's ten minutes, in a real browser: sign in, see the alert a text opened,
say "I'm on it", resolve it, import a CSV with a bad row, and look at every main page.

Screenshots of each page (desktop and phone) go to test-artifacts/ for a person to look at.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.service.web.dashboard.conftest import ALEX, JORDAN, SAM, add_members

pytestmark = pytest.mark.browser

BAD_CSV = ("name,phone,timezone,language,schedule\n"
           "Robin Hart,+14155550142,,es,\n"
           "Typo Person,555-12,,,\n"
           "Lee Park,+14155550143,America/Denver,,\n")


@pytest.fixture
def community(db, coordinator, twilio):
    ids = add_members(db, coordinator.community_id, [
        ("Sam Rivera", SAM, "en", True), ("Alex Chen", ALEX, "en", True), ("Maria Lopez", "+14155550103", "es", True),
        ("Jordan Blake", JORDAN, "en", True), ("Kim Walker", "+14155550106", "en", False),
    ])
    # Two replies, signed as Twilio signs them, open a crisis alert and a support alert.
    assert twilio.sms(ALEX, "2, rough week").status_code == 200
    assert twilio.sms(SAM, "I want to end it all").status_code == 200
    twilio.sms("+14155550103", "4 good day")
    return ids


def new_page(browser, live_server, *, phone: bool = False):
    context = browser.new_context(
        base_url=live_server,
        viewport={"width": 390, "height": 844} if phone else {"width": 1280, "height": 900},
        device_scale_factor=1, is_mobile=phone, has_touch=phone,
    )
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda message: problems.append(message.text) if message.type in ("error", "warning") else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    return page, problems


def sign_in(page, coordinator):
    page.goto("/")
    expect(page).to_have_url(re.compile(r"/login"))
    page.get_by_label("Email").fill(coordinator.email)
    page.get_by_label("Password").fill(coordinator.password)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name=re.compile("^Now"))).to_be_visible()


def test_a_coordinator_handles_an_alert_and_imports_members(browser, live_server, coordinator, community, twilio,
                                                            artifacts):
    page, problems = new_page(browser, live_server)
    sign_in(page, coordinator)

    # The crisis comes first, though it came last.
    cards = page.locator("ol.alerts > li")
    expect(cards).to_have_count(2)
    expect(cards.nth(0)).to_contain_text("Sam Rivera")
    expect(cards.nth(0)).to_contain_text("Crisis")
    expect(cards.nth(0)).to_contain_text("talk of ending their life")
    expect(cards.nth(1)).to_contain_text("Alex Chen")
    page.screenshot(path=artifacts / "now.png", full_page=True)

    # I'm on it.
    cards.nth(0).get_by_role("button", name="I'm on it").click()
    expect(page.get_by_text("Noted: you are on it for Sam Rivera")).to_be_visible()
    sam = page.locator("ol.alerts > li").nth(0)
    expect(sam).to_contain_text(f"On it: {coordinator.email}")
    expect(sam.get_by_role("button", name="I'm on it")).to_have_count(0)

    # Resolve, with a note. The page polls while the note is typed: the note survives it.
    sam.get_by_text("Resolve…").click()
    note = "Called Sam. Talked for half an hour; safe, seeing their doctor tomorrow."
    with page.expect_response(lambda response: "/_now" in response.url, timeout=25_000):
        sam.get_by_label("What was done?").fill(note)
    page.wait_for_timeout(300)  # let htmx swap it in
    sam = page.locator("ol.alerts > li").nth(0)
    expect(sam.get_by_label("What was done?")).to_have_value(note)
    expect(sam.get_by_label("What was done?")).to_be_visible()
    page.screenshot(path=artifacts / "now-resolving.png", full_page=True)
    sam.get_by_role("button", name="Resolve alert").click()
    expect(page.get_by_text("Resolved the alert for Sam Rivera")).to_be_visible()
    expect(page.locator("ol.alerts > li")).to_have_count(1)

    # A new reply shows up by itself: the page polls its partial, no reload.
    twilio.sms(JORDAN, "1. can't get out of bed")
    expect(page.locator("ol.alerts > li")).to_have_count(2, timeout=25_000)
    expect(page.locator("ol.alerts")).to_contain_text("Jordan Blake")
    expect(page.locator("#nav-alert-count")).to_have_text("2")  # the menu's count follows
    expect(page.get_by_text("Resolved the alert for Sam Rivera")).to_be_visible()  # the page itself was not reloaded

    # Members, and an import with a bad row: previewed, reported, nothing written.
    page.get_by_role("link", name="Members").click()
    expect(page.get_by_role("heading", name=re.compile("^Members"))).to_be_visible()
    page.screenshot(path=artifacts / "members.png", full_page=True)
    # htmx is a deferred script: typing before the page has loaded would go unheard.
    page.wait_for_load_state()
    page.get_by_label("Search by name or phone").fill("ale")
    expect(page.locator("#members-table tbody tr")).to_have_count(1, timeout=5_000)  # htmx, as you type
    page.get_by_role("link", name="Import a CSV").click()
    page.get_by_label("CSV file").set_input_files(files=[{"name": "members.csv", "mimeType": "text/csv",
                                                          "buffer": BAD_CSV.encode()}])
    page.get_by_role("button", name="Check the file").click()
    expect(page.get_by_text("1 row with a problem. Nothing has been imported.")).to_be_visible()
    expect(page.locator("tr.bad")).to_contain_text("'555-12' is not a valid phone number")
    expect(page.get_by_role("button", name=re.compile("^Import"))).to_have_count(0)
    page.screenshot(path=artifacts / "import-preview.png", full_page=True)

    # A member's page.
    page.get_by_role("link", name="Members").click()
    page.get_by_role("link", name="Alex Chen").click()
    expect(page.get_by_role("heading", name=re.compile("Alex Chen"))).to_be_visible()
    expect(page.locator("ol.timeline").get_by_text("2, rough week")).to_be_visible()
    expect(page.locator(".alert-card")).to_contain_text("Why: a score of 2")
    page.wait_for_load_state()
    page.get_by_label("Message to Alex").fill("Thinking of you. Call me any time: Dana")
    expect(page.locator("#counter")).to_contain_text("They will read: Harbour Lights: Thinking of you", timeout=5_000)
    page.screenshot(path=artifacts / "member.png", full_page=True)

    # Broadcast: the counter counts as you type, through htmx, with no inline script.
    page.get_by_role("link", name="Broadcast").click()
    page.wait_for_url(re.compile(r"/broadcast"))  # and its load event: htmx listens from then on
    page.get_by_label("Message").fill("Picnic on Sunday at noon in the park. Bring a friend! 🙂")
    expect(page.locator("#counter")).to_contain_text("Unicode", timeout=5_000)
    expect(page.locator("#counter")).to_contain_text("Goes to 4 members")
    page.screenshot(path=artifacts / "broadcast.png", full_page=True)
    page.get_by_role("button", name="Send broadcast").click()
    expect(page.get_by_text("of 4 sent")).to_be_visible()
    page.screenshot(path=artifacts / "broadcast-progress.png", full_page=True)

    for name, heading, shot in [("Buddies", "Buddies", "buddies.png"), ("Settings", "Settings", "settings.png"),
                                ("Audit log", "Audit log", "audit.png")]:
        page.get_by_role("link", name=name, exact=True).click()
        expect(page.get_by_role("heading", name=re.compile(f"^{heading}"))).to_be_visible()
        page.screenshot(path=artifacts / shot, full_page=True)
    page.get_by_role("link", name="Buddies", exact=True).click()
    page.get_by_role("link", name="Preview new pairs").click()
    expect(page.get_by_text("Proposed new pairs")).to_be_visible()
    page.screenshot(path=artifacts / "buddies-preview.png", full_page=True)

    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_text("You are signed out.")).to_be_visible()
    assert not [p for p in problems if "Content Security Policy" in p or "Refused" in p], problems


def test_on_a_phone_the_pages_read_without_zooming(browser, live_server, coordinator, community, artifacts):
    page, problems = new_page(browser, live_server, phone=True)
    sign_in(page, coordinator)
    shots = {"/": "phone-now.png", "/members": "phone-members.png",
             f"/members/{community['Sam']}": "phone-member.png", "/broadcast": "phone-broadcast.png"}
    for path, shot in shots.items():
        page.goto(path)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, (path, width)  # nothing wider than the phone
        page.screenshot(path=artifacts / shot, full_page=True)
    small = page.evaluate("""() => [...document.querySelectorAll('button, a.button, summary.button')]
        .filter(e => e.offsetParent && e.getBoundingClientRect().height < 40).map(e => e.textContent.trim())""")
    assert not small, small
    assert not [p for p in problems if "Content Security Policy" in p or "Refused" in p], problems


def test_unread_replies_wait_until_a_coordinator_marks_them_read(browser, live_server, coordinator, db, twilio,
                                                                 artifacts):
    add_members(db, coordinator.community_id, [
        ("Sam Rivera", SAM, "en", True), ("Alex Chen", ALEX, "en", True), ("Jordan Blake", JORDAN, "en", True),
    ])
    page, problems = new_page(browser, live_server)
    sign_in(page, coordinator)
    expect(page.get_by_role("heading", name=re.compile("^Unread replies"))).to_have_count(0)

    # A calm reply in words raises no alert, and shows up by itself (the page polls).
    twilio.sms(SAM, "made soup with my neighbour, feeling settled")
    replies = page.locator("ol.replies > li")
    expect(replies).to_have_count(1, timeout=25_000)
    expect(replies.nth(0)).to_contain_text("Sam Rivera")
    expect(replies.nth(0)).to_contain_text("made soup with my neighbour, feeling settled")
    expect(page.locator("ol.alerts > li")).to_have_count(0)
    page.screenshot(path=artifacts / "now-unread.png", full_page=True)

    replies.nth(0).get_by_role("button", name="Mark read").click()
    expect(page.get_by_text("Marked Sam Rivera's reply read.")).to_be_visible()
    expect(page.locator("ol.replies > li")).to_have_count(0)
    expect(page.get_by_text("made soup with my neighbour")).to_have_count(0)

    # Two more, marked all at once.
    twilio.sms(ALEX, "long shift, tired but fine")
    twilio.sms(JORDAN, "my sister visited, we watched old films")
    page.reload()
    expect(page.locator("ol.replies > li")).to_have_count(2)
    page.get_by_role("button", name="Mark all 2 read").click()
    expect(page.get_by_text("Marked 2 replies read.")).to_be_visible()
    expect(page.get_by_role("heading", name=re.compile("^Unread replies"))).to_have_count(0)

    # Each marking is in the audit log, with who did it.
    page.get_by_role("link", name="Audit log", exact=True).click()
    log = page.locator("main")
    expect(log).to_contain_text("marked a reply read")
    expect(log).to_contain_text("marked unread replies read")
    expect(log).to_contain_text(coordinator.email)
    page.screenshot(path=artifacts / "audit-unread.png", full_page=True)
    assert not [p for p in problems if "Content Security Policy" in p or "Refused" in p], problems
