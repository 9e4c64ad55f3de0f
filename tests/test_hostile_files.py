"""Hostile files: alias bombs, deep nesting, huge files and links out of the project.

Each is refused with one ``FILE:LINE:COLUMN: error:`` line, exit code 1 and
``docs/`` as it was, without a traceback, without using more than a little
memory, and without reading anything outside the project.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from randnotiz.read import yamlnodes
from randnotiz.read.files import MAX_FILE_BYTES
from randnotiz.read.yamlnodes import Mapping, Sequence, Value, load_nodes
from randnotiz.sentences import WINDOW

from .conftest import make_project
from .test_build import PEOPLE, SEED, snapshot


def alias_bomb(levels: int = 9) -> str:
    """Nine levels of nine aliases: nine to the ninth values if expanded."""
    lines = ["- &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for n in range(1, levels):
        lines.append(f"- &a{n} [{', '.join([f'*a{n - 1}'] * 9)}]")
    return "\n".join(lines) + "\n"


DEEP_FLOW = "- term: Tief\n  definition: " + "[" * 20_000 + "]" * 20_000 + "\n"
DEEP_BLOCK = "".join("  " * n + "-\n" for n in range(200))

REFUSED = [
    (
        "alias bomb",
        alias_bomb(),
        "f.yml:5:8: error: the aliases of this file repeat more than 10,000 values (here '*a3'); "
        "write the values out instead",
    ),
    (
        "20,000 nested lists",
        DEEP_FLOW,
        "f.yml:2:63: error: lists and mappings are nested more than 50 levels deep here; "
        "no annotation needs more than a few",
    ),
    (
        "200 nested block lists",
        DEEP_BLOCK,
        "f.yml:51:101: error: lists and mappings are nested more than 50 levels deep here; "
        "no annotation needs more than a few",
    ),
    (
        "alias inside its own anchor",
        "a: &x [1, *x]\n",
        "f.yml:1:11: error: '*x' stands inside the value '&x' names; write the value out",
    ),
    (
        "alias without anchor",
        "a: *nirgends\n",
        "f.yml:1:4: error: '*nirgends' names no anchor '&nirgends' above it; write the value out",
    ),
    (
        "second document",
        "a: 1\n---\nb: 2\n",
        "f.yml:2:1: error: a second YAML document starts here; keep one per file "
        "(remove the '---' line)",
    ),
    (
        "control character",
        "a: b\nc: d\x07e\n",
        "f.yml:2:5: error: the character U+0007 is not allowed in YAML; "
        "remove it (it may have come with pasted text)",
    ),
]


@pytest.mark.parametrize(("text", "message"), [r[1:] for r in REFUSED], ids=[r[0] for r in REFUSED])
def test_hostile_yaml_is_refused_where_it_goes_too_far(
    parser: str, text: str, message: str
) -> None:
    root, problems = load_nodes(text, "f.yml")
    assert root is None
    assert [str(p) for p in problems] == [message]


VALUES = [
    (
        "unknown tag",
        "a: !geheim x\n",
        "f.yml:1:4: error: cannot read this value: could not determine a constructor for the tag '!geheim'; write it as plain text",
    ),
    (
        "list as a key",
        "? [a, b]\n: c\n",
        "f.yml:1:3: error: a key must be a word, not a list or a mapping; write 'key: value'",
    ),
    (
        "key twice",
        "a: 1\nb: 2\na: 3\n",
        "f.yml:3:1: error: 'a' appears twice in this entry (first at line 1); keep one",
    ),
]


@pytest.mark.parametrize(("text", "message"), [v[1:] for v in VALUES], ids=[v[0] for v in VALUES])
def test_values_that_cannot_be_read_are_problems(parser: str, text: str, message: str) -> None:
    root, problems = load_nodes(text, "f.yml")
    assert isinstance(root, Mapping)
    assert [str(p) for p in problems] == [message]


@pytest.mark.parametrize("text", ["2025-13-45", "1" * 5000])
def test_values_python_cannot_hold_are_kept_as_written(parser: str, text: str) -> None:
    root, problems = load_nodes(f"a: {text}\n", "f.yml")
    assert problems == []
    assert isinstance(root, Mapping)
    assert root.get("a") == Value(text, yamlnodes.Origin("f.yml", 1, 4))


def test_a_few_aliases_are_read_and_shared(parser: str) -> None:
    text = "quellen: &q [{title: A, url: 'https://a.example/'}]\nnoch: *q\nzahl: 2013\n"
    root, problems = load_nodes(text, "f.yml")
    assert problems == []
    assert isinstance(root, Mapping)
    first, second = root.get("quellen"), root.get("noch")
    assert isinstance(first, Sequence) and second is first
    assert root.get("zahl") == Value(2013, yamlnodes.Origin("f.yml", 3, 7))


def test_mkdocs_yml_is_read_as_mkdocs_reads_it(parser: str) -> None:
    text = "site_name: A\nsite_name: B\nx: !!python/name:material.emoji.twemoji\n"
    root, problems = load_nodes(text, "mkdocs.yml", lenient=True)
    assert problems == []
    assert isinstance(root, Mapping)
    assert dict(root.items)["site_name"].data == "B"
    assert dict(root.items)["x"].data is None


# --- whole builds ----------------------------------------------------------------------------


def build_capped(root: Path, command: str = "build") -> subprocess.CompletedProcess[str]:
    """``randnotiz build`` with 1 GB of address space: an expanded bomb fails, not the machine."""

    def cap() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))

    return subprocess.run(
        [sys.executable, "-m", "randnotiz.cli", "--root", str(root), command],
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=cap,
        env=dict(os.environ, PYTHONUTF8="1"),
    )


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = make_project(tmp_path / "p", seeds={"a.txt": SEED}, annotations={"people.yml": PEOPLE})
    assert build_capped(root).returncode == 0
    return root


BIG = b"2025-07-29\n\nTitel\n\n" + b"x" * MAX_FILE_BYTES

BUILDS = [
    (
        "alias bomb in glossary.yml",
        {"annotations/glossary.yml": alias_bomb().encode()},
        "annotations/glossary.yml:5:8: error: the aliases of this file repeat more than 10,000 "
        "values (here '*a3'); write the values out instead",
    ),
    (
        "20,000 nested lists in glossary.yml",
        {"annotations/glossary.yml": DEEP_FLOW.encode()},
        "annotations/glossary.yml:2:63: error: lists and mappings are nested more than 50 levels "
        "deep here; no annotation needs more than a few",
    ),
    (
        "20,000 nested lists in an article's YAML",
        {"annotations/articles/a.yml": b"notes: " + b"[" * 20_000 + b"]" * 20_000 + b"\n"},
        "annotations/articles/a.yml:1:57: error: lists and mappings are nested more than 50 "
        "levels deep here; no annotation needs more than a few",
    ),
    (
        "alias bomb in mkdocs.yml",
        {
            "mkdocs.yml": b"site_name: X\nextra:\n  bomb:\n"
            + alias_bomb().replace("- ", "    - ").encode()
        },
        "mkdocs.yml:8:12: error: the aliases of this file repeat more than 10,000 values (here "
        "'*a3'); write the values out instead",
    ),
    (
        "seed over the limit",
        {"seeds/gross.txt": BIG},
        "seeds/gross.txt:1:1: error: the seed is 5.1 MB, more than the limit of 5 MB; "
        "check that it is the right file",
    ),
    (
        "YAML file over the limit",
        {"annotations/organizations.yml": b"# " + b"x" * MAX_FILE_BYTES + b"\n"},
        "annotations/organizations.yml:1:1: error: the YAML file is 5.1 MB, more than the limit "
        "of 5 MB; check that it is the right file",
    ),
]


@pytest.mark.parametrize(("files", "message"), [b[1:] for b in BUILDS], ids=[b[0] for b in BUILDS])
def test_hostile_files_stop_the_build_with_one_line(
    project: Path, files: dict[str, bytes], message: str
) -> None:
    before = snapshot(project / "docs")
    for name, content in files.items():
        (project / name).parent.mkdir(parents=True, exist_ok=True)
        (project / name).write_bytes(content)
    result = build_capped(project)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines() == [message, "randnotiz: 1 error(s); docs/ left unchanged"]
    assert snapshot(project / "docs") == before


def test_check_and_suggest_survive_an_alias_bomb(project: Path) -> None:
    (project / "annotations" / "people.yml").write_text(
        PEOPLE + "- name: Bombe\n  summary: s.\n  aliases:\n" + alias_bomb().replace("- ", "    - ")
    )
    for command in ("check", "suggest"):
        result = build_capped(project, command)
        assert "Traceback" not in result.stderr, command
        assert (
            "annotations/people.yml:10:12: error: the aliases of this file repeat" in result.stderr
        )


# --- links out of the project -------------------------------------------------------------

#: Records what a build opens or lists, then runs it: nothing outside may be touched.
TRACED_BUILD = """
import os, sys
touched = []
outside = os.path.realpath(sys.argv[1])
def hook(event, args):
    if event in ("open", "os.listdir", "os.scandir") and args and isinstance(args[0], (str, bytes, os.PathLike)):
        path = os.path.realpath(os.fsdecode(args[0]))
        if path == outside or path.startswith(outside + os.sep):
            touched.append(f"{event} {path}")
