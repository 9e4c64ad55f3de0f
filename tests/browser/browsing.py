"""What the browser tests do the way a reader does: search, read a tooltip."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

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


RESULTS = "pagefind-results"
#: The summary above the results once a search has finished ("4 Ergebnisse für LeCun").
DONE = re.compile(r"Ergebnis|Keine Ergebnisse")


def open_search(page: Page, site_url: str, path: str = "/") -> Locator:
    """Open the search the way a keyboard user does ("/"); the search box, focused."""
    page.goto(site_url + path)
    page.keyboard.press("/")
    box = page.locator("pagefind-input input")
    expect(box).to_be_focused()
    return box


def search(page: Page, site_url: str, query: str) -> list[Hit]:
    """Type ``query`` into the search and read every result and section, in order.

    Waits until the summary reports the results of the whole query; scrolls the
    list so that lazily shown results are there too.
    """
    box = open_search(page, site_url)
    box.press_sequentially(query, delay=30)
    return read_results(page, query)


def choose_filter(page: Page, name: str, option: re.Pattern[str]) -> None:
    """Pick ``option`` in the filter ``name`` and close its list, the search staying open.

    The list is closed by its own button, not by Escape: an Escape that reaches
    the search dialog closes the whole search (and the results with it).
    """
    trigger = page.locator(f'pagefind-filter-dropdown[filter="{name}"] button.pf-dropdown-trigger')
    trigger.click()
    page.get_by_role("option", name=option).click()
    if trigger.get_attribute("aria-expanded") == "true":
        trigger.click()
    expect(trigger).to_have_attribute("aria-expanded", "false")
    expect(page.locator("pagefind-input input")).to_be_visible()


def read_results(page: Page, query: str) -> list[Hit]:
    summary = page.locator("pagefind-summary")
    expect(summary).to_contain_text(query)
    expect(summary).to_have_text(DONE)
    links = page.locator(f"{RESULTS} a.pf-result-link, {RESULTS} a.pf-heading-link")
    if not re.match(r"Keine Ergebnisse", summary.inner_text().strip()):
        # The summary is written before the results' fragments arrive.
        expect(links.first).to_be_attached()
    body = page.locator("pagefind-modal-body")
    count = -1
    while count != links.count():
        count = links.count()
        body.evaluate("el => el.scrollTo(0, el.scrollHeight)")
        page.wait_for_timeout(200)
    found = links.evaluate_all(
        """els => els.map(a => [a.href, [...(a.closest('li').querySelectorAll(
             a.classList.contains('pf-result-link') ? '.pf-result-excerpt mark' : '.pf-heading-excerpt mark'
           ))].map(m => m.textContent)])"""
    )
    hits = []
    for href, marks in found:
        url = urlsplit(href)
        hits.append(Hit(url.path, url.fragment, tuple(marks)))
    return hits


def results_in_order(hits: list[Hit]) -> list[str]:
    """The results as listed, each once: a page's path, a glossary term's path with #anchor."""
    out = []
    for hit in hits:
        key = f"{hit.page}#{hit.anchor}" if hit.page.startswith("/glossar/") else hit.page
        if key not in out:
            out.append(key)
    return out


#: True once the element's top is on screen and not under Material's sticky header.
in_viewport_below_header = """(el) => {
  const box = el.getBoundingClientRect();
  const header = document.querySelector('.md-header').getBoundingClientRect();
  return box.top >= header.bottom - 1 && box.top < window.innerHeight - 40;
}"""
