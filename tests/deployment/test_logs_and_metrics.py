"""A whole scenario on the real processes, at DEBUG, then every log line searched.

gunicorn runs the Procfile's web line, ``kinship worker`` the default (forking) worker, and the
operator's commands are ``kinship`` processes; the Twilio stand-in delivers the members' texts
and its status callbacks to the gunicorn over HTTP, signed. Covers issue 14's "secrets and
personal data are never logged" as well: no auth token, SECRET_KEY, metrics token, password or
password hash, no full phone number, no message body, in any line of any process.
"""

from __future__ import annotations

import json
import re
import time
from datetime import UTC, datetime, timedelta

import pytest
import requests
from prometheus_client.parser import text_string_to_metric_families
from sqlalchemy import func, select

from service.demo.twilio_simulator import TwilioSimulator
from service.models import Alert, Coordinator, InboundMessage, Member, MessageState, OutboundMessage
from tests.conftest import ACCOUNT_SID, AUTH_TOKEN, FROM_NUMBER
from tests.deployment.conftest import BIN, METRICS_TOKEN, SECRET_KEY, expand, procfile

SAM, ALEX, ANA = "+14155550101", "+14155550102", "+14155550999"
PASSWORD = "a long enough secret for Ana"
CRISIS = "I want to end my life tonight, I have the pills ready"
LOGFMT = re.compile(r'^ts=\S+ level=(debug|info|warning|error|critical) logger=\S+ (event|msg)=')


