"""What members say about time, and how we say it back to them.

This module holds the member-facing half of scheduling:

* ``ScheduleError`` -- the one error every schedule and time function raises
  for input a coordinator or member gave us; its text is a one-line reason
  they can read.
* ``zone`` -- an IANA time zone by name, refusing unknown names.
* ``parse_time_of_day`` -- "9am", "9:30pm", "18:30", "noon", "las 9 y media".
* ``parse_pause`` -- the words after PAUSE/AWAY: "3 days", "until friday",
  "hasta el viernes", turned into the instant check-ins resume.
* ``format_local`` / ``format_local_day`` -- "Thu 27 Nov, 10:00" /
  "jue 27 nov, 10:00", and the date alone.

Rules, quiet hours and slots are imported from ``service.schedules``, which re-exports
everything public here; callers should import from there.

Pure functions only: no I/O, no clock reads (callers pass ``now``), nothing
done at import time.  Instants cross the interface as aware datetimes (UTC);
local wall time exists only inside.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

__all__ = [
    "ScheduleError",
    "zone",
    "parse_time_of_day",
    "parse_pause",
    "format_local",
    "format_local_day",
    "MAX_PAUSE_DAYS",
    "DEFAULT_PAUSE_DAYS",
]

UTC = timezone.utc
MAX_PAUSE_DAYS = 90
DEFAULT_PAUSE_DAYS = 7


class ScheduleError(ValueError):
    """Input from a coordinator or member that we refuse.

    ``str(error)`` is a one-line reason fit to show them.  ``code`` is a
    stable slug ("unknown_zone", "bad_time", "ambiguous_time", ...) for
    callers that answer from a translated template instead of the English
    text.
    """

    def __init__(self, message: str, code: str = "invalid") -> None:
        super().__init__(message)
        self.code = code


# 'localtime' would follow this server's clock setting, not the member;
# 'Factory' is tzdata's placeholder for "zone not configured".
_NOT_MEMBER_ZONES = frozenset({"localtime", "Factory", "posixrules"})


def zone(name: str) -> ZoneInfo:
    """The IANA zone called ``name`` (exact spelling, e.g. "America/Chicago")."""
    if not isinstance(name, str) or not name or name != name.strip() or name in _NOT_MEMBER_ZONES:
        raise _unknown_zone(name)
    try:
        return ZoneInfo(name)
    # OSError: a directory such as "America" is found but is not a zone file.
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise _unknown_zone(name) from None


def _unknown_zone(name: object) -> ScheduleError:
    hint = ""
    if isinstance(name, str) and name.strip():
        # Only on the error path: listing zones reads the whole tz database.
        wanted = name.strip().lower().replace(" ", "_")
        matches = [z for z in available_timezones() if z.lower() == wanted]
        if matches and matches[0] not in _NOT_MEMBER_ZONES:
            hint = f" (did you mean '{matches[0]}'?)"
    return ScheduleError(f"unknown time zone {name!r}{hint}", code="unknown_zone")


def require_aware(moment: datetime, what: str) -> datetime:
    """``moment`` as UTC; a naive datetime is a programming error, not member input."""
    if not isinstance(moment, datetime) or moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"{what} must be a timezone-aware datetime, got {moment!r}")
    return moment.astimezone(UTC)


def fold_text(text: str) -> str:
    """Lower case, accents and extra spaces removed: "Mediodía " -> "mediodia"."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    plain = plain.lower().replace("\u2019", "'").replace("\u2018", "'")
    return " ".join(plain.split())


# --- time of day -----------------------------------------------------------

_TIME_HINT = "try 9am, 9:30pm or 18:30"

