"""The simulated Twilio's account: the account itself, its phone numbers and messaging services.

``TwilioSimulator`` (``twilio_simulator``) answers the Messages API; this module answers the
parts of Twilio's REST API an operator's tools use to check and configure where texts come
in, in Twilio's wire format, for the real ``twilio`` client (``kinship doctor``, ``kinship
twilio connect`` and their tests):

* ``GET /2010-04-01/Accounts/{AccountSid}.json``: the account (status, type);
* ``GET /2010-04-01/Accounts/{AccountSid}/IncomingPhoneNumbers.json``: list, filters
  ``PhoneNumber`` and ``FriendlyName``, paging ``PageSize``/``Page``;
* ``GET``/``POST /2010-04-01/Accounts/{AccountSid}/IncomingPhoneNumbers/{PN…}.json``: fetch,
  update (``SmsUrl``, ``SmsMethod``, ``SmsFallbackUrl``, ``SmsFallbackMethod``,
  ``StatusCallback``, ``StatusCallbackMethod``, ``FriendlyName``, ``VoiceUrl``, ``VoiceMethod``);
* ``GET /v1/Services``, ``GET``/``POST /v1/Services/{MG…}`` (``InboundRequestUrl``,
  ``InboundMethod``, ``StatusCallback``, ``FallbackUrl``, ``FallbackMethod``,
  ``UseInboundWebhookOnNumber``, ``FriendlyName``) and ``GET /v1/Services/{MG…}/PhoneNumbers``:
  Twilio serves these from messaging.twilio.com; the simulator from the same base URL.

Tests and the demo set the account up with ``add_number`` and ``add_messaging_service``.
Values are checked as Twilio does where it matters here (methods GET/POST, http(s) URLs);
the rest of Twilio's validation is out of scope.
"""

from __future__ import annotations

import re
import threading
import urllib.parse
import uuid
from collections.abc import Callable
from datetime import datetime
from email.utils import format_datetime
from typing import Any

API_VERSION = "2010-04-01"
_ACCOUNT = re.compile(rf"^/{API_VERSION}/Accounts/(?P<account>[^/]+)\.json$")
_NUMBERS = re.compile(rf"^/{API_VERSION}/Accounts/(?P<account>[^/]+)/IncomingPhoneNumbers(?:/(?P<sid>[^/]+))?\.json$")
_SERVICES = re.compile(r"^/v1/Services(?:/(?P<sid>[^/]+)(?P<numbers>/PhoneNumbers)?)?$")

NUMBER_FIELDS = {  # form field -> resource field
    "SmsUrl": "sms_url", "SmsMethod": "sms_method", "SmsFallbackUrl": "sms_fallback_url",
    "SmsFallbackMethod": "sms_fallback_method", "StatusCallback": "status_callback",
    "StatusCallbackMethod": "status_callback_method", "FriendlyName": "friendly_name",
    "VoiceUrl": "voice_url", "VoiceMethod": "voice_method",
}
SERVICE_FIELDS = {
    "InboundRequestUrl": "inbound_request_url", "InboundMethod": "inbound_method",
    "StatusCallback": "status_callback", "FallbackUrl": "fallback_url", "FallbackMethod": "fallback_method",
    "UseInboundWebhookOnNumber": "use_inbound_webhook_on_number", "FriendlyName": "friendly_name",
}
_BOOLEAN = {"use_inbound_webhook_on_number"}

Answer = tuple[int, dict | None, dict]
ErrorFactory = Callable[..., Answer]


def _rfc2822(when: datetime) -> str:
    return format_datetime(when)


def _iso(when: datetime) -> str:
    return when.strftime("%Y-%m-%dT%H:%M:%SZ")


def _new_sid(prefix: str) -> str:
    return prefix + uuid.uuid4().hex


