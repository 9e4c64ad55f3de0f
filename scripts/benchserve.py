"""The editor's loop: from a save to the served page showing it, in ``mkdocs serve``.

In a generated archive (see ``benchcorpus``), ``randnotiz build`` runs once
(as ``make serve`` does), then ``mkdocs serve`` starts and the scenario saves
files the way an editor does and polls the served pages until they show the
change:

- a person's summary in ``people.yml``: their profile and an article naming
  them (the hover text) show the new summary;
- a paragraph of one seed: that article shows it;
- a new seed: its page, its line on ``/artikel/`` and on the home page;
- that seed deleted: its page answers 404, and ``/artikel/`` and the home page
  no longer link to it.

At the end, untimed, a title changes and ``people.yml`` is broken and repaired;
then every file of a fresh build of the same sources is fetched from the server
and compared with what the build wrote.

Each time is from just before the save until the last page shows it, polled
every 50 ms. After each save the scenario waits until the server is idle and
counts the builds the save started (the target is one). Search follows in the
background: for every save it also times until the served search index is
replaced (``/pagefind/pagefind-entry.json`` changes; each index names its
files anew), and before the next save it waits until the index is up to date,
so each save starts from a quiet server.

    .venv/bin/python scripts/benchserve.py --articles 200 --edits 3
"""

from __future__ import annotations

import argparse
import gzip
import html
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from benchcorpus import SizeSpec, Synthetic, make_corpus
from benchprocess import BIN, run

from randnotiz.config import load_project
from randnotiz.model import Article
from randnotiz.read import read_sources
from randnotiz.search_later import UP_TO_DATE
from randnotiz.serve import hand_written

POLL = 0.05
TIMEOUT = 120.0
#: Search follows in the background, at a lower priority: on a busy machine it takes long.
SEARCH_TIMEOUT = 900.0
BUILD_LINE = "Building documentation"
IDLE = "Reloading browsers"
#: What ``mkdocs serve`` adds to every page it serves.
LIVERELOAD = re.compile(rb"<script>\s*var livereload = .*?</script>(?=</body>)", re.S)


@dataclass
class Timings:
    """Seconds from a save to the pages showing it, per kind of save."""

    summary: list[float] = field(default_factory=list)
    paragraph: list[float] = field(default_factory=list)
    new_seed: list[float] = field(default_factory=list)
    deleted_seed: list[float] = field(default_factory=list)
    search: list[float] = field(default_factory=list)
    builds_per_save: list[int] = field(default_factory=list)

    def figures(self) -> dict:
        out: dict = {}
        for name in ("summary", "paragraph", "new_seed", "deleted_seed", "search"):
            values = getattr(self, name)
            out[name] = {
                "median": statistics.median(values) if values else None,
                "worst": max(values) if values else None,
                "runs": values,
            }
        out["builds_per_save"] = self.builds_per_save
        return out


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    """``mkdocs serve`` in ``root``, its output in a log file."""

    def __init__(self, root: Path) -> None:
        self.port = free_port()
        # The address it serves at, in mkdocs.yml, where the generation step reads it
        # too: a fresh build of the same sources then gives the same pages.
        config = root / "mkdocs.yml"
        line = f"site_url: {self.address}"
        text, found = re.subn(r"(?m)^site_url:.*$", line, config.read_text(encoding="utf-8"))
        config.write_text(text if found else f"{text}\n{line}\n", encoding="utf-8")
        self.log = root / "serve.log"
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONUNBUFFERED="1")
        self.entry_before = ""
        self.saved_at = 0.0
        self.process = subprocess.Popen(
            [str(BIN / "mkdocs"), "serve", "--livereload", "-a", f"127.0.0.1:{self.port}"],
            cwd=root,
            env=env,
            stdout=self.log.open("w"),
            stderr=subprocess.STDOUT,
        )

    @property
    def address(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def get(self, path: str) -> tuple[int, str]:
        url = f"http://127.0.0.1:{self.port}{path}"
        try:
            with urllib.request.urlopen(url, timeout=TIMEOUT) as response:
                return response.status, response.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as failed:
            return failed.code, ""

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def builds(self) -> int:
        return self.output().count(BUILD_LINE)

    def searchable(self) -> bool:
        """Whether the search index of the last build is written."""
        output = self.output()
        return output.rfind(UP_TO_DATE) > output.rfind(BUILD_LINE)

    def search_entry(self) -> str:
        status, body = self.get("/pagefind/pagefind-entry.json")
        return body if status == 200 else ""

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)


def until(
    condition: Callable[[], bool], what: str, server: Server, timeout: float = TIMEOUT
) -> float:
    """Seconds until ``condition()`` holds, polled every ``POLL`` seconds."""
    start = time.perf_counter()
    while True:
        try:
            if condition():
                return time.perf_counter() - start
        except (OSError, urllib.error.URLError):
            pass
        if time.perf_counter() - start > timeout:
            raise TimeoutError(
                f"{what}: not shown after {timeout:.0f} s\n{server.output()[-3000:]}"
            )
        time.sleep(POLL)


