"""Where the reader lands and what fits: paragraph links from profiles, pages on a phone."""

from __future__ import annotations

import re

import pytest
from browsing import PHONE, in_viewport_below_header
from playwright.sync_api import Browser, Page, expect

pytestmark = pytest.mark.browser


def test_erwaehnt_in_link_scrolls_to_the_paragraph(page: Page, site_url: str, site_pages) -> None:
    page.goto(site_url + site_pages.person)
    hits = page.locator("article a.rn-hit")
    assert hits.count() > 0, "the profile has no 'Erwähnt in' paragraph links"
    last = hits.last  # the paragraph farthest down the article: the page must scroll
    href = last.get_attribute("href") or ""
    anchor = href.rsplit("#", 1)[-1]
    assert re.fullmatch(r"absatz-\d+", anchor), href
    words = last.inner_text()

    last.click()
    expect(page).to_have_url(re.compile(re.escape(site_pages.article) + "#" + anchor + "$"))
    # The anchor is an empty element at the paragraph's start (see render/article.py).
    paragraph = page.locator(f"p:has(> #{anchor})")
    expect(paragraph).to_be_visible()
    page.wait_for_function(in_viewport_below_header, arg=paragraph.element_handle())
    assert page.evaluate("window.scrollY") > 0
    expect(paragraph).to_contain_text(words)
    marked = paragraph.evaluate("p => getComputedStyle(p).backgroundColor")
    assert marked not in ("rgba(0, 0, 0, 0)", "transparent"), marked


def test_no_page_scrolls_sideways_on_a_phone(browser: Browser, site_url: str, site_pages) -> None:
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, locale="de-DE")
    tab = context.new_page()
    too_wide = {}
    for path in site_pages.everything:
        tab.goto(site_url + path)
        wide = tab.evaluate(WIDER_THAN_THE_SCREEN)
        if wide:
            too_wide[path] = wide
    context.close()
    assert len(site_pages.everything) > 5
    assert not too_wide, f"pages wider than {PHONE['width']} px: {too_wide}"


def test_text_keeps_a_margin_on_a_phone(browser: Browser, site_url: str, site_pages) -> None:
    """Headline and text do not touch the edges of the screen."""
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, locale="de-DE")
    tab = context.new_page()
    cramped = {}
    for name, path in site_pages.named().items():
        tab.goto(site_url + path)
        for selector in ("article h1", ":is(article, article > [data-pagefind-body]) > p"):
            box = tab.locator(selector).first.bounding_box()
            assert box, f"{name}: no {selector}"
            if box["x"] < 8 or box["x"] + box["width"] > PHONE["width"] - 8:
                cramped[f"{name} {selector}"] = box
    context.close()
    assert not cramped, f"text closer than 8 px to the screen edge: {cramped}"


#: The document's width beyond the screen, and the visible elements sticking out of it
#: (those inside a horizontally scrollable box, like a wide table, are allowed to).
WIDER_THAN_THE_SCREEN = """() => {
  const width = document.documentElement.clientWidth;
  const problems = [];
  const doc = document.documentElement.scrollWidth;
  if (doc > width) problems.push(`document is ${doc} px wide`);
  const scrolls = el => ['auto', 'scroll'].includes(getComputedStyle(el).overflowX);
  for (const el of document.body.querySelectorAll('*')) {
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.right <= width + 1) continue;
    if (getComputedStyle(el).visibility === 'hidden') continue;
    let parent = el.parentElement, inside = false;
    while (parent && parent !== document.body) {
      if (scrolls(parent)) { inside = true; break; }
      parent = parent.parentElement;
    }
    if (!inside) problems.push(`${el.tagName.toLowerCase()}.${el.className} ends at ${Math.round(box.right)} px`);
  }
  return problems.slice(0, 5);
}"""
