"""How well ``randnotiz import`` reads the saved pages of ``tests/corpora/smartdata-dev``.

``tests/corpora/smartdata-dev.expected.yml`` says, for each of the 48 pages,
what a reader finds in it (established by reading every page): the headline
and its kicker, the date, the article's first paragraph, sentences of the
article, text of the page's furniture (navigation, teasers, comments, share
and newsletter boxes) - or that the page is no article and must be refused.
Four figures come out, each over all 48 pages:

- title: the headline (and the kicker as the rubric) exactly as expected;
- date: the publication date, or none where the page states none;
- first paragraph: the article's first paragraph exactly as expected;
- no furniture: none of the furniture's text, and the article's sentences, in the seed.

A page that is no article counts in each figure when it is refused with the
expected reason. ``--compare`` measures trafilatura and readability-lxml on the
same table (install them with ``pip install -r requirements-compare.txt``;
the build never needs them):

    .venv/bin/python scripts/measure_import.py [--compare] [--verbose]
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import sys
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpora" / "smartdata-dev"
EXPECTED = ROOT / "tests" / "corpora" / "smartdata-dev.expected.yml"
FIGURES = ("title", "date", "first paragraph", "no furniture")


@dataclass(frozen=True)
class Expected:
    """What a careful reader finds in one saved page."""

    page: str
    refused: str | None = None  # words the refusal must contain; None for an article
    title: str = ""
    rubric: str | None = None
    date: dt.date | None = None
    author: str | None = None
    lede: str = ""
    present: tuple[str, ...] = ()
    once: tuple[str, ...] = ()
    absent: tuple[str, ...] = ()
    note: str | None = None
    checks_author: bool = False


@dataclass(frozen=True)
class Found:
    """What one extractor made of a page: an article, or the reason it refused."""

    refused: str | None = None
    title: str = ""
    rubric: str | None = None
    date: dt.date | None = None
    author: str | None = None
    lede: str = ""
    text: str = ""  # everything it would publish, for the furniture check


@dataclass(frozen=True)
class Verdict:
    page: str
    title: bool
    date: bool
    lede: bool
    furniture: bool
    author: bool
    problems: tuple[str, ...]

    @property
    def figures(self) -> tuple[bool, bool, bool, bool]:
        return (self.title, self.date, self.lede, self.furniture)


def load_expected(path: Path = EXPECTED) -> list[Expected]:
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))
    out = []
    for entry in entries:
        fields = {k: tuple(v) if isinstance(v, list) else v for k, v in entry.items()}
        out.append(Expected(**fields, checks_author="author" in entry))
    return out


def flat(text: str) -> str:
    return " ".join(text.split())


# --- judging ------------------------------------------------------------------------------


def judge(expected: Expected, found: Found, *, kicker_in_title: bool = False) -> Verdict:
    """Compare one extraction with the table.

    ``kicker_in_title``: for tools without a kicker field, the headline with its
    kicker in front ("Kicker: Headline") or without it both count.
    """
    if expected.refused is not None:
        ok = found.refused is not None and expected.refused in found.refused
        got = f"refused: {found.refused}" if found.refused else f"an article, {found.title!r}"
        problems = () if ok else (f"expected a refusal ({expected.refused}); {got}",)
        return Verdict(expected.page, ok, ok, ok, ok, ok, problems)
    if found.refused is not None:
        return Verdict(
            expected.page, False, False, False, False, False, (f"refused: {found.refused}",)
        )
    problems = []
    if kicker_in_title:
        titles = {expected.title}
        if expected.rubric:
            titles |= {
                f"{expected.rubric}: {expected.title}",
                f"{expected.rubric} {expected.title}",
            }
        title_ok = flat(found.title) in titles
    else:
        title_ok = found.title == expected.title and found.rubric == expected.rubric
    if not title_ok:
        problems.append(f"title {found.rubric!r} / {found.title!r}")
    date_ok = found.date == expected.date
    if not date_ok:
        problems.append(f"date {found.date}")
    lede_ok = flat(found.lede) == flat(expected.lede)
    if not lede_ok:
        problems.append(f"first paragraph {found.lede[:80]!r}")
    text = flat(found.text)
    missing = [s for s in expected.present if flat(s) not in text]
    furniture = [s for s in expected.absent if flat(s) in text]
    repeated = [s for s in expected.once if text.count(flat(s)) != 1]
    if missing:
        problems.append(f"article text missing: {missing}")
    if furniture:
        problems.append(f"furniture: {furniture}")
    if repeated:
        problems.append(f"not exactly once: {repeated}")
    author_ok = not expected.checks_author or found.author == expected.author
    if not author_ok:
        problems.append(f"author {found.author!r}")
    return Verdict(
        expected.page,
        title_ok,
        date_ok,
        lede_ok,
        not (missing or furniture or repeated),
        author_ok,
        tuple(problems),
    )


# --- the extractors ---------------------------------------------------------------------------


def randnotiz_reads(path: Path) -> Found:
    """What ``randnotiz import`` makes of the page: the seed it would write, or its refusal."""
    from randnotiz.importer.extract import extract_article
    from randnotiz.importer.seed import seed_text

    found = extract_article(path.read_bytes(), path.name)
    if isinstance(found, tuple):
        return Found(refused="; ".join(p.message for p in found if p.severity == "error"))
    dated = found if found.date else dataclasses.replace(found, date=dt.date(2000, 1, 1))
    return Found(
        title=found.title,
        rubric=found.rubric,
        date=found.date,
        author=found.author,
        lede=found.lede,
        text=seed_text(dated),
    )


def trafilatura_reads(path: Path) -> Found:
    """trafilatura 2.x at its best settings for this table: ``favor_precision`` (which beat
    the default and ``favor_recall`` on the first paragraph and the furniture), no comments,
    htmldate's extensive search for the date of publication (not the original date)."""
    import trafilatura

    with warnings.catch_warnings():  # dateutil on "MEZ" time zones; the date is still read
        warnings.simplefilter("ignore")
        doc = trafilatura.bare_extraction(
            path.read_bytes(),
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            favor_precision=True,
            date_extraction_params={"extensive_search": True, "original_date": False},
        )
    if doc is None or not (doc.text or "").strip():
        return Found(refused="no text")
    paragraphs = [p.strip() for p in doc.text.split("\n") if p.strip()]
    date = dt.date.fromisoformat(doc.date[:10]) if doc.date else None
    return Found(
        title=doc.title or "",
        date=date,
        author=doc.author,
        lede=first_paragraph(paragraphs, doc.title or ""),
        text=doc.text,
    )


