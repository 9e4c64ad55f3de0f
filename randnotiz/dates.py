"""German dates: read them the way news sites write them, print them the German way."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

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
    """'29. Juli 2025'; the year with four digits ('0999'), so that ``parse_date`` reads
    every date it writes (a seed the importer writes starts with one)."""
    return f"{date.day}. {MONTHS[date.month - 1]} {date.year:04d}"


# --- dates of the knowledge base: known to the year, the month or the day ------------

Precision = Literal["year", "month", "day"]


@dataclass(frozen=True)
class PartialDate:
    """A date as precisely as an annotator knows it: 2018, 2018-03 or 2018-03-05.

    A year or a month stands for every day in it: ``first_day`` is the earliest
    of them and ``last_day`` the latest. So an affiliation ``since: 2018`` holds
    from 1 January 2018 and one ``until: 2018`` until 31 December 2018, and
    "on date D" means ``since.first_day() <= D <= until.last_day()``.
    """

    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if self.day is not None and self.month is None:
            raise ValueError("a day needs a month")
        month, day = self.month, self.day
        dt.date(self.year, 1 if month is None else month, 1 if day is None else day)

    @property
    def precision(self) -> Precision:
        return "day" if self.day else "month" if self.month else "year"

    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> dt.date:
        if self.day:
            return self.first_day()
        month = self.month or 12
        return dt.date(self.year, month, calendar.monthrange(self.year, month)[1])

    def isoformat(self) -> str:
        """'2018', '2018-03' or '2018-03-05': ISO 8601 with the precision known."""
        out = f"{self.year:04d}"
        if self.month:
            out += f"-{self.month:02d}"
        if self.day:
            out += f"-{self.day:02d}"
        return out

    def german(self) -> str:
        """'2018', 'März 2018' or '5. März 2018'."""
        if self.day:
            return german_date(self.first_day())
        if self.month:
            return f"{MONTHS[self.month - 1]} {self.year}"
        return str(self.year)

    def newest_first(self) -> tuple[int, int, int]:
        """Sort key, newest first: within a year the months, newest first, then what is
        known only by its year; within a month the days, then what is known only by its month.
        """
        return (-self.year, -(self.month or 0), -(self.day or 0))

    @classmethod
    def of(cls, date: dt.date) -> PartialDate:
        return cls(date.year, date.month, date.day)


_PARTIAL = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")


def parse_partial_date(text: str) -> PartialDate | None:
    """'2018', '2018-03' or '2018-03-05' as a ``PartialDate``; None for anything else,
    an impossible day ('2025-02-30') included."""
    m = _PARTIAL.fullmatch(text.strip())
    if not m:
        return None
    year, month, day = (int(g) if g else None for g in m.groups())
    try:
        return PartialDate(year, month, day)  # type: ignore[arg-type]
    except ValueError:
        return None
