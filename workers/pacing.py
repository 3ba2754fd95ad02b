"""Pacing sends per sender number, shared by every worker through Redis.

A generic cell rate algorithm: each send reserves the next free slot for its sender and
sleeps until it, so a fan-out of thousands is spread at the carrier's rate instead of being
dropped or rejected (1 message a second is a US long code's rate).
"""

from __future__ import annotations

import time

from redis import Redis

_RESERVE = """
local t = redis.call('TIME')
local now = tonumber(t[1]) + tonumber(t[2]) / 1000000
local interval = tonumber(ARGV[1])
local tat = tonumber(redis.call('GET', KEYS[1]) or '0')
if tat < now then tat = now end
redis.call('SET', KEYS[1], tostring(tat + interval), 'PX', math.ceil((tat + interval - now) * 1000) + 1000)
return tostring(tat - now)
"""


class Pacer:
    """The shared limiter. Its rate is the settings' default; a community may set its own
    (``communities.send_rate_per_second``), and 0 turns pacing off for that sender."""

    def __init__(self, redis: Redis, per_second: float):
        self.redis = redis
        self.per_second = per_second
        self._reserve = redis.register_script(_RESERVE)

    def reserve(self, sender: str, per_second: float | None = None) -> float:
        """Reserve the next slot for ``sender``; return how many seconds to wait for it."""
        rate = self.per_second if per_second is None else per_second
        if rate <= 0:
            return 0.0
        return float(self._reserve(keys=[f"kinship:pace:{sender}"], args=[1.0 / rate]))

    def __call__(self, sender: str, per_second: float | None = None) -> None:
        wait = self.reserve(sender, per_second)
        if wait > 0:
            time.sleep(wait)