class SimulatedAccount:
    """The account behind the simulator's credentials, and what it owns."""

    def __init__(self, account_sid: str, auth_token: str, now: Callable[[], datetime], error: ErrorFactory):
        self.account_sid = account_sid
        self.auth_token = auth_token
        self.status = "active"  # or "suspended", "closed"
        self.type = "Full"  # or "Trial"
        self._now = now
        self._error = error
        self._created = now()
        self._lock = threading.Lock()
        self._numbers: dict[str, dict[str, Any]] = {}
        self._services: dict[str, dict[str, Any]] = {}
        self._service_numbers: dict[str, list[str]] = {}

    # -- what tests set up and read ---------------------------------------------------

    def add_number(self, phone_number: str, *, sms_url: str = "", sms_method: str = "POST", sms: bool = True,
                   friendly_name: str | None = None) -> str:
        """A number bought on the account (its SMS webhook as given); returns its PN sid."""
        now = self._now()
        sid = _new_sid("PN")
        with self._lock:
            self._numbers[sid] = {
                "sid": sid, "phone_number": phone_number, "friendly_name": friendly_name or phone_number,
                "sms_url": sms_url, "sms_method": sms_method, "sms_fallback_url": "", "sms_fallback_method": "POST",
                "status_callback": "", "status_callback_method": "POST", "voice_url": "", "voice_method": "POST",
                "capabilities": {"fax": False, "mms": sms, "sms": sms, "voice": True},
                "date_created": now, "date_updated": now,
            }
        return sid

    def add_messaging_service(self, friendly_name: str = "Kinship", *, inbound_request_url: str = "",
                              status_callback: str = "", numbers: tuple[str, ...] = (),
                              use_inbound_webhook_on_number: bool = False) -> str:
        """A messaging service with these sender numbers (each added to the account too)."""
        now = self._now()
        sid = _new_sid("MG")
        number_sids = [self.add_number(n) for n in numbers]
        with self._lock:
            self._services[sid] = {
                "sid": sid, "friendly_name": friendly_name, "inbound_request_url": inbound_request_url,
                "inbound_method": "POST", "fallback_url": "", "fallback_method": "POST",
                "status_callback": status_callback, "use_inbound_webhook_on_number": use_inbound_webhook_on_number,
                "date_created": now, "date_updated": now,
            }
            self._service_numbers[sid] = number_sids
        return sid

    def number(self, phone_number: str) -> dict[str, Any] | None:
        with self._lock:
            found = next((n for n in self._numbers.values() if n["phone_number"] == phone_number), None)
            return dict(found) if found else None

    def service(self, sid: str) -> dict[str, Any] | None:
        with self._lock:
            found = self._services.get(sid)
            return dict(found) if found else None

    def clear(self) -> None:
        with self._lock:
            self._numbers.clear()
            self._services.clear()
            self._service_numbers.clear()
        self.status, self.type = "active", "Full"

    # -- the API ------------------------------------------------------------------------

    def handles(self, path: str) -> bool:
        return bool(_ACCOUNT.match(path) or _NUMBERS.match(path) or _SERVICES.match(path))

    def handle(self, method: str, path: str, query: dict[str, str], form: dict[str, str], base_url: str) -> Answer:
        if match := _ACCOUNT.match(path):
            if match["account"] != self.account_sid:
                return self._error(404, 20404, path=path)
            return (200, self._account(), {}) if method == "GET" else self._error(405, 20004)
        if match := _NUMBERS.match(path):
            if match["account"] != self.account_sid:
                return self._error(404, 20404, path=path)
            return self._numbers_api(method, match["sid"], path, query, form)
        match = _SERVICES.match(path)
        return self._services_api(method, match["sid"], bool(match["numbers"]), path, query, form, base_url)

    def _account(self) -> dict[str, Any]:
        uri = f"/{API_VERSION}/Accounts/{self.account_sid}"
        return {
            "auth_token": self.auth_token, "date_created": _rfc2822(self._created), "date_updated": _rfc2822(self._created),
            "friendly_name": "Kinship (simulated)", "owner_account_sid": self.account_sid, "sid": self.account_sid,
            "status": self.status, "type": self.type, "uri": f"{uri}.json",
            "subresource_uris": {name: f"{uri}/{name}.json" for name in ("IncomingPhoneNumbers", "Messages")},
        }

    def _numbers_api(self, method: str, sid: str | None, path: str, query: dict[str, str], form: dict[str, str]) -> Answer:
        if sid is None:
            if method != "GET":
                return self._error(405, 20004)
            with self._lock:
                found = [self._number_json(n) for n in self._numbers.values()
                         if query.get("PhoneNumber", n["phone_number"]) == n["phone_number"]
                         and query.get("FriendlyName", n["friendly_name"]) == n["friendly_name"]]
            return self._page(found, "incoming_phone_numbers", path, query)
        with self._lock:
            number = self._numbers.get(sid)
            if number is None:
                return self._error(404, 20404, path=path)
            if method == "POST":
                problem = _update(number, form, NUMBER_FIELDS)
                if problem:
                    return self._error(400, 20001)
                number["date_updated"] = self._now()
            elif method != "GET":
                return self._error(405, 20004)
            return 200, self._number_json(number), {}

    def _number_json(self, n: dict[str, Any]) -> dict[str, Any]:
        uri = f"/{API_VERSION}/Accounts/{self.account_sid}/IncomingPhoneNumbers/{n['sid']}"
        return {
            "account_sid": self.account_sid, "address_requirements": "none", "address_sid": None,
            "api_version": API_VERSION, "beta": False, "bundle_sid": None, "capabilities": dict(n["capabilities"]),
            "date_created": _rfc2822(n["date_created"]), "date_updated": _rfc2822(n["date_updated"]),
            "emergency_address_sid": None, "emergency_address_status": "unregistered", "emergency_status": "Inactive",
            "friendly_name": n["friendly_name"], "identity_sid": None, "origin": "twilio",
            "phone_number": n["phone_number"], "sid": n["sid"], "sms_application_sid": "",
            "sms_fallback_method": n["sms_fallback_method"], "sms_fallback_url": n["sms_fallback_url"],
            "sms_method": n["sms_method"], "sms_url": n["sms_url"], "status": "in-use",
            "status_callback": n["status_callback"], "status_callback_method": n["status_callback_method"],
            "subresource_uris": {"assigned_add_ons": f"{uri}/AssignedAddOns.json"}, "trunk_sid": None,
            "type": "local", "uri": f"{uri}.json", "voice_application_sid": "", "voice_caller_id_lookup": False,
            "voice_fallback_method": "POST", "voice_fallback_url": "", "voice_method": n["voice_method"],
            "voice_receive_mode": "voice", "voice_url": n["voice_url"],
        }

    def _services_api(self, method: str, sid: str | None, numbers: bool, path: str, query: dict[str, str],
                      form: dict[str, str], base_url: str) -> Answer:
        if sid is None:
            if method != "GET":
                return self._error(405, 20004)
            with self._lock:
                found = [self._service_json(s, base_url) for s in self._services.values()]
            return self._page(found, "services", path, query, base_url, v1=True)
        with self._lock:
            service = self._services.get(sid)
            if service is None:
                return self._error(404, 20404, path=path.removeprefix("/v1"))
            if numbers:
                if method != "GET":
                    return self._error(405, 20004)
                found = [self._service_number_json(sid, self._numbers[n], base_url)
                         for n in self._service_numbers.get(sid, []) if n in self._numbers]
                return self._page(found, "phone_numbers", path, query, base_url, v1=True)
            if method == "POST":
                if _update(service, form, SERVICE_FIELDS):
                    return self._error(400, 20001)
                service["date_updated"] = self._now()
            elif method != "GET":
                return self._error(405, 20004)
            return 200, self._service_json(service, base_url), {}

    def _service_json(self, s: dict[str, Any], base_url: str) -> dict[str, Any]:
        url = f"{base_url}/v1/Services/{s['sid']}"
        return {
            "account_sid": self.account_sid, "area_code_geomatch": True, "date_created": _iso(s["date_created"]),
            "date_updated": _iso(s["date_updated"]), "fallback_method": s["fallback_method"],
            "fallback_to_long_code": True, "fallback_url": s["fallback_url"] or None,
            "friendly_name": s["friendly_name"], "inbound_method": s["inbound_method"],
            "inbound_request_url": s["inbound_request_url"] or None,
            "links": {name: f"{url}/{path}" for name, path in
                      (("phone_numbers", "PhoneNumbers"), ("short_codes", "ShortCodes"), ("alpha_senders", "AlphaSenders"))},
            "mms_converter": True, "scan_message_content": "inherit", "sid": s["sid"], "smart_encoding": True,
            "status_callback": s["status_callback"] or None, "sticky_sender": True, "synchronous_validation": True,
            "url": url, "us_app_to_person_registered": False,
            "use_inbound_webhook_on_number": s["use_inbound_webhook_on_number"], "usecase": "undeclared",
            "validity_period": 14400,
        }

    def _service_number_json(self, service_sid: str, n: dict[str, Any], base_url: str) -> dict[str, Any]:
        return {
            "account_sid": self.account_sid, "capabilities": ["SMS", "MMS"] if n["capabilities"]["sms"] else [],
            "country_code": "US" if n["phone_number"].startswith("+1") else "", "date_created": _iso(n["date_created"]),
            "date_updated": _iso(n["date_updated"]), "phone_number": n["phone_number"], "service_sid": service_sid,
            "sid": n["sid"], "url": f"{base_url}/v1/Services/{service_sid}/PhoneNumbers/{n['sid']}",
        }

    def _page(self, items: list[dict], key: str, path: str, query: dict[str, str], base_url: str = "", *,
              v1: bool = False) -> Answer:
        """A list page: a 2010-04-01 one (relative ``*_page_uri``s, filters kept) or a v1 one
        (a ``meta`` of absolute ``*_page_url``s)."""
        paged = _paging(items, query)
        if paged is None:
            return self._error(400, 20001)
        chunk, page, size, more = paged
        kept = {} if v1 else _filters(query)

        def link(number: int) -> str:
            return f"{base_url}{path}?{urllib.parse.urlencode({**kept, 'PageSize': size, 'Page': number})}"

        first, following = link(0), link(page + 1) if more else None
        previous, this = link(page - 1) if page > 0 else None, link(page)
        if v1:
            return 200, {key: chunk, "meta": {"first_page_url": first, "key": key, "next_page_url": following,
                                              "page": page, "page_size": size, "previous_page_url": previous,
                                              "url": this}}, {}
        return 200, {key: chunk, "end": page * size + max(len(chunk) - 1, 0), "first_page_uri": first,
                     "next_page_uri": following, "page": page, "page_size": size, "previous_page_uri": previous,
                     "start": page * size, "uri": this}, {}