_NAMED_TIMES = {
    "noon": time(12), "midday": time(12), "12 noon": time(12), "mediodia": time(12),
    "medio dia": time(12), "midnight": time(0), "medianoche": time(0),
}
# Spanish says the part of the day instead of am/pm.
_SPANISH_PARTS = [
    (re.compile(r"\s*(?:de|en|por) la (?:manana|madrugada)$"), "am"),
    (re.compile(r"\s*(?:de|en|por) la tarde$"), "pm"),
    (re.compile(r"\s*(?:de|en|por) la noche$"), "night"),
]
_SPANISH_QUARTERS = [(re.compile(r"\s+y media$"), 30), (re.compile(r"\s+y cuarto$"), 15)]
_CLOCK = re.compile(r"^(?P<h>\d{1,2})(?:(?::|\.|h)(?P<m>\d{2}))?h?\s*(?P<ampm>am|pm)?$")
_DIGITS = re.compile(r"^(?P<h>\d{1,2})(?P<m>\d{2})\s*(?P<ampm>am|pm)?$")


def parse_time_of_day(text: str) -> time:
    """A member's or coordinator's time of day, in English or Spanish.

    Accepted: "9am", "9 am", "9 a.m.", "9:30pm", "18:30", "18.30", "18h30",
    "1830", "0930", "noon", "midnight", "mediodía", "9:30", "a las 9",
    "las 9 y media", "las 8 de la tarde".

    Without am/pm a time is read as people write it: "07:30" (leading zero),
    "0:15" and "13:00"-"23:59" on the 24-hour clock, 7-12 as morning/noon
    ("9:30" is 09:30, "las 9" is 09:00).  A bare 1-6 ("las 3", "6:30") could be
    night or afternoon, so it is refused with a hint to add am/pm: a wrong
    guess there would text a member at 3 in the morning.
    """
    raw = text if isinstance(text, str) else ""
    folded = fold_text(raw)
    folded = re.sub(r"\b([ap])\s?\.?\s?m\b\.?", r"\1m", folded)
    folded = re.sub(r"^(?:at|@|a las|a la|las|la)\s+", "", folded)
    folded = re.sub(r"\s*(?:o'?clock|hrs|horas|hs)$", "", folded).strip(" .!")
    if folded in _NAMED_TIMES:
        return _NAMED_TIMES[folded]

    part = None
    for pattern, name in _SPANISH_PARTS:
        if pattern.search(folded):
            folded, part = pattern.sub("", folded), name
            break
    minutes_word = None
    for pattern, minutes in _SPANISH_QUARTERS:
        if pattern.search(folded):
            folded, minutes_word = pattern.sub("", folded), minutes
            break

    match = _CLOCK.match(folded) or _DIGITS.match(folded)
    if not match:
        raise ScheduleError(f"couldn't read {raw!r} as a time of day; {_TIME_HINT}", code="bad_time")
    hour_text = match["h"]
    hour = int(hour_text)
    if match["m"] is not None and minutes_word is not None:
        raise ScheduleError(f"couldn't read {raw!r} as a time of day; {_TIME_HINT}", code="bad_time")
    minute = minutes_word if minutes_word is not None else int(match["m"] or 0)
    if minute > 59:
        raise ScheduleError(f"{raw!r} has {minute} minutes; {_TIME_HINT}", code="bad_time")
    marker = match["ampm"]
    if marker and part:
        raise ScheduleError(f"couldn't read {raw!r} as a time of day; {_TIME_HINT}", code="bad_time")
    marker = marker or part

    if marker:
        if not 1 <= hour <= 12:
            raise ScheduleError(f"{raw!r} isn't on a 12-hour clock; {_TIME_HINT}", code="bad_time")
        if marker == "night":
            # "las 12 de la noche" is midnight; "las 9 de la noche" is 21:00.
            return time(0 if hour == 12 else hour + 12, minute)
        return time(hour % 12 + (12 if marker == "pm" else 0), minute)
    if hour > 23:
        raise ScheduleError(f"{raw!r} isn't a time of day; {_TIME_HINT}", code="bad_time")
    if hour_text.startswith("0") or hour == 0 or hour >= 7:
        return time(hour, minute)
    shown = f"{hour}:{minute:02d}" if minute else f"{hour}"
    raise ScheduleError(
        f"is {shown} in the morning or the afternoon? Reply with {shown}am or {shown}pm",
        code="ambiguous_time",
    )


