"""What protects the dashboard: security headers, CSRF tokens, and sign-in rate limits.

- Every response carries a Content-Security-Policy that allows no inline script or style
  (htmx is a file under /static, configured by a <meta> tag), and HSTS when PUBLIC_URL is https.
- Every form POST carries a CSRF token (Flask-WTF's CSRFProtect); htmx sends it as a header.
  Twilio's webhooks are exempt: their signature is their proof.
- Sign-in attempts are counted in Redis, per account and per address, over a fixed window.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from flask import Flask, Response
from flask_wtf.csrf import CSRFProtect
from redis import Redis

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "frame-ancestors 'none'; base-uri 'self'; form-action 'self'"
)
HSTS = "max-age=63072000; includeSubDomains"

csrf = CSRFProtect()


def init_app(app: Flask, *, https: bool, exempt: list) -> None:
    # A token lives as long as the session it belongs to; signing out revokes both.
    app.config.setdefault("WTF_CSRF_TIME_LIMIT", None)
    csrf.init_app(app)
    for blueprint in exempt:
        csrf.exempt(blueprint)

    @app.after_request
    def _headers(response: Response) -> Response:
        headers = response.headers
        headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        headers.setdefault("X-Content-Type-Options", "nosniff")
        headers.setdefault("Referrer-Policy", "same-origin")
        headers.setdefault("X-Frame-Options", "DENY")
        if https:
            headers.setdefault("Strict-Transport-Security", HSTS)
        return response


@dataclass(frozen=True)
class Limit:
    name: str
    attempts: int
    window_seconds: int


ACCOUNT_LIMIT = Limit("account", 5, 15 * 60)
ADDRESS_LIMIT = Limit("address", 20, 15 * 60)
_PREFIX = "kinship:signin"


class SignInLimiter:
    """Counts failed sign-ins per account and per address; refuses once either is used up."""

    def __init__(self, redis: Redis, limits: tuple[Limit, Limit] = (ACCOUNT_LIMIT, ADDRESS_LIMIT)):
        self.redis = redis
        self.account_limit, self.address_limit = limits

    def _keys(self, account: str, address: str) -> list[tuple[str, Limit]]:
        return [(f"{_PREFIX}:account:{account}", self.account_limit), (f"{_PREFIX}:address:{address}", self.address_limit)]

    def blocked_for(self, account: str, address: str) -> int:
        """Seconds until another attempt is allowed; 0 when one is allowed now."""
        wait = 0
        pipe = self.redis.pipeline()
        keys = self._keys(account, address)
        for key, _ in keys:
            pipe.get(key)
            pipe.ttl(key)
        answers = pipe.execute()
        for index, (_, limit) in enumerate(keys):
            count, ttl = answers[2 * index], answers[2 * index + 1]
            if count is not None and int(count) >= limit.attempts:
                wait = max(wait, ttl if ttl and ttl > 0 else limit.window_seconds)
        return wait

    def failed(self, account: str, address: str) -> None:
        pipe = self.redis.pipeline()
        for key, limit in self._keys(account, address):
            # The window starts at the first failure; a later one does not extend it
            # (SET NX rather than EXPIRE NX, which Redis 6.2 lacks).
            pipe.set(key, 0, ex=limit.window_seconds, nx=True)
            pipe.incr(key)
        pipe.execute()

    def succeeded(self, account: str) -> None:
        self.redis.delete(f"{_PREFIX}:account:{account}")


def wait_words(seconds: int) -> str:
    minutes = max(1, math.ceil(seconds / 60))
    return f"Too many attempts. Try again in {minutes} minute{'s' if minutes != 1 else ''}."
