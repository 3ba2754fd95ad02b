"""A local stand-in for Twilio's REST Messages API, spoken over real HTTP.

Kinship talks to Twilio only through the official ``twilio`` client. This module runs a
small threaded HTTP server that answers that client exactly as ``api.twilio.com`` would
for the Messages resource, so tests and ``kinship demo`` can send SMS with no Twilio
account. It is the only simulated part of the system: point a real client at it with::

    sim = TwilioSimulator("AC...", "token")
    base_url = sim.start()
    client = twilio.rest.Client("AC...", "token")
    client.api.base_url = base_url          # read on every request by twilio.base.domain
    client.edge = client.region = None      # TWILIO_EDGE/TWILIO_REGION would rewrite the host

(``TwilioSimulator.client()`` does just that.) What lives here:

* ``TwilioSimulator``: the server, its in-memory message store, failure injection
  (``fail_next``, ``reject``, ``unreachable``), delivery simulation with signed status
  callbacks, and ``post_inbound``, which plays Twilio delivering an incoming SMS to our
  webhook and records the TwiML ``<Message>`` replies.
* ``SimulatedMessage`` and ``InboundResult``: what tests inspect.
* ``count_segments``: the GSM-7 / UCS-2 segment count Twilio reports in ``num_segments``.

HTTP surface (all under ``/2010-04-01/Accounts/{AccountSid}``, HTTP Basic auth with the
account SID and auth token):

* ``POST Messages.json``: create (201 with the Message resource, or Twilio's error JSON);
* ``GET Messages/{Sid}.json``: fetch;
* ``GET Messages.json``: list page, newest first, filters ``To``, ``From``, ``DateSent``,
  ``DateSent<``, ``DateSent>``, paging ``PageSize``/``Page``/``PageToken``;
* the account, its ``IncomingPhoneNumbers`` and its messaging services (``/v1/Services``):
  ``TwilioSimulator.account``, a ``twilio_account.SimulatedAccount``;
* anything else: Twilio-style 404 (or 405 for a wrong method on a known path).

Outside the Twilio API, for the demo's phone simulator (same Basic auth, JSON both ways):

* ``GET /_sim/messages``: every text the handsets saw, in order -- sent through the API,
  answered in TwiML, and typed on a handset -- plus the numbers that are unreachable;
* ``POST /_sim/inbound`` ``{"webhook_url", "from", "to", "body"}``: ``post_inbound``;
* ``POST /_sim/unreachable`` ``{"phone", "unreachable": bool, "error_code"?}``;
* ``POST /_sim/clear``: ``clear()``.

Nothing happens at import time; the server exists only between ``start()`` and ``stop()``.
"""

from __future__ import annotations

import base64
import binascii
import collections
import hmac
import json
import logging
import math
import re
import socket
import socketserver
import threading
import urllib.error
import urllib.parse
import urllib.request
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, timezone
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from twilio.request_validator import RequestValidator

from service.demo.twilio_account import SimulatedAccount

__all__ = ["InboundResult", "SimulatedMessage", "TwilioSimulator", "count_segments"]

logger = logging.getLogger(__name__)

API_VERSION = "2010-04-01"
E164 = re.compile(r"^\+[1-9]\d{6,14}$")
MESSAGING_SERVICE_SID = re.compile(r"^MG[0-9a-fA-F]{32}$")
MAX_BODY_CHARS = 1600  # Twilio refuses longer bodies with 21617
CALLBACK_TIMEOUT = 5.0  # seconds; Twilio waits 15 s, but stop() should not

# Texts Twilio puts in "message" (API errors) or "error_message" (delivery errors).
ERROR_TEXT: dict[int, str] = {
    20001: "Invalid paging parameter",
    20003: "Authenticate",
    20004: "Method not allowed",
    20404: "The requested resource {path} was not found",
    20429: "Too Many Requests",
    20500: "An internal server error has occurred",
    20503: "Service is unavailable. Please try again",
    21211: "The 'To' number {to} is not a valid phone number.",
    21408: "Permission to send an SMS has not been enabled for the region indicated by the 'To' number: {to}.",
    21602: "Message body is required.",
    21603: "A 'From' phone number is required.",
    21604: "A 'To' phone number is required.",
    21609: "Invalid StatusCallback url",
    21610: "Attempt to send to unsubscribed recipient",
    21612: "The 'To' phone number: {to}, is not currently reachable using the 'From' phone number: {from_} via SMS.",
    21614: "'To' number is not a valid mobile number",
    21617: "The concatenated message body exceeds the 1600 character limit.",
    21701: "The Messaging Service Sid {mg} is invalid.",
    30003: "Unreachable destination handset",
    30005: "Unknown destination handset",
    30006: "Landline or unreachable carrier",
    30007: "Message filtered",
    30008: "Unknown error",
}
# The API-level code Twilio pairs with a bare HTTP status when no specific code applies.
STATUS_CODE_DEFAULTS = {401: 20003, 404: 20404, 405: 20004, 429: 20429, 500: 20500, 503: 20503}

