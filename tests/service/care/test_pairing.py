"""Buddy pairing, as a coordinator relies on it.

Pure function tests: no database, no Redis.  Members are built with ``member(id, language,
offset)``; rules and past rounds are sets of member ids.
"""

from __future__ import annotations

import itertools
import random
import re
from functools import lru_cache

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from service.care import pairing
from service.care.pairing import Candidate, Pairing, pair, score_groups


def member(member_id: int, language: str = "en", offset: int = 0) -> Candidate:
    return Candidate(member_id, language, offset)


def team(count: int, language: str = "en", offset: int = 0, start: int = 1) -> list[Candidate]:
    return [member(i, language, offset) for i in range(start, start + count)]


def rounds(*groups_per_round) -> list[list[frozenset[int]]]:
    return [[frozenset(g) for g in past] for past in groups_per_round]


def placed(result: Pairing) -> list[int]:
    return [m for group in result.groups for m in group]


def pairs_in(result: Pairing) -> set[frozenset[int]]:
    return {frozenset(pair) for group in result.groups for pair in itertools.combinations(group, 2)}


def assert_well_formed(result: Pairing, candidates: list[Candidate]) -> None:
    """Every member at most once, groups of two or three, at most one trio, all sorted."""
    ids = placed(result) + list(result.unpaired)
    assert len(ids) == len(set(ids))
    assert sorted(ids) == sorted(c.id for c in candidates)
    assert all(len(group) in (2, 3) for group in result.groups)
    assert sum(len(group) == 3 for group in result.groups) <= 1
    assert all(list(group) == sorted(group) for group in result.groups)
    assert list(result.groups) == sorted(result.groups)
    assert list(result.unpaired) == sorted(result.unpaired)


# -- how many members: 0, 1, 2, 3, odd and even ------------------------------------------


def test_no_members_no_groups():
    result = pair([])
    assert result.groups == ()
    assert result.unpaired == ()
    assert result.repeats == 0
    assert result.score == 0.0


def test_one_member_is_left_unpaired_with_nobody_to_pair_with():
    result = pair([member(7)])
    assert result.groups == ()
    assert result.unpaired == (7,)
    assert "1 unpaired (member 7)" in result.summary


def test_two_members_make_one_pair():
    assert pair([member(2), member(1, "es", 600)]).groups == ((1, 2),)


def test_three_members_make_one_trio():
    assert pair(team(3)).groups == ((1, 2, 3),)


@pytest.mark.parametrize("count", [5, 7, 9, 21, 61, 121])
def test_an_odd_count_gives_exactly_one_trio_and_places_everyone(count):
    rng = random.Random(count)
    candidates = [member(i, rng.choice(["en", "en", "es"]), rng.choice([-480, -300, 0, 60])) for i in range(count)]
    result = pair(candidates)
    assert_well_formed(result, candidates)
    assert result.unpaired == ()
    assert [len(g) for g in result.groups].count(3) == 1


@pytest.mark.parametrize("count", [4, 8, 20, 62, 130])
def test_an_even_count_gives_pairs_only(count):
    rng = random.Random(count)
    candidates = [member(i, rng.choice(["en", "es", "fr"]), rng.choice([-480, -300, 0, 60])) for i in range(count)]
    result = pair(candidates)
    assert_well_formed(result, candidates)
    assert result.unpaired == ()
    assert all(len(g) == 2 for g in result.groups)


def test_the_odd_one_out_joins_the_pair_they_fit_best():
    # 1 and 2 are in Madrid, 3 and 4 in Chicago; 5 speaks Spanish in Madrid.
    candidates = [member(1, "es", 60), member(2, "es", 60), member(3, "en", -360), member(4, "en", -360),
                  member(5, "es", 60)]
    assert pair(candidates).groups == ((1, 2, 5), (3, 4))


# -- preferences: language first, then time zones ----------------------------------------


def test_members_are_paired_with_someone_who_speaks_their_language():
    # Zones pull the other way: each English speaker shares a zone with a Spanish speaker.
    candidates = [member(1, "en", -300), member(2, "es", -300), member(3, "en", 60), member(4, "es", 60)]
    result = pair(candidates)
    assert result.groups == ((1, 3), (2, 4))
    assert "same language 100%" in result.summary


def test_nearby_time_zones_are_preferred():
    candidates = [member(1, offset=0), member(2, offset=-480), member(3, offset=60), member(4, offset=-420)]
    assert pair(candidates).groups == ((1, 3), (2, 4))


def test_closer_zones_are_better_even_within_the_preferred_window():
    candidates = [member(1, offset=0), member(2, offset=120), member(3, offset=30), member(4, offset=150)]
    assert pair(candidates).groups == ((1, 3), (2, 4))


