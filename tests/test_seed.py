"""The seed reader: dates, rubric, title, lede, headings, captions, teasers, encodings."""

from __future__ import annotations

import datetime as dt

import pytest

from randnotiz.dates import german_date, parse_date
from randnotiz.model import ArticleNotes, BlockKind, Origin
from randnotiz.read.decode import decode_text
from randnotiz.read.seed import is_caption, is_heading, parse_seed

from .conftest import SHIPPED_HEADINGS, SHIPPED_SEED


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("29. Juli, 2025", dt.date(2025, 7, 29)),
        ("29. Juli 2025", dt.date(2025, 7, 29)),
        ("1. März 2024", dt.date(2024, 3, 1)),
        ("Dienstag, 29. Juli 2025", dt.date(2025, 7, 29)),
        ("29.07.2025", dt.date(2025, 7, 29)),
        ("2025-07-29", dt.date(2025, 7, 29)),
        ("29. Juli 2025, 14:30", dt.date(2025, 7, 29)),
        ("3. Dez. 2024", dt.date(2024, 12, 3)),
        ("31. Februar 2025", None),  # no such day
        ("29. Juli ist ein Dienstag", None),  # a sentence, not a date line
        ("Unternehmen", None),
        ("29. Jarnuar 2025", None),  # unknown month
    ],
)
def test_parse_date(line: str, expected: dt.date | None) -> None:
    assert parse_date(line) == expected


def test_german_date() -> None:
    assert german_date(dt.date(2025, 7, 29)) == "29. Juli 2025"
    assert german_date(dt.date(2025, 3, 1)) == "1. März 2025"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("200 Millionen für einen einzigen Kopf", True),
        ("DeepSeek überholt Meta – mit Metas Technik", True),
        ("Gründermodus: Kontrolle, Druck, Angst", True),
        ("Wer zahlt die Rechnung?", True),
        ("Aber es gibt Spannungen.", False),  # closing full stop
        ("Kostenpunkt: mehr als 200 Millionen Dollar. Mark Zuckerberg hat damit", False),
        (
            "Ein sehr langer Satz ohne Punkt am Ende der aber viel zu viele Wörter hat um eine Überschrift zu sein",
            False,
        ),
    ],
)
def test_is_heading(text: str, expected: bool) -> None:
    assert is_heading(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mitten im Strukturwandel: Meta investiert 70 Milliarden Dollar.", True),
        ("Meta im Ausnahmezustand: Nach dem Flop herrscht Angst.", True),
        ("Kostenpunkt: mehr als 200 Millionen Dollar.", False),  # one-word kicker, lowercase
        ("Das Problem: Niemand weiß, wie es weitergeht.", False),  # starts like a sentence
        ("Wer bei Meta arbeitet, kennt den Modus.", False),
    ],
)
def test_is_caption(text: str, expected: bool) -> None:
    assert is_caption(text) is expected


def shipped():
    decoded = decode_text(SHIPPED_SEED.read_bytes(), "seeds/shipped.txt")
    return parse_seed(decoded.text or "", "seeds/shipped.txt")


def test_shipped_seed_structure() -> None:
    result = shipped()
    article = result.article
    assert article is not None
    assert article.date == dt.date(2025, 7, 29)
    assert article.rubric == "Unternehmen"
    assert article.title == "Zuckerbergs KI-Offensive: Der letzte Kampf um die Zukunft"
    assert article.lede.startswith("Meta hat den Anschluss in der KI-Forschung verloren.")
    headings = [b.text for b in article.blocks if b.kind is BlockKind.HEADING]
    assert headings == SHIPPED_HEADINGS
    figure = next(b for b in article.blocks if b.kind is BlockKind.FIGURE)
    assert figure.alt == article.title
    assert figure.text.startswith("Zuckerbergs Machtinstrument: Mit Mehrfach-Stimmrechten")
    captions = [b.text[:24] for b in article.blocks if b.kind is BlockKind.CAPTION]
    assert captions == ["Mitten im Strukturwandel", "Meta im Ausnahmezustand:"]
    paragraphs = [b for b in article.blocks if b.kind is BlockKind.PARAGRAPH]
    assert len(paragraphs) == 18
    assert paragraphs[-1].text.endswith("die Metas Plattformen heute schon nutzen.")
    assert not any("Finfluencer" in b.text for b in article.blocks)


