"""The coordinators' dashboard: server-rendered pages, htmx for the live parts.

Blueprints by page -- auth, now, members, member, buddies, broadcast, settings, audit --
plus ``security`` (headers, CSRF, sign-in limits) and ``scoping`` (a coordinator's own
communities only). ``init_app`` plugs it into the app built by ``create_app``.
"""

from __future__ import annotations

from datetime import timedelta

from flask import Flask, render_template
from flask_wtf.csrf import CSRFError


def init_app(app: Flask) -> None:
    from service import webhooks
    from service.dashboard import audit, auth, broadcast, buddies, common, member, members, now, security, settings

    app.config.setdefault("PERMANENT_SESSION_LIFETIME", timedelta(hours=12))
    https = app.extensions["kinship"].settings.public_url.startswith("https://")
    security.init_app(app, https=https, exempt=[webhooks.bp])
    common.init_app(app)
    for blueprint in (auth.bp, now.bp, members.bp, member.bp, buddies.bp, broadcast.bp, settings.bp, audit.bp):
        app.register_blueprint(blueprint)

    @app.errorhandler(CSRFError)
    def _csrf_failed(error):
        return render_template("error.html", title="This form has expired",
                               message="The page was open too long or you were signed out. "
                                       "Go back, reload the page, and try again."), 400

    @app.errorhandler(404)
    def _not_found(error):
        return render_template("error.html", title="Not found",
                               message="There is nothing here, or it is not in your communities."), 404

    @app.errorhandler(413)
    def _too_large(error):
        return render_template("error.html", title="Too large",
                               message="That was too much to send at once. A CSV of members should be under 512 KB: "
                                       "split a larger one into several files."), 413

    @app.errorhandler(405)
    def _not_allowed(error):
        return render_template("error.html", title="Not found",
                               message="There is nothing here."), 405
