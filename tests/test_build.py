"""`randnotiz build`: exit codes, messages without tracebacks, docs/ untouched on errors."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from randnotiz.cli import main

from .conftest import REPO, SHIPPED_SEED, make_project, run

SEED = "2025-07-29\n\nRubrik\n\nEin Titel für den Test\n\nDer Vorspann mit Ada Lovelace.\n\nZwischentitel\n\nNoch ein Absatz über Lovelace.\n"
PEOPLE = "- name: Ada Lovelace\n  summary: Mathematikerin.\n"


def snapshot(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = make_project(tmp_path / "p", seeds={"a.txt": SEED}, annotations={"people.yml": PEOPLE})
    assert main(["--root", str(root), "build", "--quiet"]) == 0
    return root


def test_build_writes_pages_and_a_manifest(project: Path) -> None:
    docs = project / "docs"
    for page in (
        "index.md",
        "artikel/index.md",
        "artikel/ein-titel-fuer-den-test.md",
        "personen/index.md",
        "personen/ada-lovelace.md",
        "organisationen/index.md",
        "glossar/index.md",
    ):
        assert (docs / page).is_file(), page
    manifest = (docs / ".randnotiz-manifest").read_text(encoding="utf-8")
    assert "personen/ada-lovelace.md\n" in manifest
    assert "stylesheets/randnotiz.css" not in manifest


def test_second_build_writes_nothing(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = {p: p.stat().st_mtime_ns for p in (project / "docs").rglob("*") if p.is_file()}
    assert main(["--root", str(project), "build"]) == 0
    assert "0 pages written" in capsys.readouterr().out
    after = {p: p.stat().st_mtime_ns for p in (project / "docs").rglob("*") if p.is_file()}
    assert before == after


def test_pages_no_longer_produced_are_removed_hand_written_kept(project: Path) -> None:
    docs = project / "docs"
    (docs / "ueber.md").write_text("# Über uns\n", encoding="utf-8")
    (project / "annotations" / "people.yml").write_text("", encoding="utf-8")
    assert main(["--root", str(project), "build", "--quiet"]) == 0
    assert not (docs / "personen" / "ada-lovelace.md").exists()
    assert (docs / "ueber.md").read_text(encoding="utf-8") == "# Über uns\n"
    assert (docs / "stylesheets" / "randnotiz.css").exists()


def test_hand_written_file_at_a_generated_path_is_never_overwritten(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", seeds={"a.txt": SEED}, annotations={"people.yml": PEOPLE})
    page = root / "docs" / "personen" / "ada-lovelace.md"
    page.parent.mkdir(parents=True)
    page.write_text("von Hand\n", encoding="utf-8")
    result = run(["randnotiz", "build"], root)
    assert result.returncode == 1
    assert (
        "docs/personen/ada-lovelace.md:1:1: error: this hand-written file has the path of a generated page; rename or move it"
        in result.stderr
    )
    assert page.read_text(encoding="utf-8") == "von Hand\n"


BROKEN = [
    (
        "broken yaml",
        {"annotations/people.yml": "- name: Ada\n  summary: [x\n"},
        "annotations/people.yml:2:12: error: YAML syntax error",
    ),
    (
        "unknown key",
        {"annotations/people.yml": PEOPLE + "  aliasse: [Ada]\n"},
        "annotations/people.yml:3:12: error: unknown key 'aliasse' (did you mean 'aliases'?)",
    ),
    (
        "missing id reference",
        {"annotations/glossary.yml": "- term: KI\n  definition: d.\n  see_also: [ada]\n"},
        "annotations/glossary.yml:3:13: error: 'KI': see_also names unknown id 'ada' (did you mean 'ada-lovelace'?)",
    ),
    (
        "seed without title",
        {"seeds/b.txt": "2025-07-29\n\nDas ist ein ganzer Satz.\n\nUnd noch einer.\n"},
        "seeds/b.txt:3:1: error: no title found",
    ),
    ("empty seed", {"seeds/b.txt": ""}, "seeds/b.txt:1:1: error: the file is empty"),
    (
        "binary seed",
        {"seeds/b.txt": b"\x00\x01\x02binary"},
        "seeds/b.txt:1:1: error: this is a binary file, not text",
    ),
    (
        "note quote not in the text",
        {
            "annotations/articles/a.yml": "notes:\n  - quote: gibt es nicht\n    kind: kontext\n    text: t\n"
        },
        "annotations/articles/a.yml:2:5: error: note quote 'gibt es nicht' is not in seeds/a.txt; "
        "copy the exact words from the article's text",
    ),
    (
        "broken yaml of an article",
        {"annotations/articles/a.yml": "notes: [x\n"},
        "annotations/articles/a.yml:1:8: error: YAML syntax error",
    ),
    (
        "broken yaml of an article named after its title",
        {"annotations/articles/ein-titel-fuer-den-test.yml": "notes: [x\n"},
        "annotations/articles/ein-titel-fuer-den-test.yml:1:8: error: YAML syntax error",
    ),
    (
        "article yaml without a seed",
        {"annotations/articles/zzz.yml": "id: zzz\n"},
        "annotations/articles/zzz.yml:1:1: error: no seed for this file",
    ),
    (
        "related article that does not exist",
        {"annotations/articles/a.yml": "related: [kein-artikel]\n"},
        "annotations/articles/a.yml:1:10: error: related article 'kein-artikel' does not exist",
    ),
]


@pytest.mark.parametrize(("files", "message"), [b[1:] for b in BROKEN], ids=[b[0] for b in BROKEN])
def test_mistakes_exit_1_with_one_line_each_and_leave_docs_alone(
    project: Path, files: dict[str, str | bytes], message: str
) -> None:
    before = snapshot(project / "docs")
    for name, content in files.items():
        path = project / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    result = run(["randnotiz", "build"], project)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert any(line.startswith(message) for line in lines), result.stderr
    assert lines[-1].endswith("docs/ left unchanged")
    assert snapshot(project / "docs") == before


def test_an_articles_yaml_may_be_named_after_its_title(project: Path) -> None:
    yaml = project / "annotations" / "articles" / "ein-titel-fuer-den-test.yml"
    yaml.parent.mkdir(parents=True, exist_ok=True)
    yaml.write_text("id: eigener-name\nrubric: Wissen\n", encoding="utf-8")
    assert main(["--root", str(project), "build", "--quiet"]) == 0
    page = project / "docs" / "artikel" / "eigener-name.md"
    assert "Wissen" in page.read_text(encoding="utf-8")
    assert not (project / "docs" / "artikel" / "ein-titel-fuer-den-test.md").exists()


def test_unreadable_seed(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    before = snapshot(project / "docs")
    real_open = os.open

    def open_file(path: Path, flags: int, *args: int) -> int:
        if Path(path).name == "a.txt":
            raise PermissionError(13, "Permission denied")
        return real_open(path, flags, *args)

    monkeypatch.setattr(os, "open", open_file)
    assert main(["--root", str(project), "build"]) == 1
    err = capsys.readouterr().err
    assert (
        "seeds/a.txt:1:1: error: cannot read the seed (Permission denied); check its permissions"
        in err
    )
    monkeypatch.undo()
    assert snapshot(project / "docs") == before


def test_unreadable_seed_as_a_folder(project: Path) -> None:
    (project / "seeds" / "kaputt.txt").mkdir()
    result = run(["randnotiz", "build"], project)
    assert result.returncode == 0  # a folder named like a seed is not a seed


def test_windows_1252_seed_builds_with_a_warning(project: Path) -> None:
    (project / "seeds" / "alt.txt").write_bytes(
        "2024-01-05\n\nÄltere Meldung\n\nMüller übernimmt.\n".encode("cp1252")
    )
    result = run(["randnotiz", "build"], project)
    assert result.returncode == 0, result.stderr
    assert "seeds/alt.txt:3:1: warning: not valid UTF-8, read as Windows-1252" in result.stderr
    page = (project / "docs" / "artikel" / "aeltere-meldung.md").read_text(encoding="utf-8")
    assert "Müller übernimmt" in page


def test_mkdocs_build_fails_cleanly_on_bad_input(project: Path) -> None:
    before = snapshot(project / "docs")
    (project / "annotations" / "people.yml").write_text("- name: [\n", encoding="utf-8")
    result = run(["mkdocs", "build"], project)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "annotations/people.yml:2:1: error: YAML syntax error" in result.stderr
    assert snapshot(project / "docs") == before


def test_same_input_same_bytes(tmp_path: Path) -> None:
    one = make_project(tmp_path / "one", shipped=True)
    two = make_project(tmp_path / "two", shipped=True)
    for root in (one, two):
        assert main(["--root", str(root), "build", "--quiet"]) == 0
    assert snapshot(one / "docs") == snapshot(two / "docs")


#: ``randnotiz build`` in a process of its own (a test process may have threads
#: running, and then nothing is forked), with every job list big enough for helpers.
HELPERS_BUILD = """
import sys
from randnotiz import parallel
from randnotiz.cli import main
pools = []
shared = parallel._Shared
def counted(*args, **kwargs):
    pools.append(1)
    return shared(*args, **kwargs)
