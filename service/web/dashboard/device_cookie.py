"""The device cookie: OWASP's "Slow Down Online Guessing Attacks with Device Cookies".

A browser where a coordinator has signed in keeps a cookie saying so, and the sign-in limits
let it past the account's slow-down (``sign_in_limits``). The cookie is signed with
``SECRET_KEY``, HTTP-only, sent to ``/login`` alone and kept for a year. It names the account
by a keyed hash of its email, never the email itself, beside a random nonce that the limits
count this browser's own failures against; each sign-in gives a new nonce. A browser shared
by several coordinators keeps one entry for each of the last five.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from datetime import timedelta

from flask import Response, current_app, request
from itsdangerous import BadSignature, URLSafeTimedSerializer

COOKIE_NAME = "kinship_device"
LIFETIME = timedelta(days=365)
MAX_ACCOUNTS = 5
_HEX = re.compile(r"[0-9a-f]{32}")


def nonce_for(account: str) -> str | None:
    """This browser's nonce for ``account``, if it holds a genuine device cookie for it."""
    return dict(_entries()).get(_tag(account))


def remember(response: Response, account: str) -> None:
    """After a successful sign-in: this browser is now one ``account`` has signed in on."""
    tag = _tag(account)
    entries = [(t, n) for t, n in _entries() if t != tag][-(MAX_ACCOUNTS - 1):] + [(tag, secrets.token_hex(16))]
    response.set_cookie(
        COOKIE_NAME, _serializer().dumps(entries), max_age=int(LIFETIME.total_seconds()), path="/login",
        secure=current_app.config["SESSION_COOKIE_SECURE"], httponly=True, samesite="Lax",
    )


def _entries() -> list[tuple[str, str]]:
    raw = request.cookies.get(COOKIE_NAME)
    if not raw:
        return []
    try:
        entries = _serializer().loads(raw, max_age=int(LIFETIME.total_seconds()))
    except BadSignature:
        return []
    if not isinstance(entries, list):
        return []
    return [(t, n) for t, n in (e for e in entries if isinstance(e, list) and len(e) == 2)
            if isinstance(t, str) and isinstance(n, str) and _HEX.fullmatch(t) and _HEX.fullmatch(n)]


def _tag(account: str) -> str:
    key = current_app.secret_key.encode() if isinstance(current_app.secret_key, str) else current_app.secret_key
    return hmac.new(key, b"kinship.device-cookie:" + account.encode(), hashlib.sha256).hexdigest()[:32]


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.secret_key, salt="kinship.device-cookie")
