"""The ``kinship`` command as an operator meets it: each refusal one line, non-zero, no change."""

from __future__ import annotations

import csv
import io

import pytest
from sqlalchemy import func, select

from service.models import Community, Coordinator, Member, MemberStatus, OutboundMessage


@pytest.fixture
def community(kinship):
    result = kinship("community", "add", "Harbour Lights", "--timezone", "America/Chicago", "--country", "US")
    assert result.exit_code == 0, result.output
    return "Harbour Lights"


def members(db) -> list[Member]:
    with db.session() as s:
        return list(s.scalars(select(Member).order_by(Member.id)))


def refused(result) -> str:
    """A refusal: non-zero exit and exactly one line on stderr (for single-row refusals)."""
    assert result.exit_code != 0
    assert result.stderr.startswith("kinship: ")
    return result.stderr


@pytest.mark.parametrize("args, reason", [
    (["--phone", "12345"], "not a valid phone number"),
    (["--phone", "call me maybe"], "not a phone number"),
    (["--phone", ""], "no phone number"),
    (["--phone", "+14155550123", "--timezone", "Mars/Olympus"], "unknown time zone"),
    (["--phone", "+14155550123", "--language", "tlh"], "unsupported language"),
    (["--phone", "+14155550123", "--schedule", "FREQ=SOMETIMES"], ""),
    (["--phone", "+14155550123", "--name", "   "], "name is required"),
])
def test_member_add_refuses_bad_details_with_one_line(kinship, community, db, args, reason):
    base = {"--name": "Sam Rivera"}
    argv = ["member", "add", "--community", community]
    given = dict(zip(args[::2], args[1::2]))
    for flag, value in {**base, **given}.items():
        argv += [flag, value]
    result = kinship(*argv)
    message = refused(result)
    assert reason in message and message.count("\n") == 1
    assert members(db) == []


def test_member_add_refuses_an_unknown_community_and_a_duplicate_phone(kinship, community, db):
    assert "no community named 'Nowhere'" in refused(kinship("member", "add", "--community", "Nowhere", "--name", "Sam", "--phone", "+14155550123"))
    assert kinship("member", "add", "--community", community, "--name", "Sam", "--phone", "+14155550123").exit_code == 0
    assert "already belongs to a member" in refused(kinship("member", "add", "--community", community, "--name", "Sam again", "--phone", "(415) 555-0123"))
    assert len(members(db)) == 1


def test_member_add_reads_local_numbers_in_the_communitys_country(kinship, db):
    kinship("community", "add", "Cardiff Circle", "--timezone", "Europe/London", "--country", "GB")
    assert kinship("member", "add", "--community", "Cardiff Circle", "--name", "Rhys", "--phone", "07400 123456").exit_code == 0
    [rhys] = members(db)
    assert rhys.phone == "+447400123456" and rhys.status == MemberStatus.INVITED


def test_community_add_refuses_bad_values(kinship, db):
    assert "unknown time zone" in refused(kinship("community", "add", "A", "--timezone", "Nowhere/Land"))
    assert "unknown country" in refused(kinship("community", "add", "A", "--country", "XX"))
    assert kinship("community", "add", "A").exit_code == 0
    assert "already exists" in refused(kinship("community", "add", "A"))
    with db.session() as s:
        assert s.scalar(select(func.count(Community.id))) == 1


def test_coordinator_add_hashes_the_password_and_refuses_a_short_one(kinship, community, db):
    assert "at least 10 characters" in refused(kinship("coordinator", "add", "ana@example.org", "--community", community, "--password-stdin", input="short\n"))
    result = kinship("coordinator", "add", "ana@example.org", "--community", community, "--phone", "+14155550999", "--password-stdin", input="a long enough secret\n")
    assert result.exit_code == 0, result.output
    with db.session() as s:
        ana = s.scalar(select(Coordinator))
        assert ana.password_hash.startswith("$argon2id$") and "a long enough secret" not in ana.password_hash
        assert ana.phone == "+14155550999"


