"""What protects every dashboard page: security headers and CSRF tokens.

- Every response carries a Content-Security-Policy that allows no inline script or style
  (htmx is a file under /static, configured by a <meta> tag), and HSTS when PUBLIC_URL is https.
- Every form POST carries a CSRF token (Flask-WTF's CSRFProtect); htmx sends it as a header.
  Twilio's webhooks are exempt: their signature is their proof.

Sign-in limits live in ``sign_in_limits``.
"""

from __future__ import annotations

from flask import Flask, Response
from flask_wtf.csrf import CSRFProtect

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
