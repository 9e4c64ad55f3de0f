"""The plain-text seed format: an article as it arrives, pasted from a news site.

Blocks are separated by blank lines. The first block is the date, then come an
optional rubric, the title, an optional byline and the lede; after that each
block is a heading, a paragraph, a caption or an image's alt line followed by
its caption. Everything from a teaser marker such as "Das könnte Sie auch
interessieren:" on belongs to other articles and is dropped.

The heuristics below decide what a block is; ``annotations/articles/<id>.yml``
can overrule each decision, so the heuristics may stay simple.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from randnotiz.dates import parse_date
from randnotiz.model import Article, ArticleNotes, Block, BlockKind, Origin
from randnotiz.paths import short_slug, slugify
from randnotiz.problems import Problem, error, info

TEASER_MARKERS = re.compile(
    r"(das könnte (sie|dich) auch interessieren|lesen sie auch|mehr zum thema|"
    r"auch interessant|weitere artikel|empfehlungen der redaktion|das könnte ihnen gefallen)\s*:?",
    re.IGNORECASE,
)
BYLINE = re.compile(
    r"(?:Von|Ein Kommentar von|Ein Gastbeitrag von|Eine Analyse von|Text:)\s+"
    r"(?P<author>[A-ZÄÖÜ][^.!?:;]{1,80})"
)
_CLOSING = (".", ",", ";", ":", "…")
_DETERMINERS = frozenset(
    """
    der die das den dem des ein eine einer einem einen eines kein keine sein seine ihr
    ihre unser unsere dieser diese dieses jener jene mein meine wer was wie wo warum es
    er sie wir ich man
    """.split()
)


@dataclass(frozen=True)
class RawBlock:
    line: int
    lines: tuple[str, ...]

    @property
    def text(self) -> str:
        """Lines soft-wrapped by an editor belong to one paragraph."""
        return " ".join(self.lines)


#: More blocks than any article has (a long one has a few hundred): a seed with
#: more is refused before its blocks are classified, linked and rendered.
MAX_BLOCKS = 10_000


def split_blocks(text: str, limit: int = MAX_BLOCKS + 1) -> list[RawBlock]:
    """Blank-line separated blocks with the line each starts on; no more than ``limit``."""
    blocks: list[RawBlock] = []
    current: list[str] = []
    start = 0
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.strip()
        if line:
            if not current:
                start = number
            current.append(line)
        elif current:
            blocks.append(RawBlock(start, tuple(current)))
            current = []
            if len(blocks) == limit:
                return blocks
    if current:
        blocks.append(RawBlock(start, tuple(current)))
    return blocks


def _words(text: str) -> list[str]:
    return text.split()


def is_rubric(text: str) -> bool:
    return len(text) <= 40 and len(_words(text)) <= 3 and not text.endswith((*_CLOSING, "?", "!"))


def is_title(block: RawBlock) -> bool:
    return len(block.lines) == 1 and len(block.text) <= 200 and not block.text.endswith(_CLOSING)


def is_heading(text: str) -> bool:
    """One short line without closing punctuation: a section heading."""
    words = _words(text)
    if len(text) > 90 or len(words) > 12 or text.endswith(_CLOSING):
        return False
    if text.endswith(("?", "!")) and len(words) > 8:
        return False
    return re.search(r"[.!?]\s", text) is None


def is_caption(text: str) -> bool:
    """'Kicker: sentence.' where the kicker is a short phrase, not a sentence start.

    "Mitten im Strukturwandel: Meta investiert …" is a caption; "Das Problem:
    Niemand …" and "Kostenpunkt: mehr als …" are ordinary paragraphs.
    """
    m = re.match(r"([^.!?:;„“\"]{3,45}):\s+[A-ZÄÖÜ0-9„\"]", text)
    if not m:
        return False
    kicker = _words(m.group(1))
    return 2 <= len(kicker) <= 5 and kicker[0].lower() not in _DETERMINERS


@dataclass(frozen=True)
class SeedResult:
    article: Article | None
    problems: tuple[Problem, ...]


def parse_seed(text: str, file: str, notes: ArticleNotes | None = None) -> SeedResult:
    """An ``Article`` from a seed's text, with the overrides of its YAML applied."""
    problems: list[Problem] = []
    blocks = split_blocks(text)
    if len(blocks) > MAX_BLOCKS:
        message = (
            f"the seed has more than {MAX_BLOCKS:,} blocks of text (paragraphs, headings, "
            "captions); an article has a few hundred at most: check that it is the right file"
        )
        return SeedResult(None, (error(Origin(file), message),))
    blocks = _drop_teasers(blocks, file, problems)
    if not blocks:
        problems.append(error(Origin(file), "the seed has no text; write the article into it"))
        return SeedResult(None, tuple(problems))

    date = parse_date(blocks[0].text) if len(blocks[0].lines) == 1 else None
    if date is not None:
        blocks = blocks[1:]

    rubric: str | None = None
    if (
        len(blocks) >= 2
        and len(blocks[0].lines) == 1
        and is_rubric(blocks[0].text)
        and is_title(blocks[1])
        and not BYLINE.fullmatch(blocks[1].text)
    ):
        rubric, blocks = blocks[0].text, blocks[1:]

    if blocks and is_title(blocks[0]):
        title: str | None = blocks[0].text
        title_line = blocks[0].line
        blocks = blocks[1:]
    else:
        title, title_line = None, blocks[0].line if blocks else 1

    author: str | None = None
    if blocks and len(blocks[0].lines) == 1 and (m := BYLINE.fullmatch(blocks[0].text)):
        author, blocks = m.group("author").strip(), blocks[1:]

    overrides = notes or ArticleNotes(origin=Origin(file))
    title = overrides.title or title
    date = overrides.date or date
    rubric = overrides.rubric if overrides.rubric is not None else rubric
    author = overrides.author or author

    if title is None:
        problems.append(
            error(
                Origin(file, title_line),
                "no title found: after the date (and rubric) put the title on one line of its own, "
                "without a closing full stop, or set 'title:' in the article's YAML",
            )
        )
    if date is None:
        problems.append(
            error(
                Origin(file, 1),
                "no date found: start the seed with a line such as '29. Juli 2025', "
                "'29.07.2025' or '2025-07-29', or set 'date:' in the article's YAML",
            )
        )

    body = _classify(blocks, title or "", overrides, file, problems)
    if title is not None and not any(b.kind is not BlockKind.HEADING for b in body):
        problems.append(
            error(Origin(file, title_line), "the article has a title but no text after it")
        )
    if title is None or date is None or any(p.severity == "error" for p in problems):
        return SeedResult(None, tuple(problems))

    article = Article(
        id=overrides.id or short_slug(title),
        title=title,
        date=date,
        blocks=_with_anchors(body),
        source=file,
        rubric=rubric or None,
        author=author,
        notes=overrides.notes,
        related=overrides.related,
        no_link=overrides.no_link,
        link=overrides.link,
        original=overrides.source,
        redirect_from=overrides.redirect_from,
    )
    return SeedResult(article, tuple(problems))