def test_closer_zones_are_better_beyond_the_window_too():
    candidates = [member(1, offset=-720), member(2, offset=0), member(3, offset=-480), member(4, offset=240)]
    assert pair(candidates).groups == ((1, 3), (2, 4))


def test_the_window_is_the_coordinators_to_set():
    candidates = [member(1, offset=0), member(2, offset=300), member(3, offset=60), member(4, offset=420)]
    assert "within 3 h 100%" in pair(candidates).summary
    assert "within 0.5 h 0%" in pair(candidates, max_offset_hours=0.5).summary


# -- repeats --------------------------------------------------------------------------------


def test_last_rounds_buddies_are_not_paired_again_when_avoidable():
    result = pair(team(4), history=rounds([{1, 2}, {3, 4}]))
    assert result.groups in (((1, 3), (2, 4)), ((1, 4), (2, 3)))
    assert result.repeats == 0


def test_no_repeats_within_avoid_rounds_over_many_rounds():
    # Eight members: after three rounds each still has four fresh buddies, so a
    # round without repeats always exists.
    candidates = team(8)
    history: list[list[frozenset[int]]] = []
    for round_seed in range(6):
        result = pair(candidates, history=history, seed=round_seed)
        recent = {frozenset(p) for past in history[-3:] for g in past for p in itertools.combinations(g, 2)}
        assert result.repeats == 0
        assert not pairs_in(result) & recent
        history.append([frozenset(g) for g in result.groups])


def test_repeats_are_avoided_even_at_the_cost_of_time_zones():
    candidates = [member(1, offset=-300), member(2, offset=-300), member(3, offset=60), member(4, offset=60)]
    result = pair(candidates, history=rounds([{1, 2}, {3, 4}]))
    assert result.repeats == 0
    assert "within 3 h 0%" in result.summary


def test_only_the_last_avoid_rounds_rounds_count():
    # 1 and 4 share a zone, as do 2 and 3: the pairs of two rounds ago are the best by zone.
    candidates = [member(1, offset=0), member(4, offset=0), member(2, offset=60), member(3, offset=60)]
    history = rounds([{1, 4}, {2, 3}], [{1, 2}, {3, 4}])
    once = pair(candidates, history=history, avoid_rounds=1)
    assert once.groups == ((1, 4), (2, 3))
    assert once.repeats == 0
    assert pair(candidates, history=history, avoid_rounds=2).groups == ((1, 3), (2, 4))


def test_when_a_repeat_is_unavoidable_everyone_is_still_placed():
    result = pair(team(3), history=rounds([{1, 2, 3}]))
    assert result.groups == ((1, 2, 3),)
    assert result.repeats == 1
    assert pair(team(2), history=rounds([{1, 2}])).groups == ((1, 2),)


def test_an_unavoidable_repeat_repeats_the_oldest_meeting():
    history = rounds([{1, 2}, {3, 4}], [{1, 3}, {2, 4}], [{1, 4}, {2, 3}])
    result = pair(team(4), history=history)
    assert result.groups == ((1, 2), (3, 4))
    assert result.repeats == 2


def test_a_shared_language_outweighs_a_repeat():
    # A buddy you cannot talk to is no buddy: the Spanish speakers stay together.
    candidates = [member(1, "en"), member(2, "en"), member(3, "es"), member(4, "es")]
    result = pair(candidates, history=rounds([{1, 2}, {3, 4}]))
    assert result.groups == ((1, 2), (3, 4))
    assert result.repeats == 2


# -- never-pair rules ---------------------------------------------------------------------------


def test_never_rules_are_honoured_even_if_everyone_would_fit_better():
    candidates = [member(1, offset=0), member(2, offset=0), member(3, "es", 600), member(4, "es", 600)]
    result = pair(candidates, never=[frozenset({1, 2})])
    assert {1, 2} not in [set(g) for g in result.groups]
    assert result.unpaired == ()


def test_never_rules_are_honoured_in_the_trio():
    # 1, 2 and 5 would make the best trio, but 2 and 5 may never be grouped.
    candidates = [member(1), member(2), member(3, offset=600), member(4, offset=600), member(5)]
    result = pair(candidates, never=[frozenset({2, 5})])
    assert (1, 2, 5) not in result.groups
    assert not any({2, 5} <= set(g) for g in result.groups)
    assert result.unpaired == ()
    assert [len(g) for g in result.groups].count(3) == 1


def test_two_members_who_must_never_meet_are_both_left_unpaired():
    result = pair(team(2), never=[frozenset({1, 2})])
    assert result.groups == ()
    assert result.unpaired == (1, 2)
    assert "2 unpaired (members 1, 2)" in result.summary


