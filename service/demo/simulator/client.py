"""A small client for the simulated Twilio's ``/_sim/*`` endpoints (the demo only).

The web process knows the simulator by the settings it already has: ``TWILIO_API_BASE_URL``
and the Twilio credentials, which the simulator checks like the real API does.
"""

from __future__ import annotations

import base64
import json
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from service.clock import parse_instant
from service.settings import Settings

# Posting a reply waits for our own webhook's answer, which itself may wait on the database.
TIMEOUT_SECONDS = 20
_OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


class SimulatorUnavailable(RuntimeError):
    """The simulated Twilio did not answer, or answered with an error; the message says which."""


@dataclass(frozen=True)
class HandsetMessage:
    """One text as a handset saw it: sent by Kinship (outbound) or typed on the phone (inbound)."""

    sid: str
    direction: str  # "outbound-api", "outbound-reply" or "inbound"
    from_: str | None
    to: str
    body: str
    status: str  # queued, sent, delivered, undelivered, failed; "received" for a typed text
    error_code: int | None
    created_at: datetime  # aware UTC, on the demo clock

    @property
    def typed(self) -> bool:
        return self.direction == "inbound"

    @property
    def phone(self) -> str:
        """The handset this message belongs to."""
        return (self.from_ or "") if self.typed else self.to


@dataclass(frozen=True)
class Handsets:
    messages: list[HandsetMessage]
    unreachable: dict[str, int]  # phone -> the error code its texts end with


@dataclass(frozen=True)
class Delivered:
    status_code: int  # what our webhook answered
    replies: list[str]
    error_code: int | None


class SimulatorClient:
    def __init__(self, settings: Settings):
        self.base_url = settings.twilio_api_base_url.rstrip("/")
        credentials = f"{settings.twilio_account_sid}:{settings.twilio_auth_token}".encode()
        self._authorization = "Basic " + base64.b64encode(credentials).decode("ascii")

    def handsets(self) -> Handsets:
        answer = self._call("GET", "/_sim/messages")
        messages = [
            HandsetMessage(sid=m["sid"], direction=m["direction"], from_=m["from"], to=m["to"], body=m["body"],
                           status=m["status"], error_code=m["error_code"], created_at=parse_instant(m["date_created"]))
            for m in answer["messages"]
        ]
        return Handsets(messages, {phone: entry["error_code"] for phone, entry in answer["unreachable"].items()})

    def text_in(self, webhook_url: str, *, from_: str, to: str, body: str) -> Delivered:
        """Type ``body`` on the handset ``from_``: the simulator posts it to our webhook, signed."""
        answer = self._call("POST", "/_sim/inbound", {"webhook_url": webhook_url, "from": from_, "to": to, "body": body})
        return Delivered(answer["status_code"], answer["replies"], answer["error_code"])

    def set_reachable(self, phone: str, reachable: bool, error_code: int = 30003) -> None:
        self._call("POST", "/_sim/unreachable", {"phone": phone, "unreachable": not reachable, "error_code": error_code})

    def clear(self) -> None:
        self._call("POST", "/_sim/clear", {})

    def _call(self, method: str, path: str, payload: dict | None = None) -> Any:
        request = urllib.request.Request(
            self.base_url + path,
            data=None if payload is None else json.dumps(payload).encode("utf-8"),
            method=method,
            headers={"Authorization": self._authorization, "Content-Type": "application/json", "Accept": "application/json"},
        )
        try:
            with _OPENER.open(request, timeout=TIMEOUT_SECONDS) as response:
                return json.loads(response.read().decode("utf-8"))
        except urllib.error.HTTPError as error:
            with error:
                detail = error.read().decode("utf-8", errors="replace")[:200]
            raise SimulatorUnavailable(f"the simulated Twilio answered HTTP {error.code} to {path}: {detail}") from None
        except (urllib.error.URLError, OSError, ValueError) as error:
            raise SimulatorUnavailable(f"the simulated Twilio at {self.base_url} did not answer: {error}") from None
