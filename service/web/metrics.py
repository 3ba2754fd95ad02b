"""``GET /metrics``: Prometheus' text format, for a scraper holding the bearer token.

Off (404) unless ``KINSHIP_METRICS_TOKEN`` is set. Three sources in one answer: this web
process's own measurements (all gunicorn workers' together in multiprocess mode, when
``PROMETHEUS_MULTIPROC_DIR`` is set), the service-wide counters every process keeps in Redis
(``service.telemetry.metrics``), and the live gauges read at the scrape
(``service.operations.gauges``). The metric names are listed in the README's "Monitoring".
"""

from __future__ import annotations

import hmac
from collections.abc import Iterator

from flask import Flask, Response, abort, request
from prometheus_client import CONTENT_TYPE_LATEST, REGISTRY, CollectorRegistry, generate_latest
from prometheus_client.core import Metric
from prometheus_client.multiprocess import MultiProcessCollector
from redis.exceptions import RedisError

from service import clock, web
from service.operations import gauges
from service.telemetry.metrics import Tally


class _Scrape:
    """Everything one answer holds; ``generate_latest`` only asks for ``collect()``."""

    def collect(self) -> Iterator[Metric]:
        settings = web.settings()
        if settings.metrics_dir:
            process = CollectorRegistry()
            MultiProcessCollector(process, path=settings.metrics_dir)
            yield from process.collect()
        else:
            yield from REGISTRY.collect()
        redis = web.context().redis
        context_tally = web.context().tally
        if context_tally is not None:
            context_tally.send_deferred()  # this process's own counts; the others' follow within a second
        try:
            yield from Tally(redis).collect()
        except RedisError:
            pass  # kinship_up{part="redis"} below says so
        yield from gauges.collect(web.session(), redis, clock.utcnow())


def metrics() -> Response:
    token = web.settings().metrics_token
    if not token:
        abort(404)
    scheme, _, given = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), token.encode()):
        return Response("a bearer token is required\n", 401, {"WWW-Authenticate": 'Bearer realm="kinship metrics"'},
                        content_type="text/plain; charset=utf-8")
    return Response(generate_latest(_Scrape()), content_type=CONTENT_TYPE_LATEST)


def init_app(app: Flask) -> None:
    app.add_url_rule("/metrics", "metrics", metrics)
