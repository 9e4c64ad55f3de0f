"""The linker finds the hand-annotated names of real news pages (scripts/measure_linker.py)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "measure_linker.py"
#: Measured: 147 of 148 annotated mentions (99.3 %); rounded down, so a regression fails.
AT_LEAST = 0.99


def _load():
    spec = importlib.util.spec_from_file_location("measure_linker", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


measure_linker = _load()


@pytest.fixture(scope="module")
def results():
    if not measure_linker.CORPUS.is_dir():
        pytest.skip(f"corpus not found at {measure_linker.CORPUS}")
    return measure_linker.measure()


def test_linker_finds_the_annotated_mentions(results):
    assert len(results) == 21
    share = measure_linker.overall(results)
    missed = [(r.page.name, a.surface) for r in results for a in r.missed]
    assert share >= AT_LEAST, missed


def test_an_overlap_with_another_entity_is_no_hit():
    page = measure_linker.Page(
        "p",
        "Intel und Boeing.",
        (
            measure_linker.Annotated(0, 5, "Intel", "Intel", False),
            measure_linker.Annotated(0, 5, "Intel", "Boeing", False),
        ),
    )
    result = measure_linker.measure_page(page)
    assert [a.normalized for a in result.found] == ["Intel"]
    assert [a.normalized for a in result.missed] == ["Boeing"]
