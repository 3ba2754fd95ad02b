"""What a job needs, built once per worker process from the settings (never across a fork).

Jobs take ids and look everything else up here; tests call ``configure`` with their own
settings before running a worker in-process.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import partial

from redis import Redis
from redis.exceptions import RedisError

from service import clock
from service.db import Database, Wakeup
from service.messaging.twilio_gateway import TwilioGateway
from service.settings import Settings
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
    shared_clock: clock.SharedOffset | None = None  # the demo's one clock, read from Redis

    def close(self) -> None:
        if self.shared_clock is not None and clock.shared() is self.shared_clock:
            clock.share(None)
        self.db.dispose()
        self.redis.connection_pool.disconnect()


def wake_workers(redis: Redis, wakeups: list[Wakeup]) -> None:
    """The after-commit hook. If Redis is away the rows wait, and the next tick wakes them."""
    try:
        enqueue_sends(redis, wakeups)
    except RedisError as error:
        log.warning("could not enqueue %d message(s), tick will retry: %s", len(wakeups), error)


def build(settings: Settings) -> Context:
    redis = connect(settings.require_redis())
    shared_clock = None
    if settings.demo:
        # Time travel in the demo moves one clock for web, worker and CLI alike.
        shared_clock = clock.SharedOffset(redis)
        clock.share(shared_clock)
    return Context(
        settings=settings,
        redis=redis,
        db=Database(settings.database_url, on_commit=partial(wake_workers, redis)),
        gateway=TwilioGateway(settings),
        pacer=Pacer(redis, settings.send_rate_per_second),
        shared_clock=shared_clock,
    )


_current: Context | None = None


def current() -> Context:
    global _current
    if _current is None:
        settings = Settings.from_env()
        settings.require_twilio()
        _current = build(settings)
    return _current


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
