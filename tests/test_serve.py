"""`mkdocs serve` as an editor uses it: edits show up, mistakes keep the last good site."""

from __future__ import annotations

import gzip
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import yaml

from randnotiz.search_later import UP_TO_DATE

from .conftest import build_site, make_project

pytestmark = pytest.mark.slow

SEED = "2025-07-29\n\nEin Titel\n\nAda Lovelace schreibt.\n"
PEOPLE = "- name: Ada Lovelace\n  summary: {summary}\n"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def wait_for(condition: Callable[[], bool], timeout: float = 30) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if condition():
                return True
        except OSError:
            pass
        time.sleep(0.2)
    return False


class Server:
    def __init__(self, root: Path) -> None:
        self.port = free_port()
        # Served where mkdocs.yml says, so that its pages match those of a build.
        config = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
        config["site_url"] = f"http://127.0.0.1:{self.port}/"
        (root / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
        self.log = root / "serve.log"
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONUNBUFFERED="1")
        mkdocs = Path(sys.executable).parent / "mkdocs"
        self.process = subprocess.Popen(
            [str(mkdocs), "serve", "--livereload", "-a", f"127.0.0.1:{self.port}"],
            cwd=root,
            env=env,
            stdout=self.log.open("w"),
            stderr=subprocess.STDOUT,
        )

    def page(self, path: str) -> str:
        return fetch(f"http://127.0.0.1:{self.port}{path}")

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def builds(self) -> int:
        return self.output().count("Building documentation")

    def searchable(self) -> bool:
        """Whether the search index of the last build is written (it follows in the background)."""
        output = self.output()
        return output.rfind(UP_TO_DATE) > output.rfind("Building documentation")


@contextmanager
def serving(folder: Path) -> Iterator[tuple[Server, Path]]:
    """`mkdocs serve` of a one-article project in ``folder``, once its first page is up."""
    root = make_project(
        folder,
        seeds={"a.txt": SEED},
        annotations={"people.yml": PEOPLE.format(summary="Erste Fassung.")},
    )
    srv = Server(root)
    try:
        assert wait_for(lambda: "Erste Fassung." in srv.page("/personen/ada-lovelace/")), (
            srv.output()
        )
        yield srv, root
    finally:
        srv.process.terminate()
        srv.process.wait(timeout=10)


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[Server, Path]]:
    with serving(tmp_path / "p") as started:
        yield started


def test_edit_shows_up_mistake_keeps_last_good_page_and_recovers(
    server: tuple[Server, Path],
) -> None:
    srv, root = server
    people = root / "annotations" / "people.yml"
    assert "Watching paths for changes" in srv.output()
    assert "'seeds'" in srv.output() and "'annotations'" in srv.output()

    people.write_text(PEOPLE.format(summary="Zweite Fassung."), encoding="utf-8")
    assert wait_for(lambda: "Zweite Fassung." in srv.page("/personen/ada-lovelace/")), srv.output()

    people.write_text("- name: Ada Lovelace\n  summary: [kaputt\n", encoding="utf-8")
    assert wait_for(lambda: "docs/ left unchanged" in srv.output()), srv.output()
    assert "annotations/people.yml:2:12: error: YAML syntax error" in srv.output()
    assert "Traceback" not in srv.output()
    assert "Zweite Fassung." in srv.page("/personen/ada-lovelace/")

    people.write_text(PEOPLE.format(summary="Dritte Fassung."), encoding="utf-8")
    assert wait_for(lambda: "Dritte Fassung." in srv.page("/personen/ada-lovelace/")), srv.output()


def settled(srv: Server, quiet: float = 2.0) -> int:
    """The number of builds once none has started for ``quiet`` seconds."""
    count, since = srv.builds(), time.monotonic()
    while time.monotonic() - since < quiet:
        time.sleep(0.1)
        if srv.builds() != count:
            count, since = srv.builds(), time.monotonic()
    return count


def test_one_save_one_build(server: tuple[Server, Path]) -> None:
    srv, root = server
    output = srv.output()
    assert "'seeds'" in output and "'annotations'" in output and "'docs/stylesheets'" in output
    assert "Watching paths for changes: 'docs'" not in output  # the generated pages are not
    for word in ("rechnet", "zeichnet", "schreibt"):
        before = settled(srv)
        (root / "seeds" / "a.txt").write_text(SEED.replace("schreibt", word), encoding="utf-8")
        assert wait_for(lambda w=word: w in srv.page("/artikel/ein-titel/")), srv.output()
        assert settled(srv) == before + 1, srv.output()
    assert "Aborted" not in srv.output() and "dirty" not in srv.output()


def test_a_hand_written_style_sheet_reloads(server: tuple[Server, Path]) -> None:
    srv, root = server
    css = root / "docs" / "stylesheets" / "randnotiz.css"
    css.write_text(css.read_text(encoding="utf-8") + "\n/* geaendert */\n", encoding="utf-8")
    assert wait_for(lambda: "geaendert" in srv.page("/stylesheets/randnotiz.css")), srv.output()


