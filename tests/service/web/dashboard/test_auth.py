"""Signing in and out: one answer for every wrong guess, and a sign-out that really ends it."""

from __future__ import annotations

import re
import time
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime

from sqlalchemy import select

from service.models import AuditEvent, Coordinator
from service.passwords import verify_password
from tests.conftest import DashboardClient
from tests.service.web.dashboard.conftest import count, text_of


def login(client, email, password):
    client.get("/login")
    token = DashboardClient(client, None).csrf_token("/login")
    return client.post("/login", data={"email": email, "password": password, "csrf_token": token})


def test_a_page_needs_a_signed_in_coordinator(client, coordinator):
    answer = client.get("/members?q=sam")
    assert answer.status_code == 303
    assert answer.headers["Location"].startswith("/login?next=/members")


def test_an_htmx_poll_after_sign_out_is_sent_to_the_sign_in_page(client, coordinator):
    answer = client.get("/_now", headers={"HX-Request": "true"})
    assert answer.status_code == 401
    assert answer.headers["HX-Redirect"].startswith("/login")


def test_the_right_password_signs_in_and_lands_on_now(client, coordinator, db):
    answer = login(client, coordinator.email, coordinator.password)
    assert answer.status_code == 303 and answer.headers["Location"] == "/"
    page = client.get("/")
    assert page.status_code == 200
    assert "who needs someone right now" in text_of(page)
    assert count(db, AuditEvent, AuditEvent.action == "auth.sign_in") == 1


def test_the_email_is_read_without_case_or_spaces(client, coordinator):
    assert login(client, "  DANA@Example.org ", coordinator.password).status_code == 303


def test_sign_in_returns_to_the_page_asked_for_but_never_off_site(client, coordinator):
    client.get("/login")
    token = DashboardClient(client, None).csrf_token("/login")
    answer = client.post("/login", data={"email": coordinator.email, "password": coordinator.password,
                                         "next": "/members?q=sam", "csrf_token": token})
    assert answer.headers["Location"] == "/members?q=sam"
    client.post("/logout", data={"csrf_token": DashboardClient(client, None).csrf_token("/")})
    for elsewhere in ("//evil.example/", "https://evil.example/", "/\\evil.example"):
        token = DashboardClient(client, None).csrf_token("/login")
        answer = client.post("/login", data={"email": coordinator.email, "password": coordinator.password,
                                             "next": elsewhere, "csrf_token": token})
        assert answer.headers["Location"] == "/", elsewhere
        client.post("/logout", data={"csrf_token": DashboardClient(client, None).csrf_token("/")})


def test_a_wrong_password_and_an_unknown_email_get_the_same_answer(client, coordinator, db):
    wrong = login(client, coordinator.email, "not the password")
    unknown = login(client, "nobody@example.org", "not the password")
    assert wrong.status_code == unknown.status_code == 200
    assert "don't match an account" in text_of(wrong)
    assert text_of(wrong).replace(coordinator.email, "X") == text_of(unknown).replace("nobody@example.org", "X")
    assert client.get("/").status_code == 303  # still signed out


def test_sign_out_revokes_the_session_even_if_its_cookie_is_replayed(client, coordinator, db):
    assert login(client, coordinator.email, coordinator.password).status_code == 303
    stolen = client.get_cookie("session").value
    assert client.get("/").status_code == 200
    token = DashboardClient(client, None).csrf_token("/")
    answer = client.post("/logout", data={"csrf_token": token})
    assert answer.status_code == 303 and answer.headers["Location"] == "/login"
    assert client.get("/").status_code == 303

    replay = client.application.test_client()
    replay.set_cookie("session", stolen)
    assert replay.get("/").status_code == 303
    assert replay.get("/members").status_code == 303
    with db.session() as s:
        assert s.get(Coordinator, coordinator.id).session_version == 1
        assert s.scalar(select(AuditEvent.action).where(AuditEvent.action == "auth.sign_out")) == "auth.sign_out"


def test_sign_out_needs_a_post_with_a_token(signed_in, db):
    assert signed_in.get("/logout").status_code == 405
    assert signed_in.client.post("/logout").status_code == 400
    assert signed_in.get("/").status_code == 200


def test_changing_the_password_keeps_this_session_and_ends_the_others(signed_in, client, coordinator, db):
    other_device = client.application.test_client()
    assert login(other_device, coordinator.email, coordinator.password).status_code == 303
    answer = signed_in.post("/account/password", {"old_password": coordinator.password,
                                                  "new_password": "a much better passphrase",
                                                  "new_password_again": "a much better passphrase"})
    assert answer.status_code == 303
    assert signed_in.get("/").status_code == 200
    assert other_device.get("/").status_code == 303
    with db.session() as s:
        assert verify_password(s.get(Coordinator, coordinator.id).password_hash, "a much better passphrase")


def test_a_bad_password_change_says_why_and_changes_nothing(signed_in, coordinator, db):
    cases = [
        ({"old_password": "wrong one here", "new_password": "long enough 123", "new_password_again": "long enough 123"},
         "current password is not right"),
        ({"old_password": coordinator.password, "new_password": "short", "new_password_again": "short"},
         "at least 10 characters"),
        ({"old_password": coordinator.password, "new_password": "long enough 123", "new_password_again": "long enough 124"},
         "not the same"),
    ]
    for form, words in cases:
        answer = signed_in.post("/account/password", form)
        assert answer.status_code == 422
        assert words in text_of(answer)
    with db.session() as s:
        stored = s.get(Coordinator, coordinator.id)
        assert verify_password(stored.password_hash, coordinator.password)
        assert stored.session_version == 0


def test_a_session_cookie_lasts_twelve_hours_not_a_month(client, coordinator):
    answer = login(client, coordinator.email, coordinator.password)
    [session_cookie] = [c for c in answer.headers.getlist("Set-Cookie") if c.startswith("session=")]
    expires = re.search(r"Expires=([^;]+)", session_cookie).group(1)
    lifetime = parsedate_to_datetime(expires) - datetime.now(UTC)
    assert timedelta(hours=11, minutes=59) < lifetime <= timedelta(hours=12)


def test_a_session_ends_twelve_hours_after_sign_in_however_busy_it_was(client, coordinator):
    assert login(client, coordinator.email, coordinator.password).status_code == 303
    with client.session_transaction() as session:
        session["signed_in_at"] = int(time.time()) - 11 * 3600
    assert client.get("/").status_code == 200
    # The Now page polls every 15 seconds, so a cookie renewed on each visit would never end.
    with client.session_transaction() as session:
        session["signed_in_at"] = int(time.time()) - 12 * 3600 - 60
    answer = client.get("/")
    assert answer.status_code == 303 and answer.headers["Location"].startswith("/login")
    assert client.get("/members").status_code == 303


def test_every_page_names_a_favicon_that_is_there(client):
    page = client.get("/login").get_data(as_text=True)
    icon = re.search(r'<link rel="icon" href="([^"]+)" type="image/svg\+xml">', page)
    assert icon, "the sign-in page names no icon"
    answer = client.get(icon.group(1))
    assert answer.status_code == 200 and answer.get_data(as_text=True).startswith("<svg")
