"""Workers are woken only for rows that really exist: after the outermost commit."""

import os

import pytest
from sqlalchemy import select, text

import service.db
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


def test_a_database_error_never_carries_a_members_number_or_words(settings):
    import pytest
    from sqlalchemy.exc import IntegrityError

    db = Database(settings.database_url)
    now = at("2026-11-30T15:00:00Z")
    with db.session() as s:
        community = Community(name="Harbour Lights", created_at=now)
        s.add(community)
        s.flush()
        s.add(_queued(community.id))
    session = db.sessions()
    duplicate = OutboundMessage(community_id=community.id, to_phone="+14155550177", kind="invite", template="invite",
                                context={}, body="my private words", lane=Lane.DEFAULT, state=MessageState.SENT,
                                twilio_sid="SM" + "a" * 32, created_at=now)
    session.add_all([duplicate, OutboundMessage(**{c: getattr(duplicate, c) for c in (
        "community_id", "to_phone", "kind", "template", "context", "body", "lane", "state", "twilio_sid", "created_at")})])
    with pytest.raises(IntegrityError) as raised:
        session.flush()
    session.rollback()
    session.close()
    db.dispose()
    assert "4155550177" not in str(raised.value) and "my private words" not in str(raised.value)


def _backend_pid(db: Database) -> int:
    with db.session() as s:
        return s.scalar(text("SELECT pg_backend_pid()"))


def _cut(url: str, pid: int) -> None:
    # From another connection, as a database restart or a proxy's idle timeout would.
    other = Database(url)
    with other.session() as s:
        s.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
    other.dispose()


# Pooled connections over a network are PostgreSQL's: SQLite opens a file.
on_postgresql = pytest.mark.parametrize("database_url", [pytest.param(
    "postgresql", marks=pytest.mark.skipif(not os.environ.get("TEST_DATABASE_URL"), reason="no TEST_DATABASE_URL"))],
    indirect=True)


@on_postgresql
def test_a_pooled_connection_cut_while_idle_is_replaced_before_use(settings, monkeypatch):
    db = Database(settings.database_url)
    first = _backend_pid(db)
    _cut(settings.database_url, first)
    monkeypatch.setattr(service.db, "TEST_AFTER_IDLE", 0.0)  # it has sat idle long enough
    second = _backend_pid(db)  # would raise OperationalError if the dead connection were used
    assert second != first
    db.dispose()


@on_postgresql
def test_a_connection_given_back_a_moment_ago_is_not_tested_again(settings, monkeypatch):
    db = Database(settings.database_url)
    pings: list = []
    real_ping = db.engine.dialect.do_ping
    monkeypatch.setattr(db.engine.dialect, "do_ping", lambda connection: pings.append(1) or real_ping(connection))
    for _ in range(5):
        _backend_pid(db)
    assert pings == []  # no round trip of its own on a busy webhook
    monkeypatch.setattr(service.db, "TEST_AFTER_IDLE", 0.0)
    _backend_pid(db)
    assert pings == [1]
    db.dispose()
