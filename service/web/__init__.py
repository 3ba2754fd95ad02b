"""The web process: thin Flask adapters over the rooms below, and the request's share of the service.

- ``webhooks``: Twilio's signed ``/twilio/sms`` and ``/twilio/status``, whose fields
  ``twilio_form`` reads strictly;
- ``health``: ``/healthz``; ``metrics``: ``/metrics`` for a Prometheus scraper;
- ``observe``: each request measured and logged in one line;
- ``dashboard/``: the coordinators' pages;
- ``proxy`` (the ``X-Forwarded-*`` headers of trusted proxies) and ``database_ids`` (ids in
  URLs and forms), which ``app`` installs for every route.

This module holds what every view uses: ``init_app`` builds the process's database and Redis
in ``create_app``; ``settings()``, ``context()`` and ``session()`` (one session a request,
closed when it ends). Flask is imported here and in ``service.demo`` only; nothing below
``web`` imports it.
"""

from __future__ import annotations

from flask import Flask, current_app, g
from sqlalchemy.orm import Session

from service.settings import Settings
from workers.context import Context, build


def init_app(app: Flask, settings: Settings) -> None:
    app.extensions["kinship"] = build(settings)
    app.teardown_appcontext(_close_session)


def context() -> Context:
    return current_app.extensions["kinship"]


def settings() -> Settings:
    return context().settings


def session() -> Session:
    """This request's session; committed by the view, closed when the request ends."""
    if "db_session" not in g:
        g.db_session = context().db.sessions()
    return g.db_session


def _close_session(_error: BaseException | None) -> None:
    db_session = g.pop("db_session", None)
    if db_session is not None:
        db_session.close()
