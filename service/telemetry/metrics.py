"""The service-wide metrics: counters and histograms kept in Redis, read by ``GET /metrics``.

Texts are queued by the web process, the clock's tick and the CLI, sent by workers that may
run on other machines, and delivered through the web process's status callbacks: a count
kept in one process's memory would see a slice. So each event adds to a Redis hash (one
pipelined round trip), and ``Tally`` is also a prometheus-client collector that turns the
hashes into counters and histograms at scrape time. The web process under gunicorn adds its
counts up in memory and sends them once a second instead (``Tally.defer``): a round trip
per reply cost more CPU than the reply's own statements. RQ's forking worker runs each job in a
new process, which rules out prometheus-client's per-process files for the same reason.

What the web process measures about itself (webhook latency) stays in prometheus-client,
in its multiprocess mode under gunicorn (``service.web.metrics``).

Metrics are not the truth (the database is): a Redis outage loses a few counts, logged once,
and never fails the work being counted. A flushed Redis looks to Prometheus like a restart.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from typing import TYPE_CHECKING

from redis import Redis
from redis.exceptions import RedisError

if TYPE_CHECKING:
    from prometheus_client.core import Metric

log = logging.getLogger(__name__)

PREFIX = "kinship:metrics:"
# A reply's alert is timed until its first text is accepted, or for a day at most.
CLOCK_TTL = 24 * 3600


@dataclass(frozen=True)
class Definition:
    name: str  # without the _total suffix for counters (prometheus-client adds it)
    help: str
    labels: tuple[str, ...] = ()
    buckets: tuple[float, ...] | None = None  # a histogram when given

    @property
    def key(self) -> str:
        return PREFIX + self.name


TEXTS_QUEUED = Definition("kinship_texts_queued", "Texts put in the outbox, by kind.", ("kind",))
TEXTS_SENT = Definition(
    "kinship_texts_sent", "Texts Twilio accepted, or answered in a webhook's TwiML, by kind.", ("kind",))
TEXTS_DELIVERED = Definition("kinship_texts_delivered", "Texts the carrier reported delivered, by kind.", ("kind",))
TEXTS_FAILED = Definition(
    "kinship_texts_failed",
    "Texts given up on: refused by Twilio, undelivered or failed for good, by kind and Twilio error code.",
    ("kind", "error_code"))
TEXTS_RETRIED = Definition(
    "kinship_texts_retried", "Attempts that failed for a passing reason and will be tried again.", ("kind", "error_code"))
ALERTS_OPENED = Definition("kinship_alerts_opened", "Alerts opened, by kind and reason.", ("kind", "reason"))
ALERT_FIRST_TEXT = Definition(
    "kinship_alert_first_text_seconds",
    "From a member's reply opening an alert to the first buddy or coordinator text Twilio accepted.",
    ("kind",),
    buckets=(0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 300, 900, 3600, 8 * 3600, 16 * 3600))
TICK_DURATION = Definition(
    "kinship_tick_duration_seconds", "How long one scheduler pass took.",
    buckets=(0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300))

DEFINITIONS = (TEXTS_QUEUED, TEXTS_SENT, TEXTS_DELIVERED, TEXTS_FAILED, TEXTS_RETRIED, ALERTS_OPENED,
               ALERT_FIRST_TEXT, TICK_DURATION)


def _field(labels: tuple[str, ...]) -> str:
    return json.dumps(list(labels), separators=(",", ":"))


def _bucket(buckets: tuple[float, ...], value: float) -> str:
    for bound in buckets:
        if value <= bound:
            return repr(float(bound))
    return "+Inf"


class Tally:
    """Counters and histograms in Redis hashes: one hash per metric, one field per label set."""

    def __init__(self, redis: Redis):
        self.redis = redis
        self._batch = threading.local()  # the web process answers on several threads
        self._deferred: _Deferred | None = None

    def defer(self, seconds: float) -> None:
        """From now on, add counts up in this process and send them every ``seconds``, in one
        round trip for every request answered meanwhile (the web process under gunicorn, where
        a round trip per reply costs more CPU than the reply's own SQL statements). Clocks
        still go at once: a worker may stop one a moment later. Counts not yet sent when the
        process dies are lost, as in a Redis outage."""
        if self._deferred is None:
            self._deferred = _Deferred(self, seconds)

    def send_deferred(self) -> None:
        """Send the counts added up so far (a scrape, the process's exit); a no-op otherwise."""
        if self._deferred is not None:
            self._deferred.send()

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Send every count made inside the block in one round trip, at its end."""
        if getattr(self._batch, "pipe", None) is not None:
            yield
            return
        pipe = self._batch.pipe = self.redis.pipeline(transaction=False)
        if self._deferred is not None:
            self._batch.pipe = _Adding(self._deferred, pipe)
        try:
            yield
        finally:
            self._batch.pipe = None
            if len(pipe):  # a deferred batch of counts alone has nothing to send now
                try:
                    pipe.execute()
                except RedisError as error:
                    log.warning("metrics: Redis is unavailable, counts are lost: %s", error)

    def count(self, metric: Definition, *labels: str, amount: int = 1) -> None:
        self._write(lambda pipe: pipe.hincrby(metric.key, _field(labels), amount))

    def observe(self, metric: Definition, value: float, *labels: str) -> None:
        field = _field(labels)

        def write(pipe) -> None:
            pipe.hincrby(metric.key, f"{field}|{_bucket(metric.buckets, value)}", 1)
            pipe.hincrbyfloat(metric.key, f"{field}|sum", value)

        self._write(write)

    def start_clock(self, name: str, labels: tuple[str, ...] = (), at: float | None = None) -> None:
        """Note when something began (a reply opened an alert), for ``stop_clock`` to time."""
        started = json.dumps([time.time() if at is None else at, list(labels)])
        self._write(lambda pipe: pipe.set(f"{PREFIX}clock:{name}", started, ex=CLOCK_TTL, nx=True))

    def stop_clock(self, name: str) -> tuple[float, tuple[str, ...]] | None:
        """Seconds since ``start_clock(name)`` and its labels, the first time only (None after)."""
        try:
            stored = self.redis.getdel(f"{PREFIX}clock:{name}")
        except RedisError as error:
            log.warning("metrics: Redis is unavailable, a measurement is lost: %s", error)
            return None
        if stored is None:
            return None
        started, labels = json.loads(stored)
        return max(time.time() - started, 0.0), tuple(labels)

    def _write(self, write) -> None:
        batched = getattr(self._batch, "pipe", None)
        if batched is not None:
            write(batched)
            return
        try:
            with self.redis.pipeline(transaction=False) as pipe:
                write(pipe if self._deferred is None else _Adding(self._deferred, pipe))
                if len(pipe):
                    pipe.execute()
        except RedisError as error:
            log.warning("metrics: Redis is unavailable, a count is lost: %s", error)

    # -- a prometheus-client collector --------------------------------------------------

    # prometheus-client is imported only here, at a scrape: a worker sending a text never needs it.
    def collect(self) -> Iterator[Metric]:
        with self.redis.pipeline(transaction=False) as pipe:
            for metric in DEFINITIONS:
                pipe.hgetall(metric.key)
            stored = pipe.execute()
        for metric, fields in zip(DEFINITIONS, stored, strict=True):
            values = {k.decode(): v.decode() for k, v in fields.items()}
            yield self._histogram(metric, values) if metric.buckets else self._counter(metric, values)

    @staticmethod
    def _counter(metric: Definition, values: dict[str, str]) -> Metric:
        from prometheus_client.core import CounterMetricFamily

        family = CounterMetricFamily(metric.name, metric.help, labels=metric.labels)
        for field, value in sorted(values.items()):
            family.add_metric(json.loads(field), float(value))
        return family

    @staticmethod
    def _histogram(metric: Definition, values: dict[str, str]) -> Metric:
        from prometheus_client.core import HistogramMetricFamily
        from prometheus_client.utils import floatToGoString

        family = HistogramMetricFamily(metric.name, metric.help, labels=metric.labels)
        series: dict[str, dict[str, float]] = {}
        for key, value in values.items():
            field, _, part = key.rpartition("|")
            series.setdefault(field, {})[part] = float(value)
        bounds = [repr(float(b)) for b in metric.buckets] + ["+Inf"]
        for field, parts in sorted(series.items()):
            running, cumulative = 0.0, []
            for bound in bounds:
                running += parts.get(bound, 0.0)
                cumulative.append((bound if bound == "+Inf" else floatToGoString(float(bound)), running))
            family.add_metric(json.loads(field), cumulative, parts.get("sum", 0.0))
        return family


class _Deferred:
    """Counts added up in this process, sent by a daemon thread every few seconds."""

    def __init__(self, tally: Tally, seconds: float):
        self.tally = tally
        self.seconds = seconds
        self.lock = threading.Lock()
        self.counts: dict[tuple[str, str], int] = {}
        self.sums: dict[tuple[str, str], float] = {}
        threading.Thread(target=self._run, name="kinship-metrics", daemon=True).start()

    def add(self, key: str, field: str, amount: int) -> None:
        with self.lock:
            self.counts[(key, field)] = self.counts.get((key, field), 0) + amount

    def add_float(self, key: str, field: str, amount: float) -> None:
        with self.lock:
            self.sums[(key, field)] = self.sums.get((key, field), 0.0) + amount

    def send(self) -> None:
        with self.lock:
            counts, self.counts = self.counts, {}
            sums, self.sums = self.sums, {}
        if not counts and not sums:
            return
        try:
            with self.tally.redis.pipeline(transaction=False) as pipe:
                for (key, field), amount in counts.items():
                    pipe.hincrby(key, field, amount)
                for (key, field), amount in sums.items():
                    pipe.hincrbyfloat(key, field, amount)
                pipe.execute()
        except RedisError as error:
            log.warning("metrics: Redis is unavailable, counts are lost: %s", error)

    def _run(self) -> None:
        while True:
            time.sleep(self.seconds)
            self.send()


class _Adding:
    """A pipeline's face for ``Tally``'s writes: counts are added up in-process, the rest goes
    into the real pipeline."""

    def __init__(self, deferred: _Deferred, pipe):
        self.deferred = deferred
        self.pipe = pipe

    def hincrby(self, key: str, field: str, amount: int) -> None:
        self.deferred.add(key, field, amount)

    def hincrbyfloat(self, key: str, field: str, amount: float) -> None:
        self.deferred.add_float(key, field, amount)

    def __getattr__(self, name: str):
        return getattr(self.pipe, name)


_installed: Tally | None = None


def install(tally: Tally | None) -> Tally | None:
    """Record this process's events in ``tally`` (None: record nothing); returns the one before,
    for ``uninstall`` to put back."""
    global _installed
    previous, _installed = _installed, tally
    return previous


def uninstall(tally: Tally, previous: Tally | None) -> None:
    """``tally``'s owner is closing: put back what it replaced, if nothing replaced it since."""
    if _installed is tally:
        install(previous)


def installed() -> Tally | None:
    return _installed
