"""CSV that opens safely in a spreadsheet: no cell is ever run as a formula.

Excel, LibreOffice and Google Sheets read a cell that starts with ``=``, ``+``, ``-``, ``@``,
a tab or a carriage return as a formula: a member named ``=HYPERLINK("http://x","y")`` would
become a link in the coordinator's sheet, ``=cmd|' /C calc'!A0`` a program run. As OWASP
recommends (CSV Injection), such a cell gets a leading ``'``, which spreadsheets read as
"this is text" and do not show. Leading spaces do not hide a formula from every spreadsheet,
nor does a full-width ``＝``, so both count too. A plain number -- a score, a count, a phone
number in E.164 -- is a value, not a formula, and is left as it is.

``read_cell`` undoes it, so a file Kinship wrote imports again as the same people.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
_NUMBER = re.compile(r"[+-]?[0-9]+(?:\.[0-9]+)?")


def safe_cell(value: object) -> str:
    text = "" if value is None else str(value)
    # A text that already starts with ' before a formula gets one more, so reading undoes exactly one.
    return "'" + text if _formula(text.lstrip("'")) else text


def read_cell(text: str) -> str:
    """A cell as ``safe_cell`` was given it: the ``'`` it added, taken off again."""
    return text[1:] if text.startswith("'") and _formula(text.lstrip("'")) else text


def _formula(text: str) -> bool:
    return text.lstrip(" ").startswith(FORMULA_STARTS) and not _NUMBER.fullmatch(text)


def write_csv(header: Iterable[str], rows: Iterable[Iterable[object]]) -> str:
    """A CSV document (``\\n`` line ends, quoted as needed) with every cell made safe."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([safe_cell(name) for name in header])
    writer.writerows([safe_cell(value) for value in row] for row in rows)
    return out.getvalue()