# --- pauses ----------------------------------------------------------------

_PAUSE_HINT = "try '3 days', '2 weeks', 'until friday' or 'until dec 5'"

_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "un": 1, "una": 1, "uno": 1, "dos": 2,
    "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8, "nueve": 9, "diez": 10,
}
# A month is 30 days so "3 months" lands exactly on the 90-day limit.
_UNIT_DAYS = {
    "d": 1, "day": 1, "days": 1, "dia": 1, "dias": 1,
    "w": 7, "wk": 7, "wks": 7, "week": 7, "weeks": 7, "semana": 7, "semanas": 7,
    "month": 30, "months": 30, "mes": 30, "meses": 30,
}
_WEEKDAYS = {
    "monday": 0, "mon": 0, "lunes": 0, "tuesday": 1, "tue": 1, "tues": 1, "martes": 1,
    "wednesday": 2, "wed": 2, "miercoles": 2, "thursday": 3, "thu": 3, "thur": 3,
    "thurs": 3, "jueves": 3, "friday": 4, "fri": 4, "viernes": 4, "saturday": 5,
    "sat": 5, "sabado": 5, "sunday": 6, "sun": 6, "domingo": 6,
}
_MONTHS = {
    "jan": 1, "january": 1, "ene": 1, "enero": 1, "feb": 2, "february": 2, "febrero": 2,
    "mar": 3, "march": 3, "marzo": 3, "apr": 4, "april": 4, "abr": 4, "abril": 4,
    "may": 5, "mayo": 5, "jun": 6, "june": 6, "junio": 6, "jul": 7, "july": 7, "julio": 7,
    "aug": 8, "august": 8, "ago": 8, "agosto": 8, "sep": 9, "sept": 9, "september": 9,
    "septiembre": 9, "setiembre": 9, "oct": 10, "october": 10, "octubre": 10,
    "nov": 11, "november": 11, "noviembre": 11, "dec": 12, "december": 12, "dic": 12,
    "diciembre": 12,
}
_DURATION = re.compile(
    r"^(?:for |por |durante )?(?:(?P<num>\d{1,4})\s*|(?P<word>[a-z]+)\s+)?(?P<unit>[a-z]+)$"
)
_UNTIL = re.compile(r"^(?:until|till|til|'til|untill|hasta)\s+(?P<target>.+)$")
_TARGET_FILLER = re.compile(r"^(?:el proximo|el|la|proximo|next|this|the|este)\s+")
_ORDINAL = r"(?P<d>\d{1,2})(?:st|nd|rd|th|o)?"
_MONTH_FIRST = re.compile(r"^(?P<mon>[a-z]+)\.?\s+" + _ORDINAL + r"(?:,?\s+(?P<y>\d{4}))?$")
_DAY_FIRST = re.compile(
    r"^" + _ORDINAL + r"\s+(?:of\s+|de\s+)?(?P<mon>[a-z]+)\.?(?:,?\s+(?:de\s+|del\s+)?(?P<y>\d{4}))?$"
)
_ISO_DATE = re.compile(r"^(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})$")
_NUMERIC_DATE = re.compile(r"^(?P<a>\d{1,2})[/.-](?P<b>\d{1,2})(?:[/.-](?P<y>\d{4}|\d{2}))?$")
_DAY_ONLY = re.compile(r"^" + _ORDINAL + r"$")


