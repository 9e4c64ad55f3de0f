"""Checks on the built site, page by page, the way a reader's browser gets it.

``mkdocs build --strict`` validates the links between Markdown sources, but
not what ends up in ``site/``: links written as raw HTML, anchors made by
attribute lists, Markdown that a renderer left as text, hover texts that went
missing on the way. This module reads the finished HTML instead.

Like ``fix_refs`` in mkdocs-autorefs it only returns what it found; the caller
(a test, ``python -m randnotiz.sitecheck``) decides how to report. Each page
is parsed once and reduced to a small ``Page`` (its ids, its links, what is
wrong with it on its own); the checks between pages run on those, so a site
of a few thousand pages needs one parse per page and set look-ups after that.
"""

from __future__ import annotations

import posixpath
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup, NavigableString, Tag

from randnotiz.paths import ARTICLES, ORGANIZATIONS, PEOPLE

#: Class of the first mention of an entity in an article: a link with hover text.
MENTION_CLASS = "rn-mention"

#: Where a page's own content is (Material's layout); pages without it count as all content.
CONTENT = "article.md-content__inner"

#: Elements whose text is shown as written, so Markdown characters in it are wanted.
_VERBATIM = ["code", "pre", "kbd", "samp", "script", "style", "template", "textarea"]

#: (tag, attribute) pairs that point at another file of the site.
_REFERENCES = (("a", "href"), ("link", "href"), ("script", "src"), ("img", "src"))

#: Markdown that survived rendering: the marker a reader sees, and the pattern that finds it.
_LEAKS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("**", re.compile(r"\*\*")),
    ("](", re.compile(r"\]\(")),
    ("{:", re.compile(r"\{:")),
    ("*[", re.compile(r"\*\[")),
    ("[^", re.compile(r"\[\^")),
    ("{ #", re.compile(r"\{\s*#[\w-]")),
    ("{ .", re.compile(r"\{\s*\.[A-Za-z_-]")),
    ("\\", re.compile(r"\\[!-/:-@\[-`{-~]")),  # a backslash escape printed instead of applied
)


@dataclass(frozen=True, order=True)
class Finding:
    """One thing wrong with the site: the page (relative to the site folder), the line, what."""

    path: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class Rules:
    """What the site promises: its language, its own URL, where profiles and articles live."""

    lang: str = "de"
    site_url: str | None = None  # absolute links under this URL are links into the site
    profile_sections: tuple[str, ...] = (PEOPLE, ORGANIZATIONS)
    article_section: str = ARTICLES


@dataclass(frozen=True)
class Link:
    """A reference from a page to a file of the site, as written and as resolved."""

    href: str
    line: int | None
    target: str  # the file it points to, relative to the site folder ("" when it left the site)
    fragment: str
    checks_anchor: bool  # only <a> links jump to an anchor
    in_content: bool  # in the page's own content, not the header, navigation or footer


@dataclass(frozen=True)
class Page:
    """What the checks between pages need to know about one page, and its own findings."""

    path: str
    ids: frozenset[str]
    links: tuple[Link, ...]
    findings: tuple[Finding, ...]


def check_site(site: Path, rules: Rules = Rules()) -> list[Finding]:
    """Every finding for the built site in ``site``, sorted by page and line."""
    files = frozenset(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())
    pages = {
        rel: read_page(rel, (site / rel).read_text(encoding="utf-8"), rules)
        for rel in sorted(files)
        if rel.endswith(".html")
    }
    findings = [f for page in pages.values() for f in page.findings]
    findings += check_links(pages, files)
    findings += check_reachability(pages, rules)
    return sorted(findings, key=lambda f: (f.path, f.line or 0, f.message))


