"""What the browser tests do the way a reader does: type into the search, read a tooltip."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote, urlsplit

from playwright.sync_api import Locator, Page, expect

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


def active_tooltip(page: Page) -> Locator:
    """The text of the tooltip Material shows for the pointed-at or focused element."""
    return page.locator(".md-tooltip2--active .md-tooltip2__inner")


@dataclass(frozen=True)
class Hit:
    """One search result: the page (URL path), the section anchor ("" for the page), the marks."""

    page: str
    anchor: str
    marked: tuple[str, ...]


def search(page: Page, site_url: str, query: str) -> list[Hit]:
    """Type ``query`` into the header's search box and read every result, sections included.

    Waits until the index is loaded before typing, and until the results are
    those of the whole query; scrolls the list so that lazily shown results
    are there too.
    """
    page.goto(site_url + "/")
    box = page.locator(".md-search__input")
    box.click()
    meta = page.locator(".md-search-result__meta")
    expect(meta).not_to_have_text(re.compile("initialisiert"))
    box.press_sequentially(query, delay=30)
    # Results for the whole query highlight its last word (as ?h=…) in some link.
    highlight = quote(query.split()[-1].lower())
    links = page.locator("li.md-search-result__item a.md-search-result__link")
    expect(page.locator(f'a.md-search-result__link[href*="h={highlight}"]').first).to_be_attached()
    count = -1
    while count != links.count():
        count = links.count()
        page.locator(".md-search__scrollwrap").evaluate("el => el.scrollTo(0, el.scrollHeight)")
        page.wait_for_timeout(150)
    found = links.evaluate_all(
        """els => els.map(a => [a.href, [...a.querySelectorAll('mark')].map(m => m.textContent)])"""
    )
    hits = []
    for href, marks in found:
        url = urlsplit(href)
        hits.append(Hit(url.path, url.fragment, tuple(marks)))
    return hits


def pages_in_order(hits: list[Hit]) -> list[str]:
    """The result pages as listed, each once."""
    return list(dict.fromkeys(hit.page for hit in hits))


#: True once the element's top is on screen and not under Material's sticky header.
in_viewport_below_header = """(el) => {
  const box = el.getBoundingClientRect();
  const header = document.querySelector('.md-header').getBoundingClientRect();
  return box.top >= header.bottom - 1 && box.top < window.innerHeight - 40;
}"""
