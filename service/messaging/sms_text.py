"""Text of every SMS Kinship sends, and the arithmetic of SMS segments.

Copy lives in ``templates_sms/<language>/<name>.txt`` (Jinja2, StrictUndefined,
no autoescaping).  A file may hold several variants separated by a line that
is exactly ``---``; :func:`render` picks ``variant % count``.  Rendered text is
passed through :func:`normalize` (typographic characters that would silently
force UCS-2 become their GSM-7 equivalents) and whitespace is folded to single
spaces, so template files can wrap lines freely.

A language without a given file falls back to English silently at run time;
``tests/service/test_sms_text.py`` is what reports missing translations.

This module is deliberately plain: no Flask, RQ or SQLAlchemy, and nothing
happens at import time beyond defining constants.  The Jinja environment is
built on first use.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from pathlib import Path

TEMPLATES_DIR: Path = Path(__file__).resolve().parents[2] / "templates_sms"
LANGUAGES = ("en", "es")
DEFAULT_LANGUAGE = "en"

# --- GSM 03.38 -------------------------------------------------------------

# Basic character set (one septet each).  0x1B (escape) is not text.
GSM7_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅå"
    "Δ_ΦΓΛΩΠΨΣΘΞÆæßÉ"
    " !\"#¤%&'()*+,-./"
    "0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§"
    "¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
# Extension table: escape + character, two septets each.
GSM7_EXTENSION = frozenset("\f^{}\\[~]|€")

GSM7_SINGLE, GSM7_MULTI = 160, 153  # septets per segment
UCS2_SINGLE, UCS2_MULTI = 70, 67  # UTF-16 code units per segment

# --- normalize() tables ------------------------------------------------------

_REPLACEMENTS = {
    # single quotes, apostrophes, primes
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'",
    "\u2032": "'", "\u2035": "'", "\u02bc": "'", "\u00b4": "'",
    "\u2039": "'", "\u203a": "'",
    # double quotes
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"',
    "\u2033": '"', "\u2036": '"', "\u00ab": '"', "\u00bb": '"',
    # hyphens, dashes, minus
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
    "\u2015": "-", "\u2212": "-", "\ufe58": "-", "\ufe63": "-",
    # ellipsis
    "\u2026": "...",
    # bullets
    "\u2022": "-", "\u2023": "-", "\u2043": "-", "\u25e6": "-", "\u2219": "-",
    # fraction slash (full-width CJK punctuation is real content: left alone)
    "\u2044": "/",
    # tab is not in GSM-7
    "\t": " ",
    # unicode spaces
    "\u00a0": " ", "\u1680": " ", "\u2000": " ", "\u2001": " ", "\u2002": " ",
    "\u2003": " ", "\u2004": " ", "\u2005": " ", "\u2006": " ", "\u2007": " ",
    "\u2008": " ", "\u2009": " ", "\u200a": " ", "\u202f": " ", "\u205f": " ",
    "\u3000": " ",
    # line/paragraph separators
    "\u2028": "\n", "\u2029": "\n", "\u0085": "\n",
}
# Invisible characters that never carry meaning in a text message.
_ALWAYS_REMOVED = "\u200b\u2060\ufeff\u00ad\u180e"
# Joiners and direction marks: meaningful inside emoji sequences and some
# scripts, so they are removed only when nothing but them forces UCS-2.
_REMOVED_IF_GSM = "\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"

_TRANSLATE = str.maketrans({**_REPLACEMENTS, **{c: None for c in _ALWAYS_REMOVED}})
_TRANSLATE_IF_GSM = str.maketrans({c: None for c in _REMOVED_IF_GSM})

_NAME_RE = re.compile(r"^[a-z0-9_]+$")
_SEPARATOR_RE = re.compile(r"^---[ \t]*\r?$", re.MULTILINE)
_SPACE_RE = re.compile(r"\s+")


class UnknownTemplate(LookupError):
    """No template of that name exists, not even in English."""


@dataclass(frozen=True)
class SmsInfo:
    encoding: str  # "GSM-7" or "UCS-2"
    segments: int  # 0 for empty text
    characters: int  # what a counter shows: septets (GSM-7) or UTF-16 units (UCS-2)
    remaining_in_segment: int  # units left before the next segment starts


# --- encoding and segments -------------------------------------------------


def normalize(text: str) -> str:
    """Replace typographic characters that silently force UCS-2.

    Smart quotes, dashes, ellipsis, bullets, unicode spaces and zero-width
    characters become their GSM-7 equivalents (or disappear).  Real non-GSM
    content (emoji, CJK, á í ó ú ...) is left alone: it genuinely needs UCS-2.
    """
    text = text.translate(_TRANSLATE)
    stripped = text.translate(_TRANSLATE_IF_GSM)
    if stripped != text and _is_gsm7(stripped):
        text = stripped
    return text


def _is_gsm7(text: str) -> bool:
    return all(c in GSM7_BASIC or c in GSM7_EXTENSION for c in text)


def encoding(text: str) -> str:
    """"GSM-7" if every character is in the GSM 03.38 tables, else "UCS-2"."""
    return "GSM-7" if _is_gsm7(text) else "UCS-2"


def _units(text: str) -> tuple[str, list[int]]:
    """Encoding and the size of each character in that encoding's units."""
    if _is_gsm7(text):
        return "GSM-7", [2 if c in GSM7_EXTENSION else 1 for c in text]
    return "UCS-2", [2 if ord(c) > 0xFFFF else 1 for c in text]


