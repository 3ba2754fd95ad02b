"""The Buddies page: current pairs, a preview before applying, and "never pair" rules."""

from __future__ import annotations

from sqlalchemy import select

from service.models import AuditEvent, BuddyGroup, NeverPair, OutboundMessage, PairingRound
from tests.service.web.dashboard.conftest import count, text_of


def test_preview_changes_nothing_and_apply_makes_the_pairs(signed_in, members, db):
    assert "Nobody is paired yet" in text_of(signed_in.get("/buddies"))
    preview = signed_in.get("/buddies/preview")
    words = text_of(preview)
    assert preview.status_code == 200 and "Proposed new pairs" in words and "Apply these pairs" in words
    assert count(db, PairingRound) == 0 and count(db, OutboundMessage, OutboundMessage.kind == "intro") == 0
    answer = signed_in.post("/buddies/apply", {"seed": "0"})
    assert answer.status_code == 303
    with db.session() as s:
        groups = s.scalars(select(BuddyGroup).where(BuddyGroup.active.is_(True))).all()
        paired = sorted(m.id for g in groups for m in g.members)
    assert paired == sorted(members[n] for n in ("Sam", "Alex", "Maria", "Jordan"))
    assert count(db, OutboundMessage, OutboundMessage.kind == "intro") == 4
    words = text_of(signed_in.get("/buddies"))
    assert "Current pairs 2" in words and "Everyone got a text introducing their buddy" in words
    assert count(db, AuditEvent, AuditEvent.action == "buddies.apply") == 1


def test_another_seed_offers_another_pairing(signed_in, members):
    page = signed_in.get("/buddies/preview?seed=3").get_data(as_text=True)
    assert 'name="seed" value="3"' in page and "seed=4" in page
    assert signed_in.get("/buddies/preview?seed=oops").status_code == 200


def test_apply_with_nobody_to_pair_says_so(signed_in, db):
    answer = signed_in.post("/buddies/apply", {"seed": "0"})
    assert answer.status_code == 422 and "Nobody can be paired yet" in text_of(answer)
    assert count(db, PairingRound) == 0


def test_never_pair_rules_are_added_kept_out_of_pairs_and_removed(signed_in, members, db):
    answer = signed_in.post("/buddies/never", {"a": str(members["Sam"]), "b": str(members["Alex"])})
    assert answer.status_code == 303
    assert "Sam Rivera and Alex Chen will never be paired" in text_of(signed_in.get("/buddies"))
    for seed in range(4):
        signed_in.post("/buddies/apply", {"seed": str(seed)})
        with db.session() as s:
            for group in s.scalars(select(BuddyGroup).where(BuddyGroup.active.is_(True))):
                assert {m.id for m in group.members} != {members["Sam"], members["Alex"]}
    with db.session() as s:
        rule_id = s.scalar(select(NeverPair.id))
    assert signed_in.post(f"/buddies/never/{rule_id}/remove").status_code == 303
    assert count(db, NeverPair) == 0
    assert count(db, AuditEvent, AuditEvent.action.in_(["buddies.never_add", "buddies.never_remove"])) == 2


def test_a_bad_rule_is_refused_and_nothing_is_added(signed_in, members, db):
    cases = [({"a": "", "b": str(members["Alex"])}, "Choose two members"),
             ({"a": str(members["Sam"]), "b": str(members["Sam"])}, "Choose two different members")]
    for form, words in cases:
        answer = signed_in.post("/buddies/never", form)
        assert answer.status_code == 422 and words in text_of(answer)
    assert signed_in.post("/buddies/never", {"a": str(members["Sam"]), "b": "4242"}).status_code == 404
    assert count(db, NeverPair) == 0
    assert signed_in.post("/buddies/never/4242/remove").status_code == 404