# GSM 03.38: the basic table costs one septet a character, the extension table two
# (escape + char). Anything else forces UCS-2, counted in UTF-16 code units.
GSM7_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM7_EXTENSION = frozenset("^{}\\[~]|€\f")

_COUNTRY_BY_PREFIX = (("+1", "US"), ("+44", "GB"), ("+61", "AU"), ("+353", "IE"), ("+64", "NZ"))


def count_segments(body: str) -> int:
    """How many SMS segments Twilio bills ``body`` as (no smart encoding)."""
    if all(c in GSM7_BASIC or c in GSM7_EXTENSION for c in body):
        septets = sum(2 if c in GSM7_EXTENSION else 1 for c in body)
        return 1 if septets <= 160 else math.ceil(septets / 153)
    units = len(body.encode("utf-16-le")) // 2  # an emoji is two units
    return 1 if units <= 70 else math.ceil(units / 67)


def _new_sid(prefix: str) -> str:
    return prefix + uuid.uuid4().hex


def _rfc2822(when: datetime | None) -> str | None:
    # Twilio always answers in GMT as "+0000"; the client's parser ignores the offset,
    # so anything but UTC would be silently misread.
    return None if when is None else format_datetime(when.astimezone(timezone.utc))


def _country(number: str) -> str:
    for prefix, country in sorted(_COUNTRY_BY_PREFIX, key=lambda p: -len(p[0])):
        if number.startswith(prefix):
            return country
    return ""


@dataclass
class SimulatedMessage:
    sid: str  # "SM" + 32 hex, like Twilio
    to: str
    from_: str | None
    messaging_service_sid: str | None
    body: str
    status: str  # (accepted →) queued → sent → delivered | undelivered; or failed
    error_code: int | None
    status_callback: str | None
    date_created: datetime  # aware UTC
    direction: str  # "outbound-api" via the API; "outbound-reply" for TwiML answers; "inbound" from a handset
    date_sent: datetime | None = None
    date_updated: datetime | None = None
    num_segments: int = 1

    @property
    def error_message(self) -> str | None:
        return None if self.error_code is None else ERROR_TEXT.get(self.error_code, "Unknown error")


@dataclass
class InboundResult:
    status_code: int  # what our webhook answered
    replies: list[str]  # the text of each TwiML <Message>, in order
    message_sid: str  # the inbound MessageSid we posted
    twiml: str = ""  # the raw answer body
    error_code: int | None = None  # the debugger code Twilio would log (11200, 12100, 14103)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    # Twilio does not follow redirects from webhooks; a 3xx is an answer, not a hop.
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


# Ignore *_PROXY variables: webhooks go straight to the URL, as Twilio's would.
_OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}), _NoRedirect())


def _post_form(url: str, params: dict[str, str], signature: str, timeout: float) -> tuple[int, bytes, str]:
    """POST ``params`` like Twilio's webhook client; returns (status, body, content type)."""
    request = urllib.request.Request(
        url,
        data=urllib.parse.urlencode(params).encode("utf-8"),
        method="POST",
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "X-Twilio-Signature": signature,
            "I-Twilio-Idempotency-Token": str(uuid.uuid4()),
            "User-Agent": "TwilioProxy/1.1",
            "Accept": "*/*",
        },
    )
    try:
        with _OPENER.open(request, timeout=timeout) as response:
            return response.status, response.read(), response.headers.get("Content-Type", "")
    except urllib.error.HTTPError as error:  # a 4xx/5xx/3xx is still an answer
        with error:
            return error.code, error.read(), error.headers.get("Content-Type", "")


