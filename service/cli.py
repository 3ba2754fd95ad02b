"""The ``kinship`` command: an operator's whole first hour, and the processes of production.

Each command reads the settings once, does one unit of work in one session, and exits 0,
or non-zero with a one-line reason on stderr.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager

import click
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
def opened(with_redis: bool = False) -> Iterator[Database]:
    """The database for one command; with ``with_redis`` the workers are woken after commit."""
    from workers.context import build

    current = settings()
    try:
        if with_redis:
            current.require_redis()
            if not current.demo:
                current.require_twilio()
            context = build(current)
            store, close = context.db, context.close
        else:
            store = Database(current.database_url)
            close = store.dispose
    except SettingsError as error:
        raise Failed(str(error)) from None
    try:
        yield store
    finally:
        close()


@contextmanager
def unit_of_work(with_redis: bool = False) -> Iterator[Session]:
    """One session, committed at the end; a domain refusal becomes one line and exit 1."""
    with opened(with_redis) as store:
        try:
            with store.session() as session:
                yield session
        except DOMAIN_ERRORS as error:
            raise Failed(str(error)) from None


class Failed(click.ClickException):
    """A refusal: the reason on one line, exit status 1."""

    def show(self, file=None) -> None:
        click.echo(f"kinship: {self.message}", err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """Kinship: SMS check-ins, buddies and coordinators for supportive communities."""


# --- database ---------------------------------------------------------------------------

@main.group()
def db() -> None:
    """The database schema (Alembic migrations)."""


@db.command("upgrade")
@click.option("--revision", default="head", show_default=True)
def db_upgrade(revision: str) -> None:
    """Apply migrations up to REVISION."""
    from service.migrate import upgrade

    upgrade(settings().database_url, revision)
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
def community_add(name, timezone, country, from_number, language, schedule, quiet_hours) -> None:
    """Create a community."""
    extra = {k: v for k, v in {"schedule": schedule, "quiet_hours": quiet_hours}.items() if v}
    with unit_of_work() as session:
        made = add_community(session, name, timezone=timezone, country=country, from_number=from_number,
                             language=language, now=clock.utcnow(), **extra)
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
    """Add a member and text them an invitation (they join by replying YES)."""
    with unit_of_work(with_redis=True) as session:
        target = find_community(session, community_name)
        made = add_member(session, target, clock.utcnow(), name=name, phone=phone, timezone=timezone,
                          language=language, schedule=schedule)
        click.echo(f"invited {made.name} {made.phone} ({made.zone}, {made.language})")


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
    with unit_of_work(with_redis=True) as session:
        target = find_community(session, community_name)
        try:
            made = import_members(session, target, text, clock.utcnow())
        except ImportRefused as refused:
            for problem in refused.problems:
                click.echo(f"kinship: {problem}", err=True)
            raise
        click.echo(f"invited {len(made)} member(s) to {target.name}")


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
    with unit_of_work(with_redis=True) as session:
        summary = scheduler.run(session, now, current).summary()
    click.echo(" ".join(f"{key}={value}" for key, value in summary.items()))


@main.command()
@click.option("--burst", is_flag=True, help="work until the queues are empty, then exit")
@click.option("--simple", is_flag=True, help="run jobs in this process instead of forking one per job")
def worker(burst, simple) -> None:
    """An RQ worker on the urgent queue, then the default one."""
    from rq import SimpleWorker, Worker

    from workers.queues import QUEUE_NAMES, connect

    current = settings()
    try:
        redis = connect(current.require_redis())
        current.require_twilio() if not current.demo else None
    except SettingsError as error:
        raise Failed(str(error)) from None
    worker_class = SimpleWorker if simple else Worker
    worker_class(list(QUEUE_NAMES), connection=redis).work(burst=burst, with_scheduler=False)


@main.command("clock")
def clock_command() -> None:
    """Run ``tick`` every minute (rq cron); keep one running."""
    from rq.cron import CronScheduler

    from workers.queues import connect

    current = settings()
    try:
        redis = connect(current.require_redis())
    except SettingsError as error:
        raise Failed(str(error)) from None
    scheduler = CronScheduler(connection=redis)
    scheduler.load_config_from_file("workers.clock")
    scheduler.start()


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
            click.echo(f"#{alert.id} {alert.opened_at:%Y-%m-%d %H:%MZ} {alert.kind.value:<7} {alert.state.value:<12} "
                       f"{alert.member.name} ({alert.member.phone}) — {why(alert)}{words}")


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

    with unit_of_work(with_redis=not dry_run) as session:
        target = find_community(session, community_name)
        names = {m.id: m.name for m in buddies.candidates(session, target)}
        proposal = buddies.preview(session, target, clock.utcnow(), seed)
        for group in proposal.groups:
            click.echo("  " + " + ".join(names[i] for i in group))
        for member_id in proposal.unpaired:
            click.echo(f"  {names[member_id]}: no possible buddy")
        click.echo(proposal.summary)
        if dry_run:
            session.rollback()
            return
        buddies.apply(session, target, clock.utcnow(), seed)


@main.command()
@click.option("--port", default=5000, show_default=True)
@click.option("--fresh", is_flag=True, help="start from an empty demo database")
def demo(port, fresh) -> None:
    """Everything on this machine: SQLite, embedded Redis, web + worker + clock, Twilio simulated."""
    from service.demo.runner import run

    run(port=port, fresh=fresh)


if __name__ == "__main__":
    main()
