"""A newcomer's first five minutes, in a real browser against the real ``kinship demo``: the guided
scenario on the phone simulator, from Sam's check-in to the all clear, then a phone switched off,
and a reset.

``kinship demo`` runs as a subprocess (its own embedded Redis, gunicorn, worker, clock and simulated
Twilio) on a free port with a throwaway database. Screenshots go to test-artifacts/simulator-*.png.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import expect

from service.demo.embedded_redis import free_port

pytestmark = pytest.mark.browser

STARTUP_SECONDS = 60
DEMO_ENV_DROPPED = ("DATABASE_URL", "REDIS_URL", "KINSHIP_DEMO", "PUBLIC_URL", "SECRET_KEY", "TWILIO_ACCOUNT_SID",
                    "TWILIO_AUTH_TOKEN", "TWILIO_FROM_NUMBER", "TWILIO_MESSAGING_SERVICE_SID", "TWILIO_API_BASE_URL")


@pytest.fixture
def kinship_demo(tmp_path) -> Iterator[str]:
    """``kinship demo --port N`` with a fresh SQLite file; yields its URL once /simulator answers."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k not in DEMO_ENV_DROPPED}
    env["DATABASE_URL"] = f"sqlite:///{tmp_path / 'demo.sqlite3'}"
    log_path = tmp_path / "demo.log"
    with open(log_path, "wb") as log:
        process = subprocess.Popen([str(Path(sys.executable).parent / "kinship"), "demo", "--port", str(port)],
                                   env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    started = time.monotonic()
    try:
        while True:
            if process.poll() is not None:
                pytest.fail(f"kinship demo exited with {process.returncode}:\n{log_path.read_text()[-3000:]}")
            try:
                with urllib.request.urlopen(f"{url}/simulator", timeout=2) as answer:
                    if answer.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() - started > STARTUP_SECONDS:
                pytest.fail(f"/simulator did not answer within {STARTUP_SECONDS} s:\n{log_path.read_text()[-3000:]}")
            time.sleep(0.2)
        print(f"kinship demo answered /simulator after {time.monotonic() - started:.1f} s")
        yield url
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)  # the demo stops its children, Redis and Twilio itself
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()


def phone(page, key: str):
    return page.locator(f"#phone-{key}")


def screen(page, key: str):
    return phone(page, key).locator(".screen")


def last_text(page, key: str):
    return phone(page, key).locator(".bubble.kinship").last


def shot(page, path) -> None:
    """A full-page screenshot from the top (the sticky clock bar would float mid-page otherwise)."""
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=path, full_page=True)


def contrast_of(locator) -> float:
    """WCAG contrast of an element's text against the first background behind it, opacity included."""
    return locator.evaluate("""el => {
      const rgb = s => s.match(/[\\d.]+/g).slice(0, 3).map(Number);
      const lum = c => c.map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
                        .reduce((sum, v, i) => sum + [0.2126, 0.7152, 0.0722][i] * v, 0);
      let alpha = 1;
      for (let e = el; e; e = e.parentElement) alpha *= Number(getComputedStyle(e).opacity);
      let back = el.parentElement;
      while (getComputedStyle(back).backgroundColor === 'rgba(0, 0, 0, 0)') back = back.parentElement;
      const bg = rgb(getComputedStyle(back).backgroundColor);
      const fg = rgb(getComputedStyle(el).color).map((v, i) => alpha * v + (1 - alpha) * bg[i]);
      const [light, dark] = [lum(fg), lum(bg)].sort((a, b) => b - a);
      return (light + 0.05) / (dark + 0.05);
    }""")


def type_on(page, first_name: str, text: str) -> None:
    box = page.get_by_label(f"Text from {first_name}")
    box.fill(text)
    box.press("Enter")