class _Server(ThreadingHTTPServer):
    """ThreadingHTTPServer that remembers its connections so stop() can close and join them.

    Connections are HTTP/1.1 keep-alive (the client pools them), so a handler thread can
    sit idle on a socket indefinitely; shutting the socket down is what lets it end.
    """

    daemon_threads = True
    block_on_close = False  # we join our own threads in close_all()

    def __init__(self, address, handler, sim: TwilioSimulator):
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        self.sim = sim
        self._open: dict[socket.socket, threading.Thread] = {}
        self._open_lock = threading.Lock()
        super().__init__(address, handler)

    def server_bind(self):
        # HTTPServer.server_bind calls socket.getfqdn(), a reverse DNS lookup that can
        # stall; we know our name.
        socketserver.TCPServer.server_bind(self)
        self.server_name, self.server_port = self.server_address[:2]

    def process_request(self, request, client_address):
        thread = threading.Thread(
            target=self.process_request_thread,
            args=(request, client_address),
            name=f"twilio-sim-conn-{client_address[1]}",
            daemon=True,
        )
        with self._open_lock:
            self._open[request] = thread
        thread.start()

    def process_request_thread(self, request, client_address):
        try:
            super().process_request_thread(request, client_address)
        finally:
            with self._open_lock:
                self._open.pop(request, None)

    def close_all(self, timeout: float) -> None:
        with self._open_lock:
            open_now = list(self._open.items())
        for sock, _ in open_now:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass  # already closed by the client
        for _, thread in open_now:
            thread.join(timeout)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, like api.twilio.com
    # Headers and body are separate small writes; with Nagle on and the client's delayed
    # ACK, every response on a kept-alive connection would stall ~40 ms.
    disable_nagle_algorithm = True
    server_version = "nginx"
    sys_version = ""
    server: _Server

    def do_GET(self):
        self._dispatch()

    def do_POST(self):
        self._dispatch()

    def do_PUT(self):
        self._dispatch()

    def do_PATCH(self):
        self._dispatch()

    def do_DELETE(self):
        self._dispatch()

    def _read_body(self) -> bytes:
        # Always drain the body, even for requests we refuse: leftover bytes on a
        # keep-alive connection would be read as the next request line.
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            chunks = []
            while True:
                size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
                if size == 0:
                    while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                        pass
                    return b"".join(chunks)
                chunks.append(self.rfile.read(size))
                self.rfile.readline()
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length > 0 else b""

    def _dispatch(self):
        body = self._read_body()
        try:
            handle = self.server.sim._handle_sim if self.path.startswith("/_sim/") else self.server.sim._handle_api
            status, payload, headers = handle(self.command, self.path, body, self.headers.get("Authorization"))
        except Exception:  # a bug here must look like a Twilio 500, not a dropped socket
            logger.exception("twilio simulator failed on %s %s", self.command, self.path)
            status, payload, headers = _error(500, 20500)
        data = b"" if payload is None else json.dumps(payload).encode("utf-8")
        self.send_response(status)
        if payload is not None:
            self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Twilio-Request-Id", _new_sid("RQ"))
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format, *args):  # noqa: A002 - BaseHTTPRequestHandler's name
        logger.debug("twilio simulator: " + format, *args)


def _error(status: int, code: int | None = None, **fmt: Any) -> tuple[int, dict, dict]:
    """Twilio's legacy error body, which the client turns into TwilioRestException."""
    code = code if code is not None else STATUS_CODE_DEFAULTS.get(status, status)
    template = ERROR_TEXT.get(code, f"Simulated Twilio error {code}")
    message = template.format_map(collections.defaultdict(str, fmt))
    payload = {
        "code": code,
        "message": message,
        "more_info": f"https://www.twilio.com/docs/errors/{code}",
        "status": status,
    }
    headers = {}
    if status == 401:
        payload["detail"] = "Your AccountSid or AuthToken was incorrect."
        headers["WWW-Authenticate"] = 'Basic realm="Twilio API"'
    return status, payload, headers


_ROUTE = re.compile(rf"^/{API_VERSION}/Accounts/(?P<account>[^/]+)/Messages(?:/(?P<sid>[^/]+))?\.json$")


