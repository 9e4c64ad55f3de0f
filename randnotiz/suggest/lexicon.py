"""The German word list and the name cues `suggest` judges words by."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA = Path(__file__).parent.parent / "data"
WORDLIST = DATA / "wortliste.tsv"
CUES = DATA / "name_cues.txt"
_LINKING = ("s", "es", "n", "en", "e", "er", "ens")

# --- the word lists --------------------------------------------------------------


@dataclass(frozen=True)
class Lexicon:
    """What the word lists in ``randnotiz/data/`` say about a word.

    ``flags`` maps a casefolded word to letters (see the header of
    ``wortliste.tsv``): ``n`` a common noun form, ``a`` a noun declined like an
    adjective, ``g`` a given name, ``t`` a place, ``w`` a frequent German word,
    ``i`` a word as frequent in English as in German (mostly names).
    """

    flags: dict[str, str]
    cues: dict[str, frozenset[str]]

    def has(self, word: str, flag: str) -> bool:
        return flag in self.flags.get(word.casefold(), "")

    def known(self, word: str) -> bool:
        return word.casefold() in self.flags

    def listed(self, section: str, word: str) -> bool:
        entries = self.cues.get(section, frozenset())
        return word in entries or word.lower() in entries

    def cue(self, section: str, word: str) -> bool:
        """Whether ``word`` is listed in ``section``, itself or by its ending ("-chef")."""
        if self.listed(section, word):
            return True
        lower = word.lower()
        return any(
            e.startswith("-") and lower.endswith(e[1:]) and len(lower) > len(e) - 1
            for e in self.cues.get(section, ())
        )

    def is_noun(self, word: str) -> bool:
        flags = self.flags.get(word.casefold(), "")
        return "n" in flags or "a" in flags

    def is_compound(self, word: str) -> bool:
        """A rare word made of common ones: "Milliardenmotor", "Gründermodus"."""
        if self.has(word, "i"):
            return False  # "Zuckerberg" is a name, not sugar and a mountain
        return _compound(word.casefold(), self, 0)


def _compound(word: str, lexicon: Lexicon, depth: int) -> bool:
    if len(word) < 6 or depth > 3:
        return False
    for cut in range(3, len(word) - 3):
        head = word[cut:]
        if len(head) < 5 and lexicon.has(head, "i"):
            continue  # "rene", "park": too short and too international to be sure
        if not (lexicon.is_noun(head) or (depth and _word_part(head, lexicon, depth + 1))):
            continue
        if _word_part(word[:cut], lexicon, depth):
            return True
    return False


def _word_part(prefix: str, lexicon: Lexicon, depth: int) -> bool:
    """A compound's first part: a word, perhaps with a linking -s-/-n- or without its -e."""
    if len(prefix) >= 3 and lexicon.known(prefix) and not lexicon.has(prefix, "g"):
        return True
    for ending in _LINKING:
        stem = prefix[: -len(ending)]
        if prefix.endswith(ending) and len(stem) >= 3 and lexicon.known(stem):
            return True
    if len(prefix) >= 3 and lexicon.known(prefix + "e"):
        return True
    return _compound(prefix, lexicon, depth + 1)


def parse_cues(text: str) -> dict[str, frozenset[str]]:
    sections: dict[str, set[str]] = defaultdict(set)
    current = ""
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            continue
        sections[current].update(line.split())
    return {k: frozenset(v) for k, v in sections.items()}


def parse_wordlist(text: str) -> dict[str, str]:
    flags: dict[str, str] = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            word, _, letters = line.partition("\t")
            flags[word] = letters
    return flags


@cache
def load_lexicon() -> Lexicon:
    """The shipped word lists, read once per process."""
    return Lexicon(
        parse_wordlist(WORDLIST.read_text(encoding="utf-8")),
        parse_cues(CUES.read_text(encoding="utf-8")),
    )
