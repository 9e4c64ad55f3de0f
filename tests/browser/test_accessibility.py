"""axe-core on the pages readers use most, in light and dark mode.

axe-core comes inside the ``axe-playwright-python`` package: nothing is
fetched while the tests run. Serious and critical violations fail; the
report names the rule, the elements and axe's explanation.
"""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from browsing import DESKTOP, PHONE, open_search, read_results
from playwright.sync_api import Browser

pytestmark = pytest.mark.browser

FAILING_IMPACTS = {"serious", "critical"}
PAGES = ("home", "article", "person", "organization", "glossary")


@pytest.fixture(scope="module")
def axe() -> Axe:
    return Axe()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_serious_violations(
    browser: Browser, site_url: str, site_pages, axe: Axe, scheme: str
) -> None:
    context = browser.new_context(viewport=DESKTOP, color_scheme=scheme, locale="de-DE")
    tab = context.new_page()
    report = []
    for name in PAGES:
        tab.goto(site_url + site_pages.named()[name])
        expected = "slate" if scheme == "dark" else "default"
        assert tab.locator("body").get_attribute("data-md-color-scheme") == expected
        results = axe.run(tab).response
        assert results["passes"] or results["violations"], "axe checked nothing"
        for violation in results["violations"]:
            if violation["impact"] in FAILING_IMPACTS:
                report.append(_describe(name, violation))
    context.close()
    assert not report, "\n\n".join(report)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_no_serious_violations_with_the_search_open(
    browser: Browser, site_url: str, axe: Axe, scheme: str, viewport: dict
) -> None:
    """The dialog with results, filters and sort, as a reader sees it after a query."""
    context = browser.new_context(viewport=viewport, color_scheme=scheme, locale="de-DE")
    tab = context.new_page()
    box = open_search(tab, site_url)
    box.press_sequentially("LeCun", delay=30)
    assert read_results(tab, "LeCun"), "no results to check"
    results = axe.run(tab).response
    context.close()
    report = [
        _describe("search", v) for v in results["violations"] if v["impact"] in FAILING_IMPACTS
    ]
    assert results["passes"], "axe checked nothing"
    assert not report, "\n\n".join(report)


def _describe(page: str, violation: dict) -> str:
    lines = [f"{page}: {violation['id']} ({violation['impact']}): {violation['help']}"]
    for node in violation["nodes"][:5]:
        lines.append(f"  {', '.join(map(str, node['target']))}: {node.get('failureSummary', '')}")
    if len(violation["nodes"]) > 5:
        lines.append(f"  … and {len(violation['nodes']) - 5} more")
    return "\n".join(lines)
