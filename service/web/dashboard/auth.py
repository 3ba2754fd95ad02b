"""Signing in and out, changing one's password, and the check every other page makes.

The session cookie holds the coordinator's id and their ``session_version``; signing out
(or changing the password) bumps the version, so every cookie made before -- even a copy
replayed later -- no longer matches and is signed out. A session ends 12 hours after
sign-in however busy it was: the Now page polls, so a cookie renewed on every visit alone
would never end. A wrong password and an unknown email get the same answer, and attempts
are limited per account and per address (``sign_in_limits``), the coordinator's own browser
spared by its device cookie.
"""

from __future__ import annotations

import time
from datetime import timedelta
from functools import lru_cache

from flask import Blueprint, Response, current_app, flash, g, redirect, render_template, request, url_for
from flask import session as cookie
from sqlalchemy import select

from service import audit, web
from service.models import Coordinator
from service.passwords import MIN_LENGTH, PasswordError, hash_password, needs_rehash, verify_password
from service.web.dashboard import device_cookie, scoping
from service.web.dashboard.common import is_htmx, now
from service.web.dashboard.redirects import local_target
from service.web.dashboard.sign_in_limits import Attempt, FailOpenCounts, SignInLimits

bp = Blueprint("auth", __name__)

SESSION_LIFETIME = timedelta(hours=12)
LIMITS = "kinship.sign_in_limits"
WRONG = "That email and password don't match an account. Check both and try again."


@lru_cache(maxsize=1)
def _decoy_hash() -> str:
    # Verified against when the email is unknown, so both answers take the same time.
    return hash_password("kinship-decoy-password-never-used")


def signed_in() -> Coordinator | None:
    coordinator_id, version = cookie.get("coordinator_id"), cookie.get("session_version")
    if coordinator_id is None:
        return None
    if not _fresh(cookie.get("signed_in_at")):
        cookie.clear()
        return None
    coordinator = web.session().get(Coordinator, coordinator_id)
    if coordinator is None or coordinator.session_version != version:
        cookie.clear()
        return None
    return coordinator


def _fresh(signed_in_at) -> bool:
    # Real elapsed time, like the cookie's own expiry: the demo's time travel moves the
    # service clock, and must not sign the coordinator out.
    return isinstance(signed_in_at, int) and 0 <= time.time() - signed_in_at <= SESSION_LIFETIME.total_seconds()


def require_sign_in():
    """A before_request hook for every page but these: no coordinator, no page."""
    coordinator = signed_in()
    if coordinator is None:
        target = url_for("auth.login", next=request.full_path.rstrip("?")) if request.method == "GET" else url_for("auth.login")
        if is_htmx():
            return Response(status=401, headers={"HX-Redirect": target})
        return redirect(target, 303)
    g.coordinator = coordinator
    return None


def _safe_next(value: str | None) -> str:
    return local_target(value) or url_for("now.page")


@bp.get("/login")
def login_form():
    if signed_in() is not None:
        return redirect(_safe_next(request.args.get("next")), 303)
    return render_template("login.html", email="", next=request.args.get("next", ""))


@bp.post("/login")
def login():
    email = (request.form.get("email") or "").strip().lower()[:254]
    password = request.form.get("password") or ""
    next_url = request.form.get("next") or ""
    address = scoping.client_address() or "unknown"
    limits: SignInLimits = current_app.extensions[LIMITS]
    attempt = Attempt(email, address, device_cookie.nonce_for(email))
    moment = now().timestamp()
    wait = limits.wait(attempt, moment)
    if wait is not None:
        page = render_template("login.html", email=email, next=next_url, error=wait.words())
        return page, 429, {"Retry-After": str(wait.seconds)}
    session = web.session()
    coordinator = session.scalar(select(Coordinator).where(Coordinator.email == email)) if email else None
    if not verify_password(coordinator.password_hash if coordinator else _decoy_hash(), password) or coordinator is None:
        limits.failed(attempt, moment)
        if coordinator is not None:
            audit.record(session, coordinator, "auth.sign_in_failed", f"coordinator:{coordinator.id}", {}, address, now())
            session.commit()
        return render_template("login.html", email=email, next=next_url, error=WRONG), 200
    limits.succeeded(attempt)
    if needs_rehash(coordinator.password_hash):
        coordinator.password_hash = hash_password(password)
    audit.record(session, coordinator, "auth.sign_in", f"coordinator:{coordinator.id}", {}, address, now())
    session.commit()
    cookie.clear()
    cookie.permanent = True
    cookie["coordinator_id"] = coordinator.id
    cookie["session_version"] = coordinator.session_version
    cookie["signed_in_at"] = int(time.time())
    response = redirect(_safe_next(next_url), 303)
    device_cookie.remember(response, email)
    return response


@bp.post("/logout")
def logout():
    coordinator = signed_in()
    if coordinator is not None:
        session = web.session()
        coordinator.session_version += 1
        audit.record(session, coordinator, "auth.sign_out", f"coordinator:{coordinator.id}", {},
                     scoping.client_address(), now())
        session.commit()
    cookie.clear()
    flash("You are signed out.", "done")
    return redirect(url_for("auth.login"), 303)


@bp.route("/account/password", methods=["GET", "POST"])
def password():
    redirect_to = require_sign_in()
    if redirect_to is not None:
        return redirect_to
    coordinator = scoping.coordinator()
    if coordinator.communities:
        scoping.current_community()  # for the menu
    if request.method == "GET":
        return render_template("password.html", min_length=MIN_LENGTH)
    old = request.form.get("old_password") or ""
    new = request.form.get("new_password") or ""
    again = request.form.get("new_password_again") or ""
    error = None
    if not verify_password(coordinator.password_hash, old):
        error = "Your current password is not right."
    elif new != again:
        error = "The two new passwords are not the same."
    elif new == old:
        error = "The new password is the same as the old one."
    else:
        try:
            coordinator.password_hash = hash_password(new)
        except PasswordError:
            error = f"The new password must be at least {MIN_LENGTH} characters."
    if error:
        web.session().rollback()
        return render_template("password.html", min_length=MIN_LENGTH, error=error), 422
    session = web.session()
    coordinator.session_version += 1
    audit.record(session, coordinator, "auth.password_change", f"coordinator:{coordinator.id}", {},
                 scoping.client_address(), now())
    session.commit()
    # This browser stays signed in; every other session is signed out.
    cookie["session_version"] = coordinator.session_version
    flash("Your password is changed. Any other device you were signed in on is now signed out.", "done")
    return redirect(url_for("now.page"), 303)


def init_app(app) -> None:
    # One set of limits per web process: its fallback counts must outlive a request.
    app.extensions[LIMITS] = SignInLimits(FailOpenCounts(app.extensions["kinship"].redis))
