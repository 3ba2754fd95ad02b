"""Headers on every response, CSRF on every form, and sign-in attempts that run out."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from service import create_app
from service.models import AuditEvent, Community, Member, MemberStatus
from service.web.dashboard.security import CONTENT_SECURITY_POLICY
from tests.conftest import DashboardClient, make_coordinator
from tests.service.web.dashboard.conftest import SAM, count, text_of

EXPECTED = {
    "Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                               "frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}


def assert_headers(response, hsts: bool):
    for name, value in EXPECTED.items():
        assert response.headers.get(name) == value, name
    assert ("Strict-Transport-Security" in response.headers) == hsts


def test_every_kind_of_response_carries_the_security_headers(signed_in, client, twilio, members):
    assert CONTENT_SECURITY_POLICY == EXPECTED["Content-Security-Policy"]
    responses = [
        signed_in.get("/"), signed_in.get("/members"), signed_in.get(f"/members/{members['Sam']}"),
        signed_in.get("/static/style.css"), signed_in.get("/static/htmx.min.js"), signed_in.get("/nowhere"),
        client.application.test_client().get("/login"), client.application.test_client().get("/"),
        client.get("/healthz"), twilio.sms(SAM, "4"), signed_in.client.post("/settings"),
    ]
    for response in responses:
        assert_headers(response, hsts=True)


def test_no_hsts_and_no_secure_cookie_over_plain_http(settings, db):
    app = create_app(settings.with_(public_url="http://127.0.0.1:5000"))
    try:
        account = make_coordinator(db, "Harbour Lights", "dana@example.org")
        client = app.test_client()
        assert_headers(client.get("/login"), hsts=False)
        answer = DashboardClient(client, account).sign_in()
        assert "Secure" not in answer.headers["Set-Cookie"]
    finally:
        app.extensions["kinship"].close()


def test_the_session_cookie_is_http_only_same_site_and_secure_over_https(client, coordinator):
    answer = DashboardClient(client, coordinator).sign_in()
    cookie = answer.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Secure" in cookie


def test_pages_have_no_inline_script_or_style(signed_in, members):
    for path in ["/", "/members", f"/members/{members['Sam']}", "/members/new", "/members/import", "/buddies",
                 "/buddies/preview", "/broadcast", "/settings", "/audit", "/account/password"]:
        page = signed_in.get(path).get_data(as_text=True)
        for tag in re.findall(r"<script[^>]*>", page):
            assert re.search(r'src="/static/[^"]+"', tag), (path, tag)
        assert "</script>" not in page.replace('defer></script>', ''), path
        assert not re.search(r"<style", page), path
        assert not re.search(r'\sstyle="', page), path
        assert not re.search(r'\son[a-z]+="', page), path
        assert "javascript:" not in page, path


def test_a_form_posted_without_its_token_is_refused_and_changes_nothing(signed_in, members, db):
    answer = signed_in.client.post(f"/members/{members['Sam']}/pause", data={"until": "2 weeks"})
    assert answer.status_code == 400
    assert "This form has expired" in text_of(answer)
    answer = signed_in.client.post("/settings", data={"quiet_hours": "22:00-07:00", "csrf_token": "forged"})
    assert answer.status_code == 400
    with db.session() as s:
        assert s.get(Member, members["Sam"]).status == MemberStatus.ACTIVE
        assert s.scalar(select(Community.quiet_hours)) == "21:00-08:00"


def test_a_token_from_another_session_is_refused(signed_in, client, coordinator, db, members):
    elsewhere = DashboardClient(client.application.test_client(), coordinator)
    elsewhere.sign_in()
    foreign = elsewhere.csrf_token()
    answer = signed_in.client.post(f"/members/{members['Sam']}/pause", data={"until": "2 weeks", "csrf_token": foreign})
    assert answer.status_code == 400
    with db.session() as s:
        assert s.get(Member, members["Sam"]).status == MemberStatus.ACTIVE


def test_htmx_sends_the_token_as_a_header(signed_in, members):
    page = signed_in.get("/").get_data(as_text=True)
    token = re.search(r'"X-CSRFToken": "([^"]+)"', page).group(1)
    answer = signed_in.client.post("/broadcast/_counter", data={"text": "hello", "status": "active"},
                                   headers={"X-CSRFToken": token, "HX-Request": "true"})
    assert answer.status_code == 200
    assert signed_in.client.post("/broadcast/_counter", data={"text": "hello"}).status_code == 400


def attempt(client, email, password, address="10.0.0.1"):
    client.get("/login", environ_base={"REMOTE_ADDR": address})
    token = DashboardClient(client, None).csrf_token("/login")
    return client.post("/login", data={"email": email, "password": password, "csrf_token": token},
                       environ_base={"REMOTE_ADDR": address})


def test_five_wrong_passwords_lock_the_account_for_fifteen_minutes(client, coordinator, db):
    for _ in range(5):
        assert attempt(client, coordinator.email, "wrong password!").status_code == 200
    refused = attempt(client, coordinator.email, coordinator.password)
    assert refused.status_code == 429
    assert "Too many attempts. Try again in 15 minutes." in text_of(refused)
    # From another address too: the limit is the account's.
    assert attempt(client, coordinator.email, coordinator.password, address="10.9.9.9").status_code == 429
    assert client.get("/").status_code == 303
    assert count(db, AuditEvent, AuditEvent.action == "auth.sign_in") == 0


def test_the_wait_counts_down(client, coordinator, redis):
    for _ in range(5):
        attempt(client, coordinator.email, "wrong password!")
    redis.expire(f"kinship:signin:account:{coordinator.email}", 14 * 60 - 5)
    assert "Try again in 14 minutes." in text_of(attempt(client, coordinator.email, coordinator.password))
    redis.expire(f"kinship:signin:account:{coordinator.email}", 30)
    assert "Try again in 1 minute." in text_of(attempt(client, coordinator.email, coordinator.password))
    redis.delete(f"kinship:signin:account:{coordinator.email}")
    assert attempt(client, coordinator.email, coordinator.password).status_code == 303


def test_twenty_failures_from_one_address_lock_that_address(client, coordinator, db):
    for index in range(20):
        assert attempt(client, f"guess{index}@example.org", "wrong password!", address="10.0.0.66").status_code == 200
    refused = attempt(client, coordinator.email, coordinator.password, address="10.0.0.66")
    assert refused.status_code == 429
    assert "Too many attempts." in text_of(refused)
    assert attempt(client, coordinator.email, coordinator.password, address="10.0.0.67").status_code == 303


def test_a_successful_sign_in_clears_the_account_count(client, coordinator):
    for _ in range(4):
        attempt(client, coordinator.email, "wrong password!")
    assert attempt(client, coordinator.email, coordinator.password).status_code == 303
    client.post("/logout", data={"csrf_token": DashboardClient(client, None).csrf_token("/")})
    for _ in range(4):
        assert attempt(client, coordinator.email, "wrong password!").status_code == 200
    assert attempt(client, coordinator.email, coordinator.password).status_code == 303


@pytest.mark.parametrize("path", ["/twilio/sms", "/twilio/status"])
def test_twilio_webhooks_need_no_csrf_token_but_still_a_signature(client, path):
    assert client.post(path, data={"MessageSid": "SM1"}).status_code == 403
