"""Dates of the knowledge base: a year, a month or a day, and what "on date D" means."""

from __future__ import annotations

import datetime as dt

import pytest

from randnotiz.dates import PartialDate, parse_partial_date
from randnotiz.model import Affiliation, Event, Origin
from randnotiz.paths import Slug

D = dt.date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2018", PartialDate(2018)),
        ("2018-03", PartialDate(2018, 3)),
        ("2018-03-05", PartialDate(2018, 3, 5)),
        (" 2018-3-5 ", PartialDate(2018, 3, 5)),
        ("2024-02-29", PartialDate(2024, 2, 29)),
        ("2025-02-29", None),  # no such day
        ("2018-13", None),
        ("2018-00", None),
        ("18", None),
        ("März 2018", None),
        ("2018/03", None),
        ("", None),
    ],
)
def test_parse(text: str, expected: PartialDate | None) -> None:
    assert parse_partial_date(text) == expected


@pytest.mark.parametrize(
    ("date", "first", "last", "iso", "german"),
    [
        (PartialDate(2018), D(2018, 1, 1), D(2018, 12, 31), "2018", "2018"),
        (PartialDate(2024, 2), D(2024, 2, 1), D(2024, 2, 29), "2024-02", "Februar 2024"),
        (PartialDate(2025, 11, 19), D(2025, 11, 19), D(2025, 11, 19), "2025-11-19", "19. November 2025"),
    ],
)
def test_a_date_covers_its_days(
    date: PartialDate, first: dt.date, last: dt.date, iso: str, german: str
) -> None:
    assert (date.first_day(), date.last_day(), date.isoformat(), date.german()) == (
        first,
        last,
        iso,
        german,
    )


def _aff(since: str | None, until: str | None) -> Affiliation:
    def parsed(text: str | None) -> PartialDate | None:
        return parse_partial_date(text) if text else None

    return Affiliation(Slug("meta"), "Chief AI Scientist", parsed(since), parsed(until))


@pytest.mark.parametrize(
    ("since", "until", "day", "held"),
    [
        ("2018", None, D(2018, 1, 1), True),  # a year-only since starts on 1 January
        ("2018", None, D(2017, 12, 31), False),
        (None, "2018", D(2018, 12, 31), True),  # a year-only until ends on 31 December
        (None, "2018", D(2019, 1, 1), False),
        ("2018-03", "2018-03", D(2018, 3, 31), True),
        ("2018-03", "2018-03", D(2018, 4, 1), False),
        ("2025-07-07", "2026-02", D(2025, 7, 6), False),
        ("2025-07-07", "2026-02", D(2026, 2, 28), True),
        ("2018", "2025-12", D(2025, 7, 29), True),
        ("2018", "2025-12", D(2026, 1, 1), False),
        (None, None, D(2025, 7, 29), False),  # undated: says nothing about a day
    ],
)
def test_held_on(since: str | None, until: str | None, day: dt.date, held: bool) -> None:
    assert _aff(since, until).held_on(day) is held


@pytest.mark.parametrize(
    ("date", "day", "after"),
    [
        ("2025-07-30", D(2025, 7, 29), True),
        ("2025-07-29", D(2025, 7, 29), False),  # the same day is not "since"
        ("2025-07", D(2025, 7, 29), False),  # might have been before: not certainly after
        ("2025-08", D(2025, 7, 29), True),
        ("2026", D(2025, 7, 29), True),
        ("2025", D(2025, 7, 29), False),
    ],
)
def test_an_event_is_after_a_day_only_when_all_of_it_is(date: str, day: dt.date, after: bool) -> None:
    parsed = parse_partial_date(date)
    assert parsed is not None
    assert Event(parsed, "x", Origin("people.yml")).after(day) is after
