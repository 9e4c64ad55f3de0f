"""``make bench``: how Randnotiz scales with a newsroom archive, against MkDocs itself.

For each size N (articles) with M = 2 N generated people, organisations and
terms, in a temporary folder:

1. ``randnotiz build`` from an empty ``docs/`` (the generation step): wall
   time, CPU time and peak memory;
2. ``mkdocs build --strict`` of the generated site (the hook indexes it for
   search afterwards), against a floor: the same build of the same number of
   plain Markdown pages of the same byte sizes, same theme, plugins, extensions
   and navigation, without the Randnotiz hook, then indexed for search by
   ``randnotiz search-index``;
3. a rebuild with nothing changed (files written: must be 0) and one after a
   single summary changed in YAML (files written: exactly the pages that show it);
4. the search index: its bytes and largest file, per article, text repeated
   across pages, article sentences that profile pages would index a second
   time (must be 0).

Then the linker against one regular expression per alias at M = 2,000, and
the editor's loop in ``mkdocs serve`` at ``--serve`` articles (``benchserve.py``).
Figures go to a table on stdout and to ``.artifacts/bench.json``.

Between runs the previous ``docs/`` and ``site/`` are moved aside, not
deleted (see ``set_aside``), so no build pays for cleaning up after another.

Before anything is timed, a small archive is built once, unmeasured (see
``warm_up``). Repetitions: generation runs ``--repeat`` times at every size.
A MkDocs build of 2,000 articles takes two minutes on two cores, so to finish
within 15 minutes MkDocs and the floor run ``--repeat`` times up to
``--mkdocs-repeat-max`` articles (500: single runs on a shared machine were up
to a tenth off the median) and once above, and the floor is built up to
``--floor-max`` articles. Medians throughout.

    .venv/bin/python scripts/bench.py                   # the full run, about 10 minutes
    .venv/bin/python scripts/bench.py --quick           # 250 and 500 articles, once
    .venv/bin/python scripts/bench.py --sizes 20 --repeat 1
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import platform
import random
import re
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, replace
from pathlib import Path

import yaml
from benchbrowser import MATERIAL, PAGEFIND
from benchbrowser import measure as measure_browser
from benchcorpus import (
    REPO,
    SizeSpec,
    Synthetic,
    Vocabulary,
    copy_hand_written,
    gzip_ratio,
    load_vocabulary,
    make_corpus,
    mkdocs_config,
    plain_pages,
    plain_text,
    write_project,
)
from benchlinker import LinkerFigures, compare
from benchprocess import Run, changed, median, run, snapshot
from benchsearch import measure
from benchserve import bench_serve, serve_table

from randnotiz.config import load_project
from randnotiz.model import LINKED_BLOCKS
from randnotiz.read import read_sources

DEFAULT_SIZES = (250, 500, 1000, 2000)
TOKEN = "Zwischenstandsmeldung"  # a word no generated page holds before the change



@dataclass(frozen=True)
class Targets:
    generation_share: float = 0.10  # of the MkDocs build time of the same site
    mkdocs_over_floor: float = 1.3
    doubling: float = 2.2  # time(2 N) / time(N)
    linker_speedup: float = 20.0
    first_query_bytes: int = 300_000  # cold, everything the search loads
    first_query_bytes_aim: int = 150_000
    second_query_bytes: int = 50_000


#: Material's search as the site had it before Pagefind, for the comparison only.
MATERIAL_SEARCH = {
    "lang": "de",
    "separator": r'[\s\-–—;:!?„“”‚‘’"\'«»()\[\]/…]+|[.,](?!\d)|&[lg]t;',  # noqa: RUF001
}


@dataclass(frozen=True)
class Plan:
    """How often to measure what; see the module docstring."""

    sizes: tuple[int, ...]
    repeat: int
    mkdocs_repeat_max: int
    floor_max: int
    linker_entities: int
    linker_articles: int
    seed: int
    serve_articles: int = 1000  # the editor's loop in mkdocs serve (benchserve.py); 0: not run
    serve_edits: int = 5
    browser_sizes: tuple[int, ...] = ()  # sizes at which the search runs in Chromium

    def mkdocs_repeat(self, n: int) -> int:
        return self.repeat if n <= self.mkdocs_repeat_max else 1


@functools.cache
def floor_vocabulary() -> Vocabulary:
    return load_vocabulary(random.Random(0), set())


def floor_text(number: int, size: int) -> str:
    """Plain German paragraphs and headings, no links, exactly ``size`` bytes in UTF-8,
    of words as varied as the articles' (see ``plain_text``)."""
    rng = random.Random(number)
    parts = [f"# Seite {number}\n"]
    length = len(parts[0].encode("utf-8"))
    i = number
    while length < size:
        if i % 5 == 0:
            piece = f"\n## Abschnitt {i}\n\n"
        else:
            piece = "\n" + plain_text(rng, floor_vocabulary(), 280) + "\n"
        parts.append(piece)
        length += len(piece.encode("utf-8"))
        i += 1
    data = "".join(parts).encode("utf-8")[: max(size - 1, 0)].decode("utf-8", "ignore")
    data = data.rstrip() + "\n"
    return data + " " * (size - len(data.encode("utf-8")))


