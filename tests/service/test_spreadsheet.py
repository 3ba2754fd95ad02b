"""CSV that opens safely in a spreadsheet: OWASP's formula-injection payloads come out as text."""

from __future__ import annotations

import pytest

from service.spreadsheet import read_cell, safe_cell

# OWASP's CSV Injection page and the ones the probe used against the member exports.
OWASP_PAYLOADS = [
    '=HYPERLINK("http://x","y")',
    "=1+1",
    "+cmd|' /C calc'!A0",
    "@SUM(1+9)*cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "=cmd|' /C notepad'!'A1'",
    '=1+2";=1+2',
    "=1+2'\" ;,=1+2",
    "\t=1+1",
    "\r=1+1",
    "  =1+1",
    "\uff1d1+1",  # a full-width equals sign, read as one by some spreadsheets
    "@",
    "-",
    "+1-800-FLOWERS",
]


@pytest.mark.parametrize("payload", OWASP_PAYLOADS)
def test_a_cell_a_spreadsheet_would_run_gets_a_leading_quote(payload):
    assert safe_cell(payload) == "'" + payload


@pytest.mark.parametrize("value", ["Sam Rivera", "", "+14155550101", "-3", "4", "2.5", "2026-11-30T15:00:00Z",
                                   "FREQ=WEEKLY;BYDAY=MO", "O'Brien", "'quoted already"])
def test_words_and_plain_numbers_are_left_as_they_are(value):
    assert safe_cell(value) == value


def test_numbers_and_none_are_cells_too():
    assert safe_cell(None) == "" and safe_cell(3) == "3" and safe_cell(-1) == "-1"


@pytest.mark.parametrize("payload", OWASP_PAYLOADS + ["Sam Rivera", "'quoted already", "+14155550101"])
def test_reading_a_written_cell_gives_back_what_was_written(payload):
    assert read_cell(safe_cell(payload)) == payload


def test_a_text_that_starts_with_a_quote_before_a_formula_also_reads_back_the_same():
    assert safe_cell("'=1+1") == "''=1+1" and read_cell("''=1+1") == "'=1+1"


def test_write_csv_quotes_and_neutralises_every_cell():
    from service.spreadsheet import write_csv

    assert write_csv(["name", "score"], [['=1+2";=1+2', 4], ["Sam, Rivera", None]]) == (
        'name,score\n"\'=1+2"";=1+2",4\n"Sam, Rivera",\n')
