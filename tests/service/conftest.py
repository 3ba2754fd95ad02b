"""A community most black-box tests of the buddy and safety paths start from."""

from __future__ import annotations

import pytest

SAM, ALEX, ANA = "+14155550101", "+14155550102", "+14155550999"


@pytest.fixture
def paired(kinship, twilio, worker, twilio_api):
    """Harbour Lights (Chicago): Sam and Alex, joined and paired as buddies; Ana, a coordinator
    with a phone. The invitations and introductions are sent, and the Twilio log cleared."""
    kinship("community", "add", "Harbour Lights", "--timezone", "America/Chicago")
    kinship("coordinator", "add", "ana@example.org", "--community", "Harbour Lights", "--phone", ANA,
            "--password-stdin", input="a long enough secret\n")
    for name, phone in (("Sam Rivera", SAM), ("Alex Chen", ALEX)):
        kinship("member", "add", "--community", "Harbour Lights", "--name", name, "--phone", phone)
        twilio.sms(phone, "YES")
    result = kinship("pair", "--community", "Harbour Lights")
    assert result.exit_code == 0, result.output
    worker()
    twilio_api.clear()
    return "Harbour Lights"


@pytest.fixture
def joined(kinship, twilio):
    """Harbour Lights (Chicago): Sam and Alex, invited and joined; nobody paired, nothing sent."""
    kinship("community", "add", "Harbour Lights", "--timezone", "America/Chicago")
    for name, phone in (("Sam Rivera", SAM), ("Alex Chen", ALEX)):
        kinship("member", "add", "--community", "Harbour Lights", "--name", name, "--phone", phone)
        twilio.sms(phone, "YES")


# --- replies the reader is unsure of -----------------------------------------------------

# A sign of risk the reader cannot settle either way: it asks the member directly. Two words
# each, so the model alone never calls them a crisis (longer ones move with every retraining).
UNSURE = "done lol"
UNSURE_ES = "ya decidí"
# What the reader tells coordinators about each.
UNSURE_CONCERNS = {UNSURE: "sounded close to replies that were a crisis",
                   UNSURE_ES: "said they have decided, without saying what"}


@pytest.fixture
def unsure_reader():
    """The real reader, checked to be unsure of UNSURE and UNSURE_ES, and to want no support
    for UNSURE (so SAFE leaves it to *Unread replies*; the Spanish one also wants support)."""
    from service.reading import read_reply

    for phrase, language in ((UNSURE, "en"), (UNSURE_ES, "es")):
        reading = read_reply(phrase, language)
        assert reading.action == "ask" and reading.wants_support == (phrase == UNSURE_ES), reading.reasons
        assert UNSURE_CONCERNS[phrase] in reading.concerns
    return read_reply
