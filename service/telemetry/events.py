"""What happened, said once it is true: one log line, and the metrics it feeds.

Domain code calls these where a thing happens (``text_queued(session, message)``); the line
is written and the metrics counted only when the session's outermost transaction commits
(``service.db.Database`` calls ``flush``), so a rolled-back alert is never counted and a
line never describes a row that does not exist. Each line carries ids, kinds, states and
codes; a phone number only masked; never what anyone wrote.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from contextlib import nullcontext
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

from service.telemetry import metrics
from service.telemetry.logs import event, mask_phone, scrub

if TYPE_CHECKING:
    from service.models import Alert, AuditEvent, InboundMessage, OutboundMessage

log = logging.getLogger("kinship.events")
_PENDING = "kinship.events"
ALERT_CLOCK = "alert:{}"


def after_commit(session: Session, say: Callable[[], None]) -> None:
    """Run ``say`` once this session's outermost transaction has committed."""
    session.info.setdefault(_PENDING, []).append(say)


def flush(session: Session) -> None:
    """Say everything the committed transaction did (``Database`` calls this after commit);
    its counts go to Redis in one round trip."""
    pending = session.info.pop(_PENDING, [])
    tally = metrics.installed()
    if not pending:
        return
    with tally.batch() if tally is not None else nullcontext():
        for say in pending:
            say()


def forget(session: Session) -> None:
    """The transaction rolled back: none of it happened."""
    session.info.pop(_PENDING, None)


def _message_fields(message: OutboundMessage) -> dict[str, Any]:
    return {"message_id": message.id, "kind": message.kind, "lane": message.lane.value if message.lane else None,
            "member_id": message.member_id, "coordinator_id": message.coordinator_id,
            "to": mask_phone(message.to_phone), "attempts": message.attempts or None}


def text_queued(session: Session, message: OutboundMessage) -> None:
    def say() -> None:
        event(log, "text_queued", logging.DEBUG, **_message_fields(message),
              not_before=message.not_before.isoformat() if message.not_before else None)
        _count(metrics.TEXTS_QUEUED, message.kind)

    after_commit(session, say)


def text_answered(session: Session, message: OutboundMessage) -> None:
    """An answer given in the webhook's own TwiML: Twilio sends it with the response."""
    def say() -> None:
        event(log, "text_answered", **_message_fields(message))
        _count(metrics.TEXTS_SENT, message.kind)

    after_commit(session, say)


def text_sent(session: Session, message: OutboundMessage) -> None:
    def say() -> None:
        event(log, "text_sent", **_message_fields(message), sid=message.twilio_sid)
        _count(metrics.TEXTS_SENT, message.kind)
        alert_id = (message.context or {}).get("alert_id")
        tally = metrics.installed()
        if alert_id is not None and tally is not None:
            timed = tally.stop_clock(ALERT_CLOCK.format(alert_id))
            if timed is not None:
                seconds, labels = timed
                tally.observe(metrics.ALERT_FIRST_TEXT, seconds, *labels)
                event(log, "alert_first_text", alert_id=alert_id, message_id=message.id, seconds=round(seconds, 3))

    after_commit(session, say)


def text_not_sent(session: Session, message: OutboundMessage, *, error_code: int | None, error: str | None,
                  retrying: bool) -> None:
    """Twilio refused a text, or could not be reached, or a callback said it did not arrive."""
    def say() -> None:
        code = str(error_code) if error_code is not None else "none"
        event(log, "text_retry" if retrying else "text_failed", logging.WARNING, **_message_fields(message),
              state=message.state.value, error_code=error_code, error=scrub(error),
              retry_at=message.not_before.isoformat() if retrying and message.not_before else None)
        _count(metrics.TEXTS_RETRIED if retrying else metrics.TEXTS_FAILED, message.kind, code)

    after_commit(session, say)


def text_skipped(session: Session, message: OutboundMessage, *, error_code: int | None, error: str | None) -> None:
    """Twilio stayed out of reach until the text was too old to matter: not sent, nobody's fault."""
    def say() -> None:
        event(log, "text_skipped", logging.WARNING, **_message_fields(message), error_code=error_code,
              error=scrub(error))
        _count(metrics.TEXTS_FAILED, message.kind, "skipped")

    after_commit(session, say)


def text_reconciled(session: Session, message: OutboundMessage, *, found: bool) -> None:
    """A text left in ``sending`` was looked up at Twilio: found there, or safe to send again."""
    def say() -> None:
        event(log, "text_reconciled", logging.WARNING, **_message_fields(message), found=found,
              state=message.state.value, sid=message.twilio_sid)

    after_commit(session, say)


def text_status(session: Session, message: OutboundMessage, status: str) -> None:
    """A status callback moved a text on (sent, delivered…); failures go to ``text_not_sent``."""
    def say() -> None:
        event(log, "text_status", **_message_fields(message), status=status, sid=message.twilio_sid)
        if message.state.value == "delivered":
            _count(metrics.TEXTS_DELIVERED, message.kind)

    after_commit(session, say)


def text_received(session: Session, inbound: InboundMessage) -> None:
    def say() -> None:
        event(log, "text_received", inbound_id=inbound.id, sid=inbound.message_sid, member_id=inbound.member_id,
              kind=inbound.kind, checkin_id=inbound.checkin_id)

    after_commit(session, say)


def alert_opened(session: Session, alert: Alert, *, from_reply: bool) -> None:
    # The clock starts now (the reply is being read), not at the commit a moment later.
    started = time.time()

    def say() -> None:
        event(log, "alert_opened", alert_id=alert.id, kind=alert.kind.value, reason=alert.reason.value,
              member_id=alert.member_id, community_id=alert.community_id)
        _count(metrics.ALERTS_OPENED, alert.kind.value, alert.reason.value)
        tally = metrics.installed()
        if from_reply and tally is not None:
            tally.start_clock(ALERT_CLOCK.format(alert.id), (alert.kind.value,), at=started)

    after_commit(session, say)


def audited(session: Session, entry: AuditEvent) -> None:
    """A coordinator's action, as the audit log records it (its detail stays in the database)."""
    def say() -> None:
        event(log, "coordinator_action", action=entry.action, coordinator_id=entry.coordinator_id,
              community_id=entry.community_id, target=entry.target, audit_id=entry.id)

    after_commit(session, say)


def tick_finished(summary: dict[str, Any], seconds: float) -> None:
    """One scheduler pass; said at once (the pass has committed when this is called)."""
    event(log, "tick", **{k: v for k, v in summary.items() if k != "at"}, as_of=summary.get("at"),
          seconds=round(seconds, 3))
    tally = metrics.installed()
    if tally is not None:
        tally.observe(metrics.TICK_DURATION, seconds)


def _count(metric: metrics.Definition, *labels: str) -> None:
    tally = metrics.installed()
    if tally is not None:
        tally.count(metric, *labels)
