"""What the sending benches share: a stand-in for Twilio's Messages API, Redis, a database,
worker processes, and how to read a process's memory. Not a bench itself (``make bench``
skips files starting with ``_``).

The stand-in runs in its own process, so its work never competes for this process's
interpreter lock with the client being measured; it answers every ``POST .../Messages.json``
after ``api_ms`` milliseconds, over HTTP/1.1 keep-alive like Twilio, and notes when each
number was texted.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs
from urllib.request import urlopen

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

ACCOUNT_SID = "AC" + "0" * 32
AUTH_TOKEN = "bench-auth-token"
FROM_NUMBER = "+15005550006"


def _serve(port_value, api_ms: float, ready) -> None:
    import threading

    lock = threading.Lock()
    state = {"count": 0, "texted": {}}

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def _answer(self, status: int, payload: dict) -> None:
            body = json.dumps(payload).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_POST(self):  # noqa: N802 - http.server's name
            form = parse_qs(self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode())
            time.sleep(api_ms / 1000)
            with lock:
                state["count"] += 1
                sid = f"SM{state['count']:032d}"
                state["texted"].setdefault(form.get("To", [""])[0], []).append(time.time())
            self._answer(201, {"sid": sid, "status": "queued", "to": form.get("To", [""])[0],
                               "body": form.get("Body", [""])[0], "account_sid": ACCOUNT_SID})

        def do_GET(self):  # noqa: N802
            with lock:
                if self.path == "/count":
                    self._answer(200, {"count": state["count"]})
                else:
                    self._answer(200, state["texted"])

        def do_DELETE(self):  # noqa: N802
            with lock:
                state["count"] = 0
                state["texted"] = {}
            self._answer(200, {})

        def log_message(self, *_args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    server.request_queue_size = 256
    port_value.value = server.server_address[1]
    ready.set()
    server.serve_forever()


class StandIn:
    """Twilio's Messages API, answering after ``api_ms``, in a child process."""

    def __init__(self, api_ms: float):
        context = multiprocessing.get_context("spawn")
        self._port = context.Value("i", 0)
        ready = context.Event()
        self._process = context.Process(target=_serve, args=(self._port, api_ms, ready), daemon=True)
        self._process.start()
        ready.wait(30)
        self.url = f"http://127.0.0.1:{self._port.value}"

    def count(self) -> int:
        with urlopen(f"{self.url}/count") as response:
            return json.load(response)["count"]

    def texted(self) -> dict[str, list[float]]:
        with urlopen(f"{self.url}/texted") as response:
            return json.load(response)

    def reset(self) -> None:
        from urllib.request import Request

        urlopen(Request(f"{self.url}/reset", method="DELETE")).close()

    def wait_for(self, count: int, timeout: float) -> float:
        """Wait until ``count`` texts were accepted; return when (time.perf_counter())."""
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            if self.count() >= count:
                return time.perf_counter()
            time.sleep(0.01)
        raise TimeoutError(f"only {self.count()} of {count} texts arrived in {timeout:.0f} s")

    def stop(self) -> None:
        self._process.terminate()
        self._process.join(5)


@contextmanager
def redis_url():
    """BENCH_REDIS_URL (its database is flushed), or a throwaway embedded Redis."""
    if os.environ.get("BENCH_REDIS_URL"):
        yield os.environ["BENCH_REDIS_URL"]
        return
    from service.demo.embedded_redis import EmbeddedRedis

    with EmbeddedRedis() as server:
        yield server.url


@contextmanager
def database_url():
    """BENCH_DATABASE_URL (its tables are emptied), or a throwaway SQLite file."""
    from service.migrate import upgrade

    if os.environ.get("BENCH_DATABASE_URL"):
        url = os.environ["BENCH_DATABASE_URL"]
        upgrade(url)
        yield url
        return
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{folder}/bench.sqlite3"
        upgrade(url)
        yield url


