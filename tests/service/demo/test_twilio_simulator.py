"""The Twilio simulator, driven by the real ``twilio`` client over real HTTP."""

from __future__ import annotations

import re
import socket
import threading
import time
import urllib.parse
from datetime import timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import requests
from twilio.base.exceptions import TwilioRestException
from twilio.request_validator import RequestValidator
from twilio.rest import Client
from twilio.twiml.messaging_response import MessagingResponse

from service.demo.twilio_simulator import TwilioSimulator, count_segments

ACCOUNT = "AC" + "0123456789abcdef" * 2
TOKEN = "simulated-auth-token"
FROM = "+15005550006"
ALICE = "+15551230001"
BOB = "+15551230002"
SID = re.compile(r"^SM[0-9a-f]{32}$")


@pytest.fixture
def sim():
    simulator = TwilioSimulator(ACCOUNT, TOKEN, status_callbacks=True, callback_delay=0.05)
    simulator.start()
    yield simulator
    simulator.stop()


def make_client(base_url: str, token: str = TOKEN) -> Client:
    client = Client(ACCOUNT, token)
    client.edge = client.region = None  # TWILIO_EDGE/TWILIO_REGION would rewrite the host
    client.api.base_url = base_url
    return client


@pytest.fixture
def client(sim, monkeypatch):
    monkeypatch.delenv("TWILIO_EDGE", raising=False)
    monkeypatch.delenv("TWILIO_REGION", raising=False)
    return make_client(sim.base_url)


