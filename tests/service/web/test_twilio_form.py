"""The fields of Twilio's webhooks, read strictly: Twilio's own formats or a FormError naming the field."""

from __future__ import annotations

import pytest
from werkzeug.datastructures import Headers, MultiDict

from service.web.twilio_form import FormError, incoming_sms, status_callback

SMS = {"MessageSid": "MM" + "0123456789abcdef" * 2, "AccountSid": "AC" + "F" * 32, "From": "+447700900123",
       "To": "+15005550006", "Body": "ok"}


def test_an_mms_sid_and_upper_case_hex_are_twilios_own():
    text = incoming_sms(MultiDict(SMS), Headers())
    assert text.message_sid == SMS["MessageSid"] and text.idempotency_token is None


def test_a_missing_body_is_an_empty_text_and_nul_is_dropped():
    assert incoming_sms(MultiDict({k: v for k, v in SMS.items() if k != "Body"}), Headers()).body == ""
    assert incoming_sms(MultiDict({**SMS, "Body": "\x00a\x00b"}), Headers()).body == "ab"


@pytest.mark.parametrize("token, kept", [
    ("b6f3b0a2-6f8e-4a57-9c1e-2c5d1e7a9f10", True),
    ("x" * 128, True),
    ("x" * 129, False),
    ("two words", False),
    ("", False),
    ("caf\u00e9", False),
])
def test_a_retry_token_is_kept_only_when_it_is_a_plain_short_token(token, kept):
    text = incoming_sms(MultiDict(SMS), Headers({"I-Twilio-Idempotency-Token": token}))
    assert (text.idempotency_token == token) == kept
    assert kept or text.idempotency_token is None


def test_the_error_names_the_field_never_its_value():
    with pytest.raises(FormError) as raised:
        incoming_sms(MultiDict({**SMS, "From": "+1415555012399999999"}), Headers())
    assert raised.value.field == "From"
    assert "1415555" not in str(raised.value)


@pytest.mark.parametrize("code, read", [("", None), ("30003", 30003), ("0", 0), ("999999", 999999)])
def test_an_error_code_is_up_to_six_digits(code, read):
    callback = status_callback(MultiDict({"MessageSid": "SM" + "a" * 32, "AccountSid": "AC" + "a" * 32,
                                          "MessageStatus": "failed", "ErrorCode": code}))
    assert callback.error_code == read


def test_a_status_kinship_does_not_know_is_read_and_left_to_delivery_to_ignore():
    callback = status_callback(MultiDict({"MessageSid": "SM" + "a" * 32, "AccountSid": "AC" + "a" * 32,
                                          "MessageStatus": "partially_delivered"}))
    assert callback.status == "partially_delivered"