def empty(db) -> None:
    """Every table emptied: TRUNCATE on PostgreSQL (a row-by-row DELETE checks each foreign
    key against tables without an index on it, which at 10,000 rows takes minutes)."""
    from sqlalchemy import text

    from service.models import Base

    tables = list(reversed(Base.metadata.sorted_tables))
    with db.engine.begin() as connection:
        if db.engine.dialect.name == "postgresql":
            connection.execute(text("TRUNCATE " + ", ".join(f'"{t.name}"' for t in tables) + " RESTART IDENTITY CASCADE"))
        else:
            for table in tables:
                connection.execute(table.delete())


def quiet_hours_far_from(now, zone: str) -> str:
    """A minute of quiet hours twelve hours from ``now`` in ``zone``: the bench's texts are
    never held for the night, whatever time of day it runs."""
    from datetime import timedelta
    from zoneinfo import ZoneInfo

    local = now.astimezone(ZoneInfo(zone)) + timedelta(hours=12)
    return f"{local:%H:%M}-{local + timedelta(minutes=1):%H:%M}"


def give_history(db, now, limit: int = 20_000) -> None:
    """Yesterday's answered check-in for each member (the first ``limit``), then ANALYZE: the
    tables as a community that has been running has them.

    Without it ``checkins`` is analysed empty, and PostgreSQL plans the foreign-key check of
    each new text (``outbound_messages.checkin_id``) as a scan of the whole table, cached for
    the connection's life: every text of a large tick then reads every check-in written
    before it in the pass (quadratic; at 10,000 due most of the pass). A real deployment's
    ``checkins`` is never analysed empty for long (autovacuum re-analyses it as it fills).
    """
    from datetime import timedelta

    from sqlalchemy import insert, literal, select, text

    from service.models import CheckIn, CheckInStatus, Member
    from service.models.base import UTCDateTime

    yesterday = now - timedelta(days=1)
    with db.engine.begin() as connection:
        connection.execute(insert(CheckIn).from_select(
            ["member_id", "scheduled_for", "status", "answered_at", "score", "created_at"],
            select(Member.id, literal(yesterday, UTCDateTime()), literal(CheckInStatus.ANSWERED.value),
                   literal(yesterday, UTCDateTime()), literal(4), literal(yesterday, UTCDateTime()))
            .order_by(Member.id).limit(limit)))
    with db.engine.begin() as connection:
        connection.execute(text("ANALYZE"))


def service_env(database: str, redis: str, api: str, **extra: str) -> dict[str, str]:
    return {**os.environ, "DATABASE_URL": database, "REDIS_URL": redis, "TWILIO_API_BASE_URL": api,
            "TWILIO_ACCOUNT_SID": ACCOUNT_SID, "TWILIO_AUTH_TOKEN": AUTH_TOKEN, "TWILIO_FROM_NUMBER": FROM_NUMBER,
            "SECRET_KEY": "bench-secret-key", "PUBLIC_URL": "http://127.0.0.1:5000",
            "KINSHIP_SEND_RATE_PER_SECOND": "0", "KINSHIP_LOG_LEVEL": "WARNING", **extra}


def start_workers(count: int, env: dict[str, str], fork: bool = False) -> list[subprocess.Popen]:
    kinship = str(Path(sys.executable).parent / "kinship")
    command = [kinship, "worker"] + (["--fork"] if fork else [])
    return [subprocess.Popen(command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            for _ in range(count)]


def stop_workers(workers: list[subprocess.Popen]) -> None:
    for process in workers:
        process.send_signal(signal.SIGTERM)
    for process in workers:
        try:
            process.wait(15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def wait_for_workers(redis, count: int, timeout: float = 60) -> None:
    from workers.inspection import workers_alive

    deadline = time.monotonic() + timeout
    while workers_alive(redis) < count:
        if time.monotonic() > deadline:
            raise TimeoutError("the workers did not start")
        time.sleep(0.1)


def rss_mb(pid: int) -> float:
    """Resident memory of a process (and its forked children's largest), in MB, from /proc."""
    def one(p: int) -> float:
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
        except OSError:
            pass
        return 0.0

    children = Path(f"/proc/{pid}/task/{pid}/children")
    extra = [one(int(c)) for c in children.read_text().split()] if children.exists() else []
    return one(pid) + max(extra, default=0.0)
