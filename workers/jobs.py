"""The job functions RQ runs. Thin: each takes ids, opens its own session, and calls the service.

No bare ``except`` here: a job that fails shows in RQ's failed registry, and the row it was
about is still in the database for the next tick to pick up.
"""

from __future__ import annotations

import time

from service import clock
from service import tick as scheduler
from service.care import moving_on
from service.members import heed_carrier
from service.messaging import sending
from service.telemetry import events
from workers import context, inspection


def send_message(message_id: int) -> str:
    ctx = context.current()
    outcome = sending.send_message(
        ctx.db, ctx.gateway, message_id, now=clock.utcnow, pace=ctx.pacer, retry_limit=ctx.settings.send_retry_limit,
        heed=heed_carrier,
    )
    if outcome.startswith("error"):
        # Twilio refused it: a text about an alert moves the alert on now, not after the retries.
        with ctx.db.session() as session:
            moving_on.after_failure(session, message_id, clock.utcnow(), ctx.settings.public_url)
    return outcome


def tick() -> dict:
    """One scheduler pass as of now; the clock enqueues this once a minute."""
    ctx = context.current()
    started = time.perf_counter()
    with ctx.db.session() as session:
        report = scheduler.run(session, clock.utcnow(), ctx.settings)
    summary = report.summary()
    events.tick_finished(summary, time.perf_counter() - started)
    inspection.note_tick(ctx.redis)
    return summary