def read_page(path: str, html: str, rules: Rules) -> Page:
    """Parse one page once; keep its ids and links, and check what needs no other page."""
    soup = BeautifulSoup(html, "html.parser")
    findings = [
        *_language(path, soup, rules.lang),
        *_headings(path, soup),
        *_leaks(path, soup),
        *_hover_texts(path, soup),
    ]
    ids = frozenset(
        [str(t["id"]) for t in soup.find_all(id=True)]
        + [str(t["name"]) for t in soup.find_all("a", attrs={"name": True})]
    )
    links = tuple(_links(path, soup, rules.site_url))
    return Page(path, ids, links, tuple(findings))


def _language(path: str, soup: BeautifulSoup, lang: str) -> Iterable[Finding]:
    html = soup.find("html")
    found = html.get("lang") if isinstance(html, Tag) else None
    if found != lang:
        shown = "no lang attribute" if found is None else f'lang="{found}"'
        yield Finding(path, f'<html> has {shown}, expected lang="{lang}"')


def _headings(path: str, soup: BeautifulSoup) -> Iterable[Finding]:
    h1s = soup.find_all("h1")
    if not h1s:
        yield Finding(path, "no H1 heading (expected exactly one)")
    elif len(h1s) > 1:
        titles = ", ".join(repr(_squeeze(h.get_text())) for h in h1s)
        message = f"{len(h1s)} H1 headings (expected exactly one): {titles}"
        yield Finding(path, message, h1s[1].sourceline)


def _leaks(path: str, soup: BeautifulSoup) -> Iterable[Finding]:
    """Markdown markers in the <title>, the visible text and the hover texts of the body."""
    for root in (soup.title, soup.body):
        if root is None:
            continue
        for text in root.find_all(string=True):
            if type(text) is not NavigableString or text.find_parent(_VERBATIM) is not None:
                continue  # comments, and code shown as written
            yield from _leaks_in(path, str(text), "text", text.parent.sourceline)
    for tag in soup.body.find_all(attrs={"title": True}) if soup.body else ():
        yield from _leaks_in(path, str(tag["title"]), "title attribute", tag.sourceline)


def _leaks_in(path: str, text: str, where: str, line: int | None) -> Iterable[Finding]:
    for marker, pattern in _LEAKS:
        match = pattern.search(text)
        if match:
            context = _squeeze(text[max(0, match.start() - 30) : match.end() + 30])
            yield Finding(path, f"Markdown {marker!r} leaked into the {where}: {context!r}", line)


def _hover_texts(path: str, soup: BeautifulSoup) -> Iterable[Finding]:
    for a in soup.find_all("a", class_=MENTION_CLASS):
        if not str(a.get("title", "")).strip():
            message = f"entity link {_squeeze(a.get_text())!r} has no hover text (title attribute)"
            yield Finding(path, message, a.sourceline)


def _links(path: str, soup: BeautifulSoup, site_url: str | None) -> Iterable[Link]:
    content = soup.select_one(CONTENT) or soup
    in_content = {id(a) for a in content.find_all("a", href=True)}
    for tag_name, attribute in _REFERENCES:
        for tag in soup.find_all(tag_name, attrs={attribute: True}):
            href = str(tag[attribute])
            resolved = resolve(path, href, site_url)
            if resolved is not None:
                target, fragment = resolved
                is_a = tag_name == "a"
                yield Link(href, tag.sourceline, target, fragment, is_a, id(tag) in in_content)


def resolve(page: str, href: str, site_url: str | None = None) -> tuple[str, str] | None:
    """Where an ``href`` on ``page`` points: (site path, fragment), or None when it leaves the site.

    The site path is a URL path without the leading slash ("personen/yann-lecun/",
    "" for the home page), or the page's own file for a bare "#anchor"; a path
    starting with "../" climbed out of the site folder.
    """
    url = urlsplit(href)
    base = urlsplit(site_url).path.rstrip("/") + "/" if site_url else "/"
    if url.scheme or url.netloc:
        root = (site_url or "").rstrip("/") + "/"
        if not site_url or not (href + "/").startswith(root):
            return None  # another site, mailto:, javascript:, data:
        url = urlsplit(base + href[len(root) :])
    path, fragment = unquote(url.path), unquote(url.fragment)
    if not path:
        return page, fragment
    if path.startswith("/"):
        if not (path + "/").startswith(base):
            return "../" + path.lstrip("/"), fragment
        joined = posixpath.normpath(path[len(base) :] or ".")
    else:
        joined = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
    if joined == ".":
        return "", fragment
    return joined + ("/" if path.endswith("/") else ""), fragment


