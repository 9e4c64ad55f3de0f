"""A person's summary appears over the name, for the mouse and for the keyboard.

Material's ``content.tooltips`` turns the ``title`` of a link into its own
tooltip; these tests make sure that happens on the article page as built, on
hover and on keyboard focus (a reader who tabs through the links must get the
same explanation as one who points at them).
"""

from __future__ import annotations

import pytest
from browsing import active_tooltip
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

PERSON_LINK = "article a.rn-mention.rn-person"


def test_hovering_a_person_shows_the_summary(page: Page, site_url: str, site_pages) -> None:
    page.goto(site_url + site_pages.article)
    link = page.locator(PERSON_LINK).first
    summary = link.get_attribute("title")
    assert summary and len(summary) > 20, f"the person link has no real summary: {summary!r}"

    link.hover()
    tooltip = active_tooltip(page)
    expect(tooltip).to_be_visible()
    expect(tooltip).to_have_text(summary)
    assert _below_or_above(page, link, tooltip), "the tooltip is not next to the name"

    page.mouse.move(0, page.viewport_size["height"] - 1)
    expect(page.locator(".md-tooltip2--active")).to_have_count(0)


def test_tabbing_to_a_person_shows_the_summary(page: Page, site_url: str, site_pages) -> None:
    page.goto(site_url + site_pages.article)
    link = page.locator(PERSON_LINK).first
    summary = link.get_attribute("title")
    assert summary

    # Focus whatever link comes before it, then arrive with the Tab key as a reader does.
    page.evaluate(
        """(target) => {
            const links = [...document.querySelectorAll('a[href]')];
            links[links.indexOf(target) - 1].focus();
        }""",
        link.element_handle(),
    )
    page.keyboard.press("Tab")
    expect(link).to_be_focused()

    tooltip = active_tooltip(page)
    expect(tooltip).to_be_visible()
    expect(tooltip).to_have_text(summary)

    page.keyboard.press("Tab")
    expect(link).not_to_be_focused()
    expect(page.locator(".md-tooltip2--active", has_text=summary)).to_have_count(0)


def _below_or_above(page: Page, link, tooltip) -> bool:
    """The tooltip overlaps the link's column and sits just below or above it."""
    a = link.bounding_box()
    t = tooltip.bounding_box()
    assert a and t
    overlaps = t["x"] < a["x"] + a["width"] and a["x"] < t["x"] + t["width"]
    near = abs(t["y"] - (a["y"] + a["height"])) < 40 or abs(a["y"] - (t["y"] + t["height"])) < 40
    return overlaps and near


def test_what_held_then_stands_on_a_line_of_its_own(page: Page, site_url: str, site_pages) -> None:
    """The hover text is the summary and "Damals: …" below it, not run together."""
    page.goto(site_url + site_pages.article)
    link = page.locator("article a.rn-mention[title*='Damals: ']").first
    title = link.get_attribute("title")
    assert title and "\nDamals: " in title
    link.scroll_into_view_if_needed()
    link.hover()
    tooltip = active_tooltip(page)
    expect(tooltip).to_have_text(title)
    assert tooltip.evaluate("el => getComputedStyle(el).whiteSpace") == "pre-line"
    summary_only = tooltip.evaluate(
        """el => { const r = document.createRange(); r.selectNodeContents(el);
                   return r.getClientRects().length; }"""
    )
    assert summary_only >= 2, "summary and 'Damals' share one line"
