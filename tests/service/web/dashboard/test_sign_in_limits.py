"""Sign-in limits that slow guessing down without ever locking a coordinator out.

Per address: 20 failures in 15 minutes and that address waits. Per account: after 5
failures each further attempt from a new browser waits a little longer (1, 2, 4 … at most
30 seconds), never a 15-minute lockout; a browser where the coordinator signed in before
carries a device cookie (OWASP's pattern) and is not slowed by anyone else's guessing.
With Redis down the same limits hold in the process, and the log says so.
"""

from __future__ import annotations

import logging
from datetime import timedelta

import pytest

from service import clock, create_app
from service.models import AuditEvent
from tests.conftest import DashboardClient, make_coordinator
from tests.service.web.dashboard.conftest import count, text_of

WRONG = "wrong password!"


@pytest.fixture(autouse=True)
def quick_hashes(monkeypatch):
    """These tests make hundreds of sign-in attempts: they count them, they do not measure Argon2id,
    so its work factors are the smallest here (the hashes made and checked in a test are its own)."""
    from argon2 import PasswordHasher

    from service import passwords
    from service.web.dashboard import auth

    monkeypatch.setattr(passwords, "_hasher", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))
    auth._decoy_hash.cache_clear()
    yield
    auth._decoy_hash.cache_clear()


class Browser:
    """One browser (its own cookies) at one address."""

    def __init__(self, app, address: str = "10.0.0.1"):
        self.client = app.test_client()
        self.address = address

    def attempt(self, email: str, password: str, **headers):
        environ = {"REMOTE_ADDR": self.address}
        self.client.get("/login", environ_base=environ)
        token = DashboardClient(self.client, None).csrf_token("/login")
        return self.client.post("/login", data={"email": email, "password": password, "csrf_token": token},
                                environ_base=environ, headers=headers)

    def sign_out(self):
        token = DashboardClient(self.client, None).csrf_token("/")
        self.client.post("/logout", data={"csrf_token": token}, environ_base={"REMOTE_ADDR": self.address})


def later(seconds: float) -> None:
    clock.freeze(clock.utcnow() + timedelta(seconds=seconds))


def guess(app, email: str, times: int, *, first_address: int = 1) -> None:
    """Wrong passwords from fresh browsers at many addresses, each as soon as it is allowed."""
    for index in range(times):
        answer = Browser(app, f"10.1.{(first_address + index) // 250}.{(first_address + index) % 250}").attempt(email, WRONG)
        while answer.status_code == 429:
            later(int(answer.headers["Retry-After"]))
            answer = Browser(app, f"10.2.{index // 250}.{index % 250}").attempt(email, WRONG)
        assert answer.status_code == 200


# --- per account: slowed down, never locked out ------------------------------------------

def test_five_wrong_passwords_slow_a_new_browser_down_for_a_second_not_fifteen_minutes(app, coordinator, db):
    browser = Browser(app)
    for _ in range(5):
        assert browser.attempt(coordinator.email, WRONG).status_code == 200
    slowed = browser.attempt(coordinator.email, coordinator.password)
    assert slowed.status_code == 429 and slowed.headers["Retry-After"] == "1"
    assert "Try again in 1 second." in text_of(slowed)
    assert count(db, AuditEvent, AuditEvent.action == "auth.sign_in") == 0
    later(1)
    assert browser.attempt(coordinator.email, coordinator.password).status_code == 303


def test_each_further_failure_doubles_the_wait_up_to_half_a_minute(app, coordinator):
    waits = []
    for attempt in range(12):
        answer = Browser(app, f"10.0.1.{attempt}").attempt(coordinator.email, WRONG)
        if answer.status_code == 429:
            waits.append(int(answer.headers["Retry-After"]))
            later(waits[-1])
            assert Browser(app, f"10.0.2.{attempt}").attempt(coordinator.email, WRONG).status_code == 200
    assert waits == [1, 2, 4, 8, 16, 30, 30]
    later(30)
    assert Browser(app, "10.0.3.1").attempt(coordinator.email, coordinator.password).status_code == 303


def test_an_unknown_email_is_slowed_down_the_same_way(app, coordinator):
    for _ in range(5):
        Browser(app).attempt("nobody@example.org", WRONG)
    assert Browser(app).attempt("nobody@example.org", WRONG).status_code == 429


