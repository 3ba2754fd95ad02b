"""Each request measured and said once: one log line, and Twilio's webhooks timed.

The line has the method, the route's pattern (never the query string, which can carry a
search for a member's number), the status and the milliseconds; health checks and static
files are logged at DEBUG so they do not drown the rest. The webhook latency histogram is
this process's own (prometheus-client; multiprocess mode under gunicorn).
"""

from __future__ import annotations

import logging
import time

from flask import Flask, Response, g, request
from prometheus_client import Histogram

from service.telemetry.logs import event

log = logging.getLogger("kinship.requests")
QUIET_ROUTES = ("/healthz", "/static/", "/metrics")

WEBHOOK_SECONDS = Histogram(
    "kinship_webhook_duration_seconds",
    "Time to answer Twilio's webhooks, from the request reaching Flask to the response.",
    ["route", "status"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
)


def _started() -> None:
    g.request_started = time.perf_counter()


def _finished(response: Response) -> Response:
    started = g.get("request_started")
    if started is None:
        return response
    seconds = time.perf_counter() - started
    route = request.url_rule.rule if request.url_rule is not None else "(no route)"
    if route.startswith("/twilio/"):
        WEBHOOK_SECONDS.labels(route, str(response.status_code)).observe(seconds)
    level = logging.DEBUG if request.path.startswith(QUIET_ROUTES) else logging.INFO
    event(log, "request", level, method=request.method, route=route, status=response.status_code,
          ms=round(seconds * 1000, 1))
    return response


def init_app(app: Flask) -> None:
    app.before_request(_started)
    app.after_request(_finished)
