"""``kinship demo``: the whole service on one machine, with no accounts and nothing to install.

SQLite under ``instance/``, an embedded Redis, the local Twilio API (delivering status
callbacks as Twilio would), and the three production processes — web (gunicorn), worker
and clock — started as children with the same settings production reads. Ctrl-C stops all.

The console stays quiet: the two URLs in a box at the start and again every few minutes, and
the processes' own logs (worker, clock, web access) in ``demo.log`` beside the database
(``instance/demo.log``), unless ``--verbose`` puts them on the console too.

The demo has one clock for all its processes, which the phone simulator (``/simulator``) moves
forward: its offset lives in Redis (``service.clock.SharedOffset``), and is kept in a file
beside the database between runs, so the stored times never lie in the clock's future.
"""

from __future__ import annotations

import os
import secrets
import signal
import subprocess
import sys
import time
import urllib.request
from datetime import timedelta
from functools import partial
from pathlib import Path

from redis import Redis

from service import clock
from service.db import Database
from service.demo.embedded_redis import EmbeddedRedis
from service.demo.seed import COMMUNITY, COORDINATOR_EMAIL, COORDINATOR_PASSWORD, seed
from service.demo.twilio_simulator import TwilioSimulator
from service.migrate import upgrade
from service.settings import DEFAULT_DATABASE_URL, INSTANCE_DIR, Settings
from service.telemetry import logs
from workers.context import wake_workers

DEMO_ACCOUNT_SID = "AC" + "d" * 32
DEMO_FROM_NUMBER = "+15005550006"


def _kept_secret(name: str) -> str:
    """A random secret made on first run and kept under instance/, so sessions survive restarts."""
    path = INSTANCE_DIR / name
    if not path.exists():
        INSTANCE_DIR.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_hex(32))
        path.chmod(0o600)
    return path.read_text().strip()


def _wait_for(url: str, processes: list[subprocess.Popen], timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if any(p.poll() is not None for p in processes):
            raise SystemExit("kinship demo: a process exited while starting; see the output above")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"kinship demo: {url} did not answer within {timeout:.0f} s")


def _offset_file(database_url: str) -> Path:
    """Where the clock's offset waits between runs: beside the demo's SQLite file."""
    if database_url.startswith("sqlite:///"):
        return Path(database_url.removeprefix("sqlite:///") + ".clock-offset")
    return INSTANCE_DIR / "demo.clock-offset"


def _restore_offset(path: Path) -> None:
    try:
        clock.set_offset(timedelta(seconds=int(path.read_text().strip() or 0)))
    except (OSError, ValueError):
        clock.set_offset(timedelta(0))


def _interrupt(_signum, _frame) -> None:
    raise KeyboardInterrupt


def _log_file(database_url: str) -> Path:
    """Where the processes' logs go: beside the demo's SQLite file (instance/demo.log)."""
    if database_url.startswith("sqlite:///"):
        return Path(database_url.removeprefix("sqlite:///")).with_name("demo.log")
    return INSTANCE_DIR / "demo.log"


def banner(public_url: str, log_file: Path | None) -> str:
    """The two URLs, in a box: what a newcomer needs from a console full of other lines."""
    rows = [
        "Kinship is running",
        "",
        f"phones:     {public_url}/simulator   (start here)",
        f"dashboard:  {public_url}/",
        f"sign in as  {COORDINATOR_EMAIL} / {COORDINATOR_PASSWORD}",
        "",
        f"logs: {log_file}" if log_file else "logs: on this console (--verbose)",
        "Ctrl-C stops everything.",
    ]
    width = max(len(row) for row in rows)
    return "\n".join(["┌" + "─" * (width + 2) + "┐", *(f"│ {row:<{width}} │" for row in rows), "└" + "─" * (width + 2) + "┘"])


