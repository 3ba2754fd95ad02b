"""A fan-out: N members due at once, from one tick to every text accepted by the API.

Against a local stand-in for Twilio's Messages API that answers after --api-ms (50 ms by
default), pacing off, it times:

- Kinship: one `tick` pass (batches committed as it goes, workers woken per batch) and
  --workers `kinship worker` processes sending, until the stand-in has accepted all N;
- the bare `twilio` client sending N texts on as many threads as those workers have in all
  (workers x 8), the most the same API allows at that concurrency;

and prints texts a second for each, the ratio (goal >= 0.8x), and the largest resident
memory of a worker during the fan-out (goal < 200 MB). Medians of --runs runs.

    python bench/fanout.py [--n 2000] [--workers 2] [--api-ms 50] [--runs 3] [--fork]

Database: BENCH_DATABASE_URL (emptied) or a throwaway SQLite file; Redis: BENCH_REDIS_URL
(flushed) or a throwaway embedded one.
"""

from __future__ import annotations

import argparse
import os
import statistics
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from functools import partial

import _rig
from redis import Redis
from sqlalchemy import insert

from service import clock
from service import tick as scheduler
from service.db import Database
from service.messaging.sending import CONCURRENCY
from service.messaging.twilio_gateway import make_client
from service.models import Community, Member, MemberStatus
from service.settings import Settings
from workers.context import wake_workers

CHUNK = 20_000


def populate(db: Database, n: int, now) -> None:
    _rig.empty(db)
    with db.session() as session:
        # Pacing off for this community's sender: the bench measures what the API allows.
        community = Community(name="Bench", timezone="America/Chicago", created_at=now, send_rate_per_second=0,
                              quiet_hours=_rig.quiet_hours_far_from(now, "America/Chicago"))
        session.add(community)
        session.flush()
        community_id = community.id
    for start in range(0, n, CHUNK):
        with db.session() as session:
            session.execute(insert(Member), [
                {"community_id": community_id, "name": f"Member {i}", "phone": f"+1415{i:07d}", "language": "en",
                 "status": MemberStatus.ACTIVE, "next_checkin_at": now, "next_slot_at": now, "consecutive_missed": 0,
                 "buddy_opt_in": True, "share_with_buddy": False, "created_at": now}
                for i in range(start, min(start + CHUNK, n))
            ])
    _rig.give_history(db, now)


def kinship_run(args, settings: Settings, redis: Redis, stand_in: _rig.StandIn, workers) -> tuple[float, float]:
    """Seconds from the tick's start to the last text accepted, and the largest worker RSS."""
    now = clock.utcnow().replace(second=0, microsecond=0) - timedelta(minutes=1)
    db = Database(settings.database_url, on_commit=partial(wake_workers, redis))
    populate(db, args.n, now)
    stand_in.reset()
    peak = [0.0]
    done = threading.Event()

    def watch_memory() -> None:
        while not done.is_set():
            peak[0] = max([peak[0]] + [_rig.rss_mb(w.pid) for w in workers])
            done.wait(0.2)

    watcher = threading.Thread(target=watch_memory, daemon=True)
    watcher.start()
    started = time.perf_counter()
    with db.session() as session:
        scheduler.run(session, now, settings, commit_batches=True)
    finished = stand_in.wait_for(args.n, timeout=600)
    done.set()
    watcher.join()
    db.dispose()
    return finished - started, peak[0]


def bare_client_run(args, settings: Settings, stand_in: _rig.StandIn) -> float:
    client = make_client(settings, connections=args.workers * CONCURRENCY)
    stand_in.reset()

    def send(i: int) -> None:
        client.messages.create(to=f"+1415{i:07d}", from_=_rig.FROM_NUMBER, body="Hi Member, how are you today?",
                               status_callback=settings.status_callback_url())

    started = time.perf_counter()
    with ThreadPoolExecutor(args.workers * CONCURRENCY) as pool:
        list(pool.map(send, range(args.n)))
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=2000, help="members due (default 2,000)")
    parser.add_argument("--workers", type=int, default=2, help="worker processes (default 2)")
    parser.add_argument("--api-ms", type=float, default=50)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--fork", action="store_true", help="forking workers (kinship worker --fork)")
    args = parser.parse_args()
    stand_in = _rig.StandIn(args.api_ms)
    try:
        with _rig.database_url() as database, _rig.redis_url() as redis_url:
            env = _rig.service_env(database, redis_url, stand_in.url)
            settings = Settings.from_env(env)
            redis = Redis.from_url(redis_url)
            redis.flushdb()
            workers = _rig.start_workers(args.workers, env, fork=args.fork)
            try:
                _rig.wait_for_workers(redis, args.workers)
                runs = [kinship_run(args, settings, redis, stand_in, workers) for _ in range(args.runs)]
            finally:
                _rig.stop_workers(workers)
            bare = [bare_client_run(args, settings, stand_in) for _ in range(args.runs)]
            redis.connection_pool.disconnect()
    finally:
        stand_in.stop()
    ours = statistics.median(s for s, _ in runs)
    theirs = statistics.median(bare)
    kind = "forking" if args.fork else "in-process"
    print(f"{os.cpu_count()} cores (load average {os.getloadavg()[0]:.1f}); {args.n:,} due; API answers after {args.api_ms:.0f} ms; pacing off; "
          f"median of {args.runs} runs")
    print(f"  kinship, {args.workers} {kind} workers x {CONCURRENCY} threads: {ours:6.2f} s  "
          f"{args.n / ours:7.1f} texts/s (tick included)")
    print(f"  bare twilio client, {args.workers * CONCURRENCY} threads:      {theirs:6.2f} s  {args.n / theirs:7.1f} texts/s")
    print(f"  ratio: {theirs / ours:.2f}x the bare client (goal >= 0.8x)")
    print(f"  largest worker RSS during the fan-out: {max(m for _, m in runs):.0f} MB (goal < 200 MB)")


if __name__ == "__main__":
    main()
