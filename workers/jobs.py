"""The job functions RQ runs. Thin: each takes ids, opens its own session, and calls the service.

No bare ``except`` here: a job that fails shows in RQ's failed registry, and the row it was
about is still in the database for the next tick to pick up.

A send imports the sending path only: the scheduler (and the reply reader and pairing it
pulls in) is imported by the tick job when it first runs.
"""

from __future__ import annotations

import time
from datetime import timedelta

from sqlalchemy.orm import Session

from service import clock
from service.members import heed_carrier
from service.messaging import sending
from service.telemetry import events
from workers import context, inspection


def send_message(message_id: int) -> str:
    ctx = context.current()
    outcome = sending.send_message(
        ctx.db, ctx.gateway, message_id, now=clock.utcnow, pace=ctx.pacer, retry_limit=ctx.settings.send_retry_limit,
        heed=heed_carrier, checkin_grace=timedelta(minutes=ctx.settings.checkin_grace_minutes),
    )
    if outcome.startswith("error"):
        _after_failures(ctx, [message_id])
    return outcome


def send_batch(message_ids: list[int]) -> dict[int, str]:
    """Up to a batch of non-urgent texts from one sender, several in flight at once."""
    ctx = context.current()
    outcomes = sending.send_batch(
        ctx.db, ctx.gateway, message_ids, pool=ctx.pool, now=clock.utcnow, pace=ctx.pacer,
        retry_limit=ctx.settings.send_retry_limit, heed=heed_carrier,
        checkin_grace=timedelta(minutes=ctx.settings.checkin_grace_minutes),
    )
    _after_failures(ctx, [message_id for message_id, outcome in outcomes.items() if outcome.startswith("error")])
    return outcomes


def _after_failures(ctx: context.Context, message_ids: list[int]) -> None:
    """Twilio refused these: an alert one was about moves on now, not after the retries, and a
    member who cannot be reached leaves the buddies they were helping. Imported only on failure:
    a send that goes through never loads the care path (pairing pulls in networkx)."""
    if not message_ids:
        return
    with ctx.db.session() as session:
        _move_alerts_on(session, message_ids, ctx.settings.public_url)


def _move_alerts_on(session: Session, message_ids: list[int], dashboard_url: str) -> None:
    if not message_ids:
        return
    from service.care import moving_on

    for message_id in message_ids:
        moving_on.after_failure(session, message_id, clock.utcnow(), dashboard_url)


def tick() -> dict:
    """One scheduler pass as of now; the clock enqueues this once a minute."""
    from service import tick as scheduler
    from service.messaging.reconcile import reconcile

    ctx = context.current()
    started = time.perf_counter()
    with ctx.db.session() as session:
        report = scheduler.run(session, clock.utcnow(), ctx.settings, commit_batches=True)
    summary = report.summary()
    with ctx.db.session() as session:
        # Apart from the pass above: it asks Twilio over HTTP, and a slow answer must not
        # hold the pass's lock or its transaction.
        reconciled = reconcile(session, ctx.gateway, clock.utcnow(), retry_limit=ctx.settings.send_retry_limit,
                               heed=heed_carrier)
        # A text found failed at Twilio is a failure like a callback's: its alert moves on in
        # the same transaction that settles the text, so neither can happen without the other.
        _move_alerts_on(session, reconciled.failed, ctx.settings.public_url)
    summary |= reconciled.summary()
    events.tick_finished(summary, time.perf_counter() - started)
    inspection.note_tick(ctx.redis)
    return summary
