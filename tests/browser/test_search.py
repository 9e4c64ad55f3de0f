"""German search as a reader uses it: names in any form, inflected words, umlauts typed
as ae/oe/ue, filters, the keyboard alone. Each result is asserted by its URL."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from browsing import (
    RESULTS,
    Hit,
    choose_filter,
    open_search,
    read_results,
    results_in_order,
    search,
)
from bs4 import BeautifulSoup
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

ARTICLE = "/artikel/zuckerbergs-ki-offensive/"


@pytest.mark.parametrize(
    ("query", "expected", "within"),
    [
        ("LeCun", "/personen/yann-lecun/", 1),
        ("Yann LeCun", "/personen/yann-lecun/", 1),
        ("Zuckerbergs", "/personen/mark-zuckerberg/", 1),
        ("Metas", "/organisationen/meta/", 1),
        ("Sprachmodelle", "/glossar/#sprachmodell", 3),
        ("Gruendermodus", "/glossar/#gruendermodus", 1),
        ("Stimmrechte", "/glossar/#mehrfachstimmrecht", 3),
        ("Forschung", ARTICLE, None),
        ("Forscher", ARTICLE, None),
    ],
)
def test_a_query_finds_its_page(
    page: Page, site_url: str, query: str, expected: str, within: int | None
) -> None:
    found = results_in_order(search(page, site_url, query))
    assert expected in found[:within], f"{query!r}: {found}"


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


def test_every_surname_alone_lists_the_profile_first(
    page: Page, site_url: str, shipped_site: Path
) -> None:
    wrong = []
    for surname, profile in people(shipped_site):
        first = results_in_order(search(page, site_url, surname))[:1]
        if first != [profile]:
            wrong.append(f"{surname!r}: first result {first}, expected {profile}")
    assert not wrong, "\n".join(wrong)


def test_an_inflected_word_finds_its_article(page: Page, site_url: str, site_pages) -> None:
    """'Forscher' finds the article through its own text ('Forschern'), not a summary."""
    hits = search(page, site_url, "Forscher")
    in_text = [h for h in hits if h.page == site_pages.article and _marks_start(h, "forsch")]
    other_forms = {m for h in in_text for m in h.marked if m.strip(",.;:").lower() != "forscher"}
    assert in_text, f"no part of the article text found; article hits: {hits}"
    assert other_forms, f"only the exact word was found, no inflected form: {in_text}"


def test_a_heading_is_a_result_with_its_anchor(page: Page, site_url: str, site_pages) -> None:
    hits = search(page, site_url, "Forschung")
    sections = {h.anchor for h in hits if h.page == site_pages.article}
    assert "offene-rechnung-mit-der-forschung" in sections, hits


def test_a_word_in_german_quotes_is_found(page: Page, site_url: str, site_pages, shipped_site) -> None:
    """„Behemoth“ in the article text: quotes are no part of the word."""
    word = _quoted_word(shipped_site / site_pages.article.strip("/") / "index.html")
    hits = search(page, site_url, word)
    assert any(_marks_start(h, word.lower()) for h in hits if h.page == site_pages.article), (
        f"{word!r}, quoted in the article, not found in its text: {hits}"
    )


def test_no_results_says_so_in_german(page: Page, site_url: str) -> None:
    assert search(page, site_url, "Xylophonquark") == []
    expect(page.locator("pagefind-summary")).to_have_text("Keine Ergebnisse für Xylophonquark")


def test_keyboard_only_open_type_move_enter(page: Page, site_url: str) -> None:
    """'/' opens the search, arrows move through the results, Enter opens one."""
    box = open_search(page, site_url)
    box.press_sequentially("LeCun", delay=30)
    read_results(page, "LeCun")
    page.keyboard.press("ArrowDown")
    focused = page.locator(f"{RESULTS} a:focus")
    expect(focused).to_have_attribute("href", "/personen/yann-lecun/")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/personen/yann-lecun/$"))


def test_ctrl_k_opens_the_search(page: Page, site_url: str) -> None:
    page.goto(site_url + "/")
    page.keyboard.press("Control+k")
    expect(page.locator("pagefind-input input")).to_be_focused()


def test_the_number_of_results_is_announced_in_german(page: Page, site_url: str) -> None:
    page.add_init_script(
        """window.announced = [];
        new MutationObserver(changes => {
          for (const change of changes) {
            const region = (change.target.closest ? change.target : change.target.parentElement)
              ?.closest('[aria-live]');
            if (region && region.textContent) window.announced.push(region.textContent);
          }
        }).observe(document, {subtree: true, childList: true, characterData: true});"""
    )
    box = open_search(page, site_url)
    box.press_sequentially("LeCun", delay=30)
    read_results(page, "LeCun")
    page.wait_for_function("window.announced.some(t => /Ergebnisse? für LeCun/.test(t))")
    said = page.evaluate("window.announced")
    assert any(re.fullmatch(r"\d+ Ergebnisse? für LeCun", t) for t in said), said


def test_filter_by_kind_keeps_only_that_kind(page: Page, site_url: str) -> None:
    box = open_search(page, site_url)
    box.press_sequentially("Meta", delay=30)
    everything = results_in_order(read_results(page, "Meta"))
    assert any(p.startswith("/personen/") for p in everything), everything
    choose_filter(page, "Art", re.compile(r"^Organisation"))
    expect(page.locator("pagefind-summary")).not_to_have_text(re.compile(f"^{len(everything)} "))
    kept = results_in_order(read_results(page, "Meta"))
    assert kept and all(p.startswith("/organisationen/") for p in kept), kept


def test_filter_by_person_finds_the_articles_naming_them(page: Page, site_url: str) -> None:
    box = open_search(page, site_url)
    box.press_sequentially("Forschung", delay=30)
    read_results(page, "Forschung")
    choose_filter(page, "Person", re.compile(r"^Yann LeCun"))
    expect(page.locator("pagefind-summary")).to_have_text(re.compile(r"^[12] Ergebnis"))
    kept = set(results_in_order(read_results(page, "Forschung")))
    assert ARTICLE in kept and kept <= {ARTICLE, "/personen/yann-lecun/"}, kept


def test_sorted_by_date_only_articles_remain(page: Page, site_url: str) -> None:
    box = open_search(page, site_url)
    box.press_sequentially("Meta", delay=30)
    read_results(page, "Meta")
    page.locator("[data-rn-search-sort]").select_option("desc")
    expect(page.locator("pagefind-summary")).to_have_text(re.compile(r"^1 Ergebnis "))
    assert results_in_order(read_results(page, "Meta")) == [ARTICLE]


def _marks_start(hit: Hit, prefix: str) -> bool:
    """A marked word starts with ``prefix``; Pagefind marks the punctuation around it too."""
    return any(re.sub(r"^\W+", "", mark).lower().startswith(prefix) for mark in hit.marked)


def _quoted_word(article_html: Path) -> str:
    """A single word the article's paragraphs only ever show in „German quotes“."""
    soup = BeautifulSoup(article_html.read_text(encoding="utf-8"), "html.parser")
    text = " ".join(p.get_text() for p in soup.select("article p:has(> span[id^=absatz-])"))
    for word in re.findall(r"„(\w+)“", text):
        if not re.search(rf"(?<!„){re.escape(word)}", text):
            return word
    pytest.fail("the article quotes no single word in „…“")


def test_only_the_words_of_a_query_load_before_a_filter_is_touched(
    page: Page, site_url: str
) -> None:
    """Nothing of the index before the search opens; then the chunks of the query's
    words and the results' texts, but no filter values until the reader turns to them."""
    loaded: list[str] = []
    page.on("request", lambda request: loaded.append(request.url))
    page.goto(site_url + "/")
    page.wait_for_load_state("networkidle")
    assert not [u for u in loaded if "/pagefind/" in u and "component-ui" not in u], loaded
    box = open_search(page, site_url)
    box.press_sequentially("LeCun", delay=30)
    read_results(page, "LeCun")
    assert any("/pagefind/index/" in u for u in loaded), loaded
    assert any("/pagefind/fragment/" in u for u in loaded), loaded
    assert not any("/pagefind/filter/" in u for u in loaded), loaded
    page.locator('pagefind-filter-dropdown[filter="Art"] button.pf-dropdown-trigger').click()
    expect(page.get_by_role("option", name=re.compile(r"^Person"))).to_be_visible()
    assert any("/pagefind/filter/" in u for u in loaded), loaded
