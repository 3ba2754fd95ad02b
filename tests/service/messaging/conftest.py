"""Sam, invited to Harbour Lights: the one text a sending test starts from."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from service.models import OutboundMessage
from tests.service.conftest import SAM


@pytest.fixture
def invited(kinship):
    """Harbour Lights (Chicago) and Sam Rivera, invited: his invitation is queued, not sent."""
    kinship("community", "add", "Harbour Lights", "--timezone", "America/Chicago")
    kinship("member", "add", "--community", "Harbour Lights", "--name", "Sam Rivera", "--phone", SAM)


def invite_row(db) -> OutboundMessage:
    """Sam's invitation, as the database holds it now."""
    with db.session() as s:
        return s.scalar(select(OutboundMessage).where(OutboundMessage.kind == "invite"))
