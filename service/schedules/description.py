"""Describing a schedule rule in words, for a member or coordinator.

``describe_schedule(rule, language)`` gives "every day at 09:30", "Mondays and
Thursdays at 10:00", "lunes y jueves a las 10:00", ... in English or Spanish;
the tables below hold the words of both languages.  Callers import it from
``service.schedules``.
"""

from __future__ import annotations

from datetime import datetime

from dateutil.rrule import DAILY, MONTHLY, WEEKLY

from service.schedules.member_time import day_month, language_of
from service.schedules.rules import DEFAULT_ANCHOR, read_stamp, rrule_kwargs, split_rule

_DAYS_PLURAL = {
    "en": ("Mondays", "Tuesdays", "Wednesdays", "Thursdays", "Fridays", "Saturdays", "Sundays"),
    "es": ("lunes", "martes", "miércoles", "jueves", "viernes", "sábados", "domingos"),
}
_DAYS_SINGULAR = {
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "es": ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"),
}
_NTH = {
    "en": {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth", -1: "last"},
    "es": {1: "primer", 2: "segundo", 3: "tercer", 4: "cuarto", 5: "quinto", -1: "último"},
}
# Phrase -> (English, Spanish): side by side, so a phrase cannot be missing in one language.
_PHRASES = {
    "every_day": ("every day", "todos los días"),
    "weekdays": ("weekdays", "de lunes a viernes"),
    "and": ("and", "y"),
    "every_n_days": ("every {n} days", "cada {n} días"),
    "every_other_week": ("every other week", "cada dos semanas"),
    "every_n_weeks": ("every {n} weeks", "cada {n} semanas"),
    "month": ("every month", "cada mes"),
    "n_months": ("every {n} months", "cada {n} meses"),
    "monthday": ("on the {day} of {months}", "el día {day} de {months}"),
    "last_day": ("on the last day of {months}", "el último día de {months}"),
    "nth_weekday": ("on the {nth} {weekday} of {months}", "el {nth} {weekday} de {months}"),
    "custom": ("on a custom schedule", "con un calendario propio"),
    "until": (", until {date}", ", hasta el {date}"),
}
_WORDS = {lang: {name: pair[i] for name, pair in _PHRASES.items()} for i, lang in enumerate(("en", "es"))}


def describe_schedule(rule: str, language: str) -> str:
    """The rule in words for a member or coordinator ("en" or "es"; others get English).

    "every day at 09:30", "Mondays and Thursdays at 10:00", "weekdays at
    08:00", "lunes y jueves a las 10:00", "on the first Monday of every month
    at 10:00".  Times are the member's local wall clock.  Rules beyond these
    shapes read "on a custom schedule at 10:00".
    """
    text = split_rule(rule)
    kwargs = rrule_kwargs(text)
    lang = language_of(language)
    words = _WORDS[lang]
    # No member zone here: a DTSTART's time is shown as written.
    anchor = DEFAULT_ANCHOR
    if text.dtstart:
        anchor, _, _ = read_stamp(text.dtstart.partition(":")[2], "DTSTART")
    minute = kwargs.get("byminute", (anchor.minute,))[0]
    at = _at(kwargs.get("byhour", (anchor.hour,)), minute, lang)
    days = _describe_days(kwargs, anchor, lang)
    phrase = f"{days} {at}" if days else f"{words['custom']} {at}"
    until = text.get("UNTIL")
    if until:
        wall, _, _ = read_stamp(until, "UNTIL")
        phrase += words["until"].format(date=day_month(wall.date(), lang, year=True))
    return phrase


def _at(hours: tuple[int, ...], minute: int, lang: str) -> str:
    """ "at 09:00 and 21:00" / "a las 09:00 y a la 13:00": one or two times of day."""
    if lang == "en":
        return "at " + " and ".join(f"{hour:02d}:{minute:02d}" for hour in hours)
    return " y ".join(f"{'a la' if hour == 1 else 'a las'} {hour:02d}:{minute:02d}" for hour in hours)


def _describe_days(kwargs: dict, anchor: datetime, lang: str) -> str | None:
    words = _WORDS[lang]
    freq, interval = kwargs["freq"], kwargs["interval"]
    other = set(kwargs) - {"freq", "interval", "wkst", "byhour", "byminute", "bysecond", "byweekday"}
    if other - ({"bymonthday"} if freq == MONTHLY else set()):
        return None
    byday = kwargs.get("byweekday", ())
    if freq in (DAILY, WEEKLY):
        if any(day.n for day in byday):
            return None
        days = sorted({day.weekday for day in byday}) or (list(range(7)) if freq == DAILY else [anchor.weekday()])
        if freq == DAILY and interval > 1:
            return words["every_n_days"].format(n=interval) if len(days) == 7 else None
        phrase = _day_list(days, lang)
        if freq == WEEKLY and interval == 2:
            phrase += f" {words['every_other_week']}"
        elif freq == WEEKLY and interval > 2:
            phrase += f" {words['every_n_weeks'].format(n=interval)}"
        return phrase
    if freq != MONTHLY:
        return None
    months = words["month"] if interval == 1 else words["n_months"].format(n=interval)
    monthdays = kwargs.get("bymonthday", () if byday else (anchor.day,))
    if len(monthdays) == 1 and not byday:
        if monthdays[0] == -1:
            return words["last_day"].format(months=months)
        if monthdays[0] > 0:
            day = _ordinal(monthdays[0]) if lang == "en" else str(monthdays[0])
            return words["monthday"].format(day=day, months=months)
    if len(byday) == 1 and not monthdays and byday[0].n in _NTH[lang]:
        weekday = _DAYS_SINGULAR[lang][byday[0].weekday]
        return words["nth_weekday"].format(nth=_NTH[lang][byday[0].n], weekday=weekday, months=months)
    return None


def _day_list(days: list[int], lang: str) -> str:
    words = _WORDS[lang]
    if len(days) == 7:
        return words["every_day"]
    if days == [0, 1, 2, 3, 4]:
        return words["weekdays"]
    names = [_DAYS_PLURAL[lang][day] for day in days]
    if len(names) == 1:
        return names[0]
    return f"{', '.join(names[:-1])} {words['and']} {names[-1]}"


def _ordinal(number: int) -> str:
    suffix = "th" if 11 <= number % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"
