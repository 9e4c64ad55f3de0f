"""The linker finds the hand-annotated names of real news pages (scripts/measure_linker.py)."""

from __future__ import annotations

import pytest

from .conftest import load_script

#: Measured: 293 of 296 annotated mentions (99.0 %); rounded down, so a regression fails.
AT_LEAST = 0.985


measure_linker = load_script("measure_linker")


@pytest.fixture(scope="module")
def results():
    if not measure_linker.CORPUS.is_dir():
        pytest.skip(f"corpus not found at {measure_linker.CORPUS}")
    return measure_linker.measure()


def test_linker_finds_the_annotated_mentions(results):
    assert len(results) == 48
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
