"""Building the Flask app: ``service.create_app()`` calls ``build_app``, and nothing else does."""

from __future__ import annotations

from pathlib import Path

from flask import Flask

from service import web
from service.settings import Settings
from service.telemetry import logs
from service.web import dashboard, health, metrics, observe, webhooks
from service.web.database_ids import IdConverter
from service.web.proxy import TrustedProxies
from workers import context as process_context


def build_app(settings: Settings) -> Flask:
    settings.require_twilio()
    logs.configure(settings)
    app = Flask("service", root_path=str(Path(__file__).parent))
    app.url_map.converters["int"] = IdConverter  # before any route is added
    app.config.update(
        SECRET_KEY=settings.require_secret_key(),
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_SECURE=settings.public_url.startswith("https://"),
        MAX_CONTENT_LENGTH=1024 * 1024,
    )
    if settings.proxy_hops:
        # Behind a proxy the client's address (sign-in limits, the audit log) is in X-Forwarded-For.
        hops = settings.proxy_hops
        app.wsgi_app = TrustedProxies(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)
    web.init_app(app, settings)
    observe.init_app(app)
    webhooks.init_app(app)
    health.init_app(app)
    metrics.init_app(app)
    dashboard.init_app(app)
    if settings.demo:  # the phone simulator exists only in `kinship demo`; production has no /simulator
        from service.demo import simulator

        simulator.init_app(app)
    return app


def warm_up(app: Flask) -> None:
    """Pay before the first request for what the first reply would otherwise wait for: the
    reader's patterns and model, the SMS templates, a database and a Redis connection.
    gunicorn calls it in each new worker; nothing is written or sent."""
    from service.reading import read_reply

    read_reply("warming up")
    process_context.warm_up(app.extensions["kinship"])