def test_shipped_seed_anchors_are_stable_and_unique() -> None:
    article = shipped().article
    assert article is not None
    anchors = [b.anchor for b in article.blocks]
    assert len(set(anchors)) == len(anchors)
    assert [b.anchor for b in article.blocks if b.kind is not BlockKind.HEADING][:3] == [
        "absatz-1",
        "absatz-2",
        "absatz-3",
    ]


def test_teaser_tail_is_dropped_and_logged() -> None:
    result = shipped()
    assert [str(p) for p in result.problems] == [
        "seeds/shipped.txt:68:1: info: dropped the teasers for other articles from "
        "'Das könnte Sie auch interessieren:' on (2 lines)"
    ]


SMALL = "2025-07-29\n\nTitel des Artikels\n\nErster Absatz mit Inhalt.\n\nZwischentitel\n\nZweiter Absatz.\n"


@pytest.mark.parametrize(
    ("data", "title", "warnings"),
    [
        (SMALL.encode("utf-8"), "Titel des Artikels", 0),
        (b"\xef\xbb\xbf" + SMALL.encode("utf-8"), "Titel des Artikels", 0),  # BOM
        (SMALL.replace("\n", "\r\n").encode("utf-8"), "Titel des Artikels", 0),  # CRLF
        (SMALL.replace("\n", "\r").encode("utf-8"), "Titel des Artikels", 0),  # old Mac CR
        (SMALL.replace("Titel", "Übertitel").encode("cp1252"), "Übertitel des Artikels", 1),
    ],
)
def test_encodings_and_line_endings(data: bytes, title: str, warnings: int) -> None:
    decoded = decode_text(data, "seeds/a.txt")
    assert decoded.text is not None
    assert "\r" not in decoded.text
    result = parse_seed(decoded.text, "seeds/a.txt")
    assert result.article is not None
    assert result.article.title == title
    assert [b.text for b in result.article.blocks] == [
        "Erster Absatz mit Inhalt.",
        "Zwischentitel",
        "Zweiter Absatz.",
    ]
    assert len(decoded.problems) == warnings


def test_windows_1252_warning_names_the_file_and_line() -> None:
    decoded = decode_text("2025-07-29\n\nÄrger\n".encode("cp1252"), "seeds/alt.txt")
    assert decoded.text == "2025-07-29\n\nÄrger\n"
    assert [str(p) for p in decoded.problems] == [
        "seeds/alt.txt:3:1: warning: not valid UTF-8, read as Windows-1252; save the file as UTF-8 to be sure"
    ]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "seeds/x.txt:1:1: error: the file is empty; write the article into it"),
        (b" \n\n  \n", "seeds/x.txt:1:1: error: the file is empty; write the article into it"),
        (
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
            "seeds/x.txt:1:1: error: this is a binary file, not text; save the article as plain text (UTF-8)",
        ),
    ],
)
def test_empty_and_binary_files_are_errors(data: bytes, message: str) -> None:
    decoded = decode_text(data, "seeds/x.txt")
    assert decoded.text is None
    assert [str(p) for p in decoded.problems] == [message]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "2025-07-29\n\nDies ist ein ganzer Satz und kein Titel.\n\nMehr Text.\n",
            "seeds/x.txt:3:1: error: no title found: after the date (and rubric) put the title on one line "
            "of its own, without a closing full stop, or set 'title:' in the article's YAML",
        ),
        (
            "Titel ohne Datum\n\nEin Absatz.\n",
            "seeds/x.txt:1:1: error: no date found: start the seed with a line such as '29. Juli 2025', "
            "'29.07.2025' or '2025-07-29', or set 'date:' in the article's YAML",
        ),
        (
            "2025-07-29\n\nNur ein Titel\n",
            "seeds/x.txt:3:1: error: the article has a title but no text after it",
        ),
    ],
)
def test_missing_parts_are_errors(text: str, message: str) -> None:
    result = parse_seed(text, "seeds/x.txt")
    assert result.article is None
    assert message in [str(p) for p in result.problems]


def test_a_seed_of_more_blocks_than_any_article_is_refused_quickly() -> None:
    text = "2025-07-29\n\nTitel\n\n" + "a\n\n" * 1_000_000
    result = parse_seed(text, "seeds/x.txt")
    assert result.article is None
    assert [str(p) for p in result.problems] == [
        "seeds/x.txt:1:1: error: the seed has more than 10,000 blocks of text (paragraphs, "
        "headings, captions); an article has a few hundred at most: check that it is the right file"
    ]


