"""``kinship doctor`` against real parts: the test database and Redis, the local Twilio stand-in
(its account, numbers and messaging services driven by the real twilio client), RQ's registries."""

from __future__ import annotations

from datetime import timedelta

import pytest
from redis import Redis
from rq import Worker
from rq.cron import CronScheduler
from sqlalchemy import update

from service.demo.embedded_redis import EmbeddedRedis
from service.models import MessageState, OutboundMessage
from tests.conftest import FROM_NUMBER, PUBLIC_URL
from workers.queues import QUEUE_NAMES, enqueue_tick

SMS_URL = f"{PUBLIC_URL}/twilio/sms"


def lines(result) -> dict[str, str]:
    """Each check's first line, by check name: 'ok       database …' → {'database': 'ok …'}."""
    found = {}
    for line in result.stdout.splitlines():
        parts = line.split(None, 1)
        if parts and parts[0] in ("ok", "warning", "problem", "skipped"):
            status, rest = parts[0], parts[1]
            for name in sorted(CHECKS, key=len, reverse=True):
                if rest.startswith(name + " "):
                    found[name] = f"{status} {rest[len(name):].strip()}"
                    break
    return found


CHECKS = ("SECRET_KEY", "PUBLIC_URL", "DATABASE_URL", "REDIS_URL", "Twilio settings", "metrics", "database", "Redis",
          "Redis persistence", "Redis memory", "Twilio account", "Twilio number", "Twilio service", "workers", "clock",
          "stuck texts", "outbox", "queues")


@pytest.fixture
def healthy(kinship, twilio_api, redis, worker):
    """A deployment with nothing wrong: the number points at us, a worker and a clock are alive,
    and the clock's last pass ran a moment ago (through a real worker)."""
    twilio_api.account.add_number(FROM_NUMBER, sms_url=SMS_URL)
    enqueue_tick(redis)
    worker()  # the tick job, as the clock would have it run
    alive = Worker(list(QUEUE_NAMES), connection=redis)
    alive.register_birth()
    clock = CronScheduler(connection=redis)
    clock.register_birth()
    yield
    alive.register_death()
    clock.register_death()


def doctor(kinship, **env):
    return kinship("doctor", env_extra={"SECRET_KEY": "x" * 40, "KINSHIP_METRICS_TOKEN": "t" * 20, **env})


def test_a_healthy_deployment_is_all_ok_but_for_what_the_test_machine_lacks(kinship, healthy, settings):
    result = doctor(kinship)
    found = lines(result)
    assert found["database"].startswith("ok reachable, at migration"), result.stdout
    assert found["Redis"].startswith("ok reachable"), result.stdout
    assert found["Twilio account"] == "ok active (Full)"
    assert found["Twilio number"].startswith(f"ok number {FROM_NUMBER} (the default sender): replies reach {SMS_URL}")
    assert found["workers"] == "ok 1 alive"
    assert found["clock"].startswith("ok ticked")
    assert found["stuck texts"] == "ok none in 'sending'"
    assert found["queues"] == "ok urgent 0, default 0; no failed jobs"
    problems = [name for name, line in found.items() if line.startswith("problem")]
    if settings.database_url.startswith("sqlite"):
        assert found["DATABASE_URL"].startswith("warning SQLite")
    assert problems == [], result.stdout
    assert result.exit_code == 0
    assert result.stdout.rstrip().endswith("warning(s)")


def test_every_line_says_what_to_do_when_something_is_wrong(kinship, healthy):
    result = doctor(kinship, SECRET_KEY="")
    assert result.exit_code == 1
    assert "problem  SECRET_KEY" in result.stdout
    after = result.stdout.split("problem  SECRET_KEY", 1)[1].splitlines()[1]
    assert after.strip().startswith("→ export SECRET_KEY=")
    assert result.stderr.strip() == "kinship: 1 problem(s): SECRET_KEY"


def test_a_number_pointing_elsewhere_or_missing_is_a_problem(kinship, twilio_api, redis, healthy):
    twilio_api.clear()
    twilio_api.account.add_number(FROM_NUMBER, sms_url="https://old-host.example.org/sms", sms_method="GET")
    found = lines(doctor(kinship))
    assert found["Twilio number"] == (f"problem number {FROM_NUMBER} (the default sender): "
                                      f"sms_url: https://old-host.example.org/sms → {SMS_URL}; sms_method: GET → POST")
    twilio_api.clear()
    result = doctor(kinship)
    assert lines(result)["Twilio number"].endswith("is not a number on this Twilio account")
    assert "Twilio number" in result.stderr


