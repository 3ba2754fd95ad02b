"""The coordinators' dashboard: server-rendered pages, htmx for the live parts.

Blueprints by page -- auth, now (and replies, its Unread replies), members, member, buddies,
broadcast, settings, audit -- plus ``security`` (headers, CSRF), ``sign_in_limits`` with
``device_cookie``, ``redirects`` and ``scoping`` (a coordinator's own
communities only). ``init_app`` plugs it into the app built by ``create_app``.
"""

from __future__ import annotations

from flask import Flask, render_template
from flask_wtf.csrf import CSRFError

# (what is handled, status, title, message): each renders error.html.
ERROR_PAGES = (
    (CSRFError, 400, "This form has expired",
     "The page was open too long or you were signed out. Go back, reload the page, and try again."),
    (404, 404, "Not found", "There is nothing here, or it is not in your communities."),
    (413, 413, "Too large",
     "That was too much to send at once. A CSV of members should be under 512 KB: split a larger one into several files."),
    (405, 405, "Not found", "There is nothing here."),
)


def _error_page(status: int, title: str, message: str):
    def handler(error):
        return render_template("error.html", title=title, message=message), status
    return handler


def init_app(app: Flask) -> None:
    from service.web import webhooks
    from service.web.dashboard import (
        audit,
        auth,
        broadcast,
        buddies,
        common,
        member,
        members,
        now,
        replies,
        security,
        settings,
    )

    # Assigned, not setdefault: Flask already defines this key (31 days).
    app.config["PERMANENT_SESSION_LIFETIME"] = auth.SESSION_LIFETIME
    https = app.extensions["kinship"].settings.public_url.startswith("https://")
    security.init_app(app, https=https, exempt=[webhooks.bp])
    auth.init_app(app)
    common.init_app(app)
    for blueprint in (auth.bp, now.bp, replies.bp, members.bp, member.bp, buddies.bp, broadcast.bp, settings.bp, audit.bp):
        app.register_blueprint(blueprint)

    for handled, status, title, message in ERROR_PAGES:
        app.register_error_handler(handled, _error_page(status, title, message))