def readability_reads(path: Path) -> Found:
    """readability-lxml: Mozilla's Readability for Python; it finds no dates or authors."""
    from lxml import html as lxml_html
    from readability import Document

    from randnotiz.importer.webpage import decode_page

    doc = Document(decode_page(path.read_bytes()).text)
    summary = doc.summary(html_partial=True)
    tree = lxml_html.fromstring(summary) if summary.strip() else None
    paragraphs: list[str] = []
    if tree is not None:
        for element in tree.iter("p", "h1", "h2", "h3", "h4", "li", "blockquote", "figcaption"):
            text = flat(element.text_content())
            if text and not any(p.startswith(text) or text in p for p in paragraphs[-1:]):
                paragraphs.append(text)
    text = flat(tree.text_content()) if tree is not None else ""
    if not text:
        return Found(refused="no text")
    title = doc.short_title()
    return Found(title=title, lede=first_paragraph(paragraphs, title), text=text)


def first_paragraph(paragraphs: list[str], title: str) -> str:
    """The first paragraph of an extracted text, leaving out lines that repeat the title:
    other tools put the headline into the text, which the first-paragraph figure should not
    hold against them."""
    rest = [p for p in paragraphs if flat(p) not in flat(title)]
    return rest[0] if rest else ""


EXTRACTORS: dict[str, tuple[Callable[[Path], Found], bool]] = {
    "randnotiz": (randnotiz_reads, False),
    "trafilatura": (trafilatura_reads, True),
    "readability-lxml": (readability_reads, True),
}


def measure(
    name: str = "randnotiz", corpus: Path = CORPUS, expected: Sequence[Expected] | None = None
) -> list[Verdict]:
    reads, kicker_in_title = EXTRACTORS[name]
    table = load_expected() if expected is None else expected
    return [
        judge(e, reads(corpus / f"{e.page}.html"), kicker_in_title=kicker_in_title) for e in table
    ]


def totals(verdicts: Sequence[Verdict]) -> tuple[int, int, int, int]:
    return tuple(sum(v.figures[i] for v in verdicts) for i in range(4))  # type: ignore[return-value]


# --- the report ---------------------------------------------------------------------------------


def _percent(n: int, of: int) -> str:
    return f"{n}/{of} ({100 * n / of:.0f} %)"


def report(results: dict[str, list[Verdict]], verbose: bool) -> str:
    lines = []
    for name, verdicts in results.items():
        if verbose or len(results) == 1:
            lines.append(f"{name}:")
            for v in verdicts:
                marks = "".join("✓" if ok else "✗" for ok in v.figures)
                lines.append(f"  {v.page:<22} {marks}  {'; '.join(v.problems)}"[:300])
            lines.append("")
    width = max(len(n) for n in results)
    lines.append(f"{'':<{width}}  " + "  ".join(f"{f:<14}" for f in FIGURES))
    for name, verdicts in results.items():
        n = len(verdicts)
        cells = [_percent(t, n) for t in totals(verdicts)]
        lines.append(f"{name:<{width}}  " + "  ".join(f"{c:<14}" for c in cells))
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--compare", action="store_true", help="also measure trafilatura and readability-lxml"
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="every page, every tool")
    args = parser.parse_args(argv)
    names = list(EXTRACTORS) if args.compare else ["randnotiz"]
    results = {name: measure(name) for name in names}
    print(report(results, args.verbose))
    return 0


if __name__ == "__main__":
    sys.exit(main())