def _drop_teasers(blocks: list[RawBlock], file: str, problems: list[Problem]) -> list[RawBlock]:
    for i, block in enumerate(blocks):
        if TEASER_MARKERS.fullmatch(block.lines[0]):
            dropped = sum(len(b.lines) for b in blocks[i:]) - 1
            problems.append(
                info(
                    Origin(file, block.line),
                    f"dropped the teasers for other articles from '{block.lines[0]}' on "
                    f"({dropped} lines)",
                )
            )
            return blocks[:i]
    return blocks


def _classify(
    blocks: list[RawBlock],
    title: str,
    overrides: ArticleNotes,
    file: str,
    problems: list[Problem],
) -> list[Block]:
    forced: dict[int, BlockKind] = {}
    for key, kind in (
        ("headings", BlockKind.HEADING),
        ("captions", BlockKind.CAPTION),
        ("paragraphs", BlockKind.PARAGRAPH),
    ):
        for start in getattr(overrides, key):
            hits = [i for i, b in enumerate(blocks) if b.text == start] or [
                i for i, b in enumerate(blocks) if b.text.startswith(start.rstrip("… "))
            ]  # a whole block's text means that block, not the longer ones it starts
            if not hits:
                problems.append(
                    error(
                        overrides.origin_of(key),
                        f"'{start}' in '{key}' matches no block of {file}; "
                        "copy the start of the block exactly",
                    )
                )
            for i in hits:
                forced[i] = kind

    out: list[Block] = []
    lede = False  # found yet: a flag, not a search of ``out`` for every block
    for i, raw in enumerate(blocks):
        if len(raw.lines) >= 2 and raw.lines[0] == title and i not in forced:
            out.append(
                Block(BlockKind.FIGURE, " ".join(raw.lines[1:]), raw.line + 1, alt=raw.lines[0])
            )
            continue
        text = raw.text
        kind = forced.get(i)
        if kind is BlockKind.PARAGRAPH and not lede:
            kind, lede = BlockKind.LEDE, True  # the first paragraph is the lede, forced or not
        if kind is None:
            if not lede and not is_heading(text):
                kind, lede = BlockKind.LEDE, True
            elif len(raw.lines) == 1 and is_heading(text):
                kind = BlockKind.HEADING
            elif is_caption(text):
                kind = BlockKind.CAPTION
            else:
                kind = BlockKind.PARAGRAPH
        out.append(Block(kind, text, raw.line))
    return out


def _with_anchors(blocks: list[Block]) -> tuple[Block, ...]:
    """Stable anchors: "absatz-N" for text blocks, the slug of the text for headings."""
    out: list[Block] = []
    seen: set[str] = set()
    number = 0
    for block in blocks:
        if block.kind is BlockKind.HEADING:
            base = slugify(block.text) or "abschnitt"
            anchor, n = base, 2
            while anchor in seen:
                anchor, n = f"{base}-{n}", n + 1
        else:
            number += 1
            anchor = f"absatz-{number}"
        seen.add(anchor)
        # Made anew rather than with dataclasses.replace, which looks up the fields each time.
        out.append(Block(block.kind, block.text, block.line, anchor=anchor, alt=block.alt))
    return tuple(out)
