"""Slugs, page paths and URLs, kept apart by type.

As in Quartz's ``path.ts``: an id, a Markdown source path under ``docs/`` and a
site URL are three different things, and mixing them up is the classic
static-site bug (a link that works on one page and not on the next). Each gets
its own ``NewType`` and one function to go from one to the other.
"""

from __future__ import annotations

import functools
import posixpath
import re
import unicodedata
from typing import NewType

Slug = NewType("Slug", str)
"""An id: lowercase ASCII letters, digits and single hyphens ("yann-lecun")."""

DocPath = NewType("DocPath", str)
"""A Markdown source path relative to ``docs/``, with forward slashes ("personen/yann-lecun.md")."""

Url = NewType("Url", str)
"""A site-absolute URL path with a trailing slash ("/personen/yann-lecun/")."""

_GERMAN = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"}
)
_SLUG_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
#: The longest id: each names a file (``personen/<id>.md``, and its temporary twin
#: under ``docs/.randnotiz-tmp/`` with the folder in its name), and file systems
#: hold 255 bytes in a name.
MAX_ID_LENGTH = 100


def slugify(text: str) -> Slug:
    """The URL-safe id of a name: umlauts as ae/oe/ue, ß as ss, accents dropped.

    German readers expect "Gründermodus" at ``gruendermodus``, not ``grndermodus``.
    """
    text = unicodedata.normalize("NFC", text).translate(_GERMAN)
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return Slug(re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-"))


def short_slug(text: str, limit: int = 80) -> Slug:
    """A slug of at most ``limit`` characters, cut at a hyphen: a readable URL for a long title."""
    slug = slugify(text)
    if len(slug) <= limit:
        return slug
    cut = slug[: limit + 1].rsplit("-", 1)[0]
    return Slug(cut or slug[:limit])


def is_slug(text: str) -> bool:
    return _SLUG_RE.fullmatch(text) is not None


# The sections of the site, by German URL segment.
ARTICLES = "artikel"
PEOPLE = "personen"
ORGANIZATIONS = "organisationen"
GLOSSARY = "glossar"


def doc_path(section: str, slug: Slug | None = None) -> DocPath:
    """The Markdown source of a page: a section index or one entry in it."""
    return DocPath(f"{section}/index.md" if slug is None else f"{section}/{slug}.md")


HOME = DocPath("index.md")


def url_of(path: DocPath) -> Url:
    """The URL MkDocs gives a source path with ``use_directory_urls``."""
    stem = path.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        stem = stem.removesuffix("index")
    else:
        stem += "/"
    return Url("/" + stem)


def relative_link(source: DocPath, target: DocPath, anchor: str | None = None) -> str:
    """A Markdown link from one source page to another, as MkDocs resolves them.

    Links between ``.md`` sources (not URLs) let ``mkdocs build --strict``
    validate every one of them.
    """
    rel = _relative(target, posixpath.dirname(source) or ".")
    return rel if anchor is None else f"{rel}#{anchor}"


@functools.lru_cache(maxsize=1 << 16)
def _relative(target: str, folder: str) -> str:
    """``relpath``, remembered: it asks the system for the working folder on every call,
    and the pages of one section share their folder and most of their targets."""
    return posixpath.relpath(target, folder)
