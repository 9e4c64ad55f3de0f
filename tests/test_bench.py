"""The benchmark keeps working: ``scripts/bench.py`` at N = 20, one repetition.

No wall-clock time is asserted; what is asserted is that every figure is
there, that a rebuild with nothing changed writes nothing, and that changing
one summary rewrites exactly the pages that show it. The pages that must show
it are derived here from the corpus the benchmark generated.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from randnotiz.build import read_and_link
from randnotiz.model import EntityKind
from randnotiz.paths import PEOPLE, doc_path
from randnotiz.render.article import article_path
from randnotiz.render.export import ENTITIES_PATH
from randnotiz.render.view import target_of

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parent.parent
SIZE_FIGURES = (
    "articles",
    "generated_entities",
    "pages",
    "generation_seconds",
    "generation_peak_mb",
    "mkdocs_seconds",
    "floor_seconds",
    "whole_seconds",
    "rebuild_unchanged_written",
    "summary_written",
    "summary_shown",
    "search",
    "text",
    "browser",
)
SEARCH_FIGURES = (
    "index_bytes",
    "largest_file_bytes",
    "index_files",
    "bytes_per_article",
    "duplicated_share",
    "article_sentences_on_profiles",
    "floor_index_bytes",
)
LINKER_FIGURES = ("linker_seconds", "naive_seconds", "speedup", "entities", "articles")


@pytest.fixture(scope="module")
def bench(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, Path]:
    folder = tmp_path_factory.mktemp("bench")
    out, work = folder / "bench.json", folder / "work"
    command = [
        sys.executable,
        str(REPO / "scripts" / "bench.py"),
        *("--sizes", "20", "--repeat", "1", "--linker-articles", "20", "--browser-sizes", "20"),
        *("--serve", "20", "--serve-edits", "1"),
        *("--out", str(out), "--keep", str(work)),
    ]
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONUTF8="1")
    done = subprocess.run(command, capture_output=True, text=True, timeout=1800, env=env)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "MISSED" in done.stdout or "met" in done.stdout
    return json.loads(out.read_text(encoding="utf-8")), work / "n20" / "project"


def test_every_figure_is_there(bench: tuple[dict, Path]) -> None:
    data, _ = bench
    (size,) = data["sizes"]
    assert size["articles"] == 20
    assert size["generated_entities"] == 40
    for key in SIZE_FIGURES:
        assert size[key] is not None, key
    for key in SEARCH_FIGURES:
        assert size["search"][key] is not None, key
    for key in LINKER_FIGURES:
        assert data["linker"][key] is not None, key
    assert set(data["ratios"]["met"]) >= {
        "generation_share",
        "mkdocs_over_floor",
        "linker_speedup",
        "unchanged_rebuild_writes_nothing",
        "summary_change_writes_the_pages_showing_it",
        "no_article_sentence_indexed_twice",
        "generated_text_packs_no_better_than_the_shipped",
        "no_index_before_the_search_opens",
    }


def test_a_rebuild_with_nothing_changed_writes_nothing(bench: tuple[dict, Path]) -> None:
    data, _ = bench
    assert data["sizes"][0]["rebuild_unchanged_written"] == []


def test_profiles_do_not_index_article_sentences(bench: tuple[dict, Path]) -> None:
    data, _ = bench
    search = data["sizes"][0]["search"]
    assert search["article_sentences_on_profiles"] == 0
    assert search["profiles_indexed"] == search["profiles"]
    assert search["articles_indexed"] == search["articles"]
    assert search["terms_indexed"] > 0


def test_the_generated_text_is_as_varied_as_the_shipped(bench: tuple[dict, Path]) -> None:
    """Sentences repeated across the archive would pack and index far better than news."""
    data, _ = bench
    text = data["sizes"][0]["text"]
    assert text["generated_article_gzip_ratio"] >= text["shipped_gzip_ratio"], text
    assert data["ratios"]["met"]["generated_text_packs_no_better_than_the_shipped"]


def test_the_search_is_measured_in_the_browser_beside_materials(bench: tuple[dict, Path]) -> None:
    data, _ = bench
    browser = data["sizes"][0]["browser"]
    pagefind, material = browser["pagefind"], browser["material"]
    assert pagefind["index_bytes_before_open"] == 0
    assert pagefind["first_query_bytes"] > pagefind["program_bytes_with_page"] > 0
    assert pagefind["second_query_bytes"] >= 0
    assert material["first_query_bytes"] > 0 and browser["material_index_bytes"] > 0
    for engine in (pagefind, material):
        assert engine["first_result_ms"] > 0 and engine["second_result_ms"] > 0


def test_one_summary_rewrites_exactly_the_pages_that_show_it(bench: tuple[dict, Path]) -> None:
    data, project = bench
    size = data["sizes"][0]
    linked = read_and_link(project)
    kb = linked.sources.knowledge
    entities = kb.by_id()
    changed = entities[size["summary_entity"]]
    # Where the corpus says the summary appears: the profile, the index of people,
    # every article that names the person (hover text and "In diesem Artikel"),
    # every profile that lists the person under "Siehe auch" (either direction),
    # and the data export of all entities.
    articles = {m.article for a in linked.articles for m in a.mentions if m.entity == changed.id}
    see_also = set(changed.see_also) | {e.id for e in kb.entities if changed.id in e.see_also}
    expected = {
        target_of(changed).path,
        doc_path(PEOPLE),
        ENTITIES_PATH,
        *(article_path(a) for a in articles),
        *(
            target_of(entities[e]).path
            for e in see_also
            if entities[e].kind is not EntityKind.TERM and e != changed.id
        ),
    }
    written = set(size["summary_written"])
    assert articles, "the benchmark should change the summary of a person who is mentioned"
    assert expected <= written, sorted(expected - written)
    assert size["summary_written"] == size["summary_shown"]


def test_a_warm_up_build_comes_before_the_timed_ones(bench: tuple[dict, Path]) -> None:
    _, project = bench
    warm = project.parents[1] / "warm-up"
    built = warm / "site" / "index.html"
    assert built.is_file() and any((warm / "docs" / "artikel").iterdir())
    assert built.stat().st_mtime_ns < (project / "site" / "index.html").stat().st_mtime_ns


def test_the_editors_loop_in_mkdocs_serve_is_measured(bench: tuple[dict, Path]) -> None:
    data, _ = bench
    serve = data["serve"]
    assert serve["articles"] == 20
    for name in ("summary", "paragraph", "new_seed", "deleted_seed"):
        (seconds,) = serve[name]["runs"]  # the scenario fails if a page never shows the save
        assert seconds > 0, name
    assert serve["builds_per_save"] == [1, 1, 1, 1]
    compared = serve["served_as_built"]
    assert compared["files"] > 100 and compared["differing"] == []
