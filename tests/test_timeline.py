"""The chronicle: every dated fact of the knowledge base and the articles, newest first, linked."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from randnotiz.render.timeline import EventKind, events
from randnotiz.render.view import SiteView


@pytest.fixture(scope="module")
def page(shipped_site: Path) -> BeautifulSoup:
    html = (shipped_site / "chronik" / "index.html").read_text(encoding="utf-8")
    return BeautifulSoup(html, "html.parser")


def expected_events(view: SiteView) -> Counter[tuple]:
    """What the chronicle must hold, read straight from the corpus."""
    kb = view.corpus.knowledge
    out: Counter[tuple] = Counter()
    for a in view.corpus.articles:
        out[(EventKind.ARTICLE, a.date.year, a.id, None)] += 1
    for o in kb.organizations:
        if o.founded:
            out[(EventKind.FOUNDED, o.founded, o.id, None)] += 1
    for p in kb.people:
        for aff in p.affiliations:
            if aff.since:
                out[(EventKind.STARTED, aff.since, p.id, aff.organization)] += 1
            if aff.until:
                out[(EventKind.ENDED, aff.until, p.id, aff.organization)] += 1
    return out


def test_every_dated_fact_is_an_event(view: SiteView) -> None:
    actual = Counter((e.kind, e.year, e.subject, e.other) for e in events(view))
    assert actual == expected_events(view)
    assert (EventKind.STARTED, 2013, "yann-lecun", "fair") in actual
    assert (EventKind.ENDED, 2018, "yann-lecun", "fair") in actual
    assert (EventKind.FOUNDED, 2004, "meta", None) in actual


def test_newest_first_and_dated_events_first_within_a_year(view: SiteView) -> None:
    listed = events(view)
    years = [e.year for e in listed]
    assert years == sorted(years, reverse=True)
    for year in set(years):
        same = [e for e in listed if e.year == year]
        dated = [e.date is not None for e in same]
        assert dated == sorted(dated, reverse=True)
        dates = [e.date for e in same if e.date]
        assert dates == sorted(dates, reverse=True)


def test_article_events_carry_the_full_date(view: SiteView) -> None:
    (article_event,) = [e for e in events(view) if e.kind is EventKind.ARTICLE]
    assert article_event.date is not None and article_event.date.isoformat() == "2025-07-29"


def test_page_has_one_item_per_event_under_its_year(page: BeautifulSoup, view: SiteView) -> None:
    content = page.select_one("article.md-content__inner")
    assert content is not None
    headings = [h.get_text().rstrip("¶") for h in content.find_all("h2")]
    years = sorted({e.year for e in events(view)}, reverse=True)
    assert headings == [str(y) for y in years]
    items = content.select(".rn-timeline li")
    assert len(items) == len(events(view))
    first = items[0]
    assert first.time is not None and first.time["datetime"] == "2025-07-29"
    assert first.get_text(" ", strip=True).startswith(
        "29. Juli 2025 Artikel Zuckerbergs KI-Offensive"
    )


def test_each_item_is_linked_to_what_it_is_about(
    page: BeautifulSoup, view: SiteView, shipped_site: Path
) -> None:
    content = page.select_one("article.md-content__inner")
    assert content is not None
    for item, event in zip(content.select(".rn-timeline li"), events(view), strict=True):
        hrefs = [a["href"] for a in item.find_all("a")]
        wanted = 2 if event.kind in (EventKind.STARTED, EventKind.ENDED) else 1
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
