"""Fixtures: real Redis, real databases (SQLite always, PostgreSQL when TEST_DATABASE_URL is
set), the local Twilio simulator driven by the real twilio client, signed webhooks.

Every test that uses ``db`` runs once per database. Redis is the one at TEST_REDIS_URL (or
REDIS_URL) when reachable, otherwise a throwaway server started for the session; the tests
flush that Redis database, so never point them at one that matters.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from redis import Redis
from rq import SimpleWorker
from sqlalchemy import create_engine, text
from twilio.request_validator import RequestValidator

from service import clock, create_app
from service.db import Database
from service.demo.embedded_redis import EmbeddedRedis, reachable
from service.demo.twilio_simulator import TwilioSimulator
from service.migrate import upgrade
from service.models import Base
from service.settings import Settings
from workers import context as worker_context
from workers.queues import QUEUE_NAMES

ACCOUNT_SID = "AC" + "0" * 32
AUTH_TOKEN = "test-auth-token-0123456789abcdef"
FROM_NUMBER = "+15005550006"
PUBLIC_URL = "https://kinship.example.org"


# --- Redis ------------------------------------------------------------------------------

@pytest.fixture(scope="session")
def redis_url() -> Iterator[str]:
    url = os.environ.get("TEST_REDIS_URL") or os.environ.get("REDIS_URL")
    if url and reachable(url):
        yield url
        return
    with EmbeddedRedis() as server:
        yield server.url


@pytest.fixture
def redis(redis_url) -> Iterator[Redis]:
    client = Redis.from_url(redis_url)
    client.flushdb()
    yield client
    client.flushdb()
    client.connection_pool.disconnect()


# --- databases --------------------------------------------------------------------------

def _backends() -> list:
    params = [pytest.param("sqlite", id="sqlite")]
    if os.environ.get("TEST_DATABASE_URL"):
        params.append(pytest.param("postgresql", id="postgresql"))
    return params


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory) -> Path:
    """One migrated SQLite file, copied for each test: migrations run once, tests stay isolated."""
    path = tmp_path_factory.mktemp("template") / "kinship.sqlite3"
    upgrade(f"sqlite:///{path}")
    return path


@pytest.fixture(scope="session")
def postgresql_url() -> str:
    url = os.environ["TEST_DATABASE_URL"]
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()
    upgrade(url)
    return url


@pytest.fixture(params=_backends())
def database_url(request, tmp_path) -> str:
    if request.param == "sqlite":
        path = tmp_path / "kinship.sqlite3"
        shutil.copy(request.getfixturevalue("sqlite_template"), path)
        return f"sqlite:///{path}"
    url = request.getfixturevalue("postgresql_url")
    engine = create_engine(url)
    with engine.begin() as connection:
        tables = ", ".join(f'"{t.name}"' for t in Base.metadata.sorted_tables)
        connection.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
    engine.dispose()
    return url


# --- Twilio -----------------------------------------------------------------------------

@pytest.fixture(scope="session")
def _simulator() -> Iterator[TwilioSimulator]:
    with TwilioSimulator(ACCOUNT_SID, AUTH_TOKEN) as simulator:
        yield simulator


@pytest.fixture
def twilio_api(_simulator) -> TwilioSimulator:
    _simulator.clear()
    return _simulator


# --- the service ------------------------------------------------------------------------

@pytest.fixture
def settings(database_url, redis_url, twilio_api, redis) -> Settings:
    return Settings(
        secret_key="test-secret-key",
        database_url=database_url,
        redis_url=redis_url,
        public_url=PUBLIC_URL,
        twilio_account_sid=ACCOUNT_SID,
        twilio_auth_token=AUTH_TOKEN,
        twilio_from_number=FROM_NUMBER,
        twilio_api_base_url=twilio_api.base_url,
        send_rate_per_second=0,
    )


def settings_env(settings: Settings) -> dict[str, str]:
    return {
        "SECRET_KEY": settings.secret_key,
        "DATABASE_URL": settings.database_url,
        "REDIS_URL": settings.redis_url or "",
        "PUBLIC_URL": settings.public_url,
        "TWILIO_ACCOUNT_SID": settings.twilio_account_sid,
        "TWILIO_AUTH_TOKEN": settings.twilio_auth_token,
        "TWILIO_FROM_NUMBER": settings.twilio_from_number or "",
        "TWILIO_API_BASE_URL": settings.twilio_api_base_url,
        "KINSHIP_SEND_RATE_PER_SECOND": str(settings.send_rate_per_second),
    }


@pytest.fixture
def db(settings) -> Iterator[Database]:
    """A plain handle on the test database, for looking at what the service did."""
    database = Database(settings.database_url)
    yield database
    database.dispose()


@pytest.fixture
def worker(settings, redis):
    """Run the queued jobs in this process, as ``kinship worker --burst`` would."""
    worker_context.configure(settings)

    def run() -> None:
        SimpleWorker(list(QUEUE_NAMES), connection=redis).work(burst=True, with_scheduler=False)

    yield run
    worker_context.reset()


@pytest.fixture
def app(settings):
    application = create_app(settings)
    application.config["TESTING"] = True
    yield application
    application.extensions["kinship"].close()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture(autouse=True)
def now():
    """Every test starts with the clock stopped at a Monday, 09:00 in Chicago (15:00 UTC):
    the real time of day must never decide whether a test's texts fall in quiet hours."""
    moment = clock.parse_instant("2026-11-30T15:00:00Z")
    clock.freeze(moment)
    yield moment
    clock.freeze(None)


