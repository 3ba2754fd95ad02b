"""The deployment files, read as their tools read them, and their command lines run for real.

``docker build`` cannot run here: the Dockerfile is parsed (a slim base, a non-root user, one
image whose default command is the web process) and its command line is run directly with
its environment, as the container would run it.
"""

from __future__ import annotations

import ast
import configparser
import json
import shlex

import requests
import yaml

from service.settings import Settings
from tests.deployment.conftest import ROOT, expand, procfile


def dockerfile() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) with continuation lines joined and comments dropped."""
    joined, current = [], ""
    for raw in (ROOT / "Dockerfile").read_text().splitlines():
        line = raw.strip()
        if not current and (not line or line.startswith("#")):
            continue
        if line.startswith("#"):
            continue
        current += line[:-1] + " " if line.endswith("\\") else line
        if not line.endswith("\\"):
            joined.append(current)
            current = ""
    return [(line.split(None, 1)[0].upper(), line.split(None, 1)[1]) for line in joined]


def image_env(instructions) -> dict[str, str]:
    env = {}
    for name, args in instructions:
        if name == "ENV":
            env.update(pair.split("=", 1) for pair in shlex.split(args))
    return env


def test_the_dockerfile_is_slim_non_root_and_one_image_for_every_process():
    instructions = dockerfile()
    assert [args for name, args in instructions if name == "FROM"] == ["python:3.11-slim"]
    users = [args for name, args in instructions if name == "USER"]
    assert users and users[-1] not in ("root", "0")
    last_user = max(i for i, (name, _) in enumerate(instructions) if name == "USER")
    assert all(name != "RUN" for name, _ in instructions[last_user:]), "nothing runs as root after USER"
    [command] = [json.loads(args) for name, args in instructions if name == "CMD"]
    assert command[0] == "gunicorn" and command[-1] == "service:create_app()"
    copied = " ".join(args for name, args in instructions if name == "COPY")
    for needed in ("service/", "workers/", "templates_sms/", "migrations/", "alembic.ini"):
        assert needed in copied
    assert "PROMETHEUS_MULTIPROC_DIR" in image_env(instructions)
    ignored = (ROOT / ".dockerignore").read_text().split()
    assert {".git", ".venv", "instance", ".env"} <= set(ignored)


def test_the_images_command_line_serves_the_app(deployment, tmp_path):
    instructions = dockerfile()
    env = {**image_env(instructions), "PROMETHEUS_MULTIPROC_DIR": str(tmp_path / "metrics"),
           "PORT": deployment.env["PORT"]}
    [command] = [json.loads(args) for name, args in instructions if name == "CMD"]
    web = deployment.start("image", command, **env)
    deployment.wait_until_serving(web)
    assert requests.get(f"{deployment.url}/healthz").json()["status"] == "ok"
    assert requests.get(f"{deployment.url}/login").status_code == 200
    lines = [line for _, line in deployment.lines()]
    assert sum("Booting worker with pid" in line for line in lines) == int(env["WEB_CONCURRENCY"])
    assert all(line.startswith("ts=") for line in lines), lines


def test_the_procfile_runs_the_three_processes_and_migrates_on_release():
    processes = procfile()
    assert processes["release"] == "kinship db upgrade"
    assert processes["worker"] == "kinship worker" and processes["clock"] == "kinship clock"
    web = expand(processes["web"], {"PORT": "8000"})
    assert web[:3] == ["gunicorn", "--config", "python:service.gunicorn_config"] and web[-1] == "service:create_app()"
    assert "0.0.0.0:8000" in web


def test_compose_runs_everything_with_persistence_and_restarts():
    compose = yaml.safe_load((ROOT / "compose.yaml").read_text())
    services = compose["services"]
    assert set(services) == {"postgres", "redis", "migrate", "web", "worker", "clock"}
    for name, service in services.items():
        assert service.get("restart") in ("unless-stopped", "always", "on-failure"), name
    assert services["migrate"]["restart"] == "on-failure"
    redis = " ".join(services["redis"]["command"])
    assert "--appendonly yes" in redis and "--maxmemory-policy noeviction" in redis
    assert any(v.endswith(":/data") for v in services["redis"]["volumes"])
    assert any(v.endswith(":/var/lib/postgresql/data") for v in services["postgres"]["volumes"])
    images = {services[name].get("image") for name in ("migrate", "web", "worker", "clock")}
    assert images == {"kinship:latest"}, "one image for every Kinship process"
    assert services["worker"]["command"] == ["kinship", "worker"]
    assert services["clock"]["command"] == ["kinship", "clock"]
    assert services["migrate"]["command"] == ["kinship", "db", "upgrade"]
    for name in ("web", "worker", "clock"):
        assert services[name]["depends_on"]["migrate"]["condition"] == "service_completed_successfully"
    assert services["web"]["environment"]["DATABASE_URL"].startswith("postgresql+psycopg://kinship:")


def test_the_example_environment_is_read_by_the_settings():
    pairs = dict(line.split("=", 1) for line in (ROOT / ".env.example").read_text().splitlines()
                 if line and not line.startswith("#"))
    settings = Settings.from_env(pairs)
    assert settings.public_url == pairs["PUBLIC_URL"] and settings.proxy_hops == 1 and settings.log_format == "json"
    source = (ROOT / "service" / "settings.py").read_text()
    unknown = [name for name in pairs if name != "POSTGRES_PASSWORD" and f'"{name}"' not in source]
    assert not unknown


def test_systemd_units_restart_every_process_and_run_what_the_procfile_runs():
    processes = procfile()
    units = {path.name: path for path in (ROOT / "deploy" / "systemd").glob("*.service")}
    assert set(units) == {"kinship-web.service", "kinship-worker@.service", "kinship-clock.service"}
    for name, path in units.items():
        unit = configparser.ConfigParser(strict=False, interpolation=None)
        unit.optionxform = str
        unit.read(path)
        service = unit["Service"]
        assert service["Restart"] == "always" and service["User"] == "kinship", name
        command = shlex.split(service["ExecStart"])
        assert command[0].startswith("/opt/kinship/.venv/bin/")
        command[0] = command[0].rsplit("/", 1)[1]
        if name == "kinship-worker@.service":
            assert command == shlex.split(processes["worker"])
        elif name == "kinship-clock.service":
            assert command == shlex.split(processes["clock"])
        else:
            assert command[:3] == ["gunicorn", "--config", "python:service.gunicorn_config"]
            assert "ExecStartPre" not in service, "migrations are a release step, never the web process's start"


def test_every_gunicorn_hook_is_defined_once_and_the_worker_hook_warms_and_counts():
    # A second definition of a hook silently replaces the first (it once dropped the warm-up).
    source = (ROOT / "service" / "gunicorn_config.py").read_text()
    functions = [node for node in ast.parse(source).body if isinstance(node, ast.FunctionDef)]
    names = [f.name for f in functions]
    assert len(names) == len(set(names)), names
    hook = ast.unparse(next(f for f in functions if f.name == "post_worker_init"))
    assert "warm_up(worker.wsgi)" in hook and "tally.defer(" in hook