def wait_for(condition, what: str, timeout: float = 60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = condition()
        if found:
            return found
        time.sleep(0.1)  # polling a database another process writes
    raise AssertionError(f"timed out waiting for {what}")


@pytest.fixture
def stand_in(deployment):
    """The Twilio stand-in with status callbacks on, posting to the deployment's gunicorn."""
    simulator = TwilioSimulator(ACCOUNT_SID, AUTH_TOKEN, status_callbacks=True, callback_delay=0.05)
    simulator.start()
    deployment.env["TWILIO_API_BASE_URL"] = simulator.base_url
    yield simulator
    simulator.stop()


def api_texts(simulator: TwilioSimulator) -> list:
    """Texts sent through the Messages API (not the TwiML answers the stand-in also keeps)."""
    return [m for m in simulator.messages if m.direction == "outbound-api"]


def wait_for_texts(simulator: TwilioSimulator, count: int) -> list:
    return wait_for(lambda: (found := api_texts(simulator)) and len(found) >= count and found, f"{count} texts")


def quiet_hours_away_from_now() -> str:
    """Quiet hours (UTC) that cannot fall on the minutes this test runs in."""
    start = datetime.now(UTC) + timedelta(hours=6)
    return f"{start:%H}:00-{(start + timedelta(hours=1)):%H}:00"


def test_a_whole_scenario_logs_one_line_per_event_and_nothing_personal_or_secret(deployment, stand_in, db):
    web = deployment.start("web", expand(procfile()["web"], deployment.env), KINSHIP_LOG_LEVEL="DEBUG",
                           KINSHIP_LOG_FORMAT="json")
    worker = deployment.start("worker", [str(BIN / "kinship"), "worker"], KINSHIP_LOG_LEVEL="DEBUG")
    deployment.wait_until_serving(web)
    debug = {"KINSHIP_LOG_LEVEL": "DEBUG"}
    sms = f"{deployment.url}/twilio/sms"

    # The operator's first hour.
    deployment.kinship("community", "add", "Harbour Lights", "--timezone", "UTC", "--quiet-hours",
                       quiet_hours_away_from_now(), **debug)
    deployment.kinship("coordinator", "add", "ana@example.org", "--community", "Harbour Lights", "--phone", ANA,
                       "--password-stdin", input=PASSWORD + "\n", **debug)
    hour = (datetime.now(UTC) + timedelta(hours=2)).hour
    for name, phone in (("Sam Rivera", SAM), ("Alex Chen", ALEX)):
        deployment.kinship("member", "add", "--community", "Harbour Lights", "--name", name, "--phone", phone,
                           "--schedule", f"FREQ=DAILY;BYHOUR={hour};BYMINUTE=0", **debug)
    wait_for_texts(stand_in, 2)  # the invitations, sent by the worker
    for phone in (SAM, ALEX):
        assert stand_in.post_inbound(sms, from_=phone, to=FROM_NUMBER, body="YES").status_code == 200
    deployment.kinship("pair", "--community", "Harbour Lights", **debug)
    wait_for_texts(stand_in, 4)  # the introductions

    # A check-in, a low reply and its buddy alert, a crisis reply and the coordinators' text.
    with db.session() as s:
        due = s.scalar(select(Member.next_checkin_at).where(Member.phone == SAM))
    deployment.kinship("tick", "--at", (due + timedelta(seconds=30)).isoformat(), **debug)
    wait_for_texts(stand_in, 6)  # the check-ins
    assert stand_in.post_inbound(sms, from_=SAM, to=FROM_NUMBER, body="2, it has been a really rough week").replies
    wait_for_texts(stand_in, 7)  # Alex's buddy alert
    crisis = stand_in.post_inbound(sms, from_=SAM, to=FROM_NUMBER, body=CRISIS)
    assert "988" in " ".join(crisis.replies)
    wait_for(lambda: any(m.to == ANA for m in stand_in.messages), "the coordinator's crisis text")

    # Every text the API took is reported delivered through a signed status callback.
    def all_delivered():
        with db.session() as s:
            sent = s.scalar(select(func.count()).select_from(OutboundMessage).where(OutboundMessage.twilio_sid.is_not(None)))
            delivered = s.scalar(select(func.count()).select_from(OutboundMessage)
                                 .where(OutboundMessage.state == MessageState.DELIVERED))
        return sent == len(api_texts(stand_in)) and delivered == sent
    wait_for(all_delivered, "every status callback")

    # A coordinator signs in (after one wrong password).
    browser = requests.Session()
    form = browser.get(f"{deployment.url}/login")
    token = re.search(r'name="csrf_token" value="([^"]+)"', form.text).group(1)
    wrong = browser.post(f"{deployment.url}/login", data={"email": "ana@example.org", "password": "not it",
                                                          "csrf_token": token}, allow_redirects=False)
    assert wrong.status_code == 200
    right = browser.post(f"{deployment.url}/login", data={"email": "ana@example.org", "password": PASSWORD,
                                                          "csrf_token": token}, allow_redirects=False)
    assert right.status_code == 303
    assert browser.get(f"{deployment.url}/").status_code == 200

    # The metrics the scenario left. Each process counts just after its commit, so the scrape
    # waits for the last count rather than racing it.
    expected = {
        ("kinship_texts_sent_total", (("kind", "checkin"),)): 2,
        ("kinship_texts_delivered_total", (("kind", "checkin"),)): 2,
        ("kinship_texts_delivered_total", (("kind", "buddy_alert"),)): 1,
        ("kinship_alerts_opened_total", (("kind", "crisis"), ("reason", "crisis"))): 1,
        ("kinship_alert_first_text_seconds_count", (("kind", "crisis"),)): 1,
        ("kinship_alert_first_text_seconds_count", (("kind", "support"),)): 1,
        ("kinship_workers", ()): 1,
        ("kinship_webhook_duration_seconds_count", (("route", "/twilio/sms"), ("status", "200"))): 4,
    }

    def scrape() -> dict:
        answer = requests.get(f"{deployment.url}/metrics", headers={"Authorization": f"Bearer {METRICS_TOKEN}"})
        assert answer.status_code == 200
        return {(s.name, tuple(sorted(s.labels.items()))): s.value
                for family in text_string_to_metric_families(answer.text) for s in family.samples}

    wait_for(lambda: all(scrape().get(k) == v for k, v in expected.items()), "the scenario's counts", timeout=30)

    deployment.stop()
    assert worker.returncode is not None

    lines = deployment.lines()
    # One line per event: JSON from the web process (as set), key=value from the others.
    for name, line in lines:
        if name == "web.log":
            assert isinstance(json.loads(line), dict), line
        else:
            assert LOGFMT.match(line), (name, line)
    text = "\n".join(line for _, line in lines)
    assert "job_id=send-message-" in text and "event=text_sent" in text and "message_id=" in text
    assert '"event": "alert_opened"' in text and '"alert_id": ' in text
    assert '"event": "coordinator_action", "action": "auth.sign_in"' in text

    with db.session() as s:
        bodies = [b for b in s.scalars(select(OutboundMessage.body)) if b and len(b) >= 12]
        bodies += [b for b in s.scalars(select(InboundMessage.body)) if b and len(b) >= 12]
        hashes = list(s.scalars(select(Coordinator.password_hash)))
        assert s.scalar(select(func.count()).select_from(Alert)) == 2
    assert len(bodies) >= 8 and CRISIS in bodies
    forbidden = {"the Twilio auth token": AUTH_TOKEN, "SECRET_KEY": SECRET_KEY, "the metrics token": METRICS_TOKEN,
                 "a password": PASSWORD}
    forbidden.update({f"password hash {i}": h for i, h in enumerate(hashes)})
    for phone in (SAM, ALEX, ANA):
        forbidden[f"phone {phone}"] = phone
        forbidden[f"phone {phone} without +1"] = phone[2:]
    forbidden.update({f"body {body[:20]!r}": body for body in bodies})
    leaks = [(what, name, line[:200]) for what, secret in forbidden.items() for name, line in lines if secret in line]
    assert not leaks, leaks[:5]


def test_the_procfile_web_line_adds_up_every_gunicorn_worker(deployment, twilio_api):
    """prometheus-client's multiprocess mode: two workers, and /metrics counts every request."""
    from twilio.request_validator import RequestValidator

    web = deployment.start("web", expand(procfile()["web"], {**deployment.env, "WEB_CONCURRENCY": "2"}))
    deployment.wait_until_serving(web)
    url = f"{deployment.url}/twilio/status"
    validator = RequestValidator(AUTH_TOKEN)
    for n in range(20):
        form = {"MessageSid": f"SM{n:032x}", "MessageStatus": "delivered", "AccountSid": ACCOUNT_SID}
        answer = requests.post(url, data=form, headers={"X-Twilio-Signature": validator.compute_signature(url, form),
                                                          "Connection": "close"})
        assert answer.status_code == 204
    scraped = requests.get(f"{deployment.url}/metrics", headers={"Authorization": f"Bearer {METRICS_TOKEN}"}).text
    counts = [s.value for family in text_string_to_metric_families(scraped) for s in family.samples
              if s.name == "kinship_webhook_duration_seconds_count" and s.labels == {"route": "/twilio/status", "status": "204"}]
    assert counts == [20]
    pids = {line.split("pid ")[-1] for _, line in deployment.lines() if "Booting worker with pid" in line}
    assert len(pids) == 2
