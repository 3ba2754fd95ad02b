"""Sending one SMS through the real twilio client, and saying plainly what happened.

The client is pointed at ``TWILIO_API_BASE_URL`` (Twilio itself in production, the local
simulator in the demo and the tests); everything else about the call is production's.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cached_property

from requests.adapters import HTTPAdapter
from requests.exceptions import ReadTimeout, RequestException
from twilio.base.exceptions import TwilioException, TwilioRestException
from twilio.http.http_client import TwilioHttpClient
from twilio.rest import Client

from service.settings import TWILIO_API, Settings

TIMEOUT_SECONDS = 15
# Every text asks Twilio to drop it, rather than send it late, if it is still in Twilio's own
# queue after this long. That bounds how long a text whose fate we do not know can still go
# out, which is what makes sending it again safe after reconciliation's window
# (``service.messaging.reconcile``). The pacer keeps Twilio's queue short: a text that waits
# there a quarter of an hour is behind an outage anyway.
VALIDITY_PERIOD = timedelta(minutes=15)


@dataclass(frozen=True)
class SendResult:
    sid: str | None = None
    error_code: int | None = None
    error: str | None = None
    # 5xx, 429 and connection errors: an outage, which may pass; a 4xx will not.
    retryable: bool = False
    # The request may have reached Twilio and no answer came back: sent or not, nobody knows.
    unknown: bool = False

    @property
    def accepted(self) -> bool:
        return self.sid is not None


def make_client(settings: Settings, connections: int = 10) -> Client:
    """The real twilio client for these settings, every REST call sent to ``TWILIO_API_BASE_URL``.

    Twilio serves messaging services from another host (messaging.twilio.com); a base URL
    other than Twilio's own (the local simulator) takes those calls too.
    """
    http = TwilioHttpClient(timeout=TIMEOUT_SECONDS)
    # One HTTP session for every send of the process, keeping a connection per sending
    # thread open: a batch pays for TCP and TLS set-up once, not once a text.
    adapter = HTTPAdapter(pool_connections=4, pool_maxsize=connections)
    http.session.mount("https://", adapter)
    http.session.mount("http://", adapter)
    client = Client(settings.twilio_account_sid, settings.twilio_auth_token, http_client=http)
    # An edge or region (from TWILIO_EDGE/TWILIO_REGION) would rewrite the host of a
    # non-Twilio base URL such as the local simulator's; the base URL decides alone.
    client.edge = client.region = None
    client.api.base_url = settings.twilio_api_base_url
    if settings.twilio_api_base_url != TWILIO_API:
        client.messaging.base_url = settings.twilio_api_base_url
    return client


class TwilioGateway:
    def __init__(self, settings: Settings, connections: int = 10):
        self.settings = settings
        self.connections = connections

    @cached_property
    def client(self) -> Client:
        # Made on first use: processes that never send (the CLI's database commands) need
        # no Twilio credentials.
        return make_client(self.settings, self.connections)

    def send(self, *, to: str, body: str, from_number: str | None) -> SendResult:
        sender: dict[str, str] = {}
        if from_number or self.settings.twilio_from_number:
            sender["from_"] = from_number or self.settings.twilio_from_number
        else:
            sender["messaging_service_sid"] = self.settings.twilio_messaging_service_sid
        try:
            message = self.client.messages.create(
                to=to, body=body, status_callback=self.settings.status_callback_url(),
                validity_period=int(VALIDITY_PERIOD.total_seconds()), **sender
            )
        except TwilioRestException as error:
            return SendResult(error_code=error.code, error=f"HTTP {error.status}: {error.msg}",
                              retryable=error.status >= 500 or error.status == 429)
        except ReadTimeout as error:
            # The request reached Twilio and no answer came back: it may have been sent, and
            # sending it again could text the member twice. Reconciliation finds out.
            return SendResult(error=f"no answer from Twilio, may have been sent: {error}", unknown=True)
        except (TwilioException, OSError) as error:
            # Connection refused or reset before Twilio had the request: safe to try again.
            return SendResult(error=f"{type(error).__name__}: {error}", retryable=True)
        return SendResult(sid=message.sid)

    def sender_for(self, from_number: str | None) -> str | None:
        """The number a text went out from (None: a messaging service chose it)."""
        return from_number or self.settings.twilio_from_number or None

    def find_sent(self, *, to: str, from_number: str | None, since: datetime, body: str,
                  exclude: frozenset[str] = frozenset()) -> FoundMessage | None:
        """The text with ``body`` Twilio holds to ``to`` from our sender since ``since``, if any.

        Twilio's Messages list filters by To, From and DateSent; a text still in Twilio's
        own queue has no DateSent yet, so the newest few to that number are read as well
        and judged by their creation time. ``exclude``: SIDs already recorded on other rows.
        Raises the client's errors: the caller leaves the row as it is and tries next tick.
        """
        sender = self.sender_for(from_number)
        filters: dict = {"to": to}
        if sender:
            filters["from_"] = sender
        try:
            candidates = list(self.client.messages.list(date_sent_after=since, limit=LOOKUP_LIMIT, **filters))
            candidates += [m for m in self.client.messages.list(limit=LOOKUP_LIMIT, **filters)
                           if m.date_sent is None and m.date_created is not None and m.date_created >= since]
        except (TwilioException, RequestException, OSError) as error:
            raise LookupFailed(f"{type(error).__name__}: {error}") from error
        for found in candidates:
            if found.sid not in exclude and (found.body or "").strip() == body.strip():
                return FoundMessage(sid=found.sid, status=found.status, error_code=found.error_code)
        return None


class LookupFailed(Exception):
    """Twilio could not be asked (down, refusing, unreachable): try again on the next pass."""


# A member gets a few texts a day: a stuck text is among the newest few to their number.
LOOKUP_LIMIT = 50


@dataclass(frozen=True)
class FoundMessage:
    sid: str
    status: str
    error_code: int | None
