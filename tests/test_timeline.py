"""The chronicle: every dated fact of the knowledge base and the articles, newest first, linked."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from randnotiz.dates import PartialDate, parse_partial_date
from randnotiz.render.timeline import EntryKind, entries
from randnotiz.render.view import SiteView


@pytest.fixture(scope="module")
def page(shipped_site: Path) -> BeautifulSoup:
    html = (shipped_site / "chronik" / "index.html").read_text(encoding="utf-8")
    return BeautifulSoup(html, "html.parser")


def expected_entries(view: SiteView) -> Counter[tuple]:
    """What the chronicle must hold, read straight from the corpus."""
    kb = view.corpus.knowledge
    out: Counter[tuple] = Counter()
    for a in view.corpus.articles:
        out[(EntryKind.ARTICLE, PartialDate.of(a.date), a.id, None)] += 1
    for o in kb.organizations:
        if o.founded:
            out[(EntryKind.FOUNDED, o.founded, o.id, None)] += 1
    for p in kb.people:
        for aff in p.affiliations:
            if aff.since:
                out[(EntryKind.STARTED, aff.since, p.id, aff.organization)] += 1
            if aff.until:
                out[(EntryKind.ENDED, aff.until, p.id, aff.organization)] += 1
    for e in (*kb.people, *kb.organizations):
        for event in e.events:
            out[(EntryKind.EVENT, event.date, e.id, None)] += 1
    return out


def test_every_dated_fact_is_an_event(view: SiteView) -> None:
    actual = Counter((e.kind, e.date, e.subject, e.other) for e in entries(view))
    assert actual == expected_entries(view)
    assert (EntryKind.STARTED, PartialDate(2013, 12), "yann-lecun", "fair") in actual
    assert (EntryKind.ENDED, PartialDate(2018), "yann-lecun", "fair") in actual
    assert (EntryKind.FOUNDED, PartialDate(2004), "meta", None) in actual
    assert (EntryKind.EVENT, PartialDate(2025, 11, 19), "yann-lecun", None) in actual


def test_newest_first_months_before_the_year_and_days_before_the_month(view: SiteView) -> None:
    keys = [(e.date.year, e.date.month or 0, e.date.day or 0) for e in entries(view)]
    assert keys == sorted(keys, reverse=True)


@pytest.mark.parametrize(
    ("dates", "newest_first"),
    [
        (["2018", "2018-03", "2018-03-05"], ["2018-03-05", "2018-03", "2018"]),
        (["2017-12-31", "2018"], ["2018", "2017-12-31"]),
        (["2025-07", "2025-08-01", "2025-07-29"], ["2025-08-01", "2025-07-29", "2025-07"]),
    ],
)
def test_order_of_mixed_precisions(dates: list[str], newest_first: list[str]) -> None:
    parsed = [parse_partial_date(d) for d in dates]
    ordered = sorted(parsed, key=lambda d: d.newest_first())  # type: ignore[union-attr]
    assert [d.isoformat() for d in ordered] == newest_first  # type: ignore[union-attr]


def test_article_events_carry_the_full_date(view: SiteView) -> None:
    (article_event,) = [e for e in entries(view) if e.kind is EntryKind.ARTICLE]
    assert article_event.date is not None and article_event.date.isoformat() == "2025-07-29"


def test_page_has_one_item_per_event_under_its_year(page: BeautifulSoup, view: SiteView) -> None:
    content = page.select_one("article.md-content__inner")
    assert content is not None
    headings = [h.get_text().rstrip("¶") for h in content.find_all("h2")]
    years = sorted({e.year for e in entries(view)}, reverse=True)
    assert headings == [str(y) for y in years]
    items = content.select(".rn-timeline li")
    assert len(items) == len(entries(view))
    (article,) = [li for li in items if li.select_one(".rn-event--artikel")]
    assert article.time is not None and article.time["datetime"] == "2025-07-29"
    assert article.get_text(" ", strip=True).startswith(
        "29. Juli 2025 Artikel Zuckerbergs KI-Offensive"
    )


def test_each_item_is_linked_to_what_it_is_about(
    page: BeautifulSoup, view: SiteView, shipped_site: Path
) -> None:
    content = page.select_one("article.md-content__inner")
    assert content is not None
    for item, event in zip(content.select(".rn-timeline li"), entries(view), strict=True):
        hrefs = [a["href"] for a in item.find_all("a")]
        if event.kind is EntryKind.EVENT:  # the entity, then the sources
            assert event.event is not None
            assert hrefs[1:] == [s.url for s in event.event.sources], item
            hrefs = hrefs[:1]
        wanted = 2 if event.kind in (EntryKind.STARTED, EntryKind.ENDED) else 1
        assert len(hrefs) == wanted, item
        for href in hrefs:
            assert href.startswith("/"), href  # raw HTML: a path from the site's root
            target = href.split("#")[0].strip("/")
            assert (shipped_site / target / "index.html").is_file(), href
        ids = [h.rstrip("/").split("/")[-1] for h in hrefs]
        assert ids[0] == event.subject
        if event.other:
            assert ids[1] == event.other


def test_yann_lecun_leaving_fair_reads_as_a_sentence(page: BeautifulSoup) -> None:
    texts = {" ".join(li.get_text().split()) for li in page.select(".rn-timeline li")}
    assert "2018 Ende Yann LeCun bei FAIR (Gründungsdirektor)" in texts


def test_chronicle_is_in_the_navigation(page: BeautifulSoup) -> None:
    labels = [a.get_text(strip=True) for a in page.select("nav.md-tabs a, nav.md-nav--primary a")]
    assert "Chronik" in labels and "Netzwerk" in labels


def test_an_event_reads_with_date_entity_text_and_source(page: BeautifulSoup) -> None:
    texts = {" ".join(li.get_text().split()) for li in page.select(".rn-timeline li")}
    assert (
        "22. Oktober 2025 Ereignis Meta Superintelligence Labs: Meta strich rund 600 Stellen "
        "in der Einheit, unter anderem bei FAIR und in den Produkt- und Infrastrukturteams; "
        "das TBD Lab blieb ausgenommen. Alexandr Wang begründete den Schritt damit, dass in "
        "kleineren Teams weniger Abstimmung nötig sei. Quelle: NDTV Profit (Bloomberg): Meta "
        "cutting roughly 600 AI jobs (22. Oktober 2025), India TV: Meta cuts 600 roles across "
        "AI units including FAIR (22. Oktober 2025)"
    ) in texts
