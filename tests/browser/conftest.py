"""Debian's Chromium, driven by Playwright, against the built site served on 127.0.0.1.

The browser is the system's (``make browser`` installs the package), never one
that Playwright downloads. Which pages to visit is read from the built site,
so the tests follow the content instead of naming it.
"""

from __future__ import annotations

import posixpath
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from browsing import DESKTOP
from bs4 import BeautifulSoup
from playwright.sync_api import Browser, Page, expect, sync_playwright

from randnotiz.paths import ARTICLES, GLOSSARY

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS = REPO / ".artifacts" / "screenshots"

# The search index loads in a worker; on a busy two-core machine that takes more
# than the default five seconds now and then.
expect.set_options(timeout=15_000)


@dataclass(frozen=True)
class SitePages:
    """URL paths ("/personen/x/") of the pages every browser test visits."""

    home: str
    article: str
    person: str
    organization: str
    glossary: str
    everything: tuple[str, ...]

    def named(self) -> dict[str, str]:
        return {
            "home": self.home,
            "article": self.article,
            "person": self.person,
            "organization": self.organization,
            "glossary": self.glossary,
        }


def url_path(site: Path, page: Path) -> str:
    """The URL path a built page is served at."""
    folder = page.parent.relative_to(site).as_posix()
    return "/" if folder == "." else f"/{folder}/"


@pytest.fixture(scope="session")
def site_pages(shipped_site: Path) -> SitePages:
    """The first article, the first person and organisation it links to, the glossary."""
    articles = sorted((shipped_site / ARTICLES).glob("*/index.html"))
    assert articles, "the shipped site has no article"
    article = url_path(shipped_site, articles[0])
    soup = BeautifulSoup(articles[0].read_text(encoding="utf-8"), "html.parser")

    def first_mention(kind: str) -> str:
        link = soup.select_one(f"article a.rn-mention.rn-{kind}")
        assert link is not None, f"the article links to no {kind}"
        return posixpath.normpath(posixpath.join(article, str(link["href"]))) + "/"

    return SitePages(
        home="/",
        article=article,
        person=first_mention("person"),
        organization=first_mention("organization"),
        glossary=f"/{GLOSSARY}/",
        everything=tuple(sorted(url_path(shipped_site, p) for p in shipped_site.rglob("index.html"))),
    )


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: `make browser` installs Debian's chromium")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A fresh desktop tab in light mode: no palette choice or search state carried over."""
    context = browser.new_context(viewport=DESKTOP, locale="de-DE", color_scheme="light")
    tab = context.new_page()
    yield tab
    context.close()


@pytest.fixture(scope="session")
def screenshot_dir(request: pytest.FixtureRequest) -> Path:
    """Emptied once per run; its path is printed at the end of the run."""
    shutil.rmtree(SCREENSHOTS, ignore_errors=True)
    SCREENSHOTS.mkdir(parents=True)
    request.config.stash[_SCREENSHOTS_KEY] = SCREENSHOTS
    return SCREENSHOTS


_SCREENSHOTS_KEY = pytest.StashKey[Path]()


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter, config: pytest.Config) -> None:
    folder = config.stash.get(_SCREENSHOTS_KEY, None)
    if folder is not None:
        terminalreporter.write_line(f"screenshots: {folder}")
