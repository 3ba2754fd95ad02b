"""The demo community: a handful of members who have already said YES, and a coordinator.

Seeded once, into an empty database, through the same domain functions an operator uses.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from service.care import buddies
from service.communities import add_community, add_coordinator
from service.members import check_member, enrol_joined, invite
from service.models import Community

COMMUNITY = "Harbour Lights"
COORDINATOR_EMAIL = "coordinator@kinship.test"
COORDINATOR_PASSWORD = "kinship-demo-password"
COORDINATOR_PHONE = "+14155550199"
MEMBERS = [
    # name, phone, time zone, language, already joined
    ("Sam Rivera", "+14155550101", "America/Chicago", "en", True),
    ("Alex Chen", "+14155550102", "America/Chicago", "en", True),
    ("Maria Lopez", "+14155550103", "America/Denver", "es", True),
    ("Jordan Blake", "+14155550104", "America/New_York", "en", True),
    ("Priya Nair", "+14155550105", "America/Chicago", "en", True),
    ("Kim Walker", "+14155550106", "America/Los_Angeles", "en", False),
]


def seed(session: Session, now: datetime) -> bool:
    """Seed the demo community unless it is there; True when it was seeded now."""
    if session.scalar(select(Community.id).where(Community.name == COMMUNITY)) is not None:
        return False
    community = add_community(session, COMMUNITY, timezone="America/Chicago", country="US", now=now)
    session.flush()
    add_coordinator(session, COORDINATOR_EMAIL, COMMUNITY, COORDINATOR_PASSWORD, phone=COORDINATOR_PHONE, now=now)
    for name, phone, zone, language, joined in MEMBERS:
        draft = check_member(community, name=name, phone=phone, timezone=zone, language=language, now=now)
        (enrol_joined if joined else invite)(session, community, draft, now)
    session.flush()
    buddies.apply(session, community, now, seed=1)
    return True
