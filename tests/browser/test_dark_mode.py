"""Material's palette toggle, and what must stay readable in the dark scheme.

Contrast is measured as the reader gets it: the text colour against the
backgrounds actually painted behind it (translucent highlights composited over
the page), with the WCAG formula.
"""

from __future__ import annotations

import pytest
from browsing import DESKTOP
from playwright.sync_api import Browser, Page, expect

pytestmark = pytest.mark.browser

#: What must stay readable, by CSS selector, on the article and on a profile.
ARTICLE_PARTS = {
    "note marker": "article a.footnote-ref",
    "caption": "article figcaption",
    "person mention": "article a.rn-mention.rn-person",
    "term mention": "article a.rn-mention.rn-term",
    "note text": "article .footnote li",
}
PROFILE_PARTS = {"mention highlight": "article a.rn-hit"}
NOTE_KINDS = ("korrektur", "kontext", "faktencheck")


def scheme(page: Page) -> str | None:
    return page.locator("body").get_attribute("data-md-color-scheme")


def test_the_toggle_switches_and_remembers(page: Page, site_url: str, site_pages) -> None:
    page.goto(site_url + site_pages.article)
    assert scheme(page) == "default"
    page.locator("label[for='__palette_1']").click()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert _luminance(page, background) < 0.05, f"dark scheme, light page: {background}"

    page.goto(site_url + site_pages.person)
    assert scheme(page) == "slate", "the choice was not kept on the next page"
    page.locator("label[for='__palette_0']").click()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "default")


@pytest.mark.parametrize("color_scheme", ["light", "dark"])
def test_notes_captions_and_mentions_stay_readable(
    browser: Browser, site_url: str, site_pages, color_scheme: str
) -> None:
    context = browser.new_context(viewport=DESKTOP, color_scheme=color_scheme)
    tab = context.new_page()
    low = []
    for path, parts in ((site_pages.article, ARTICLE_PARTS), (site_pages.person, PROFILE_PARTS)):
        tab.goto(site_url + path)
        assert scheme(tab) == ("slate" if color_scheme == "dark" else "default")
        for name, selector in parts.items():
            ratios = tab.locator(selector).evaluate_all(CONTRAST)
            assert ratios, f"no {name} ({selector}) on {path}"
            worst = min(ratios)
            if worst < 4.5:
                low.append(f"{name} ({selector}) on {path}: {worst:.2f}:1")
    context.close()
    assert not low, f"below 4.5:1 in {color_scheme} mode: {low}"


@pytest.mark.parametrize("color_scheme", ["light", "dark"])
def test_note_kinds_have_their_own_colour(
    browser: Browser, site_url: str, site_pages, color_scheme: str
) -> None:
    context = browser.new_context(viewport=DESKTOP, color_scheme=color_scheme)
    tab = context.new_page()
    tab.goto(site_url + site_pages.article)
    colours = {}
    for kind in NOTE_KINDS:
        marker = tab.locator(f"a.footnote-ref[href*='#fn:{kind}-']").first
        if marker.count():
            colours[kind] = marker.evaluate("el => getComputedStyle(el).backgroundColor")
    context.close()
    assert len(colours) >= 2, f"the article needs notes of two kinds for this test: {colours}"
    assert len(set(colours.values())) == len(colours), f"two kinds look alike: {colours}"


def _luminance(page: Page, colour: str) -> float:
    return page.evaluate(f"({LUMINANCE})({_js_string(colour)})")


def _js_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


#: Relative luminance of any CSS colour, read back through a canvas (so color-mix works too).
LUMINANCE = """(css) => {
  const ctx = Object.assign(document.createElement('canvas'), {width: 1, height: 1})
    .getContext('2d');
  ctx.fillStyle = css; ctx.fillRect(0, 0, 1, 1);
  const [r, g, b] = ctx.getImageData(0, 0, 1, 1).data;
  const lin = c => (c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}"""

#: The contrast ratio of each element's text against what is painted behind it.
CONTRAST = """(elements) => {
  const rgba = (css) => {
    const ctx = Object.assign(document.createElement('canvas'), {width: 1, height: 1})
      .getContext('2d', {willReadFrequently: true});
    ctx.clearRect(0, 0, 1, 1); ctx.fillStyle = css; ctx.fillRect(0, 0, 1, 1);
    const [r, g, b, a] = ctx.getImageData(0, 0, 1, 1).data;
    return [r, g, b, a / 255];
  };
  const over = (top, below) => top.slice(0, 3).map((c, i) => c * top[3] + below[i] * (1 - top[3]));
  const lum = ([r, g, b]) => {
    const lin = c => (c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  };
  return elements.map((el) => {
    const chain = [];
    for (let node = el; node; node = node.parentElement) chain.unshift(node);
    let paint = [255, 255, 255];
    for (const node of chain) paint = over(rgba(getComputedStyle(node).backgroundColor), paint);
    const text = over(rgba(getComputedStyle(el).color), paint);
    const [a, b] = [lum(text), lum(paint)].sort((x, y) => y - x);
    return (a + 0.05) / (b + 0.05);
  });
}"""