def test_a_newcomer_plays_sams_hard_day_on_the_phones(browser, kinship_demo, artifacts):
    context = browser.new_context(base_url=kinship_demo, viewport={"width": 1440, "height": 1000}, device_scale_factor=1)
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda message: problems.append(message.text) if message.type in ("error", "warning") else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    loads: list[str] = []  # a second load means a button went as a plain form post and reloaded the page
    page.on("framenavigated", lambda frame: loads.append(frame.url) if frame == page.main_frame else None)
    page.goto("/simulator")

    # First run: the phones of the seeded community, and the guide at its first step.
    expect(page.get_by_role("heading", name="Kinship demo: the community's phones")).to_be_visible()
    for name in ("Sam Rivera", "Maria Lopez", "Priya Nair", "Coordinator", "Alex Chen", "Jordan Blake", "Kim Walker"):
        expect(page.get_by_role("heading", name=name, exact=True)).to_be_visible()
    expect(page.locator(".guide li.current")).to_contain_text("The check-in")
    dashboard = page.get_by_role("link", name=re.compile("Open the coordinators' dashboard"))
    expect(dashboard).to_have_attribute("href", "/")
    expect(dashboard).to_have_attribute("target", "kinship-dashboard")
    shot(page, artifacts / "simulator-0-first-run.png")

    # 1. The check-in: the clock jumps to Sam's next one (walking through anything due before it).
    page.get_by_role("button", name=re.compile("^Go to Sam's next check-in")).click()
    expect(last_text(page, "sam-rivera")).to_contain_text("it's check-in time", timeout=30_000)
    expect(page.locator(".clock .time")).to_have_text(re.compile(r"^10:0\d$"))
    expect(last_text(page, "sam-rivera").locator("time")).to_have_text(re.compile(r"^10:0\d$"))
    expect(last_text(page, "sam-rivera").locator(".ticks")).to_have_text("✓✓", timeout=10_000)  # delivered, said Twilio
    assert contrast_of(last_text(page, "sam-rivera").locator(".ticks")) >= 4.5
    assert contrast_of(last_text(page, "sam-rivera").locator("time")) >= 4.5
    expect(page.locator(".guide li.current")).to_contain_text("A hard day")
    shot(page, artifacts / "simulator-1-check-in.png")

    # 2. A hard day: Sam replies 2; the answer is the webhook's own TwiML; the buddies are alerted.
    type_on(page, "Sam", "2")
    sam = screen(page, "sam-rivera")
    expect(sam.locator(".bubble.typed").last).to_contain_text("2")
    expect(last_text(page, "sam-rivera")).to_contain_text("Thank you for telling us, Sam")
    expect(last_text(page, "priya-nair")).to_contain_text("your buddy Sam could use some support", timeout=15_000)
    expect(last_text(page, "maria-lopez")).to_contain_text("necesita un poco de apoyo", timeout=15_000)
    expect(last_text(page, "priya-nair").locator(".ticks")).to_have_text("✓✓", timeout=10_000)
    expect(page.get_by_label("Text from Sam")).to_be_focused()  # a fresh, empty box, ready for the next text
    expect(page.get_by_label("Text from Sam")).to_have_value("")
    expect(page.locator(".guide li.current")).to_contain_text("Nobody answers", timeout=10_000)
    shot(page, artifacts / "simulator-2-buddy-alert.png")

    # 3. Nobody answers: an hour goes by; the reminder at 10:15, the coordinator at 10:30.
    page.get_by_role("button", name="+1 hour").click()
    expect(page.locator(".notice")).to_contain_text("alerts moved on", timeout=30_000)
    reminder = phone(page, "priya-nair").locator(".bubble.kinship", has_text="a gentle reminder")
    expect(reminder.locator("time")).to_have_text(re.compile(r"^10:1\d$"), timeout=15_000)
    coordinator = phone(page, "coordinator-coordinator").locator(".bubble.kinship", has_text="no buddy is on it")
    expect(coordinator).to_contain_text("Sam Rivera in Harbour Lights could use some support", timeout=15_000)
    expect(coordinator.locator("time")).to_have_text(re.compile(r"^10:3\d$"))
    expect(coordinator.get_by_role("link")).to_have_attribute("href", kinship_demo)  # to the dashboard
    expect(page.locator(".guide li.current")).to_contain_text("The all clear")
    shot(page, artifacts / "simulator-3-escalated.png")

    # 4. The all clear: Sam's next check-in, a good reply, and everyone alerted hears it.
    page.get_by_role("button", name=re.compile("^Go to Sam's next check-in")).click()
    expect(last_text(page, "sam-rivera")).to_contain_text("it's check-in time", timeout=30_000)
    type_on(page, "Sam", "4 much better today")
    expect(last_text(page, "priya-nair")).to_contain_text("Good news, Priya: Sam checked in", timeout=15_000)
    expect(last_text(page, "maria-lopez")).to_contain_text("Sam", timeout=15_000)
    expect(phone(page, "coordinator-coordinator").locator(".bubble.kinship", has_text="doing better")).to_contain_text(
        "Sam Rivera checked in", timeout=15_000)
    expect(page.locator(".guide")).to_contain_text("That is the whole path")
    shot(page, artifacts / "simulator-4-all-clear.png")
    page.get_by_role("button", name="Hide the guide").click()
    expect(page.locator(".guide")).to_have_count(0)
    expect(page.get_by_role("button", name="Show the guided scenario")).to_be_visible()

    # A phone switched off: Jordan's buddy Alex cannot be reached, and the phone says so.
    phone(page, "alex-chen").get_by_role("button", name="Switch Alex's phone off").click()
    expect(phone(page, "alex-chen").locator(".status-bar")).to_contain_text("No signal")
    # Half a text typed on Kim's phone survives the page's polling while other phones change.
    page.get_by_label("Text from Kim").fill("who is th")
    type_on(page, "Jordan", "1 awful day")
    expect(last_text(page, "alex-chen")).to_contain_text("not delivered: the phone is off or out of signal", timeout=15_000)
    expect(last_text(page, "alex-chen")).to_have_class(re.compile(r"\bfailed\b"))
    page.wait_for_timeout(2_500)  # at least one more poll
    expect(page.get_by_label("Text from Kim")).to_have_value("who is th")
    shot(page, artifacts / "simulator-5-phone-off.png")

    # The size of half a laptop screen, as when the dashboard is open beside it.
    page.set_viewport_size({"width": 900, "height": 1000})
    page.screenshot(path=artifacts / "simulator-6-side-by-side.png")

    # Reset: the seeded community again, empty phones, the real time.
    page.set_viewport_size({"width": 1440, "height": 1000})
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Reset the demo").click()
    expect(page.locator(".notice")).to_contain_text("Started again", timeout=30_000)
    # The page's own poll is a request too: it shows no "Moving the clock" line beside the notice.
    page.evaluate("document.querySelector('#live').classList.add('htmx-request')")
    expect(page.locator(".jumps .busy")).to_be_hidden()
    page.evaluate("document.querySelector('#live').classList.remove('htmx-request')")
    expect(page.locator(".clock .ahead")).to_have_text("the real time")
    expect(screen(page, "sam-rivera")).not_to_contain_text("check-in time")
    expect(screen(page, "coordinator-coordinator")).to_contain_text("No texts yet")
    expect(phone(page, "alex-chen").locator(".status-bar")).not_to_contain_text("No signal")
    page.get_by_role("button", name="Show the guided scenario").click()
    expect(page.locator(".guide li.current")).to_contain_text("The check-in")
    shot(page, artifacts / "simulator-7-reset.png")

    assert problems == []
    assert loads == [f"{kinship_demo}/simulator"], "every button answers in place; the page never reloads"
    context.close()
