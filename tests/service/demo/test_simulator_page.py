"""The demo's phone simulator, server side: only in the demo, and everything through the real path.

The ``demo`` fixture wires the pieces as ``kinship demo`` does (seeded community, a simulated
Twilio with status callbacks, the app served over HTTP, a worker thread), so a reply typed on a
phone is a signed webhook, a text reaches a phone through the twilio client, and time travel
moves the clock the worker reads too.
"""

from __future__ import annotations

import html
import re
import time
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from service import clock
from service.demo.seed import MEMBERS
from service.demo.simulator.client import SimulatorClient, SimulatorUnavailable
from service.models import Alert, AlertNotice, CheckIn, InboundMessage, Member, MessageState, OutboundMessage
from tests.conftest import at

SAM, ALEX, MARIA, JORDAN, PRIYA, KIM = (phone for _, phone, *_ in MEMBERS)
COORDINATOR = "+14155550199"


def eventually(check, timeout: float = 15.0, what: str = "the condition"):
    deadline = time.monotonic() + timeout
    while True:
        result = check()
        if result:
            return result
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)


def words(markup: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", markup)).split())


class SimulatorPage:
    """The simulator page through Flask's test client, with the page's own CSRF token."""

    def __init__(self, demo):
        self.demo = demo
        self.client = demo.client()
        page = self.client.get("/simulator")
        assert page.status_code == 200
        self.token = re.search(r'name="csrf_token" value="([^"]+)"', page.get_data(as_text=True)).group(1)

    def html(self) -> str:
        return self.client.get("/simulator").get_data(as_text=True)

    def phone(self, key: str, markup: str | None = None) -> str:
        found = re.search(rf'<article[^>]*id="phone-{key}".*?</article>', markup or self.html(), re.S)
        assert found, f"no phone {key}"
        return found.group(0)

    def screen(self, key: str, markup: str | None = None) -> str:
        return words(self.phone(key, markup))

    def post(self, path: str, htmx: bool = True, **form):
        headers = {"HX-Request": "true"} if htmx else {}
        return self.client.post(path, data={"csrf_token": self.token, **form}, headers=headers)

    def reply(self, phone: str, body: str, **kwargs):
        return self.post(f"/simulator/phones/{phone}/reply", body=body, **kwargs)

    def jump(self, to: str):
        answer = self.post("/simulator/clock", to=to)
        assert answer.status_code == 200, answer.get_data(as_text=True)
        return answer.get_data(as_text=True)


def messages(demo, kind: str, to: str | None = None) -> list[OutboundMessage]:
    with demo.db.session() as s:
        query = select(OutboundMessage).where(OutboundMessage.kind == kind).order_by(OutboundMessage.id)
        if to:
            query = query.where(OutboundMessage.to_phone == to)
        return list(s.scalars(query))


def test_there_is_no_simulator_outside_the_demo(app, client):
    assert client.get("/simulator").status_code == 404
    assert client.get("/simulator/live").status_code == 404
    assert client.post("/simulator/reset").status_code == 404
    assert client.post(f"/simulator/phones/{SAM}/reply", data={"body": "2"}).status_code == 404
    assert "simulator_url" not in app.jinja_env.globals
    assert clock.shared() is None  # production never asks Redis what time it is


def test_every_member_and_the_coordinator_has_a_phone_showing_their_texts(demo):
    page = SimulatorPage(demo)
    answer = page.client.get("/simulator")
    markup = answer.get_data(as_text=True)
    assert "script-src 'self'" in answer.headers["Content-Security-Policy"]
    assert all('src="' in tag for tag in re.findall(r"<script[^>]*>", markup)), "no inline scripts"
    assert 'src="/static/htmx.min.js"' in markup
    assert 'href="/" target="kinship-dashboard"' in markup  # the dashboard opens beside the phones
    keys = re.findall(r'<article[^>]*id="phone-([a-z0-9-]+)"', markup)
    # Sam (whom the guide follows) and his buddies come first, then the coordinator.
    assert keys[:4] == ["sam-rivera", "maria-lopez", "priya-nair", "coordinator-coordinator"]
    assert sorted(keys) == sorted([re.sub(r"\W+", "-", name.lower()) for name, *_ in MEMBERS] + ["coordinator-coordinator"])
    assert "Buddies: Maria & Priya" in page.screen("sam-rivera", markup)
    assert "+1 415-555-0199" in page.screen("coordinator-coordinator", markup)
    assert "Invited: has not said YES yet" in page.screen("kim-walker", markup)

    # The seeded introductions go out through the worker and the twilio client, and are delivered.
    eventually(lambda: "meet Maria & Priya" in page.screen("sam-rivera")
               and "✓✓" in page.screen("sam-rivera"), what="Sam's introduction, delivered")
    # Times are each person's own: 09:00 in Chicago is 08:00 in Denver and 10:00 in New York.
    assert re.search(r"meet Maria .* 09:0\d ✓", page.screen("sam-rivera"))
    eventually(lambda: re.search(r"te presentamos .* 08:0\d ✓", page.screen("maria-lopez")), what="Maria's, at 08:00")
    eventually(lambda: re.search(r"meet Alex .* 10:0\d ✓", page.screen("jordan-blake")), what="Jordan's, at 10:00")
    # Kim, invited, lives in Los Angeles: at 07:00 there, the invitation waits for the end of quiet hours.
    assert "No texts yet" in page.screen("kim-walker")
    assert "Quiet hours" not in words(markup)  # in Chicago, the community's zone, it is 09:00


def test_a_reply_typed_on_a_phone_is_a_signed_webhook_and_its_answer_appears(demo):
    page = SimulatorPage(demo)
    answer = page.reply(SAM, "2")
    assert answer.status_code == 200
    markup = answer.get_data(as_text=True)
    sam = page.screen("sam-rivera", markup)
    assert re.search(r"2 09:0\d ✓✓ .*Thank you for telling us, Sam", sam)  # the TwiML answer, on the phone at once
    # A fresh, empty reply box that has the focus; the next poll keeps whatever is typed in it.
    assert re.search(r'<input id="reply-sam-rivera-1"[^>]*hx-preserve[^>]*autofocus', page.phone("sam-rivera", markup))

    # What reached the webhook is what the simulated Twilio signed and posted from Sam's handset.
    typed = [m for m in demo.twilio.timeline if m.direction == "inbound"]
    assert [(m.from_, m.body, m.error_code) for m in typed] == [(SAM, "2", None)]
    with demo.db.session() as s:
        inbound = s.scalar(select(InboundMessage))
        assert (inbound.message_sid, inbound.from_phone, inbound.body, inbound.score) == (typed[0].sid, SAM, "2", 2)

    # The buddies' alerts go the production way: a row, a worker, the twilio client, status callbacks.
    eventually(lambda: "your buddy Sam could use some support" in page.screen("priya-nair"), what="Priya's alert")
    eventually(lambda: "necesita un poco de apoyo" in page.screen("maria-lopez"), what="Maria's alert, in Spanish")
    eventually(lambda: [m.state for m in messages(demo, "buddy_alert")] == [MessageState.DELIVERED] * 2,
               what="both buddy alerts delivered, as the status callbacks said")
    assert re.search(r"could use some support.* 09:0\d ✓✓", page.screen("priya-nair"))

    # Without htmx the form still works: POST, then 303 back to the page.
    plain = page.reply(SAM, "still rough", htmx=False)
    assert plain.status_code == 303 and plain.headers["Location"].endswith("/simulator")


def test_time_travel_moves_the_one_clock_every_process_reads_and_ticks(demo, redis):
    page = SimulatorPage(demo)
    markup = page.jump("next")
    # One clock: the offset is in Redis, where web, worker and the simulated Twilio read it.
    assert clock.SharedOffset(redis).offset() == clock.offset()
    assert at("2026-11-30T16:00:00Z") <= clock.utcnow() < at("2026-11-30T16:01:00Z")  # 10:00 in Chicago
    assert "The clock is now Mon 30 Nov, 10:00 in Chicago: 3 check-ins" in words(markup)
    with demo.db.session() as s:
        asked = {c.member.phone for c in s.scalars(select(CheckIn))}
    assert asked == {SAM, ALEX, PRIYA}  # Maria's 10:00 is in Denver, an hour later
    # The worker sent them on the shared clock, not the real one.
    checkins = eventually(lambda: [m for m in messages(demo, "checkin") if m.sent_at], what="check-ins sent")
    assert all(at("2026-11-30T16:00:00Z") <= m.sent_at < at("2026-11-30T16:01:00Z") for m in checkins)
    eventually(lambda: re.search(r"check-in time\..* 10:00 ✓✓", page.screen("sam-rivera")), what="Sam's check-in")
    assert "check-in time" not in page.screen("maria-lopez")

    # A low reply, then an hour with no answer: the jump stops at each step of the escalation.
    page.reply(SAM, "2")
    page.jump("hour")
    reminders = messages(demo, "buddy_reminder")
    handed = messages(demo, "coordinator_support", COORDINATOR)
    assert {m.to_phone for m in reminders} == {MARIA, PRIYA}
    assert all(at("2026-11-30T16:15:00Z") <= m.created_at < at("2026-11-30T16:16:30Z") for m in reminders)
    assert len(handed) == 1 and at("2026-11-30T16:30:00Z") <= handed[0].created_at < at("2026-11-30T16:31:30Z")
    coordinator = eventually(lambda: "no buddy is on it" in page.screen("coordinator-coordinator")
                             and page.screen("coordinator-coordinator"), what="the coordinator's text")
    assert re.search(r"Sam Rivera in Harbour Lights could use some support .* 10:3\d", coordinator)
    assert re.search(r"gentle reminder: Sam .* 10:1\d", page.screen("priya-nair"))
    assert "Nobody answers (done)" in words(page.html())
    assert at("2026-11-30T17:00:00Z") <= clock.utcnow() < at("2026-11-30T17:02:00Z")


def test_the_guide_follows_sam_from_the_check_in_to_the_all_clear(demo):
    page = SimulatorPage(demo)
    assert re.search(r'<li class="current">.*?The check-in', page.html(), re.S)
    page.jump("star")
    page.reply(SAM, "2")
    page.jump("hour")
    page.jump("star")  # Thursday 10:00
    assert at("2026-12-03T16:00:00Z") <= clock.utcnow() < at("2026-12-03T16:01:00Z")
    page.reply(SAM, "4 much better today")
    with demo.db.session() as s:
        alert = s.scalar(select(Alert))
        assert alert.state == "resolved" and alert.resolution_note.startswith("all clear")
    eventually(lambda: "Good news, Priya: Sam checked in" in page.screen("priya-nair"), what="Priya's all clear")
    eventually(lambda: "Sam Rivera checked in and says they're doing better" in page.screen("coordinator-coordinator"),
               what="the coordinator's all clear")
    markup = page.html()
    assert "That is the whole path" in words(markup)
    assert '<li class="current">' not in markup


def test_a_phone_switched_off_fails_its_texts_and_the_alert_moves_on_at_once(demo):
    page = SimulatorPage(demo)
    answer = page.post(f"/simulator/phones/{PRIYA}/signal", signal="off")
    priya = page.screen("priya-nair", answer.get_data(as_text=True))
    assert "No signal" in priya and "Switch Priya's phone back on" in priya
    assert "Priya's phone is off" in words(answer.get_data(as_text=True))

    page.reply(SAM, "2")
    eventually(lambda: "not delivered: the phone is off or out of signal (Twilio error 30003)" in page.screen("priya-nair"),
               what="the failed alert on Priya's phone")
    alert = eventually(lambda: [m for m in messages(demo, "buddy_alert", PRIYA) if m.error_code == 30003
                                and m.state == MessageState.CANCELLED], what="the failure recorded")[0]
    # Sam needs someone now: the alert moves past Priya at once, and she is not asked again.
    assert alert.attempts == 1
    with demo.db.session() as session:
        notice = session.scalar(select(AlertNotice).join(Member, Member.id == AlertNotice.member_id)
                                .where(Member.phone == PRIYA))
        assert (notice.answer, notice.undelivered_code) == ("undelivered", 30003)
    page.post(f"/simulator/phones/{PRIYA}/signal", signal="on")
    page.jump("hour")
    assert [m.state for m in messages(demo, "buddy_alert", PRIYA)] == [MessageState.CANCELLED]


def test_the_live_partial_answers_204_while_nothing_changed(demo):
    page = SimulatorPage(demo)
    eventually(lambda: len(demo.twilio.messages) == 5 and all(m.status == "delivered" for m in demo.twilio.messages),
               what="the introductions delivered")
    time.sleep(0.3)
    first = page.client.get("/simulator/live")
    version = re.search(r'hx-get="/simulator/live\?v=([0-9a-f]+)"', first.get_data(as_text=True)).group(1)
    assert first.status_code == 200
    assert page.client.get(f"/simulator/live?v={version}").status_code == 204
    page.reply(ALEX, "5")
    assert page.client.get(f"/simulator/live?v={version}").status_code == 200


def test_reset_brings_back_the_seeded_community_and_the_real_time(demo, redis):
    page = SimulatorPage(demo)
    page.jump("star")
    page.reply(SAM, "2")
    page.post(f"/simulator/phones/{ALEX}/signal", signal="off")
    answer = page.post("/simulator/reset")
    assert answer.status_code == 200
    assert redis.get(clock.SharedOffset.KEY) is None and clock.offset() == timedelta(0)
    assert "Started again" in words(answer.get_data(as_text=True))
    with demo.db.session() as s:
        assert s.scalar(select(func.count(Member.id))) == len(MEMBERS)
        assert s.scalar(select(func.count(Alert.id))) == 0
        assert s.scalar(select(func.count(InboundMessage.id))) == 0
        assert s.scalar(select(func.count(CheckIn.id))) == 0
    # Empty phones (the introductions may wait for the morning, if it is night where you are).
    assert not [m for m in demo.twilio.timeline if m.direction == "inbound" or "support" in m.body]
    assert "No signal" not in page.html()
    assert re.search(r'<li class="current">.*?The check-in', page.html(), re.S)


def test_the_simulators_own_endpoints_need_the_twilio_credentials(demo):
    with pytest.raises(SimulatorUnavailable, match="HTTP 401"):
        SimulatorClient(demo.settings.with_(twilio_auth_token="wrong")).handsets()
    assert SimulatorClient(demo.settings).handsets().unreachable == {}


def test_after_a_restart_the_page_says_why_the_phones_are_empty(demo):
    page = SimulatorPage(demo)
    eventually(lambda: len(demo.twilio.messages) == 5 and all(m.status == "delivered" for m in demo.twilio.messages),
               what="the introductions delivered")
    demo.twilio.clear()  # what a restart of `kinship demo` does to the simulated Twilio's memory
    assert "The demo was restarted, and the phones forgot the texts they had" in words(page.html())