def test_a_successful_sign_in_clears_the_account_count(app, coordinator):
    browser = Browser(app)
    for _ in range(4):
        browser.attempt(coordinator.email, WRONG)
    assert browser.attempt(coordinator.email, coordinator.password).status_code == 303
    browser.sign_out()
    fresh = Browser(app, "10.0.0.2")
    for _ in range(4):
        assert fresh.attempt(coordinator.email, WRONG).status_code == 200
    assert fresh.attempt(coordinator.email, coordinator.password).status_code == 303


# --- the device cookie: the coordinator's own browser ------------------------------------

def test_a_browser_that_signed_in_before_is_never_slowed_by_someone_guessing(app, coordinator, db):
    own = Browser(app, "192.0.2.10")
    assert own.attempt(coordinator.email, coordinator.password).status_code == 303
    own.sign_out()
    guess(app, coordinator.email, 12)
    assert Browser(app, "192.0.2.77").attempt(coordinator.email, coordinator.password).status_code == 429
    assert own.attempt(coordinator.email, coordinator.password).status_code == 303
    assert count(db, AuditEvent, AuditEvent.action == "auth.sign_in") == 2


def test_the_device_cookie_is_http_only_kept_for_sign_in_and_secure_over_https(app, coordinator):
    answer = Browser(app).attempt(coordinator.email, coordinator.password)
    device = [c for c in answer.headers.getlist("Set-Cookie") if c.startswith("kinship_device=")]
    assert len(device) == 1
    assert "HttpOnly" in device[0] and "Secure" in device[0] and "SameSite=Lax" in device[0]
    assert "Path=/login" in device[0] and "Expires=" in device[0]
    assert coordinator.email not in device[0]


def test_the_device_cookie_is_for_its_own_account_only(app, coordinator, db):
    other = make_coordinator(db, "Harbour Lights", "ana@example.org", "another long secret")
    own = Browser(app)
    assert own.attempt(coordinator.email, coordinator.password).status_code == 303
    own.sign_out()
    guess(app, other.email, 6)
    assert own.attempt(other.email, other.password).status_code == 429


def test_a_forged_or_copied_device_cookie_is_a_new_browser(app, coordinator):
    own = Browser(app)
    own.attempt(coordinator.email, coordinator.password)
    real = own.client.get_cookie("kinship_device", path="/login").value
    own.sign_out()
    guess(app, coordinator.email, 6)
    forged = Browser(app, "10.0.0.9")
    forged.client.set_cookie("kinship_device", real[:-2] + ("AA" if not real.endswith("AA") else "BB"), path="/login")
    assert forged.attempt(coordinator.email, coordinator.password).status_code == 429


def test_a_trusted_browser_that_keeps_failing_is_treated_as_a_new_one(app, coordinator):
    own = Browser(app)
    own.attempt(coordinator.email, coordinator.password)
    own.sign_out()
    guess(app, coordinator.email, 6)
    for _ in range(10):
        assert own.attempt(coordinator.email, WRONG).status_code == 200
    assert own.attempt(coordinator.email, coordinator.password).status_code == 429


def test_both_coordinators_of_a_shared_browser_keep_their_cookie(app, coordinator, db):
    other = make_coordinator(db, "Harbour Lights", "ana@example.org", "another long secret")
    shared = Browser(app)
    for account in (coordinator, other):
        assert shared.attempt(account.email, account.password).status_code == 303
        shared.sign_out()
    guess(app, coordinator.email, 6)
    guess(app, other.email, 6, first_address=100)
    assert shared.attempt(coordinator.email, coordinator.password).status_code == 303
    shared.sign_out()
    assert shared.attempt(other.email, other.password).status_code == 303


# --- per address: stays ------------------------------------------------------------------

def test_twenty_failures_from_one_address_lock_that_address(app, coordinator):
    for index in range(20):
        assert Browser(app, "10.0.0.66").attempt(f"guess{index}@example.org", WRONG).status_code == 200
    refused = Browser(app, "10.0.0.66").attempt(coordinator.email, coordinator.password)
    # The window runs from the first failure (the countdown itself is the next test's).
    assert refused.status_code == 429 and 0 < int(refused.headers["Retry-After"]) <= 900
    assert "Too many attempts from your network. Try again in 1" in text_of(refused)
    assert Browser(app, "10.0.0.67").attempt(coordinator.email, coordinator.password).status_code == 303


def test_the_address_wait_counts_down(app, coordinator, redis):
    for index in range(20):
        Browser(app, "10.0.0.66").attempt(f"guess{index}@example.org", WRONG)
    [key] = redis.keys("kinship:sign-in:address:*")
    redis.expire(key, 14 * 60 - 5)
    assert "Try again in 14 minutes." in text_of(Browser(app, "10.0.0.66").attempt(coordinator.email, coordinator.password))
    redis.expire(key, 30)
    assert "Try again in 30 seconds." in text_of(Browser(app, "10.0.0.66").attempt(coordinator.email, coordinator.password))
    redis.delete(key)
    assert Browser(app, "10.0.0.66").attempt(coordinator.email, coordinator.password).status_code == 303


