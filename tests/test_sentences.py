"""Sentence boundaries: what a profile's "Erwähnt in" shows around a mention."""

from __future__ import annotations

import pytest

from randnotiz.sentences import WINDOW, excerpt_around, sentence_around, sentence_spans


def sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in sentence_spans(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Meta zahlt. Apple nicht.", ["Meta zahlt.", "Apple nicht."]),
        ("Am 29. Juli kam es. Dann nicht.", ["Am 29. Juli kam es.", "Dann nicht."]),
        ("Im Jahr 2025. Dann 2026.", ["Im Jahr 2025.", "Dann 2026."]),
        ("Das kostet z. B. Geld. Viel.", ["Das kostet z. B. Geld.", "Viel."]),
        ("Dr. Wang kam. Prof. Pang ging.", ["Dr. Wang kam.", "Prof. Pang ging."]),
        ("Mark E. Zuckerberg sprach.", ["Mark E. Zuckerberg sprach."]),
        ("Er fragte: Warum? „Weil“, sagte sie.", ["Er fragte: Warum?", "„Weil“, sagte sie."]),
        ("Sie sagte „Nein.“ Dann ging sie.", ["Sie sagte „Nein.“", "Dann ging sie."]),
        ("Ende… Neuer Satz.", ["Ende…", "Neuer Satz."]),
        ("kleines ende. danach klein.", ["kleines ende. danach klein."]),
        (". Punkt am Anfang. Dann mehr.", [".", "Punkt am Anfang.", "Dann mehr."]),  # no word: ends
        ("Version_2. Danach.", ["Version_2.", "Danach."]),
        ("Ohne Punkt am Ende  ", ["Ohne Punkt am Ende"]),
    ],
)
def test_sentence_spans(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (0, 4, "Meta zahlt."),
        (12, 17, "Apple nicht."),
        (6, 17, "Meta zahlt. Apple nicht."),  # a span across two sentences gets both
    ],
)
def test_sentence_around(start: int, end: int, expected: str) -> None:
    text = "Meta zahlt. Apple nicht."
    first, last = sentence_around(sentence_spans(text), start, end)
    assert text[first:last] == expected


def test_sentence_around_in_a_paragraph_of_many_sentences() -> None:
    text = "Ada rechnet. " * 10_000
    spans = sentence_spans(text)
    assert sentence_around(spans, 13 * 5000, 13 * 5000 + 3) == (13 * 5000, 13 * 5000 + 12)
    assert sentence_around(spans, 13 * 9999 + 4, 13 * 9999 + 11) == (13 * 9999, 13 * 9999 + 12)


LONG = " ".join(f"wort{n}" for n in range(1000))  # one "sentence" of 6,889 characters


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Meta zahlt. Apple nicht.", "Apple", "Apple nicht."),  # short: the sentence
        (LONG, "wort500", LONG[LONG.index("wort463") : LONG.index(" wort538")]),
        (LONG, "wort0", LONG[: LONG.index(" wort45 ")]),  # at the start: no cut there
        (LONG, "wort999", LONG[LONG.index("wort962") :]),  # at the end: no cut there
        ("x" * 2000 + " Ada", "Ada", "Ada"),  # no space within reach: the name alone
    ],
)
def test_excerpt_around_cuts_long_sentences_to_whole_words(
    text: str, word: str, expected: str
) -> None:
    start = text.index(f"{word} ") if f"{word} " in text else text.index(word)
    end = start + len(word)
    sentence = sentence_around(sentence_spans(text), start, end)
    first, last = excerpt_around(text, sentence, start, end)
    assert text[first:last] == expected
    assert last - first <= 2 * WINDOW + len(word)