def _filters(query: dict[str, str]) -> dict[str, str]:
    return {k: v for k, v in query.items() if k in ("PhoneNumber", "FriendlyName")}


def _paging(items: list[dict], query: dict[str, str]) -> tuple[list[dict], int, int, bool] | None:
    try:
        size = min(max(int(query.get("PageSize") or 50), 1), 1000)
        page = max(int(query.get("Page") or 0), 0)
    except ValueError:
        return None
    start = page * size
    return items[start:start + size], page, size, start + size < len(items)


def _update(resource: dict[str, Any], form: dict[str, str], fields: dict[str, str]) -> str | None:
    """Apply a POSTed form to ``resource``; the name of the first bad value, or None."""
    changes: dict[str, Any] = {}
    for name, value in form.items():
        field = fields.get(name)
        if field is None:
            continue
        if field in _BOOLEAN:
            if value.lower() not in ("true", "false"):
                return name
            changes[field] = value.lower() == "true"
        elif field.endswith("method"):
            if value.upper() not in ("GET", "POST"):
                return name
            changes[field] = value.upper()
        elif field.endswith(("url", "callback")) and value and urllib.parse.urlsplit(value).scheme not in ("http", "https"):
            return name
        else:
            changes[field] = value
    resource.update(changes)
    return None
