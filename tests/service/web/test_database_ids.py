"""An id no row can have is not found, never a database error (SQLite stops at 2**63, PostgreSQL at 2**31)."""

from __future__ import annotations

import pytest

from service.web.database_ids import MAX_ID, form_id
from tests.service.web.dashboard.conftest import add_members


@pytest.fixture
def members(db, coordinator) -> dict[str, int]:
    return add_members(db, coordinator.community_id, [("Sam Rivera", "+14155550101", "en", True),
                                                      ("Alex Chen", "+14155550102", "en", True)])


@pytest.mark.parametrize("path", ["/members/9223372036854775808", "/members/2147483648", f"/members/{10**30}",
                                  "/broadcast/9223372036854775808"])
def test_an_id_past_the_columns_range_is_a_404(signed_in, members, path):
    assert signed_in.get(path).status_code == 404


def test_a_form_id_past_the_range_is_the_forms_own_refusal(signed_in, members):
    answer = signed_in.post(f"/members/{members['Sam']}/buddy", {"buddy_id": str(2**63)})
    assert answer.status_code == 422
    answer = signed_in.post("/buddies/never", {"a": str(members["Sam"]), "b": str(2**64)})
    assert answer.status_code == 422
    assert signed_in.get("/audit", query_string={"before": str(2**63)}).status_code == 200


@pytest.mark.parametrize("value, read", [("12", 12), (" 7 ", 7), (str(MAX_ID), MAX_ID), (str(MAX_ID + 1), None),
                                         ("0", None), ("-3", None), ("", None), (None, None), ("1e3", None),
                                         ("9" * 5000, None)])
def test_form_id(value, read):
    assert form_id(value) == read