IMPORT = """name,phone,timezone,language,schedule
Sam Rivera,(415) 555-0101,America/Chicago,en,
Alex Chen,+14155550102,,es,FREQ=DAILY;BYHOUR=18;BYMINUTE=30
"""


def test_members_import_invites_everyone_and_export_lists_them(kinship, community, worker, twilio_api, db, tmp_path):
    path = tmp_path / "members.csv"
    path.write_text(IMPORT)
    result = kinship("members", "import", str(path), "--community", community)
    assert result.exit_code == 0, result.output
    assert "invited 2 member(s)" in result.stdout
    worker()
    assert len(twilio_api.messages) == 2

    exported = kinship("members", "export", "--community", community)
    rows = list(csv.DictReader(io.StringIO(exported.stdout)))
    assert list(rows[0])[:8] == ["name", "phone", "status", "timezone", "language", "schedule", "last_checkin_at", "last_score"]
    assert [(r["name"], r["phone"], r["status"], r["timezone"], r["language"]) for r in rows] == [
        ("Alex Chen", "+14155550102", "invited", "America/Chicago", "es"),
        ("Sam Rivera", "+14155550101", "invited", "America/Chicago", "en"),
    ]
    assert rows[0]["schedule"] == "FREQ=DAILY;BYHOUR=18;BYMINUTE=30"


FORMULAS = ['=HYPERLINK("http://x","y")', "=1+1", "+cmd|' /C calc'!A0", "@SUM(1+9)*cmd|' /C calc'!A0",
            "-2+3+cmd|' /C calc'!A0"]


def test_members_export_never_writes_a_formula_and_reads_back_the_same(kinship, community, db, tmp_path):
    for index, name in enumerate(FORMULAS):
        result = kinship("member", "add", "--community", community, "--name", name, "--phone", f"+1415555014{index}")
        assert result.exit_code == 0, result.output
    exported = kinship("members", "export", "--community", community).stdout
    rows = list(csv.DictReader(io.StringIO(exported)))
    assert sorted(r["name"] for r in rows) == sorted("'" + name for name in FORMULAS)
    assert all(r["phone"].startswith("+1415555014") for r in rows)  # E.164, as the contract says
    # The export imports again as the same people (into another community: phones are unique).
    kinship("community", "add", "Riverside", "--timezone", "America/Chicago")
    with db.session() as s:
        s.execute(Member.__table__.delete())
    path = tmp_path / "exported.csv"
    path.write_text(exported)
    assert kinship("members", "import", str(path), "--community", "Riverside").exit_code == 0
    assert sorted(m.name for m in members(db)) == sorted(FORMULAS)


def test_members_import_is_all_or_nothing_and_reports_every_bad_row(kinship, community, db, tmp_path):
    kinship("member", "add", "--community", community, "--name", "Already Here", "--phone", "+14155550109")
    path = tmp_path / "members.csv"
    path.write_text(
        "name,phone,timezone,language,schedule\n"
        "Good Person,+14155550101,,,\n"
        "No Phone,,,,\n"
        "Bad Zone,+14155550102,Atlantis/Deep,,\n"
        "Twin,+14155550101,,,\n"
        "Taken,+1 415 555 0109,,,\n"
        ",+14155550103,,,\n"
    )
    result = kinship("members", "import", str(path), "--community", community)
    assert result.exit_code != 0
    lines = result.stderr.strip().splitlines()
    assert lines[:-1] == [
        "kinship: line 3: no phone number given",
        "kinship: line 4: unknown time zone 'Atlantis/Deep'",
        "kinship: line 5: +14155550101 is also on line 2",
        "kinship: line 6: +14155550109 already belongs to a member",
        "kinship: line 7: a name is required",
    ]
    assert "nothing imported" in lines[-1]
    assert [m.name for m in members(db)] == ["Already Here"]


