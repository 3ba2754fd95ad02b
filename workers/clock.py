"""The clock's schedule, declared as data for ``rq cron``: one scheduler pass a minute, on the
urgent lane so a long broadcast never delays check-ins and escalations.

rq cron does not catch up missed minutes and two cron processes both fire; neither matters,
because ``tick`` catches up from the database and is safe to run twice.
"""

from rq import cron

from workers.jobs import tick
from workers.queues import TICK_TIMEOUT, URGENT

cron.register(tick, queue_name=URGENT, cron="* * * * *", job_timeout=TICK_TIMEOUT, result_ttl=600)
