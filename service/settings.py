"""The one settings object, read from the environment once and failing fast.

Nothing else in Kinship reads ``os.environ``: entry points call ``Settings.from_env()``
and hand the result down; tests build ``Settings(...)`` directly.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import unquote, urlsplit

INSTANCE_DIR = Path(__file__).resolve().parent.parent / "instance"
DEFAULT_DATABASE_URL = f"sqlite:///{INSTANCE_DIR / 'kinship.sqlite3'}"
TWILIO_API = "https://api.twilio.com"
LOG_FORMATS = ("text", "json")
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")


class SettingsError(RuntimeError):
    """A setting is missing or malformed; the message says which and how to fix it."""


def _flag(value: str | None) -> bool:
    return (value or "").strip().lower() in {"1", "true", "yes", "on"}


def _number(env: Mapping[str, str], name: str, default: float, cast=float):
    raw = env.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = cast(raw)
    except ValueError:
        raise SettingsError(f"{name} must be a number, got {raw!r}") from None
    if value < 0:
        raise SettingsError(f"{name} must not be negative, got {raw!r}")
    return value


def _choice(env: Mapping[str, str], name: str, choices: tuple[str, ...], default: str, normalise) -> str:
    raw = (env.get(name) or "").strip()
    if not raw:
        return default
    value = normalise(raw)
    if value not in choices:
        raise SettingsError(f"{name} must be one of {', '.join(choices)}, got {raw!r}")
    return value


@dataclass(frozen=True)
class Settings:
    secret_key: str = ""
    database_url: str = DEFAULT_DATABASE_URL
    redis_url: str | None = None
    public_url: str = "http://127.0.0.1:5000"
    twilio_account_sid: str = ""
    twilio_auth_token: str = ""
    twilio_from_number: str | None = None
    twilio_messaging_service_sid: str | None = None
    twilio_api_base_url: str = TWILIO_API
    # Scheduling and sending knobs; the defaults are what a small community wants.
    checkin_grace_minutes: int = 120
    send_rate_per_second: float = 1.0
    send_retry_limit: int = 3
    # How many reverse proxies stand in front of the web process (their X-Forwarded-* are trusted).
    proxy_hops: int = 0
    # Logs: one line per event, key=value ("text") or JSON, at this level and above.
    log_format: str = "text"
    log_level: str = "INFO"
    # GET /metrics answers only a request carrying this bearer token; empty turns it off.
    metrics_token: str = ""
    # prometheus-client's own variable (it reads it too, at import): where gunicorn's
    # workers keep the per-process files that /metrics adds up.
    metrics_dir: str | None = None
    demo: bool = False

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, *, demo: bool = False) -> Settings:
        env = os.environ if env is None else env
        return cls(
            secret_key=env.get("SECRET_KEY", ""),
            database_url=env.get("DATABASE_URL") or DEFAULT_DATABASE_URL,
            redis_url=env.get("REDIS_URL") or None,
            public_url=(env.get("PUBLIC_URL") or "http://127.0.0.1:5000").rstrip("/"),
            twilio_account_sid=env.get("TWILIO_ACCOUNT_SID", ""),
            twilio_auth_token=env.get("TWILIO_AUTH_TOKEN", ""),
            twilio_from_number=env.get("TWILIO_FROM_NUMBER") or None,
            twilio_messaging_service_sid=env.get("TWILIO_MESSAGING_SERVICE_SID") or None,
            twilio_api_base_url=(env.get("TWILIO_API_BASE_URL") or TWILIO_API).rstrip("/"),
            checkin_grace_minutes=_number(env, "KINSHIP_CHECKIN_GRACE_MINUTES", 120, int),
            send_rate_per_second=_number(env, "KINSHIP_SEND_RATE_PER_SECOND", 1.0),
            send_retry_limit=_number(env, "KINSHIP_SEND_RETRY_LIMIT", 3, int),
            proxy_hops=_number(env, "KINSHIP_PROXY_HOPS", 0, int),
            log_format=_choice(env, "KINSHIP_LOG_FORMAT", LOG_FORMATS, "text", str.lower),
            log_level=_choice(env, "KINSHIP_LOG_LEVEL", LOG_LEVELS, "INFO", str.upper),
            metrics_token=env.get("KINSHIP_METRICS_TOKEN", "").strip(),
            metrics_dir=env.get("PROMETHEUS_MULTIPROC_DIR") or None,
            demo=demo or _flag(env.get("KINSHIP_DEMO")),
        )

    # Each process asks for what it needs, so `kinship db upgrade` runs without Twilio
    # credentials while the web process refuses to start without a secret key.
    def require_secret_key(self) -> str:
        if not self.secret_key:
            raise SettingsError("SECRET_KEY is not set: export a long random string (python -c 'import secrets; print(secrets.token_hex(32))')")
        return self.secret_key

    def require_twilio(self) -> None:
        if not (self.twilio_account_sid and self.twilio_auth_token):
            raise SettingsError("TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN must be set (or run `kinship demo`)")
        if not (self.twilio_from_number or self.twilio_messaging_service_sid):
            raise SettingsError("set TWILIO_FROM_NUMBER or TWILIO_MESSAGING_SERVICE_SID: the number Kinship texts from")

    def require_redis(self) -> str:
        if not self.redis_url:
            raise SettingsError("REDIS_URL is not set: point it at your Redis, e.g. redis://127.0.0.1:6379/0 (`kinship demo` starts its own)")
        return self.redis_url

    def sms_webhook_url(self) -> str:
        return f"{self.public_url}/twilio/sms"

    def status_callback_url(self) -> str:
        return f"{self.public_url}/twilio/status"

    def secrets(self) -> list[str]:
        """Every secret value these settings hold, so logs can be kept free of them."""
        found = [self.secret_key, self.twilio_auth_token, self.metrics_token]
        for url in (self.database_url, self.redis_url):
            try:
                password = urlsplit(url).password if url else None
            except ValueError:
                continue
            found += [password, unquote(password)] if password else []
        return [value for value in found if value]

    def with_(self, **changes) -> Settings:
        return replace(self, **changes)
