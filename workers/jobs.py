"""The job functions RQ runs. Thin: each takes ids, opens its own session, and calls the service.

No bare ``except`` here: a job that fails shows in RQ's failed registry, and the row it was
about is still in the database for the next tick to pick up.

A send imports the sending path only: the scheduler (and the reply reader and pairing it
pulls in) is imported by the tick job when it first runs.
"""

from __future__ import annotations

import time

from service import clock
from service.members import heed_carrier
from service.messaging import sending
from service.telemetry import events
from workers import context, inspection


def send_message(message_id: int) -> str:
    ctx = context.current()
    return sending.send_message(
        ctx.db, ctx.gateway, message_id, now=clock.utcnow, pace=ctx.pacer, retry_limit=ctx.settings.send_retry_limit,
        heed=heed_carrier,
    )


def send_batch(message_ids: list[int]) -> dict[int, str]:
    """Up to a batch of non-urgent texts from one sender, several in flight at once."""
    ctx = context.current()
    return sending.send_batch(
        ctx.db, ctx.gateway, message_ids, pool=ctx.pool, now=clock.utcnow, pace=ctx.pacer,
        retry_limit=ctx.settings.send_retry_limit, heed=heed_carrier,
    )


def tick() -> dict:
    """One scheduler pass as of now; the clock enqueues this once a minute."""
    from service import tick as scheduler

    ctx = context.current()
    started = time.perf_counter()
    with ctx.db.session() as session:
        report = scheduler.run(session, clock.utcnow(), ctx.settings, commit_batches=True)
    summary = report.summary()
    events.tick_finished(summary, time.perf_counter() - started)
    inspection.note_tick(ctx.redis)
    return summary
