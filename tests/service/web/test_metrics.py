"""``GET /metrics``: the bearer token, and the figures a scenario leaves behind, read back through
Prometheus' own parser."""

from __future__ import annotations

from datetime import timedelta

import pytest
from prometheus_client.parser import text_string_to_metric_families
from sqlalchemy import select

from service import clock, create_app
from service.models import OutboundMessage
from tests.service.conftest import ALEX, SAM
from workers.queues import enqueue_tick

TOKEN = "metrics-token-0123456789"


@pytest.fixture
def settings(settings):
    return settings.with_(metrics_token=TOKEN)


def scrape(client) -> dict[tuple[str, tuple], float]:
    answer = client.get("/metrics", headers={"Authorization": f"Bearer {TOKEN}"})
    assert answer.status_code == 200
    assert answer.content_type.startswith("text/plain; version=")
    return {(sample.name, tuple(sorted(sample.labels.items()))): sample.value
            for family in text_string_to_metric_families(answer.get_data(as_text=True)) for sample in family.samples}


def value(samples, name: str, **labels) -> float | None:
    return samples.get((name, tuple(sorted(labels.items()))))


def test_metrics_need_the_bearer_token(client, app):
    assert client.get("/metrics").status_code == 401
    assert client.get("/metrics").headers["WWW-Authenticate"].startswith("Bearer")
    assert client.get("/metrics", headers={"Authorization": "Bearer wrong"}).status_code == 401
    assert client.get("/metrics", headers={"Authorization": f"Basic {TOKEN}"}).status_code == 401
    assert client.get("/metrics", headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 200


def test_metrics_are_off_without_a_token(settings):
    app = create_app(settings.with_(metrics_token=""))
    try:
        assert app.test_client().get("/metrics", headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 404
    finally:
        app.extensions["kinship"].close()


def test_a_low_reply_its_buddy_alert_and_the_callbacks_are_counted(paired, twilio, worker, twilio_api, db, client, redis):
    assert twilio.sms(SAM, "2").status_code == 200
    worker()
    [buddy_alert] = twilio_api.messages
    assert buddy_alert.to == ALEX
    assert twilio.status(buddy_alert.sid, "delivered").status_code == 204
    with db.session() as s:
        intro = s.scalar(select(OutboundMessage).where(OutboundMessage.kind == "intro", OutboundMessage.to_phone == SAM))
    assert twilio.status(intro.twilio_sid, "undelivered", 30006).status_code == 204
    enqueue_tick(redis)
    worker()

    samples = scrape(client)
    assert value(samples, "kinship_alerts_opened_total", kind="support", reason="low_score") == 1
    assert value(samples, "kinship_texts_queued_total", kind="buddy_alert") == 1
    assert value(samples, "kinship_texts_sent_total", kind="buddy_alert") == 1
    assert value(samples, "kinship_texts_sent_total", kind="support_buddy") == 1  # the TwiML answer to Sam
    assert value(samples, "kinship_texts_sent_total", kind="intro") == 2
    assert value(samples, "kinship_texts_delivered_total", kind="buddy_alert") == 1
    assert value(samples, "kinship_texts_failed_total", kind="intro", error_code="30006") == 1
    assert value(samples, "kinship_alert_first_text_seconds_count", kind="support") == 1
    assert value(samples, "kinship_alert_first_text_seconds_bucket", kind="support", le="+Inf") == 1
    assert value(samples, "kinship_tick_duration_seconds_count") == 1
    assert 0 <= value(samples, "kinship_last_tick_age_seconds") < 60
    assert value(samples, "kinship_queue_depth", queue="urgent") == 0
    assert value(samples, "kinship_failed_jobs", queue="default") == 0
    assert value(samples, "kinship_texts_stuck_sending") == 0
    assert value(samples, "kinship_oldest_queued_text_age_seconds", lane="urgent") == 0
    assert value(samples, "kinship_up", part="redis") == 1 and value(samples, "kinship_up", part="database") == 1
    assert value(samples, "kinship_webhook_duration_seconds_count", route="/twilio/sms", status="200") >= 1
    assert value(samples, "kinship_webhook_duration_seconds_count", route="/twilio/status", status="204") >= 2


def test_the_first_text_of_an_alert_is_timed_once(paired, twilio, worker, client, twilio_api):
    twilio.sms(SAM, "I want to end my life, I can't go on")
    worker()
    assert twilio_api.messages  # the coordinator's text
    twilio.sms(SAM, "still here but i want to die")  # joins the same crisis alert
    worker()
    samples = scrape(client)
    assert value(samples, "kinship_alerts_opened_total", kind="crisis", reason="crisis") == 1
    assert value(samples, "kinship_alert_first_text_seconds_count", kind="crisis") == 1


def test_a_waiting_text_ages(paired, twilio, client, now):
    twilio.sms(SAM, "2")  # a buddy alert queued; no worker runs
    clock.freeze(now + timedelta(minutes=3))
    samples = scrape(client)
    assert value(samples, "kinship_texts_waiting", lane="urgent") == 1
    assert value(samples, "kinship_oldest_queued_text_age_seconds", lane="urgent") == 180
    assert value(samples, "kinship_queue_depth", queue="urgent") == 1


def test_with_redis_down_the_database_gauges_still_answer(settings):
    app = create_app(settings.with_(redis_url="redis://127.0.0.1:1/0"))  # nothing listens there
    try:
        samples = scrape(app.test_client())
    finally:
        app.extensions["kinship"].close()
    assert value(samples, "kinship_up", part="redis") == 0
    assert value(samples, "kinship_up", part="database") == 1
    assert value(samples, "kinship_texts_stuck_sending") == 0
    assert value(samples, "kinship_queue_depth", queue="urgent") is None