def parse_pause(text: str, now: datetime, tz_name: str) -> datetime:
    """When check-ins resume after "PAUSE <text>" sent at ``now`` (aware).

    A pause is counted in whole local days and always ends at 00:00 in the
    member's zone, so the confirmation can say a plain day ("check-ins resume
    Thu 27 Nov") and that day's check-in is sent as usual:

    * "" (bare PAUSE) means 7 days.
    * "N days/weeks/months" (also "a week", "2w", "3 días", "una semana",
      "un mes"): resume on the day N days from today -- today is the first
      paused day.  "PAUSE 3 days" on Monday 15:00 resumes Thursday 00:00;
      "1 day" is the same as "until tomorrow".  A month is 30 days.
    * "until/till <day>" and "hasta (el) <day>": resume at the start of that
      day -- a member back "until friday" gets Friday's check-in.  Weekdays
      mean the next one after today ("next friday" too); "until tomorrow",
      "hasta mañana", "until the 5th", "hasta el 5".
    * Dates: "dec 5", "5 dec", "december 5th", "5 de diciembre", "2026-12-05",
      with or without a year; a date without a year is the next one to come.
      Numeric "12/5" is read only when unambiguous ("12/25", "25/12");
      otherwise the member is asked to write the month as a word, because
      US members mean December 5 and most Spanish speakers mean 12 May.

    Refused with ScheduleError: more than 90 days, a date today or already
    passed, zero days, and anything else we can't read.  Returns aware UTC.
    """
    now_utc = require_aware(now, "now")
    member_zone = zone(tz_name)
    today = now_utc.astimezone(member_zone).date()
    resume = _resume_date(text if isinstance(text, str) else "", today)
    days = (resume - today).days
    if days > MAX_PAUSE_DAYS:
        raise ScheduleError(
            f"a pause can last at most {MAX_PAUSE_DAYS} days ({_en_date(resume)} is {days} days away)",
            code="pause_too_long",
        )
    return datetime.combine(resume, time(0), tzinfo=member_zone).astimezone(UTC)


def _resume_date(text: str, today: date) -> date:
    folded = fold_text(text).strip(" .!")
    if not folded:
        return today + timedelta(days=DEFAULT_PAUSE_DAYS)
    duration = _DURATION.match(folded)
    if duration and duration["unit"] in _UNIT_DAYS:
        if duration["num"]:
            count = int(duration["num"])
        elif duration["word"]:
            if duration["word"] not in _NUMBER_WORDS:
                raise ScheduleError(f"couldn't read {text!r} as a pause; {_PAUSE_HINT}", code="bad_pause")
            count = _NUMBER_WORDS[duration["word"]]
        else:
            count = 1
        if count == 0:
            raise ScheduleError("a pause needs at least 1 day", code="bad_pause")
        return today + timedelta(days=count * _UNIT_DAYS[duration["unit"]])
    until = _UNTIL.match(folded)
    if until:
        return _until_date(until["target"], text, today)
    raise ScheduleError(f"couldn't read {text!r} as a pause; {_PAUSE_HINT}", code="bad_pause")


def _until_date(target: str, text: str, today: date) -> date:
    target = _TARGET_FILLER.sub("", target)
    if target in ("tomorrow", "manana"):
        return today + timedelta(days=1)
    if target in ("day after tomorrow", "pasado manana"):
        return today + timedelta(days=2)
    if target in _WEEKDAYS:
        ahead = (_WEEKDAYS[target] - today.weekday() - 1) % 7 + 1
        return today + timedelta(days=ahead)
    if target in ("today", "hoy"):
        raise ScheduleError("that's today; try 'until tomorrow'", code="pause_in_past")

    if match := _DAY_ONLY.match(target):
        return _next_day_of_month(int(match["d"]), text, today)
    if match := _ISO_DATE.match(target):
        return _exact_date(int(match["y"]), int(match["m"]), int(match["d"]), text, today)
    if match := (_MONTH_FIRST.match(target) or _DAY_FIRST.match(target)):
        month = _MONTHS.get(match["mon"])
        if month is None:
            raise ScheduleError(f"couldn't read {text!r} as a pause; {_PAUSE_HINT}", code="bad_pause")
        return _dated(month, int(match["d"]), match["y"], text, today)
    if match := _NUMERIC_DATE.match(target):
        first, second = int(match["a"]), int(match["b"])
        if first > 12 >= second:
            day, month = first, second
        elif second > 12 >= first or first == second:
            month, day = first, second
        else:
            # Both readings are real dates; guessing would pick the wrong one for half our members.
            us, elsewhere = date(2000, first, second), date(2000, second, first)
            raise ScheduleError(
                f"'{match['a']}/{match['b']}' could be {_en_date(us, year=False)} or "
                f"{_en_date(elsewhere, year=False)}; write the month as a word, e.g. 'until dec 5'",
                code="ambiguous_date",
            )
        return _dated(month, day, match["y"], text, today)
    raise ScheduleError(f"couldn't read {text!r} as a pause; {_PAUSE_HINT}", code="bad_pause")


