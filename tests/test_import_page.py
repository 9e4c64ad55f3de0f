"""``randnotiz import``: small pages, the seed writer and the command.

The 48 real pages of the corpus are judged in ``test_import_corpus.py``.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from randnotiz import importer
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
    assert import_seed.read_back(extracted, import_seed.seed_text(extracted), "s.txt") == []


def test_seed_text_needs_a_date() -> None:
    extracted = Extracted("p.html", "Titel ohne Datum", None, "Ein Vorspann.", ())
    with pytest.raises(ValueError, match="needs a date"):
        import_seed.seed_text(extracted)


# --- the command -------------------------------------------------------------------------


def _args(
    root: Path,
    page: Path,
    *,
    id: str | None = None,
    force: bool = False,
    date: dt.date | None = None,
):
    return argparse.Namespace(root=root, page=page, id=id, force=force, date=date)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "annotations" / "articles").mkdir(parents=True)
    return tmp_path


def _write_page(
    project: Path, head: str = '<meta property="article:published_time" content="2016-02-19T13:48">'
) -> Path:
    page = project / "page.html"
    page.write_bytes(_page(head))
    return page


SEED = "seeds/2016-02-19-ein-testartikel-ueber-umlaute.txt"


def test_command_writes_seed(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = _write_page(project)
    assert importer.command(_args(project, page)) == 0
    out, err = capsys.readouterr()
    assert out == f"randnotiz: wrote {SEED} from {page} (5 blocks of text)\n"
    assert err == ""
    text = (project / SEED).read_text(encoding="utf-8")
    assert text.startswith(
        "19. Februar 2016\n\nEin Testartikel über Umlaute\n\nDer Vorspann erzählt"
    )
    assert (
        "Teilen" not in text and "Mehr zum Thema" not in text and "hier nicht hingehört" not in text
    )
    assert list((project / "annotations" / "articles").iterdir()) == []


def test_command_never_overwrites_without_force(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = _write_page(project)
    (project / SEED).write_text("edited by hand\n", encoding="utf-8")
    assert importer.command(_args(project, page)) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err == f"{SEED}:1:1: error: this seed already exists; pass --force to overwrite it\n"
    assert (project / SEED).read_text(encoding="utf-8") == "edited by hand\n"

    assert importer.command(_args(project, page, force=True)) == 0
    assert (project / SEED).read_text(encoding="utf-8").startswith("19. Februar 2016\n")


def test_command_with_id_writes_article_yaml(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = _write_page(project)
    assert importer.command(_args(project, page, id="umlaute")) == 0
    notes = project / "annotations" / "articles" / "2016-02-19-umlaute.yml"
    assert notes.read_text(encoding="utf-8") == (
        "# Anmerkungen der Redaktion zu „Ein Testartikel über Umlaute“ (19. Februar 2016).\n\nid: umlaute\n"
    )
    assert (project / "seeds" / "2016-02-19-umlaute.txt").is_file()
    out, _ = capsys.readouterr()
    assert "and annotations/articles/2016-02-19-umlaute.yml" in out

    notes.write_text("id: umlaute\nnotes: []\n", encoding="utf-8")
    assert importer.command(_args(project, page, id="umlaute", force=True)) == 0
    assert notes.read_text(encoding="utf-8") == "id: umlaute\nnotes: []\n"


def test_command_rejects_an_id_that_is_no_slug(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = _write_page(project)
    assert importer.command(_args(project, page, id="Mein Artikel")) == 1
    assert capsys.readouterr().err == (
        f"{page}:1:1: error: --id 'Mein Artikel' is not an id; use lowercase letters, digits "
        "and hyphens such as 'mein-artikel'\n"
    )


def test_command_output_parses_back(project: Path) -> None:
    page = _write_page(project)
    assert importer.command(_args(project, page)) == 0
    result = parse_seed((project / SEED).read_text(encoding="utf-8"), SEED)
    article = result.article
    assert article is not None
    assert article.title == "Ein Testartikel über Umlaute"
    assert article.date == dt.date(2016, 2, 19)
    assert [b.text for b in article.blocks][:2] == [
        "Der Vorspann erzählt in einem Satz, worum es geht, und endet mit einem Punkt.",
        "Der erste Absatz berichtet ausführlich, was geschah, wer beteiligt war und warum es zählt.",
    ]
    assert [b.kind for b in article.blocks][2] is BlockKind.HEADING


def test_command_page_without_article(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = project / "login.html"
    page.write_text(
        "<html><head><title>Anmelden | beispiel.de</title></head><body><nav><a href='/'>Start</a></nav>"
        "<form><label>E-Mail</label><input name='mail'><input name='pw' type='password'>"
        "<button>Anmelden</button></form>"
        "<footer>Impressum · Datenschutz</footer></body></html>",
        encoding="utf-8",
    )
    assert importer.command(_args(project, page)) == 1
    assert capsys.readouterr().err == (
        f"{page}:1:1: error: not an article: the page asks to log in and holds no article text; "
        "save the article's page after logging in, or write the seed by hand\n"
    )
    assert list((project / "seeds").iterdir()) == []


def test_command_page_without_date(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = _write_page(project, head="")
    assert importer.command(_args(project, page)) == 1
    assert capsys.readouterr().err == (
        f"{page}:1:1: error: no publication date found in the page; pass --date YYYY-MM-DD, "
        "or write the seed by hand with the date as its first line\n"
    )
    assert importer.command(_args(project, page, date=dt.date(2016, 2, 19))) == 0
    assert (project / SEED).is_file()


def test_command_empty_file(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = project / "empty.html"
    page.write_bytes(b"")
    assert importer.command(_args(project, page)) == 1
    assert (
        capsys.readouterr().err
        == f"{page}:1:1: error: the file is empty; save the web page again in the browser\n"
    )


def test_command_missing_file(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = project / "nowhere.html"
    assert importer.command(_args(project, page)) == 1
    assert capsys.readouterr().err == (
        f"{page}:1:1: error: cannot read the page (No such file or directory); check the path\n"
    )


def test_arguments() -> None:
    parser = argparse.ArgumentParser()
    importer.add_arguments(parser)
    args = parser.parse_args(["page.html", "--id", "x", "--date", "2016-02-19", "--force"])
    assert (args.page, args.id, args.date, args.force) == (
        Path("page.html"),
        "x",
        dt.date(2016, 2, 19),
        True,
    )
    with pytest.raises(SystemExit):
        parser.parse_args(["page.html", "--date", "19.02.2016"])


def test_problems_are_problems() -> None:
    found = extract_article(b"   ", "blank.html")
    assert isinstance(found, tuple) and all(isinstance(p, Problem) for p in found)
