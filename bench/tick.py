"""How much a scheduler pass costs as a community grows while the number due stays the same.

`tick` finds who is due through the index on members.next_checkin_at, so its cost should
follow the members who are due, not the members there are. This prints the median time of
one pass (run and rolled back, as `tick --dry-run` does) for 100 members due out of 1,000,
10,000 and 50,000, on SQLite, and on PostgreSQL too when BENCH_DATABASE_URL is set.

    python bench/tick.py
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import insert, text  # noqa: E402

from service import tick as scheduler  # noqa: E402
from service.clock import parse_instant  # noqa: E402
from service.db import Database  # noqa: E402
from service.migrate import upgrade  # noqa: E402
from service.models import Base, Community, Member, MemberStatus  # noqa: E402
from service.settings import Settings  # noqa: E402

NOW = parse_instant("2026-11-30T16:00:00Z")
DUE = 100
SIZES = (1_000, 10_000, 50_000)
RUNS = 7


def populate(db: Database, members: int) -> None:
    with db.session() as session:
        for table in reversed(Base.metadata.sorted_tables):
            session.execute(table.delete())
        community = Community(name="Bench", timezone="America/Chicago", created_at=NOW)
        session.add(community)
        session.flush()
        rows = []
        for i in range(members):
            # DUE members are due now; the rest are spread over the coming week.
            due = NOW if i < DUE else NOW + timedelta(minutes=1 + (i * 7) % (7 * 24 * 60))
            rows.append({"community_id": community.id, "name": f"Member {i}", "phone": f"+1415{i:07d}",
                         "language": "en", "status": MemberStatus.ACTIVE, "next_checkin_at": due,
                         "next_slot_at": due, "consecutive_missed": 0, "buddy_opt_in": True,
                         "share_with_buddy": False, "created_at": NOW})
        session.execute(insert(Member), rows)
    with db.engine.begin() as connection:
        connection.execute(text("ANALYZE"))


def one_pass(db: Database) -> float:
    session = db.sessions()
    try:
        started = time.perf_counter()
        report = scheduler.run(session, NOW, Settings(send_rate_per_second=0))
        session.flush()
        elapsed = time.perf_counter() - started
        assert sum(1 for a in report.asked if a.checkin is not None) == DUE
        return elapsed
    finally:
        session.rollback()
        session.close()


def bench(name: str, url: str) -> None:
    upgrade(url)
    db = Database(url)
    print(f"{name}: one tick with {DUE} members due (median of {RUNS})")
    baseline = None
    for size in SIZES:
        populate(db, size)
        one_pass(db)  # warm the caches
        median = statistics.median(one_pass(db) for _ in range(RUNS))
        baseline = baseline or median
        print(f"  {size:>6,} members: {median * 1000:7.1f} ms  ({median / baseline:.2f}x the 1,000-member pass)")
    db.dispose()


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        bench("SQLite", f"sqlite:///{folder}/bench.sqlite3")
    if os.environ.get("BENCH_DATABASE_URL"):
        bench("PostgreSQL", os.environ["BENCH_DATABASE_URL"])


if __name__ == "__main__":
    main()
