"""The Twilio account as an operator sees it: are the credentials good, are our senders on the
account, and do their webhooks point at ``PUBLIC_URL``.

A sender is a phone number (its *A message comes in* webhook, ``sms_url``, is where replies
reach us; delivery callbacks are asked for on every text we send) or a messaging service (its
``inbound_request_url`` and ``status_callback``). ``inspect`` says what is and what should be;
``connect`` makes it so through Twilio's API (``kinship twilio connect``).
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from sqlalchemy import select
from sqlalchemy.orm import Session
from twilio.base.exceptions import TwilioRestException
from twilio.rest import Client

from service.models import Community
from service.settings import Settings

NUMBER, SERVICE = "number", "messaging service"


@dataclass(frozen=True)
class Sender:
    kind: str  # NUMBER or SERVICE
    address: str  # an E.164 number or an MG… sid
    used_by: tuple[str, ...]  # community names, or "the default sender"

    def __str__(self) -> str:
        return f"{self.kind} {self.address} ({', '.join(self.used_by)})"


@dataclass(frozen=True)
class Change:
    field: str
    before: object
    after: object

    def __str__(self) -> str:
        return f"{self.field}: {self.before or '(none)'} → {self.after}"


@dataclass
class Wiring:
    """One sender as Twilio has it, and what would point it at us."""

    sender: Sender
    sid: str | None = None  # the PN… or MG… sid; None when it is not on the account
    problems: list[str] = field(default_factory=list)  # what no API call here can fix
    changes: list[Change] = field(default_factory=list)  # what ``connect`` would change

    @property
    def connected(self) -> bool:
        return self.sid is not None and not self.problems and not self.changes


def unreachable_public_url(settings: Settings) -> str | None:
    """Why Twilio could not reach ``PUBLIC_URL``, or None when it might."""
    host = urlsplit(settings.public_url).hostname or ""
    if host == "localhost" or host.endswith(".localhost"):
        return f"PUBLIC_URL is {settings.public_url}, which Twilio cannot reach"
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return None
    if address.is_loopback or address.is_private or address.is_unspecified or address.is_link_local:
        return f"PUBLIC_URL is {settings.public_url}, a private address Twilio cannot reach"
    return None


def _default(settings: Settings) -> tuple[str, str | None]:
    # The gateway sends from TWILIO_FROM_NUMBER when both are set.
    if settings.twilio_messaging_service_sid and not settings.twilio_from_number:
        return SERVICE, settings.twilio_messaging_service_sid
    return NUMBER, settings.twilio_from_number


def senders_from_settings(settings: Settings) -> list[Sender]:
    """The settings' own sender, when the database cannot say which communities use which."""
    kind, address = _default(settings)
    return [Sender(kind, address, ("the default sender",))] if address else []


def senders(session: Session, settings: Settings, community_name: str | None = None) -> list[Sender]:
    """Every sender Kinship texts from (or one community's), each once, with who uses it."""
    default = _default(settings)
    query = select(Community).order_by(Community.name)
    if community_name is not None:
        query = query.where(Community.name == community_name)
    communities = list(session.scalars(query))
    users: dict[tuple[str, str], list[str]] = {}
    for community in communities:
        key = (NUMBER, community.from_number) if community.from_number else default
        if key[1]:
            users.setdefault(key, []).append(community.name)
    if community_name is None and default[1]:
        users.setdefault(default, []).insert(0, "the default sender")
    return [Sender(kind, address, tuple(names)) for (kind, address), names in users.items()]


def account_status(client: Client, settings: Settings) -> tuple[str, str]:
    """(status, type) of the account: one real API call that proves the credentials."""
    account = client.api.v2010.accounts(settings.twilio_account_sid).fetch()
    return account.status, account.type


def inspect(client: Client, settings: Settings, sender: Sender) -> Wiring:
    return _inspect_service(client, settings, sender) if sender.kind == SERVICE else _inspect_number(client, settings, sender)


def _inspect_number(client: Client, settings: Settings, sender: Sender) -> Wiring:
    wiring = Wiring(sender)
    found = client.incoming_phone_numbers.list(phone_number=sender.address, limit=1)
    if not found:
        wiring.problems.append(f"{sender.address} is not a number on this Twilio account")
        return wiring
    number = found[0]
    wiring.sid = number.sid
    if not (number.capabilities or {}).get("sms", False):
        wiring.problems.append(f"{sender.address} cannot send or receive SMS")
    wanted = {"sms_url": settings.sms_webhook_url(), "sms_method": "POST"}
    wiring.changes = [Change(name, getattr(number, name), value) for name, value in wanted.items()
                      if (getattr(number, name) or "") != value]
    return wiring


def _inspect_service(client: Client, settings: Settings, sender: Sender) -> Wiring:
    wiring = Wiring(sender)
    try:
        service = client.messaging.v1.services(sender.address).fetch()
    except TwilioRestException as error:
        if error.status != 404:
            raise
        wiring.problems.append(f"{sender.address} is not a messaging service on this Twilio account")
        return wiring
    wiring.sid = service.sid
    if not client.messaging.v1.services(sender.address).phone_numbers.list(limit=1):
        wiring.problems.append(f"the messaging service {sender.address} has no phone number to send from")
    wanted = {"inbound_request_url": settings.sms_webhook_url(), "inbound_method": "POST",
              "status_callback": settings.status_callback_url(), "use_inbound_webhook_on_number": False}
    wiring.changes = [Change(name, getattr(service, name), value) for name, value in wanted.items()
                      if (getattr(service, name) or ("" if isinstance(value, str) else False)) != value]
    return wiring


def connect(client: Client, wiring: Wiring) -> None:
    """Make the changes ``inspect`` found, in one API call."""
    if wiring.sid is None or not wiring.changes:
        return
    values = {change.field: change.after for change in wiring.changes}
    if wiring.sender.kind == SERVICE:
        client.messaging.v1.services(wiring.sid).update(**values)
    else:
        client.incoming_phone_numbers(wiring.sid).update(**values)