def test_a_deleted_seed_answers_404_and_nothing_links_to_it(server: tuple[Server, Path]) -> None:
    srv, root = server
    (root / "seeds" / "b.txt").write_text(SEED.replace("Ein Titel", "Zweiter Titel"), "utf-8")
    assert wait_for(lambda: "zweiter-titel/" in srv.page("/artikel/")), srv.output()
    assert "zweiter-titel/" in srv.page("/")
    (root / "seeds" / "b.txt").unlink()
    assert wait_for(lambda: status(srv, "/artikel/zweiter-titel/") == 404), srv.output()
    for page in ("/", "/artikel/", "/personen/ada-lovelace/", "/artikel/ein-titel/"):
        assert "zweiter-titel" not in srv.page(page), page


def status(srv: Server, path: str) -> int:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{srv.port}{path}", timeout=5) as r:
            return int(r.status)
    except urllib.error.HTTPError as failed:
        return failed.code


LIVERELOAD = re.compile(rb"<script>\s*var livereload = .*?</script>(?=</body>)", re.S)


def test_after_many_saves_every_page_is_a_fresh_builds(tmp_path: Path) -> None:
    """Edits, a new and a deleted seed, a new title, a broken YAML file and its repair:
    then every file of a fresh ``randnotiz build`` and ``mkdocs build`` is served as built."""
    with serving(tmp_path / "p") as (srv, root):
        seeds, people = root / "seeds", root / "annotations" / "people.yml"
        saves: list[tuple[Callable[[], object], Callable[[], bool]]] = [
            (
                lambda: people.write_text(
                    PEOPLE.format(summary="Zweite Fassung.") + "- name: Charles Babbage\n"
                    "  summary: Erfinder.\n",
                    encoding="utf-8",
                ),
                lambda: "Zweite Fassung." in srv.page("/artikel/ein-titel/"),
            ),
            (
                lambda: (seeds / "b.txt").write_text(
                    SEED.replace("Ein Titel", "Babbage rechnet").replace(
                        "Ada Lovelace schreibt.", "Charles Babbage und Ada Lovelace."
                    ),
                    encoding="utf-8",
                ),
                lambda: status(srv, "/artikel/babbage-rechnet/") == 200,
            ),
            (
                lambda: (seeds / "a.txt").write_text(
                    SEED.replace("Ein Titel", "Ein neuer Titel"), encoding="utf-8"
                ),
                lambda: status(srv, "/artikel/ein-neuer-titel/") == 200,
            ),
            (
                lambda: people.write_text("- name: [kaputt\n", encoding="utf-8"),
                lambda: "docs/ left unchanged" in srv.output(),
            ),
            (
                lambda: people.write_text(
                    PEOPLE.format(summary="Dritte Fassung."), encoding="utf-8"
                ),
                lambda: "Dritte Fassung." in srv.page("/personen/ada-lovelace/"),
            ),
            (
                lambda: (seeds / "b.txt").unlink(),
                lambda: status(srv, "/artikel/babbage-rechnet/") == 404,
            ),
        ]
        for save, shown in saves:
            settled(srv)
            save()
            assert wait_for(shown), srv.output()
        settled(srv)
        assert wait_for(srv.searchable), srv.output()
        fresh = tmp_path / "fresh"
        fresh.mkdir()
        for name in ("seeds", "annotations", "docs"):
            shutil.copytree(root / name, fresh / name)
        shutil.rmtree(fresh / "docs")
        shutil.copytree(root / "docs" / "stylesheets", fresh / "docs" / "stylesheets")
        shutil.copy(root / "mkdocs.yml", fresh / "mkdocs.yml")
        site = build_site(fresh)
        built = sorted(p for p in site.rglob("*") if p.is_file())
        assert len(built) > 50
        for path in built:
            name = path.relative_to(site).as_posix()
            url = f"http://127.0.0.1:{srv.port}/{name}"
            with urllib.request.urlopen(url, timeout=10) as response:
                served = response.read()
            if name.endswith(".html"):
                served = LIVERELOAD.sub(b"", served)
            if name.endswith(".gz"):
                served, expected = gzip.decompress(served), gzip.decompress(path.read_bytes())
            else:
                expected = path.read_bytes()
            assert served == expected, name
        entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text())
        assert json.loads(srv.page("/pagefind/pagefind-entry.json"))["languages"]["de"][
            "page_count"
        ] == entry["languages"]["de"]["page_count"]
        assert status(srv, "/artikel/ein-titel/") == 404


def test_the_served_site_is_searchable_and_follows_an_edit(server: tuple[Server, Path]) -> None:
    """The hook indexes the folder `mkdocs serve` builds into, after every rebuild."""
    srv, root = server

    def index() -> dict:
        return json.loads(srv.page("/pagefind/pagefind-entry.json"))["languages"]["de"]

    # Made in the background: the pages are served before it is written.
    assert wait_for(srv.searchable), srv.output()
    assert index()["page_count"] == 2  # the article and the profile
    before = index()["hash"]
    people = root / "annotations" / "people.yml"
    people.write_text(PEOPLE.format(summary="Zweite Fassung."), encoding="utf-8")
    assert wait_for(lambda: "Zweite Fassung." in srv.page("/personen/ada-lovelace/")), srv.output()
    changed = []
    for _ in range(150):  # every read must find a whole index, while it is rebuilt too
        changed.append(index()["hash"] != before)
        if changed[-1]:
            break
        time.sleep(0.1)
    assert changed[-1], srv.output()
