"""Golden Markdown: the generated pages of the shipped content, byte for byte.

Regenerate after an intended change with ``make golden`` (``pytest --update-golden``)
and review the diff like any other change.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from randnotiz.cli import main

from .conftest import make_project

GOLDEN = Path(__file__).parent / "golden"
PAGES = [
    "artikel/zuckerbergs-ki-offensive.md",
    "personen/yann-lecun.md",
    "organisationen/fair.md",
    "glossar/index.md",
    "index.md",
]


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = make_project(tmp_path_factory.mktemp("golden"), shipped=True)
    assert main(["--root", str(root), "build", "--quiet"]) == 0
    return root / "docs"


@pytest.mark.parametrize("page", PAGES)
def test_page_matches_golden(generated: Path, page: str, request: pytest.FixtureRequest) -> None:
    actual = (generated / page).read_text(encoding="utf-8")
    golden = GOLDEN / page.replace("/", "__")
    if request.config.getoption("--update-golden"):
        golden.write_text(actual, encoding="utf-8")
    assert golden.exists(), "no golden file; run: make golden"
    assert actual == golden.read_text(encoding="utf-8"), f"{page} differs; if intended: make golden"
