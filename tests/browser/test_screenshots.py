"""Pictures of the main pages, light and dark, desktop and phone, for people to look at.

They are written to ``.artifacts/screenshots/`` (printed at the end of the run);
the test only checks that each picture was taken and shows the page's headline.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from browsing import DESKTOP, PHONE
from playwright.sync_api import Browser

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