def run(port: int = 5000, fresh: bool = False, verbose: bool = False, banner_every: float = 300) -> None:
    # Ctrl-C and a plain `kill` both stop everything this command started, even when it was
    # launched with SIGINT ignored (as background jobs of a script are).
    signal.signal(signal.SIGINT, _interrupt)
    signal.signal(signal.SIGTERM, _interrupt)
    database_url = os.environ.get("DATABASE_URL") or DEFAULT_DATABASE_URL.replace("kinship.sqlite3", "demo.sqlite3")
    offset_file = _offset_file(database_url)
    if fresh and database_url.startswith("sqlite:///"):
        for suffix in ("", "-wal", "-shm"):
            Path(database_url.removeprefix("sqlite:///") + suffix).unlink(missing_ok=True)
    if fresh:
        offset_file.unlink(missing_ok=True)
    Path(INSTANCE_DIR).mkdir(parents=True, exist_ok=True)
    log_file = None if verbose else _log_file(database_url)
    output = None
    if log_file is not None:
        log_file.parent.mkdir(parents=True, exist_ok=True)
        output = log_file.open("a", encoding="utf-8", buffering=1)
        output.write(f"\n--- kinship demo starting, port {port} ---\n")
        # This process's own lines (the simulated Twilio's) go there too.
        logs.configure(Settings.from_env(), stream=output)
    public_url = f"http://127.0.0.1:{port}"
    auth_token = _kept_secret("demo_twilio_token")

    redis = EmbeddedRedis() if not os.environ.get("REDIS_URL") else None
    redis_url = redis.start() if redis else os.environ["REDIS_URL"]
    # This process reads the shared clock too: the simulated Twilio stamps its texts with it.
    redis_client = Redis.from_url(redis_url, socket_timeout=10, socket_connect_timeout=5)
    clock.share(clock.SharedOffset(redis_client))
    simulator = TwilioSimulator(DEMO_ACCOUNT_SID, auth_token, status_callbacks=True, callback_delay=0.5,
                                clock=clock.utcnow)
    processes: list[subprocess.Popen] = []
    try:
        _restore_offset(offset_file)
        api_url = simulator.start()
        upgrade(database_url)
        # Seeded with the workers' wake-up hook, so the introductions go as soon as a worker runs.
        store = Database(database_url, on_commit=partial(wake_workers, redis_client))
        with store.session() as session:
            seeded = seed(session, clock.utcnow())
        store.dispose()

        env = {
            **os.environ,
            "KINSHIP_DEMO": "1",
            "DATABASE_URL": database_url,
            "REDIS_URL": redis_url,
            "SECRET_KEY": _kept_secret("secret_key"),
            "PUBLIC_URL": public_url,
            "TWILIO_ACCOUNT_SID": DEMO_ACCOUNT_SID,
            "TWILIO_AUTH_TOKEN": auth_token,
            "TWILIO_FROM_NUMBER": DEMO_FROM_NUMBER,
            "TWILIO_API_BASE_URL": api_url,
            # A demo should feel instant; the carrier's pace is for production.
            "KINSHIP_SEND_RATE_PER_SECOND": os.environ.get("KINSHIP_SEND_RATE_PER_SECOND", "20"),
        }
        bin_dir = Path(sys.executable).parent
        commands = [
            [str(bin_dir / "gunicorn"), "--config", "python:service.gunicorn_config", "--bind", f"127.0.0.1:{port}",
             "--workers", "1", "--threads", "8", "--access-logfile", "-", "--log-level", "warning",
             "service:create_app()"],
            [str(bin_dir / "kinship"), "worker"],
            [str(bin_dir / "kinship"), "clock"],
        ]
        for command in commands:
            processes.append(subprocess.Popen(command, env=env, start_new_session=True, stdout=output,
                                              stderr=subprocess.STDOUT if output else None))
        _wait_for(f"{public_url}/healthz", processes)
        print(f"\n{banner(public_url, log_file)}\n"
              f"{COMMUNITY}{' was seeded just now' if seeded else ''}; Twilio is simulated at {api_url}, "
              f"Redis at {redis_url}.\nOpen the phones and the dashboard side by side: the guide shows Sam's hard day "
              "in two minutes.\n", flush=True)
        shown = time.monotonic()
        while all(p.poll() is None for p in processes):
            time.sleep(0.5)
            if time.monotonic() - shown >= banner_every:
                print(f"\n{banner(public_url, log_file)}\n", flush=True)
                shown = time.monotonic()
        print("kinship demo: a process stopped; shutting down"
              + (f" (see {log_file})" if log_file else ""), file=sys.stderr)
    except KeyboardInterrupt:
        print("\nstopping…", flush=True)
    finally:
        for process in processes:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for process in processes:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
        simulator.stop()
        try:
            offset_file.write_text(str(round(clock.offset().total_seconds())))
        except OSError as error:
            print(f"kinship demo: could not keep the clock's offset in {offset_file}: {error}", file=sys.stderr)
        clock.share(None)
        redis_client.connection_pool.disconnect()
        if redis:
            redis.stop()
        if output is not None:
            output.close()
