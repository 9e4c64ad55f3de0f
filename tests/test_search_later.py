"""The background index of ``mkdocs serve``: one at a time, a burst of builds costs one more."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from randnotiz.search_index import IndexReport
from randnotiz.search_later import SearchLater


class Gate:
    """An indexer that waits to be let through, noting what it indexed."""

    def __init__(self, fail_first: bool = False) -> None:
        self.calls: list[Path] = []
        self.started = threading.Semaphore(0)
        self.release = threading.Semaphore(0)
        self.running = 0
        self.most_at_once = 0
        self.fail_first = fail_first
        self.lock = threading.Lock()

    def __call__(self, site: Path, language: str) -> IndexReport:
        with self.lock:
            self.running += 1
            self.most_at_once = max(self.most_at_once, self.running)
            self.calls.append(site)
        self.started.release()
        self.release.acquire()
        with self.lock:
            self.running -= 1
        if self.fail_first and len(self.calls) == 1:
            raise RuntimeError("pagefind: kaputt")
        return IndexReport(1, 0, 0.0, site / "pagefind")


def test_requests_during_an_index_make_one_more_index_of_the_newest_folder() -> None:
    gate = Gate()
    later = SearchLater(gate)
    later.request(Path("/a"), "de")
    assert gate.started.acquire(timeout=10)
    for name in ("/b", "/c", "/d"):  # three builds end while the first index runs
        later.request(Path(name), "de")
    assert not later.wait(0)
    gate.release.release()
    assert gate.started.acquire(timeout=10)
    gate.release.release()
    assert later.wait(10)
    assert gate.calls == [Path("/a"), Path("/d")]
    assert gate.most_at_once == 1


def test_a_failed_index_is_reported_and_the_next_request_indexes_again(
    capsys: pytest.CaptureFixture[str],
) -> None:
    gate = Gate(fail_first=True)
    later = SearchLater(gate)
    later.request(Path("/a"), "de")
    assert gate.started.acquire(timeout=10)
    gate.release.release()
    assert later.wait(10)
    later.request(Path("/a"), "de")
    assert gate.started.acquire(timeout=10)
    gate.release.release()
    assert later.wait(10)
    assert gate.calls == [Path("/a"), Path("/a")]
    assert "randnotiz: search index not written: pagefind: kaputt" in capsys.readouterr().err
