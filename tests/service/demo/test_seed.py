"""The demo community is seeded once, with buddies, through the operator's own functions."""

from sqlalchemy import func, select

from service.care import buddies
from service.demo.seed import COMMUNITY, MEMBERS, seed
from service.models import Community, Member, MemberStatus


def test_the_demo_community_is_seeded_once_with_buddies(db, now):
    with db.session() as s:
        assert seed(s, now) is True
    with db.session() as s:
        assert seed(s, now) is False
        community = s.scalar(select(Community).where(Community.name == COMMUNITY))
        assert s.scalar(select(func.count(Member.id))) == len(MEMBERS)
        joined = s.scalars(select(Member).where(Member.status == MemberStatus.ACTIVE)).all()
        assert all(buddies.buddies_of(s, m) for m in joined)
        assert buddies.orphans(s, community) == []
