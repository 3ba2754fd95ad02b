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
