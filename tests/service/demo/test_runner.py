"""``kinship demo`` as a newcomer starts it: the URLs in a box on a quiet console, the processes'
logs in demo.log beside the database, and the box again while it runs."""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
import urllib.request
from pathlib import Path

from service.demo.embedded_redis import free_port

BIN = Path(sys.executable).parent


def test_the_demo_shows_its_urls_in_a_box_and_keeps_its_logs_in_a_file(tmp_path):
    port = free_port()
    env = {"PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}", "HOME": str(tmp_path), "LANG": "C.UTF-8",
           "DATABASE_URL": f"sqlite:///{tmp_path / 'demo.sqlite3'}"}
    demo = subprocess.Popen([str(BIN / "kinship"), "demo", "--port", str(port), "--banner-every", "1"], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True)
    lines: queue.Queue[str | None] = queue.Queue()

    def read() -> None:
        for line in demo.stdout:
            lines.put(line.rstrip("\n"))
        lines.put(None)

    threading.Thread(target=read, daemon=True).start()
    console: list[str] = []

    def until(predicate, what: str) -> None:
        while not predicate():
            line = lines.get(timeout=90)
            assert line is not None, f"the demo ended before {what}:\n" + "\n".join(console)
            console.append(line)

    try:
        until(lambda: any(line.startswith("└") for line in console), "its box")
        box = console[next(i for i, line in enumerate(console) if line.startswith("┌")):]
        text = "\n".join(box)
        assert f"phones:     http://127.0.0.1:{port}/simulator" in text
        assert f"dashboard:  http://127.0.0.1:{port}/" in text
        assert f"logs: {tmp_path / 'demo.log'}" in text
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=10) as answer:
            assert answer.status == 200
        until(lambda: sum(line.startswith("┌") for line in console) >= 2, "its box a second time")
    finally:
        os.killpg(demo.pid, signal.SIGINT)
        demo.wait(timeout=60)
    assert demo.returncode == 0
    log = (tmp_path / "demo.log").read_text()
    assert "GET /healthz" in log  # gunicorn's access log
    assert "logger=rq.worker" in log and "logger=rq.cron" in log
    assert not any("GET /healthz" in line or "rq.worker" in line for line in console)
