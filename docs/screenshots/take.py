"""Take the README's screenshots from the demo itself, signed in as the demo's own coordinator.

    .venv/bin/python docs/screenshots/take.py

Starts ``kinship demo`` on a free port with a throwaway database, plays a few texts on the
phone simulator (Sam's check-in and a reply of 2, a crisis text from Jordan, a good day from
Maria), signs in to the dashboard with the demo's coordinator account, and writes:

- ``now.png``: the Now page;
- ``simulator-and-dashboard.png``: the phones beside the dashboard, as a newcomer sees them.

Needs Chromium (``/usr/bin/chromium``, or ``KINSHIP_CHROMIUM``) and Playwright, as the browser
tests do. Nothing here runs in the test suite.
"""

from __future__ import annotations

import base64
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import expect, sync_playwright

from service.demo.embedded_redis import free_port
from service.demo.seed import COORDINATOR_EMAIL, COORDINATOR_PASSWORD

HERE = Path(__file__).resolve().parent
CHROMIUM = os.environ.get("KINSHIP_CHROMIUM", "/usr/bin/chromium")
DROPPED = ("DATABASE_URL", "REDIS_URL", "KINSHIP_DEMO", "PUBLIC_URL", "SECRET_KEY", "TWILIO_ACCOUNT_SID",
           "TWILIO_AUTH_TOKEN", "TWILIO_FROM_NUMBER", "TWILIO_MESSAGING_SERVICE_SID", "TWILIO_API_BASE_URL")


def start_demo(folder: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k not in DROPPED}
    env["DATABASE_URL"] = f"sqlite:///{folder / 'demo.sqlite3'}"
    demo = subprocess.Popen([str(Path(sys.executable).parent / "kinship"), "demo", "--port", str(port)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/simulator", timeout=2):
                return demo, url
        except OSError:
            time.sleep(0.3)
    demo.send_signal(signal.SIGTERM)
    raise SystemExit("kinship demo did not answer within 90 s")


def text_from(page, first_name: str, text: str) -> None:
    box = page.get_by_label(f"Text from {first_name}")
    box.fill(text)
    box.press("Enter")
    expect(page.get_by_label(f"Text from {first_name}")).to_have_value("")


def play(phones) -> None:
    phones.goto("/simulator")
    phones.get_by_role("button", name=re.compile("^Go to Sam's next check-in")).click()
    expect(phones.locator("#phone-sam-rivera .bubble.kinship").last).to_contain_text("check-in time", timeout=60_000)
    text_from(phones, "Sam", "2, rough week")
    expect(phones.locator("#phone-priya-nair .bubble.kinship").last).to_contain_text("could use some support",
                                                                                    timeout=30_000)
    text_from(phones, "Jordan", "I want to end it all")
    text_from(phones, "Maria", "4 buen dia")


def side_by_side(browser, left: bytes, right: bytes, path: Path) -> None:
    """Two screenshots on one image, drawn by the browser itself (no imaging library needed)."""
    page = browser.new_page(viewport={"width": 1948, "height": 1100}, device_scale_factor=1)
    images = "".join(f'<img src="data:image/png;base64,{base64.b64encode(png).decode()}">' for png in (left, right))
    page.set_content(f'<body style="margin:0;display:flex;gap:12px;background:#c9ced6">{images}</body>')
    page.screenshot(path=path)
    page.close()


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="kinship-screenshots-") as folder:
        demo, url = start_demo(Path(folder))
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox"])
                context = browser.new_context(base_url=url, viewport={"width": 968, "height": 1100},
                                              device_scale_factor=1)
                phones = context.new_page()
                play(phones)
                dashboard = context.new_page()
                dashboard.goto("/login")
                dashboard.get_by_label("Email").fill(COORDINATOR_EMAIL)
                dashboard.get_by_label("Password").fill(COORDINATOR_PASSWORD)
                dashboard.get_by_role("button", name="Sign in").click()
                expect(dashboard.locator("ol.alerts > li")).to_have_count(2, timeout=30_000)
                phones.evaluate("document.activeElement.blur(); window.scrollTo({top: 0, behavior: 'instant'})")
                phones.wait_for_function("window.scrollY === 0")  # the phones from the top, clock bar first
                side_by_side(browser, phones.screenshot(), dashboard.screenshot(), HERE / "simulator-and-dashboard.png")
                dashboard.set_viewport_size({"width": 1280, "height": 900})
                dashboard.screenshot(path=HERE / "now.png", full_page=True)
                browser.close()
        finally:
            demo.send_signal(signal.SIGTERM)
            demo.wait(timeout=30)
    print(f"wrote {HERE / 'now.png'} and {HERE / 'simulator-and-dashboard.png'}")


if __name__ == "__main__":
    main()
