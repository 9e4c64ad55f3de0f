"""German search as a reader uses it: a surname alone, an inflected word, a quoted word."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from browsing import Hit, pages_in_order, search
from bs4 import BeautifulSoup
from playwright.sync_api import Page

pytestmark = pytest.mark.browser

#: Sections of an article that repeat other pages' text (entity summaries), not the article's.
NOT_THE_TEXT = ("in-diesem-artikel", "anmerkungen")


def people(site: Path) -> list[tuple[str, str]]:
    """(surname, profile URL path) for every person page of the built site."""
    found = []
    for page in sorted((site / "personen").glob("*/index.html")):
        h1 = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").h1
        for anchor in h1.select("a.headerlink"):
            anchor.decompose()
        name = h1.get_text(strip=True)
        found.append((name.split()[-1], f"/personen/{page.parent.name}/"))
    assert found, "the site has no person pages"
    return found


def test_lecun_alone_lists_his_profile_first(page: Page, site_url: str) -> None:
    hits = search(page, site_url, "LeCun")
    assert pages_in_order(hits)[0] == "/personen/yann-lecun/", pages_in_order(hits)[:3]


def test_every_surname_alone_lists_the_profile_first(
    page: Page, site_url: str, shipped_site: Path
) -> None:
    wrong = []
    for surname, profile in people(shipped_site):
        first = pages_in_order(search(page, site_url, surname))[:1]
        if first != [profile]:
            wrong.append(f"{surname!r}: first result {first}, expected {profile}")
    assert not wrong, "\n".join(wrong)


def test_an_inflected_word_finds_its_article(page: Page, site_url: str, site_pages) -> None:
    """'Forscher' finds the article through its own text ('Forschern'), not a summary."""
    hits = search(page, site_url, "Forscher")
    in_text = [h for h in _article_sections(hits, site_pages.article) if _marks_start(h, "forsch")]
    other_forms = {m for h in in_text for m in h.marked if m.lower() != "forscher"}
    assert in_text, f"no section of the article text found; article hits: {hits}"
    assert other_forms, f"only the exact word was found, no inflected form: {in_text}"


def test_a_word_in_german_quotes_is_found(page: Page, site_url: str, site_pages, shipped_site) -> None:
    """„Behemoth“ in the article text: without German quotes as separators it is never found."""
    word = _quoted_word(shipped_site / site_pages.article.strip("/") / "index.html")
    hits = search(page, site_url, word)
    assert any(_marks_start(h, word.lower()) for h in _article_sections(hits, site_pages.article)), (
        f"{word!r}, quoted in the article, not found in its text: {hits}"
    )


def _article_sections(hits: list[Hit], article: str) -> list[Hit]:
    return [h for h in hits if h.page == article and not h.anchor.startswith(NOT_THE_TEXT)]


def _marks_start(hit: Hit, prefix: str) -> bool:
    return any(mark.lower().startswith(prefix) for mark in hit.marked)


def _quoted_word(article_html: Path) -> str:
    """A single word the article's paragraphs only ever show in „German quotes“."""
    soup = BeautifulSoup(article_html.read_text(encoding="utf-8"), "html.parser")
    text = " ".join(p.get_text() for p in soup.select("article p[id^=absatz-]"))
    for word in re.findall(r"„(\w+)“", text):
        if not re.search(rf"(?<!„){re.escape(word)}", text):
            return word
    pytest.fail("the article quotes no single word in „…“")
