"""What RQ and Redis say about the processes: workers alive, the clock's last pass, queues, failed jobs.

Read by ``kinship doctor`` and by ``GET /metrics``; written only by ``note_tick``, which the
tick job calls when a pass has committed. Everything here is a question to Redis, never to
the database, and takes a few round trips.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from redis import Redis
from rq import Queue, Worker
from rq.cron_scheduler_registry import get_registry_key as cron_registry_key
from rq.registry import FailedJobRegistry

from workers.queues import QUEUE_NAMES
from workers.urgent_lane import LANE_SUFFIX

LAST_TICK = "kinship:clock:last-tick"
# rq cron sends a heartbeat at least once a minute; three missed ones mean it is gone.
CLOCK_HEARTBEAT_WITHIN = 180


@dataclass(frozen=True)
class Queues:
    depth: dict[str, int]  # jobs waiting, by queue
    failed: dict[str, int]  # jobs in RQ's failed registry, by queue


@dataclass(frozen=True)
class Processes:
    workers: list[str]  # names of the workers RQ knows to be alive
    workers_on_every_queue: int  # how many of them listen to both lanes
    clocks: int  # rq cron schedulers that sent a heartbeat lately
    last_tick_age: float | None  # seconds since a tick pass last finished (None: never, or forgotten)


def note_tick(redis: Redis) -> None:
    """The tick job finished a pass: the doctor and /metrics read how long ago that was."""
    redis.set(LAST_TICK, repr(time.time()), ex=24 * 3600)


def _processes_workers(redis: Redis) -> list[Worker]:
    # Each worker process also runs an urgent-only lane (workers.urgent_lane): not a process.
    return [w for w in Worker.all(connection=redis) if not w.name.endswith(LANE_SUFFIX)]


def workers_alive(redis: Redis) -> int:
    return len(_processes_workers(redis))


def queues(redis: Redis) -> Queues:
    return Queues(
        depth={name: Queue(name, connection=redis).count for name in QUEUE_NAMES},
        failed={name: FailedJobRegistry(name, connection=redis).count for name in QUEUE_NAMES},
    )


def processes(redis: Redis) -> Processes:
    workers = _processes_workers(redis)
    on_every_queue = sum(1 for w in workers if set(QUEUE_NAMES) <= set(w.queue_names()))
    clocks = redis.zcount(cron_registry_key(), time.time() - CLOCK_HEARTBEAT_WITHIN, "+inf")
    raw = redis.get(LAST_TICK)
    return Processes(
        workers=sorted(w.name for w in workers),
        workers_on_every_queue=on_every_queue,
        clocks=clocks,
        last_tick_age=None if raw is None else max(time.time() - float(raw), 0.0),
    )