def test_a_member_who_cannot_join_anyone_is_left_out_and_reported():
    result = pair(team(3), never=[frozenset({1, 2}), frozenset({1, 3})])
    assert result.groups == ((2, 3),)
    assert result.unpaired == (1,)


def test_members_kept_apart_are_placed_elsewhere_through_other_pairs():
    # 1 and 2 may not meet and nobody else is close to them; a pair splits to take them.
    candidates = [member(1, "es", 600), member(2, "es", 600)] + team(4, start=3)
    result = pair(candidates, never=[frozenset({1, 2})])
    assert result.unpaired == ()
    assert len(result.groups) == 3


def test_rules_and_history_about_people_not_in_this_round_are_ignored():
    result = pair(team(2), never=[frozenset({1, 99})], history=rounds([{2, 98}]))
    assert result.groups == ((1, 2),)
    assert result.repeats == 0


@lru_cache(maxsize=None)
def fewest_unpaired(ids: frozenset[int], never: frozenset[frozenset[int]], trio_used: bool = False) -> int:
    """Brute force: the fewest members a round of pairs and at most one trio must leave out."""
    if len(ids) < 2:
        return len(ids)
    first, rest = min(ids), ids - {min(ids)}
    best = 1 + fewest_unpaired(rest, never, trio_used)
    for other in rest:
        if frozenset({first, other}) in never:
            continue
        best = min(best, fewest_unpaired(rest - {other}, never, trio_used))
        if not trio_used:
            for third in rest - {other}:
                if frozenset({first, third}) not in never and frozenset({other, third}) not in never:
                    best = min(best, fewest_unpaired(rest - {other, third}, never, True))
    return best