sys.addaudithook(hook)
from randnotiz.cli import main
code = main(sys.argv[2:])
print("touched:", touched)
sys.exit(code)
"""

LINKS = [
    (
        "a seed, by a relative link with ..",
        "seeds/geheim.txt",
        "../../outside/geheim.txt",
        "seeds/geheim.txt",
    ),
    ("a seed, by an absolute link", "seeds/geheim.txt", "{outside}/geheim.txt", "seeds/geheim.txt"),
    ("a saved page", "seeds/geheim.html", "{outside}/geheim.txt", "seeds/geheim.html"),
    ("seeds/ itself", "seeds", "{outside}", "seeds"),
    ("people.yml", "annotations/people.yml", "{outside}/people.yml", "annotations/people.yml"),
    ("annotations/", "annotations", "{outside}", "annotations"),
    ("annotations/articles/", "annotations/articles", "{outside}", "annotations/articles"),
    (
        "an article's YAML",
        "annotations/articles/a.yml",
        "{outside}/a.yml",
        "annotations/articles/a.yml",
    ),
]


@pytest.mark.parametrize(
    ("link", "target", "shown"), [x[1:] for x in LINKS], ids=[x[0] for x in LINKS]
)
def test_links_out_of_the_project_are_refused_and_not_followed(
    project: Path, link: str, target: str, shown: str
) -> None:
    outside = project.parent / "outside"
    outside.mkdir()
    (outside / "geheim.txt").write_text(SEED.replace("Ein Titel", "Geheim"), encoding="utf-8")
    (outside / "people.yml").write_text(PEOPLE, encoding="utf-8")
    (outside / "a.yml").write_text("rubric: Geheim\n", encoding="utf-8")
    before = snapshot(project / "docs")
    path = project / link
    if path.exists():
        os.rename(path, project / "moved-away")
    path.symlink_to(target.format(outside=outside))
    result = subprocess.run(
        [sys.executable, "-c", TRACED_BUILD, str(outside), "--root", str(project), "build"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert "touched: []" in result.stdout
    assert (
        f"{shown}:1:1: error: this leads outside the project (to '{target.format(outside=outside)}') "
        "and is not read; copy what it holds into the project instead"
    ) in result.stderr.splitlines()
    assert snapshot(project / "docs") == before


def test_links_inside_the_project_are_followed(project: Path) -> None:
    archive = project / "archiv"
    archive.mkdir()
    (archive / "b.txt").write_text(SEED.replace("Ein Titel", "Aus dem Archiv"), encoding="utf-8")
    (project / "seeds" / "b.txt").symlink_to("../archiv/b.txt")
    result = build_capped(project)
    assert result.returncode == 0, result.stderr
    assert (project / "docs" / "artikel" / "aus-dem-archiv-fuer-den-test.md").is_file()


def test_a_name_repeated_in_one_endless_sentence_costs_each_mention_a_few_words(
    project: Path,
) -> None:
    """2,000 mentions in one sentence of 26,000 characters: each is exported with the
    words around it, not with the whole sentence (52 MB of JSON before, 1.6 MB now)."""
    text = "Ada Lovelace rechnet " * 2000
    (project / "seeds" / "b.txt").write_text(f"2025-07-30\n\nEndlos\n\n{text}\n", encoding="utf-8")
    assert build_capped(project).returncode == 0
    export = json.loads((project / "docs" / "daten" / "mentions.json").read_text("utf-8"))
    endless = [m for m in export["mentions"] if m["article"] == "endlos"]
    assert len(endless) == 2000
    assert max(len(m["sentence"]["text"]) for m in endless) <= 2 * WINDOW + len("Ada Lovelace")
    for m in endless:  # the documented promise of the export still holds
        start = m["span"][0] - m["sentence"]["span"][0]
        assert m["sentence"]["text"][start : start + len(m["text"])] == m["text"]


# --- saved pages -------------------------------------------------------------------------

PAGE_HEAD = (
    "<html><head><meta property='article:published_time' content='2024-03-05'>{head}</head>"
    "<body><article><h1>Ein Titel über die Lage</h1>"
    + "<p>Ein Absatz mit genug Text, damit er als Artikel zählt und nicht als Navigation.</p>"
    * 3
)
NESTED = (
    "page.html:1:1: error: the page's elements are nested too deeply to read; save the "
    "article's page again or write the seed by hand"
)
PAGES = [
    ("20,000 nested elements", PAGE_HEAD.format(head="") + "<div>" * 20_000 + "x", NESTED),
    ("8,000 paragraphs never closed", PAGE_HEAD.format(head="") + "<p>Satz." * 8_000, NESTED),
    (
        "a page over the size limit",
        PAGE_HEAD.format(head="") + "x" * MAX_FILE_BYTES,
        "page.html:1:1: error: the page is 5.1 MB, more than the limit of 5 MB; "
        "check that it is the right file",
    ),
    (
        "JSON-LD nested 100,000 deep",
        PAGE_HEAD.format(head='<script type="application/ld+json">' + "[" * 100_000 + "</script>"),
        None,  # the broken JSON-LD is passed over, as any broken JSON-LD is
    ),
]


@pytest.mark.parametrize(("html", "message"), [p[1:] for p in PAGES], ids=[p[0] for p in PAGES])
def test_hostile_pages_are_refused_or_read_without_a_traceback(
    project: Path, html: str, message: str | None
) -> None:
    (project / "page.html").write_text(html + "</article></body></html>", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "randnotiz.cli", "--root", str(project), "import", "page.html"],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert "Traceback" not in result.stderr
    if message is None:
        assert result.returncode == 0, result.stderr
    else:
        assert result.returncode == 1
        assert result.stderr.splitlines() == [message]
