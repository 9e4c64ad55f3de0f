"""``randnotiz import``: small pages, the seed writer and the command.

The 48 real pages of the corpus are judged in ``test_import_corpus.py``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from randnotiz.importer import seed as import_seed
from randnotiz.importer.extract import Extracted, TextBlock, extract_article
from randnotiz.model import BlockKind
from randnotiz.problems import Problem
from randnotiz.read.seed import parse_seed

CORPUS = Path(__file__).resolve().parent / "corpora" / "smartdata-dev"

needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason=f"corpus not found at {CORPUS}")


def _extract(name: str) -> Extracted:
    found = extract_article((CORPUS / f"{name}.html").read_bytes(), f"{name}.html")
    assert isinstance(found, Extracted), [str(p) for p in found]
    return found


@needs_corpus
def test_declared_latin_1_is_honoured() -> None:
    data = (CORPUS / "smartdata_news_1035.html").read_bytes()
    assert b"charset=iso-8859-1" in data
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    extracted = _extract("smartdata_news_1035")
    assert extracted.title == "Intel streicht 12.000 Stellen - Prognose enttäuscht Anleger"
    assert extracted.lede.startswith(
        "Der Chip-Riese Intel streicht 12.000 Jobs, um sich schneller aus der Abhängigkeit"
    )
    assert "Ã" not in import_seed.seed_text(extracted)
    assert extracted.problems == ()


# --- small pages ------------------------------------------------------------------------

ARTICLE_BODY = """
<article>
  <h1>Ein Testartikel über Umlaute</h1>
  <p class="intro">Der Vorspann erzählt in einem Satz, worum es geht, und endet mit einem Punkt.</p>
  <div class="article-body">
    <p>Der erste Absatz berichtet ausführlich, was geschah, wer beteiligt war und warum es zählt.</p>
    <h2>Eine Zwischenüberschrift</h2>
    <p>Der zweite Absatz führt die Geschichte weiter, mit Zahlen, Namen und einem Zitat.</p>
    <div class="share-buttons"><a href="#">Teilen</a> <a href="#">Drucken</a></div>
    <p>Der dritte Absatz schließt den Bericht ab und sagt, wie es nun weitergehen soll.</p>
  </div>
  <aside class="related"><h3>Mehr zum Thema</h3><p>Ein anderer Artikel, der hier nicht hingehört, samt Satz.</p></aside>
