"""Phone numbers, parsed once at the edge into E.164 with ``phonenumbers``."""

from __future__ import annotations

import phonenumbers


class PhoneError(ValueError):
    """The text is not a phone number that can receive texts; the message says why."""


def parse_phone(text: str, region: str = "US") -> str:
    """E.164 for ``text``; numbers written without ``+`` are read in ``region`` (ISO 3166)."""
    raw = (text or "").strip()
    if not raw:
        raise PhoneError("no phone number given")
    if len(raw) > 40:
        raise PhoneError(f"{raw[:20]!r}… is too long to be a phone number")
    try:
        number = phonenumbers.parse(raw, region.upper())
    except phonenumbers.NumberParseException:
        raise PhoneError(f"{raw!r} is not a phone number") from None
    if not phonenumbers.is_valid_number(number):
        raise PhoneError(f"{raw!r} is not a valid phone number for {region.upper()}" if not raw.startswith("+") else f"{raw!r} is not a valid phone number")
    kind = phonenumbers.number_type(number)
    if kind in (phonenumbers.PhoneNumberType.FIXED_LINE, phonenumbers.PhoneNumberType.PAGER, phonenumbers.PhoneNumberType.PREMIUM_RATE, phonenumbers.PhoneNumberType.SHARED_COST):
        raise PhoneError(f"{raw!r} looks like a landline or service number, which cannot receive texts")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def masked(e164: str) -> str:
    """A number as shown in logs: enough to tell two members apart, not enough to dial."""
    return f"{e164[:3]}•••{e164[-4:]}" if len(e164) > 7 else "•••"