class Receiver:
    """A tiny webhook server that checks signatures the way our Flask app will."""

    def __init__(self, token: str = TOKEN, answer: str = ""):
        self.validator = RequestValidator(token)
        self.answer = answer
        self.requests: list[dict] = []
        self.changed = threading.Condition()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                raw = self.rfile.read(int(self.headers["Content-Length"])).decode("utf-8")
                # keep_blank_values: Twilio signs its empty fields (FromCity=...) too
                params = dict(urllib.parse.parse_qsl(raw, keep_blank_values=True))
                url = f"http://{self.headers['Host']}{self.path}"
                valid = receiver.validator.validate(url, params, self.headers.get("X-Twilio-Signature", ""))
                with receiver.changed:
                    receiver.requests.append({"path": self.path, "params": params, "valid": valid})
                    receiver.changed.notify_all()
                body = receiver.answer.encode("utf-8") if valid else b"bad signature"
                self.send_response(200 if valid else 403)
                self.send_header("Content-Type", "text/xml; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05})

    def __enter__(self) -> Receiver:
        self.thread.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join()

    def wait_for(self, count: int, timeout: float = 3.0) -> list[dict]:
        with self.changed:
            assert self.changed.wait_for(lambda: len(self.requests) >= count, timeout), self.requests
            return list(self.requests)


def test_create_returns_a_message_instance(sim, client):
    message = client.messages.create(to=ALICE, from_=FROM, body="How are you today?")

    assert SID.match(message.sid)
    assert (message.status, message.to, message.from_, message.body) == ("queued", ALICE, FROM, "How are you today?")
    assert message.direction == "outbound-api"
    assert message.account_sid == ACCOUNT and message.api_version == "2010-04-01"
    assert message.date_created.tzinfo == timezone.utc
    assert message.num_segments == "1" and message.num_media == "0"
    assert message.price is None and message.price_unit == "USD"
    assert message.error_code is None and message.date_sent is None
    assert message.uri == f"/2010-04-01/Accounts/{ACCOUNT}/Messages/{message.sid}.json"

    (stored,) = sim.messages
    assert (stored.sid, stored.to, stored.body, stored.direction) == (message.sid, ALICE, message.body, "outbound-api")
    assert sim.sent_to(ALICE) == ["How are you today?"]


def test_fetch_and_list_newest_first_with_filters_and_paging(sim, client):
    sent = [client.messages.create(to=ALICE if i % 2 else BOB, from_=FROM, body=f"m{i}") for i in range(5)]

    assert client.messages(sent[0].sid).fetch().body == "m0"
    assert [m.body for m in client.messages.list()] == ["m4", "m3", "m2", "m1", "m0"]
    assert [m.body for m in client.messages.list(to=ALICE)] == ["m3", "m1"]
    assert [m.body for m in client.messages.list(from_=FROM, page_size=2)] == ["m4", "m3", "m2", "m1", "m0"]
    assert [m.body for m in client.messages.list(limit=2)] == ["m4", "m3"]

    with pytest.raises(TwilioRestException) as missing:
        client.messages("SM" + "0" * 32).fetch()
    assert (missing.value.status, missing.value.code) == (404, 20404)


def test_client_reads_base_url_on_every_request(sim, monkeypatch):
    monkeypatch.delenv("TWILIO_EDGE", raising=False)
    monkeypatch.delenv("TWILIO_REGION", raising=False)
    client = Client(ACCOUNT, TOKEN)
    _ = client.messages  # domain objects already built, still pointing at api.twilio.com
    client.api.base_url = sim.base_url
    assert client.messages.create(to=ALICE, from_=FROM, body="hi").status == "queued"
    assert sim.sent_to(ALICE) == ["hi"]


def test_wrong_credentials_answer_401_20003(sim):
    with pytest.raises(TwilioRestException) as error:
        make_client(sim.base_url, token="wrong").messages.create(to=ALICE, from_=FROM, body="x")
    assert (error.value.status, error.value.code) == (401, 20003)
    assert sim.messages == []

    raw = requests.get(f"{sim.base_url}/2010-04-01/Accounts/{ACCOUNT}/Messages.json", timeout=5)
    assert raw.status_code == 401 and raw.json()["code"] == 20003


@pytest.mark.parametrize(
    ("kwargs", "code"),
    [
        ({"to": "555-1234", "from_": FROM, "body": "x"}, 21211),
        ({"to": "", "from_": FROM, "body": "x"}, 21604),
        ({"to": ALICE, "from_": FROM}, 21602),
        ({"to": ALICE, "body": "x"}, 21603),
        ({"to": ALICE, "from_": FROM, "body": "x" * 1601}, 21617),
    ],
)
def test_invalid_requests_answer_400_and_store_nothing(sim, client, kwargs, code):
    with pytest.raises(TwilioRestException) as error:
        client.messages.create(**kwargs)
    assert (error.value.status, error.value.code) == (400, code)
    assert sim.messages == []


def test_invalid_to_message_matches_twilio(sim, client):
    with pytest.raises(TwilioRestException) as error:
        client.messages.create(to="+0123", from_=FROM, body="x")
    assert error.value.msg == "Unable to create record: The 'To' number +0123 is not a valid phone number."


def test_reject_answers_21610_until_reachable(sim, client):
    sim.reject(ALICE, code=21610)
    with pytest.raises(TwilioRestException) as error:
        client.messages.create(to=ALICE, from_=FROM, body="x")
    assert (error.value.status, error.value.code) == (400, 21610)
    assert client.messages.create(to=BOB, from_=FROM, body="y").status == "queued"

    sim.reachable(ALICE)
    client.messages.create(to=ALICE, from_=FROM, body="z")
    assert [m.to for m in sim.messages] == [BOB, ALICE]


def test_fail_next_500_then_the_next_create_succeeds(sim, client):
    sim.fail_next(500)
    with pytest.raises(TwilioRestException) as error:
        client.messages.create(to=ALICE, from_=FROM, body="x")
    assert (error.value.status, error.value.code) == (500, 20500)
    assert sim.messages == []

    assert client.messages.create(to=ALICE, from_=FROM, body="retry").status == "queued"
    assert sim.sent_to(ALICE) == ["retry"]


def test_fail_next_times_and_4xx_code(sim, client):
    sim.fail_next(429, times=2)
    sim.fail_next(400, code=21614)
    seen = []
    for _ in range(3):
        with pytest.raises(TwilioRestException) as error:
            client.messages.create(to=ALICE, from_=FROM, body="x")
        seen.append((error.value.status, error.value.code))
    assert seen == [(429, 20429), (429, 20429), (400, 21614)]
    client.messages.create(to=ALICE, from_=FROM, body="ok")


def test_fail_every_nth_create_until_told_to_stop(sim, client):
    sim.fail_every(3, status=503)
    outcomes = []
    for i in range(6):
        try:
            client.messages.create(to=ALICE, from_=FROM, body=f"m{i}")
            outcomes.append("ok")
        except TwilioRestException as error:
            outcomes.append((error.status, error.code))
    assert outcomes == ["ok", "ok", (503, 20503), "ok", "ok", (503, 20503)]
    sim.fail_every(None)
    assert client.messages.create(to=ALICE, from_=FROM, body="free").status == "queued"


def test_on_accept_runs_after_the_message_is_stored(sim, client):
    seen = []
    sim.on_accept = lambda message: seen.append((message.body, len(sim.messages)))
    client.messages.create(to=ALICE, from_=FROM, body="stored first")
    assert seen == [("stored first", 1)]


def test_list_by_date_sent_after_as_the_twilio_client_asks(sim, client):
    from datetime import datetime, timedelta

    before = datetime.now(timezone.utc) - timedelta(minutes=1)
    client.messages.create(to=ALICE, from_=FROM, body="went")
    with sim._changed:  # delivery moves it to "sent", stamping date_sent
        assert sim._changed.wait_for(lambda: sim._messages[0].date_sent is not None, 5)
    assert [m.body for m in client.messages.list(to=ALICE, from_=FROM, date_sent_after=before)] == ["went"]
    assert client.messages.list(to=ALICE, from_=FROM, date_sent_after=before + timedelta(hours=1)) == []


def test_status_callbacks_are_signed_and_ordered(sim, client):
    with Receiver() as receiver:
        callback = f"{receiver.url}/twilio/status?tenant=1"
        message = client.messages.create(to=ALICE, from_=FROM, body="hello", status_callback=callback)
        first, second = receiver.wait_for(2)

    assert first["valid"] and second["valid"]
    assert first["path"] == "/twilio/status?tenant=1"
    assert [first["params"]["MessageStatus"], second["params"]["MessageStatus"]] == ["sent", "delivered"]
    assert first["params"] == {
        "SmsSid": message.sid,
        "SmsStatus": "sent",
        "MessageStatus": "sent",
        "To": ALICE,
        "From": FROM,
        "MessageSid": message.sid,
        "AccountSid": ACCOUNT,
        "ApiVersion": "2010-04-01",
    }
    fetched = client.messages(message.sid).fetch()
    assert fetched.status == "delivered" and fetched.date_sent is not None


def test_unreachable_number_ends_undelivered_with_error_code(sim, client):
    sim.unreachable(BOB, error_code=30006)
    with Receiver() as receiver:
        message = client.messages.create(to=BOB, from_=FROM, body="hello", status_callback=f"{receiver.url}/s")
        assert message.status == "queued"
        sent, final = receiver.wait_for(2)

    assert sent["params"]["MessageStatus"] == "sent" and "ErrorCode" not in sent["params"]
    assert final["valid"]
    assert (final["params"]["MessageStatus"], final["params"]["ErrorCode"]) == ("undelivered", "30006")
    fetched = client.messages(message.sid).fetch()
    assert (fetched.status, fetched.error_code) == ("undelivered", 30006)
    assert fetched.error_message == "Landline or unreachable carrier"


def test_unreachable_failed_skips_sent(sim, client):
    sim.unreachable(BOB, error_code=30008, status="failed")
    with Receiver() as receiver:
        client.messages.create(to=BOB, from_=FROM, body="x", status_callback=f"{receiver.url}/s")
        (only,) = receiver.wait_for(1)
        time.sleep(0.15)  # room for a wrong extra callback to show up
        assert len(receiver.requests) == 1
    assert (only["params"]["MessageStatus"], only["params"]["ErrorCode"]) == ("failed", "30008")


def test_without_status_callbacks_messages_stay_queued():
    with Receiver() as receiver, TwilioSimulator(ACCOUNT, TOKEN, callback_delay=0.01) as quiet:
        message = make_client(quiet.base_url).messages.create(
            to=ALICE, from_=FROM, body="x", status_callback=f"{receiver.url}/s"
        )
        time.sleep(0.1)
        assert receiver.requests == []
        assert make_client(quiet.base_url).messages(message.sid).fetch().status == "queued"


def test_a_dead_callback_target_does_not_stop_delivery(sim, client):
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{probe.getsockname()[1]}/status"
    message = client.messages.create(to=ALICE, from_=FROM, body="x", status_callback=dead)
    deadline = time.monotonic() + 3
    while client.messages(message.sid).fetch().status != "delivered":
        assert time.monotonic() < deadline
        time.sleep(0.02)
    assert client.messages.create(to=BOB, from_=FROM, body="still up").status == "queued"


def test_post_inbound_is_signed_and_twiml_replies_are_recorded(sim):
    twiml = MessagingResponse()
    twiml.message("Tom & Jerry <3 > café 🎉")
    twiml.message("second")
    with Receiver(answer=str(twiml)) as receiver:
        result = sim.post_inbound(f"{receiver.url}/twilio/sms", from_=ALICE, to=FROM, body="OK 👍")
        (request,) = receiver.wait_for(1)

    assert request["valid"]
    params = request["params"]
    assert (params["From"], params["To"], params["Body"]) == (ALICE, FROM, "OK 👍")
    assert params["MessageSid"] == params["SmsSid"] == params["SmsMessageSid"] == result.message_sid
    assert (params["SmsStatus"], params["NumMedia"], params["AccountSid"]) == ("received", "0", ACCOUNT)
    assert params["ApiVersion"] == "2010-04-01" and params["FromCity"] == ""

    assert result.status_code == 200 and result.error_code is None
    assert result.replies == ["Tom & Jerry <3 > café 🎉", "second"]
    assert sim.sent_to(ALICE) == result.replies
    assert {(m.direction, m.status, m.from_) for m in sim.messages} == {("outbound-reply", "delivered", FROM)}


def test_post_inbound_signature_fails_under_another_token(sim):
    with Receiver(token="some-other-token", answer="<Response><Message>no</Message></Response>") as receiver:
        result = sim.post_inbound(f"{receiver.url}/sms", from_=ALICE, to=FROM, body="hi")
    assert (result.status_code, result.replies, result.error_code) == (403, [], 11200)
    assert sim.messages == []


def test_concurrent_creates_are_all_recorded(sim):
    errors = []

    def worker(n: int) -> None:
        try:
            client = make_client(sim.base_url)
            for i in range(5):
                client.messages.create(to=ALICE, from_=FROM, body=f"{n}-{i}")
        except Exception as error:  # surfaced by the assert below
            errors.append(error)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    messages = sim.wait_for(40, timeout=1)
    assert len(messages) == 40
    assert len({m.sid for m in messages}) == 40
    assert sorted(m.body for m in messages) == sorted(f"{n}-{i}" for n in range(8) for i in range(5))


def test_wait_for_times_out_and_clear_forgets(sim, client):
    client.messages.create(to=ALICE, from_=FROM, body="one")
    assert len(sim.wait_for(1)) == 1
    with pytest.raises(TimeoutError):
        sim.wait_for(2, timeout=0.05)
    sim.clear()
    assert sim.messages == [] and client.messages.list() == []


def test_unknown_routes_answer_twilio_style_404(sim):
    response = requests.get(f"{sim.base_url}/2010-04-01/Accounts/{ACCOUNT}/Calls.json", auth=(ACCOUNT, TOKEN), timeout=5)
    assert response.status_code == 404
    assert response.json()["code"] == 20404 and response.json()["status"] == 404


def test_stop_frees_the_port_and_joins_threads():
    # Other simulators (the suite's shared one) may be running: only this one's threads count.
    before = set(threading.enumerate())
    simulator = TwilioSimulator(ACCOUNT, TOKEN, status_callbacks=True, callback_delay=0.05)
    simulator.start()
    port = int(simulator.base_url.rsplit(":", 1)[1])
    client = make_client(simulator.base_url)
    client.messages.create(to=ALICE, from_=FROM, body="x")  # leaves a keep-alive connection open
    simulator.stop()

    assert not [t for t in set(threading.enumerate()) - before if t.name.startswith("twilio-sim")]
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
    with TwilioSimulator(ACCOUNT, TOKEN, port=port) as again:
        assert again.base_url == f"http://127.0.0.1:{port}"
        assert make_client(again.base_url).messages.create(to=ALICE, from_=FROM, body="y").status == "queued"


def test_messaging_service_creates_are_accepted_like_twilio(sim, client):
    message = client.messages.create(to=ALICE, messaging_service_sid="MG" + "a" * 32, body="x")
    assert (message.status, message.from_, message.num_segments) == ("accepted", None, "0")


def test_count_segments():
    assert count_segments("a" * 160) == 1
    assert count_segments("a" * 161) == 2
    assert count_segments("[" * 80) == 1 and count_segments("[" * 81) == 2  # extension chars count twice
    assert count_segments("é" * 160) == 1  # é is in the GSM-7 table
    assert count_segments("ç" * 70) == 1 and count_segments("ç" * 71) == 2  # ç is not
    assert count_segments("🎉" * 35) == 1 and count_segments("🎉" * 36) == 2  # two UTF-16 units each