@dataclass
class Twilio:
    """Acts as Twilio towards our webhooks: signs each request as Twilio would."""

    client: object
    counter: int = 0

    def sign(self, path: str, params: dict) -> dict:
        signature = RequestValidator(AUTH_TOKEN).compute_signature(PUBLIC_URL + path, params)
        return {"X-Twilio-Signature": signature}

    def sms(self, from_: str, body: str, *, sid: str | None = None, to: str = FROM_NUMBER):
        self.counter += 1
        params = {"MessageSid": sid or f"SM{self.counter:032d}", "AccountSid": ACCOUNT_SID,
                  "From": from_, "To": to, "Body": body, "NumMedia": "0"}
        return self.client.post("/twilio/sms", data=params, headers=self.sign("/twilio/sms", params))

    def status(self, sid: str, status: str, error_code: int | None = None):
        params = {"MessageSid": sid, "MessageStatus": status, "AccountSid": ACCOUNT_SID}
        if error_code is not None:
            params["ErrorCode"] = str(error_code)
        return self.client.post("/twilio/status", data=params, headers=self.sign("/twilio/status", params))


@pytest.fixture
def twilio(client) -> Twilio:
    return Twilio(client)


@pytest.fixture
def kinship(settings, redis):
    """Run a ``kinship`` command as an operator would; returns the click Result."""
    from service.cli import main

    env = settings_env(settings)

    def run(*args: str, input: str | None = None, env_extra: dict | None = None) -> Result:
        runner = CliRunner()
        return runner.invoke(main, list(args), input=input, env={**env, **(env_extra or {})}, catch_exceptions=False)

    return run


def at(text_: str) -> datetime:
    return clock.parse_instant(text_)


# --- the coordinators' dashboard ----------------------------------------------------------

COORDINATOR_EMAIL = "dana@example.org"
COORDINATOR_PASSWORD = "correct horse battery"


@dataclass
class CoordinatorAccount:
    id: int
    email: str
    password: str
    community_id: int
    community_name: str


def make_coordinator(db, community_name: str, email: str, password: str = COORDINATOR_PASSWORD, *,
                     timezone: str = "America/Chicago", phone: str | None = None) -> CoordinatorAccount:
    """A community (made if missing) and a coordinator of it, as ``kinship coordinator add`` would."""
    from sqlalchemy import select

    from service.communities import add_community, add_coordinator
    from service.models import Community

    with db.session() as s:
        community = s.scalar(select(Community).where(Community.name == community_name))
        if community is None:
            community = add_community(s, community_name, timezone=timezone, now=clock.utcnow())
            s.flush()
        coordinator = add_coordinator(s, email, community_name, password, phone=phone, now=clock.utcnow())
        s.flush()
        return CoordinatorAccount(coordinator.id, coordinator.email, password, community.id, community.name)


@pytest.fixture
def coordinator(db) -> CoordinatorAccount:
    """Dana, the coordinator of Harbour Lights (America/Chicago), with a phone for urgent texts."""
    return make_coordinator(db, "Harbour Lights", COORDINATOR_EMAIL, phone="+14155550199")


class DashboardClient:
    """A test client signed in to the dashboard; ``post`` adds the page's CSRF token to a form."""

    def __init__(self, client, account: CoordinatorAccount):
        self.client = client
        self.account = account

    def sign_in(self, password: str | None = None):
        self.client.get("/login")
        return self.client.post("/login", data={"email": self.account.email, "password": password or self.account.password,
                                                "csrf_token": self.csrf_token("/login")})

    def csrf_token(self, page: str = "/account/password") -> str:
        import re

        found = re.search(r'name="csrf_token" value="([^"]+)"', self.client.get(page).get_data(as_text=True))
        assert found, f"no CSRF token on {page}"
        return found.group(1)

    def get(self, *args, **kwargs):
        return self.client.get(*args, **kwargs)

    def post(self, url: str, data: dict | None = None, **kwargs):
        data = dict(data or {})
        data.setdefault("csrf_token", self.csrf_token())
        return self.client.post(url, data=data, **kwargs)


