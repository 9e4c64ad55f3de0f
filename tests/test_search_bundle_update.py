"""A new search index put in place of the old: only what changed is written, the entry
last, and nothing the new index does not name is left."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from randnotiz import search_index
from randnotiz.search_bundle import ENTRY
from randnotiz.search_index import update_bundle

OLD = {
    ENTRY: b'{"old"}',
    "pagefind.js": b"program",
    "fragment/de_aaa.pf_fragment": b"page a",
    "fragment/de_bbb.pf_fragment": b"page b",
    "index/de_111.pf_index": b"words 1",
}
NEW = {
    ENTRY: b'{"new"}',
    "pagefind.js": b"program",
    "fragment/de_aaa.pf_fragment": b"page a",
    "fragment/de_ccc.pf_fragment": b"page c",
    "filter/de_f.pf_filter": b"filter",
}


def files(bundle: Path) -> dict[str, bytes]:
    return {
        p.relative_to(bundle).as_posix(): p.read_bytes() for p in bundle.rglob("*") if p.is_file()
    }


def test_the_bundle_holds_the_new_files_and_only_them(tmp_path: Path) -> None:
    bundle = tmp_path / "pagefind"
    update_bundle(bundle, OLD)
    update_bundle(bundle, NEW)
    assert files(bundle) == NEW
    assert not (bundle / "index").exists()  # emptied folders go too


def test_files_already_there_are_not_written_again(tmp_path: Path) -> None:
    bundle = tmp_path / "pagefind"
    update_bundle(bundle, OLD)
    kept = (bundle / "fragment/de_aaa.pf_fragment").stat()
    update_bundle(bundle, NEW)
    again = (bundle / "fragment/de_aaa.pf_fragment").stat()
    assert (again.st_ino, again.st_mtime_ns) == (kept.st_ino, kept.st_mtime_ns)


def test_the_entry_is_put_in_place_after_every_file_it_names(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bundle = tmp_path / "pagefind"
    update_bundle(bundle, OLD)
    placed: list[str] = []
    real = os.replace

    def replace(source: Path, target: Path) -> None:
        placed.append(Path(target).relative_to(bundle).as_posix())
        real(source, target)

    monkeypatch.setattr(search_index.os, "replace", replace)
    update_bundle(bundle, NEW)
    assert placed == ["filter/de_f.pf_filter", "fragment/de_ccc.pf_fragment", ENTRY]


def test_a_killed_update_is_mended_by_the_next(tmp_path: Path) -> None:
    """A file cut short under its final name, a temporary file, a stray folder."""
    bundle = tmp_path / "pagefind"
    update_bundle(bundle, OLD)
    (bundle / "fragment/de_ccc.pf_fragment").write_bytes(b"pa")
    (bundle / "fragment/.de_ddd.pf_fragment.new").write_bytes(b"half")
    (bundle / "leer").mkdir()
    update_bundle(bundle, NEW)
    assert files(bundle) == NEW
    assert not (bundle / "leer").exists()


def test_a_link_in_the_bundle_is_replaced_not_followed(tmp_path: Path) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_bytes(b"keep me")
    bundle = tmp_path / "pagefind"
    bundle.mkdir()
    (bundle / "pagefind.js").symlink_to(outside)
    (bundle / "elsewhere").symlink_to(tmp_path, target_is_directory=True)
    update_bundle(bundle, NEW)
    assert files(bundle) == NEW
    assert outside.read_bytes() == b"keep me"
    assert not (bundle / "elsewhere").exists()


def test_the_folders_an_earlier_version_left_beside_the_bundle_go(tmp_path: Path) -> None:
    bundle = tmp_path / "pagefind"
    for leftover in (".pagefind-new", ".pagefind-old"):
        (tmp_path / leftover / "fragment").mkdir(parents=True)
        (tmp_path / leftover / "fragment" / "de_x.pf_fragment").write_bytes(b"old")
    update_bundle(bundle, NEW)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pagefind"]
