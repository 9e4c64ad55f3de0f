"""Opening a page loads the page, not a list of the whole site.

Material fetches ``sitemap.xml`` next to every ``<link rel="alternate">`` in the
head, and the feed's link is one; at 10,000 articles MkDocs' sitemap is 358 KB
compressed. The site's ``sitemap.xml`` is an index, so that fetch stays small.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, Response

pytestmark = pytest.mark.browser


def test_a_page_fetches_no_list_of_pages(page: Page, site_url: str, site_pages) -> None:
    responses: list[Response] = []
    page.on("response", lambda response: responses.append(response))
    page.goto(site_url + site_pages.article)
    page.wait_for_load_state("networkidle")
    sitemaps = [r for r in responses if "sitemap" in r.url]
    assert [r.url.removeprefix(site_url) for r in sitemaps] == ["/sitemap.xml"], (
        "Material no longer fetches the sitemap: this test and randnotiz/sitemap.py can go"
    )
    body = sitemaps[0].text()
    assert "<sitemapindex" in body and "<url>" not in body
    assert len(sitemaps[0].body()) < 1_000
