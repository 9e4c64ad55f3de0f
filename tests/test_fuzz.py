"""Fuzzing: whatever a seed, a YAML file or a saved page holds, no traceback, ever.

For every reader, Hypothesis writes inputs into a small project that builds
(arbitrary bytes and text, and plausible files damaged: see ``fuzz_inputs``)
and runs the command a user runs. The property: the command succeeds, or it
exits with 1 and every line it prints is ``FILE:LINE:COLUMN: error|warning|info:
…`` (or the closing count), with at least one error, and ``docs/`` is byte for
byte as it was. No exception leaves the command and no Python warning is shown.

The commands run in this process (a build of a small project takes some
20 ms), which is what a user sees: an exception leaving ``main`` is the
traceback they would see, and what they would read is what it printed.

``make test`` tries a fixed set of inputs (the same on every run);
``make fuzz`` (``RANDNOTIZ_LONG=1``) tries many more, new ones each time,
keeps the failures it finds in ``.hypothesis/`` to try them first next time,
and prints per reader how many inputs it tried, what became of them, and the
slowest one.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import re
import shutil
import tempfile
import time
import warnings
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from randnotiz.cli import main

from . import fuzz_inputs as inputs
from .conftest import make_project

LONG = bool(os.environ.get("RANDNOTIZ_LONG"))

_COMMON = {
    "deadline": None,  # no wall-clock assertions; the slowest input is printed instead
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large],
    "print_blob": True,
}
#: ``make test``: the same inputs on every run, a minute for the whole file.
settings.register_profile(
    "randnotiz-fixed", derandomize=True, database=None, max_examples=40, **_COMMON
)
#: ``make fuzz``: new inputs on every run, failures remembered in .hypothesis/.
settings.register_profile(
    "randnotiz-long", max_examples=int(os.environ.get("RANDNOTIZ_FUZZ_EXAMPLES", "1000")), **_COMMON
)
PROFILE = settings.get_profile("randnotiz-long" if LONG else "randnotiz-fixed")

SEED = """\
29. Juli 2025

Technik

Die Maschine der Zukunft

Ada Lovelace schrieb über die Rechenmaschine von Charles Babbage.

Ein Zwischentitel

Lovelace und die Royal Society: Babbages Maschine wurde nie fertig.
"""
PEOPLE = """\
- name: Ada Lovelace
  aliases: [Lovelace]
  summary: Mathematikerin.
  events:
    - date: 1843-07-01
      text: Veröffentlichte ihre Anmerkungen.
      sources: [{title: Quelle, url: "https://example.org/ada"}]
- name: Charles Babbage
  summary: Erfinder der Analytical Engine.
