"""German sentence boundaries, for showing a mention in the sentence it stands in.

A full stop ends a sentence unless it ends an ordinal ("29. Juli"), an
abbreviation ("z. B.", "Dr.") or an initial ("Mark E. Zuckerberg"), and the
next sentence starts with a capital letter, a digit or an opening quote.
"""

from __future__ import annotations

import bisect
import re

ABBREVIATIONS = frozenset(
    """
    z b u a d h s o e v bzw ca dr prof nr st mio mrd tsd usw vgl etc inc co corp ltd jan
    feb mär apr jun jul aug sep sept okt nov dez bzw evtl ggf inkl max min mind zb ua dh
    ff sog hl gen abs art bspw jh jhd chr hr fr mr mrs ms
    """.split()
)

_END = re.compile(r"[.!?…]+[\"'“”»«’)]*(?=\s+[\"'„“»«(]?[A-ZÄÖÜ0-9])")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every sentence in ``text``; together they cover it."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _END.finditer(text):
        if m.group().startswith(".") and not _ends_sentence(text, m.start()):
            continue
        end = m.end()
        spans.append((start, end))
        start = end
        while start < len(text) and text[start].isspace():
            start += 1
    if start < len(text):
        spans.append((start, len(text.rstrip())))
    return spans


def _ends_sentence(text: str, dot: int) -> bool:
    # The word before the dot, found by stepping back over word characters (what
    # \w matches): a search in everything before the dot took a third of the
    # linker's time on long paragraphs.
    start = dot
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_"):
        start -= 1
    if start == dot:
        return True
    token = text[start:dot]
    if token.isdigit():
        return len(token) >= 3  # "2025." ends a sentence, "29." is an ordinal
    if len(token) == 1 and token.isupper():
        return False  # an initial
    return token.lower() not in ABBREVIATIONS


def sentence_around(spans: list[tuple[int, int]], start: int, end: int) -> tuple[int, int]:
    """The span of the sentence (or sentences) holding ``start:end``.

    Found by bisection: a paragraph of ten thousand sentences naming someone in
    each took a hundred million steps when every mention searched the list.
    """
    i = bisect.bisect_right(spans, start, key=_start) - 1
    first = spans[i] if i >= 0 and start < spans[i][1] else (start, end)
    j = bisect.bisect_left(spans, end, key=_start) - 1
    last = spans[j] if j >= 0 and end <= spans[j][1] else first
    return (first[0], max(first[1], last[1]))


def _start(span: tuple[int, int]) -> int:
    return span[0]


#: A "sentence" longer than this (a text without full stops, a list run
#: together) is cut to the words within ``WINDOW`` characters of the mention:
#: a name repeated in one sentence of a million characters would otherwise
#: repeat all of it with each of its mentions, on profiles and in the export.
MAX_SENTENCE = 1000
WINDOW = 300


def excerpt_around(text: str, sentence: tuple[int, int], start: int, end: int) -> tuple[int, int]:
    """``sentence``, or, if it is longer than ``MAX_SENTENCE``, whole words around ``start:end``."""
    first, last = sentence
    if last - first <= MAX_SENTENCE:
        return sentence
    if start - first > WINDOW:
        cut = text.find(" ", start - WINDOW, start)
        first = start if cut < 0 else cut + 1
    if last - end > WINDOW:
        cut = text.rfind(" ", end, end + WINDOW)
        last = end if cut < 0 else cut
    return (first, last)
