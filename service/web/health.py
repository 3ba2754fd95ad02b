"""``GET /healthz``: can this process reach its database and its Redis?"""

from __future__ import annotations

from flask import Flask, jsonify
from redis.exceptions import RedisError
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from service import web


def healthz():
    checks = {"database": "ok", "redis": "ok"}
    try:
        web.session().execute(text("SELECT 1"))
    except SQLAlchemyError as error:
        checks["database"] = f"error: {type(error).__name__}"
    try:
        web.context().redis.ping()
    except RedisError as error:
        checks["redis"] = f"error: {type(error).__name__}"
    healthy = all(value == "ok" for value in checks.values())
    return jsonify(status="ok" if healthy else "unavailable", **checks), 200 if healthy else 503


def init_app(app: Flask) -> None:
    app.add_url_rule("/healthz", "healthz", healthz)
