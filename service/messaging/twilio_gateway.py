"""Sending one SMS through the real twilio client, and saying plainly what happened.

The client is pointed at ``TWILIO_API_BASE_URL`` (Twilio itself in production, the local
simulator in the demo and the tests); everything else about the call is production's.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from requests.adapters import HTTPAdapter
from requests.exceptions import ReadTimeout
from twilio.base.exceptions import TwilioException, TwilioRestException
from twilio.http.http_client import TwilioHttpClient
from twilio.rest import Client

from service.settings import TWILIO_API, Settings

TIMEOUT_SECONDS = 15


@dataclass(frozen=True)
class SendResult:
    sid: str | None = None
    error_code: int | None = None
    error: str | None = None
    # 5xx and timeouts may succeed later; a 4xx will not.
    retryable: bool = False

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
                to=to, body=body, status_callback=self.settings.status_callback_url(), **sender
            )
        except TwilioRestException as error:
            return SendResult(error_code=error.code, error=f"HTTP {error.status}: {error.msg}",
                              retryable=error.status >= 500 or error.status == 429)
        except ReadTimeout as error:
            # The request reached Twilio and no answer came back: it may have been sent, and
            # sending it again could text the member twice. It is marked failed, visibly.
            return SendResult(error=f"no answer from Twilio, may have been sent: {error}", retryable=False)
        except (TwilioException, OSError) as error:
            # Connection refused or reset before Twilio had the request: safe to try again.
            return SendResult(error=f"{type(error).__name__}: {error}", retryable=True)
        return SendResult(sid=message.sid)