@pytest.fixture
def signed_in(client, coordinator) -> DashboardClient:
    dashboard = DashboardClient(client, coordinator)
    answer = dashboard.sign_in()
    assert answer.status_code == 303, answer.get_data(as_text=True)
    return dashboard


@pytest.fixture
def live_server(settings):
    """The app served over real HTTP on a free local port, for a browser; yields its base URL.

    Its own app (built with PUBLIC_URL = its address) shares the test's database and Redis,
    so a webhook sent through ``twilio`` shows up in the browser.
    """
    import threading

    from werkzeug.serving import make_server

    holder: dict = {}

    def dispatch(environ, start_response):
        return holder["app"](environ, start_response)

    server = make_server("127.0.0.1", 0, dispatch, threaded=True)
    url = f"http://127.0.0.1:{server.server_port}"
    application = create_app(settings.with_(public_url=url))
    holder["app"] = application
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield url
    server.shutdown()
    thread.join(timeout=10)
    application.extensions["kinship"].close()


# --- the demo's phone simulator -----------------------------------------------------------

DEMO_START = "2026-11-30T15:00:00Z"  # a Monday, 09:00 in Chicago: an hour before the seeded check-ins


@dataclass
class DemoRig:
    """``kinship demo`` wired in this process: what the simulator page tests drive and look at."""

    url: str  # the app over real HTTP (PUBLIC_URL): the simulated Twilio posts webhooks here
    settings: Settings
    app: object
    twilio: TwilioSimulator  # status callbacks on, stamping texts with the shared clock
    db: Database

    def client(self):
        return self.app.test_client()


@pytest.fixture
def demo(settings, redis, now) -> Iterator[DemoRig]:
    """The demo's pieces, the real path between them: the seeded community, a simulated Twilio that
    delivers status callbacks, the app (``demo=True``) served over HTTP, and a worker thread sending
    through the real twilio client. The shared clock runs, starting from Monday 09:00 in Chicago."""
    import math
    import threading
    from datetime import UTC, timedelta

    from rq import SimpleWorker as RQSimpleWorker
    from rq.timeouts import TimerDeathPenalty
    from werkzeug.serving import make_server

    from service.demo.seed import seed

    class ThreadWorker(RQSimpleWorker):
        death_penalty_class = TimerDeathPenalty  # signals belong to the main thread

        def _install_signal_handlers(self):
            pass

    clock.freeze(None)
    twilio = TwilioSimulator(ACCOUNT_SID, AUTH_TOKEN, status_callbacks=True, callback_delay=0.05, clock=clock.utcnow)
    twilio.start()
    holder: dict = {}
    server = make_server("127.0.0.1", 0, lambda environ, start: holder["app"](environ, start), threaded=True)
    url = f"http://127.0.0.1:{server.server_port}"
    demo_settings = settings.with_(demo=True, public_url=url, twilio_api_base_url=twilio.base_url)
    application = create_app(demo_settings)  # installs the shared clock, as the web process does
    application.config["TESTING"] = True
    holder["app"] = application
    clock.set_offset(timedelta(seconds=math.ceil((clock.parse_instant(DEMO_START) - datetime.now(UTC)).total_seconds())))
    with application.extensions["kinship"].db.session() as session:
        seed(session, clock.utcnow())
    serving = threading.Thread(target=server.serve_forever, daemon=True)
    serving.start()

    worker_context.configure(demo_settings)
    stop = threading.Event()

    def work() -> None:
        worker = ThreadWorker(list(QUEUE_NAMES), connection=redis)
        while not stop.is_set():
            worker.work(burst=True, with_scheduler=False, logging_level="WARNING")
            stop.wait(0.05)

    working = threading.Thread(target=work, daemon=True)
    working.start()
    database = Database(demo_settings.database_url)
    yield DemoRig(url, demo_settings, application, twilio, database)
    stop.set()
    working.join(timeout=10)
    server.shutdown()
    serving.join(timeout=10)
    twilio.stop()
    database.dispose()
    worker_context.reset()
    application.extensions["kinship"].close()
    clock.share(None)
    clock.set_offset(timedelta(0))
