"""``kinship doctor``: everything a deployment needs, checked in order, one finding a line.

Each check says what it found and, when something is wrong, what to do. A *problem* is
something that stops Kinship doing its work (texts not sent, replies not heard) and makes
the command exit non-zero; a *warning* is a risk worth fixing (Redis without persistence, a
short secret). Checks that need something already found missing are skipped, not failed
twice. Nothing here changes anything, except what RQ itself tidies when asked who is alive.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta

from redis import Redis
from redis.exceptions import RedisError, ResponseError
from requests.exceptions import RequestException
from sqlalchemy import create_engine
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session
from twilio.base.exceptions import TwilioException, TwilioRestException

from service.messaging.backlog import STUCK_AFTER, stuck_in_sending, waiting
from service.messaging.twilio_gateway import make_client
from service.migrate import schema_state
from service.operations import twilio_setup
from service.settings import Settings

TICKED_WITHIN = timedelta(minutes=3)
BEHIND_AFTER = timedelta(minutes=5)
SHORT_SECRET = 32
CONNECT_TIMEOUT = 5


class Status(enum.StrEnum):
    OK = "ok"
    WARNING = "warning"
    PROBLEM = "problem"
    SKIPPED = "skipped"


@dataclass(frozen=True)
class Finding:
    check: str
    status: Status
    found: str
    fix: str = ""

    def line(self, width: int = 18) -> str:
        text = f"{self.status.value:<8} {self.check:<{width}} {self.found}"
        return f"{text}\n{'':<{9 + width}} → {self.fix}" if self.fix else text


def ok(check: str, found: str) -> Finding:
    return Finding(check, Status.OK, found)


def warning(check: str, found: str, fix: str) -> Finding:
    return Finding(check, Status.WARNING, found, fix)


def problem(check: str, found: str, fix: str) -> Finding:
    return Finding(check, Status.PROBLEM, found, fix)


def skipped(check: str, because: str) -> Finding:
    return Finding(check, Status.SKIPPED, f"not checked: {because}")


def has_problems(findings: list[Finding]) -> bool:
    return any(f.status == Status.PROBLEM for f in findings)


def examine(settings: Settings, *, now: Callable[[], datetime]) -> Iterator[Finding]:
    """Every check in order, each finding as soon as it is known (the CLI prints as it goes)."""
    yield from _settings(settings)
    engine = _engine(settings)
    redis = None
    try:
        database_ok = yield from _database(settings, engine)
        redis = _redis(settings)
        redis_ok = yield from _redis_checks(settings, redis)
        yield from _twilio(settings, engine if database_ok else None)
        if redis is not None and redis_ok:
            yield from _processes(redis)
        else:
            yield skipped("workers", "Redis is not reachable")
            yield skipped("clock", "Redis is not reachable")
        yield from _backlog(engine if database_ok else None, redis if redis_ok else None, now())
    finally:
        if engine is not None:
            engine.dispose()
        if redis is not None:
            redis.connection_pool.disconnect()


# --- settings ---------------------------------------------------------------------------

def _settings(s: Settings) -> Iterator[Finding]:
    if not s.secret_key:
        yield problem("SECRET_KEY", "not set: the web process will not start",
                      "export SECRET_KEY=$(python -c 'import secrets; print(secrets.token_hex(32))')")
    elif len(s.secret_key) < SHORT_SECRET:
        yield warning("SECRET_KEY", f"only {len(s.secret_key)} characters", f"use at least {SHORT_SECRET} random characters")
    else:
        yield ok("SECRET_KEY", f"set ({len(s.secret_key)} characters)")
    why_not = twilio_setup.unreachable_public_url(s)
    if why_not:
        yield problem("PUBLIC_URL", why_not, "set PUBLIC_URL to this deployment's public https address")
    elif not s.public_url.startswith("https://"):
        yield warning("PUBLIC_URL", f"{s.public_url} is not https: sign-ins and webhooks travel in the clear",
                      "serve Kinship over HTTPS and set PUBLIC_URL=https://…")
    else:
        yield ok("PUBLIC_URL", s.public_url)
    if s.database_url.startswith("sqlite"):
        yield warning("DATABASE_URL", "SQLite: one writer at a time, and a file to back up by hand",
                      "use PostgreSQL in production (DATABASE_URL=postgresql+psycopg://…)")
    else:
        yield ok("DATABASE_URL", safe_url(s.database_url))
    if not s.redis_url:
        yield problem("REDIS_URL", "not set: nothing wakes the workers", "set REDIS_URL=redis://host:6379/0")
    else:
        yield ok("REDIS_URL", safe_url(s.redis_url))
    if not (s.twilio_account_sid and s.twilio_auth_token):
        yield problem("Twilio settings", "TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN are not both set",
                      "copy them from the Twilio console (Account info)")
    elif not (s.twilio_from_number or s.twilio_messaging_service_sid):
        yield problem("Twilio settings", "no sender: neither TWILIO_FROM_NUMBER nor TWILIO_MESSAGING_SERVICE_SID",
                      "set one of them to the number or messaging service Kinship texts from")
    else:
        sender = s.twilio_from_number or s.twilio_messaging_service_sid
        yield ok("Twilio settings", f"account {s.twilio_account_sid}, sending from {sender}")
    if not s.metrics_token:
        yield ok("metrics", "GET /metrics is off (set KINSHIP_METRICS_TOKEN to turn it on)")
    elif len(s.metrics_token) < 16:
        yield warning("metrics", "KINSHIP_METRICS_TOKEN is short", "use at least 16 random characters")
    else:
        yield ok("metrics", "GET /metrics answers with the bearer token")


def safe_url(url: str) -> str:
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ValueError:
        return "(not a URL)"


# --- the database -----------------------------------------------------------------------

def _engine(s: Settings) -> Engine | None:
    args = {"connect_timeout": CONNECT_TIMEOUT} if s.database_url.startswith("postgresql") else {}
    try:
        return create_engine(s.database_url, connect_args=args, hide_parameters=True)
    except (SQLAlchemyError, ValueError, ImportError):
        return None


def _database(s: Settings, engine: Engine | None):
    if engine is None:
        yield problem("database", f"DATABASE_URL is not a database URL SQLAlchemy can use: {safe_url(s.database_url)}",
                      "see the README's settings table")
        return False
    try:
        state = schema_state(engine)
    except SQLAlchemyError as error:
        yield problem("database", f"cannot reach {safe_url(s.database_url)}: {first_line(error)}",
                      "check DATABASE_URL and that the database server is running")
        return False
    if not state.at_head:
        yield problem("database", f"reachable, {state.describe()}", "run `kinship db upgrade`")
        return False
    yield ok("database", f"reachable, {state.describe()}")
    return True


def first_line(error: Exception) -> str:
    text = str(getattr(error, "orig", None) or error).strip()
    return text.splitlines()[0] if text else type(error).__name__


# --- Redis ------------------------------------------------------------------------------

def _redis(s: Settings) -> Redis | None:
    if not s.redis_url:
        return None
    try:
        return Redis.from_url(s.redis_url, socket_timeout=CONNECT_TIMEOUT, socket_connect_timeout=CONNECT_TIMEOUT)
    except ValueError:
        return None


def _redis_checks(s: Settings, redis: Redis | None):
    if redis is None:
        yield skipped("Redis", "REDIS_URL is not set" if not s.redis_url else "REDIS_URL is not a Redis URL")
        return False
    try:
        info = redis.info()
    except RedisError as error:
        yield problem("Redis", f"cannot reach {safe_url(s.redis_url)}: {error}", "check REDIS_URL and that Redis is running")
        return False
    yield ok("Redis", f"reachable, Redis {info.get('redis_version', '?')}")
    yield _persistence(redis, info)
    policy = info.get("maxmemory_policy", "noeviction")
    if policy != "noeviction":
        yield warning("Redis memory", f"maxmemory-policy is {policy}: a full Redis evicts queued jobs",
                      "set maxmemory-policy noeviction")
    else:
        yield ok("Redis memory", "maxmemory-policy noeviction")
    return True


def _persistence(redis: Redis, info: dict) -> Finding:
    aof = bool(info.get("aof_enabled"))
    try:
        save = (redis.config_get("save") or {}).get("save", "")
    except ResponseError:  # managed Redis often forbids CONFIG
        save = None
    if aof:
        return ok("Redis persistence", "append-only file on" + (f", snapshots {save}" if save else ""))
    if save:
        return ok("Redis persistence", f"snapshots (save {save}); an append-only file loses less")
    if save is None:
        return warning("Redis persistence", "no append-only file, and the snapshot policy cannot be read (CONFIG is disabled)",
                       "make sure your provider keeps Redis on disk, or turn on appendonly yes")
    return warning("Redis persistence", "off: a restart of Redis forgets every queued job",
                   "turn on appendonly yes (the database keeps the texts; Redis keeps the wake-ups and retries)")


# --- Twilio -----------------------------------------------------------------------------

def _twilio(s: Settings, engine: Engine | None) -> Iterator[Finding]:
    if not (s.twilio_account_sid and s.twilio_auth_token):
        yield skipped("Twilio account", "no credentials")
        return
    client = make_client(s)
    try:
        status, kind = twilio_setup.account_status(client, s)
    except TwilioRestException as error:
        if error.status == 401:
            yield problem("Twilio account", "Twilio refused these credentials (HTTP 401)",
                          "check TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN in the Twilio console")
        else:
            yield problem("Twilio account", f"Twilio answered HTTP {error.status} ({error.code}): {error.msg}",
                          "try again; if it persists, see status.twilio.com")
        return
    except (TwilioException, RequestException, OSError) as error:
        yield problem("Twilio account", f"cannot reach Twilio at {s.twilio_api_base_url}: {type(error).__name__}",
                      "check the network, and TWILIO_API_BASE_URL if set")
        return
    if status != "active":
        yield problem("Twilio account", f"{status}", "the account cannot send texts: see the Twilio console")
        return
    if kind == "Trial":
        yield warning("Twilio account", "active, a trial account: it texts only verified numbers, with a trial prefix",
                      "upgrade the account before inviting members")
    else:
        yield ok("Twilio account", f"active ({kind})")
    if engine is None:
        found = twilio_setup.senders_from_settings(s)
    else:
        with Session(engine) as session:
            found = twilio_setup.senders(session, s)
    if not found:
        yield skipped("Twilio sender", "no sender configured")
    for sender in found:
        yield _sender(client, s, sender)


def _sender(client, s: Settings, sender: twilio_setup.Sender) -> Finding:
    name = "Twilio " + ("number" if sender.kind == twilio_setup.NUMBER else "service")
    try:
        wiring = twilio_setup.inspect(client, s, sender)
    except (TwilioException, RequestException, OSError) as error:
        return problem(name, f"{sender}: could not be read ({type(error).__name__})", "run `kinship doctor` again")
    if wiring.problems:
        return problem(name, f"{sender}: {'; '.join(wiring.problems)}",
                       "buy or move the number into this account, or fix the sender in the settings")
    if wiring.changes:
        return problem(name, f"{sender}: {'; '.join(str(c) for c in wiring.changes)}",
                       "run `kinship twilio connect` (add --dry-run to see it first)")
    callbacks = ("status callbacks asked for on every text" if sender.kind == twilio_setup.NUMBER
                 else f"status callback {s.status_callback_url()}")
    return ok(name, f"{sender}: replies reach {s.sms_webhook_url()}; {callbacks}")


# --- processes ----------------------------------------------------------------------------

def _processes(redis: Redis) -> Iterator[Finding]:
    from workers import inspection

    try:
        alive = inspection.processes(redis)
    except RedisError as error:
        yield problem("workers", f"could not ask Redis: {error}", "run `kinship doctor` again")
        return
    if not alive.workers:
        yield problem("workers", "no worker is running: nothing is being sent", "start `kinship worker` (and keep it running)")
    elif alive.workers_on_every_queue < len(alive.workers):
        yield warning("workers", f"{len(alive.workers)} alive, {len(alive.workers) - alive.workers_on_every_queue} "
                      "not listening to both queues", "start workers with `kinship worker`")
    else:
        yield ok("workers", f"{len(alive.workers)} alive")
    if alive.last_tick_age is not None and alive.last_tick_age <= TICKED_WITHIN.total_seconds():
        found = f"ticked {alive.last_tick_age:.0f} s ago"
        if alive.clocks > 1:
            yield warning("clock", f"{found}; {alive.clocks} clocks are running", "run one `kinship clock`")
        else:
            yield ok("clock", found)
        return
    when = "never ticked" if alive.last_tick_age is None else f"last ticked {alive.last_tick_age / 60:.0f} min ago"
    if alive.clocks == 0:
        yield problem("clock", f"{when}, and no clock is running: no check-in goes out",
                      "start `kinship clock` (one, and keep it running)")
    elif not alive.workers:
        yield problem("clock", f"{when}: the clock runs, but no worker runs its passes", "start `kinship worker`")
    else:
        yield problem("clock", f"{when}, though a clock and a worker are running",
                      "look at the worker's log for failed tick jobs")


def _backlog(engine: Engine | None, redis: Redis | None, now: datetime) -> Iterator[Finding]:
    if engine is None:
        yield skipped("stuck texts", "the database is not ready")
    else:
        with Session(engine) as session:
            stuck = stuck_in_sending(session, now)
            lanes = waiting(session, now)
        if stuck:
            yield problem("stuck texts", f"{len(stuck)} text(s) in 'sending' for over {STUCK_AFTER.seconds // 60} min "
                          f"(#{', #'.join(str(m.id) for m in stuck[:5])}{'…' if len(stuck) > 5 else ''}): "
                          "they may or may not have gone", "look at them on the dashboard's Now page before sending again")
        else:
            yield ok("stuck texts", "none in 'sending'")
        oldest = min((since for _, since in lanes.values() if since is not None), default=None)
        total = sum(count for count, _ in lanes.values())
        if oldest is not None and now - oldest > BEHIND_AFTER:
            yield warning("outbox", f"{total} text(s) due, the oldest waiting {(now - oldest).total_seconds() / 60:.0f} min",
                          "the workers are behind or down: look at `kinship worker`")
        else:
            yield ok("outbox", f"{total} text(s) due" + (f", the oldest waiting {(now - oldest).total_seconds():.0f} s" if oldest else ""))
    if redis is None:
        yield skipped("queues", "Redis is not reachable")
        return
    from workers import inspection

    try:
        queues = inspection.queues(redis)
    except RedisError as error:
        yield problem("queues", f"could not ask Redis: {error}", "run `kinship doctor` again")
        return
    depths = ", ".join(f"{name} {count}" for name, count in queues.depth.items())
    failed = sum(queues.failed.values())
    if failed:
        yield warning("queues", f"{depths}; {failed} failed job(s) in RQ's failed registry",
                      "read why with `rq info` / the worker's log; the texts themselves are retried from the database")
    else:
        yield ok("queues", f"{depths}; no failed jobs")
