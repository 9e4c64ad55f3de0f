"""``randnotiz import`` on the 48 saved news pages of ``tests/corpora/smartdata-dev``.

One row per page and figure. The table, ``tests/corpora/smartdata-dev.expected.yml``,
was made by reading every page (see its header); ``scripts/measure_import.py``
judges with the same function and prints the four figures the README quotes.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from functools import cache

import pytest

from randnotiz.importer import seed as import_seed
from randnotiz.importer.extract import Extracted, extract_article
from randnotiz.model import BlockKind
from randnotiz.read.seed import parse_seed

from .conftest import load_script

measure_import = load_script("measure_import")
CORPUS = measure_import.CORPUS
TABLE = measure_import.load_expected()
ARTICLES = [e for e in TABLE if e.refused is None]
ids = [e.page for e in TABLE]


@cache
def _verdict(page: str):
    expected = next(e for e in TABLE if e.page == page)
    return measure_import.judge(expected, measure_import.randnotiz_reads(CORPUS / f"{page}.html"))


def test_the_table_covers_the_corpus() -> None:
    assert sorted(e.page for e in TABLE) == sorted(p.stem for p in CORPUS.glob("*.html"))
    assert len(TABLE) == 48
    assert [e.page for e in TABLE if e.refused] == [
        "smartdata_news_1242",
        "smartdata_news_1246",
        "smartdata_news_1320",
        "smartdata_news_32",
        "smartdata_news_448",
        "smartdata_news_809",
    ]


@pytest.mark.parametrize("expected", TABLE, ids=ids)
def test_title(expected) -> None:
    verdict = _verdict(expected.page)
    assert verdict.title, verdict.problems


@pytest.mark.parametrize("expected", TABLE, ids=ids)
def test_date(expected) -> None:
    verdict = _verdict(expected.page)
    assert verdict.date, verdict.problems


@pytest.mark.parametrize("expected", TABLE, ids=ids)
def test_first_paragraph(expected) -> None:
    verdict = _verdict(expected.page)
    assert verdict.lede, verdict.problems


@pytest.mark.parametrize("expected", TABLE, ids=ids)
def test_no_furniture(expected) -> None:
    verdict = _verdict(expected.page)
    assert verdict.furniture, verdict.problems


@pytest.mark.parametrize("expected", [e for e in ARTICLES if e.checks_author], ids=lambda e: e.page)
def test_author(expected) -> None:
    verdict = _verdict(expected.page)
    assert verdict.author, verdict.problems


def _extract(page: str) -> Extracted:
    found = extract_article((CORPUS / f"{page}.html").read_bytes(), f"{page}.html")
    assert isinstance(found, Extracted), [str(p) for p in found]
    return found


@pytest.mark.parametrize("expected", ARTICLES, ids=lambda e: e.page)
def test_seed_reads_back(expected) -> None:
    """The seed reader gets the same title, date and text blocks from the written seed."""
    extracted = _extract(expected.page)
    if extracted.date is None:
        extracted = dataclasses.replace(extracted, date=dt.date(2016, 1, 1))
    text = import_seed.seed_text(extracted)
    result = parse_seed(text, "seed.txt", import_seed.notes_for(extracted, None, "x.yml"))
    assert [str(p) for p in result.problems if p.severity == "error"] == []
    article = result.article
    assert article is not None
    assert (article.title, article.date, article.rubric) == (
        extracted.title,
        extracted.date,
        extracted.rubric,
    )
    assert [(b.kind, b.text) for b in article.blocks] == [
        (BlockKind.LEDE, extracted.lede),
        *((b.kind, b.text) for b in extracted.blocks),
    ]
    notes = import_seed.notes_for(extracted, None, "x.yml")
    assert import_seed.read_back(extracted, text, "seed.txt", notes) == []


@pytest.mark.parametrize(
    ("page", "message"),
    [
        (
            "smartdata_news_32",
            "not an article: the page only redirects to "
            "/deutschland-welt/wirtschaft/artikel/685736/bundesweite-proteste-gegen-stellenabbau-"
            "bei-bombardier?piano_d=1 and holds no text; open that address in the browser and "
            "save the page it shows",
        ),
        (
            "smartdata_news_1242",
            "not an article: the page holds only the beginning of one (its text breaks off at "
            "'…\"Wir sehen keine signifikante Überschneidung in…'); save the page that shows the "
            "whole article",
        ),
        (
            "smartdata_news_1246",
            "not an article: no paragraph of running text in this page (an overview, a list of "
            "teasers, a cookie page); save the page of the article itself or write the seed by "
            "hand",
        ),
    ],
)
def test_refusal_messages(page: str, message: str) -> None:
    found = extract_article((CORPUS / f"{page}.html").read_bytes(), f"{page}.html")
    assert isinstance(found, tuple)
    assert [str(p) for p in found] == [f"{page}.html:1:1: error: {message}"]


def test_the_source_of_a_page() -> None:
    extracted = _extract("smartdata_news_1113")
    assert (extracted.page.url, extracted.page.site) == (
        "http://www.kreiszeitung.de/lokales/diepholz/lemfoerde-ort48657/schaden-1000-euro-6113191.html",
        "kreiszeitung.de",
    )
    assert _extract("smartdata_news_1035").page.site == "finanzen.at"


def test_the_figures_the_readme_quotes(capsys: pytest.CaptureFixture[str]) -> None:
    assert measure_import.main([]) == 0
    assert capsys.readouterr().out.splitlines()[-2:] == [
        "           title           date            first paragraph  no furniture  ",
        "randnotiz  48/48 (100 %)   48/48 (100 %)   48/48 (100 %)   48/48 (100 %) ",
    ]


@pytest.mark.parametrize(
    ("found", "kicker_in_title", "figures"),
    [
        ({"title": "Abläufe geprobt", "rubric": "Sicherheit"}, False, (True, True, True, True)),
        ({"title": "Sicherheit: Abläufe geprobt"}, False, (False, True, True, True)),
        ({"title": "Sicherheit: Abläufe geprobt"}, True, (True, True, True, True)),
        ({"title": "Abläufe geprobt"}, True, (True, True, True, True)),
        ({"refused": "not an article: …"}, False, (False, False, False, False)),
    ],
    ids=["kicker-as-rubric", "kicker-in-title", "other-tool-kicker", "other-tool-bare", "refused"],
)
def test_judge(found: dict, kicker_in_title: bool, figures: tuple) -> None:
    expected = measure_import.Expected(
        page="p",
        title="Abläufe geprobt",
        rubric="Sicherheit",
        date=dt.date(2016, 2, 16),
        lede="Westerstede Massive Schneefälle.",
        absent=("Leserkommentare",),
    )
    article = {"date": dt.date(2016, 2, 16), "lede": "Westerstede Massive Schneefälle."}
    article["text"] = "Westerstede Massive Schneefälle."
    verdict = measure_import.judge(
        expected,
        measure_import.Found(**({} if "refused" in found else article), **found),
        kicker_in_title=kicker_in_title,
    )
    assert verdict.figures == figures