def test_an_ipv6_network_counts_as_one_address(app, coordinator):
    for index in range(20):
        Browser(app, f"2001:db8:1:2::{index + 1:x}").attempt(f"guess{index}@example.org", WRONG)
    assert Browser(app, "2001:db8:1:2:ffff::1").attempt(coordinator.email, coordinator.password).status_code == 429
    assert Browser(app, "2001:db8:1:3::1").attempt(coordinator.email, coordinator.password).status_code == 303


# --- Redis down: sign-in still works -------------------------------------------------------

@pytest.fixture
def app_without_redis(settings):
    # Nothing listens on port 1: every Redis call is refused at once.
    application = create_app(settings.with_(redis_url="redis://127.0.0.1:1/0"))
    application.config["TESTING"] = True
    yield application
    application.extensions["kinship"].close()


def test_with_redis_down_sign_in_works_and_the_log_says_the_limits_are_per_process(app_without_redis, coordinator,
                                                                                  caplog):
    caplog.set_level(logging.INFO)
    browser = Browser(app_without_redis)
    assert browser.attempt(coordinator.email, WRONG).status_code == 200
    assert browser.attempt(coordinator.email, coordinator.password).status_code == 303
    warnings = [r.getMessage() for r in caplog.records if r.levelname == "WARNING" and "sign-in" in r.getMessage()]
    assert len(warnings) == 1 and "this process" in warnings[0]
    assert coordinator.email not in " ".join(r.getMessage() for r in caplog.records)


def test_with_redis_down_the_limits_still_hold_in_the_process(app_without_redis, coordinator):
    for index in range(5):
        assert Browser(app_without_redis, "10.0.0.5").attempt(coordinator.email, WRONG).status_code == 200
    assert Browser(app_without_redis, "10.0.0.6").attempt(coordinator.email, coordinator.password).status_code == 429
    for index in range(20):
        Browser(app_without_redis, "10.0.0.66").attempt(f"guess{index}@example.org", WRONG)
    assert Browser(app_without_redis, "10.0.0.66").attempt("x@example.org", WRONG).status_code == 429
    later(1)
    assert Browser(app_without_redis, "10.0.0.7").attempt(coordinator.email, coordinator.password).status_code == 303


# --- the counts themselves ---------------------------------------------------------------------

@pytest.mark.parametrize("counts", ["redis", "local"])
def test_a_window_runs_from_the_first_failure_or_slides_with_the_last(redis, counts):
    from service.web.dashboard.sign_in_limits import WINDOW_SECONDS, LocalCounts, RedisCounts

    store = RedisCounts(redis) if counts == "redis" else LocalCounts()
    store.add("fixed", 1000.0, sliding=False)
    store.add("sliding", 1000.0, sliding=True)
    store.add("fixed", 1600.0, sliding=False)
    store.add("sliding", 1600.0, sliding=True)
    fixed, sliding, missing = store.read(["fixed", "sliding", "missing"], 1600.0)
    assert (fixed.failures, fixed.last_at, sliding.failures, missing) == (2, 1600.0, 2, None)
    if counts == "local":  # Redis keeps real time; the local store keeps the service clock's
        assert fixed.expires_in == WINDOW_SECONDS - 600 and sliding.expires_in == WINDOW_SECONDS
        later_fixed, later_sliding = store.read(["fixed", "sliding"], 1000.0 + WINDOW_SECONDS)
        assert later_fixed is None and later_sliding.failures == 2
    else:
        assert 0 < redis.ttl("fixed") <= WINDOW_SECONDS
    store.clear("fixed")
    assert store.read(["fixed"], 1600.0) == [None]


def test_the_local_counts_forget_the_oldest_beyond_their_bound(monkeypatch):
    from service.web.dashboard import sign_in_limits

    monkeypatch.setattr(sign_in_limits, "LOCAL_KEYS", 3)
    store = sign_in_limits.LocalCounts()
    for key in ("a", "b", "c"):
        store.add(key, 1000.0, sliding=False)
    store.add("a", 1001.0, sliding=False)  # counted again: now the most recent
    store.add("d", 1002.0, sliding=False)
    assert [count is not None for count in store.read(["a", "b", "c", "d"], 1003.0)] == [True, False, True, True]
