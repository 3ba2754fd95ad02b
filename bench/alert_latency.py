"""From a member's low reply to their buddy's alert accepted by the API: the urgent lane.

A paired member texts "2" (signed `POST /twilio/sms` on gunicorn as the Procfile runs it);
the webhook opens an alert and queues the buddy's text on the urgent lane; a `kinship
worker` sends it to a local stand-in for Twilio's API answering after --api-ms (50 ms). The
latency is from the reply's POST to the stand-in accepting the buddy's text. Prints p50 and
p99 over --replies replies (one per pair) idle, and again while a fan-out of --n check-ins
is being sent by the same workers (goals: p50 < 100 ms idle, p99 < 500 ms under load).

    python bench/alert_latency.py [--replies 25] [--n 2000] [--workers 2] [--api-ms 50]

Database: BENCH_DATABASE_URL (emptied) or a throwaway SQLite file; Redis: BENCH_REDIS_URL
(flushed) or a throwaway embedded one.
"""

from __future__ import annotations

import argparse
import os
import statistics
import threading
import time
from datetime import timedelta
from functools import partial

import _rig
import requests
from redis import Redis
from sqlalchemy import insert
from twilio.request_validator import RequestValidator
from webhook import free_port, serve

from service import clock
from service import tick as scheduler
from service.db import Database
from service.models import BuddyGroup, Community, Member, MemberStatus, PairingRound
from service.settings import Settings
from workers.context import wake_workers


def member_phone(i: int) -> str:
    return f"+1415555{i:04d}"


def buddy_phone(i: int) -> str:
    return f"+1415556{i:04d}"


def populate(db: Database, pairs: int, due: int, now) -> None:
    _rig.empty(db)
    with db.session() as session:
        # Quiet hours of one minute, far from when the bench runs: a buddy's alert is never held.
        community = Community(name="Bench", timezone="UTC", created_at=now, quiet_hours=_rig.quiet_hours_far_from(now, "UTC"),
                              send_rate_per_second=0)
        session.add(community)
        session.flush()
        round_ = PairingRound(community_id=community.id, score=1.0, summary="bench", created_at=now)
        session.add(round_)
        later = now + timedelta(days=1)
        common = {"community_id": community.id, "language": "en", "status": MemberStatus.ACTIVE,
                  "consecutive_missed": 0, "share_with_buddy": False, "created_at": now, "opted_in_at": now}
        for i in range(pairs):
            a, b = (Member(name=f"Member {i}", phone=member_phone(i), next_checkin_at=later, next_slot_at=later,
                           buddy_opt_in=True, **common),
                    Member(name=f"Buddy {i}", phone=buddy_phone(i), next_checkin_at=later, next_slot_at=later,
                           buddy_opt_in=True, **common))
            session.add_all([a, b])
            session.add(BuddyGroup(round=round_, community_id=community.id, active=True, members=[a, b]))
        session.flush()
        if due:
            session.execute(insert(Member), [
                {**common, "name": f"Due {i}", "phone": f"+1417{i:07d}", "next_checkin_at": now - timedelta(seconds=30),
                 "next_slot_at": now - timedelta(seconds=30), "buddy_opt_in": False} for i in range(due)])


def reply(port: int, public_url: str, i: int, run: str) -> float:
    """Post member i's low reply; return when it was posted (time.time())."""
    form = {"MessageSid": f"SM{run}{i:031d}", "AccountSid": _rig.ACCOUNT_SID, "From": member_phone(i),
            "To": _rig.FROM_NUMBER, "Body": "2", "NumMedia": "0"}
    signature = RequestValidator(_rig.AUTH_TOKEN).compute_signature(f"{public_url}/twilio/sms", form)
    posted = time.time()
    response = requests.post(f"http://127.0.0.1:{port}/twilio/sms", data=form,
                             headers={"X-Twilio-Signature": signature}, timeout=30)
    response.raise_for_status()
    return posted


def latencies(stand_in: _rig.StandIn, posted: dict[int, float], timeout: float = 120) -> list[float]:
    deadline = time.monotonic() + timeout
    while True:
        texted = stand_in.texted()
        if all(buddy_phone(i) in texted for i in posted) or time.monotonic() > deadline:
            break
        time.sleep(0.05)
    missing = [i for i in posted if buddy_phone(i) not in texted]
    if missing:
        raise RuntimeError(f"{len(missing)} buddies were never texted")
    return sorted((texted[buddy_phone(i)][0] - at) * 1000 for i, at in posted.items())


def percentile(values: list[float], p: float) -> float:
    return values[min(len(values) - 1, round(p / 100 * (len(values) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--replies", type=int, default=25)
    parser.add_argument("--n", type=int, default=2000, help="check-ins in the fan-out (default 2,000)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--api-ms", type=float, default=50)
    args = parser.parse_args()
    stand_in = _rig.StandIn(args.api_ms)
    port = free_port()
    public_url = f"http://127.0.0.1:{port}"
    try:
        with _rig.database_url() as database, _rig.redis_url() as redis_url:
            env = _rig.service_env(database, redis_url, stand_in.url, PUBLIC_URL=public_url)
            settings = Settings.from_env(env)
            redis = Redis.from_url(redis_url)
            redis.flushdb()
            db = Database(database, on_commit=partial(wake_workers, redis))
            now = clock.utcnow()
            populate(db, 2 * args.replies, args.n, now)
            web = serve("service:create_app()", env, port, _rig.ROOT)
            workers = _rig.start_workers(args.workers, env)
            try:
                _rig.wait_for_workers(redis, args.workers)
                stand_in.reset()
                idle = {}
                for i in range(args.replies):
                    idle[i] = reply(port, public_url, i, "1")
                    time.sleep(0.1)
                idle_ms = latencies(stand_in, idle)
                fan_out = threading.Thread(target=lambda: scheduler.run(db.sessions(), now, settings,
                                                                        commit_batches=True))
                fan_out.start()
                time.sleep(1.0)  # the first batches are being sent
                loaded = {}
                for i in range(args.replies, 2 * args.replies):
                    loaded[i] = reply(port, public_url, i, "2")
                    time.sleep(0.2)
                fan_out.join()
                loaded_ms = latencies(stand_in, loaded)
                sent_during = stand_in.count()
            finally:
                _rig.stop_workers(workers)
                web.terminate()
                web.wait(15)
                db.dispose()
                redis.connection_pool.disconnect()
    finally:
        stand_in.stop()
    print(f"{os.cpu_count()} cores (load average {os.getloadavg()[0]:.1f}); {args.workers} workers; API answers after {args.api_ms:.0f} ms; "
          f"{args.replies} low replies, one a pair")
    print(f"  idle:                         p50 {percentile(idle_ms, 50):6.0f} ms   p99 {percentile(idle_ms, 99):6.0f} ms")
    print(f"  during a {args.n:,} fan-out:     p50 {percentile(loaded_ms, 50):6.0f} ms   "
          f"p99 {percentile(loaded_ms, 99):6.0f} ms   ({sent_during:,} texts accepted by then)")
    print("  goals: p50 < 100 ms idle, p99 < 500 ms under load")


if __name__ == "__main__":
    main()