class TwilioSimulator:
    """A Twilio Messages API on 127.0.0.1, with a store tests can read and failures they can inject.

    ``status_callbacks=True`` turns on delivery simulation: each accepted message moves
    to ``sent`` and then ``delivered`` (or its ``unreachable`` outcome), one
    ``callback_delay`` apart, and when it was created with a ``StatusCallback`` URL each
    step is POSTed there, signed. With it off, messages stay as created (``queued``),
    which keeps tests that don't care deterministic.

    ``clock`` gives the time stamped on messages (aware UTC; the real time by default): the
    demo passes its shared clock, so the simulated Twilio travels in time with the service.
    """

    def __init__(
        self,
        account_sid: str,
        auth_token: str,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        status_callbacks: bool = False,
        callback_delay: float = 0.2,
        clock: Callable[[], datetime] | None = None,
    ):
        self.account_sid = account_sid
        self.auth_token = auth_token
        self.host = host
        self.port = port
        self.status_callbacks = status_callbacks
        self.callback_delay = callback_delay
        self._now = clock or (lambda: datetime.now(timezone.utc))
        self.base_url = ""
        self._validator = RequestValidator(auth_token)
        self._lock = threading.Lock()
        self._changed = threading.Condition(self._lock)  # notified on every store change
        self._messages: list[SimulatedMessage] = []
        # What the handsets saw, in order: the messages above and the texts typed on a handset.
        self._timeline: list[SimulatedMessage] = []
        self._by_sid: dict[str, SimulatedMessage] = {}
        self._fail_queue: collections.deque[tuple[int, int | None]] = collections.deque()
        self._fail_every: tuple[int, int, int | None] | None = None  # (every nth create, status, code)
        self._creates = 0
        # Called with each accepted message after it is stored and before the answer goes back:
        # the fault suite kills the sending worker there ("kill -9 right after the API accepted").
        self.on_accept: Callable[[SimulatedMessage], None] | None = None
        self._rejected: dict[str, tuple[int, int]] = {}  # phone -> (code, status)
        self._unreachable: dict[str, tuple[int, str]] = {}  # phone -> (error code, status)
        self._server: _Server | None = None
        self._serve_thread: threading.Thread | None = None
        self._workers: set[threading.Thread] = set()
        self._stopping = threading.Event()
        # The account behind these credentials: its numbers and messaging services.
        self.account = SimulatedAccount(account_sid, auth_token, self._now, _error)

    # -- lifecycle -----------------------------------------------------------------

    def start(self) -> str:
        """Bind, serve from a background thread, and return the base URL for the client."""
        if self._server is not None:
            raise RuntimeError("TwilioSimulator is already running")
        self._stopping.clear()
        self._server = _Server((self.host, self.port), _Handler, self)
        bound_host, bound_port = self._server.server_address[:2]
        url_host = {"0.0.0.0": "127.0.0.1", "::": "::1"}.get(bound_host, bound_host)
        if ":" in url_host:
            url_host = f"[{url_host}]"
        self.base_url = f"http://{url_host}:{bound_port}"
        self._serve_thread = threading.Thread(
            target=self._server.serve_forever,
            kwargs={"poll_interval": 0.05},  # shutdown() waits up to one poll
            name="twilio-sim-server",
            daemon=True,
        )
        self._serve_thread.start()
        logger.info("Twilio simulator listening on %s", self.base_url)
        return self.base_url

    def stop(self) -> None:
        """Stop serving, close every connection, join all threads and free the port."""
        server, self._server = self._server, None
        self._stopping.set()  # pending deliveries give up instead of sleeping on
        if server is not None:
            server.shutdown()
            server.server_close()
            server.close_all(timeout=5.0)
        if self._serve_thread is not None:
            self._serve_thread.join(5.0)
            self._serve_thread = None
        with self._lock:
            workers = list(self._workers)
            self._changed.notify_all()
        for worker in workers:
            worker.join(CALLBACK_TIMEOUT + 1.0)

    def __enter__(self) -> TwilioSimulator:
        self.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self.stop()

    def client(self):
        """A real ``twilio.rest.Client`` for this simulator's account, pointed at it."""
        from twilio.rest import Client

        if not self.base_url:
            raise RuntimeError("start() the simulator before asking for a client")
        client = Client(self.account_sid, self.auth_token)
        client.edge = client.region = None  # else get_hostname() rewrites our host
        client.api.base_url = self.base_url
        return client

    # -- what tests read -----------------------------------------------------------

    @property
    def messages(self) -> list[SimulatedMessage]:
        """Every message Twilio would have sent, oldest first (copies: they won't change)."""
        with self._lock:
            return [replace(m) for m in self._messages]

    def sent_to(self, phone: str) -> list[str]:
        """Bodies sent to ``phone`` (API sends and TwiML replies), in order."""
        with self._lock:
            return [m.body for m in self._messages if m.to == phone]

    def wait_for(self, count: int, timeout: float = 5.0) -> list[SimulatedMessage]:
        """Block until at least ``count`` messages exist; raise TimeoutError if they don't."""
        with self._changed:
            if not self._changed.wait_for(lambda: len(self._messages) >= count, timeout):
                seen = [(m.to, m.body) for m in self._messages]
                raise TimeoutError(f"expected {count} messages within {timeout}s, have {len(seen)}: {seen}")
            return [replace(m) for m in self._messages]

    @property
    def timeline(self) -> list[SimulatedMessage]:
        """What the handsets saw, oldest first: every message, and each text typed on a handset
        (direction "inbound") just before the replies it drew."""
        with self._lock:
            return [replace(m) for m in self._timeline]

    def clear(self) -> None:
        """Forget all messages, all injected failures (fail_next, reject, unreachable), and the
        account's numbers and messaging services."""
        self.account.clear()
        with self._lock:
            self._messages.clear()
            self._timeline.clear()
            self._by_sid.clear()
            self._fail_queue.clear()
            self._fail_every = None
            self._creates = 0
            self.on_accept = None
            self._rejected.clear()
            self._unreachable.clear()
            self._changed.notify_all()

    # -- failure injection ---------------------------------------------------------

    def fail_next(self, status: int = 500, code: int | None = None, times: int = 1) -> None:
        """The next ``times`` creates answer HTTP ``status`` with Twilio's error JSON.

        Injected failures are served after authentication and before validation, like an
        outage; ``code`` defaults to Twilio's generic one for the status (20500, 20503, 20429).
        """
        if not 400 <= status <= 599:
            raise ValueError(f"fail_next needs a 4xx or 5xx status, got {status}")
        with self._lock:
            self._fail_queue.extend([(status, code)] * times)

    def fail_every(self, nth: int | None, status: int = 503, code: int | None = None) -> None:
        """Every ``nth`` create from now on answers HTTP ``status`` (None: stop). Like fail_next,
        served after authentication and before validation."""
        if nth is not None and (nth < 1 or not 400 <= status <= 599):
            raise ValueError("fail_every needs n >= 1 and a 4xx or 5xx status")
        with self._lock:
            self._fail_every = None if nth is None else (nth, status, code)
            self._creates = 0

    def reject(self, phone: str, code: int = 21211, status: int = 400) -> None:
        """Every create to ``phone`` answers ``status`` with Twilio error ``code``."""
        with self._lock:
            self._rejected[phone] = (code, status)

    def unreachable(self, phone: str, error_code: int = 30006, status: str = "undelivered") -> None:
        """Creates to ``phone`` are accepted but end ``status`` (undelivered/failed) with ``error_code``."""
        if status not in ("undelivered", "failed"):
            raise ValueError(f"an unreachable number ends 'undelivered' or 'failed', not {status!r}")
        with self._lock:
            self._unreachable[phone] = (error_code, status)

    def settle(self, sid: str, status: str, error_code: int | None = None) -> None:
        """Move message ``sid`` on to ``status`` with no status callback: what a lost callback leaves."""
        with self._lock:
            message = self._by_sid[sid]
            now = self._now()
            message.status, message.error_code, message.date_updated = status, error_code, now
            if message.date_sent is None and status != "failed":
                message.date_sent = now
            self._changed.notify_all()

    def reachable(self, phone: str) -> None:
        """Undo reject() and unreachable() for ``phone``."""
        with self._lock:
            self._rejected.pop(phone, None)
            self._unreachable.pop(phone, None)

    # -- incoming SMS --------------------------------------------------------------

    def post_inbound(
        self,
        webhook_url: str,
        *,
        from_: str,
        to: str,
        body: str,
        message_sid: str | None = None,
        messaging_service_sid: str | None = None,
        timeout: float = 10.0,
    ) -> InboundResult:
        """Deliver an incoming SMS to ``webhook_url`` as Twilio does, and record the TwiML replies.

        The POST is signed over exactly ``webhook_url`` and the form fields. Each
        ``<Message>`` in the answer becomes a delivered "outbound-reply" message to
        ``from_`` (or its ``to`` attribute). Raises ConnectionError if nothing listens there.
        The text itself goes on the ``timeline`` (not in ``messages``: Twilio did not send it).
        """
        sid = message_sid or _new_sid("SM")
        received = self._now()
        typed = SimulatedMessage(
            sid=sid, to=to, from_=from_, messaging_service_sid=messaging_service_sid, body=body,
            status="received", error_code=None, status_callback=None, date_created=received,
            direction="inbound", date_sent=received, date_updated=received, num_segments=count_segments(body),
        )
        with self._lock:
            self._timeline.append(typed)
            self._changed.notify_all()
        params = {
            "ToCountry": _country(to),
            "ToState": "",
            "SmsMessageSid": sid,
            "NumMedia": "0",
            "ToCity": "",
            "FromZip": "",
            "SmsSid": sid,
            "FromState": "",
            "SmsStatus": "received",
            "FromCity": "",
            "Body": body,
            "FromCountry": _country(from_),
            "To": to,
            "ToZip": "",
            "NumSegments": str(count_segments(body)),
            "MessageSid": sid,
            "AccountSid": self.account_sid,
            "From": from_,
            "ApiVersion": API_VERSION,
        }
        if messaging_service_sid:
            params["MessagingServiceSid"] = messaging_service_sid
        signature = self._validator.compute_signature(webhook_url, params)
        try:
            status, raw, _ = _post_form(webhook_url, params, signature, timeout)
        except (urllib.error.URLError, OSError) as error:
            self._note_webhook_error(typed, 11200)
            raise ConnectionError(f"could not deliver inbound SMS to {webhook_url}: {error}") from error
        twiml = raw.decode("utf-8", errors="replace")
        if not 200 <= status < 300:
            self._note_webhook_error(typed, 11200)
            return InboundResult(status, [], sid, twiml, error_code=11200)  # HTTP retrieval failure
        if not raw.strip():
            return InboundResult(status, [], sid, twiml)  # an empty answer sends nothing
        try:
            root = ET.fromstring(raw)  # bytes, so the XML declaration's encoding is honoured
        except ET.ParseError:
            self._note_webhook_error(typed, 12100)
            return InboundResult(status, [], sid, twiml, error_code=12100)  # document parse failure
        if root.tag != "Response":
            self._note_webhook_error(typed, 12100)
            return InboundResult(status, [], sid, twiml, error_code=12100)
        replies: list[SimulatedMessage] = []
        error_code = None
        for element in root:
            if element.tag != "Message":
                continue  # <Redirect> and friends are out of scope
            body_element = element.find("Body")
            text = (body_element.text if body_element is not None else element.text) or ""
            text = text.strip()  # indentation inside <Message> is not part of the SMS
            if not text:
                error_code = 14103  # Twilio refuses an empty <Message>
                continue
            now = self._now()
            replies.append(
                SimulatedMessage(
                    sid=_new_sid("SM"),
                    to=element.get("to") or from_,
                    from_=element.get("from") or to,
                    messaging_service_sid=messaging_service_sid,
                    body=text,
                    status="delivered",
                    error_code=None,
                    status_callback=element.get("statusCallback") or element.get("action"),
                    date_created=now,
                    direction="outbound-reply",
                    date_sent=now,
                    date_updated=now,
                    num_segments=count_segments(text),
                )
            )
        with self._lock:
            for reply in replies:
                self._store(reply)
        return InboundResult(status, [r.body for r in replies], sid, twiml, error_code)

    def _note_webhook_error(self, typed: SimulatedMessage, code: int) -> None:
        # The debugger code Twilio would log against the incoming message.
        with self._lock:
            typed.error_code = code
            self._changed.notify_all()

    # -- the phone simulator's endpoints (outside the Twilio API) -------------------

    def _handle_sim(self, method: str, target: str, body: bytes, authorization: str | None):
        """``/_sim/*``: what the demo's phone simulator reads and does, as JSON."""
        path = urllib.parse.urlsplit(target).path
        if not self._authorized(authorization):
            return _error(401, 20003)
        routes = {"/_sim/messages": "GET", "/_sim/inbound": "POST", "/_sim/unreachable": "POST", "/_sim/clear": "POST"}
        if path not in routes:
            return _error(404, 20404, path=path)
        if method != routes[path]:
            return _error(405, 20004)
        if path == "/_sim/messages":
            return 200, self._handset_view(), {}
        if path == "/_sim/clear":
            self.clear()
            return 200, {"cleared": True}, {}
        try:
            form = json.loads(body.decode("utf-8") or "{}")
        except (UnicodeDecodeError, ValueError):
            form = None
        if not isinstance(form, dict):
            return 400, {"message": "send a JSON object"}, {}
        if path == "/_sim/unreachable":
            return self._sim_unreachable(form)
        return self._sim_inbound(form)

    def _handset_view(self) -> dict[str, Any]:
        with self._lock:
            timeline = [_handset_json(m) for m in self._timeline]
            unreachable = {phone: {"error_code": code, "status": status}
                           for phone, (code, status) in self._unreachable.items()}
        return {"now": self._now().isoformat(), "messages": timeline, "unreachable": unreachable}

    def _sim_unreachable(self, form: dict):
        phone = str(form.get("phone") or "")
        if not E164.match(phone):
            return 400, {"message": f"not an E.164 phone number: {phone!r}"}, {}
        if form.get("unreachable", True):
            try:
                self.unreachable(phone, int(form.get("error_code") or 30006), str(form.get("status") or "undelivered"))
            except ValueError as error:
                return 400, {"message": str(error)}, {}
        else:
            self.reachable(phone)
        return 200, self._handset_view()["unreachable"], {}

    def _sim_inbound(self, form: dict):
        fields = {name: str(form.get(name) or "") for name in ("webhook_url", "from", "to", "body")}
        missing = [name for name, value in fields.items() if not value and name != "body"]
        if missing:
            return 400, {"message": f"missing {', '.join(missing)}"}, {}
        try:
            result = self.post_inbound(fields["webhook_url"], from_=fields["from"], to=fields["to"], body=fields["body"])
        except ConnectionError as error:
            return 502, {"message": str(error)}, {}
        return 200, {"status_code": result.status_code, "replies": result.replies, "message_sid": result.message_sid,
                     "error_code": result.error_code}, {}

    # -- the API -------------------------------------------------------------------

    def _store(self, message: SimulatedMessage) -> None:
        # Caller holds self._lock.
        self._messages.append(message)
        self._timeline.append(message)
        self._by_sid[message.sid] = message
        self._changed.notify_all()

    def _authorized(self, authorization: str | None) -> bool:
        if not authorization or not authorization.startswith("Basic "):
            return False
        try:
            decoded = base64.b64decode(authorization[6:].strip(), validate=True).decode("utf-8")
        except (binascii.Error, UnicodeDecodeError):
            return False
        username, _, password = decoded.partition(":")
        return hmac.compare_digest(username.encode(), self.account_sid.encode()) and hmac.compare_digest(
            password.encode(), self.auth_token.encode()
        )

    def _handle_api(self, method: str, target: str, body: bytes, authorization: str | None):
        """Answer one request: returns (HTTP status, JSON payload or None, extra headers)."""
        split = urllib.parse.urlsplit(target)
        path = split.path
        # Twilio authenticates before it routes: any unauthenticated request gets 401.
        if not self._authorized(authorization):
            return _error(401, 20003)
        if self.account.handles(path):
            query = urllib.parse.parse_qs(split.query, keep_blank_values=True)
            form = urllib.parse.parse_qs(body.decode("utf-8", errors="replace"), keep_blank_values=True)
            return self.account.handle(method, path, {k: v[0] for k, v in query.items()},
                                       {k: v[0] for k, v in form.items()}, self.base_url)
        match = _ROUTE.match(path)
        if not match or match["account"] != self.account_sid:
            return _error(404, 20404, path=path)
        sid = match["sid"]
        if sid is None and method == "POST":
            form = urllib.parse.parse_qs(body.decode("utf-8", errors="replace"), keep_blank_values=True)
            return self._create({k: v[0] for k, v in form.items()}, form)
        if sid is None and method == "GET":
            query = urllib.parse.parse_qs(split.query, keep_blank_values=True)
            return self._list({k: v[0] for k, v in query.items()}, path)
        if sid is not None and method == "GET":
            with self._lock:
                message = self._by_sid.get(sid)
                resource = None if message is None else self._resource(message)
            if resource is None:
                return _error(404, 20404, path=path)
            return 200, resource, {}
        return _error(405, 20004)

    def _create(self, form: dict[str, str], multi: dict[str, list[str]]):
        with self._lock:
            injected = self._fail_queue.popleft() if self._fail_queue else None
            self._creates += 1
            if injected is None and self._fail_every is not None and self._creates % self._fail_every[0] == 0:
                injected = self._fail_every[1:]
        if injected is not None:
            status, code = injected
            return _error(status, code, to=form.get("To", ""), from_=form.get("From", ""))
        to = form.get("To", "")
        from_ = form.get("From") or None
        mg = form.get("MessagingServiceSid") or None
        body = form.get("Body", "")
        callback = form.get("StatusCallback") or None
        if not to:
            return _error(400, 21604)
        if not E164.match(to):
            return _error(400, 21211, to=to)
        if not from_ and not mg:
            return _error(400, 21603)
        if mg and not MESSAGING_SERVICE_SID.match(mg):
            return _error(400, 21701, mg=mg)
        if not body and not multi.get("MediaUrl") and not form.get("ContentSid"):
            return _error(400, 21602)
        if len(body) > MAX_BODY_CHARS:
            return _error(400, 21617)
        if callback and urllib.parse.urlsplit(callback).scheme not in ("http", "https"):
            return _error(400, 21609)
        now = self._now()
        with self._lock:
            rejected = self._rejected.get(to)
            if rejected is not None:
                code, status = rejected
                return _error(status, code, to=to, from_=from_ or "")
            outcome = self._unreachable.get(to)
            message = SimulatedMessage(
                sid=_new_sid("SM"),
                to=to,
                from_=from_,
                messaging_service_sid=mg,
                body=body,
                # Twilio answers "accepted" when a Messaging Service still has to pick the
                # sender, and reports 0 segments until it has.
                status="accepted" if mg and not from_ else "queued",
                error_code=None,
                status_callback=callback,
                date_created=now,
                direction="outbound-api",
                date_updated=now,
                num_segments=0 if mg and not from_ else count_segments(body),
            )
            self._store(message)
            resource = self._resource(message)
            if self.status_callbacks and not self._stopping.is_set():
                self._spawn_delivery(message, outcome)
            accepted = replace(message)
        if self.on_accept is not None:
            self.on_accept(accepted)
        return 201, resource, {}

    def _list(self, query: dict[str, str], path: str):
        try:
            page_size = min(max(int(query.get("PageSize") or 50), 1), 1000)
            page = max(int(query.get("Page") or 0), 0)
        except ValueError:
            return _error(400, 20001)
        filters = {k: query[k] for k in ("To", "From") if query.get(k)}
        date_filters = {k: query[k] for k in ("DateSent", "DateSent<", "DateSent>") if query.get(k)}
        with self._lock:
            items = [m for m in reversed(self._messages) if _matches(m, filters, date_filters)]
            start = page * page_size
            token = query.get("PageToken", "")
            if token.startswith("PA"):
                # The token anchors at the last record of the previous page, so new
                # messages arriving between pages don't shift what comes next.
                for index, m in enumerate(items):
                    if m.sid == token[2:]:
                        start = index + 1
                        break
            chunk = items[start : start + page_size]
            resources = [self._resource(m) for m in chunk]
            more = start + page_size < len(items)

        def page_uri(number: int, page_token: str | None = None) -> str:
            params = dict(filters, **date_filters, PageSize=str(page_size), Page=str(number))
            if page_token:
                params["PageToken"] = page_token
            return f"{path}?{urllib.parse.urlencode(params)}"

        return (
            200,
            {
                "messages": resources,
                "end": start + max(len(chunk) - 1, 0),
                "first_page_uri": page_uri(0),
                "next_page_uri": page_uri(page + 1, "PA" + chunk[-1].sid) if more and chunk else None,
                "page": page,
                "page_size": page_size,
                "previous_page_uri": page_uri(page - 1) if page > 0 else None,
                "start": start,
                "uri": page_uri(page, query.get("PageToken")),
            },
            {},
        )

    def _resource(self, m: SimulatedMessage) -> dict[str, Any]:
        uri = f"/{API_VERSION}/Accounts/{self.account_sid}/Messages/{m.sid}"
        return {
            "account_sid": self.account_sid,
            "api_version": API_VERSION,
            "body": m.body,
            "date_created": _rfc2822(m.date_created),
            "date_sent": _rfc2822(m.date_sent),
            "date_updated": _rfc2822(m.date_updated or m.date_created),
            "direction": m.direction,
            "error_code": m.error_code,
            "error_message": m.error_message,
            "from": m.from_,
            "messaging_service_sid": m.messaging_service_sid,
            "num_media": "0",
            "num_segments": str(m.num_segments),
            "price": None,
            "price_unit": "USD",
            "sid": m.sid,
            "status": m.status,
            "subresource_uris": {"media": f"{uri}/Media.json", "feedback": f"{uri}/Feedback.json"},
            "to": m.to,
            "uri": f"{uri}.json",
        }

    # -- delivery simulation -------------------------------------------------------

    def _spawn_delivery(self, message: SimulatedMessage, outcome: tuple[int, str] | None) -> None:
        # Caller holds self._lock. One thread per message keeps its callbacks in order
        # while a slow or dead callback target never holds up anyone else's.
        if outcome is None:
            steps = [("sent", None), ("delivered", None)]
        elif outcome[1] == "failed":
            steps = [("failed", outcome[0])]  # Twilio never hands a failed message to a carrier
        else:
            steps = [("sent", None), (outcome[1], outcome[0])]
        worker = threading.Thread(
            target=self._deliver, args=(message.sid, steps), name=f"twilio-sim-callback-{message.sid[:10]}", daemon=True
        )
        self._workers.add(worker)
        worker.start()

    def _deliver(self, sid: str, steps: list[tuple[str, int | None]]) -> None:
        try:
            for status, error_code in steps:
                if self._stopping.wait(self.callback_delay):
                    return
                with self._lock:
                    message = self._by_sid.get(sid)
                    if message is None:
                        return  # cleared meanwhile
                    now = self._now()
                    message.status = status
                    message.error_code = error_code
                    message.date_updated = now
                    if status == "sent":
                        message.date_sent = now
                        if message.num_segments == 0:
                            message.num_segments = count_segments(message.body)
                    self._changed.notify_all()
                    params = {
                        "SmsSid": sid,
                        "SmsStatus": status,
                        "MessageStatus": status,
                        "To": message.to,
                        "MessageSid": sid,
                        "AccountSid": self.account_sid,
                        "ApiVersion": API_VERSION,
                    }
                    if message.from_:
                        params["From"] = message.from_
                    if message.messaging_service_sid:
                        params["MessagingServiceSid"] = message.messaging_service_sid
                    if error_code is not None:
                        params["ErrorCode"] = str(error_code)
                    url = message.status_callback
                if url:
                    self._callback(url, params)
        finally:
            with self._lock:
                self._workers.discard(threading.current_thread())

    def _callback(self, url: str, params: dict[str, str]) -> None:
        signature = self._validator.compute_signature(url, params)
        try:
            status, _, _ = _post_form(url, params, signature, CALLBACK_TIMEOUT)
        except (urllib.error.URLError, OSError, ValueError) as error:
            # A down callback target is the application's problem, not the simulator's.
            logger.warning("status callback %s for %s failed: %s", params["MessageStatus"], url, error)
            return
        if not 200 <= status < 300:
            logger.warning("status callback %s to %s answered HTTP %s", params["MessageStatus"], url, status)