def test_members_import_refuses_a_file_without_the_columns(kinship, community, db, tmp_path):
    path = tmp_path / "members.csv"
    path.write_text("full name;mobile\nSam;+14155550101\n")
    assert "missing column(s): name, phone" in refused(kinship("members", "import", str(path), "--community", community))
    assert members(db) == []


def test_commands_that_send_need_redis(kinship, community, db):
    result = kinship("member", "add", "--community", community, "--name", "Sam", "--phone", "+14155550101", env_extra={"REDIS_URL": ""})
    assert "REDIS_URL is not set" in refused(result)
    assert members(db) == []


def test_tick_refuses_a_bad_time(kinship, community):
    assert "not an ISO 8601 time" in refused(kinship("tick", "--at", "next tuesday"))


def test_every_command_has_help(kinship):
    for command in (["db", "upgrade"], ["community", "add"], ["coordinator", "add"], ["member", "add"],
                    ["members", "import"], ["members", "export"], ["tick"], ["worker"], ["clock"], ["demo"]):
        result = kinship(*command, "--help")
        assert result.exit_code == 0 and "Usage:" in result.stdout


def test_nothing_is_queued_by_a_refused_command(kinship, community, db):
    kinship("member", "add", "--community", community, "--name", "Sam", "--phone", "nope")
    with db.session() as s:
        assert s.scalar(select(func.count(OutboundMessage.id))) == 0


def test_members_import_reports_an_unclosed_quote_instead_of_crashing(kinship, community, db, tmp_path):
    path = tmp_path / "members.csv"
    path.write_text('name,phone\nSam,"+14155550101\n' + "".join(f"P{i},+1415555{i:04d}\n" for i in range(200)))
    result = kinship("members", "import", str(path), "--community", community)
    assert result.exit_code != 0 and "unclosed quote" in result.stderr
    assert members(db) == []


def test_members_import_refuses_a_file_that_is_not_utf8(kinship, community, db, tmp_path):
    path = tmp_path / "members.csv"
    path.write_bytes("name,phone\nJosé Núñez,+14155550101\n".encode("cp1252"))
    assert "not UTF-8 text" in refused(kinship("members", "import", str(path), "--community", community))
    assert members(db) == []


def test_an_operator_can_reset_a_coordinators_password(kinship, community, db):
    kinship("coordinator", "add", "ana@example.org", "--community", community, "--password-stdin", input="a long enough secret\n")
    with db.session() as s:
        before = s.scalar(select(Coordinator))
        old_hash, old_version = before.password_hash, before.session_version
    assert "at least 10 characters" in refused(kinship("coordinator", "password", "ana@example.org", "--password-stdin", input="short\n"))
    assert "no coordinator" in refused(kinship("coordinator", "password", "bob@example.org", "--password-stdin", input="another long secret\n"))
    assert kinship("coordinator", "password", "Ana@Example.org", "--password-stdin", input="another long secret\n").exit_code == 0
    with db.session() as s:
        after = s.scalar(select(Coordinator))
        assert after.password_hash != old_hash and after.session_version == old_version + 1


# --- the CLI checks what it is given before it asks for what it needs ----------------------

NO_SERVICES = {"REDIS_URL": "", "TWILIO_ACCOUNT_SID": "", "TWILIO_AUTH_TOKEN": "", "TWILIO_FROM_NUMBER": ""}


def test_a_bad_phone_is_refused_before_missing_redis_or_twilio_settings(kinship, community, db):
    for phone, reason in (("555-12", "'555-12' is not a valid phone number"),
                          ("+1 415 555 0124x", "'+1 415 555 0124x' is not a phone number")):
        result = kinship("member", "add", "--community", community, "--name", "Sam", "--phone", phone, env_extra=NO_SERVICES)
        assert reason in refused(result) and result.stderr.count("\n") == 1
    assert members(db) == []


