"""Twilio's error codes in the words a coordinator reads on a card: "the phone is off or out of range".

Only the codes a volunteer can do something about are named; any other code reads as
"the carrier could not deliver it (error N)", so nothing is ever shown as a bare number.
"""

from __future__ import annotations

CARRIER_WORDS = {
    21211: "the number is not a valid phone number",
    21408: "texts to that country are not enabled",
    21610: "the person replied STOP",
    21612: "the carrier cannot deliver to this number",
    21614: "this number cannot receive texts",
    30001: "Twilio's queue overflowed",
    30002: "the Twilio account is suspended",
    30003: "the phone is off or out of range",
    30004: "the number blocks texts from us",
    30005: "the number does not exist or is no longer in service",
    30006: "this number cannot receive texts (a landline?)",
    30007: "the carrier filtered it as spam",
    30008: "the carrier gave an unknown error",
    30032: "the sender number is not registered for texting",
}


def carrier_reason(code: int | None) -> str:
    if code is None:
        return "the carrier could not deliver it"
    return CARRIER_WORDS.get(code, f"the carrier could not deliver it (error {code})")
