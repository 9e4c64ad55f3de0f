"""The shipped site as built by ``mkdocs build --strict``, checked page by page.

The same checker runs on a copy with one mistake planted at a time, so a
passing check on the real site means something: a broken link, a lost hover
text or a leaked ``**`` in the real HTML would have been reported.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from randnotiz.sitecheck import Finding, Rules, check_site

pytestmark = pytest.mark.slow


def rules_for(site: Path) -> Rules:
    """Language and URL from the project's mkdocs.yml, as MkDocs built the site with them."""
    config = yaml.safe_load((site.parent / "mkdocs.yml").read_text(encoding="utf-8"))
    return Rules(lang=config["theme"]["language"], site_url=config.get("site_url"))


def first_article(site: Path) -> Path:
    articles = sorted((site / "artikel").glob("*/index.html"))
    assert articles, "the site has no article page"
    return articles[0]


def test_the_shipped_site_has_no_findings(shipped_site: Path) -> None:
    findings = check_site(shipped_site, rules_for(shipped_site))
    assert not findings, "\n".join(map(str, findings))


def test_the_checks_saw_what_they_check(shipped_site: Path) -> None:
    """Guard against a vacuous pass: the pages hold mentions, notes, anchors and profiles."""
    soup = BeautifulSoup(first_article(shipped_site).read_text(encoding="utf-8"), "html.parser")
    assert len(soup.select("a.rn-mention[title]")) >= 5
    assert soup.select("a.footnote-ref")
    assert soup.select('a[href*="#"]')
    for section in ("personen", "organisationen"):
        assert list((shipped_site / section).glob("*/index.html")), f"no {section} profiles"


@pytest.fixture
def broken_copy(shipped_site: Path, tmp_path: Path) -> Path:
    """A copy of the built site (and its mkdocs.yml) to plant one mistake in."""
    shutil.copy(shipped_site.parent / "mkdocs.yml", tmp_path / "mkdocs.yml")
    return Path(shutil.copytree(shipped_site, tmp_path / "site"))


def plant(page: Path, old: str, new: str) -> int:
    """Replace the first ``old`` in the page; the line it is on."""
    html = page.read_text(encoding="utf-8")
    at = html.index(old)
    page.write_text(html[:at] + new + html[at + len(old) :], encoding="utf-8")
    return html.count("\n", 0, at) + 1


def first_mention(page: Path) -> BeautifulSoup:
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    mention = soup.select_one("article a.rn-mention.rn-person")
    assert mention is not None
    return mention


def test_a_broken_link_is_found(broken_copy: Path) -> None:
    page = first_article(broken_copy)
    href = str(first_mention(page)["href"])
    line = plant(page, f'href="{href}"', 'href="../../personen/niemand/"')
    rel = page.relative_to(broken_copy).as_posix()
    assert check_site(broken_copy, rules_for(broken_copy)) == [
        Finding(rel, "broken link '../../personen/niemand/': no file personen/niemand/index.html", line)
    ]


def test_a_removed_hover_text_is_found(broken_copy: Path) -> None:
    page = first_article(broken_copy)
    mention = first_mention(page)
    tag = re.search(r'<a [^>]*class="rn-mention rn-person"[^>]*>', page.read_text("utf-8"))
    assert tag, "no person link in the article HTML"
    title = re.search(r' title="[^"]*"', tag.group())
    assert title, "no person link with a title in the article HTML"
    line = plant(page, title.group(), "")
    rel = page.relative_to(broken_copy).as_posix()
    message = f"entity link {mention.get_text()!r} has no hover text (title attribute)"
    assert check_site(broken_copy, rules_for(broken_copy)) == [Finding(rel, message, line)]


def test_a_leaked_bold_marker_is_found(broken_copy: Path) -> None:
    page = first_article(broken_copy)
    mention = first_mention(page)
    name = mention.get_text()
    line = plant(page, f">{name}</a>", f">{name}</a> **fett**")
    rel = page.relative_to(broken_copy).as_posix()
    findings = check_site(broken_copy, rules_for(broken_copy))
    assert [(f.path, f.line) for f in findings] == [(rel, line)]
    assert findings[0].message.startswith("Markdown '**' leaked into the text: ")
    assert "**fett**" in findings[0].message