"""
ORGANIZATIONS = "- name: Royal Society\n  kind: Akademie\n  summary: Britische Akademie.\n"
GLOSSARY = "- term: Rechenmaschine\n  definition: Eine Maschine, die rechnet.\n"
NOTES = (
    "notes:\n  - quote: nie fertig\n    kind: kontext\n    text: Erst 1991 gebaut.\n"
    "related: []\nredirect_from: [alte-maschine]\n"
)

#: One problem: ``FILE:LINE:COLUMN: severity: message``, what editors jump to.
PROBLEM = re.compile(
    r"(?P<file>[^\n]+?):(?P<line>[1-9]\d*):(?P<column>[1-9]\d*): (?P<severity>error|warning|info): \S.*"
)
CLOSING = re.compile(r"randnotiz: [1-9]\d* error\(s\); docs/ left unchanged")
#: The safety net of ``randnotiz import``: a page no rule foresaw. The fuzzer looks for those.
IMPORTER_FAILED = "the importer failed on this page"


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_template(tmp_path_factory.mktemp("fuzz") / "template")


def make_template(place: Path) -> Path:
    """A small project with one article and every kind of YAML file, built once.

    No file refers to another's entries, so that each builds with any other file
    fuzzed; the fuzzed files refer to these entries (``fuzz_inputs.IDS``).
    """
    root = make_project(
        place,
        seeds={"a.txt": SEED},
        annotations={
            "people.yml": PEOPLE,
            "organizations.yml": ORGANIZATIONS,
            "glossary.yml": GLOSSARY,
            "articles/a.yml": NOTES,
        },
    )
    assert main(["--root", str(root), "build", "--quiet"]) == 0
    return root


def snapshot(folder: Path) -> dict[str, str | None]:
    """Every file (its bytes' hash) and folder (None) below ``folder``."""
    return {
        p.relative_to(folder).as_posix(): None
        if p.is_dir()
        else hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
    }


@dataclass(frozen=True)
class Run:
    code: int
    out: str
    err: str
    seconds: float  # of processor time


def run_in_process(argv: list[str]) -> Run:
    """``randnotiz ARGV`` as a user runs it, here; fails on an exception or a Python warning."""
    out, err = io.StringIO(), io.StringIO()
    with warnings.catch_warnings(record=True) as shown:
        # What a user's Python shows: everything but deprecations, imports and resources.
        warnings.resetwarnings()
        warnings.simplefilter("always")
        for quiet in (
            DeprecationWarning,
            PendingDeprecationWarning,
            ImportWarning,
            ResourceWarning,
        ):
            warnings.simplefilter("ignore", quiet)
        started = time.process_time()  # not the wall clock, which the machine's load moves
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main(argv)
            except BaseException as exc:  # what the user would see as a traceback
                raise AssertionError(
                    f"randnotiz {' '.join(argv[2:])} raised {exc!r}\n{err.getvalue()}"
                ) from exc
        seconds = time.process_time() - started
    assert not shown, [f"{w.category.__name__}: {w.message}" for w in shown]
    return Run(code, out.getvalue(), err.getvalue(), seconds)


def assert_told_well(run: Run, allowed_closing: re.Pattern[str] = CLOSING) -> list[re.Match[str]]:
    """Every line on stderr is a problem in the one form, or the closing count; the exit
    code agrees with them. The problems, parsed."""
    assert "Traceback" not in run.err, run.err
    problems = []
    for line in run.err.splitlines():
        match = PROBLEM.fullmatch(line)
        assert match or allowed_closing.fullmatch(line), f"not a problem line: {line!r}\n{run.err}"
        if match:
            problems.append(match)
    errors = [p for p in problems if p["severity"] == "error"]
    assert run.code == (1 if errors else 0), run.err
    return problems


@dataclass
class Figures:
    """What became of the inputs of one reader, for ``make fuzz`` to print."""

    name: str
    outcomes: Counter[str] = field(default_factory=Counter)
    slowest: float = 0.0
    slowest_size: int = 0

    def record(self, outcome: str, run: Run, size: int) -> None:
        self.outcomes[outcome] += 1
        if run.seconds > self.slowest:
            self.slowest, self.slowest_size = run.seconds, size

    def line(self) -> str:
        tried = sum(self.outcomes.values())
        parts = ", ".join(f"{n} {what}" for what, n in sorted(self.outcomes.items()))
        return (
            f"fuzz {self.name}: {tried} inputs ({parts}); slowest {self.slowest:.2f} s of CPU "
            f"({self.slowest_size:,} bytes)"
        )


@contextlib.contextmanager
def project_copy(template: Path, files: dict[str, bytes]):
    """A fresh copy of the project with ``files`` written into it: every input starts alike."""
    with tempfile.TemporaryDirectory(dir=template.parent) as place:
        root = Path(place) / "p"
        shutil.copytree(template, root, symlinks=True)
        for name, data in files.items():
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            (root / name).write_bytes(data)
        yield root


def check_build(template: Path, files: dict[str, bytes], figures: Figures) -> None:
    """The property for ``randnotiz build``."""
    with project_copy(template, files) as root:
        before = snapshot(root / "docs")
        run = run_in_process(["--root", str(root), "build", "--quiet"])
        problems = assert_told_well(run)
        if run.code:
            assert problems, run.err
            assert snapshot(root / "docs") == before
            figures.record("refused", run, sum(map(len, files.values())))
        else:
            assert (root / "docs" / ".randnotiz-manifest").is_file()
            figures.record("built", run, sum(map(len, files.values())))
        for problem in problems:  # every line names a file of the project, within its lines
            path = root / problem["file"]
            assert path.exists() or problem["file"] in ("seeds", "annotations"), problem[0]
            if path.is_file() and path.stat().st_size < 10_000_000:
                assert int(problem["line"]) <= len(path.read_bytes().splitlines()) + 1, problem[0]


def fuzz(strategy: st.SearchStrategy, weight: float = 1.0) -> Callable:
    """``@given(strategy)`` with the profile's settings, ``weight`` times its examples."""
    examples = max(1, int(PROFILE.max_examples * weight))
    return lambda test: settings(PROFILE, max_examples=examples)(given(strategy)(test))


def report(figures: Figures) -> None:
    print(f"\n{figures.line()}")


# --- the readers ---------------------------------------------------------------------------

YAML_FILES = [
    ("people.yml", "annotations/people.yml", inputs.PERSON, True),
    ("organizations.yml", "annotations/organizations.yml", inputs.ORGANIZATION, True),
    ("glossary.yml", "annotations/glossary.yml", inputs.TERM, True),
    ("an article's YAML", "annotations/articles/a.yml", inputs.ARTICLE, False),
    ("mkdocs.yml", "mkdocs.yml", inputs.MKDOCS, False),
]


def test_fuzz_a_seed(template: Path) -> None:
    figures = Figures("seed (bytes)")

    @fuzz(inputs.seed_bytes, weight=2)
    def one(data: bytes) -> None:
        check_build(template, {"seeds/b.txt": data}, figures)

    one()
    report(figures)


@pytest.mark.parametrize(
    ("path", "schema", "is_list"), [y[1:] for y in YAML_FILES], ids=[y[0] for y in YAML_FILES]
)
def test_fuzz_a_yaml_file(template: Path, path: str, schema: dict, is_list: bool) -> None:
    figures = Figures(path)

    @fuzz(inputs.yaml_file(schema, is_list))
    def one(data: bytes) -> None:
        check_build(template, {path: data}, figures)

    one()
    report(figures)


def test_fuzz_a_saved_page_in_seeds(template: Path) -> None:
    figures = Figures("saved page in seeds/")

    @fuzz(inputs.page_bytes)
    def one(data: bytes) -> None:
        check_build(template, {"seeds/b.html": data}, figures)

    one()
    report(figures)


IMPORT_CLOSING = re.compile(r"randnotiz: (wrote|replaced) .+")


def test_fuzz_randnotiz_import(template: Path) -> None:
    """A page is imported (and the project then builds) or refused in one line; the
    importer's safety net for pages no rule foresaw never catches one."""
    figures = Figures("randnotiz import")

    @fuzz(inputs.page_bytes, weight=1.5)
    def one(data: bytes) -> None:
        with project_copy(template, {"page.html": data}) as root:
            docs, seeds = snapshot(root / "docs"), snapshot(root / "seeds")
            run = run_in_process(["--root", str(root), "import", str(root / "page.html")])
            problems = assert_told_well(run)
            assert IMPORTER_FAILED not in run.err, run.err
            assert snapshot(root / "docs") == docs
            if run.code:
                assert problems and snapshot(root / "seeds") == seeds, run.err
                figures.record("refused", run, len(data))
                return
            if not run.out and "warning: the same article as" in run.err:
                figures.record("skipped as the same article", run, len(data))
                return
            assert IMPORT_CLOSING.fullmatch(run.out.strip()), run.out
            figures.record("imported", run, len(data))
            built = run_in_process(["--root", str(root), "build", "--quiet"])
            assert_told_well(built)
            assert built.code == 0, f"an imported page does not build:\n{built.err}"

    one()
    report(figures)
