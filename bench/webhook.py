"""Replies per second on `POST /twilio/sms`, signed, on gunicorn as the Procfile runs it,
against the least a webhook can do on the same gunicorn and database (a Flask app that
checks the signature, inserts the inbound row through SQLAlchemy, commits and answers
TwiML: bench/_minimal_webhook.py). Prints both, the ratio (goal >= 0.5x), and the SQL
statements Kinship issues for one reply to an open check-in (goal <= 5).

    python bench/webhook.py [--members 1000] [--concurrency 16] [--runs 3]

Database: BENCH_DATABASE_URL (emptied) or a throwaway SQLite file; Redis: BENCH_REDIS_URL
(flushed) or a throwaway embedded one.
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from pathlib import Path

import _rig
import requests
from sqlalchemy import event, insert, text
from twilio.request_validator import RequestValidator

from service import clock
from service.db import Database
from service.models import CheckIn, CheckInStatus, Community, Member, MemberStatus

SERVICE_NUMBER = _rig.FROM_NUMBER
MINIMAL_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response><Message>Thanks</Message></Response>'


def populate(db: Database, members: int) -> None:
    now = clock.utcnow()
    _rig.empty(db)
    with db.session() as session:
        community = Community(name="Bench", timezone="UTC", created_at=now, quiet_hours="00:00-00:01")
        session.add(community)
        session.flush()
        community_id = community.id
    with db.session() as session:
        ids = session.scalars(insert(Member).returning(Member.id), [
            {"community_id": community_id, "name": f"Member {i}", "phone": f"+1415555{i:04d}", "language": "en",
             "status": MemberStatus.ACTIVE, "next_checkin_at": now + timedelta(days=1),
             "next_slot_at": now + timedelta(days=1), "consecutive_missed": 0, "buddy_opt_in": False,
             "share_with_buddy": False, "created_at": now} for i in range(members)]).all()
        # Each member was just asked how they are: the bench's replies answer a check-in.
        session.execute(insert(CheckIn), [
            {"member_id": member_id, "scheduled_for": now - timedelta(minutes=5), "status": CheckInStatus.OPEN,
             "created_at": now, "closes_at": now + timedelta(hours=12)} for member_id in ids])


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(app: str, env: dict, port: int, cwd: Path) -> subprocess.Popen:
    gunicorn = str(Path(sys.executable).parent / "gunicorn")
    # As the Procfile runs it: its config, 2 workers of 4 threads.
    command = [gunicorn, "--config", "python:service.gunicorn_config", "--bind", f"127.0.0.1:{port}",
               "--workers", env.get("WEB_CONCURRENCY", "2"), "--threads", "4", app]
    process = subprocess.Popen(command, env={**env, "PYTHONPATH": str(_rig.ROOT)}, cwd=cwd,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            requests.get(f"http://127.0.0.1:{port}/healthz", timeout=10)
            return process
        except requests.RequestException:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError(f"{app} did not start")


def replies(members: int, public_url: str, run: int) -> list[tuple[dict, str]]:
    validator = RequestValidator(_rig.AUTH_TOKEN)
    signed = []
    for i in range(members):
        form = {"MessageSid": f"SM{run:04d}{i:028d}", "AccountSid": _rig.ACCOUNT_SID, "From": f"+1415555{i:04d}",
                "To": SERVICE_NUMBER, "Body": "good thanks, a 4 today", "NumMedia": "0"}
        signed.append((form, validator.compute_signature(f"{public_url}/twilio/sms", form)))
    return signed


def hammer(port: int, signed: list[tuple[dict, str]], concurrency: int) -> float:
    """Replies a second, every reply answered 200."""
    local = {}

    def post(item) -> int:
        import threading

        session = local.setdefault(threading.get_ident(), requests.Session())
        form, signature = item
        return session.post(f"http://127.0.0.1:{port}/twilio/sms", data=form,
                            headers={"X-Twilio-Signature": signature}, timeout=30).status_code

    started = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as pool:
        statuses = list(pool.map(post, signed))
    elapsed = time.perf_counter() - started
    bad = [s for s in statuses if s != 200]
    if bad:
        raise RuntimeError(f"{len(bad)} replies were answered {sorted(set(bad))}")
    return len(signed) / elapsed


def statements_per_reply(env: dict) -> int:
    """SQL statements Kinship issues for one reply to an open check-in, counted in-process."""
    from service import create_app
    from service.settings import Settings

    settings = Settings.from_env(env)
    app = create_app(settings)
    engine = app.extensions["kinship"].db.engine
    seen: list[str] = []
    event.listen(engine, "before_cursor_execute", lambda *args: seen.append(args[2]))
    form, signature = replies(1, settings.public_url, 9999)[0]
    with app.test_client() as client:
        response = client.post("/twilio/sms", data=form, headers={"X-Twilio-Signature": signature},
                               base_url=settings.public_url)
    app.extensions["kinship"].close()
    assert response.status_code == 200, response.status_code
    return len([s for s in seen if not s.lstrip().upper().startswith(("SAVEPOINT", "RELEASE"))])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=1000, help="replies per run (one per member)")
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    port = free_port()
    public_url = f"http://127.0.0.1:{port}"
    with _rig.database_url() as database, _rig.redis_url() as redis_url:
        env = _rig.service_env(database, redis_url, "http://127.0.0.1:9", PUBLIC_URL=public_url)
        db = Database(database)
        figures: dict[str, list[float]] = {"kinship": [], "minimal": []}
        # Run by run, one of each: a machine whose load drifts weighs on both alike.
        for run in range(args.runs):
            for name, app, cwd in (("kinship", "service:create_app()", _rig.ROOT),
                                   ("minimal", "_minimal_webhook:create()", _rig.ROOT / "bench")):
                populate(db, args.members)
                # The minimal app gives the same answer Kinship gives a reply to a check-in.
                server = serve(app, {**env, "BENCH_TWIML": MINIMAL_TWIML} if name == "minimal" else env, port, cwd)
                try:
                    figures[name].append(hammer(port, replies(args.members, public_url, run), args.concurrency))
                finally:
                    server.terminate()
                    server.wait(15)
        populate(db, 1)
        statements = statements_per_reply(env)
        with db.engine.begin() as connection:
            connection.execute(text("SELECT 1"))
        db.dispose()
    ours, least = statistics.median(figures["kinship"]), statistics.median(figures["minimal"])
    print(f"{os.cpu_count()} cores (load average {os.getloadavg()[0]:.1f}); {args.members:,} signed replies per run, {args.concurrency} at a time; "
          f"gunicorn 2 workers x 4 threads; median of {args.runs} runs")
    print(f"  kinship POST /twilio/sms:      {ours:7.1f} replies/s")
    print(f"  signature + insert + commit:   {least:7.1f} replies/s")
    print(f"  ratio: {ours / least:.2f}x (goal >= 0.5x)")
    print(f"  SQL statements for one reply to a check-in: {statements} (goal <= 5)")


if __name__ == "__main__":
    main()
