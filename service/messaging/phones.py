"""Phone numbers, parsed once at the edge into E.164 with ``phonenumbers``."""

from __future__ import annotations

import re

import phonenumbers

# What may appear in a phone number as people write one: digits and the usual punctuation.
# phonenumbers also reads letters (1-800-FLOWERS, "x12" extensions), which cannot be texted.
WRITTEN = re.compile(r"^[0-9+\-(). /\u00a0]+$")


class PhoneError(ValueError):
    """The text is not a phone number that can receive texts; the message says why."""


def parse_phone(text: str, region: str = "US") -> str:
    """E.164 for ``text``; numbers written without ``+`` are read in ``region`` (ISO 3166)."""
    raw = (text or "").strip()
    if not raw:
        raise PhoneError("no phone number given")
    if len(raw) > 40:
        raise PhoneError(f"{raw[:20]!r}… is too long to be a phone number")
    if not WRITTEN.match(raw):
        raise PhoneError(f"{raw!r} is not a phone number: only digits, spaces and + - ( ) . belong in one")
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

