"""What ``GET /metrics`` reads live at each scrape: queues, processes, and texts still waiting.

A few Redis round trips and two indexed queries. When Redis or the database cannot answer,
its gauges are left out and ``kinship_up`` says which part was down, so an alert rule can
tell "no workers" from "could not ask".
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import datetime

from prometheus_client.core import GaugeMetricFamily, Metric
from redis import Redis
from redis.exceptions import RedisError
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from service.messaging.backlog import stuck_in_sending, waiting

log = logging.getLogger(__name__)


def collect(session: Session, redis: Redis, now: datetime) -> Iterator[Metric]:
    up = GaugeMetricFamily("kinship_up", "Whether /metrics could read each part (1) or not (0).", labels=["part"])
    redis_families = list(_from_redis(redis))
    up.add_metric(["redis"], 1.0 if redis_families else 0.0)
    database_families = list(_from_database(session, now))
    up.add_metric(["database"], 1.0 if database_families else 0.0)
    yield up
    yield from redis_families
    yield from database_families


def _gauge(name: str, help_text: str, labels: list[str] | None = None) -> GaugeMetricFamily:
    return GaugeMetricFamily(name, help_text, labels=labels)


def _from_redis(redis: Redis) -> Iterator[Metric]:
    from workers import inspection

    try:
        queues = inspection.queues(redis)
        processes = inspection.processes(redis)
    except RedisError as error:
        log.warning("metrics: could not read Redis: %s", error)
        return
    depth = _gauge("kinship_queue_depth", "Jobs waiting in each RQ queue.", ["queue"])
    failed = _gauge("kinship_failed_jobs", "Jobs in RQ's failed registry, by queue.", ["queue"])
    for name in queues.depth:
        depth.add_metric([name], queues.depth[name])
        failed.add_metric([name], queues.failed[name])
    workers = _gauge("kinship_workers", "Workers RQ knows to be alive.")
    workers.add_metric([], len(processes.workers))
    clocks = _gauge("kinship_clocks", "Clocks (rq cron) that sent a heartbeat in the last 3 minutes.")
    clocks.add_metric([], processes.clocks)
    yield from (depth, failed, workers, clocks)
    if processes.last_tick_age is not None:
        tick = _gauge("kinship_last_tick_age_seconds", "Seconds since a scheduler pass last finished.")
        tick.add_metric([], processes.last_tick_age)
        yield tick


def _from_database(session: Session, now: datetime) -> Iterator[Metric]:
    try:
        lanes = waiting(session, now)
        stuck = stuck_in_sending(session, now)
    except SQLAlchemyError as error:
        log.warning("metrics: could not read the database: %s", type(error).__name__)
        return
    due = _gauge("kinship_texts_waiting", "Queued texts due now, not yet claimed by a worker, by lane.", ["lane"])
    oldest = _gauge("kinship_oldest_queued_text_age_seconds",
                    "How long the oldest due text has waited for a worker, by lane (0 when none waits).", ["lane"])
    for lane, (count, since) in lanes.items():
        due.add_metric([lane.value], count)
        oldest.add_metric([lane.value], max((now - since).total_seconds(), 0.0) if since else 0.0)
    limbo = _gauge("kinship_texts_stuck_sending",
                   "Texts claimed by a worker over 10 minutes ago with no answer from Twilio recorded.")
    limbo.add_metric([], len(stuck))
    yield from (due, oldest, limbo)
