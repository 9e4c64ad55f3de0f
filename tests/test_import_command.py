"""``randnotiz import`` as an editor runs it: one page or a folder of them, through the CLI."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import sys
from pathlib import Path

import pytest

from randnotiz import cli, importer
from randnotiz.read.seed import parse_seed

CORPUS = Path(__file__).resolve().parent / "corpora" / "smartdata-dev"
DATE = '<meta property="article:published_time" content="2016-02-19T13:48">'
CANONICAL = '<link rel="canonical" href="https://www.beispiel.de/2016/02/19/umlaute.html">'
BODY = """
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
SEED = "seeds/2016-02-19-ein-testartikel-ueber-umlaute.txt"
NOTES = "annotations/articles/2016-02-19-ein-testartikel-ueber-umlaute.yml"


def _html(head: str = DATE, body: str = BODY, site: str = "Beispiel-Zeitung") -> str:
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'>"
        f"<title>Ein Testartikel über Umlaute | {site}</title>"
        f'<meta property="og:site_name" content="{site}">{head}</head><body>{body}</body></html>'
    )


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "annotations" / "articles").mkdir(parents=True)
    return tmp_path


def _page(folder: Path, name: str, html: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    page = folder / name
    page.write_text(html, encoding="utf-8")
    return page


def run(project: Path, *args: str) -> int:
    return cli.main(["--root", str(project), "import", *args])


# --- one page ---------------------------------------------------------------------------------


def test_one_page_becomes_a_seed(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = _page(project, "page.html", _html())
    assert run(project, str(page)) == 0
    out, err = capsys.readouterr()
    assert out == f"randnotiz: wrote {SEED} and {NOTES} from {page} (5 blocks of text)\n"
    assert err == ""
    text = (project / SEED).read_text(encoding="utf-8")
    assert text.startswith("19. Februar 2016\n\nEin Testartikel über Umlaute\n\nDer Vorspann")
    assert "Teilen" not in text and "Mehr zum Thema" not in text
    assert (project / NOTES).read_text(encoding="utf-8") == (
        "# Anmerkungen der Redaktion zu „Ein Testartikel über Umlaute“ (19. Februar 2016).\n\n"
        "source:\n  site: Beispiel-Zeitung\n"
    )
    article = parse_seed(text, SEED).article
    assert article is not None and article.date == dt.date(2016, 2, 19)


def test_source_with_the_canonical_url(project: Path) -> None:
    page = _page(project, "page.html", _html(DATE + CANONICAL))
    assert run(project, str(page)) == 0
    assert (
        (project / NOTES)
        .read_text(encoding="utf-8")
        .endswith(
            "source:\n  url: https://www.beispiel.de/2016/02/19/umlaute.html\n"
            "  site: Beispiel-Zeitung\n"
        )
    )


def test_with_id(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = _page(project, "page.html", _html())
    assert run(project, str(page), "--id", "umlaute") == 0
    notes = project / "annotations" / "articles" / "2016-02-19-umlaute.yml"
    assert "id: umlaute\n" in notes.read_text(encoding="utf-8")
    assert (project / "seeds" / "2016-02-19-umlaute.txt").is_file()


def test_id_must_be_an_id(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = _page(project, "page.html", _html())
    assert run(project, str(page), "--id", "Mein Artikel") == 1
    assert capsys.readouterr().err == (
        f"{page}:1:1: error: --id 'Mein Artikel' is not an id; use lowercase letters, digits "
        "and hyphens such as 'mein-artikel'\n"
    )
    assert list((project / "seeds").iterdir()) == []


def test_id_goes_with_one_page(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = project / "saved"
    _page(folder, "a.html", _html())
    _page(folder, "b.html", _html().replace("Umlaute", "Anderes"))
    assert run(project, str(folder), "--id", "umlaute") == 1
    assert capsys.readouterr().err == (
        f"{folder}:1:1: error: --id names one article, but 2 pages were given; import them "
        "without --id, or one page with it\n"
    )
    assert list((project / "seeds").iterdir()) == []


@pytest.mark.parametrize(
    ("html", "message"),
    [
        ("", "error: the file is empty; save the web page again in the browser"),
        (
            _html(head=""),
            "error: no publication date found in the page; pass --date YYYY-MM-DD, or write the "
            "seed by hand with the date as its first line",
        ),
        (
            "<html><head><title>Anmelden</title></head><body><form><input name='u'>"
            "<input name='p' type='password'></form></body></html>",
            "error: not an article: the page asks to log in and holds no article text; save the "
            "article's page after logging in, or write the seed by hand",
        ),
    ],
    ids=["empty", "no-date", "login"],
)
def test_refused(
    project: Path, capsys: pytest.CaptureFixture[str], html: str, message: str
) -> None:
    page = _page(project, "page.html", html)
    assert run(project, str(page)) == 1
    out, err = capsys.readouterr()
    assert (out, err) == ("", f"{page}:1:1: {message}\n")
    assert list((project / "seeds").iterdir()) == []


def test_date_argument_fills_in(project: Path) -> None:
    page = _page(project, "page.html", _html(head=""))
    assert run(project, str(page), "--date", "2016-02-19") == 0
    assert (project / SEED).is_file()


def test_missing_file(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = project / "nowhere.html"
    assert run(project, str(page)) == 1
    assert capsys.readouterr().err == (
        f"{page}:1:1: error: cannot read the page (No such file or directory); check the path\n"
    )


def test_a_page_that_breaks_the_importer_is_refused(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from randnotiz.importer import extract

    def broken(data: bytes, source: str):
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(extract, "extract_article", broken)
    folder = project / "saved"
    _page(folder, "a.html", _html())
    assert run(project, str(folder)) == 1
    err = capsys.readouterr().err
    assert err.splitlines()[0] == (
        f"{folder / 'a.html'}:1:1: error: the importer failed on this page (RecursionError); "
        "write the seed by hand, and report the page so that the importer learns it"
    )
    assert "Traceback" not in err


def test_seed_of_the_same_name_is_not_overwritten_without_force(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = _page(project, "page.html", _html())
    (project / SEED).write_text("edited by hand\n", encoding="utf-8")
    assert run(project, str(page)) == 1
    assert capsys.readouterr().err == (
        f"{SEED}:1:1: error: this seed already exists; pass --force to overwrite it\n"
    )
    assert (project / SEED).read_text(encoding="utf-8") == "edited by hand\n"
    assert run(project, str(page), "--force") == 0
    assert (project / SEED).read_text(encoding="utf-8").startswith("19. Februar 2016\n")


def test_existing_yaml_gets_only_the_keys_it_lacks(project: Path) -> None:
    notes = project / NOTES
    notes.write_text("# von Hand\nno_link: [Umlaute]\n", encoding="utf-8")
    page = _page(project, "page.html", _html())
    assert run(project, str(page)) == 0
    assert notes.read_text(encoding="utf-8") == (
        "# von Hand\nno_link: [Umlaute]\nsource:\n  site: Beispiel-Zeitung\n"
    )


# --- many pages ---------------------------------------------------------------------------


def _folder_of_pages(project: Path) -> Path:
    """A folder as a newsroom saves it: four articles, one saved twice, one no article."""
    folder = project / "saved"
    for name in (
        "smartdata_news_1035",
        "smartdata_news_1090",
        "smartdata_news_32",
        "smartdata_news_901",
    ):
        folder.mkdir(exist_ok=True)
        shutil.copy(CORPUS / f"{name}.html", folder / f"{name}.html")
    shutil.copy(CORPUS / "smartdata_news_901.html", folder / "zuckerberg-noch-einmal.html")
    _page(folder, "notes.txt", "not a page")
    return folder


def test_a_folder_of_pages(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = _folder_of_pages(project)
    assert run(project, str(folder)) == 1  # one page was refused
    out, err = capsys.readouterr()
    assert sorted(p.name for p in (project / "seeds").iterdir()) == [
        "2016-02-19-konflikte-ypg-tuerkische-vorwuerfe-sind-vorwand-fuer-syrien-einmarsch.txt",
        "2016-02-26-mark-zuckerberg-raeumt-fehler-im-umgang-mit-hasskommentaren-ein.txt",
        "2016-04-20-intel-streicht-12-000-stellen-prognose-enttaeuscht-anleger.txt",
    ]
    assert out.count("randnotiz: wrote ") == 3
    zuckerberg = (
        "seeds/2016-02-26-mark-zuckerberg-raeumt-fehler-im-umgang-mit-hasskommentaren-ein.txt"
    )
    url = (
        "http://www.nwzonline.de/blaulicht/mark-zuckerberg-raeumt-fehler-im-umgang-mit-"
        "hasskommentaren-ein_a_6,1,521879047.html"
    )
    redirect = (
        "not an article: the page only redirects to /deutschland-welt/wirtschaft/artikel/685736/"
        "bundesweite-proteste-gegen-stellenabbau-bei-bombardier?piano_d=1 and holds no text; "
        "open that address in the browser and save the page it shows"
    )
    duplicate = (
        f"the same article as {zuckerberg} (same canonical URL {url}); skipped, "
        "pass --force to replace it"
    )
    assert err.splitlines() == [
        f"{folder / 'smartdata_news_32.html'}:1:1: error: {redirect}",
        f"{folder / 'zuckerberg-noch-einmal.html'}:1:1: warning: {duplicate}",
        "randnotiz import: 5 pages: 3 imported, 1 skipped as duplicate, 1 refused",
        "refused:",
        f"  {folder / 'smartdata_news_32.html'}: {redirect}",
        "skipped as duplicates:",
        f"  {folder / 'zuckerberg-noch-einmal.html'}: {duplicate}",
    ]


def test_pages_given_one_by_one_in_that_order(project: Path, capsys) -> None:
    folder = _folder_of_pages(project)
    pages = [str(folder / "smartdata_news_901.html"), str(folder / "smartdata_news_1035.html")]
    assert run(project, *pages) == 0
    out, err = capsys.readouterr()
    assert [line.split(" from ")[1].split(" (")[0] for line in out.splitlines()] == pages
    assert err.splitlines() == [
        "randnotiz import: 2 pages: 2 imported, 0 skipped as duplicates, 0 refused"
    ]


def test_imported_before_is_a_duplicate_and_force_replaces_it(project: Path, capsys) -> None:
    folder = _folder_of_pages(project)
    page = folder / "smartdata_news_901.html"
    assert run(project, str(page)) == 0
    seed = (
        project
        / "seeds"
        / ("2016-02-26-mark-zuckerberg-raeumt-fehler-im-umgang-mit-hasskommentaren-ein.txt")
    )
    seed.write_text(seed.read_text(encoding="utf-8").replace("Pflaster", "Gelände"), "utf-8")
    capsys.readouterr()
    assert run(project, str(folder / "zuckerberg-noch-einmal.html")) == 0
    assert "warning: the same article as seeds/" in capsys.readouterr().err
    assert "Gelände" in seed.read_text(encoding="utf-8")
    assert run(project, str(folder / "zuckerberg-noch-einmal.html"), "--force") == 0
    out = capsys.readouterr().out
    assert out.startswith(f"randnotiz: replaced seeds/{seed.name} from ")
    assert "Pflaster" in seed.read_text(encoding="utf-8")
    assert len(list((project / "seeds").iterdir())) == 1


def test_same_headline_date_and_first_paragraph_is_a_duplicate(project: Path, capsys) -> None:
    """Without a canonical URL, two saves of one article agree in what they say."""
    first = _page(project / "saved", "a.html", _html())
    second = _page(project / "saved", "b.html", _html(site="Beispiel-Zeitung Mobil"))
    assert run(project, str(first), str(second)) == 0
    err = capsys.readouterr().err
    assert (
        f"{second}:1:1: warning: the same article as {SEED} (same headline, date and first "
        "paragraph); skipped, pass --force to replace it"
    ) in err.splitlines()


def test_an_empty_folder(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = project / "saved"
    folder.mkdir()
    assert run(project, str(folder)) == 1
    assert capsys.readouterr().err == (
        f"{folder}:1:1: error: no saved pages (.html) here; save the articles as HTML\n"
    )


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_only_on_a_terminal(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _folder_of_pages(project)
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert run(project, str(folder)) == 1
    shown = terminal.getvalue()
    assert "Importieren:" in shown and "/5 [" in shown and " Seiten" in shown
    assert shown.rstrip().endswith(
        f"  {folder / 'zuckerberg-noch-einmal.html'}: the same article as seeds/"
        "2016-02-26-mark-zuckerberg-raeumt-fehler-im-umgang-mit-hasskommentaren-ein.txt "
        "(same canonical URL http://www.nwzonline.de/blaulicht/mark-zuckerberg-raeumt-fehler-"
        "im-umgang-mit-hasskommentaren-ein_a_6,1,521879047.html); skipped, pass --force to "
        "replace it"
    )


def test_no_progress_bar_in_a_pipe(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(project, str(_folder_of_pages(project))) == 1
    assert "Importieren" not in capsys.readouterr().err


def test_pages_in_a_folder_are_taken_in_name_order(tmp_path: Path) -> None:
    for name in ("b.html", "a.HTM", "c.txt", "d.htm"):
        (tmp_path / name).write_text("x")
    assert [p.name for p in importer.pages_in([tmp_path])] == ["a.HTM", "b.html", "d.htm"]


def test_date_argument_does_not_overrule_the_page(project: Path) -> None:
    page = _page(project, "page.html", _html())
    assert run(project, str(page), "--date", "2020-01-01") == 0
    assert (project / SEED).is_file()
