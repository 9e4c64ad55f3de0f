"""Pagefind's bundle in one order: the CBOR it is read and written with, and the same
site indexed twice giving the same bytes."""

from __future__ import annotations

import gzip
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from randnotiz.search_bundle import (
    MARKER,
    NotPagefindCbor,
    canonical_filter,
    chunk_ranges,
    cut,
    decode,
    encode,
    full_hash,
    packed,
    read,
    read_words,
)


@pytest.mark.parametrize(
    ("value", "cbor"),
    [
        (0, "00"),
        (23, "17"),
        (24, "1818"),
        (255, "18ff"),
        (256, "190100"),
        (65536, "1a00010000"),
        (2**32, "1b0000000100000000"),
        (-1, "20"),
        (-26, "3819"),
        ("", "60"),
        ("Jahr", "644a616872"),
        ("ä", "62c3a4"),
        ([], "80"),
        (["de", [1, 2]], "826264658201 02".replace(" ", "")),
    ],
)
def test_cbor_as_minicbor_writes_it(value: object, cbor: str) -> None:
    assert encode(value).hex() == cbor  # type: ignore[arg-type]
    assert decode(bytes.fromhex(cbor)) == value


@pytest.mark.parametrize(
    "cbor",
    [
        "0000",  # a byte after the value
        "1817",  # 23 in two bytes: minicbor writes one
        "9a00000001 00".replace(" ", ""),  # an array's length in five bytes
        "ff",  # not a value at all
        "82 01".replace(" ", ""),  # an array that ends too soon
    ],
)
def test_what_would_not_read_back_the_same_is_refused(cbor: str) -> None:
    with pytest.raises(NotPagefindCbor):
        decode(bytes.fromhex(cbor))


@pytest.mark.parametrize("cbor", ["a0", "01", "6161"])
def test_a_file_that_is_not_an_array_is_refused(cbor: str) -> None:
    with pytest.raises(NotPagefindCbor):
        read(packed(decode(bytes.fromhex(cbor))))


def test_full_hash_writes_bytes_without_leading_zeros() -> None:
    # SHA-1 of "" is da39a3ee5e6b4b0d3255bfef95601890afd80709: 0d, 07, 09 lose their zero.
    assert full_hash(b"") == "da39a3ee5e6b4bd3255bfef95601890afd879"


def test_a_filter_lists_its_values_in_order_with_their_pages() -> None:
    filter_index = ["Person", [["Yann LeCun", [0, 7]], ["Alexandr Wang", [6, 7]], ["Ärzte", [3]]]]
    assert canonical_filter(filter_index) == [
        "Person",
        [["Alexandr Wang", [6, 7]], ["Yann LeCun", [0, 7]], ["Ärzte", [3]]],
    ]


def files(bundle: Path) -> dict[str, bytes]:
    return {
        p.relative_to(bundle).as_posix(): p.read_bytes() for p in bundle.rglob("*") if p.is_file()
    }


@pytest.mark.slow
def test_the_same_site_indexed_again_gives_the_same_bundle(
    shipped_site: Path, tmp_path: Path
) -> None:
    site = tmp_path / "site"
    shutil.copytree(shipped_site, site)
    first = files(site / "pagefind")
    command = [str(Path(sys.executable).parent / "randnotiz"), "search-index", str(site)]
    for _ in range(3):  # Pagefind's own order changed with every run
        subprocess.run(command, check=True, capture_output=True)
        assert files(site / "pagefind") == first


@pytest.mark.slow
def test_every_filter_and_the_table_of_contents_read_back(shipped_site: Path) -> None:
    bundle = shipped_site / "pagefind"
    (meta,) = bundle.glob("pagefind.*.pf_meta")
    filters = read(meta.read_bytes())[3]
    assert [name for name, _ in filters] == sorted(name for name, _ in filters)
    assert {f"{h}.pf_filter" for _, h in filters} == {p.name for p in bundle.glob("filter/*")}
    for _, name in filters:
        values = read((bundle / "filter" / f"{name}.pf_filter").read_bytes())[1]
        assert [v for v, _ in values] == sorted(v for v, _ in values)


def word(text: str, positions: int) -> list:
    """A word of Pagefind's index on one page, with ``positions`` places."""
    return [text, [[0, list(range(positions)), []]], []]


def test_words_are_cut_where_a_chunk_reaches_its_size() -> None:
    words = [word("apfel", 3), word("birne", 1), word("kirsche", 5), word("pflaume", 1)]
    # Pagefind's measure: each page of a word counts 1 plus its positions.
    assert [[w[0] for w in c] for c in cut(words, 6)] == [
        ["apfel", "birne"],
        ["kirsche"],
        ["pflaume"],
    ]


@pytest.mark.parametrize(
    ("chunks", "ranges"),
    [
        # Pagefind's own cases: each chunk cut to the shortest start that tells it apart.
        (
            [["apple"], ["apricot", "banana"], ["peach"]],
            [["apple", "apple"], ["apr", "b"], ["p", "peach"]],
        ),
        # "c" would sort before the chunk's first word: not cut.
        ([["cataraman"], ["yacht"]], [["cataraman", "cataraman"], ["y", "yacht"]]),
        ([["cath"], ["cathartic"]], [["cath", "cath"], ["catha", "cathartic"]]),
        (
            [["kauf"], ["kaufen", "mörder"], ["möwe"]],
            [["kauf", "kauf"], ["kaufe", "mör"], ["möw", "möwe"]],
        ),
    ],
)
def test_chunk_ranges(chunks: list[list[str]], ranges: list[list[str]]) -> None:
    assert chunk_ranges([[word(w, 1) for w in chunk] for chunk in chunks]) == ranges


def chunks_for(term: str, ranges: list[list[str]]) -> list[int]:
    """The chunks the browser loads for ``term`` (Pagefind 1.5's ``request_indexes``):
    those whose range holds it, else those whose range holds it cut to their length."""
    strict = [i for i, (first, last) in enumerate(ranges) if first <= term <= last]
    return strict or [
        i
        for i, (first, last) in enumerate(ranges)
        if term[: len(first)] >= first[: len(term)] and term[: len(last)] <= last[: len(term)]
    ]


def test_every_word_is_found_in_the_chunk_that_holds_it() -> None:
    words = sorted({f"{a}{b}{c}" for a in "abmz" for b in "aeöu" for c in ("", "s", "ten")})
    chunks = cut([word(w, len(w)) for w in words], 12)
    ranges = chunk_ranges(chunks)
    assert len(chunks) > 5
    for i, chunk in enumerate(chunks):
        for w in chunk:
            assert i in chunks_for(w[0], ranges), w[0]


def test_a_chunk_of_the_word_index_is_read_with_each_words_own_bytes() -> None:
    words = [word("apfel", 3), word("birne", 30)]
    got, parts = read_words(packed([words]))
    assert got == words
    assert parts == [encode(w) for w in words]


@pytest.mark.parametrize(
    "value",
    [
        [[word("apfel", 1)], []],  # two arrays, not one
        [word("apfel", 1)],  # the word where the list of words should be
        {"apfel": 1},
    ],
)
def test_what_is_not_a_chunk_of_the_word_index_is_refused(value: object) -> None:
    with pytest.raises(NotPagefindCbor):
        read_words(packed(value))  # type: ignore[arg-type]


def test_a_chunk_with_bytes_after_its_words_is_refused() -> None:
    data = gzip.compress(MARKER + encode([[word("apfel", 1)]]) + b"\x00")
    with pytest.raises(NotPagefindCbor):
        read_words(data)
