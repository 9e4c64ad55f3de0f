"""Bytes to text for files people write: any line ending, BOM or not, UTF-8 or not.

Seeds are pasted from web pages and saved by whatever editor is at hand, so the
reader accepts what such files look like in practice and says so when it has to
guess; it refuses only what is not text at all.
"""

from __future__ import annotations

from dataclasses import dataclass

from randnotiz.model import Origin
from randnotiz.problems import Problem, error, warning

_BOM = b"\xef\xbb\xbf"
# Control characters that never occur in text files (tab, LF, CR, FF are fine).
_BINARY_BYTES = frozenset(range(0x20)) - {0x09, 0x0A, 0x0C, 0x0D}
_BINARY_DELETE = bytes(sorted(_BINARY_BYTES))


def _binary_count(sample: bytes) -> int:
    """How many control bytes ``sample`` holds: what ``translate`` deletes, counted in C."""
    return len(sample) - len(sample.translate(None, _BINARY_DELETE))


@dataclass(frozen=True)
class Decoded:
    text: str | None
    problems: tuple[Problem, ...] = ()


def decode_text(data: bytes, file: str) -> Decoded:
    """Text with LF line endings, or None and an error saying why not."""
    where = Origin(file)
    if not data.strip():
        return Decoded(None, (error(where, "the file is empty; write the article into it"),))
    sample = data[:8192]
    if b"\x00" in sample or _binary_count(sample) > len(sample) // 100 + 1:
        return Decoded(
            None,
            (
                error(
                    where, "this is a binary file, not text; save the article as plain text (UTF-8)"
                ),
            ),
        )
    problems: list[Problem] = []
    data = data.removeprefix(_BOM)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:  # the five bytes cp1252 leaves undefined
            text = data.decode("latin-1")
        problems.append(
            warning(
                Origin(file, line),
                "not valid UTF-8, read as Windows-1252; save the file as UTF-8 to be sure",
            )
        )
    return Decoded(text.replace("\r\n", "\n").replace("\r", "\n"), tuple(problems))
