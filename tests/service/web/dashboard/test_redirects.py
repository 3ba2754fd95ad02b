"""Where the dashboard sends a browser after a form: back inside it, never to another site.

Browsers drop tabs and newlines anywhere in a URL and spaces and control characters at its
ends, so ``/\t/evil.example`` arrives as ``//evil.example``: another host. The targets of
``next=`` (sign-in) and ``back=`` (the alert buttons) are cleaned the same way before they
are checked, and a target that cannot be a header at all (a newline) is never a 500.
"""

from __future__ import annotations

import pytest

from service.web.dashboard.redirects import local_target
from tests.conftest import DashboardClient
from tests.service.web.dashboard.conftest import SAM

OFF_SITE = [
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r/evil.example",
    "/\r\n/evil.example",
    "\t//evil.example",
    " //evil.example",
    "/\x00/evil.example",
    "/\x0b/evil.example",
    "/\x7f/evil.example",
    "/\x85/evil.example",
    "//evil.example",
    "/\\evil.example",
    "/\t\\evil.example",
    "https://evil.example/",
    "https:evil.example",
    "evil.example",
    "javascript:alert(1)",
    "",
]


@pytest.mark.parametrize("target", OFF_SITE)
def test_a_target_that_leaves_the_site_is_refused(target):
    assert local_target(target) is None


@pytest.mark.parametrize("target, kept", [
    ("/members?q=sam", "/members?q=sam"),
    ("/members/4", "/members/4"),
    ("/members\n?q=sam", "/members?q=sam"),
    ("/memb\ters", "/members"),
    ("/.//evil.example", "/.//evil.example"),  # a path on this site: the host is already settled
])
def test_a_target_on_this_site_is_kept_without_its_control_characters(target, kept):
    assert local_target(target) == kept


@pytest.mark.parametrize("target", ["/%09/evil.example", "/%0A/evil.example", "/%0D/evil.example", "/%0D%0A/x"])
def test_signed_in_the_sign_in_page_never_sends_the_browser_off_site(signed_in, target):
    answer = signed_in.client.get(f"/login?next={target}")
    assert answer.status_code == 303
    assert answer.headers["Location"] == "/"


@pytest.mark.parametrize("target", ["/\t/evil.example", "/\n/x", "/\r/x", " //evil.example"])
def test_signing_in_never_sends_the_browser_off_site(client, coordinator, target):
    client.get("/login")
    token = DashboardClient(client, None).csrf_token("/login")
    answer = client.post("/login", data={"email": coordinator.email, "password": coordinator.password,
                                         "next": target, "csrf_token": token})
    assert answer.status_code == 303
    assert answer.headers["Location"] == "/"


def test_a_newline_inside_a_page_target_is_dropped_not_a_500(client, coordinator):
    client.get("/login")
    token = DashboardClient(client, None).csrf_token("/login")
    answer = client.post("/login", data={"email": coordinator.email, "password": coordinator.password,
                                         "next": "/members\r\n?q=sam", "csrf_token": token})
    assert answer.status_code == 303
    assert answer.headers["Location"] == "/members?q=sam"


@pytest.mark.parametrize("action", ["acknowledge", "resolve"])
@pytest.mark.parametrize("target", ["/\t/evil.example", "/\n/evil.example", "/\r\n/x", "\t//evil.example"])
def test_the_alert_buttons_never_send_the_browser_off_site(signed_in, twilio, members, db, action, target):
    from sqlalchemy import select

    from service.models import Alert

    twilio.sms(SAM, "2")
    with db.session() as s:
        alert_id = s.scalar(select(Alert.id))
    answer = signed_in.post(f"/alerts/{alert_id}/{action}", {"note": "called, all fine", "back": target})
    assert answer.status_code == 303
    location = answer.headers["Location"]
    assert location.startswith("/?community=") and "evil" not in location
