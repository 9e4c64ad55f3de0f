"""Pagefind's bundle in one order, so that the same site gives the same bytes.

Pagefind 1.5.2 gathers the values of each filter in a hash map whose seed is drawn
anew by every run, and writes them in the map's order: the filter files
(``filter/*.pf_filter``), the list of filters in the index's table of contents
(``pagefind.*.pf_meta``), and so the names of both and the table's name in
``pagefind-entry.json`` differ from run to run, though they say the same. The word
index and the results' texts come out the same every time.

``canonical`` puts those files in one order: the filters by name, each filter's
values by value (with their pages as Pagefind listed them), the sorts by name. It
names each file as Pagefind does (language, then the start of the SHA-1 of its
content, hex digits unpadded: a file Pagefind already wrote in order keeps its
name) and gzips it without a time stamp. Nothing else changes. The files are
CBOR arrays (Pagefind's ``FilterIndex``, ``MetaIndex`` and word index), read and
written with cbor2, whose C encoder writes what minicbor writes; a file that does
not read back to the same bytes is refused rather than guessed at. (Read and
written in Python, they took 11 of the 17 s an index of 1,000 articles took; the
whole rewrite now takes about 2 s.)
"""

from __future__ import annotations

import gzip
import hashlib
import io
import itertools
import json
from typing import Any

import cbor2

#: What Pagefind writes before the CBOR of each compressed file.
MARKER = b"pagefind_dcd"
ENTRY = "pagefind-entry.json"
#: Positions in Pagefind's ``MetaIndex`` and ``FilterIndex`` arrays.
META_CHUNKS, META_FILTERS, META_SORTS = 2, 3, 4
FILTER_VALUES = 1
#: How much of the word index one chunk holds, in Pagefind's measure (a page per
#: word plus its positions). Pagefind 1.5.2 cuts at 20,000, about 35 KB compressed;
#: a query loads the chunk of each of its words, so smaller chunks cost it less,
#: and the table of contents, loaded once, a little more: at 1,000 articles chunks
#: of 5,000 (about 9 KB) make a second query 35 KB instead of 60 KB and the table
#: of contents 21 KB instead of 17 KB.
PAGEFIND_CHUNK_SIZE = 20_000
CHUNK_SIZE = 5_000

CBOR = int | str | list[Any]


class NotPagefindCbor(ValueError):
    """A file that is not CBOR as Pagefind writes it: it would not read back the same."""


def decode(data: bytes) -> CBOR:
    """The value of ``data``, refused unless writing it again gives ``data`` (no bytes
    after it, every length and integer in its shortest form)."""
    try:
        value = cbor2.loads(data)
    except (cbor2.CBORDecodeError, ValueError) as failed:
        raise NotPagefindCbor(str(failed)) from None
    if encode(value) != data:
        raise NotPagefindCbor("does not read back to the same bytes")
    return value


def encode(value: CBOR) -> bytes:
    """CBOR as minicbor writes it: every length and integer in its shortest form."""
    return cbor2.dumps(value)


def full_hash(data: bytes) -> str:
    """Pagefind's ``full_hash``: SHA-1, each byte as hex without a leading zero."""
    return "".join(format(byte, "x") for byte in hashlib.sha1(data).digest())


def read(data: bytes) -> list[Any]:
    """The value of one of Pagefind's compressed files (an array), checked to read back
    the same."""
    raw = gzip.decompress(data)
    if not raw.startswith(MARKER):
        raise NotPagefindCbor("no Pagefind marker")
    value = decode(raw[len(MARKER) :])
    if not isinstance(value, list):
        raise NotPagefindCbor(f"{type(value).__name__}, not an array")
    return value


def packed(value: CBOR) -> bytes:
    """A value as Pagefind's compressed file, without a time stamp."""
    return compressed(encode(value))


def compressed(cbor: bytes) -> bytes:
    """Encoded CBOR as Pagefind's compressed file, without a time stamp."""
    return gzip.compress(MARKER + cbor, compresslevel=9, mtime=0)


def canonical_filter(value: CBOR) -> CBOR:
    """A ``FilterIndex`` (name, [[value, pages], …]) with its values in order."""
    name, values = value[0], value[FILTER_VALUES]
    return [name, sorted(values, key=lambda v: v[0]), *value[2:]]


def word_size(word: CBOR) -> int:
    """Pagefind's measure of a word in the index: its pages and their positions."""
    return sum(len(page[1]) + len(page[2]) + 1 for page in word[1])


def cut(words: list[CBOR], size: int) -> list[list[CBOR]]:
    """Words in order into chunks, as Pagefind cuts them: a chunk ends with the word
    that brings it to ``size``."""
    chunks: list[list[CBOR]] = []
    chunk: list[CBOR] = []
    filled = 0
    for word in words:
        chunk.append(word)
        filled += word_size(word)
        if filled >= size:
            chunks.append(chunk)
            chunk, filled = [], 0
    if chunk:
        chunks.append(chunk)
    return chunks


def chunk_ranges(chunks: list[list[CBOR]]) -> list[list[str]]:
    """The ``from`` and ``to`` of each chunk as Pagefind writes them: where two chunks
    meet, each is cut to the shortest start that tells it from the other (a search
    finds the chunk a word sorts into)."""
    ranges = [[chunk[0][0], chunk[-1][0]] for chunk in chunks]
    for before, after in itertools.pairwise(ranges):
        last, first = before[1], after[0]
        same = next((i for i, (a, b) in enumerate(zip(last, first, strict=False)) if a != b), None)
        common = min(len(last), len(first)) if same is None else same
        if last[: common + 1] >= before[0]:
            before[1] = last[: common + 1]
        after[0] = first[: common + 1]
    return ranges


