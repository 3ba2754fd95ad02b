"""Kinship's real processes, started as production starts them: gunicorn with the Procfile's or
the Dockerfile's command line, ``kinship worker``, ``kinship`` commands, each a child process
with its own environment and its output kept in a file, against the test database and Redis
and a local Twilio stand-in that posts its webhooks to the gunicorn."""

from __future__ import annotations

import os
import shlex
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from service.demo.embedded_redis import free_port
from tests.conftest import ACCOUNT_SID, AUTH_TOKEN, FROM_NUMBER

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
SECRET_KEY = "deployment-test-secret-key-0123456789abcdef"
METRICS_TOKEN = "deployment-metrics-token-0123456789"


@dataclass
class Deployment:
    env: dict[str, str]
    logs: Path
    url: str
    children: list[tuple[str, subprocess.Popen]] = field(default_factory=list)

    def start(self, name: str, argv: list[str], **env: str) -> subprocess.Popen:
        out = (self.logs / f"{name}.log").open("ab")
        child = subprocess.Popen(argv, cwd=ROOT, env={**self.env, **env}, stdout=out, stderr=subprocess.STDOUT,
                                 stdin=subprocess.DEVNULL, start_new_session=True)
        out.close()
        self.children.append((name, child))
        return child

    def kinship(self, *args: str, input: str | None = None, **env: str) -> subprocess.CompletedProcess:
        """A ``kinship`` command: its answer on stdout is returned, its log lines kept in cli.log."""
        with (self.logs / "cli.log").open("ab") as log:
            done = subprocess.run([str(BIN / "kinship"), *args], cwd=ROOT, env={**self.env, **env}, input=input,
                                  stdout=subprocess.PIPE, stderr=log, text=True, timeout=120)
        assert done.returncode == 0, (args, done.stdout, (self.logs / "cli.log").read_text()[-2000:])
        return done

    def wait_until_serving(self, child: subprocess.Popen, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert child.poll() is None, self.output()
            try:
                with urllib.request.urlopen(f"{self.url}/healthz", timeout=2) as answer:
                    if answer.status == 200:
                        return
            except (urllib.error.URLError, OSError):
                time.sleep(0.1)  # polling for the port to open, not waiting out a race
        raise AssertionError(f"{self.url} did not answer within {timeout} s\n{self.output()}")

    def stop(self) -> None:
        for _, child in reversed(self.children):
            if child.poll() is None:
                os.killpg(child.pid, signal.SIGTERM)
        for _, child in self.children:
            try:
                child.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(child.pid, signal.SIGKILL)
                child.wait()

    def lines(self) -> list[tuple[str, str]]:
        """(file, line) for every line every process wrote."""
        return [(path.name, line) for path in sorted(self.logs.glob("*.log"))
                for line in path.read_text(encoding="utf-8", errors="replace").splitlines() if line.strip()]

    def output(self) -> str:
        return "\n".join(f"{name}: {line}" for name, line in self.lines()[-60:])


@pytest.fixture
def deployment(settings, tmp_path) -> Iterator[Deployment]:
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    logs = tmp_path / "logs"
    logs.mkdir()
    env = {
        "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
        "HOME": str(tmp_path),
        "LANG": "C.UTF-8",
        "SECRET_KEY": SECRET_KEY,
        "DATABASE_URL": settings.database_url,
        "REDIS_URL": settings.redis_url,
        "PUBLIC_URL": url,
        "PORT": str(port),
        "TWILIO_ACCOUNT_SID": ACCOUNT_SID,
        "TWILIO_AUTH_TOKEN": AUTH_TOKEN,
        "TWILIO_FROM_NUMBER": FROM_NUMBER,
        "TWILIO_API_BASE_URL": settings.twilio_api_base_url,
        "KINSHIP_SEND_RATE_PER_SECOND": "0",
        "KINSHIP_METRICS_TOKEN": METRICS_TOKEN,
    }
    running = Deployment(env, logs, url)
    yield running
    running.stop()


def procfile() -> dict[str, str]:
    return dict(line.split(": ", 1) for line in (ROOT / "Procfile").read_text().splitlines() if line.strip())


def expand(command: str, env: dict[str, str]) -> list[str]:
    """A Procfile line as the shell would run it: ${NAME:-default} expanded, then split."""
    import re

    def value(match: re.Match) -> str:
        return env.get(match["name"]) or match["default"] or ""

    return shlex.split(re.sub(r"\$\{(?P<name>\w+)(?::-(?P<default>[^}]*))?\}", value, command))
