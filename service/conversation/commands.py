"""What a member's text asks for: a carrier keyword, a member command, or nothing (a reply).

Carrier keywords are whole messages (as carriers and Twilio read them), so "STOP" opts out
and "stop it you're too kind" does not; a few plain requests to stop texting are caught
too, because Twilio only acts on the bare keyword and a person should not have to know it.
"""

from __future__ import annotations

import enum
import re
import unicodedata
from dataclasses import dataclass


class Command(enum.StrEnum):
    STOP = "stop"
    START = "start"
    HELP = "help"
    PAUSE = "pause"
    BACK = "back"
    TIME = "time"
    BUDDY_ON = "buddy_on"
    BUDDY_OFF = "buddy_off"
    SHARE_ON = "share_on"
    SHARE_OFF = "share_off"
    ON_IT = "on_it"
    PASS = "pass"
    DONE = "done"


STOP_WORDS = {"stop", "stopall", "unsubscribe", "cancel", "end", "quit", "revoke", "optout", "opt out",
              "baja", "alto", "parar", "detener", "cancelar"}
START_WORDS = {"start", "unstop", "yes", "si", "sí", "unirme", "empezar"}
HELP_WORDS = {"help", "info", "ayuda"}
CARRIER_KEYWORDS = frozenset(STOP_WORDS | START_WORDS | HELP_WORDS)

_PLAIN_STOP = re.compile(
    r"^(?:please\s+|pls\s+|plz\s+)?(?:stop|quit|no more)\s+(?:texting|messaging|sending|contacting|txting|texts?|messages?)"
    r"(?:\s+(?:me|messages?|texts?))*(?:\s+please)?$"
    r"|^(?:please\s+)?(?:unsubscribe|remove|opt)\s+me(?:\s+out)?(?:\s+(?:from\s+)?(?:this|the)\s+list)?(?:\s+please)?$"
    r"|^(?:por\s+favor\s+)?(?:no\s+me\s+(?:escribas|envies|mandes)\s+mas(?:\s+mensajes)?|dame\s+de\s+baja)(?:\s+por\s+favor)?$"
)

_COMMANDS = [
    (re.compile(r"^(?:pause|away|pausa|pausar|fuera)\b\s*(?P<arg>.*)$"), Command.PAUSE),
    (re.compile(r"^(?:back|resume|volvi|regrese|de vuelta)$"), Command.BACK),
    (re.compile(r"^(?:time|hora)\b\s*(?P<arg>.*)$"), Command.TIME),
    (re.compile(r"^buddy\s+on$|^apoyo\s+si$"), Command.BUDDY_ON),
    (re.compile(r"^buddy\s+off$|^apoyo\s+no$"), Command.BUDDY_OFF),
    (re.compile(r"^share\s+on$|^compartir\s+si$"), Command.SHARE_ON),
    (re.compile(r"^share\s+off$|^compartir\s+no$"), Command.SHARE_OFF),
    (re.compile(r"^(?:on it|onit|on it!|voy|me encargo)$"), Command.ON_IT),
    (re.compile(r"^(?:pass|paso|no puedo)$"), Command.PASS),
    (re.compile(r"^(?:done|hecho|listo)$"), Command.DONE),
]


@dataclass(frozen=True)
class Parsed:
    command: Command | None
    argument: str = ""


def _fold(text: str) -> str:
    """Lower case, accents off, surrounding punctuation and runs of spaces gone."""
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    return " ".join(text.strip().strip(".!¡?¿,;:\"'()").split())


def parse(body: str) -> Parsed:
    text = _fold(body)
    if text in STOP_WORDS or _PLAIN_STOP.match(text):
        return Parsed(Command.STOP)
    if text in START_WORDS:
        return Parsed(Command.START)
    if text in HELP_WORDS:
        return Parsed(Command.HELP)
    for pattern, command in _COMMANDS:
        match = pattern.match(text)
        if match:
            return Parsed(command, (match.groupdict().get("arg") or "").strip())
    return Parsed(None)