def array_head(n: int) -> bytes:
    """The start of a CBOR array of ``n`` items, as minicbor writes it."""
    if n < 24:
        return bytes([0x80 | n])
    for info, width in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if n < 1 << (8 * width):
            return bytes([0x80 | info]) + n.to_bytes(width, "big")
    raise NotPagefindCbor(f"an array of {n} items")


def array_length(data: bytes, at: int) -> tuple[int, int]:
    """The length of the CBOR array whose head starts at ``at``, and where its items start."""
    major, info = data[at] >> 5, data[at] & 31
    if major != 4 or info > 27:
        raise NotPagefindCbor("not an array of known length")
    if info < 24:
        return info, at + 1
    width = 1 << (info - 24)
    return int.from_bytes(data[at + 1 : at + 1 + width], "big"), at + 1 + width


def read_words(data: bytes) -> tuple[list[CBOR], list[bytes]]:
    """The words of one chunk of the word index, and the bytes of each.

    New chunks are put together from the words' own bytes, as Pagefind wrote them:
    nothing of the millions of positions is encoded again, so nothing of them can
    come out different.
    """
    raw = gzip.decompress(data)
    if not raw.startswith(MARKER):
        raise NotPagefindCbor("no Pagefind marker")
    raw = raw[len(MARKER) :]
    one, at = array_length(raw, 0)
    count, at = array_length(raw, at)
    if one != 1:
        raise NotPagefindCbor("not a chunk of the word index")
    stream = io.BytesIO(raw)
    stream.seek(at)
    decoder = cbor2.CBORDecoder(stream)
    words, parts = [], []
    try:
        for _ in range(count):
            word = decoder.decode()
            if not (isinstance(word, list) and len(word) > 1 and isinstance(word[0], str)):
                raise NotPagefindCbor(f"{word!r:.40} is not a word of the index")
            words.append(word)
            parts.append(raw[at : stream.tell()])
            at = stream.tell()
    except (cbor2.CBORDecodeError, ValueError) as failed:
        raise NotPagefindCbor(str(failed)) from None
    if at != len(raw):
        raise NotPagefindCbor(f"{len(raw) - at} bytes after the words")
    return words, parts


def rechunked(out: dict[str, bytes], language: str, meta: CBOR, size: int) -> None:
    """The word index cut into chunks of ``size`` instead of Pagefind's, in place."""
    words: list[CBOR] = []
    parts: list[bytes] = []
    for _, _, name in meta[META_CHUNKS]:
        chunk_words, chunk_parts = read_words(out.pop(f"index/{name}.pf_index"))
        words.extend(chunk_words)
        parts.extend(chunk_parts)
    if [w[0] for w in words] != sorted(w[0] for w in words):
        raise NotPagefindCbor("the word index is not in order")
    chunks = cut(words, size)
    taken: set[str] = set()
    table = []
    start = 0
    for chunk, (first, last) in zip(chunks, chunk_ranges(chunks), strict=True):
        end = start + len(chunk)
        cbor = array_head(1) + array_head(len(chunk)) + b"".join(parts[start:end])
        start = end
        name = _name(language, cbor, 7, taken)
        taken.add(name)
        out[f"index/{name}.pf_index"] = compressed(cbor)
        table.append([first, last, name])
    meta[META_CHUNKS] = table


def canonical(files: dict[str, bytes], chunk_size: int = CHUNK_SIZE) -> dict[str, bytes]:
    """The bundle (paths in it to contents) with its filters and table of contents
    in one order, under the names their contents give them, and its word index in
    chunks of ``chunk_size``."""
    out = dict(files)
    entry = json.loads(out[ENTRY])
    for language, about in entry["languages"].items():
        meta_path = f"pagefind.{about['hash']}.pf_meta"
        meta = read(out.pop(meta_path))
        if chunk_size != PAGEFIND_CHUNK_SIZE:
            rechunked(out, language, meta, chunk_size)
        filters = []
        taken: set[str] = set()
        for name, old in sorted(meta[META_FILTERS], key=lambda f: f[0]):
            content = canonical_filter(read(out.pop(f"filter/{old}.pf_filter")))
            cbor = encode(content)
            new = _name(language, cbor, 7, taken)
            taken.add(new)
            filters.append([name, new])
            out[f"filter/{new}.pf_filter"] = compressed(cbor)
        meta[META_FILTERS] = filters
        meta[META_SORTS] = sorted(meta[META_SORTS], key=lambda s: s[0])
        cbor = encode(meta)
        about["hash"] = _name(language, cbor, len(language) + 8, set())
        out[f"pagefind.{about['hash']}.pf_meta"] = compressed(cbor)
    out[ENTRY] = json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode()
    return out


def _name(language: str, content: bytes, length: int, taken: set[str]) -> str:
    """``language_`` and the first ``length`` digits of the hash, more where taken."""
    digest = f"{language}_{full_hash(content)}"
    end = len(language) + 1 + length
    while digest[:end] in taken and end < len(digest):
        end += 1
    return digest[:end]
