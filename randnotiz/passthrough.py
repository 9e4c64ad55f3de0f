"""Raw HTML blocks set aside before MkDocs parses a page, and put back after: same bytes, sooner.

The generated pages write their long parts as raw HTML blocks (``render/rawhtml.py``):
Python-Markdown passes such a block through as it is. But to find where it
ends, Python-Markdown runs the whole page through Python's ``html.parser``
(and copies the rest of the page at the end of every block), and MkDocs runs
it through once more to collect the ``id`` attributes links may point to. On
the glossary of a thousand articles, twenty thousand links, that was eight
seconds of a build's time for text that comes out unchanged.

So before MkDocs parses a page (``set_aside``, from the hook's
``on_page_markdown``) each top-level block that is plainly raw HTML is
replaced by a word that stands in for it, and after (``put_back``, from
``on_page_content``) the word's paragraph becomes the block again, exactly as
Python-Markdown would have written it; its ids are handed to MkDocs' anchor
check. A block is taken only when there is no doubt how Python-Markdown reads
it: after a blank line, at the start of a line, one element of a block-level
tag that ends where the block ends, with no comment, processing instruction or
element whose content is not parsed as HTML. Anything else is left to Markdown.
The Markdown in ``docs/`` is unchanged, so other site generators read it as before.
"""

from __future__ import annotations

import html
import re
import secrets
from dataclasses import dataclass

#: Tags Python-Markdown starts a raw block with, that the generator writes.
BLOCK_TAGS = frozenset(
    {"aside", "blockquote", "details", "div", "dl", "figure", "nav", "ol", "p", "section"}
    | {"table", "ul"}
)
_START = re.compile(r"<([a-z][a-z0-9]*)[\s>]")
#: What makes ``html.parser`` read text otherwise than as tags and text.
_UNUSUAL = re.compile(r"<!|<\?|<(?:script|style|pre|textarea|title|xmp|plaintext)\b|</>", re.I)
_IDS = re.compile(r"""<[a-zA-Z][^>]*?\sid="([^"]*)\"""")
_NAMES = re.compile(r"""<a\s[^>]*?\bname="([^"]*)\"""")


@dataclass(frozen=True)
class SetAside:
    """A page's Markdown with its raw blocks replaced by stand-ins, and the blocks."""

    markdown: str
    token: str
    blocks: tuple[str, ...]


def set_aside(markdown: str, token: str | None = None) -> SetAside:
    """``markdown`` with each plainly raw block replaced by ``{token}{n}`` on a line of its own.

    ``token`` is random unless given: no text of the page can hold it.
    """
    token = token or "rnraw" + secrets.token_hex(8)
    chunks = markdown.split("\n\n")
    last = max((n for n, chunk in enumerate(chunks) if chunk.strip()), default=0)
    blocks: list[str] = []
    for n, chunk in enumerate(chunks):
        # Python-Markdown strips the end of the page first, and keeps the line
        # break of a block that a blank line follows.
        chunk = chunk.rstrip() if n == last else chunk
        if n and _is_raw_block(chunk):
            chunks[n] = f"{token}x{len(blocks)}"
            blocks.append(chunk if n == last else chunk + "\n")
    if not blocks:
        return SetAside(markdown, token, ())
    return SetAside("\n\n".join(chunks), token, tuple(blocks))


def put_back(content: str, aside: SetAside) -> str:
    """The HTML of ``aside.markdown`` with each stand-in's paragraph replaced by its block.

    A stand-in not found as a paragraph of its own means the page was not read
    the way ``set_aside`` assumed: ``ValueError``, never a page with a word for a block.
    """
    if not aside.blocks:
        return content
    pattern = re.compile(rf"<p>{re.escape(aside.token)}x(\d+)</p>")
    found: list[int] = []

    def block(match: re.Match[str]) -> str:
        n = int(match.group(1))
        found.append(n)
        return aside.blocks[n]

    out = pattern.sub(block, content)
    if sorted(found) != list(range(len(aside.blocks))):
        raise ValueError("a raw HTML block set aside was not found again")
    return out


def anchor_ids(aside: SetAside) -> set[str]:
    """The ids in the blocks set aside, as MkDocs collects them from raw HTML."""
    out: set[str] = set()
    for block in aside.blocks:
        out.update(html.unescape(v) for v in _IDS.findall(block))
        out.update(html.unescape(v) for v in _NAMES.findall(block))
    return out


def _is_raw_block(chunk: str) -> bool:
    match = _START.match(chunk)
    if match is None or match.group(1) not in BLOCK_TAGS or _UNUSUAL.search(chunk):
        return False
    tag = match.group(1)
    if not chunk.endswith(f"</{tag}>"):
        return False
    depth = 0
    for m in re.finditer(rf"<(/?){tag}[\s>]", chunk):
        depth += -1 if m.group(1) else 1
        if depth == 0:
            return m.end() == len(chunk)
    return False
