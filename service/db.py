"""The database: one engine per process, one session per request and per job.

New outbound messages are collected as they are flushed and handed to ``on_commit`` only
once the transaction has committed, so a worker never wakes up for a row that does not
exist yet, and a rolled-back message is never sent.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import Engine, create_engine, event, exc, text
from sqlalchemy.orm import Session, sessionmaker

from service.models import Base, Lane, MessageState, OutboundMessage
from service.telemetry import events


@dataclass(frozen=True)
class Wakeup:
    """What a worker needs to know about a committed message: which row, and which lane."""

    message_id: int
    lane: Lane
    sender: str | None = None  # the number it goes from (None: the settings' sender)
    # Woken again because its last wake-up went unanswered: a job still "started" for it is
    # dead (the send path claims its row within seconds of starting), not one to wait for.
    lost: bool = False


OnCommit = Callable[[list[Wakeup]], None]
_OUTBOX = "kinship.outbox"


def make_engine(url: str) -> Engine:
    # A database error's message would otherwise carry the statement's values -- a member's
    # number, their words -- into the log with its traceback.
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 30}, hide_parameters=True)

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_connection, _record):
            # WAL lets the web process read while a worker writes; foreign keys are off by default.
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA busy_timeout=30000")
            cursor.close()

        return engine
    engine = create_engine(url, hide_parameters=True)
    _test_when_idle(engine)
    return engine


# A pooled connection unused for longer than this is tested before it is handed out.
TEST_AFTER_IDLE = 2.0  # seconds


def _test_when_idle(engine: Engine) -> None:
    """SQLAlchemy's ``pool_pre_ping``, for connections that sat idle.

    ``pool_pre_ping`` tests every connection on every checkout: a round trip and a third of a
    millisecond of CPU on every webhook, the largest single cost of a reply after reading it
    (``bench/webhook.py``). A connection given back to the pool a moment ago was alive then;
    one that sat unused may have been cut meanwhile (a database restart, a proxy's idle
    timeout), so that one is tested, with the dialect's own ping, and a dead one is replaced
    before anyone uses it (the pool retries a checkout refused with ``DisconnectionError``).
    A connection that dies while in use is caught as before: SQLAlchemy sees the disconnect,
    and the pool drops every connection older than it.
    """

    @event.listens_for(engine, "checkin")
    def _given_back(_dbapi_connection, record) -> None:
        record.info["given_back_at"] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def _taken(dbapi_connection, record, _proxy) -> None:
        given_back = record.info.get("given_back_at")
        if given_back is None or time.monotonic() - given_back < TEST_AFTER_IDLE:
            return
        try:
            engine.dialect.do_ping(dbapi_connection)
        except engine.dialect.loaded_dbapi.Error as error:
            raise exc.DisconnectionError("a pooled connection was dead after sitting idle") from error


class Database:
    """An engine, its session factory and the after-commit hook that wakes the workers."""

    def __init__(self, url: str, on_commit: OnCommit | None = None):
        self.url = url
        self.engine = make_engine(url)
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)
        self.on_commit = on_commit
        event.listen(self.sessions, "after_flush", _collect_outbox)
        event.listen(self.sessions, "after_commit", self._after_commit)
        event.listen(self.sessions, "after_soft_rollback", _forget_outbox)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work: commits when the block ends, rolls back if it raises."""
        session = self.sessions()
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def dispose(self) -> None:
        self.engine.dispose()

    def _after_commit(self, session: Session) -> None:
        # Also fired when a savepoint is released: only the outermost commit makes rows real.
        if session.in_nested_transaction():
            return
        wakeups = list(session.info.pop(_OUTBOX, {}).values())
        if wakeups and self.on_commit is not None:
            self.on_commit(wakeups)
        events.flush(session)


def assign_ids(session: Session, rows: Sequence[Base]) -> None:
    """Give new rows of one table their ids up front, from its sequence, in one query.

    On PostgreSQL a flush of rows whose ids are known is one pipelined ``executemany``;
    without them it is a multi-row ``INSERT ... RETURNING`` whose long text the driver
    parses anew for every page -- the larger part of a tick's cost at ten thousand due.
    SQLite has no sequences and its inserts are cheap: there the flush assigns the ids.
    """
    if not rows or session.get_bind().dialect.name != "postgresql":
        return
    table = type(rows[0]).__table__
    with session.no_autoflush:  # the rows must not be inserted (and numbered) by this very query
        ids = session.scalars(
            text("SELECT nextval(pg_get_serial_sequence(:table, 'id')) FROM generate_series(1, :n)"),
            {"table": table.name, "n": len(rows)},
        ).all()
    for row, row_id in zip(rows, ids, strict=True):
        row.id = row_id


def register_wakeup(session: Session, message: OutboundMessage, *, lost: bool = False) -> None:
    """Wake a worker for ``message`` once this session's transaction commits."""
    session.info.setdefault(_OUTBOX, {})[message.id] = Wakeup(message.id, message.lane, message.from_number, lost)


def _collect_outbox(session: Session, _flush_context) -> None:
    # New rows stamped with enqueued_at are due now; held ones wait for tick to release them.
    for obj in session.new:
        if isinstance(obj, OutboundMessage) and obj.state == MessageState.QUEUED and obj.enqueued_at is not None:
            register_wakeup(session, obj)


def _forget_outbox(session: Session, previous_transaction) -> None:
    # A savepoint rolled back inside a transaction that goes on: what it flushed is not
    # known here, and waking a worker for a missing row costs only a no-op, so keep the rest.
    if previous_transaction.nested:
        return
    session.info.pop(_OUTBOX, None)
    events.forget(session)
