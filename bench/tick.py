"""How much a scheduler pass costs: per member due, and as a community grows around them.

`tick` asks due members a batch at a time (one query to find them, one batch of
compare-and-sets to claim them, bulk inserts of their check-ins and texts), so its cost
should follow the members who are due, linearly, and not the members there are. This prints
the median time of one pass (run and rolled back, as `tick --dry-run` does):

- per member due, with 100, 2,000 and 10,000 due (goal on PostgreSQL: <= 0.5 ms each);
- 100 due among 1,000 members and among 100,000 (1,000,000 with --large), and the ratio
  (goal <= 1.5x).

On SQLite, and on PostgreSQL too when BENCH_DATABASE_URL is set (its tables are emptied).

    python bench/tick.py [--runs 3] [--large]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import _rig  # noqa: E402

from sqlalchemy import insert  # noqa: E402

from service import tick as scheduler  # noqa: E402
from service.clock import parse_instant  # noqa: E402
from service.db import Database  # noqa: E402
from service.migrate import upgrade  # noqa: E402
from service.models import Community, Member, MemberStatus  # noqa: E402
from service.settings import Settings  # noqa: E402

NOW = parse_instant("2026-11-30T16:00:00Z")
DUE_SIZES = (100, 2_000, 10_000)
CHUNK = 20_000


def populate(db: Database, members: int, due: int) -> None:
    _rig.empty(db)
    with db.session() as session:
        community = Community(name="Bench", timezone="America/Chicago", created_at=NOW)
        session.add(community)
        session.flush()
        community_id = community.id
    for start in range(0, members, CHUNK):
        rows = []
        for i in range(start, min(start + CHUNK, members)):
            # `due` members are due now; the rest are spread over the coming week.
            at = NOW if i < due else NOW + timedelta(minutes=1 + (i * 7) % (7 * 24 * 60))
            rows.append({"community_id": community_id, "name": f"Member {i}", "phone": f"+1415{i:07d}",
                         "language": "en", "status": MemberStatus.ACTIVE, "next_checkin_at": at,
                         "next_slot_at": at, "consecutive_missed": 0, "buddy_opt_in": True,
                         "share_with_buddy": False, "created_at": NOW})
        with db.session() as session:
            session.execute(insert(Member), rows)
    _rig.give_history(db, NOW)


def one_pass(db: Database, due: int) -> tuple[float, float]:
    """Wall-clock seconds of one pass, and the CPU seconds this process spent in it (steadier
    on a shared machine; the database server's own time is in the first only)."""
    session = db.sessions()
    try:
        started, cpu = time.perf_counter(), time.process_time()
        report = scheduler.run(session, NOW, Settings(send_rate_per_second=0))
        session.flush()
        elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
        assert sum(1 for a in report.asked if a.checkin is not None) == due
        return elapsed, cpu
    finally:
        session.rollback()
        session.close()


def median_pass(db: Database, due: int, runs: int) -> tuple[float, float]:
    one_pass(db, due)  # warm the caches
    passes = [one_pass(db, due) for _ in range(runs)]
    return statistics.median(w for w, _ in passes), statistics.median(c for _, c in passes)


def bench(name: str, url: str, runs: int, large: bool) -> None:
    upgrade(url)
    db = Database(url)
    print(f"{name}: one tick pass, median of {runs} runs")
    for due in DUE_SIZES:
        populate(db, due, due)
        median, cpu = median_pass(db, due, runs)
        print(f"  {due:>6,} due: {median * 1000:8.1f} ms  = {median * 1000 / due:.3f} ms per due member"
              f"   (CPU here {cpu * 1000 / due:.3f} ms each)")
    small = None
    for members in (1_000, 1_000_000 if large else 100_000):
        populate(db, members, 100)
        median, cpu = median_pass(db, 100, runs)
        small = small or median
        print(f"  100 due among {members:>9,} members: {median * 1000:7.1f} ms  ({median / small:.2f}x the 1,000-member pass;"
              f" CPU here {cpu * 1000:.1f} ms)")
    db.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--large", action="store_true", help="1,000,000 members instead of 100,000")
    args = parser.parse_args()
    print(f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}")
    with tempfile.TemporaryDirectory() as folder:
        bench("SQLite", f"sqlite:///{folder}/bench.sqlite3", args.runs, args.large)
    if os.environ.get("BENCH_DATABASE_URL"):
        bench("PostgreSQL", os.environ["BENCH_DATABASE_URL"], args.runs, args.large)


if __name__ == "__main__":
    main()
