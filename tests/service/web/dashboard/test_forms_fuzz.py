"""Every dashboard form under fuzz: Hypothesis writes the posts, a signed-in coordinator sends them.

Each POST route of the app (read from its URL map, so a new form is fuzzed as soon as it
exists) gets generated fields, ids of this community, another community's, and none at all.
Whatever is posted, the answer is never a 5xx, and a refusal (4xx) changes nothing but the
audit log, and that only with what it is for (a reach into another community, a wrong password,
a member's messages shown again with the form's problem).
The examples are derandomised so CI runs the same ones every time.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from service.models import Alert, AuditEvent, Base, Member
from tests.service.web.dashboard.conftest import SAM

FUZZ = settings(max_examples=250, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
# Signing out would end the fuzzing session; the webhooks have their own fuzz tests.
SKIPPED = {"/logout", "/twilio/sms", "/twilio/status"}
# What a refusal may still write: a reach into another community, a wrong password, and -- when
# the refusal shows the member's page again -- that their messages were read.
AUDITED_REFUSALS = {"denied", "auth.sign_in_failed", "member.view_messages"}

FIELDS = ["name", "phone", "timezone", "language", "schedule", "quiet_hours", "note", "back", "until", "buddy_id",
          "text", "status", "csv", "a", "b", "default_schedule", "escalation_minutes", "crisis_repage_minutes", "silence_threshold",
          "crisis_resources", "retention_days", "rotation_weeks", "relay_enabled", "email", "password", "next",
          "old_password", "new_password", "new_password_again", "seed", "community"]

odd = st.one_of(
    st.text(max_size=40),
    st.sampled_from(["", " ", "0", "-1", "1.5", "9" * 25, "9" * 400, "2147483648", "\x00", "\r\n", "null", "on",
                     "%", "../..", "/\t/evil.example", "//evil.example", "<script>", "' OR 1=1 --", "é" * 300,
                     "x" * 5000]),
)
sensible = st.sampled_from(["Sam Rivera", "+14155550142", "(415) 555-0143", "America/Chicago", "Mars/Olympus", "en",
                            "es", "FREQ=DAILY;BYHOUR=9;BYMINUTE=0", "FREQ=SECONDLY", "21:00-08:00", "25:00-08:00",
                            "2 weeks", "friday", "active", "invited", "called, all fine", "30", "120", "5",
                            "name,phone\nKim New,+14155550144\n", "name,phone\n\"unclosed,+1\n", "/members"])


@pytest.fixture
def ids(signed_in, members, outsider, twilio, db) -> dict[str, list[int]]:
    """Ids worth posting: this community's members and alert, another community's member, and nonsense."""
    twilio.sms(SAM, "2")
    with db.session() as s:
        alert_ids = list(s.scalars(select(Alert.id)))
        other = s.scalar(select(Member.id).where(Member.name == "Rae Other"))
    junk = [0, 999_999, 2**31, 2**63, 10**30]
    mine = list(members.values()) * 2  # mostly real ids, so most posts reach the form's own checks
    return {"member": mine + [other] + junk, "alert": alert_ids * 4 + junk, "rule": [1] + junk, "broadcast": [1] + junk,
            "any": mine + [other] + junk}


def post_routes(app) -> list[str]:
    rules = [r.rule for r in app.url_map.iter_rules() if "POST" in r.methods and r.rule not in SKIPPED]
    assert len(rules) >= 15, rules  # the forms are all found
    return sorted(rules)


def snapshot(db) -> dict[str, tuple]:
    with db.session() as s:
        return {table.name: tuple(sorted(map(repr, s.execute(select(table)).all())))
                for table in Base.metadata.sorted_tables if table.name != "audit_events"}


def audit_actions(db, after_id: int) -> list[str]:
    with db.session() as s:
        return list(s.scalars(select(AuditEvent.action).where(AuditEvent.id > after_id)))


def last_audit_id(db) -> int:
    with db.session() as s:
        return s.scalar(select(AuditEvent.id).order_by(AuditEvent.id.desc()).limit(1)) or 0


def fill(rule: str, choose) -> str:
    def replace(match: re.Match) -> str:
        kind = match.group(1).split("_")[0]
        return str(choose(kind))

    return re.sub(r"<int:([a-z_]+)>", replace, rule)


@FUZZ
@given(data=st.data())
def test_no_dashboard_form_answers_5xx_and_a_refusal_changes_nothing(signed_in, ids, db, data):
    rule = data.draw(st.sampled_from(post_routes(signed_in.client.application)), label="route")
    path = fill(rule, lambda kind: data.draw(st.sampled_from(ids.get(kind, ids["any"])), label=kind))
    form = data.draw(st.dictionaries(st.sampled_from(FIELDS), st.one_of(odd, sensible, st.sampled_from(
        [str(i) for i in ids["any"]])), max_size=8), label="form")
    community = data.draw(st.one_of(st.none(), st.none(), st.none(), st.sampled_from(["", "abc", "-1", "9" * 30]),
                                    st.sampled_from([str(i) for i in ids["member"]])), label="community")
    if community is not None:
        path += f"?community={community}"
    before, audit_before = snapshot(db), last_audit_id(db)
    answer = signed_in.post(path, form)
    event(f"{rule} answered {answer.status_code}")
    assert answer.status_code < 500
    if 400 <= answer.status_code < 500:
        assert snapshot(db) == before
        assert set(audit_actions(db, audit_before)) <= AUDITED_REFUSALS


@settings(FUZZ, max_examples=100)
@given(data=st.data())
def test_no_dashboard_page_answers_5xx_whatever_its_query(signed_in, ids, data):
    page = data.draw(st.sampled_from(["/", "/_now", "/members", "/members/_table", "/members/new", "/members/import",
                                      "/members/export.csv", "/buddies", "/buddies/preview", "/broadcast", "/settings",
                                      "/audit", "/account/password", "/login"]), label="page")
    query = data.draw(st.dictionaries(st.sampled_from(["q", "status", "community", "before", "action", "seed", "next",
                                                       "page"]), st.one_of(odd, sensible), max_size=4), label="query")
    answer = signed_in.get(page, query_string=query)
    event(f"{page} answered {answer.status_code}")
    assert answer.status_code < 500
