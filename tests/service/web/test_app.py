"""The web process warms itself before its first request, and a warm-up changes nothing."""

from __future__ import annotations

from sqlalchemy import func, select

from service.models import InboundMessage, OutboundMessage
from service.web.app import warm_up


def test_warm_up_connects_and_loads_the_reader_and_writes_nothing(app, db, twilio_api):
    warm_up(app)
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(InboundMessage)) == 0
        assert s.scalar(select(func.count()).select_from(OutboundMessage)) == 0
    assert twilio_api.messages == []
