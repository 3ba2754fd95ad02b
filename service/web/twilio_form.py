"""What a Twilio webhook may carry: each field Kinship reads, in Twilio's own format, or a 400.

A valid signature is not enough on its own. Twilio signs the sorted names and values run
together with no separator, so the same signature fits another cut of the same characters:
``MessageSid=SM…NumMedia0`` with ``NumMedia`` removed validates like the original, and
would be stored as a new text with a new answer. Strict formats close that door (a
MessageSid is ``SM``/``MM`` and 32 hex digits, an AccountSid ``AC`` and 32, phone numbers
E.164), and keep every value inside its column, so a bad field is a 400 and never a
database error whose traceback would carry a member's number and words.

A ``FormError`` names the field and what is wrong with it, never its value: it is logged.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

MESSAGE_SID = re.compile(r"(?:SM|MM)[0-9a-fA-F]{32}")
ACCOUNT_SID = re.compile(r"AC[0-9a-fA-F]{32}")
E164 = re.compile(r"\+[1-9][0-9]{1,14}")
# Twilio's statuses are lower-case words; one Kinship does not know is accepted and ignored.
MESSAGE_STATUS = re.compile(r"[a-z_]{1,32}")
# Twilio's error codes have five digits; six leaves room and still fits any integer column.
ERROR_CODE = re.compile(r"[0-9]{1,6}")
# Twilio's retry token is opaque; one that is not a plain short token is ignored, not refused,
# so a change in its format can never cost a member's reply.
IDEMPOTENCY_TOKEN = re.compile(r"[\x21-\x7e]{1,128}")
IDEMPOTENCY_HEADER = "I-Twilio-Idempotency-Token"


class FormError(ValueError):
    """A field Kinship reads is missing, repeated or not in Twilio's format."""

    def __init__(self, field: str, problem: str):
        self.field = field
        super().__init__(f"{field} {problem}")


@dataclass(frozen=True)
class IncomingSms:
    message_sid: str
    account_sid: str
    from_phone: str
    to_phone: str
    body: str
    idempotency_token: str | None


@dataclass(frozen=True)
class StatusCallback:
    message_sid: str
    account_sid: str
    status: str
    error_code: int | None


def incoming_sms(form, headers: Mapping[str, str]) -> IncomingSms:
    """The fields of ``POST /twilio/sms``; raises FormError."""
    return IncomingSms(
        message_sid=_field(form, "MessageSid", MESSAGE_SID, "SM or MM and 32 hex digits"),
        account_sid=_field(form, "AccountSid", ACCOUNT_SID, "AC and 32 hex digits"),
        from_phone=_field(form, "From", E164, "an E.164 phone number"),
        to_phone=_field(form, "To", E164, "an E.164 phone number"),
        # PostgreSQL text cannot hold NUL; a reply is never lost over one.
        body=(_single(form, "Body") or "").replace("\x00", ""),
        idempotency_token=idempotency_token(headers),
    )


def status_callback(form) -> StatusCallback:
    """The fields of ``POST /twilio/status``; raises FormError."""
    message_sid = _field(form, "MessageSid", MESSAGE_SID, "SM or MM and 32 hex digits")
    account_sid = _field(form, "AccountSid", ACCOUNT_SID, "AC and 32 hex digits")
    status = _field(form, "MessageStatus", MESSAGE_STATUS, "a lower-case word of at most 32 letters")
    # Not read, but Twilio always sends them as numbers: anything else is not Twilio's.
    for name in ("From", "To"):
        if _single(form, name) is not None:
            _field(form, name, E164, "an E.164 phone number")
    code = _single(form, "ErrorCode")
    if code and not ERROR_CODE.fullmatch(code):
        raise FormError("ErrorCode", "is not a Twilio error code (1 to 6 digits)")
    return StatusCallback(message_sid, account_sid, status, int(code) if code else None)


def idempotency_token(headers: Mapping[str, str]) -> str | None:
    token = headers.get(IDEMPOTENCY_HEADER)
    return token if token and IDEMPOTENCY_TOKEN.fullmatch(token) else None


def _single(form, name: str) -> str | None:
    values = form.getlist(name) if hasattr(form, "getlist") else ([form[name]] if name in form else [])
    if len(values) > 1:
        raise FormError(name, "is given more than once")
    return values[0] if values else None


def _field(form, name: str, pattern: re.Pattern, shape: str) -> str:
    value = _single(form, name)
    if not value:
        raise FormError(name, "is missing")
    if not pattern.fullmatch(value):
        raise FormError(name, f"is not {shape}")
    return value
