"""What the fuzz tests found, each now a fixed case: an input, and what must become of it.

A failure ``make fuzz`` finds is shrunk by Hypothesis to a small input; it is
fixed, and the input (or a plainer one of the same kind) goes into a table
here, so that ``make test`` keeps it fixed whatever the fuzzer tries next.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from randnotiz.dates import german_date, parse_date
from randnotiz.paths import MAX_ID_LENGTH, short_slug
from randnotiz.read import yamlnodes
from randnotiz.read.yamlnodes import Mapping, Value, load_nodes

from .test_fuzz import assert_told_well, make_template, project_copy, run_in_process


@pytest.mark.parametrize(
    "day", [dt.date(1, 1, 1), dt.date(999, 12, 31), dt.date(2025, 7, 29), dt.date(9999, 12, 31)]
)
def test_every_date_written_the_german_way_reads_back(day: dt.date) -> None:
    """The importer starts a seed with the page's date: '1. Januar 999' was no date to
    the seed reader, so the seed it wrote for a page dated 0999-01-01 did not build."""
    assert parse_date(german_date(day)) == day


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_template(tmp_path_factory.mktemp("findings") / "template")


#: A tag a value does not fit raised inside PyYAML's constructors (AttributeError,
#: KeyError, IndexError): a traceback. Now the value is kept as written, and the key's
#: reader says what is wrong with it.
UNFIT_TAGS = [
    ("a timestamp that is none", "a: !!timestamp morgen\n", "morgen"),
    ("a timestamp with a broken time", "a: !!timestamp 2025-01-01T99:99\n", "2025-01-01T99:99"),
    ("an empty timestamp", 'a: !!timestamp ""\n', ""),
    ("a boolean that is none", "a: !!bool vielleicht\n", "vielleicht"),
    ("an empty number", 'a: !!int ""\n', ""),
    ("an empty float", 'a: !!float ""\n', ""),
]


@pytest.mark.parametrize(
    ("text", "kept"), [u[1:] for u in UNFIT_TAGS], ids=[u[0] for u in UNFIT_TAGS]
)
def test_a_tag_the_value_does_not_fit_keeps_it_as_written(
    parser: str, text: str, kept: str
) -> None:
    root, problems = load_nodes(text, "f.yml")
    assert problems == []
    assert isinstance(root, Mapping)
    assert root.get("a") == Value(kept, yamlnodes.Origin("f.yml", 1, 4))


#: YAML takes NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR for line ends, editors do not:
#: a message pointed at a line below the file's last.
LINE_SEPARATORS = [
    ("two line separators above", "\u2028\u2028a: *q\n", "f.yml:1:6: error: '*q' names no anchor"),
    ("a line separator in a line", "x: ééé\u2028  b: *q\n", "f.yml:1:11: error: YAML syntax error"),
    ("a next-line character", "a: 1\nb: x\x85  c: *q\n", "f.yml:2:9: error: YAML syntax error"),
    ("a paragraph separator", "a: [1,\u2029\n", "f.yml:2:1: error: YAML syntax error"),
]


@pytest.mark.parametrize(
    ("text", "start"), [x[1:] for x in LINE_SEPARATORS], ids=[x[0] for x in LINE_SEPARATORS]
)
def test_problems_name_the_line_an_editor_shows(parser: str, text: str, start: str) -> None:
    _, problems = load_nodes(text, "f.yml")
    assert [str(p)[: len(start)] for p in problems] == [start]


#: An id of 204 characters: its page's file name, and that of its temporary twin under
#: docs/.randnotiz-tmp/, raised "File name too long" in the middle of writing docs/.
LONG_ID = "sehr-" * 40 + "lang"

BUILDS = [
    (
        "a timestamp tag on a year",
        {
            "annotations/people.yml": "- name: Ada Lovelace\n  summary: M.\n  events:\n"
            "    - date: !!timestamp morgen\n      text: T.\n"
            "- name: Charles Babbage\n  summary: E.\n"
        },
        [
            "annotations/people.yml:4:13: error: 'date' must be a year, YYYY-MM or YYYY-MM-DD "
            "such as 2013, 2013-12 or 2013-12-09, not 'morgen'",
        ],
    ),
    (
        "line separators in a list of terms",
        {"annotations/glossary.yml": "\u2028\u2028- {term: X}\n- term: Y\n  definition: Z.\n"},
        [
            "annotations/glossary.yml:1:5: error: missing required key 'definition' in this "
            "entry; add 'definition: …'"
        ],
    ),
    (
        "a carriage return in a value the message quotes, which split its line",
        {"annotations/articles/a.yml": 'headings: ["0\\r0", "Kopf\\x1b[31m"]\n'},
        [
            "annotations/articles/a.yml:1:11: error: '0\\r0' in 'headings' matches no block of "
            "seeds/a.txt; copy the start of the block exactly",
            "annotations/articles/a.yml:1:11: error: 'Kopf\\x1b[31m' in 'headings' matches no "
            "block of seeds/a.txt; copy the start of the block exactly",
        ],
    ),
    (
        "an id too long for a file name",
        {"annotations/organizations.yml": f"- name: Lang\n  id: {LONG_ID}\n  summary: S.\n"},
        [
            "annotations/organizations.yml:2:7: error: 'id' value 'sehr-sehr-sehr-sehr-sehr-sehr-"
            "sehr-sehr-…' is 204 characters long; an id names a file and a URL, so keep it to "
            "100, such as 'sehr-sehr-sehr-sehr-sehr-sehr-sehr-sehr-sehr-sehr'"
        ],
    ),
    (
        "an article's id too long for a file name",
        {"annotations/articles/a.yml": f"id: {LONG_ID}\n"},
        [
            "annotations/articles/a.yml:1:5: error: 'id' value 'sehr-sehr-sehr-sehr-sehr-sehr-"
            "sehr-sehr-…' is 204 characters long; an id names a file and a URL, so keep it to "
            "100, such as 'sehr-sehr-sehr-sehr-sehr-sehr-sehr-sehr-sehr-sehr'"
        ],
    ),
]


def test_a_name_too_long_for_a_file_name_gets_a_shorter_id(template: Path) -> None:
    name = "Sehr " * 60 + "Lang"
    people = f"- name: {name}\n  summary: S.\n"
    with project_copy(template, {"annotations/organizations.yml": people.encode()}) as root:
        run = run_in_process(["--root", str(root), "build", "--quiet"])
        assert (run.code, run.err) == (0, "")
        pages = [p.name for p in (root / "docs" / "organisationen").glob("sehr-*.md")]
    assert pages == [f"{short_slug(name, MAX_ID_LENGTH)}.md"]
    assert len(pages[0]) <= MAX_ID_LENGTH + len(".md")


@pytest.mark.parametrize(("files", "lines"), [b[1:] for b in BUILDS], ids=[b[0] for b in BUILDS])
def test_builds_the_fuzzer_broke_now_end_in_one_line_each(
    template: Path,
    files: dict[str, str],
    lines: list[str],
) -> None:
    with project_copy(template, {k: v.encode() for k, v in files.items()}) as root:
        run = run_in_process(["--root", str(root), "build", "--quiet"])
    assert_told_well(run)
    assert run.err.splitlines() == [
        *lines,
        f"randnotiz: {len(lines)} error(s); docs/ left unchanged",
    ]


PROSE = (
    "<p>Ada Lovelace schrieb über die Rechenmaschine von Charles Babbage und über die "
    "Royal Society in London.</p>"
) * 3


def page(title: str, date: str = "2025-07-29", head: str = "") -> str:
    return (
        f'<html><head><meta property="article:published_time" content="{date}">{head}</head>'
        f"<body><article><h1>{title}</h1>{PROSE}</article></body></html>"
    )


#: Pages that were imported into a seed (and its YAML) that did not build.
IMPORTED = [
    ("dated before the year 1000", page("Ein sehr alter Bericht", date="0999-01-01")),
    (
        "an escape character in the title, which went into the YAML's comment",
        page("Titel\x1b mit Steuerzeichen", head='<meta name="dc.publisher" content="Verlag">'),
    ),
    (
        "a line separator in the title, after which the comment's rest was read as a key",
        page("Titel\u2028id: boese", head='<meta name="dc.publisher" content="Verlag">'),
    ),
    (
        "a NUL in the text, which made the seed a binary file",
        page("Ein Titel mit Text", head="").replace("Babbage und", "Babbage\x00 und\x07"),
    ),
    (
        "a next-line character in the title, the same",
        page("Titel\x85id: boese", head='<meta name="dc.publisher" content="Verlag">'),
    ),
]


@pytest.mark.parametrize("html", [i[1] for i in IMPORTED], ids=[i[0] for i in IMPORTED])
def test_pages_the_fuzzer_imported_into_a_broken_seed_now_build(
    template: Path,
    html: str,
) -> None:
    with project_copy(template, {"page.html": html.encode()}) as root:
        imported = run_in_process(["--root", str(root), "import", str(root / "page.html")])
        assert_told_well(imported)
        assert imported.code == 0, imported.err
        built = run_in_process(["--root", str(root), "build", "--quiet"])
        assert (built.code, built.err) == (0, "")
        assert not (root / "docs" / "artikel" / "boese.md").exists()