def settle(server: Server, quiet: float = 2.0) -> int:
    """Wait until no build has started for ``quiet`` seconds; the number of builds so far."""
    count, since = server.builds(), time.perf_counter()
    while time.perf_counter() - since < quiet:
        time.sleep(0.1)
        now = server.builds()
        if now != count:
            count, since = now, time.perf_counter()
    return count


def timed_save(server: Server, timings: Timings, save: Callable[[], None]) -> float:
    """Save, return the moment of saving; the build count is checked by ``counted``."""
    before = settle(server)
    until(server.searchable, "search index of the last save", server, timeout=SEARCH_TIMEOUT)
    server.entry_before = server.search_entry()
    start = time.perf_counter()
    save()
    server.saved_at = start
    timings.builds_per_save.append(-before)  # completed by counted()
    return start


def counted(server: Server, timings: Timings) -> None:
    """After the pages show a save: the time until search has it too, and the builds."""
    until(
        lambda: server.search_entry() not in ("", server.entry_before),
        "search index",
        server,
        timeout=SEARCH_TIMEOUT,
    )
    timings.search.append(time.perf_counter() - server.saved_at)
    timings.builds_per_save[-1] += settle(server)


def say(what: str, n: int, times: list[float], timings: Timings) -> None:
    search = timings.search[-1]
    print(f"  {what} {n + 1}: {times[-1]:.2f} s, search {search:.2f} s", file=sys.stderr)


def replace_summary(people: Path, person_name: str, new: str) -> None:
    text = people.read_text(encoding="utf-8")
    start = text.index(f"- name: {person_name}\n")
    line_start = text.index("  summary: ", start)
    line_end = text.index("\n", line_start)
    line = f"  summary: {json.dumps(new, ensure_ascii=False)}"
    people.write_text(text[:line_start] + line + text[line_end:], encoding="utf-8")


def scenario(synthetic: Synthetic, edits: int, timings: Timings, work: Path) -> dict:
    """The timed saves, then the last saves and the comparison with a fresh build."""
    root = synthetic.root
    sources = read_sources(load_project(root)[0])
    by_stem = {Path(a.source).stem: a for a in sources.articles}
    used = sorted(
        (p for p in synthetic.people if synthetic.uses.get(p.id)),
        key=lambda p: (len(synthetic.uses[p.id]), p.id),
    )
    people = used[len(used) // 2 :][:edits]
    server = Server(root)
    try:
        until(lambda: server.get("/")[0] == 200, "first build", server, timeout=1800)
        settle(server)
        for n, person in enumerate(people):
            token = f"Zwischenstand{n}x"
            article = by_stem[synthetic.uses[person.id][0]]
            pages = (f"/personen/{person.id}/", f"/artikel/{article.id}/")
            start = timed_save(
                server,
                timings,
                lambda p=person, t=token: replace_summary(
                    root / "annotations" / "people.yml", p.name, f"{t}: Neu gefasst."
                ),
            )
            until(
                lambda ps=pages, t=token: all(t in server.get(p)[1] for p in ps), "summary", server
            )
            timings.summary.append(time.perf_counter() - start)
            counted(server, timings)
            say("summary", n, timings.summary, timings)

        for n, article in enumerate(list(by_stem.values())[1 : edits + 1]):
            token = f"Absatzprobe{n}x"
            seed = root / article.source
            text = seed.read_text(encoding="utf-8")
            paragraph = max(text.split("\n\n"), key=len)
            start = timed_save(
                server,
                timings,
                lambda s=seed, t=text, p=paragraph, k=token: s.write_text(
                    t.replace(p, f"{p} {k} endet hier.", 1), encoding="utf-8"
                ),
            )
            page = f"/artikel/{article.id}/"
            until(lambda pg=page, t=token: t in server.get(pg)[1], "paragraph", server)
            timings.paragraph.append(time.perf_counter() - start)
            counted(server, timings)
            say("paragraph", n, timings.paragraph, timings)

        template = next(iter(by_stem.values()))
        template_text = (root / template.source).read_text(encoding="utf-8")
        for n in range(edits):
            title = f"Neuer Testartikel Nummer {n} über die Lage"
            slug = f"neuer-testartikel-nummer-{n}-ueber-die-lage"
            seed = root / "seeds" / f"2099-01-0{1 + n % 9}-neu-{n}.txt"
            text = re.sub(re.escape(template.title), title, template_text, count=1)
            text = f"{1 + n % 9}. Januar 2099" + text[text.index("\n\n") :]
            start = timed_save(server, timings, lambda s=seed, t=text: s.write_text(t, "utf-8"))
            until(
                lambda s=slug: (
                    server.get(f"/artikel/{s}/")[0] == 200
                    and all(f"{s}/" in server.get(p)[1] for p in ("/artikel/", "/"))
                ),
                "new seed",
                server,
            )
            timings.new_seed.append(time.perf_counter() - start)
            counted(server, timings)
            say("new seed", n, timings.new_seed, timings)

            start = timed_save(server, timings, seed.unlink)
            until(
                lambda s=slug: (
                    server.get(f"/artikel/{s}/")[0] == 404
                    and not any(f"{s}/" in server.get(p)[1] for p in ("/artikel/", "/"))
                ),
                "deleted seed",
                server,
            )
            timings.deleted_seed.append(time.perf_counter() - start)
            counted(server, timings)
            say("deleted seed", n, timings.deleted_seed, timings)
        last_saves(server, root, template)
        return served_as_built(server, root, work)
    finally:
        server.stop()


def last_saves(server: Server, root: Path, article: Article) -> None:
    """Untimed, before the comparison: a title changed, a broken YAML file and its repair."""
    seed = root / article.source
    text = seed.read_text(encoding="utf-8")
    title = f"{article.title} – neu betitelt"
    seed.write_text(text.replace(article.title, title, 1), encoding="utf-8")
    listed = html.escape(title, quote=False)
    until(lambda: listed in server.get("/artikel/")[1], "new title", server)
    settle(server)
    people = root / "annotations" / "people.yml"
    kept = people.read_text(encoding="utf-8")
    people.write_text(kept + "- name: [kaputt\n", encoding="utf-8")
    until(lambda: "docs/ left unchanged" in server.output(), "broken YAML", server)
    settle(server)
    people.write_text(kept, encoding="utf-8")
    settle(server)


def served_as_built(server: Server, root: Path, work: Path) -> dict:
    """Every file of a fresh ``randnotiz build`` and ``mkdocs build`` of the same sources,
    fetched from the server: how many are served byte for byte as built.

    The live-reload script ``mkdocs serve`` adds to pages is left out of the comparison.
    """
    until(server.searchable, "search index", server, timeout=SEARCH_TIMEOUT)
    fresh = work / "fresh"
    shutil.rmtree(fresh, ignore_errors=True)
    for name in ("seeds", "annotations"):
        shutil.copytree(root / name, fresh / name)
    docs = root / "docs"
    for path in hand_written(docs):
        target = fresh / "docs" / path.relative_to(docs)
        if path.is_dir():
            shutil.copytree(path, target)
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, target)
    shutil.copy2(root / "mkdocs.yml", fresh / "mkdocs.yml")
    run(["randnotiz", "build"], fresh)
    run(["mkdocs", "build", "--strict"], fresh)
    site = fresh / "site"
    differing = []
    built = sorted(p for p in site.rglob("*") if p.is_file())
    for path in built:
        name = path.relative_to(site).as_posix()
        with urllib.request.urlopen(f"{server.address}{name}", timeout=TIMEOUT) as response:
            served = response.read()
        expected = path.read_bytes()
        if name.endswith(".html"):
            served = LIVERELOAD.sub(b"", served)
        if name.endswith(".gz"):
            served, expected = gzip.decompress(served), gzip.decompress(expected)
        if served != expected:
            differing.append(name)
    return {"files": len(built), "differing": differing}


