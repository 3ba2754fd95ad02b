"""What a job needs, built once per worker process from the settings (never across a fork).

Jobs take ids and look everything else up here; tests call ``configure`` with their own
settings before running a worker in-process.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial

from redis import Redis
from redis.exceptions import RedisError
from sqlalchemy.exc import SQLAlchemyError

from service import clock
from service.db import Database, OnCommit, Wakeup
from service.messaging import sms_text
from service.messaging.sending import CONCURRENCY
from service.messaging.twilio_gateway import TwilioGateway
from service.settings import Settings
from service.telemetry import metrics
from workers.pacing import Pacer
from workers.queues import connect, enqueue_sends

log = logging.getLogger(__name__)


@dataclass
class Context:
    settings: Settings
    redis: Redis
    db: Database
    gateway: TwilioGateway
    pacer: Pacer
    # The threads a batch job sends on, made once per process; as many as the HTTP session
    # keeps connections, so none opens a new one (service.messaging.twilio_gateway).
    pool: ThreadPoolExecutor
    shared_clock: clock.SharedOffset | None = None  # the demo's one clock, read from Redis

    tally: metrics.Tally | None = None
    replaced_tally: metrics.Tally | None = None

    def close(self) -> None:
        if self.shared_clock is not None and clock.shared() is self.shared_clock:
            clock.share(None)
        if self.tally is not None:
            self.tally.send_deferred()
            metrics.uninstall(self.tally, self.replaced_tally)
        self.pool.shutdown(wait=True)
        self.db.dispose()
        self.redis.connection_pool.disconnect()


def wake_workers(redis: Redis, wakeups: list[Wakeup]) -> None:
    """The after-commit hook. If Redis is away the rows wait, and the next tick wakes them."""
    try:
        enqueue_sends(redis, wakeups)
    except RedisError as error:
        log.warning("could not enqueue %d message(s), tick will retry: %s", len(wakeups), error)


def share_demo_clock(settings: Settings) -> Callable[[], None]:
    """In the demo, read the one clock time travel moves; returns how to let it go again."""
    redis = connect(settings.require_redis())
    shared = clock.SharedOffset(redis)
    clock.share(shared)

    def release() -> None:
        if clock.shared() is shared:
            clock.share(None)
        redis.connection_pool.disconnect()

    return release


@contextmanager
def waking(settings: Settings) -> Iterator[OnCommit]:
    """The after-commit hook of a command that queues texts, and the count of its events."""
    redis = connect(settings.require_redis())
    tally = metrics.Tally(redis)
    replaced = metrics.install(tally)
    try:
        yield partial(wake_workers, redis)
    finally:
        metrics.uninstall(tally, replaced)
        redis.connection_pool.disconnect()


def build(settings: Settings) -> Context:
    redis = connect(settings.require_redis())
    shared_clock = None
    if settings.demo:
        # Time travel in the demo moves one clock for web, worker and CLI alike.
        shared_clock = clock.SharedOffset(redis)
        clock.share(shared_clock)
    # This process's events are counted in the same Redis (service.telemetry.metrics).
    tally = metrics.Tally(redis)
    replaced = metrics.install(tally)
    return Context(
        settings=settings,
        redis=redis,
        db=Database(settings.database_url, on_commit=partial(wake_workers, redis)),
        gateway=TwilioGateway(settings, connections=CONCURRENCY),
        pacer=Pacer(redis, settings.send_rate_per_second),
        pool=ThreadPoolExecutor(CONCURRENCY, thread_name_prefix="send"),
        shared_clock=shared_clock,
        tally=tally,
        replaced_tally=replaced,
    )


_current: Context | None = None
# The urgent lane's thread and the main worker may ask for the context at the same moment.
_building = threading.Lock()


def current() -> Context:
    global _current
    if _current is None:
        with _building:
            if _current is None:
                settings = Settings.from_env()
                settings.require_twilio()
                _current = build(settings)
    return _current


def warm_up(ctx: Context) -> None:
    """Pay before the first job for what the first text would otherwise wait for: a database
    connection in the pool, Redis's, the twilio client's REST modules (imported on first
    use) and the SMS templates (Jinja, imported and compiling on first use). Nothing is sent."""
    ctx.gateway.client.messages  # noqa: B018 -- the attribute access is the import
    sms_text.compile_templates()
    try:
        with ctx.db.engine.connect():
            pass
        ctx.redis.ping()
    except (SQLAlchemyError, RedisError) as error:
        # Only a head start: a worker that starts during an outage rides it out as before.
        log.warning("worker warm-up skipped, a service is away: %s", error)


def configure(settings: Settings) -> Context:
    global _current
    reset()
    _current = build(settings)
    return _current


def reset() -> None:
    global _current
    if _current is not None:
        _current.close()
    _current = None
