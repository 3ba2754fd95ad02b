"""Ids in URLs and forms, held to what the database's integer columns can hold.

An id no row can have is simply not found -- a 404, or the form's own "choose from the
list" -- never a database error: SQLite refuses a Python int past 2**63 before it even
looks, and every id column is a 32-bit integer on PostgreSQL. ``IdConverter`` stands in for
Werkzeug's ``int`` converter in every route of the app; ``form_id`` reads one from a form.
"""

from __future__ import annotations

from werkzeug.routing import IntegerConverter

MAX_ID = 2**31 - 1


class IdConverter(IntegerConverter):
    def __init__(self, map, fixed_digits: int = 0, min: int | None = None, max: int | None = None,
                 signed: bool = False):
        super().__init__(map, fixed_digits=fixed_digits, min=min, max=MAX_ID if max is None else max, signed=signed)


def form_id(value: str | None) -> int | None:
    """A positive id from a form field or query argument, or None."""
    try:
        number = int((value or "").strip())
    except ValueError:
        return None
    return number if 0 < number <= MAX_ID else None
