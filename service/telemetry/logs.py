"""Logs: one line per event, key=value or JSON, never a full phone number, a body or a secret.

Each process's entry point calls ``configure(settings)`` once (the app factory, ``kinship
worker``, ``kinship clock``, any other command); code that logs takes
``logging.getLogger(__name__)`` and says what happened with ``event(log, "text_sent",
message_id=12, kind="checkin")``. Lines from libraries (RQ, gunicorn, Alembic) come out in
the same shape, with ``msg=`` for their own words.

What keeps personal data out: our events carry ids, kinds and masked numbers, never a body;
SQL parameters are kept out of error messages (``hide_parameters`` on the engine); the
twilio client's request dumps are silenced. Whatever slips past that is caught last: every
line is searched for E.164 numbers, which are masked, and for the settings' secrets, which
are cut out.
"""

from __future__ import annotations

import json
import logging
import re
import sys
import time
from collections.abc import Callable, Iterable
from typing import IO, Any

from service.settings import Settings

HANDLER_NAME = "kinship"
FIELDS = "kinship_fields"
# An E.164 number anywhere in a line, not glued to other digits.
PHONE = re.compile(r"(?<![\w+])\+[1-9]\d{7,14}(?!\d)")
# Libraries whose lines would break the rules: the twilio client logs each request's
# query (phone filters) and headers over several lines at INFO; urllib3 logs each request's
# URL at DEBUG, and reconciliation's Messages list carries the number in it, URL-encoded
# (``%2B1415…``, which the masking below would not recognise).
QUIET = {"twilio.http_client": logging.WARNING, "urllib3.connectionpool": logging.INFO}

ContextSource = Callable[[], dict[str, Any]]


def event(log: logging.Logger, name: str, level: int = logging.INFO, **fields: Any) -> None:
    """Log one event: ``name`` and its fields (ids, kinds, codes, durations: never a body)."""
    log.log(level, name, extra={FIELDS: fields})


def mask_phone(e164: str | None) -> str | None:
    """A number as logs show it: the country code and the last four digits, enough to tell two apart."""
    if not e164:
        return e164
    return f"{e164[:2]}…{e164[-4:]}" if len(e164) > 8 else "…"


def scrub(text: str | None) -> str | None:
    """``text`` with every E.164 number in it masked (Twilio's error messages quote the number)."""
    return PHONE.sub(lambda m: mask_phone(m.group(0)), text) if text else text


class LineFormatter(logging.Formatter):
    """A record as one line: key=value pairs ("text") or a JSON object ("json")."""

    def __init__(self, style: str = "text", secrets: Iterable[str] = (), context: list[ContextSource] | None = None):
        super().__init__()
        self.style = style
        # Longest first, so a secret that contains another is cut whole.
        self.secrets = sorted({s for s in secrets if len(s) >= 6}, key=len, reverse=True)
        self.context = context  # the process's list: sources added later count too

    def format(self, record: logging.LogRecord) -> str:
        fields: dict[str, Any] = {
            "ts": _timestamp(record.created),
            "level": record.levelname.lower(),
            "logger": record.name,
        }
        own = getattr(record, FIELDS, None)
        if own is not None:
            fields["event"] = record.msg
            fields.update(own)
        else:
            fields["msg"] = record.getMessage()
        for source in self.context or ():
            fields.update({k: v for k, v in source().items() if v is not None and k not in fields})
        if record.exc_info:
            fields["error"] = f"{record.exc_info[0].__name__}: {record.exc_info[1]}"
            fields["traceback"] = self.formatException(record.exc_info)
        line = json.dumps(fields, default=str, ensure_ascii=False) if self.style == "json" else _logfmt(fields)
        return self.redact(line)

    def redact(self, line: str) -> str:
        for secret in self.secrets:
            line = line.replace(secret, "[secret]")
        return scrub(line)


def _timestamp(created: float) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(created)) + f".{int(created % 1 * 1000):03d}Z"


def _logfmt(fields: dict[str, Any]) -> str:
    return " ".join(f"{key}={_value(value)}" for key, value in fields.items() if value is not None)


def _value(value: Any) -> str:
    text = value if isinstance(value, str) else json.dumps(value, default=str) if isinstance(value, (dict, list)) else str(value)
    if text and not any(c in text for c in ' ="\\\n\r\t'):
        return text
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")
    return f'"{escaped}"'


_context_sources: list[ContextSource] = []


def add_context(source: ContextSource) -> None:
    """Fields every line of this process carries while ``source`` returns them (a job's id)."""
    if source not in _context_sources:
        _context_sources.append(source)


def configure(settings: Settings, *, stream: IO[str] | None = None, level: str | None = None) -> logging.Handler:
    """Send every log record of this process through one handler, in the settings' format.

    Called again (a test building a second app), it replaces the handler it made before.
    """
    root = logging.getLogger()
    for old in [h for h in root.handlers if h.name == HANDLER_NAME]:
        root.removeHandler(old)
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.name = HANDLER_NAME
    handler.setFormatter(LineFormatter(settings.log_format, settings.secrets(), _context_sources))
    root.addHandler(handler)
    logging.captureWarnings(True)  # a library's warning is a line like any other, not a block on stderr
    chosen = logging.getLevelName(level or settings.log_level)
    root.setLevel(chosen)
    for name, floor in QUIET.items():
        logging.getLogger(name).setLevel(max(floor, chosen))
    return handler