def _valid(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def _dated(month: int, day: int, year_text: str | None, text: str, today: date) -> date:
    if year_text is not None:
        year = int(year_text)
        return _exact_date(year + 2000 if year < 100 else year, month, day, text, today)
    # The next such date to come; Feb 29 may be years off and is then refused as too long.
    for year in range(today.year, today.year + 9):
        if _valid(year, month, day) and date(year, month, day) > today:
            return date(year, month, day)
    raise ScheduleError(f"couldn't read {text!r} as a date; {_PAUSE_HINT}", code="bad_pause")


def _exact_date(year: int, month: int, day: int, text: str, today: date) -> date:
    if not _valid(year, month, day):
        raise ScheduleError(f"couldn't read {text!r} as a date; {_PAUSE_HINT}", code="bad_pause")
    wanted = date(year, month, day)
    if wanted == today:
        raise ScheduleError("that's today; try 'until tomorrow'", code="pause_in_past")
    if wanted < today:
        raise ScheduleError(f"{_en_date(wanted)} has already passed", code="pause_in_past")
    return wanted


def _next_day_of_month(day: int, text: str, today: date) -> date:
    if not 1 <= day <= 31:
        raise ScheduleError(f"couldn't read {text!r} as a date; {_PAUSE_HINT}", code="bad_pause")
    year, month = today.year, today.month
    for _ in range(4):
        if _valid(year, month, day) and date(year, month, day) > today:
            return date(year, month, day)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    raise ScheduleError(f"couldn't read {text!r} as a date; {_PAUSE_HINT}", code="bad_pause")


# --- formatting ------------------------------------------------------------

_DAY_ABBR = {
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
    # "sab", not "sáb": á is not in GSM-7, and one accent would turn a Saturday's Spanish
    # text into UCS-2 and double its segments (é, in "mié", is in GSM-7).
    "es": ("lun", "mar", "mié", "jue", "vie", "sab", "dom"),
}
_MONTH_ABBR = {
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
    "es": ("ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sept", "oct", "nov", "dic"),
}


def language_of(language: str) -> str:
    """"es", "es-MX", "es_US" -> "es"; anything we have no copy for -> "en"."""
    base = re.split(r"[-_]", (language or "").strip().lower())[0]
    return base if base in _DAY_ABBR else "en"


def _en_date(day: date, year: bool = True) -> str:
    text = f"{_MONTH_ABBR['en'][day.month - 1]} {day.day}"
    return f"{text}, {day.year}" if year else text


def day_month(day: date, language: str, year: bool = False) -> str:
    """"27 Nov" / "27 nov", with " 2026" when ``year``."""
    lang = language_of(language)
    text = f"{day.day} {_MONTH_ABBR[lang][day.month - 1]}"
    return f"{text} {day.year}" if year else text


def format_local(moment: datetime, tz_name: str, language: str) -> str:
    """``moment`` on the member's wall clock for message copy.

    "Thu 27 Nov, 10:00" (en) / "jue 27 nov, 10:00" (es); 24-hour clock, no
    year (messages talk about the coming days).  Other languages get English.
    """
    local = require_aware(moment, "moment").astimezone(zone(tz_name))
    return f"{format_local_day(local, tz_name, language)}, {local:%H:%M}"


def format_local_day(moment: datetime, tz_name: str, language: str) -> str:
    """The member's local date of ``moment``: "Thu 27 Nov" / "jue 27 nov".

    For whole-day copy such as when a pause ends (a pause resumes at 00:00,
    which reads oddly as a time).
    """
    local = require_aware(moment, "moment").astimezone(zone(tz_name))
    return f"{_DAY_ABBR[language_of(language)][local.weekday()]} {day_month(local.date(), language)}"
