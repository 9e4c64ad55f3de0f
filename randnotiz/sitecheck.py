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

import functools
import multiprocessing
import os
import posixpath
import re
import sys
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup, NavigableString, Tag

from randnotiz.paths import ARTICLES, ORGANIZATIONS, PEOPLE

#: Class of the first mention of an entity in an article: a link with hover text.
MENTION_CLASS = "rn-mention"

#: Class of the <article> holding a page's own content in Material's layout; on a page
#: without it, every link counts as content.
CONTENT_CLASS = "md-content__inner"

#: Elements whose text is shown as written, so Markdown characters in it are wanted.
_VERBATIM = frozenset({"code", "pre", "kbd", "samp", "script", "style", "template", "textarea"})

#: The attribute of each element that points at another file of the site.
_REFERENCES = {"a": "href", "link": "href", "script": "src", "img": "src"}

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
_ANY_LEAK = re.compile("|".join(pattern.pattern for _, pattern in _LEAKS))


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
    target: str  # site path, as ``resolve`` returns it ("../…" when it left the site)
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


#: From this many pages on, pages are parsed in parallel (one process per core).
PARALLEL_FROM = 200


def check_site(site: Path, rules: Rules = Rules(), *, workers: int | None = None) -> list[Finding]:
    """Every finding for the built site in ``site``, sorted by page and line.

    Parsing is the whole cost (about 10 ms a page), so a large site is parsed
    by ``workers`` processes (default: one per core); each page still once.
    """
    files = frozenset(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())
    names = sorted(name for name in files if name.endswith(".html"))
    read = functools.partial(read_file, site, rules)
    if len(names) >= PARALLEL_FROM and (workers or os.cpu_count() or 1) > 1:
        spawn = multiprocessing.get_context("spawn")  # no fork of a process that runs threads
        with ProcessPoolExecutor(workers, mp_context=spawn) as pool:
            pages = dict(zip(names, pool.map(read, names, chunksize=25), strict=True))
    else:
        pages = {name: read(name) for name in names}
    findings = [f for page in pages.values() for f in page.findings]
    findings += check_links(pages, files)
    findings += check_reachability(pages, rules)
    return sorted(findings, key=lambda f: (f.path, f.line or 0, f.message))


def read_file(site: Path, rules: Rules, name: str) -> Page:
    """One page of the site folder (module level, so worker processes can run it)."""
    return read_page(name, (site / name).read_text(encoding="utf-8"), rules)


def read_page(path: str, html: str, rules: Rules) -> Page:
    """Parse one page and walk it once: its ids and links, and what is wrong with it alone.

    One walk rather than a search per check: for a site of thousands of pages
    the parse and the walk are the whole cost.
    """
    soup = BeautifulSoup(html, "html.parser")
    walk = _Walk(path, rules.site_url)
    has_content = soup.find("article", class_=CONTENT_CLASS) is not None
    walk.visit(soup, in_content=not has_content, shown=True)
    findings = [*_language(path, soup, rules.lang), *_headings(path, walk.h1s), *walk.findings]
    return Page(path, frozenset(walk.ids), tuple(walk.links), tuple(findings))


class _Walk:
    """What one walk over a page's tree collects (private to ``read_page``)."""

    def __init__(self, path: str, site_url: str | None) -> None:
        self.path = path
        self.site_url = site_url
        self.ids: list[str] = []
        self.h1s: list[Tag] = []
        self.links: list[Link] = []
        self.findings: list[Finding] = []

    def visit(self, tag: Tag, *, in_content: bool, shown: bool) -> None:
        for child in tag.children:
            if isinstance(child, Tag):
                self.element(child, in_content)
                inside = in_content or (child.name == "article" and _is_content(child))
                self.visit(child, in_content=inside, shown=shown and child.name not in _VERBATIM)
            elif shown and type(child) is NavigableString and _ANY_LEAK.search(child):
                line = child.parent.sourceline if child.parent else None
                self.findings += _leaks_in(self.path, str(child), "text", line)

    def element(self, tag: Tag, in_content: bool) -> None:
        attrs = tag.attrs
        if "id" in attrs:
            self.ids.append(str(attrs["id"]))
        if tag.name == "h1":
            self.h1s.append(tag)
        elif tag.name == "a":
            if "name" in attrs:
                self.ids.append(str(attrs["name"]))
            if MENTION_CLASS in attrs.get("class", ()) and not str(attrs.get("title", "")).strip():
                message = (
                    f"entity link {_squeeze(tag.get_text())!r} has no hover text (title attribute)"
                )
                self.findings.append(Finding(self.path, message, tag.sourceline))
        if "title" in attrs and _ANY_LEAK.search(str(attrs["title"])):
            self.findings += _leaks_in(
                self.path, str(attrs["title"]), "title attribute", tag.sourceline
            )
        attribute = _REFERENCES.get(tag.name)
        if attribute and attribute in attrs:
            href = str(attrs[attribute])
            resolved = resolve(self.path, href, self.site_url)
            if resolved is not None:
                target, fragment = resolved
                is_a = tag.name == "a"
                self.links.append(Link(href, tag.sourceline, target, fragment, is_a, in_content))


def _is_content(tag: Tag) -> bool:
    return CONTENT_CLASS in tag.attrs.get("class", ())


def _language(path: str, soup: BeautifulSoup, lang: str) -> Iterable[Finding]:
    html = soup.find("html")
    found = html.get("lang") if isinstance(html, Tag) else None
    if found != lang:
        shown = "no lang attribute" if found is None else f'lang="{found}"'
        yield Finding(path, f'<html> has {shown}, expected lang="{lang}"')


def _headings(path: str, h1s: list[Tag]) -> Iterable[Finding]:
    if not h1s:
        yield Finding(path, "no H1 heading (expected exactly one)")
    elif len(h1s) > 1:
        titles = ", ".join(repr(_squeeze(h.get_text())) for h in h1s)
        message = f"{len(h1s)} H1 headings (expected exactly one): {titles}"
        yield Finding(path, message, h1s[1].sourceline)


def _leaks_in(path: str, text: str, where: str, line: int | None) -> list[Finding]:
    found = []
    for marker, pattern in _LEAKS:
        match = pattern.search(text)
        if match:
            context = _squeeze(text[max(0, match.start() - 30) : match.end() + 30])
            message = f"Markdown {marker!r} leaked into the {where}: {context!r}"
            found.append(Finding(path, message, line))
    return found


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