def _handset_json(m: SimulatedMessage) -> dict[str, Any]:
    return {
        "sid": m.sid,
        "direction": m.direction,
        "from": m.from_,
        "to": m.to,
        "body": m.body,
        "status": m.status,
        "error_code": m.error_code,
        "error_message": m.error_message,
        "date_created": m.date_created.isoformat(),
        "date_updated": (m.date_updated or m.date_created).isoformat(),
    }


def _parse_date_filter(value: str) -> datetime | date | None:
    try:
        if len(value) <= 10:
            return date.fromisoformat(value)
        return datetime.fromisoformat(value.replace("Z", "+00:00")).astimezone(timezone.utc)
    except ValueError:
        return None


def _matches(m: SimulatedMessage, filters: dict[str, str], date_filters: dict[str, str]) -> bool:
    if "To" in filters and m.to != filters["To"]:
        return False
    if "From" in filters and m.from_ != filters["From"]:
        return False
    for name, raw in date_filters.items():
        bound = _parse_date_filter(raw)
        if bound is None:
            continue
        if m.date_sent is None:
            return False
        sent: datetime | date = m.date_sent if isinstance(bound, datetime) else m.date_sent.date()
        if name == "DateSent" and m.date_sent.date() != (bound.date() if isinstance(bound, datetime) else bound):
            return False
        if name == "DateSent<" and sent > bound:
            return False
        if name == "DateSent>" and sent < bound:
            return False
    return True