def test_wrong_credentials_a_suspended_or_trial_account(kinship, twilio_api, healthy):
    found = lines(doctor(kinship, TWILIO_AUTH_TOKEN="not-the-token"))
    assert found["Twilio account"] == "problem Twilio refused these credentials (HTTP 401)"
    assert "Twilio number" not in found
    twilio_api.account.type = "Trial"
    assert lines(doctor(kinship))["Twilio account"].startswith("warning active, a trial account")
    twilio_api.account.status = "suspended"
    result = doctor(kinship)
    assert lines(result)["Twilio account"] == "problem suspended"
    assert result.exit_code == 1


def test_a_messaging_service_is_checked_for_both_urls_and_a_sender(kinship, twilio_api, healthy):
    service = twilio_api.account.add_messaging_service(inbound_request_url=SMS_URL)
    env = {"TWILIO_FROM_NUMBER": "", "TWILIO_MESSAGING_SERVICE_SID": service}
    found = lines(doctor(kinship, **env))
    assert found["Twilio service"] == (
        f"problem messaging service {service} (the default sender): the messaging service {service} has no phone number "
        "to send from")
    wired = twilio_api.account.add_messaging_service(inbound_request_url=SMS_URL, numbers=("+15005550007",))
    found = lines(doctor(kinship, TWILIO_FROM_NUMBER="", TWILIO_MESSAGING_SERVICE_SID=wired))
    assert found["Twilio service"] == (f"problem messaging service {wired} (the default sender): "
                                       f"status_callback: (none) → {PUBLIC_URL}/twilio/status")


def test_no_worker_and_no_clock_are_problems(kinship, twilio_api, redis):
    twilio_api.account.add_number(FROM_NUMBER, sms_url=SMS_URL)
    result = doctor(kinship)
    found = lines(result)
    assert found["workers"] == "problem no worker is running: nothing is being sent"
    assert found["clock"] == "problem never ticked, and no clock is running: no check-in goes out"
    assert "workers, clock" in result.stderr


def test_texts_stuck_in_sending_for_ten_minutes_are_counted(kinship, healthy, paired, db, now):
    assert kinship("tick", "--at", "2026-11-30T16:00:30Z").exit_code == 0
    with db.session() as s:
        s.execute(update(OutboundMessage).where(OutboundMessage.state == MessageState.QUEUED).values(
            state=MessageState.SENDING, created_at=now - timedelta(minutes=12), enqueued_at=now - timedelta(minutes=11),
            status_at=None))
    found = lines(doctor(kinship))
    assert found["stuck texts"].startswith("problem 2 text(s) in 'sending' for over 10 min (#")
    with db.session() as s:
        s.execute(update(OutboundMessage).where(OutboundMessage.state == MessageState.SENDING).values(
            enqueued_at=now - timedelta(minutes=9)))
    assert lines(doctor(kinship))["stuck texts"] == "ok none in 'sending'"


def test_redis_without_persistence_or_with_eviction_is_a_warning(kinship, healthy):
    with EmbeddedRedis() as bare:  # the embedded server runs with --save "" and no AOF
        bare_client = Redis.from_url(bare.url)
        bare_client.config_set("maxmemory-policy", "allkeys-lru")
        bare_client.connection_pool.disconnect()
        found = lines(doctor(kinship, REDIS_URL=bare.url))
    assert found["Redis persistence"] == "warning off: a restart of Redis forgets every queued job"
    assert found["Redis memory"] == "warning maxmemory-policy is allkeys-lru: a full Redis evicts queued jobs"


def test_an_unreachable_or_unmigrated_database_is_a_problem_and_the_rest_still_runs(kinship, healthy, tmp_path):
    found = lines(doctor(kinship, DATABASE_URL=f"sqlite:///{tmp_path / 'empty.sqlite3'}"))
    assert found["database"] == "problem reachable, not migrated (no Kinship tables yet)"
    assert found["stuck texts"].startswith("skipped")
    assert found["workers"] == "ok 1 alive"
    found = lines(doctor(kinship, DATABASE_URL="postgresql+psycopg://nobody:secret-pw@127.0.0.1:1/none"))
    assert found["database"].startswith("problem cannot reach postgresql+psycopg://nobody:***@127.0.0.1:1/none")


def test_an_unreachable_redis_is_a_problem(kinship, healthy):
    result = doctor(kinship, REDIS_URL="redis://127.0.0.1:1/0")
    found = lines(result)
    assert found["Redis"].startswith("problem cannot reach redis://127.0.0.1:1/0")
    assert found["workers"].startswith("skipped") and found["queues"].startswith("skipped")
    assert result.exit_code == 1
