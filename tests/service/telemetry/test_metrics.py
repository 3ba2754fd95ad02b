"""``Tally``: counts sent at once, or added up in-process and sent together (the web process)."""

from __future__ import annotations

import json

from service.telemetry import metrics
from service.telemetry.metrics import Tally


def _count(redis, metric: metrics.Definition, *labels: str) -> int | None:
    stored = redis.hget(metric.key, json.dumps(list(labels), separators=(",", ":")))
    return None if stored is None else int(stored)


def test_a_count_reaches_redis_at_once_by_default(redis):
    tally = Tally(redis)
    tally.count(metrics.TEXTS_SENT, "thanks")
    with tally.batch():
        tally.count(metrics.TEXTS_SENT, "thanks")
    assert _count(redis, metrics.TEXTS_SENT, "thanks") == 2


def test_deferred_counts_are_added_up_and_sent_together_while_clocks_go_at_once(redis):
    tally = Tally(redis)
    tally.defer(3600)  # the thread never sends within the test: send_deferred does
    for _ in range(3):
        with tally.batch():
            tally.count(metrics.TEXTS_SENT, "thanks")
            tally.start_clock("alert:1", ("support",))
    tally.count(metrics.TEXTS_SENT, "thanks_unprompted")
    tally.observe(metrics.TICK_DURATION, 0.2)
    tally.observe(metrics.TICK_DURATION, 0.3)
    assert _count(redis, metrics.TEXTS_SENT, "thanks") is None
    assert redis.hgetall(metrics.TICK_DURATION.key) == {}
    assert tally.stop_clock("alert:1")[1] == ("support",)  # a worker may stop it before the counts go

    tally.send_deferred()
    assert _count(redis, metrics.TEXTS_SENT, "thanks") == 3
    assert _count(redis, metrics.TEXTS_SENT, "thanks_unprompted") == 1
    histogram = {k.decode(): float(v) for k, v in redis.hgetall(metrics.TICK_DURATION.key).items()}
    assert histogram == {"[]|0.25": 1.0, "[]|0.5": 1.0, "[]|sum": 0.5}
    tally.send_deferred()  # sent once: nothing doubled
    assert _count(redis, metrics.TEXTS_SENT, "thanks") == 3
