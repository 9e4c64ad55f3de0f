"""`mkdocs serve` as an editor uses it: edits show up, mistakes keep the last good site."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from .conftest import make_project

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


def test_a_save_rebuilds_a_bounded_number_of_times(server: tuple[Server, Path]) -> None:
    srv, root = server
    before = srv.builds()
    (root / "seeds" / "a.txt").write_text(SEED.replace("schreibt", "rechnet"), encoding="utf-8")
    assert wait_for(lambda: "rechnet" in srv.page("/artikel/ein-titel/")), srv.output()
    time.sleep(4)  # a loop would keep building
    settled = srv.builds()
    time.sleep(3)
    assert srv.builds() == settled
    assert 1 <= settled - before <= 2  # the seed, then the generated docs it changed