def test_soft_wrapped_lines_join_into_one_paragraph() -> None:
    text = "2025-07-29\n\nTitel\n\nEin Absatz, der über\nzwei Zeilen geht.\n"
    article = parse_seed(text, "s.txt").article
    assert article is not None
    assert article.lede == "Ein Absatz, der über zwei Zeilen geht."


def test_byline_after_title() -> None:
    text = "2025-07-29\n\nTitel\n\nVon Erika Mustermann\n\nDer erste Absatz.\n"
    article = parse_seed(text, "s.txt").article
    assert article is not None
    assert article.author == "Erika Mustermann"
    assert article.lede == "Der erste Absatz."


def test_yaml_overrides_what_the_heuristics_decide() -> None:
    text = "2025-07-29\n\nTitel\n\nDer Vorspann.\n\nKurz gesagt\n\nDas Problem: Niemand weiß es.\n"
    plain = parse_seed(text, "s.txt").article
    assert plain is not None
    assert [b.kind for b in plain.blocks] == [
        BlockKind.LEDE,
        BlockKind.HEADING,
        BlockKind.PARAGRAPH,
    ]
    notes = ArticleNotes(
        origin=Origin("annotations/articles/s.yml"),
        id="mein-artikel",
        title="Ein anderer Titel",
        date=dt.date(2024, 1, 2),
        rubric="Technik",
        paragraphs=("Kurz gesagt",),
        captions=("Das Problem:",),
    )
    article = parse_seed(text, "s.txt", notes).article
    assert article is not None
    assert (article.id, article.title, article.date, article.rubric) == (
        "mein-artikel",
        "Ein anderer Titel",
        dt.date(2024, 1, 2),
        "Technik",
    )
    assert [b.kind for b in article.blocks] == [
        BlockKind.LEDE,
        BlockKind.PARAGRAPH,
        BlockKind.CAPTION,
    ]


@pytest.mark.parametrize(
    ("text", "notes", "kinds"),
    [
        (  # a short first block reads as a heading; forced to be a paragraph, it is the lede
            "2016-02-10\n\nAuf dem Parkplatz beschädigt\n\nLemförde - Ein Unfall beschäftigt die Polizei\n\nMehr Text.\n",
            {"paragraphs": ("Lemförde - Ein Unfall",)},
            [BlockKind.LEDE, BlockKind.PARAGRAPH],
        ),
        (  # a whole block's text means that block, not the longer one it starts
            "2016-02-27\n\nTitel\n\nDer Vorspann.\n\nDer Preis ist hoch.\n\n"
            "Der Preis ist hoch. Und mehr.\n",
            {"captions": ("Der Preis ist hoch.",)},
            [BlockKind.LEDE, BlockKind.CAPTION, BlockKind.PARAGRAPH],
        ),
        (  # a start that is no whole block's text means every block it starts
            "2016-02-27\n\nTitel\n\nDer Vorspann.\n\nDer Preis ist hoch.\n\n"
            "Der Preis ist hoch. Und mehr.\n",
            {"captions": ("Der Preis",)},
            [BlockKind.LEDE, BlockKind.CAPTION, BlockKind.CAPTION],
        ),
    ],
    ids=["forced-first-paragraph-is-lede", "whole-text-is-exact", "start-matches-all"],
)
def test_kind_overrides(text: str, notes: dict, kinds: list[BlockKind]) -> None:
    article = parse_seed(text, "s.txt", ArticleNotes(origin=Origin("s.yml"), **notes)).article
    assert article is not None
    assert [b.kind for b in article.blocks] == kinds


def test_override_that_matches_no_block_is_an_error() -> None:
    notes = ArticleNotes(
        origin=Origin("annotations/articles/s.yml"),
        headings=("Gibt es nicht",),
        field_origins=(("headings", Origin("annotations/articles/s.yml", 3, 11)),),
    )
    result = parse_seed(SMALL, "seeds/s.txt", notes)
    assert result.article is None
    assert [str(p) for p in result.problems] == [
        "annotations/articles/s.yml:3:11: error: 'Gibt es nicht' in 'headings' matches no block of "
        "seeds/s.txt; copy the start of the block exactly"
    ]


def test_default_id_is_the_slug_of_the_title() -> None:
    article = parse_seed(
        SMALL.replace("Titel des Artikels", "Größte Übernahme: 2,5 Mrd. €"), "s.txt"
    ).article
    assert article is not None
    assert article.id == "groesste-uebernahme-2-5-mrd"