</article>
"""


def _page(head: str = "", body: str = ARTICLE_BODY, charset: str = "utf-8") -> bytes:
    html = f"<!DOCTYPE html><html><head><meta charset='{charset}'><title>Ein Testartikel über Umlaute | beispiel.de</title>{head}</head><body>{body}</body></html>"
    return html.encode(charset)


def test_small_page_blocks_in_order() -> None:
    extracted = extract_article(_page(), "page.html")
    assert isinstance(extracted, Extracted)
    assert extracted.title == "Ein Testartikel über Umlaute"
    assert (
        extracted.lede
        == "Der Vorspann erzählt in einem Satz, worum es geht, und endet mit einem Punkt."
    )
    assert extracted.blocks == (
        TextBlock(
            BlockKind.PARAGRAPH,
            "Der erste Absatz berichtet ausführlich, was geschah, wer beteiligt war und warum es zählt.",
        ),
        TextBlock(BlockKind.HEADING, "Eine Zwischenüberschrift"),
        TextBlock(
            BlockKind.PARAGRAPH,
            "Der zweite Absatz führt die Geschichte weiter, mit Zahlen, Namen und einem Zitat.",
        ),
        TextBlock(
            BlockKind.PARAGRAPH,
            "Der dritte Absatz schließt den Bericht ab und sagt, wie es nun weitergehen soll.",
        ),
    )


def test_teaser_tail_inside_the_body_is_cut() -> None:
    tail = (
        "<p>Lesen Sie auch:</p>"
        "<p>Ein ganz anderer Bericht über etwas anderes, mit einem vollständigen Satz darin.</p>"
        "</div>"
    )
    body = ARTICLE_BODY.replace("</div>\n  <aside", tail + "\n  <aside", 1)
    assert "Lesen Sie auch" in body
    extracted = extract_article(_page(body=body), "page.html")
    assert isinstance(extracted, Extracted)
    assert extracted.blocks[-1].text.startswith("Der dritte Absatz schließt den Bericht ab")
    assert "anderer Bericht" not in import_seed.seed_text(
        dataclasses.replace(extracted, date=dt.date(2016, 1, 1))
    )


def test_standfirst_outside_the_body_box_is_the_lede() -> None:
    body = (
        '<div class="page"><div class="head"><h1>Ein Testartikel über Umlaute</h1>'
        '<p class="lead-text">Der Vorspann steht über dem Text, in einem eigenen Kasten, '
        "und endet mit einem Punkt.</p>"
        '<p class="byline">Von Anna Beispiel</p></div>'
        '<div class="story">'
        + "".join(
            f"<p>Absatz {n} berichtet ausführlich, was geschah, wer dabei war, und warum.</p>"
            for n in range(1, 5)
        )
        + '</div><div class="teaser-box"><a href="/x">Ein ganz anderer Artikel, der '
        "mit diesem nichts zu tun hat, aber lang ist.</a></div></div>"
    )
    extracted = extract_article(_page(body=body), "page.html")
    assert isinstance(extracted, Extracted)
    assert extracted.lede.startswith("Der Vorspann steht über dem Text")
    assert extracted.author == "Anna Beispiel"
    assert [b.text[:8] for b in extracted.blocks] == [
        "Absatz 1",
        "Absatz 2",
        "Absatz 3",
        "Absatz 4",
    ]


@pytest.mark.parametrize(
    ("head", "body_extra", "expected"),
    [
        (
            '<meta property="article:published_time" content="2016-02-19T13:48:00+01:00">',
            "",
            "2016-02-19",
        ),
        ("", '<time datetime="2015-12-10T01:00">10. Dezember</time>', "2015-12-10"),
        (
            '<script type="application/ld+json">{"@context": "https://schema.org", "@graph": '
            '[{"@type": "WebPage"}, {"@type": "NewsArticle", "datePublished": "2016-03-23T15:47:00Z"}]}</script>',
            "",
            "2016-03-23",
        ),
        ('<meta name="date" content="2016-02-08T15:53:25+01:00">', "", "2016-02-08"),
        ("", "<p>Erstellt 11.02.2016</p>", "2016-02-11"),
        ("", "<p>17:21 23.02.16</p>", "2016-02-23"),
    ],
    ids=[
        "article:published_time",
        "time-datetime",
        "json-ld-datePublished",
        "meta-date",
        "dateline",
        "short-dateline",
    ],
)
def test_date_sources(head: str, body_extra: str, expected: str) -> None:
    body = ARTICLE_BODY.replace("</h1>", "</h1>" + body_extra)
    extracted = extract_article(_page(head, body), "page.html")
    assert isinstance(extracted, Extracted)
    assert extracted.date == dt.date.fromisoformat(expected)
    assert "23.02.16" not in import_seed.seed_text(extracted)


def test_latin_1_page_written_as_declared() -> None:
    extracted = extract_article(_page(charset="iso-8859-1"), "page.html")
    assert isinstance(extracted, Extracted)
    assert extracted.title == "Ein Testartikel über Umlaute"
    assert "schließt" in extracted.blocks[-1].text


def test_undeclared_encoding_is_detected() -> None:
    html = _page().replace(b"<meta charset='utf-8'>", b"").decode("utf-8").encode("cp1252")
    extracted = extract_article(html, "page.html")
    assert isinstance(extracted, Extracted)
    assert extracted.title == "Ein Testartikel über Umlaute"
    assert [str(p) for p in extracted.problems] == [
        "page.html:1:1: warning: the page does not say which encoding it uses; read it as cp1252"
    ]


def test_byline_author_round_trip() -> None:
    body = ARTICLE_BODY.replace("</h1>", '</h1><p class="byline">Von Christoph Dernbach, dpa</p>')
    extracted = extract_article(_page(body=body), "page.html")
    assert isinstance(extracted, Extracted)
    assert extracted.author == "Christoph Dernbach, dpa"
    extracted = dataclasses.replace(extracted, date=dt.date(2016, 2, 26))
    text = import_seed.seed_text(extracted)
    assert text.startswith(
        "26. Februar 2016\n\nEin Testartikel über Umlaute\n\nVon Christoph Dernbach, dpa\n\nDer Vorspann"
    )
    article = parse_seed(text, "seed.txt").article
    assert article is not None and article.author == "Christoph Dernbach, dpa"


def test_seed_text_layout() -> None:
    extracted = Extracted(
        source="page.html",
        title="Zuckerbergs KI-Offensive: Der letzte Kampf um die Zukunft",
        date=dt.date(2025, 7, 29),
        lede="Meta hat den Anschluss in der KI-Forschung verloren.",
        blocks=(
            TextBlock(BlockKind.HEADING, "200 Millionen für einen einzigen Kopf"),
            TextBlock(BlockKind.PARAGRAPH, "Ruoming Pang war keine gewöhnliche Verpflichtung."),
        ),
        rubric="Unternehmen",
        author="Anna Beispiel",
    )
    assert import_seed.seed_text(extracted) == (
        "29. Juli 2025\n\nUnternehmen\n\nZuckerbergs KI-Offensive: Der letzte Kampf um die Zukunft\n\n"
        "Von Anna Beispiel\n\nMeta hat den Anschluss in der KI-Forschung verloren.\n\n"
        "200 Millionen für einen einzigen Kopf\n\nRuoming Pang war keine gewöhnliche Verpflichtung.\n"
    )
    article = parse_seed(import_seed.seed_text(extracted), "seed.txt").article
    assert article is not None
    assert (article.rubric, article.author) == ("Unternehmen", "Anna Beispiel")
    assert [b.kind for b in article.blocks] == [
        BlockKind.LEDE,
        BlockKind.HEADING,
        BlockKind.PARAGRAPH,
    ]


def test_title_the_seed_cannot_hold_goes_to_yaml() -> None:
    extracted = Extracted(
        "p.html",
        "Boeing holt zum KAHLSCHLAG aus…",
        dt.date(2016, 2, 23),
        "Liebe Leser, heute geht es um Boeing.",
        (),
    )
    assert import_seed.seed_title(extracted.title) == "Boeing holt zum KAHLSCHLAG aus"
    assert import_seed.article_yaml(extracted, None) == (
        "# Anmerkungen der Redaktion zu „Boeing holt zum KAHLSCHLAG aus…“ (23. Februar 2016).\n\n"
        "title: Boeing holt zum KAHLSCHLAG aus…\n"
    )
    notes = import_seed.notes_for(extracted, None, "s.yml")
    assert import_seed.read_back(extracted, import_seed.seed_text(extracted), "s.txt", notes) == []


def test_seed_text_needs_a_date() -> None:
    extracted = Extracted("p.html", "Titel ohne Datum", None, "Ein Vorspann.", ())
    with pytest.raises(ValueError, match="needs a date"):
        import_seed.seed_text(extracted)


def test_problems_are_problems() -> None:
    found = extract_article(b"   ", "blank.html")
    assert isinstance(found, tuple) and all(isinstance(p, Problem) for p in found)
