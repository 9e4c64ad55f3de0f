"""HTML the build writes itself, for the parts of a page that carry many links.

Python-Markdown runs every inline pattern over every character of a Markdown
paragraph, and article text needs a backslash before each punctuation mark to
stay data. A page of article text with a hundred links took the site generator
twice as long as plain text of the same size. A block of raw HTML is set aside
whole and passes through untouched, so article paragraphs and the long lists
of mentions are written here as HTML, and their text needs only HTML escaping:
Markdown syntax inside such a block is never interpreted.

Python-Markdown recognises a raw block only when a line starts with a block
tag after a blank line, so callers put a blank line before every block. Links
in raw HTML are not resolved by the site generator: they use ``site_href``.
"""

from __future__ import annotations

import html
from collections.abc import Iterable

#: Python-Markdown keeps set-aside HTML behind placeholders made of these two
#: control characters; text containing them would be taken for a placeholder.
_PLACEHOLDER_CHARS = str.maketrans({"\x02": "&#2;", "\x03": "&#3;"})


def text(value: str) -> str:
    """Text for the inside of an element: ``&``, ``<`` and ``>`` escaped, nothing else read.

    Most text has none of the characters to replace; looking for them first
    makes the common case three times faster, and a large site escapes
    hundreds of thousands of pieces of text.
    """
    if "&" in value or "<" in value or ">" in value or "\x02" in value or "\x03" in value:
        return html.escape(value, quote=False).translate(_PLACEHOLDER_CHARS)
    return value


def attr(value: str) -> str:
    """Text for an attribute value in double quotes; a line break as ``&#10;``, so that
    a tag stays on one line (a hover text has two)."""
    if '"' in value or "'" in value or "&" in value or "<" in value or ">" in value:
        value = html.escape(value, quote=True)
    if "\n" in value:
        value = value.replace("\n", "&#10;")
    return value.translate(_PLACEHOLDER_CHARS) if "\x02" in value or "\x03" in value else value


def attributes(classes: Iterable[str] = (), **values: str | None) -> str:
    """' id="…" class="…"' from the values given; ``None`` leaves an attribute out.

    A trailing underscore is dropped from a name, so ``class_`` and ``for_`` work.
    """
    parts = [f' {k.rstrip("_").replace("_", "-")}="{attr(v)}"' for k, v in values.items() if v]
    names = " ".join(classes)
    if names:
        parts.append(f' class="{attr(names)}"')
    return "".join(parts)


def anchor(href: str, inner: str, title: str | None = None, classes: Iterable[str] = ()) -> str:
    """A link; ``inner`` is HTML already, the title plain text."""
    return f"{anchor_start(href, title, classes)}{inner}</a>"


def anchor_start(href: str, title: str | None = None, classes: Iterable[str] = ()) -> str:
    """The opening ``<a>`` tag of ``anchor``.

    Written out rather than through ``attributes``: a large site has a link
    for every mention, and this is the build's most frequent call.
    """
    out = f'<a href="{attr(href)}"'
    if title:
        out += f' title="{attr(title)}"'
    names = " ".join(classes)
    if names:
        out += f' class="{attr(names)}"'
    return out + ">"


def element(tag: str, inner: str, classes: Iterable[str] = (), **values: str | None) -> str:
    """One element on one line; ``inner`` is HTML already."""
    return f"<{tag}{attributes(classes, **values)}>{inner}</{tag}>"


def bullet_list(items: Iterable[str], classes: Iterable[str] = (), ignored: bool = False) -> str:
    """A ``<ul>`` block of HTML items, one line per item for readable diffs.

    ``ignored`` keeps the list out of the search index (text repeated from elsewhere).
    """
    body = "\n".join(f"<li>{item}</li>" for item in items)
    ignore = ' data-pagefind-ignore="all"' if ignored else ""
    return f"<ul{attributes(classes)}{ignore}>\n{body}\n</ul>\n"