def set_aside(folder: Path, trash: Path) -> None:
    """Move ``folder`` out of the way, into ``trash``, which is deleted when all is measured.

    Deleting a built site between runs would slow the next run: on this file
    system (ext4 mounted with ``discard``), creating a file or a folder took
    five times as long for some seconds after a hundred megabytes were deleted
    (2,434 folders: 0.07 s without a deletion before, 0.35 s with one). The
    build measured next would be charged for the benchmark's own cleaning.
    """
    if folder.exists():
        trash.mkdir(parents=True, exist_ok=True)
        folder.rename(trash / f"{len(list(trash.iterdir()))}-{folder.parent.name}-{folder.name}")


def reset_docs(project: Path, trash: Path) -> None:
    """``docs/`` with the hand-written files only, as in a fresh clone."""
    set_aside(project / "docs", trash)
    copy_hand_written(project / "docs")


def pages_showing(docs: Path, token: str) -> list[str]:
    return sorted(
        p.relative_to(docs).as_posix()
        for p in docs.rglob("*")
        if p.is_file() and token in p.read_text(encoding="utf-8", errors="replace")
    )


def change_summary(synthetic: Synthetic) -> tuple[str, str]:
    """Give a typically mentioned generated person a new summary; its id and the new text."""
    used = sorted(
        (p for p in synthetic.people if synthetic.uses.get(p.id)),
        key=lambda p: (len(synthetic.uses[p.id]), p.id),
    )
    person = used[len(used) // 2]
    people = synthetic.root / "annotations" / "people.yml"
    text = people.read_text(encoding="utf-8")
    start = text.index(f"- name: {person.name}\n")
    line_start = text.index("  summary: ", start)
    line_end = text.index("\n", line_start)
    old = text[line_start + len("  summary: ") : line_end]
    new = f"{TOKEN}: {old}"
    line = f"  summary: {json.dumps(new, ensure_ascii=False)}"
    people.write_text(text[:line_start] + line + text[line_end:], encoding="utf-8")
    return person.id, new


def floor_build(floor: Path) -> Run:
    """The floor's MkDocs build and its search index, as the hook does for the real site."""
    built = run(["mkdocs", "build", "--strict"], floor)
    indexed = run(["randnotiz", "search-index", "site"], floor)
    return replace(
        built,
        wall=built.wall + indexed.wall,
        cpu=built.cpu + indexed.cpu,
        peak_mb=max(built.peak_mb, indexed.peak_mb),
    )


def text_figures(articles: list) -> dict:
    """How much gzip packs the shipped articles' text and the generated ones' (the
    generated must not pack better: repeated text indexes and compresses too well)."""
    shipped_names = {p.name for p in (REPO / "seeds").iterdir()}
    shipped, generated = [], []
    for article in articles:
        text = "\n".join(b.text for b in article.blocks)
        is_shipped = Path(article.source).name in shipped_names
        (shipped if is_shipped else generated).append(text)
    words = {w.casefold() for t in generated for w in re.findall(r"[^\W\d_]+", t)}
    return {
        "shipped_gzip_ratio": gzip_ratio("\n".join(shipped)),
        "generated_gzip_ratio": gzip_ratio("\n".join(generated)) if generated else None,
        "generated_article_gzip_ratio": (
            statistics.median(gzip_ratio(t) for t in generated) if generated else None
        ),
        "generated_distinct_words": len(words),
    }


def search_queries(synthetic: Synthetic) -> tuple[str, str]:
    """A person named in many articles (two words), then a term: what readers look up."""

    def most_used(entities: tuple) -> str:
        return max(entities, key=lambda g: (len(synthetic.uses.get(g.id, ())), g.id)).name

    return most_used(synthetic.people), most_used(synthetic.terms)


def material_copy(folder: Path, project: Path) -> Path:
    """The same generated pages built with Material's own search, for comparison only."""
    root = folder / "material"
    config = mkdocs_config(with_hook=False)
    config["theme"].pop("custom_dir", None)
    config["theme"]["features"] = [*config["theme"]["features"], "search.highlight"]
    config["plugins"] = [{"search": MATERIAL_SEARCH}]
    root.mkdir(parents=True, exist_ok=True)
    (root / "mkdocs.yml").write_text(
        yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    shutil.copytree(project / "docs", root / "docs", dirs_exist_ok=True)
    built = run(["mkdocs", "build", "--strict"], root)
    if built.returncode:
        raise SystemExit(f"Material's build failed:\n{built.stderr[-2000:]}")
    return root / "site"


def browser_figures(folder: Path, project: Path, synthetic: Synthetic, material: bool) -> dict:
    first, second = search_queries(synthetic)
    print(f"  search in Chromium: {first!r}, then {second!r}", file=sys.stderr)
    out = {"pagefind": asdict(measure_browser(project / "site", PAGEFIND, first, second))}
    if material:
        site = material_copy(folder, project)
        out["material"] = asdict(measure_browser(site, MATERIAL, first, second))
        out["material_index_bytes"] = (site / "search" / "search_index.json").stat().st_size
    return out


def _walls(runs: list[Run]) -> list[float]:
    return [r.wall for r in runs]


def warm_up(work: Path, plan: Plan) -> None:
    """One unmeasured build of a small archive before anything is timed.

    In a fresh clone the first ``randnotiz build`` also compiles the package's
    bytecode, which every later build reuses: 0.05 to 0.1 s, a twentieth of the
    generation step at 250 articles. MkDocs and its theme were compiled when
    they were installed.
    """
    project = work / "warm-up"
    make_corpus(project, SizeSpec(20, 40, plan.seed))
    run(["randnotiz", "build"], project)
    run(["mkdocs", "build", "--strict"], project)


def bench_size(n: int, plan: Plan, work: Path) -> dict:
    folder = work / f"n{n}"
    project, floor = folder / "project", folder / "floor"
    started = time.perf_counter()
    synthetic = make_corpus(project, SizeSpec(n, 2 * n, plan.seed))
    corpus_seconds = time.perf_counter() - started
    with_floor = n <= plan.floor_max

    generation: list[Run] = []
    mkdocs: list[Run] = []
    floors: list[Run] = []
    trash = work / "trash"
    for rep in range(plan.repeat):
        reset_docs(project, trash)
        generation.append(run(["randnotiz", "build"], project))
        line = f"  N={n} rep {rep + 1}/{plan.repeat}: generation {generation[-1].wall:.1f} s"
        if rep < plan.mkdocs_repeat(n):
            set_aside(project / "site", trash)
            mkdocs.append(run(["mkdocs", "build", "--strict"], project))
            line += f", mkdocs {mkdocs[-1].wall:.1f} s"
            if with_floor:
                if rep == 0:
                    write_project(floor, with_hook=False)
                    shutil.rmtree(floor / "docs")
                    plain_pages(project / "docs", floor / "docs", floor_text)
                set_aside(floor / "site", trash)
                floors.append(floor_build(floor))
                line += f", floor {floors[-1].wall:.1f} s"
        print(line, file=sys.stderr)

    print(f"  N={n}: corpus generated in {corpus_seconds:.1f} s", file=sys.stderr)
    docs = project / "docs"
    markdown = list(docs.rglob("*.md"))
    sources = read_sources(load_project(project)[0])
    texts = [b.text for a in sources.articles for b in a.blocks if b.kind in LINKED_BLOCKS]
    kb = sources.knowledge
    profiles = len(kb.people) + len(kb.organizations)
    search = measure(project / "site", texts, len(sources.articles), profiles)
    browser = (
        browser_figures(folder, project, synthetic, material=True)
        if n in plan.browser_sizes
        else None
    )
    floor_index = measure(floor / "site", [], 0, 0) if with_floor else None

    before = snapshot(docs)
    nothing = run(["randnotiz", "build"], project)
    unchanged_writes = changed(before, snapshot(docs))

    entity, _ = change_summary(synthetic)
    before = snapshot(docs)
    one = run(["randnotiz", "build"], project)
    summary_writes = changed(before, snapshot(docs))
    shown = pages_showing(docs, TOKEN)
    print(
        f"  N={n}: rebuilds {nothing.wall:.1f} s (nothing changed, {len(unchanged_writes)} "
        f"written), {one.wall:.1f} s (one summary, {len(summary_writes)} written)",
        file=sys.stderr,
    )

    mkdocs_seconds = median(_walls(mkdocs))
    generation_seconds = median(_walls(generation))
    return {
        "articles": len(sources.articles),
        "generated_entities": synthetic.entity_count,
        "entities": len(kb.entities),
        "pages": len(markdown),
        "docs_bytes": sum(p.stat().st_size for p in docs.rglob("*") if p.is_file()),
        "corpus_seconds": corpus_seconds,
        "generation_seconds": generation_seconds,
        "generation_cpu_seconds": median(r.cpu for r in generation),
        "generation_peak_mb": max(r.peak_mb for r in generation),
        "mkdocs_seconds": mkdocs_seconds,
        "mkdocs_peak_mb": max(r.peak_mb for r in mkdocs),
        "floor_seconds": median(_walls(floors)) if floors else None,
        "whole_seconds": generation_seconds + mkdocs_seconds,
        "runs": {
            "generation": _walls(generation),
            "mkdocs": _walls(mkdocs),
            "floor": _walls(floors),
        },
        "text": text_figures(list(sources.articles)),
        "browser": browser,
        "rebuild_unchanged_seconds": nothing.wall,
        "rebuild_unchanged_written": unchanged_writes,
        "summary_entity": entity,
        "summary_seconds": one.wall,
        "summary_written": summary_writes,
        "summary_shown": shown,
        "search": asdict(search)
        | {
            "bytes_per_article": search.bytes_per_article,
            "duplicated_share": search.duplicated_share,
            "floor_index_bytes": floor_index.index_bytes if floor_index else None,
        },
    }


def bench_linker(work: Path, plan: Plan) -> dict:
    """The linkers on a sample of the archive whose M is nearest ``plan.linker_entities``."""
    n = min(plan.sizes, key=lambda s: abs(2 * s - plan.linker_entities))
    sources = read_sources(load_project(work / f"n{n}" / "project")[0])
    step = max(1, len(sources.articles) // plan.linker_articles)
    sample = list(sources.articles[::step][: plan.linker_articles])
    figures: LinkerFigures = compare(sources.knowledge, sample, plan.repeat)
    return asdict(figures) | {"speedup": figures.speedup}


def ratios(results: dict, targets: Targets) -> dict:
    sizes = results["sizes"]
    by_n = {s["articles"]: s for s in sizes}
    out: dict = {
        "generation_share": {
            n: s["generation_seconds"] / s["mkdocs_seconds"] for n, s in by_n.items()
        },
        "mkdocs_over_floor": {
            n: s["mkdocs_seconds"] / s["floor_seconds"]
            for n, s in by_n.items()
            if s["floor_seconds"]
        },
        "doubling": {},
        "linker_speedup": results["linker"]["speedup"],
    }
    for n, s in by_n.items():
        if 2 * n in by_n:
            d = by_n[2 * n]
            out["doubling"][f"{2 * n}/{n}"] = {
                "generation": d["generation_seconds"] / s["generation_seconds"],
                "mkdocs": d["mkdocs_seconds"] / s["mkdocs_seconds"],
                "whole": d["whole_seconds"] / s["whole_seconds"],
                "generation_peak_mb": d["generation_peak_mb"] / s["generation_peak_mb"],
            }
    last = list(out["doubling"].values())[-1] if out["doubling"] else None
    share, floor = out["generation_share"].values(), out["mkdocs_over_floor"].values()
    out["met"] = {
        "generation_share": all(v <= targets.generation_share for v in share),
        "mkdocs_over_floor": all(v <= targets.mkdocs_over_floor for v in floor),
        "doubling_generation": last is None or last["generation"] <= targets.doubling,
        "doubling_whole": last is None or last["whole"] <= targets.doubling,
        "linker_speedup": out["linker_speedup"] >= targets.linker_speedup,
        "unchanged_rebuild_writes_nothing": all(not s["rebuild_unchanged_written"] for s in sizes),
        "summary_change_writes_the_pages_showing_it": all(
            s["summary_written"] == s["summary_shown"] for s in sizes
        ),
        "no_article_sentence_indexed_twice": all(
            s["search"]["article_sentences_on_profiles"] == 0 for s in sizes
        ),
        "generated_text_packs_no_better_than_the_shipped": all(
            s["text"]["generated_article_gzip_ratio"] >= s["text"]["shipped_gzip_ratio"]
            for s in sizes
        ),
    }
    browsed = [s["browser"]["pagefind"] for s in sizes if s.get("browser")]
    if browsed:
        out["met"] |= payload_targets(browsed, targets)
    return out


def payload_targets(payloads: list[dict], targets: Targets) -> dict[str, bool]:
    return {
        "no_index_before_the_search_opens": all(
            p["index_bytes_before_open"] == 0 for p in payloads
        ),
        "first_query_within_300_kb": all(
            p["first_query_bytes"] <= targets.first_query_bytes for p in payloads
        ),
        "first_query_within_150_kb": all(
            p["first_query_bytes"] <= targets.first_query_bytes_aim for p in payloads
        ),
        "second_query_within_50_kb": all(
            p["second_query_bytes"] <= targets.second_query_bytes for p in payloads
        ),
    }


def payload_lines(label: str, browser: dict) -> list[str]:
    lines = []
    for name in ("pagefind", "material"):
        p = browser.get(name)
        if not p:
            continue
        lines.append(
            f"{label} {name:>8}: page {p['page_bytes'] / 1024:.0f} KB, index before opening "
            f"{p['index_bytes_before_open'] / 1024:.0f} KB; first query {p['first_query']!r} "
            f"{p['first_query_bytes'] / 1024:.0f} KB cold (program with the page "
            f"{p['program_bytes_with_page'] / 1024:.0f} KB), {p['first_result_ms']:.0f} ms to "
            f"the first result; second query {p['second_query']!r} "
            f"{p['second_query_bytes'] / 1024:.0f} KB, {p['second_result_ms']:.0f} ms"
        )
    return lines


def _cell(value: float | None, fmt: str, width: int) -> str:
    return f"{'-':>{width}}" if value is None else f"{value:>{width}{fmt}}"


def table(results: dict) -> str:
    head = (
        f"{'N':>5} {'M':>5} {'pages':>6} {'gen s':>7} {'peak MB':>8} {'mkdocs s':>9} "
        f"{'floor s':>8} {'mk/floor':>8} {'gen/mk':>7} {'whole s':>8} {'idx KB/art':>10} "
        f"{'no-op':>6} {'1 summary':>10}"
    )
    lines = [head, "-" * len(head)]
    for s in results["sizes"]:
        floor = s["floor_seconds"]
        lines.append(
            f"{s['articles']:>5} {s['generated_entities']:>5} {s['pages']:>6} "
            f"{s['generation_seconds']:>7.2f} {s['generation_peak_mb']:>8.0f} "
            f"{s['mkdocs_seconds']:>9.2f} {_cell(floor, '.2f', 8)} "
            f"{_cell(floor and s['mkdocs_seconds'] / floor, '.2f', 8)} "
            f"{s['generation_seconds'] / s['mkdocs_seconds']:>7.1%} {s['whole_seconds']:>8.2f} "
            f"{s['search']['bytes_per_article'] / 1024:>10.1f} "
            f"{len(s['rebuild_unchanged_written']):>6} "
            f"{len(s['summary_written']):>4}/{len(s['summary_shown']):<5}"
        )
    r = results["ratios"]
    lk = results["linker"]
    lines += [
        "",
        "medians of wall time; whole = randnotiz build + mkdocs build "
        "(whose hook finds docs/ current)",
        "no-op: files a rebuild with nothing changed wrote; "
        "1 summary: files written / pages that show the changed summary",
        "runs per size: " + ", ".join(
            f"{s['articles']}: {len(s['runs']['generation'])}/{len(s['runs']['mkdocs'])}/"
            f"{len(s['runs']['floor'])}"
            for s in results["sizes"]
        ) + " (generation/mkdocs/floor)",
        "",
    ]
    for pair, d in r["doubling"].items():
        lines.append(
            f"time({pair}): generation {d['generation']:.2f}, mkdocs {d['mkdocs']:.2f}, "
            f"whole {d['whole']:.2f}, peak memory {d['generation_peak_mb']:.2f}"
        )
    lines.append(
        f"linker at M={lk['entities']} ({lk['aliases']} aliases), {lk['articles']} articles, "
        f"{lk['characters']:,} characters: trie {lk['linker_seconds']:.3f} s "
        f"(index {lk['index_seconds']:.3f} s), one regex per alias {lk['naive_seconds']:.2f} s "
        f"(compile {lk['compile_seconds']:.2f} s): {lk['speedup']:.0f}x faster"
    )
    for s in results["sizes"]:
        q = s["search"]
        floor = q["floor_index_bytes"]
        lines.append(
            f"search index N={s['articles']}: {q['index_bytes'] / 1e6:.1f} MB "
            f"in {q['index_files']} files (gzipped; largest "
            f"{q['largest_file_bytes'] / 1024:.0f} KB), "
            f"{q['bytes_per_article'] / 1024:.1f} KB per article"
            + (f" (floor {floor / 1e6:.1f} MB)" if floor else "")
            + f"; {q['duplicated_share']:.1%} of its text repeated by the site on another page; "
            f"{q['article_sentences_on_profiles']} article sentences on profiles; "
            f"{q['profiles_indexed']}/{q['profiles']} profiles and "
            f"{q['articles_indexed']}/{q['articles']} articles searchable"
        )
    if "serve" in results:
        lines += ["", *serve_table(results["serve"])]
    for s in results["sizes"]:
        t = s["text"]
        if t["generated_gzip_ratio"] is not None:
            lines.append(
                f"text N={s['articles']}: gzip to {t['generated_gzip_ratio']:.1%} "
                f"(each article {t['generated_article_gzip_ratio']:.1%}), the shipped "
                f"article to {t['shipped_gzip_ratio']:.1%}; "
                f"{t['generated_distinct_words']:,} different words"
            )
        if s.get("browser"):
            lines += payload_lines(f"search N={s['articles']}", s["browser"])
    lines.append("")
    for name, ok in r["met"].items():
        lines.append(f"{'met   ' if ok else 'MISSED'} {name}")
    return "\n".join(lines)


def parse_args(argv: list[str] | None) -> tuple[Plan, Path, Path | None, int | None]:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--sizes", default=",".join(map(str, DEFAULT_SIZES)), help="article counts N")
    p.add_argument("--repeat", type=int, default=3, help="repetitions (medians)")
    p.add_argument("--mkdocs-repeat-max", type=int, default=500, help="largest N built repeatedly")
    p.add_argument("--floor-max", type=int, default=1000, help="largest N with a floor build")
    p.add_argument("--quick", action="store_true", help="sizes 250,500 and one repetition")
    p.add_argument("--serve", type=int, default=1000, help="N for the serve scenario (0: none)")
    p.add_argument("--serve-edits", type=int, default=5, help="saves of each kind there")
    p.add_argument("--linker-entities", type=int, default=2000, help="M for the linker comparison")
    p.add_argument("--linker-articles", type=int, default=100, help="articles the linkers read")
    p.add_argument("--seed", type=int, default=2025)
    p.add_argument(
        "--browser-sizes",
        default="1000",
        help="sizes at which search runs in Chromium, beside Material's (comma-separated)",
    )
    p.add_argument(
        "--search-only",
        type=int,
        metavar="N",
        help="only the search at N articles (e.g. 10000): build, index, payload; run once",
    )
    p.add_argument("--out", type=Path, default=REPO / ".artifacts" / "bench.json")
    p.add_argument("--keep", type=Path, help="build in this folder and keep it")
    args = p.parse_args(argv)
    if args.quick:
        args.sizes, args.repeat = "250,500", 1
    plan = Plan(
        sizes=tuple(int(s) for s in args.sizes.split(",")),
        repeat=args.repeat,
        mkdocs_repeat_max=args.mkdocs_repeat_max,
        floor_max=args.floor_max,
        linker_entities=args.linker_entities,
        linker_articles=args.linker_articles,
        seed=args.seed,
        serve_articles=args.serve,
        serve_edits=args.serve_edits,
        browser_sizes=tuple(int(s) for s in args.browser_sizes.split(",") if s),
    )
    return plan, args.out, args.keep, args.search_only


def bench_search_only(n: int, plan: Plan, work: Path, out: Path) -> int:
    """``--search-only N``: one build of N articles, its search index and its payload."""
    folder = work / f"n{n}"
    project = folder / "project"
    started = time.perf_counter()
    # N entries, not 2 N: at 10,000 articles twice as many people would make people.yml
    # larger than the 5 MB the build reads.
    synthetic = make_corpus(project, SizeSpec(n, n, plan.seed))
    print(f"N={n}: corpus in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    generation = run(["randnotiz", "build"], project)
    print(f"  generation {generation.wall:.0f} s", file=sys.stderr)
    built = run(["mkdocs", "build", "--strict"], project)
    if built.returncode:
        raise SystemExit(built.stderr[-3000:])
    print(f"  mkdocs build with the search index {built.wall:.0f} s", file=sys.stderr)
    indexed = run(["randnotiz", "search-index", "site"], project)
    print(f"  search index alone {indexed.wall:.1f} s", file=sys.stderr)
    sources = read_sources(load_project(project)[0])
    texts = [b.text for a in sources.articles for b in a.blocks if b.kind in LINKED_BLOCKS]
    kb = sources.knowledge
    profiles = len(kb.people) + len(kb.organizations)
    search = measure(project / "site", texts, len(sources.articles), profiles)
    browser = browser_figures(folder, project, synthetic, material=False)
    results = {
        "articles": len(sources.articles),
        "generation_seconds": generation.wall,
        "mkdocs_seconds": built.wall,
        "mkdocs_peak_mb": built.peak_mb,
        "index_seconds": indexed.wall,
        "index_peak_mb": indexed.peak_mb,
        "search": asdict(search) | {"bytes_per_article": search.bytes_per_article},
        "text": text_figures(list(sources.articles)),
        "browser": browser,
    }
    results["met"] = payload_targets([browser["pagefind"]], Targets())
    target = out.with_name(f"{out.stem}-search-{n}{out.suffix}")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8")
    print(
        f"search at N={n}: indexing {indexed.wall:.1f} s (peak {indexed.peak_mb:.0f} MB); index "
        f"{search.index_bytes / 1e6:.1f} MB in {search.index_files} files, largest "
        f"{search.largest_file_bytes / 1024:.0f} KB"
    )
    print("\n".join(payload_lines(f"search N={n}", browser)))
    for name, ok in results["met"].items():
        print(f"{'met   ' if ok else 'MISSED'} {name}")
    print(f"figures in {target}")
    return 0


def main(argv: list[str] | None = None) -> int:
    plan, out, keep, search_only = parse_args(argv)
    work = keep or Path(tempfile.mkdtemp(prefix="randnotiz-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    if search_only:
        try:
            return bench_search_only(search_only, plan, work, out)
        finally:
            if keep is None:
                shutil.rmtree(work, ignore_errors=True)
    started = time.perf_counter()
    results: dict = {
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "platform": platform.platform(),
        },
        "plan": asdict(plan),
        "sizes": [],
    }
    try:
        print("warm-up", file=sys.stderr)
        warm_up(work, plan)
        for n in plan.sizes:
            print(f"N={n}, M={2 * n}", file=sys.stderr)
            results["sizes"].append(bench_size(n, plan, work))
        print("linker", file=sys.stderr)
        results["linker"] = bench_linker(work, plan)
        if plan.serve_articles:
            print(f"serve, N={plan.serve_articles}", file=sys.stderr)
            results["serve"] = bench_serve(plan.serve_articles, plan.serve_edits, work, plan.seed)
    finally:
        shutil.rmtree(work if keep is None else work / "trash", ignore_errors=True)
    results["ratios"] = ratios(results, Targets())
    results["targets"] = asdict(Targets())
    results["seconds"] = time.perf_counter() - started
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8")
    print(table(results))
    print(f"\n{results['seconds']:.0f} s in all; figures in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
