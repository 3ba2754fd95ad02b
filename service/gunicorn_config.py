"""gunicorn's settings for the web process: ``gunicorn --config python:service.gunicorn_config``.

Read once by the gunicorn master, before it forks its workers (command-line flags such as
``--bind`` and ``--workers`` still apply on top):

- **Logs.** gunicorn's own lines go through Kinship's one-line format (``KINSHIP_LOG_FORMAT``);
  there is no access log, because the app writes one line per request itself, without the
  query string (``service.web.observe``).
- **Counts.** Each worker adds its counts (texts answered, alerts opened) up in memory and
  sends them to Redis once a second (``COUNTS_EVERY``), not in a round trip per reply; the
  rest when it exits.
- **Metrics.** prometheus-client's multiprocess mode, so ``/metrics`` adds up every worker's
  measurements: each worker writes its own files under ``PROMETHEUS_MULTIPROC_DIR``. The
  library reads that variable itself when a worker imports it, so when the operator has not
  set it, this module sets it (to a fresh directory) before any worker starts: the one place
  outside ``Settings`` that touches the environment, and only to hand the library its
  directory. The directory is emptied when the master starts (a previous run's counts are
  not this one's) and a dead worker's live gauges are dropped.
- **Warm-up.** Each new worker loads the reader and the SMS templates and connects to the
  database and Redis before its first request (``post_worker_init``).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from gunicorn.glogging import Logger

from service.settings import Settings
from service.telemetry import logs

_settings = Settings.from_env()
_made_dir: str | None = None
if not _settings.metrics_dir:
    _made_dir = tempfile.mkdtemp(prefix="kinship-metrics-")
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = _made_dir
logs.configure(_settings)

COUNTS_EVERY = 1.0  # seconds
accesslog = None  # one line per request comes from the app instead


class OneLineLogger(Logger):
    """gunicorn's error log, in Kinship's format: its handlers give way to the root's."""

    def setup(self, cfg) -> None:
        super().setup(cfg)
        for log in (self.error_log, self.access_log):
            log.handlers.clear()
            log.propagate = True


logger_class = OneLineLogger


def on_starting(server) -> None:
    directory = Path(os.environ["PROMETHEUS_MULTIPROC_DIR"])
    directory.mkdir(parents=True, exist_ok=True)
    for stale in directory.glob("*.db"):
        stale.unlink()


def child_exit(server, worker) -> None:
    from prometheus_client import multiprocess

    multiprocess.mark_process_dead(worker.pid)


def on_exit(server) -> None:
    if _made_dir is not None:
        shutil.rmtree(_made_dir, ignore_errors=True)


def post_worker_init(worker) -> None:
    """The app is loaded in the worker by now: warm it, so the first member's reply is not the
    one that pays for loading the reader and connecting (about 0.8 s); and count in memory."""
    from service.telemetry import metrics
    from service.web.app import warm_up

    if "kinship" in getattr(worker.wsgi, "extensions", {}):
        # Not for any other app served with this config, such as bench/webhook.py's minimal one.
        warm_up(worker.wsgi)
    tally = metrics.installed()  # the app's, built in this worker
    if tally is not None:
        tally.defer(COUNTS_EVERY)


def worker_exit(server, worker) -> None:
    from service.telemetry import metrics

    tally = metrics.installed()
    if tally is not None:
        tally.send_deferred()