def served_file(target: str) -> str:
    """The file a web server answers a site path with: the file, or the folder's index.html."""
    return target + "index.html" if target == "" or target.endswith("/") else target


def page_file(target: str, files: frozenset[str]) -> str | None:
    """The file a resolved link reaches, if any (a folder named without "/" reaches it too)."""
    if target.startswith("../"):
        return None
    served = served_file(target)
    if served in files:
        return served
    folder_index = target + "/index.html"
    return folder_index if not target.endswith("/") and folder_index in files else None


def check_links(pages: dict[str, Page], files: frozenset[str]) -> list[Finding]:
    """Every reference resolves to a file, and every #anchor to an id on that page."""
    findings = []
    for page in pages.values():
        for link in page.links:
            target = page_file(link.target, files)
            if target is None:
                missing = (
                    "it leads out of the site"
                    if link.target.startswith("../")
                    else (f"no file {served_file(link.target)}")
                )
                message = f"broken link {link.href!r}: {missing}"
                findings.append(Finding(page.path, message, link.line))
            elif link.checks_anchor and link.fragment:
                other = pages.get(target)
                if other is not None and link.fragment not in other.ids:
                    message = f"broken anchor {link.href!r}: no id {link.fragment!r} on {target}"
                    findings.append(Finding(page.path, message, link.line))
    return findings


def check_reachability(pages: dict[str, Page], rules: Rules) -> list[Finding]:
    """Each profile is listed on its section's index and can be reached from an article.

    "Reached" means by following links in the pages' content (not the header,
    tabs or footer, which reach every index page and so everything), from any
    article, through profiles and the glossary, but not through a section's
    index page, which lists everything. A profile that nothing leads to from
    an article is a dead end of the knowledge base: only the index finds it.
    """
    files = frozenset(pages)
    sources: dict[str, set[str]] = {}
    trail: dict[str, set[str]] = {}
    for page in pages.values():
        for link in page.links:
            target = page_file(link.target, files)
            if target is None or target == page.path:
                continue
            sources.setdefault(target, set()).add(page.path)
            if link.in_content:
                trail.setdefault(page.path, set()).add(target)
    indexes = {f"{section}/index.html" for section in rules.profile_sections}
    reached = {p for p in pages if _in_section(p, rules.article_section)}
    todo = list(reached)
    while todo:
        page = todo.pop()
        for target in trail.get(page, set()) - reached:
            reached.add(target)
            if target not in indexes:
                todo.append(target)
    findings = []
    for section in rules.profile_sections:
        index = f"{section}/index.html"
        for path in sorted(p for p in pages if _in_section(p, section)):
            if index not in sources.get(path, set()):
                findings.append(Finding(path, f"not linked from its index page {index}"))
            if path not in reached:
                message = (
                    "not reachable from any article: no links in page content lead here "
                    f"from a page under {rules.article_section}/"
                )
                findings.append(Finding(path, message))
    return findings


def _in_section(path: str, section: str) -> bool:
    """A page of the section other than its index ("personen/yann-lecun/index.html")."""
    return path.startswith(section + "/") and path != f"{section}/index.html"


def _squeeze(text: str) -> str:
    return " ".join(text.split())


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m randnotiz.sitecheck [SITE]``: print the findings, exit 1 if there are any."""
    args = list(sys.argv[1:] if argv is None else argv)
    site = Path(args[0] if args else "site")
    findings = check_site(site)
    for finding in findings:
        print(finding, file=sys.stderr)
    print(f"sitecheck: {len(findings)} finding(s) in {site}", file=sys.stderr)
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
