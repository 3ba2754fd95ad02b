"""Fixtures for the dashboard's tests: members who have said YES, alerts opened by signed
webhooks, and a second community with its own coordinator."""

from __future__ import annotations

import html
import re

import pytest
from sqlalchemy import func, select

from service import clock
from service.members import check_member, enrol_joined, invite
from service.models import Community
from tests.conftest import DashboardClient, make_coordinator

SAM, ALEX, MARIA, JORDAN, KIM = "+14155550101", "+14155550102", "+14155550103", "+14155550104", "+14155550106"
OTHER = "+14155550177"


def add_members(db, community_id: int, people: list[tuple[str, str, str, bool]]) -> dict[str, int]:
    """(name, phone, language, joined) -> member ids by first name; joined members are active."""
    ids = {}
    with db.session() as s:
        community = s.get(Community, community_id)
        for name, phone, language, joined in people:
            draft = check_member(community, name=name, phone=phone, language=language, now=clock.utcnow())
            member = (enrol_joined if joined else invite)(s, community, draft, clock.utcnow())
            s.flush()
            ids[name.split()[0]] = member.id
    return ids


@pytest.fixture
def members(db, coordinator) -> dict[str, int]:
    return add_members(db, coordinator.community_id, [
        ("Sam Rivera", SAM, "en", True),
        ("Alex Chen", ALEX, "en", True),
        ("Maria Lopez", MARIA, "es", True),
        ("Jordan Blake", JORDAN, "en", True),
        ("Kim Walker", KIM, "en", False),
    ])


@pytest.fixture
def outsider(db, client) -> DashboardClient:
    """Olu, the coordinator of another community (Riverside), signed in on a client of their own."""
    account = make_coordinator(db, "Riverside", "olu@example.org")
    add_members(db, account.community_id, [("Rae Other", OTHER, "en", True)])
    dashboard = DashboardClient(client.application.test_client(), account)
    assert dashboard.sign_in().status_code == 303
    return dashboard


def count(db, model, *where) -> int:
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(model).where(*where))


def text_of(response) -> str:
    """The page's words, without tags: what a reader sees."""
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", response.get_data(as_text=True)))).strip()
