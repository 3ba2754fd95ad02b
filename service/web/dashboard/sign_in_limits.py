"""Sign-in limits that slow guessing down without ever locking a coordinator out.

- **Per address**: 20 failed sign-ins in 15 minutes, and that address waits out the rest of
  the window. An IPv6 address counts with its /64, which one household or phone is given.
- **Per account**, from a browser the account has not signed in on: after 5 failures in a
  row each further attempt waits 1, 2, 4 ... seconds after the last failure, never more than
  30, and the count is forgotten after 15 quiet minutes. Someone guessing slows the account
  down; nobody can lock its coordinator out for the quarter of an hour a crisis may need.
- **The device cookie** (OWASP's pattern, ``device_cookie``): a browser where the account
  signed in before is exempt from the account's slow-down, so guessing elsewhere never holds
  up the coordinator's own browser. Its failures count against that cookie alone; after 10
  in 15 minutes it is treated like any new browser. Per-address limits hold for every browser.

Counts live in Redis, shared by every web process. If Redis cannot be reached, sign-in still
works: the same limits are counted in this process alone (``FailOpenCounts``), and the log
says so once per outage. Times are the service clock's, in seconds.
"""

from __future__ import annotations

import ipaddress
import logging
import math
import threading
import time
from dataclasses import dataclass
from typing import Protocol

from redis import Redis
from redis.exceptions import RedisError

log = logging.getLogger(__name__)

WINDOW_SECONDS = 15 * 60
ADDRESS_FAILURES = 20
ACCOUNT_FREE_FAILURES = 5
ACCOUNT_LONGEST_WAIT = 30
DEVICE_FAILURES = 10
PREFIX = "kinship:sign-in"
LOCAL_KEYS = 10_000
# After Redis fails, try it again only after this long: each try may wait for a timeout.
REDIS_RETRY_SECONDS = 30


@dataclass(frozen=True)
class Count:
    failures: int
    last_at: float  # the latest failure, service clock
    expires_in: float  # seconds until the count is forgotten


class Counts(Protocol):
    def read(self, keys: list[str], now: float) -> list[Count | None]: ...

    def add(self, key: str, now: float, *, sliding: bool) -> None:
        """One more failure; the window starts at the first (or, ``sliding``, at the latest)."""

    def clear(self, key: str) -> None: ...


# Atomic, so a crash between the count and its expiry can never leave a key that never expires.
_ADD = """
local failures = redis.call('HINCRBY', KEYS[1], 'failures', 1)
redis.call('HSET', KEYS[1], 'last_at', ARGV[1])
if ARGV[3] == '1' or redis.call('TTL', KEYS[1]) < 0 then
  redis.call('EXPIRE', KEYS[1], ARGV[2])
end
return failures
"""


class RedisCounts:
    def __init__(self, redis: Redis):
        self.redis = redis
        self._add = redis.register_script(_ADD)

    def read(self, keys: list[str], now: float) -> list[Count | None]:
        pipe = self.redis.pipeline(transaction=False)
        for key in keys:
            pipe.hmget(key, "failures", "last_at")
            pipe.ttl(key)
        answers = pipe.execute()
        counts: list[Count | None] = []
        for (failures, last_at), ttl in zip(answers[::2], answers[1::2]):
            counts.append(Count(int(failures), float(last_at or 0), max(ttl, 0)) if failures else None)
        return counts

    def add(self, key: str, now: float, *, sliding: bool) -> None:
        self._add(keys=[key], args=[now, WINDOW_SECONDS, "1" if sliding else "0"])

    def clear(self, key: str) -> None:
        self.redis.delete(key)


class LocalCounts:
    """The same counts in this process's memory: what is left when Redis is away."""

    def __init__(self):
        self._counts: dict[str, tuple[int, float, float]] = {}  # failures, last_at, expires_at
        self._lock = threading.Lock()

    def read(self, keys: list[str], now: float) -> list[Count | None]:
        with self._lock:
            found = [self._counts.get(key) for key in keys]
        return [Count(f, last, expires - now) if f and expires > now else None for f, last, expires in
                (entry or (0, 0.0, 0.0) for entry in found)]

    def add(self, key: str, now: float, *, sliding: bool) -> None:
        with self._lock:
            failures, _, expires = self._counts.pop(key, (0, 0.0, 0.0))
            if expires <= now:
                failures, expires = 0, now + WINDOW_SECONDS
            if sliding:
                expires = now + WINDOW_SECONDS
            self._counts[key] = (failures + 1, now, expires)  # last in the dict: the most recent
            if len(self._counts) > LOCAL_KEYS:
                # Memory stays bounded however many addresses and emails are tried: the
                # least recently counted is forgotten first.
                del self._counts[next(iter(self._counts))]

    def clear(self, key: str) -> None:
        with self._lock:
            self._counts.pop(key, None)