parallel.MIN_JOBS = 1
parallel._Shared = counted
code = main(sys.argv[1:])
print(f"pools: {len(pools)}")
sys.exit(code)
"""


def test_helper_processes_write_the_same_bytes(tmp_path: Path) -> None:
    """Large sites are read, linked, rendered and written by helper processes:
    the same pages and the same report as in one process."""
    here = make_project(tmp_path / "here", shipped=True)
    helpers = make_project(tmp_path / "helpers", shipped=True)
    assert main(["--root", str(here), "build", "--quiet"]) == 0
    command = [sys.executable, "-c", HELPERS_BUILD, "--root", str(helpers), "build"]
    first = subprocess.run(command, capture_output=True, text=True, check=True)
    assert "pools: 3" in first.stdout, first.stdout + first.stderr  # read, link, render
    assert snapshot(helpers / "docs") == snapshot(here / "docs")
    again = subprocess.run(command, capture_output=True, text=True, check=True)
    assert "0 pages written" in again.stdout, again.stdout + again.stderr


def test_shipped_seed_is_the_original_byte_for_byte() -> None:
    digest = hashlib.sha256(SHIPPED_SEED.read_bytes()).hexdigest()
    assert digest == "036e9373505d41229b3e234bac14a73337e6ea55fb5f8ec67a1ee5e2b05550a5"


def test_saved_web_page_in_seeds_becomes_an_article(project: Path) -> None:
    page = REPO / "tests" / "corpora" / "smartdata-dev" / "smartdata_news_1035.html"
    (project / "seeds" / "intel.html").write_bytes(page.read_bytes())
    result = run(["randnotiz", "build"], project)
    assert result.returncode == 0, result.stderr
    text = (
        project
        / "docs"
        / "artikel"
        / "intel-streicht-12-000-stellen-prognose-enttaeuscht-anleger.md"
    ).read_text(encoding="utf-8")
    assert "# Intel streicht 12\\.000 Stellen" in text
    assert "Abhängigkeit vom schrumpfenden PC-Geschäft" in text  # ISO-8859-1 page, umlauts intact


def test_import_command_is_wired(project: Path) -> None:
    page = project / "seite.html"
    page.write_text(
        "<html><head><title>Neue Meldung | Beispiel</title>"
        '<meta property="article:published_time" content="2024-03-05T10:00:00Z"></head>'
        "<body><nav>Startseite Politik</nav><article><h1>Neue Meldung</h1>"
        "<p>Ein erster Absatz mit genug Text, damit er als Artikel zählt und nicht als Navigation.</p>"
        "<p>Ein zweiter Absatz, ebenfalls lang genug für einen echten Artikeltext auf der Seite.</p>"
        "</article></body></html>",
        encoding="utf-8",
    )
    result = run(["randnotiz", "import", str(page)], project)
    assert result.returncode == 0, result.stderr
    seed = project / "seeds" / "2024-03-05-neue-meldung.txt"
    assert seed.read_text(encoding="utf-8").startswith(
        "5. März 2024\n\nNeue Meldung\n\nEin erster Absatz"
    )
    again = run(["randnotiz", "import", str(page)], project)
    assert again.returncode == 0
    assert again.stderr == (
        f"{page}:1:1: warning: the same article as seeds/2024-03-05-neue-meldung.txt (same "
        "headline, date and first paragraph); skipped, pass --force to replace it\n"
    )
