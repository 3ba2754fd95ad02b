"""The ``kinship`` command: an operator's whole first hour, and the processes of production.

Each command reads the settings once, checks what it is given before it asks for what it
needs (a bad phone number is refused before a missing REDIS_URL is), does one unit of work
in one session, and exits 0, or non-zero with a one-line reason on stderr. Commands that only
write the database need no Twilio settings; those that queue texts need Redis to wake the
workers, and ask for it just before they commit.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager

import click
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from service import clock
from service.communities import CommunityError, add_community, add_coordinator
from service.db import Database
from service.members import ImportRefused, MemberError, add_member, export_members, find_community, import_members
from service.passwords import PasswordError
from service.settings import Settings, SettingsError

DOMAIN_ERRORS = (MemberError, CommunityError, PasswordError, SettingsError, ValueError)


def settings() -> Settings:
    try:
        return Settings.from_env()
    except SettingsError as error:
        raise Failed(str(error)) from None


@contextmanager
def opened() -> Iterator[Database]:
    """The database for one command (and, in the demo, the demo's one clock)."""
    current = settings()
    store = Database(current.database_url)
    with ExitStack() as cleanup:
        cleanup.callback(store.dispose)
        if current.demo and current.redis_url:
            from workers.context import share_demo_clock

            cleanup.callback(share_demo_clock(current))
        try:
            yield store
        except DBAPIError as error:
            raise Failed(_database_trouble(current, store, error)) from error


@contextmanager
def unit_of_work(wakes_workers: bool = False) -> Iterator[Session]:
    """One session, committed at the end; a domain refusal becomes one line and exit 1.

    With ``wakes_workers``, the texts it queues wake a worker once it commits: Redis is asked
    for then, after the command has checked everything it was given.
    """
    current = settings()
    with opened() as store, ExitStack() as cleanup:
        try:
            with store.session() as session:
                yield session
                if wakes_workers:
                    from workers.context import waking

                    store.on_commit = cleanup.enter_context(waking(current))
        except DOMAIN_ERRORS as error:
            raise Failed(str(error)) from None


def _database_trouble(current: Settings, store: Database, error: DBAPIError) -> str:
    """One line for a database error: not reachable, not migrated, or what it said."""
    from sqlalchemy.exc import SQLAlchemyError

    from service.migrate import schema_state
    from service.operations.doctor import first_line, safe_url

    where = safe_url(current.database_url)
    try:
        state = schema_state(store.engine)
    except SQLAlchemyError:
        return f"cannot reach the database at {where}: {first_line(error)}"
    if not state.at_head:
        return f"the database at {where} is {state.describe()}: run `kinship db upgrade` first"
    return f"the database refused: {first_line(error)}"


class Failed(click.ClickException):
    """A refusal: the reason on one line, exit status 1."""

    def show(self, file=None) -> None:
        click.echo(f"kinship: {self.message}", err=True)


# The long-running processes log at the settings' level; a one-off command prints its own
# answer, and logs only what went wrong (or everything, when asked for DEBUG).
PROCESSES = {"worker", "clock", "demo"}


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.pass_context
def main(ctx: click.Context) -> None:
    """Kinship: SMS check-ins, buddies and coordinators for supportive communities."""
    from service.telemetry import logs

    try:
        current = Settings.from_env()
    except SettingsError:
        return  # the command itself reports the bad setting, if it needs it
    quiet = ctx.invoked_subcommand not in PROCESSES and current.log_level != "DEBUG"
    logs.configure(current, level="WARNING" if quiet else None)


# --- database ---------------------------------------------------------------------------

@main.group()
def db() -> None:
    """The database schema (Alembic migrations)."""


@db.command("upgrade")
@click.option("--revision", default="head", show_default=True)
def db_upgrade(revision: str) -> None:
    """Apply migrations up to REVISION."""
    from sqlalchemy.exc import OperationalError

    from service.migrate import upgrade
    from service.operations.doctor import first_line, safe_url

    current = settings()
    try:
        upgrade(current.database_url, revision)
    except OperationalError as error:
        raise Failed(f"cannot reach the database at {safe_url(current.database_url)}: {first_line(error)}") from None
    click.echo(f"database at {revision}")


# --- communities and coordinators -------------------------------------------------------

@main.group()
def community() -> None:
    """Communities."""


@community.command("add")
@click.argument("name")
@click.option("--timezone", default="UTC", show_default=True, help="IANA zone, the default for its members")
@click.option("--country", default="US", show_default=True, help="ISO 3166 region for numbers written without +")
@click.option("--from-number", default=None, help="the community's own sender number (E.164)")
@click.option("--language", default="en", show_default=True)
@click.option("--schedule", default=None, help="default check-in RRULE, e.g. FREQ=WEEKLY;BYDAY=MO,TH;BYHOUR=10;BYMINUTE=0")
@click.option("--quiet-hours", default=None, help="local quiet hours, e.g. 21:00-08:00")
@click.option("--send-rate", type=float, default=None,
              help="texts a second from its sender: 1 long code, 3 toll-free, 100 short code, "
                   "0 to let a Messaging Service pace them (default: KINSHIP_SEND_RATE_PER_SECOND)")
def community_add(name, timezone, country, from_number, language, schedule, quiet_hours, send_rate) -> None:
    """Create a community."""
    extra = {k: v for k, v in {"schedule": schedule, "quiet_hours": quiet_hours}.items() if v}
    with unit_of_work() as session:
        made = add_community(session, name, timezone=timezone, country=country, from_number=from_number,
                             language=language, send_rate=send_rate, now=clock.utcnow(), **extra)
        click.echo(f"community {made.name!r}: {made.timezone}, {made.country}, check-ins {made.default_schedule}, quiet hours {made.quiet_hours}")


@main.group()
def coordinator() -> None:
    """Coordinators (they sign in to the dashboard)."""


@coordinator.command("add")
@click.argument("email")
@click.option("--community", "community_name", required=True)
@click.option("--phone", default=None, help="for urgent alerts by SMS")
@click.option("--password-stdin", is_flag=True, help="read the password from standard input")
def coordinator_add(email, community_name, phone, password_stdin) -> None:
    """Create a coordinator of a community (or add a community to one)."""
    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    with unit_of_work() as session:
        made = add_coordinator(session, email, community_name, password, phone=phone, now=clock.utcnow())
        click.echo(f"coordinator {made.email} of {', '.join(c.name for c in made.communities)}")


@coordinator.command("password")
@click.argument("email")
@click.option("--password-stdin", is_flag=True, help="read the new password from standard input")
def coordinator_password(email, password_stdin) -> None:
    """Set a new password for a coordinator who forgot theirs; their sessions are signed out."""
    from service.communities import reset_password

    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = click.prompt("New password", hide_input=True, confirmation_prompt=True)
    with unit_of_work() as session:
        reset_password(session, email, password)
        click.echo(f"new password set for {email.strip().lower()}; their sessions are signed out")


# --- members ----------------------------------------------------------------------------

@main.group()
def member() -> None:
    """One member."""


@member.command("add")
@click.option("--community", "community_name", required=True)
@click.option("--name", required=True)
@click.option("--phone", required=True)
@click.option("--timezone", default=None, help="IANA zone (default: the community's)")
@click.option("--language", default=None, help="en or es (default: the community's)")
@click.option("--schedule", default=None, help="RRULE (default: the community's)")
def member_add(community_name, name, phone, timezone, language, schedule) -> None:
    """Add a member and queue their invitation (they join by replying YES)."""
    from service.messaging.outbox import pending_for

    with unit_of_work(wakes_workers=True) as session:
        target = find_community(session, community_name)
        made = add_member(session, target, clock.utcnow(), name=name, phone=phone, timezone=timezone,
                          language=language, schedule=schedule)
        session.flush()
        invitation = pending_for(session, made, "invite")
    click.echo(f"{made.name} ({made.phone}, {made.zone}, {made.language}) is invited to {target.name}.")
    click.echo(_invitation_words(invitation, made.zone))


def _invitation_words(invitation, zone: str) -> str:
    if invitation is None:
        return "No invitation was queued."
    if invitation.enqueued_at is None and invitation.not_before is not None:
        from service.schedules import format_local

        return (f"The invitation is queued for {format_local(invitation.not_before, zone, 'en')} {zone}, "
                "when the member's quiet hours end. " + _worker_words())
    return "The invitation is queued. " + _worker_words()


def _worker_words() -> str:
    """Whether anything will send what was just queued: the operator's next question."""
    from redis.exceptions import RedisError

    from workers import inspection
    from workers.queues import connect

    redis = connect(settings().require_redis())
    try:
        alive = inspection.workers_alive(redis)
    except RedisError:
        alive = 0
    finally:
        redis.connection_pool.disconnect()
    if alive:
        return f"A worker is running ({alive} alive) and will send it."
    return "No worker is running: it goes out once one starts (`kinship worker`)."


@main.group()
def members() -> None:
    """Many members: CSV in and out."""


@members.command("import")
@click.argument("csv_file", type=click.File("r", encoding="utf-8-sig"))
@click.option("--community", "community_name", required=True)
def members_import(csv_file, community_name) -> None:
    """Invite everyone in a CSV (name,phone,timezone,language,schedule). All or nothing."""
    try:
        text = csv_file.read()
    except UnicodeDecodeError:
        raise Failed(f"{csv_file.name} is not UTF-8 text: save it as 'CSV UTF-8' and try again") from None
    with unit_of_work(wakes_workers=True) as session:
        target = find_community(session, community_name)
        try:
            made = import_members(session, target, text, clock.utcnow())
        except ImportRefused as refused:
            for problem in refused.problems:
                click.echo(f"kinship: {problem}", err=True)
            raise
        click.echo(f"invited {len(made)} member(s) to {target.name}; their invitations are queued")
    click.echo(_worker_words())


@members.command("export")
@click.option("--community", "community_name", required=True)
def members_export(community_name) -> None:
    """Write the community's members as CSV to standard output."""
    with unit_of_work() as session:
        click.echo(export_members(session, find_community(session, community_name)), nl=False)


# --- time -------------------------------------------------------------------------------

@main.command()
@click.option("--at", "at", default=None, help="act as of this ISO 8601 time (default: now)")
@click.option("--dry-run", is_flag=True, help="print what would be sent and change nothing")
def tick(at, dry_run) -> None:
    """One scheduler pass: due check-ins, missed ones, held and lost messages."""
    from service import tick as scheduler
    from service.dry_run import describe

    try:
        now = clock.parse_instant(at) if at else clock.utcnow()
    except ValueError as error:
        raise Failed(str(error)) from None
    current = settings()
    if dry_run:
        # The very same pass, rolled back: what it prints is what a real tick would do.
        with opened() as store:
            session = store.sessions()
            try:
                for line in describe(scheduler.run(session, now, current)):
                    click.echo(line)
            finally:
                session.rollback()
                session.close()
        return
    from workers.context import waking

    # Each batch of check-ins wakes the workers as it commits, not when the whole pass ends.
    with opened() as store, waking(current) as wake:
        store.on_commit = wake
        with store.session() as session:
            summary = scheduler.run(session, now, current, commit_batches=True).summary()
    if current.twilio_account_sid and current.twilio_auth_token:
        # Texts left in ``sending``, looked up at Twilio as the clock's pass does.
        from service.members import heed_carrier
        from service.messaging.reconcile import reconcile
        from service.messaging.twilio_gateway import TwilioGateway

        with unit_of_work(wakes_workers=True) as session:
            summary |= reconcile(session, TwilioGateway(current), now, retry_limit=current.send_retry_limit,
                                 heed=heed_carrier).summary()
    click.echo(" ".join(f"{key}={value}" for key, value in summary.items()))


@main.command()
@click.option("--burst", is_flag=True, help="work until the queues are empty, then exit")
@click.option("--fork", is_flag=True,
              help="fork a child per job (isolates each job, costs a fork and a fresh context per text)")
@click.option("--simple", is_flag=True, hidden=True, help="the default now: jobs run in this process")
def worker(burst, fork, simple) -> None:
    """An RQ worker on the urgent queue, then the default one.

    By default jobs run in this process (RQ's SimpleWorker): the database engine, Redis
    connection, twilio client and sending threads are built once and reused by every job,
    and job timeouts still apply. Run more processes to send more (README, "Performance").
    """
    from rq import SimpleWorker, Worker

    from service.telemetry import logs
    from workers.queues import QUEUE_NAMES, connect, current_job_fields
    from workers.resilience import keep_running

    current = settings()
    try:
        redis = connect(current.require_redis())
        current.require_twilio() if not current.demo else None
    except SettingsError as error:
        raise Failed(str(error)) from None
    logs.add_context(current_job_fields)  # every line a job writes carries its id
    import workers.jobs  # noqa: F401  -- imported once here, not by each job (or each forked child)

    worker_class = Worker if fork else SimpleWorker

    def work() -> bool:
        # A fresh worker each time: the last one may have died mid-registration.
        rq_worker = worker_class(list(QUEUE_NAMES), connection=redis)
        rq_worker.work(burst=burst, with_scheduler=False, logging_level=current.log_level)
        # RQ's loop also returns after "an unhandled exception, quitting": done only if asked
        # to stop (SIGTERM/SIGINT stamp the request) or when a burst ran dry.
        return burst or rq_worker._stop_requested or rq_worker._shutdown_requested_date is not None

    keep_running(work, what="worker")


@main.command("clock")
def clock_command() -> None:
    """Run a scheduler pass (tick) every minute through rq cron; keep one running."""
    from rq.cron import CronScheduler

    from workers.queues import connect
    from workers.resilience import keep_running

    current = settings()
    try:
        redis = connect(current.require_redis())
    except SettingsError as error:
        raise Failed(str(error)) from None

    def run() -> bool:
        scheduler = CronScheduler(connection=redis, logging_level=current.log_level)
        scheduler.load_config_from_file("workers.clock")
        scheduler.start()  # returns only when asked to stop; a Redis error raises
        return True

    keep_running(run, what="clock")


# --- alerts and buddies -----------------------------------------------------------------

@main.group(invoke_without_command=True)
@click.option("--community", "community_name", default=None, help="only this community's alerts")
@click.option("--open", "only_open", is_flag=True, help="only alerts not yet resolved")
@click.pass_context
def alerts(ctx, community_name, only_open) -> None:
    """List alerts: when opened, kind, state, member, why (in the dashboard's words) and their words."""
    if ctx.invoked_subcommand is not None:
        return
    from service.care.alert_words import shorten, why
    from service.care.alerts import list_alerts

    with unit_of_work() as session:
        community_id = find_community(session, community_name).id if community_name else None
        found = list_alerts(session, community_id=community_id, only_open=only_open)
        if not found:
            click.echo("no alerts")
        for alert in found:
            said = alert.inbound_message.body if alert.inbound_message else None
            words = f' — "{shorten(said)}"' if said else ""
            # The same marks as the Now page: a crisis paged again that nobody took, a taken alert left a day.
            mark = " OVERDUE" if alert.overdue else " STALE" if alert.stale_at and alert.is_open else ""
            click.echo(f"#{alert.id} {alert.opened_at:%Y-%m-%d %H:%MZ} {alert.kind.value:<7} {alert.state.value:<12} "
                       f"{alert.member.name} ({alert.member.phone}) — {why(alert)}{words}{mark}")


@alerts.command("resolve")
@click.argument("alert_id", type=int)
@click.option("--by", "email", required=True, help="the coordinator resolving it")
@click.option("--note", required=True, help="what was done")
def alerts_resolve(alert_id, email, note) -> None:
    """Resolve an alert, with a note of what was done."""
    from sqlalchemy import select

    from service.care.alerts import AlertError, resolve
    from service.models import Coordinator

    with unit_of_work() as session:
        coordinator = session.scalar(select(Coordinator).where(Coordinator.email == email.strip().lower()))
        if coordinator is None:
            raise Failed(f"no coordinator {email}")
        try:
            resolve(session, alert_id, coordinator, note, clock.utcnow())
        except AlertError as error:
            raise Failed(str(error)) from None
        click.echo(f"alert #{alert_id} resolved")


@main.command()
@click.option("--community", "community_name", required=True)
@click.option("--dry-run", is_flag=True, help="print the proposed pairs and change nothing")
@click.option("--seed", default=0, show_default=True, help="tie-breaking seed (same seed, same pairs)")
def pair(community_name, dry_run, seed) -> None:
    """(Re)pair the community's buddies and send the introductions."""
    from service.care import buddies

    with unit_of_work(wakes_workers=not dry_run) as session:
        target = find_community(session, community_name)
        proposal = buddies.preview(session, target, clock.utcnow(), seed)
        words = buddies.explain(session, target, proposal)
        click.echo(words.headline)
        for group in words.groups:
            click.echo("  " + group.line)
        if words.without:
            click.echo("Left without a buddy:")
            for person in words.without:
                click.echo("  " + person.line)
        if dry_run:
            session.rollback()
            return
        buddies.apply(session, target, clock.utcnow(), seed)


# --- operations ---------------------------------------------------------------------------

@main.command()
@click.option("--stuck", is_flag=True, help="texts whose fate is unknown: left in sending for more than 10 minutes")
def messages(stuck) -> None:
    """Texts that need a person: with --stuck, one line per text that may or may not have gone.

    The clock looks these up at Twilio and settles what it can; what is listed here it could
    not (Twilio unreachable, or still inside the window where the text may yet be sent).
    A coordinator can mark each sent or send it again from the Now page.
    """
    from service.messaging.reconcile import claimed_at, still_unknown
    from service.telemetry.logs import mask_phone

    if not stuck:
        raise Failed("say which messages: --stuck (texts whose fate is unknown)")
    moment = clock.utcnow()
    with unit_of_work() as session:
        for message in still_unknown(session, moment):
            since = claimed_at(message)
            minutes = int((moment - since).total_seconds() // 60)
            click.echo(f"message {message.id} {message.kind} to {mask_phone(message.to_phone)} "
                       f"(member {message.member_id or '-'}, community {message.community_id}): "
                       f"claimed {since.isoformat()}, {minutes} min ago, may or may not have been sent")


@main.command()
def doctor() -> None:
    """Check this deployment, a line per check; exit 1 on any problem.

    Settings, the database and its migrations, Redis and its persistence, the Twilio
    account and where its numbers' webhooks point, workers and the clock, texts stuck
    mid-send, failed jobs and queue depths.
    """
    from service.operations.doctor import Status, examine

    findings = []
    for finding in examine(settings(), now=clock.utcnow):
        click.echo(finding.line())
        findings.append(finding)
    problems = [f.check for f in findings if f.status == Status.PROBLEM]
    warnings = sum(1 for f in findings if f.status == Status.WARNING)
    click.echo(f"\n{len(problems)} problem(s), {warnings} warning(s)")
    if problems:
        raise Failed(f"{len(problems)} problem(s): {', '.join(dict.fromkeys(problems))}")


@main.group("twilio")
def twilio_group() -> None:
    """The Twilio account: point its numbers at this deployment."""


@twilio_group.command("connect")
@click.option("--community", "community_name", default=None, help="only this community's sender")
@click.option("--dry-run", is_flag=True, help="show what would change and change nothing")
def twilio_connect(community_name, dry_run) -> None:
    """Point each sender's incoming texts (and a messaging service's status callback) at PUBLIC_URL.

    Uses Twilio's API: no clicking through the console. Prints what it changes.
    """
    from requests.exceptions import RequestException
    from twilio.base.exceptions import TwilioException, TwilioRestException

    from service.messaging.twilio_gateway import make_client
    from service.operations import twilio_setup

    current = settings()
    try:
        current.require_twilio()
    except SettingsError as error:
        raise Failed(str(error)) from None
    why_not = twilio_setup.unreachable_public_url(current)
    if why_not:
        raise Failed(f"{why_not}: set PUBLIC_URL to this deployment's public https address first")
    with unit_of_work() as session:
        if community_name is not None:
            find_community(session, community_name)
        found = twilio_setup.senders(session, current, community_name)
    client = make_client(current)
    stuck = []
    for sender in [None, *found]:
        try:
            if sender is None:  # the credentials first: one call that answers 401 plainly
                twilio_setup.account_status(client, current)
                continue
            wiring = twilio_setup.inspect(client, current, sender)
            if wiring.problems:
                stuck.append(str(sender))
                click.echo(f"{sender}: {'; '.join(wiring.problems)}")
                continue
            if not wiring.changes:
                click.echo(f"{sender}: already points at {current.sms_webhook_url()}")
                continue
            click.echo(f"{sender}{' would change' if dry_run else ''}:")
            for change in wiring.changes:
                click.echo(f"  {change}")
            if not dry_run:
                twilio_setup.connect(client, wiring)
        except TwilioRestException as error:
            if error.status == 401:
                raise Failed("Twilio refused these credentials (HTTP 401): check TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN") from None
            raise Failed(f"Twilio answered HTTP {error.status} ({error.code}) for {sender or 'the account'}: {error.msg}") from None
        except (TwilioException, RequestException, OSError) as error:
            raise Failed(f"cannot reach Twilio at {current.twilio_api_base_url}: {type(error).__name__}") from None
    if not found:
        raise Failed("no sender to connect: set TWILIO_FROM_NUMBER or TWILIO_MESSAGING_SERVICE_SID")
    if dry_run:
        click.echo("dry run: nothing was changed")
    if stuck:
        raise Failed(f"not connected: {', '.join(stuck)}")


@main.command()
@click.option("--port", default=5000, show_default=True, help="where the dashboard and the phones are served")
@click.option("--fresh", is_flag=True, help="start from an empty demo database")
@click.option("--verbose", is_flag=True, help="show the processes' logs here instead of in instance/demo.log")
@click.option("--banner-every", default=300.0, hidden=True, help="seconds between two showings of the URLs")
def demo(port, fresh, verbose, banner_every) -> None:
    """Everything on this machine: SQLite, embedded Redis, web + worker + clock, Twilio simulated."""
    from service.demo.runner import run

    run(port=port, fresh=fresh, verbose=verbose, banner_every=banner_every)



# --- reading ------------------------------------------------------------------------------

@main.command("read")
@click.argument("replies", nargs=-1)
@click.option("--language", type=click.Choice(["en", "es"]), default=None,
              help="the member's language, used when the words do not settle it")
def read(replies, language) -> None:
    """How Kinship would read replies: one per argument, or one per line of standard input.

    Prints one JSON object per reply: text, score, crisis, wants_support, positive, reasons
    and action (crisis, ask, support or none: what the service would do). Needs no
    database, Redis or Twilio settings.
    """
    import json

    from service.reading import read_reply

    lines = replies or (line.rstrip("\r\n") for line in click.get_text_stream("stdin"))
    for text in lines:
        if not text.strip():
            continue
        reading = read_reply(text, language)
        click.echo(json.dumps({"text": text, "score": reading.score, "crisis": reading.crisis,
                               "wants_support": reading.wants_support, "positive": reading.positive,
                               "reasons": list(reading.reasons), "action": reading.action},
                              ensure_ascii=False))


if __name__ == "__main__":
    main()