def bench_serve(articles: int, edits: int, work: Path, seed: int = 2025) -> dict:
    project = work / f"serve-{articles}"
    synthetic = make_corpus(project, SizeSpec(articles, 2 * articles, seed))
    run(["randnotiz", "build"], project)
    timings = Timings()
    compared = scenario(synthetic, edits, timings, work)
    return {
        "articles": articles,
        "entities": 2 * articles,
        "edits": edits,
        "served_as_built": compared,
    } | timings.figures()


def serve_table(figures: dict) -> list[str]:
    """The serve scenario's figures as lines of the benchmark's report."""
    lines = [
        f"mkdocs serve at {figures['articles']:,} articles, {figures['entities']:,} entries "
        f"({figures['edits']} saves of each kind; seconds from the save to the pages showing it):"
    ]
    for name, what in (
        ("summary", "summary in people.yml: profile and an article's hover text"),
        ("paragraph", "paragraph of a seed: the article"),
        ("new_seed", "new seed: its page, /artikel/ and the home page"),
        ("deleted_seed", "deleted seed: 404, gone from /artikel/ and the home page"),
        ("search", "every save: the served search index replaced"),
    ):
        f = figures[name]
        lines.append(f"  {what}: median {f['median']:.1f}, worst {f['worst']:.1f}")
    builds = figures["builds_per_save"]
    lines.append(f"  builds per save: {min(builds)} to {max(builds)} over {len(builds)} saves")
    compared = figures["served_as_built"]
    same = compared["files"] - len(compared["differing"])
    lines.append(
        f"  after every save, a title changed, a broken YAML file and its repair: "
        f"{same:,} of {compared['files']:,} files served as a fresh build makes them"
    )
    lines += [f"    differs: {name}" for name in compared["differing"][:20]]
    return lines


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--articles", type=int, default=1000)
    p.add_argument("--edits", type=int, default=5, help="saves of each kind")
    p.add_argument("--keep", type=Path, help="work in this folder and keep it")
    args = p.parse_args(argv)
    work = args.keep or Path(tempfile.mkdtemp(prefix="randnotiz-serve-"))
    try:
        figures = bench_serve(args.articles, args.edits, work)
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    print(json.dumps(figures, indent=2))
    print("\n".join(serve_table(figures)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
