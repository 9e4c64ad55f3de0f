"""Pictures of the main pages, light and dark, desktop and phone, for people to look at.

They are written to ``.artifacts/screenshots/`` (printed at the end of the run);
the test only checks that each picture was taken and shows the page's headline.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from browsing import DESKTOP, PHONE, active_tooltip
from playwright.sync_api import Browser, expect

pytestmark = pytest.mark.browser

PAGES = ("home", "article", "person", "glossary")
PNG = b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize(
    ("device", "viewport", "color_scheme"),
    [("desktop", DESKTOP, "light"), ("desktop", DESKTOP, "dark"), ("phone", PHONE, "light")],
)
def test_screenshots(
    browser: Browser,
    site_url: str,
    site_pages,
    screenshot_dir: Path,
    device: str,
    viewport: dict,
    color_scheme: str,
) -> None:
    context = browser.new_context(
        viewport=viewport, color_scheme=color_scheme, is_mobile=device == "phone", locale="de-DE"
    )
    tab = context.new_page()
    written = []
    for name in PAGES:
        tab.goto(site_url + site_pages.named()[name])
        assert tab.locator("article h1").first.is_visible(), f"{name}: no headline on screen"
        target = screenshot_dir / f"{name}-{device}-{color_scheme}.png"
        tab.screenshot(path=str(target), full_page=True)
        written.append(target)
    context.close()
    print(f"\nscreenshots in {screenshot_dir}")
    for target in written:
        data = target.read_bytes()
        assert data.startswith(PNG) and len(data) > 10_000, f"{target} is no picture of a page"


@pytest.mark.parametrize(
    ("device", "viewport", "color_scheme"),
    [
        ("desktop", DESKTOP, "light"),
        ("desktop", DESKTOP, "dark"),
        ("phone", PHONE, "light"),
        ("phone", PHONE, "dark"),
    ],
)
def test_screenshots_of_then_and_since(
    browser: Browser,
    site_url: str,
    site_pages,
    screenshot_dir: Path,
    device: str,
    viewport: dict,
    color_scheme: str,
) -> None:
    """The article's box "Seit Erscheinen", and a hover text that says "Damals"."""
    context = browser.new_context(
        viewport=viewport, color_scheme=color_scheme, is_mobile=device == "phone", locale="de-DE"
    )
    tab = context.new_page()
    tab.goto(site_url + site_pages.article)
    box = tab.locator("#seit-erscheinen")
    expect(box.locator(".admonition-title")).to_have_text("Seit Erscheinen")
    target = screenshot_dir / f"since-{device}-{color_scheme}.png"
    # The box cut from the whole page: an element screenshot would show the sticky
    # header over the box's first lines.
    box.scroll_into_view_if_needed()
    bounds = box.bounding_box()
    assert bounds is not None
    top = bounds["y"] + tab.evaluate("window.scrollY")
    tab.screenshot(path=str(target), full_page=True, clip={**bounds, "y": top})
    written = [target]
    if device == "desktop":  # a phone has no pointer to hover with
        link = tab.locator("article a.rn-mention[title*='Damals:']").first
        link.scroll_into_view_if_needed()
        link.hover()
        tooltip = active_tooltip(tab)
        expect(tooltip).to_contain_text("Damals:")
        # Material fades the tooltip in: wait until it is opaque, as a reader sees it.
        tab.wait_for_function(
            "() => { const t = document.querySelector('.md-tooltip2--active');"
            " return t !== null && getComputedStyle(t).opacity === '1'; }"
        )
        target = screenshot_dir / f"hover-{device}-{color_scheme}.png"
        tab.screenshot(path=str(target))
        written.append(target)
    context.close()
    for target in written:
        assert target.read_bytes().startswith(PNG), f"{target} is no picture"
