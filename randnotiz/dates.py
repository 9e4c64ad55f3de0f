"""German dates: read them the way news sites write them, print them the German way."""

from __future__ import annotations

import datetime as dt
import re

MONTHS = (
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
)
_MONTH_NUMBER = {name.lower(): i for i, name in enumerate(MONTHS, start=1)}
_MONTH_NUMBER |= {"maerz": 3, "jänner": 1, "jan": 1, "feb": 2, "mär": 3, "apr": 4, "jun": 6}
_MONTH_NUMBER |= {"jul": 7, "aug": 8, "sep": 9, "sept": 9, "okt": 10, "nov": 11, "dez": 12}

_WEEKDAY = r"(?:(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag),?\s+)?"
_NAMED = re.compile(_WEEKDAY + r"(\d{1,2})\.\s*([A-Za-zÄÖÜäöü]+)\.?,?\s+(\d{4})")
_DOTTED = re.compile(_WEEKDAY + r"(\d{1,2})\.(\d{1,2})\.(\d{4})")
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def parse_date(text: str) -> dt.date | None:
    """The date a line states, or None when the whole line is not a date.

    Accepts "29. Juli, 2025", "29. Juli 2025", "Dienstag, 29. Juli 2025",
    "29.07.2025" and "2025-07-29"; a time after the date is ignored.
    """
    text = text.strip()
    for pattern, order in ((_NAMED, "dmy"), (_DOTTED, "dmy"), (_ISO, "ymd")):
        m = pattern.match(text)
        if not m:
            continue
        rest = text[m.end() :].strip()
        if rest and not re.fullmatch(r"(?:,|um|-|–|T)?\s*\d{1,2}[:.]\d{2}.*", rest):
            return None
        a, b, c = m.groups()
        day, month, year = (a, b, c) if order == "dmy" else (c, b, a)
        month_number = int(month) if month.isdigit() else _MONTH_NUMBER.get(month.lower())
        if month_number is None:
            return None
        try:
            return dt.date(int(year), month_number, int(day))
        except ValueError:
            return None
    return None


def german_date(date: dt.date) -> str:
    """'29. Juli 2025'."""
    return f"{date.day}. {MONTHS[date.month - 1]} {date.year}"