community_with_rules = st.integers(min_value=0, max_value=9).flatmap(
    lambda count: st.tuples(
        st.lists(
            st.tuples(st.sampled_from(["en", "es", "fr"]), st.sampled_from([-480, -300, -210, 0, 60, 120, 330])),
            min_size=count, max_size=count,
        ),
        st.lists(
            st.tuples(st.integers(0, max(count - 1, 0)), st.integers(0, max(count - 1, 0))),
            max_size=2 * count,
        ),
        st.integers(0, 3),
    )
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(community_with_rules)
def test_never_rules_always_hold_and_as_few_as_possible_are_left_out(case):
    people, rule_indexes, seed = case
    candidates = [member(10 * i + 3, language, offset) for i, (language, offset) in enumerate(people)]
    never = {frozenset({candidates[a].id, candidates[b].id}) for a, b in rule_indexes if a != b}
    result = pair(candidates, never=never, seed=seed)
    assert_well_formed(result, candidates)
    assert not pairs_in(result) & never
    assert len(result.unpaired) == fewest_unpaired(frozenset(c.id for c in candidates), frozenset(never))


@settings(max_examples=40, deadline=None)
@given(
    st.integers(min_value=2, max_value=90),
    st.integers(min_value=0, max_value=10_000),
    st.booleans(),
)
def test_with_no_rules_everyone_is_placed_however_the_graph_is_cut(count, salt, tiny_blocks):
    rng = random.Random(salt)
    candidates = [member(i, rng.choice(["en", "es", "pt"]), rng.choice([-480, -300, 0, 60, 330])) for i in range(count)]
    # Tiny blocks make every block leave members over, so mending does the work.
    options = {"neighbours": 2, "block_size": 4} if tiny_blocks else {}
    result = pairing._pair(candidates, seed=salt, **options)
    assert_well_formed(result, candidates)
    assert result.unpaired == ()
    assert sum(len(g) == 3 for g in result.groups) == count % 2


@settings(max_examples=30, deadline=None)
@given(st.integers(min_value=2, max_value=90), st.integers(min_value=0, max_value=10_000))
def test_sparse_graph_never_breaks_a_rule_and_places_everyone_it_can(count, salt):
    rng = random.Random(salt)
    candidates = [member(i, rng.choice(["en", "es"]), rng.choice([-300, 0, 60])) for i in range(count)]
    never = {frozenset(rng.sample(range(count), 2)) for _ in range(count // 3)}
    result = pairing._pair(candidates, never=never, seed=salt, neighbours=2, block_size=4)
    assert_well_formed(result, candidates)
    assert not pairs_in(result) & never
    if count % 2 == 0 and count >= 8:
        # Everyone may still meet two thirds of the others, so by Dirac's theorem
        # a round of pairs exists.
        assert result.unpaired == ()


@pytest.mark.parametrize("salt", range(4))
def test_mending_a_large_neighbourhood_keeps_everyone_placed(monkeypatch, salt):
    # Past the dense limit mending uses a windowed graph; shrink the limit to reach it.
    monkeypatch.setattr(pairing, "_MEND_DENSE_LIMIT", 8)
    rng = random.Random(salt)
    count = 120 + 2 * salt
    candidates = [member(i, rng.choice(["en", "es", "pt"]), rng.choice([-300, 0, 60])) for i in range(count)]
    never = {frozenset(rng.sample(range(count), 2)) for _ in range(count // 3)}
    result = pairing._pair(candidates, never=never, seed=salt, neighbours=2, block_size=4)
    assert_well_formed(result, candidates)
    assert not pairs_in(result) & never
    assert result.unpaired == ()


# -- determinism --------------------------------------------------------------------------------


def mixed_community(count: int = 41) -> list[Candidate]:
    rng = random.Random(41)
    return [member(i, rng.choice(["en", "en", "es"]), rng.choice([-480, -300, 0, 60])) for i in range(1, count + 1)]


def test_the_same_input_and_seed_give_the_same_round():
    candidates = mixed_community()
    history = rounds([{1, 2}, {3, 4}])
    assert pair(candidates, history=history, seed=5) == pair(candidates, history=history, seed=5)


def test_input_order_does_not_matter():
    candidates = mixed_community()
    never = [frozenset({1, 2}), frozenset({5, 9})]
    shuffled = candidates[:]
    random.Random(1).shuffle(shuffled)
    assert pair(shuffled, never=list(reversed(never)), seed=3) == pair(candidates, never=never, seed=3)


def test_the_seed_only_breaks_ties():
    # Six interchangeable members: every round is as good as any other.
    results = {pair(team(6), seed=seed).groups for seed in range(20)}
    assert len(results) > 1
    # One clearly best round: every seed finds it.
    candidates = [member(1, offset=0), member(2, offset=-480), member(3, offset=60), member(4, offset=-420)]
    assert {pair(candidates, seed=seed).groups for seed in range(20)} == {((1, 3), (2, 4))}


# -- score and summary ----------------------------------------------------------------------


def test_score_is_sixty_for_a_shared_language_and_up_to_forty_for_zones():
    candidates = [member(1, "en", 0), member(2, "en", 0), member(3, "es", 180), member(4, "es", 720)]
    assert score_groups([(1, 2)], candidates) == 100.0
    assert score_groups([(1, 3)], candidates) == 20.0  # other language, at the edge of the window
    assert score_groups([(3, 4)], candidates) == 65.0  # 6 h beyond the window: half of 10 is left
    assert score_groups([(1, 2), (1, 3)], candidates) == 60.0


def test_score_of_a_trio_is_the_mean_of_its_pairs_and_a_repeat_scores_nothing():
    candidates = team(3)
    assert score_groups([(1, 2, 3)], candidates) == 100.0
    assert score_groups([(1, 2, 3)], candidates, rounds([{1, 2}])) == pytest.approx(200 / 3)
    assert score_groups([(1, 2, 3)], candidates, rounds([{1, 2}]), avoid_rounds=0) == 100.0


def test_a_coordinators_own_pairs_score_the_same_way():
    candidates = mixed_community()
    history = rounds([{1, 2}, {3, 4}])
    result = pair(candidates, history=history)
    assert score_groups(result.groups, candidates, history) == result.score
    by_hand = [(1, 2), (3, 4), (5, 6, 7)]
    assert score_groups(by_hand, candidates, history) == pytest.approx(
        (0 + 0 + score_groups([(5, 6, 7)], candidates)) / 3
    )


def test_score_groups_refuses_what_is_not_a_group():
    with pytest.raises(ValueError, match="at least two"):
        score_groups([(1,)], team(2))
    with pytest.raises(ValueError, match="not among the candidates"):
        score_groups([(1, 5)], team(2))


def test_summary_is_one_line_a_coordinator_can_read():
    candidates = mixed_community()
    result = pair(candidates)
    assert "\n" not in result.summary
    assert re.fullmatch(
        r"19 pairs, 1 trio; same language \d+%, within 3 h \d+%, repeats 0; score \d+\.\d", result.summary
    ), result.summary
    assert pair(team(4)).summary == "2 pairs, no trio; same language 100%, within 3 h 100%, repeats 0; score 100.0"


# -- refusals -------------------------------------------------------------------------------------


def test_refuses_a_member_given_twice():
    with pytest.raises(ValueError, match="twice"):
        pair([member(1), member(1, "es")])


def test_refuses_a_rule_that_does_not_name_two_members():
    with pytest.raises(ValueError, match="two members"):
        pair(team(2), never=[frozenset({1})])


def test_refuses_negative_settings():
    with pytest.raises(ValueError):
        pair(team(2), avoid_rounds=-1)
    with pytest.raises(ValueError):
        pair(team(2), max_offset_hours=-1)
