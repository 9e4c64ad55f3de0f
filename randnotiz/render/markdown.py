"""Markdown that says exactly what the data says.

Article text is data: every ASCII punctuation mark is backslash-escaped, which
``pymdownx.escapeall`` turns back into the literal character. No line of a
seed can then start a list, open raw HTML, include a snippet, define an
abbreviation or set attributes. YAML descriptions are Markdown by contract,
but raw HTML, attribute lists and script links in them are neutralised.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable
from typing import Any

from randnotiz.render.rawhtml import attr

_PUNCTUATION = re.compile(r"[!-/:-@\[-`{-~]")


def _backslashed(match: re.Match[str]) -> str:
    return "\\" + match.group()


def esc(text: str) -> str:
    """Text that Markdown renders as exactly ``text``.

    The replacement is a function, not a template string: Python expands a
    template match by match in Python code, which made this the costliest line
    of a large build (``str.translate`` is slower still on non-ASCII text).
    """
    return _PUNCTUATION.sub(_backslashed, text)


def link(text_md: str, target: str, title: str | None = None, classes: Iterable[str] = ()) -> str:
    """A Markdown link; ``text_md`` is already Markdown, the title is plain text."""
    title_part = f' "{esc(title)}"' if title else ""
    class_part = " ".join(f".{c}" for c in classes)
    return f"[{text_md}]({target}{title_part})" + (f"{{ {class_part} }}" if class_part else "")


#: Front-matter fields Material's templates print into the page as they are
#: (``<title>``, the header, ``<meta name="description">``), so they hold HTML.
HTML_FIELDS = frozenset({"title", "description"})


def front_matter(**fields: object) -> str:
    """YAML front matter; JSON strings are valid YAML and need no thought about quoting."""
    lines = ["---"]
    for key, value in fields.items():
        if value is None:
            continue
        if key in HTML_FIELDS and isinstance(value, str):
            value = attr(value)
        if isinstance(value, dict):
            lines.append(f"{key}:")
            lines.extend(f"  {k}: {json.dumps(v, ensure_ascii=False)}" for k, v in value.items())
        elif isinstance(value, list):
            lines.append(f"{key}: {json.dumps(value, ensure_ascii=False)}")
        else:
            lines.append(f"{key}: {json.dumps(value, ensure_ascii=False)}")
    lines.append("---")
    return "\n".join(lines) + "\n"


def page_head(title: str, intro: str, hide: tuple[str, ...] = ("navigation",)) -> list[str]:
    """Front matter, the H1 and the introductory line every generated index page opens with."""
    return [
        front_matter(hide=list(hide), title=title, description=intro),
        f"# {esc(title)}\n",
        f"{esc(intro)}\n{{ .rn-summary }}\n",
    ]


_CODE = re.compile(r"(```.*?```|~~~.*?~~~|(`+)[^`].*?\2)", re.DOTALL)
_SAFE_SCHEMES = ("http", "https", "mailto")
_INLINE_URL = re.compile(r"\]\(\s*<?\s*([A-Za-z][A-Za-z0-9+.-]*):")
_REFERENCE_URL = re.compile(r"^(\s*)\[([^\]]+)\]:\s*<?\s*([A-Za-z][A-Za-z0-9+.-]*):", re.MULTILINE)


def yaml_markdown(text: str) -> str:
    """An editor's Markdown, with raw HTML, attribute lists and script links made inert."""
    out: list[str] = []
    pos = 0
    for m in _CODE.finditer(text):
        out += [_neutralise(text[pos : m.start()]), m.group(0)]
        pos = m.end()
    out.append(_neutralise(text[pos:]))
    return "".join(out).strip()


def _neutralise(text: str) -> str:
    text = text.replace("<", "\\<").replace("{", "\\{")
    text = _INLINE_URL.sub(
        lambda m: m.group(0) if m.group(1).lower() in _SAFE_SCHEMES else "\\]\\(" + m.group(0)[2:],
        text,
    )
    return _REFERENCE_URL.sub(
        lambda m: (
            m.group(0)
            if m.group(3).lower() in _SAFE_SCHEMES
            else m.group(1) + "\\[" + m.group(0)[len(m.group(1)) + 1 :]
        ),
        text,
    )


def plural(count: int, one: str, many: str) -> str:
    """'1 Artikel', '3 Personen'."""
    return f"{count} {one if count == 1 else many}"


def one_line(text: str) -> str:
    """YAML text as it goes into a tooltip: one line, no surrounding space."""
    return " ".join(text.split())


def first_sentence(text: str) -> str:
    """The first sentence of a summary, for lists where a whole definition is too long."""
    from randnotiz.sentences import sentence_spans  # local: markdown helpers stay import-light

    text = one_line(text)
    spans = sentence_spans(text)
    return text[: spans[0][1]] if spans else text


@functools.cache
def _inline_converter() -> Any:
    """Python-Markdown with the escapes the site uses (``pymdownx.escapeall``), made once."""
    import markdown  # local: only pages with events need it

    return markdown.Markdown(
        extensions=["pymdownx.escapeall"],
        extension_configs={"pymdownx.escapeall": {"hardbreak": False, "nbsp": False}},
    )


def inline_markdown(text: str) -> str:
    """An editor's one-line Markdown as HTML, for the lists the build writes as raw HTML.

    Raw HTML blocks pass through the site generator unread (see ``rawhtml``), so
    Markdown from YAML that goes into one is converted here, made inert first
    by ``yaml_markdown`` exactly as on the pages where it stays Markdown.
    """
    converter = _inline_converter()
    converter.reset()
    html = converter.convert(yaml_markdown(one_line(text)))
    if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        return html[3:-4]
    return html
