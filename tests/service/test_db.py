"""Workers are woken only for rows that really exist: after the outermost commit."""

from sqlalchemy import select

from service.db import Database
from service.models import Community, Lane, MessageState, OutboundMessage
from tests.conftest import at


def _queued(community_id: int) -> OutboundMessage:
    now = at("2026-11-30T15:00:00Z")
    return OutboundMessage(community_id=community_id, to_phone="+14155550101", kind="invite", template="invite",
                           context={}, lane=Lane.DEFAULT, state=MessageState.QUEUED, enqueued_at=now, created_at=now)


def test_a_released_savepoint_wakes_nobody_and_a_rollback_forgets(settings):
    woken: list = []
    db = Database(settings.database_url, on_commit=woken.extend)
    with db.session() as s:
        community = Community(name="Harbour Lights", created_at=at("2026-11-30T15:00:00Z"))
        s.add(community)
        s.flush()
        s.add(_queued(community.id))
        s.flush()
        with s.begin_nested():
            pass
        assert woken == []  # the outer transaction is still open
    assert len(woken) == 1
    woken.clear()
    session = db.sessions()
    session.add(_queued(community.id))
    session.flush()
    session.rollback()
    session.commit()
    session.close()
    assert woken == []
    with db.session() as s:
        assert len(s.scalars(select(OutboundMessage)).all()) == 1
    db.dispose()