def _pack(sizes: list[int], single: int, multi: int) -> tuple[int, int]:
    """(segments, units used in the last segment).

    A message that fits ``single`` is one segment.  Otherwise segments hold
    ``multi`` units each and a two-unit character (GSM-7 escape pair, UTF-16
    surrogate pair) is never split across two segments, as handsets and
    carriers do it.
    """
    total = sum(sizes)
    if total == 0:
        return 0, 0
    if total <= single:
        return 1, total
    count, used = 1, 0
    for size in sizes:
        if used + size > multi:
            count, used = count + 1, 0
        used += size
    return count, used


def segments(text: str) -> int:
    """Number of SMS segments the text is billed as (0 for empty text)."""
    return sms_info(text).segments


def sms_info(text: str) -> SmsInfo:
    enc, sizes = _units(text)
    single, multi = (GSM7_SINGLE, GSM7_MULTI) if enc == "GSM-7" else (UCS2_SINGLE, UCS2_MULTI)
    count, used = _pack(sizes, single, multi)
    if count == 0:
        remaining = single
    elif count == 1:
        remaining = single - used
    else:
        remaining = multi - used
    return SmsInfo(encoding=enc, segments=count, characters=sum(sizes), remaining_in_segment=remaining)


# --- templates -------------------------------------------------------------

_lock = threading.Lock()
_environments: dict[Path, object] = {}
_compiled: dict[tuple[Path, str], tuple[int, list]] = {}


def _environment(directory: Path):
    """The Jinja environment for ``directory``, built once on first use."""
    env = _environments.get(directory)
    if env is None:
        import jinja2

        with _lock:
            env = _environments.get(directory)
            if env is None:
                env = jinja2.Environment(
                    loader=jinja2.FileSystemLoader(str(directory), encoding="utf-8"),
                    undefined=jinja2.StrictUndefined,
                    autoescape=False,
                    keep_trailing_newline=False,
                )
                _environments[directory] = env
    return env


def _language_code(language: str | None) -> str:
    if not language:
        return DEFAULT_LANGUAGE
    return re.split(r"[-_]", str(language).strip().lower(), maxsplit=1)[0] or DEFAULT_LANGUAGE


def _variants(directory: Path, relpath: str) -> list:
    """Compiled variants of one template file, recompiled when it changes."""
    path = directory / relpath
    mtime = path.stat().st_mtime_ns
    key = (directory, relpath)
    cached = _compiled.get(key)
    if cached is not None and cached[0] == mtime:
        return cached[1]
    env = _environment(directory)
    source = path.read_text(encoding="utf-8")
    parts = [part for part in _SEPARATOR_RE.split(source) if part.strip()]
    if not parts:
        parts = [""]
    compiled = [env.from_string(part) for part in parts]
    with _lock:
        _compiled[key] = (mtime, compiled)
    return compiled


def _find(name: str, language: str | None) -> tuple[Path, str]:
    if not isinstance(name, str) or not _NAME_RE.match(name):
        raise UnknownTemplate(f"not a template name: {name!r}")
    directory = TEMPLATES_DIR
    for lang in dict.fromkeys((_language_code(language), DEFAULT_LANGUAGE)):
        relpath = f"{lang}/{name}.txt"
        if (directory / relpath).is_file():
            return directory, relpath
    raise UnknownTemplate(f"no SMS template {name!r} (looked in {language!r} and English)")


def render(name: str, language: str, /, *, variant: int = 0, **context) -> str:
    """Render ``templates_sms/<language>/<name>.txt`` to the text of one SMS.

    ``name`` and ``language`` are positional-only so that ``name=...`` is free
    to be a template variable (the recipient's first name).  Falls back to
    English when the language or the file is missing.  Raises
    :class:`UnknownTemplate` when not even English has it and
    ``jinja2.UndefinedError`` when a variable is missing.
    """
    directory, relpath = _find(name, language)
    variants = _variants(directory, relpath)
    text = variants[variant % len(variants)].render(**context)
    return _SPACE_RE.sub(" ", normalize(text)).strip()


def template_names(language: str = "en") -> list[str]:
    """Sorted names of the templates that exist for ``language`` (no fallback)."""
    folder = TEMPLATES_DIR / _language_code(language)
    if not folder.is_dir():
        return []
    return sorted(p.stem for p in folder.glob("*.txt") if p.is_file() and _NAME_RE.match(p.stem))


def compile_templates() -> int:
    """Compile every template of every language now; returns how many files. A worker does
    this before its first job, so the first text after a start does not wait for Jinja."""
    files = sorted(TEMPLATES_DIR.glob("*/*.txt"))
    for path in files:
        _variants(TEMPLATES_DIR, path.relative_to(TEMPLATES_DIR).as_posix())
    return len(files)