def test_commands_that_only_write_the_database_need_no_twilio_settings(kinship, db, redis):
    no_twilio = {name: "" for name in ("TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "TWILIO_FROM_NUMBER")}
    assert kinship("community", "add", "Harbour Lights", env_extra=no_twilio).exit_code == 0
    added = kinship("member", "add", "--community", "Harbour Lights", "--name", "Sam", "--phone", "+14155550101",
                    env_extra=no_twilio)
    assert added.exit_code == 0, added.output
    assert kinship("tick", "--at", "2026-11-30T16:00:00Z", env_extra=no_twilio).exit_code == 0
    assert kinship("members", "export", "--community", "Harbour Lights", env_extra=NO_SERVICES).exit_code == 0


def test_member_add_says_the_invitation_is_queued_and_whether_a_worker_will_send_it(kinship, community, redis):
    from rq import Worker

    from workers.queues import QUEUE_NAMES

    added = kinship("member", "add", "--community", community, "--name", "Sam Rivera", "--phone", "(415) 555-0123")
    assert added.stdout.splitlines() == [
        "Sam Rivera (+14155550123, America/Chicago, en) is invited to Harbour Lights.",
        "The invitation is queued. No worker is running: it goes out once one starts (`kinship worker`).",
    ]
    alive = Worker(list(QUEUE_NAMES), connection=redis)
    alive.register_birth()
    try:
        added = kinship("member", "add", "--community", community, "--name", "Alex", "--phone", "+14155550102")
    finally:
        alive.register_death()
    assert added.stdout.splitlines()[1] == "The invitation is queued. A worker is running (1 alive) and will send it."


def test_an_invitation_in_quiet_hours_says_when_it_goes(kinship, redis):
    # 15:00 UTC is 09:00 in Chicago; quiet hours until 10:00 hold the invitation.
    kinship("community", "add", "Night Owls", "--timezone", "America/Chicago", "--quiet-hours", "21:00-10:00")
    added = kinship("member", "add", "--community", "Night Owls", "--name", "Sam", "--phone", "+14155550101")
    assert added.stdout.splitlines()[1].startswith(
        "The invitation is queued for Mon 30 Nov, 10:00 America/Chicago, when the member's quiet hours end.")


def test_an_import_with_an_unknown_column_is_refused_by_its_name(kinship, community, db, tmp_path):
    path = tmp_path / "members.csv"
    path.write_text("name,phone,mobile,timezone\nSam,+14155550101,+14155550102,\n")
    message = refused(kinship("members", "import", str(path), "--community", community))
    assert "line 1: unknown column(s): 'mobile'" in message
    assert members(db) == []


def test_an_unmigrated_or_unreachable_database_is_one_line(kinship, tmp_path):
    empty = {"DATABASE_URL": f"sqlite:///{tmp_path / 'new.sqlite3'}"}
    result = kinship("community", "add", "Harbour Lights", env_extra=empty)
    assert refused(result).endswith("is not migrated (no Kinship tables yet): run `kinship db upgrade` first\n")
    assert result.stderr.count("\n") == 1
    result = kinship("member", "add", "--community", "X", "--name", "Sam", "--phone", "+14155550101",
                     env_extra={"DATABASE_URL": "postgresql+psycopg://kinship:pw-not-shown@127.0.0.1:1/kinship"})
    message = refused(result)
    assert message.startswith("kinship: cannot reach the database at postgresql+psycopg://kinship:***@127.0.0.1:1/kinship")
    assert "pw-not-shown" not in message and result.stderr.count("\n") == 1
    assert kinship("db", "upgrade", env_extra=empty).exit_code == 0
    assert kinship("community", "add", "Harbour Lights", env_extra=empty).exit_code == 0


def test_help_shows_no_restructuredtext(kinship):
    import click

    from service.cli import main

    def commands(group, path=()):
        yield path
        for name, command in getattr(group, "commands", {}).items():
            yield from commands(command, (*path, name))

    seen = 0
    for path in commands(main):
        text = kinship(*path, "--help").stdout
        seen += 1
        for markup in ("``", ":func:", ":class:", ":meth:", "::", ".. "):
            assert markup not in text, (path, markup, text)
    assert seen >= 20 and isinstance(main, click.Group)
