"""Headers on every response, and CSRF on every form."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from service import create_app
from service.models import Community, Member, MemberStatus
from service.web.dashboard.security import CONTENT_SECURITY_POLICY
from tests.conftest import DashboardClient, make_coordinator
from tests.service.web.dashboard.conftest import SAM, text_of

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
        cookies = answer.headers.getlist("Set-Cookie")
        assert len(cookies) == 2 and not any("Secure" in cookie for cookie in cookies)  # session, device
    finally:
        app.extensions["kinship"].close()


def test_the_session_cookie_is_http_only_same_site_and_secure_over_https(client, coordinator):
    answer = DashboardClient(client, coordinator).sign_in()
    [cookie] = [c for c in answer.headers.getlist("Set-Cookie") if c.startswith("session=")]
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


@pytest.mark.parametrize("path", ["/twilio/sms", "/twilio/status"])
def test_twilio_webhooks_need_no_csrf_token_but_still_a_signature(client, path):
    assert client.post(path, data={"MessageSid": "SM1"}).status_code == 403