class FailOpenCounts:
    """Redis's counts, or this process's own while Redis cannot be reached (said once in the log)."""

    def __init__(self, redis: Redis):
        self.shared = RedisCounts(redis)
        self.local = LocalCounts()
        self._redis_down_until = 0.0

    def read(self, keys: list[str], now: float) -> list[Count | None]:
        return self._call("read", keys, now)

    def add(self, key: str, now: float, *, sliding: bool) -> None:
        self._call("add", key, now, sliding=sliding)

    def clear(self, key: str) -> None:
        self._call("clear", key)

    def _call(self, name: str, *args, **kwargs):
        if time.monotonic() >= self._redis_down_until:
            try:
                answer = getattr(self.shared, name)(*args, **kwargs)
            except RedisError as error:
                if not self._redis_down_until:
                    log.warning("Redis cannot be reached (%s): sign-in limits are counted in this process only "
                                "until it is back", type(error).__name__)
                self._redis_down_until = time.monotonic() + REDIS_RETRY_SECONDS
            else:
                if self._redis_down_until:
                    log.info("Redis is back: sign-in limits are shared by every web process again")
                    self._redis_down_until = 0.0
                return answer
        return getattr(self.local, name)(*args, **kwargs)


@dataclass(frozen=True)
class Attempt:
    account: str  # the email as typed, lower-cased
    address: str  # the client's address
    device: str | None = None  # the nonce of this browser's device cookie for this account


@dataclass(frozen=True)
class Wait:
    seconds: int
    why: str  # "address" or "account"

    def words(self) -> str:
        if self.why == "address":
            return f"Too many attempts from your network. Try again in {duration_words(self.seconds)}."
        return (f"Several wrong passwords were just tried for this account, so it is slowed down. "
                f"Try again in {duration_words(self.seconds)}. A browser you have signed in on before "
                f"is not held up.")


class SignInLimits:
    def __init__(self, counts: Counts):
        self.counts = counts

    def wait(self, attempt: Attempt, now: float) -> Wait | None:
        """How long this attempt must wait before its password is even checked; None when it may go."""
        address, account, device = self.counts.read(self._keys(attempt), now)
        if address is not None and address.failures >= ADDRESS_FAILURES:
            return Wait(max(1, math.ceil(address.expires_in)), "address")
        if self._trusted(attempt, device) or account is None or account.failures < ACCOUNT_FREE_FAILURES:
            return None
        gap = min(2 ** (account.failures - ACCOUNT_FREE_FAILURES), ACCOUNT_LONGEST_WAIT)
        # At most the gap, even if the clock was set back (the demo's reset) since the failure.
        left = min(gap, math.ceil(account.last_at + gap - now))
        return Wait(left, "account") if left > 0 else None

    def failed(self, attempt: Attempt, now: float) -> None:
        address_key, account_key, device_key = self._keys(attempt)
        self.counts.add(address_key, now, sliding=False)
        if self._trusted(attempt, self.counts.read([device_key], now)[0]):
            self.counts.add(device_key, now, sliding=False)
        else:
            self.counts.add(account_key, now, sliding=True)

    def succeeded(self, attempt: Attempt) -> None:
        _, account_key, device_key = self._keys(attempt)
        # From the coordinator's own browser the account's count stays: whoever is guessing
        # elsewhere gets no fresh allowance from her signing in.
        self.counts.clear(device_key if attempt.device else account_key)

    def _trusted(self, attempt: Attempt, device: Count | None) -> bool:
        return attempt.device is not None and (device is None or device.failures < DEVICE_FAILURES)

    def _keys(self, attempt: Attempt) -> list[str]:
        return [f"{PREFIX}:address:{address_bucket(attempt.address)}", f"{PREFIX}:account:{attempt.account}",
                f"{PREFIX}:device:{attempt.device or '-'}"]


def address_bucket(address: str) -> str:
    """The address as counted: an IPv6 address by its /64, anything else as it is."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address
    if ip.version == 6 and ip.ipv4_mapped is None:
        return str(ipaddress.IPv6Network((int(ip) >> 64 << 64, 64)))
    return str(ip.ipv4_mapped if ip.version == 6 else ip)


def duration_words(seconds: int) -> str:
    if seconds < 60:
        return f"{seconds} second{'s' if seconds != 1 else ''}"
    minutes = math.ceil(seconds / 60)
    return f"{minutes} minute{'s' if minutes != 1 else ''}"
