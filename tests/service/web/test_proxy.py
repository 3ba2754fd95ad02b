"""Behind KINSHIP_PROXY_HOPS proxies: their headers are trusted, and odd ones are ignored, never a 400."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from service import create_app
from service.models import AuditEvent
from service.web.proxy import is_address, is_host
from tests.conftest import DashboardClient


@pytest.fixture
def proxied(settings):
    application = create_app(settings.with_(proxy_hops=1))
    application.config["TESTING"] = True
    yield application
    application.extensions["kinship"].close()


def sign_in(app, coordinator, headers: dict):
    client = app.test_client()
    assert client.get("/login", headers=headers).status_code == 200
    token = DashboardClient(client, None).csrf_token("/login")
    answer = client.post("/login", headers=headers, data={"email": coordinator.email, "password": coordinator.password,
                                                          "csrf_token": token})
    return client, answer


def last_address(db) -> str:
    with db.session() as s:
        return s.scalar(select(AuditEvent.address).order_by(AuditEvent.id.desc()).limit(1))


@pytest.mark.parametrize("headers", [
    {"X-Forwarded-For": "not-an-ip"},
    {"X-Forwarded-For": "x" * 6000},
    {"X-Forwarded-For": "1.2.3.4:5678"},
    {"X-Forwarded-For": "::1%" + "e" * 80},
    {"X-Forwarded-For": ""},
    {"X-Forwarded-Host": "a" * 6000},
    {"X-Forwarded-Host": "evil host"},
    {"X-Forwarded-Host": "exa\x01mple.org"},
    {"X-Forwarded-Host": "[::1"},
    {"X-Forwarded-Proto": "javascript"},
    {"X-Forwarded-Proto": "h" * 6000},
])
def test_a_malformed_or_over_long_proxy_header_is_ignored_never_a_400(proxied, coordinator, db, headers):
    client, answer = sign_in(proxied, coordinator, headers)
    assert answer.status_code == 303
    assert client.get("/", headers=headers).status_code == 200
    assert last_address(db) == "127.0.0.1"  # the socket's peer, not a made-up address


def test_the_client_address_is_the_one_the_trusted_proxy_added(proxied, coordinator, db):
    # Whatever the client wrote before it, the last entry is the one our proxy appended.
    _, answer = sign_in(proxied, coordinator, {"X-Forwarded-For": "6.6.6.6, " * 500 + "203.0.113.9"})
    assert answer.status_code == 303
    assert last_address(db) == "203.0.113.9"


def test_without_proxies_the_headers_are_not_trusted(app, coordinator, db):
    _, answer = sign_in(app, coordinator, {"X-Forwarded-For": "203.0.113.9"})
    assert answer.status_code == 303
    assert last_address(db) == "127.0.0.1"


@pytest.mark.parametrize("value, ok", [("203.0.113.9", True), ("2001:db8::1", True), ("::ffff:10.0.0.1", True),
                                       ("300.1.1.1", False), ("1.2.3.4:80", False), ("", False)])
def test_what_counts_as_an_address(value, ok):
    assert is_address(value) == ok


@pytest.mark.parametrize("value, ok", [("kinship.example.org", True), ("kinship.example.org:8443", True),
                                       ("[2001:db8::1]:443", True), ("localhost", True), ("-bad.example", False),
                                       ("a" * 64 + ".example", False), ("ex ample.org", False), ("", False)])
def test_what_counts_as_a_host(value, ok):
    assert is_host(value) == ok
