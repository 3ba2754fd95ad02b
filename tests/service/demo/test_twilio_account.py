"""The simulated Twilio's account, numbers and messaging services, read and changed by the real
``twilio`` client over HTTP, in Twilio's wire format (paging included)."""

from __future__ import annotations

import pytest
from twilio.base.exceptions import TwilioRestException

from service.demo.twilio_simulator import TwilioSimulator
from service.messaging.twilio_gateway import make_client
from service.settings import Settings

ACCOUNT = "AC" + "5" * 32
TOKEN = "account-test-token"


@pytest.fixture
def sim():
    with TwilioSimulator(ACCOUNT, TOKEN) as simulator:
        yield simulator


@pytest.fixture
def client(sim):
    return make_client(Settings(twilio_account_sid=ACCOUNT, twilio_auth_token=TOKEN, twilio_api_base_url=sim.base_url))


def test_the_account_answers_with_its_status_and_type(sim, client):
    account = client.api.v2010.accounts(ACCOUNT).fetch()
    assert (account.sid, account.status, account.type) == (ACCOUNT, "active", "Full")
    sim.account.status = "suspended"
    assert client.api.v2010.accounts(ACCOUNT).fetch().status == "suspended"
    with pytest.raises(TwilioRestException) as refused:
        make_client(Settings(twilio_account_sid=ACCOUNT, twilio_auth_token="wrong",
                             twilio_api_base_url=sim.base_url)).api.v2010.accounts(ACCOUNT).fetch()
    assert (refused.value.status, refused.value.code) == (401, 20003)


def test_numbers_are_listed_filtered_paged_and_updated(sim, client):
    first = sim.account.add_number("+15005550006", sms_url="https://old.example.org/sms")
    sim.account.add_number("+15005550007")
    sim.account.add_number("+15005550008", sms=False)
    assert [n.phone_number for n in client.incoming_phone_numbers.list(page_size=1)] == [
        "+15005550006", "+15005550007", "+15005550008"]  # three pages, followed through next_page_uri
    [found] = client.incoming_phone_numbers.list(phone_number="+15005550006")
    assert (found.sid, found.sms_url, found.sms_method, found.capabilities["sms"]) == (
        first, "https://old.example.org/sms", "POST", True)
    updated = client.incoming_phone_numbers(first).update(sms_url="https://kinship.example.org/twilio/sms",
                                                          sms_method="POST")
    assert updated.sms_url == "https://kinship.example.org/twilio/sms"
    assert sim.account.number("+15005550006")["sms_url"] == "https://kinship.example.org/twilio/sms"
    for bad in ({"sms_method": "PUT"}, {"sms_url": "ftp://x"}):
        with pytest.raises(TwilioRestException) as refused:
            client.incoming_phone_numbers(first).update(**bad)
        assert refused.value.status == 400
    assert sim.account.number("+15005550006")["sms_url"] == "https://kinship.example.org/twilio/sms"
    with pytest.raises(TwilioRestException) as missing:
        client.incoming_phone_numbers("PN" + "0" * 32).fetch()
    assert (missing.value.status, missing.value.code) == (404, 20404)


def test_messaging_services_and_their_numbers(sim, client):
    sid = sim.account.add_messaging_service("Harbour Lights", numbers=("+15005550009",),
                                            use_inbound_webhook_on_number=True)
    sim.account.add_messaging_service("Another")
    assert [s.friendly_name for s in client.messaging.v1.services.list(page_size=1)] == ["Harbour Lights", "Another"]
    service = client.messaging.v1.services(sid).fetch()
    assert (service.inbound_request_url, service.use_inbound_webhook_on_number) == (None, True)
    changed = client.messaging.v1.services(sid).update(
        inbound_request_url="https://kinship.example.org/twilio/sms", inbound_method="POST",
        status_callback="https://kinship.example.org/twilio/status", use_inbound_webhook_on_number=False)
    assert (changed.inbound_request_url, changed.status_callback, changed.use_inbound_webhook_on_number) == (
        "https://kinship.example.org/twilio/sms", "https://kinship.example.org/twilio/status", False)
    assert [n.phone_number for n in client.messaging.v1.services(sid).phone_numbers.list()] == ["+15005550009"]
    with pytest.raises(TwilioRestException) as missing:
        client.messaging.v1.services("MG" + "0" * 32).fetch()
    assert missing.value.status == 404


def test_clear_forgets_the_numbers_and_services(sim, client):
    sim.account.add_number("+15005550006")
    sim.account.add_messaging_service()
    sim.account.type = "Trial"
    sim.clear()
    assert client.incoming_phone_numbers.list() == [] and client.messaging.v1.services.list() == []
    assert client.api.v2010.accounts(ACCOUNT).fetch().type == "Full"
