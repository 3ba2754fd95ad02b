"""Starting the demo again: the seeded community, no texts, the clock back to the real time."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import delete

from service import clock
from service.demo.seed import seed
from service.demo.simulator.client import SimulatorClient
from service.models import Base
from workers.context import Context
from workers.queues import QUEUE_NAMES, queue


def reset_demo(context: Context, simulator: SimulatorClient) -> None:
    clock.set_offset(timedelta(0))
    for name in QUEUE_NAMES:
        queue(context.redis, name).empty()  # jobs for rows that are about to go
    with context.db.session() as session:
        for table in reversed(Base.metadata.sorted_tables):
            session.execute(delete(table))
    simulator.clear()
    # Seeded through the context's database, so the introductions wake the workers at once.
    with context.db.session() as session:
        seed(session, clock.utcnow())
