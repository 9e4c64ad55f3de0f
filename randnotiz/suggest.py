"""``randnotiz suggest``: names in the articles that no annotation covers yet.

German capitalises every noun, so a capital letter alone says nothing: "Kontrolle"
and "Zuckerberg" look alike. What does tell them apart:

- a German word list: "Kontrolle" is a common noun, and so is each part of
  "Milliardenmotor"; "Krzanich" is in no dictionary;
- a run of capitalised words in mid-sentence ("Ruoming Pang", "Menlo Park"):
  two common nouns rarely stand side by side without an article or a comma;
- shapes no common noun has: acronyms ("FAIR"), CamelCase ("DeepSeek"),
  letters with digits ("R1", "LLaMA 4");
- the words around a name: a role before a person ("Forschungschef Mark
  Chen"), a company suffix after an organisation ("Scale AI", "Brenntag AG"),
  a genitive "-s" before a noun ("Zuckerbergs Plan").

Sentence-initial words are capitalised anyway, so they count only when their
shape or a later mention says they are names. The core is pure (articles and
the index in, frozen suggestions out); rendering YAML stubs and appending
them to a file as text are separate, so an editor's comments survive.
"""

from __future__ import annotations

import argparse
import itertools
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml

from randnotiz.index import NameIndex
from randnotiz.link import find_matches
from randnotiz.model import Article, EntityKind
from randnotiz.read.annotations import GLOSSARY_FILE, ORGANIZATIONS_FILE, PEOPLE_FILE
from randnotiz.sentences import sentence_around, sentence_spans

DATA = Path(__file__).parent / "data"
WORDLIST = DATA / "wortliste.tsv"
CUES = DATA / "name_cues.txt"

#: Where the stubs of each kind belong, under ``annotations/``.
FILES = {
    EntityKind.PERSON: PEOPLE_FILE,
    EntityKind.ORGANIZATION: ORGANIZATIONS_FILE,
    EntityKind.TERM: GLOSSARY_FILE,
}

TOKEN = re.compile(r"\d+(?:[.,]\d+)+|\w+(?:[-+]\w+)*")
_OPENERS = frozenset(':„“"«»‚*•|')  # noqa: RUF001 - German quotes are meant
_QUOTES = frozenset('„“”"«»‚‘’')  # noqa: RUF001
_APOSTROPHES = ("'", "’")
_NOUN_ENDINGS = tuple(
    "ung ungen heit heiten keit keiten schaft schaften tion tionen ität itäten ismus ismen".split()
)
_ADJECTIVE_ENDINGS = ("e", "en", "er", "es", "em")
_LINKING = ("s", "es", "n", "en", "e", "er", "ens")
_DOT_SUFFIXES = frozenset({"Inc", "Corp", "Co", "Ltd", "Dr", "Prof", "St"})
_MAX_SENTENCE = 200


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


# --- finding names in one text ------------------------------------------------------


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str
    initial: bool  # opens a sentence, a line or a quote: capitalised anyway


@dataclass(frozen=True)
class Found:
    """One place that looks like a name, before names are merged and counted."""

    start: int
    end: int
    name: str
    kind: EntityKind
    strength: int  # how sure the kind guess is: 3 context, 2 shape, 1 fallback
    tokens: int = 1


def _tokens(text: str) -> list[Token]:
    starts = {s for s, _ in sentence_spans(text)}
    out: list[Token] = []
    previous_end = 0
    for m in TOKEN.finditer(text):
        gap = text[previous_end : m.start()]
        initial = not out or m.start() in starts or any(c in _OPENERS for c in gap) or "\n" in gap
        end = m.end()
        if m.group() in _DOT_SUFFIXES and text[end : end + 1] == ".":
            end += 1
        out.append(Token(m.start(), end, text[m.start() : end], initial))
        previous_end = end
    return out


def _is_acronym(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters) and word[0].isalpha()


def _is_camel(word: str) -> bool:
    """ "DeepSeek", "OpenAI", "iPhone": a capital after a small letter."""
    return any(a.islower() and b.isupper() for a, b in itertools.pairwise(word))


def _has_digits(word: str) -> bool:
    return any(c.isdigit() for c in word) and any(c.isalpha() for c in word)


def _capitalised(word: str) -> bool:
    return word[0].isupper() or (word[0].islower() and _is_camel(word) and "-" not in word)


class _Judge:
    """Token-level questions, asked of one lexicon."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lex = lexicon

    def stop(self, word: str) -> bool:
        return any(self.lex.listed(s, word) for s in ("function", "months", "weekdays"))

    def not_name(self, word: str) -> bool:
        return word in self.lex.cues.get("not_names", ())

    def strong(self, word: str) -> bool:
        """Shapes no ordinary German word has: "FAIR", "DeepSeek", "R1"."""
        if self.not_name(word) or "-" in word:
            return False
        if _is_acronym(word):
            return not (len(word) >= 5 and self.lex.known(word))  # "KAHLSCHLAG" is shouting
        return _is_camel(word) or _has_digits(word) or "+" in word  # "Nieding+Barth"

    def common(self, word: str) -> bool:
        """An ordinary word: a noun in the word list, a compound of listed words."""
        if "-" in word:
            head = word.rsplit("-", 1)[1]
            if not head or not head[0].isalpha():
                return True
            return self.common(head) or (self.lex.known(head) and not self.lex.has(head, "i"))
        if self.strong(word):
            return False
        if self.lex.is_noun(word):
            return True
        if self.lex.has(word, "i"):
            return False
        lower = word.casefold()
        if any(lower.endswith(e) and len(lower) >= len(e) + 3 for e in _NOUN_ENDINGS):
            return True  # "Vernetzung", "Nachhaltigkeit": rare, but plainly nouns
        return self.lex.is_compound(word)

    def namelike(self, word: str, initial: bool) -> bool:
        """Could this word alone be a name where it stands?"""
        if not _capitalised(word) or self.stop(word) or self.not_name(word):
            return False
        if self.strong(word):
            return True
        if initial:  # capitalised anyway: only unknown words and names are names
            return not self.common(word) and (not self.lex.known(word) or self.lex.has(word, "i"))
        return not self.common(word)

    def surnamelike(self, word: str) -> bool:
        """Not an ordinary German or English word: "Friedman", "Pang", not "Award"."""
        lex = self.lex
        return not lex.is_noun(word) and (
            not lex.known(word) or lex.has(word, "i") or lex.has(word, "g")
        )

    def role(self, word: str) -> bool:
        return self.lex.cue("roles", word)

    def org_cue(self, word: str) -> bool:
        return self.lex.cue("org_cues", word)

    def legal_form(self, word: str) -> bool:
        """ "GmbH", "AG", "Inc.": only a company's name stands before them."""
        return word.rstrip(".") in self.lex.cues.get("legal_forms", ())

    def org_suffix(self, word: str) -> bool:
        return word.rstrip(".") in self.lex.cues.get("org_suffixes", ())

    def particle(self, word: str) -> bool:
        return word in self.lex.cues.get("particles", ())

    def place(self, word: str) -> bool:
        return self.lex.has(word, "t") and not self.lex.is_noun(word)

    def adjectival(self, word: str) -> bool:
        """ "Deutschen", "Vereinten": an adjective, capitalised only inside a name."""
        lex = self.lex
        if lex.has(word, "a") or (word.endswith("er") and self.place(word[:-2])):
            return True  # "Deutschen Bahn", "Londoner Börse"
        lower = word.casefold()
        return not lex.is_noun(word) and any(
            lower.endswith(e) and len(lower) - len(e) >= 3 and lex.known(lower[: -len(e)])
            for e in _ADJECTIVE_ENDINGS
        )


#: "Istanbul (dpa) -", "Gießen (dpa / lhe) -": news agencies in a dateline.
_DATELINE = re.compile(
    r"[A-ZÄÖÜ][\w.-]*\s\((?P<codes>[a-z]{2,5}(?:\s?/\s?[a-z]{2,5})*)\)\s[-–]"
    r"|(?:©|Foto:|Fotos:|Bild:|Quelle:)\s*(?P<credit>[a-z]{2,5})\b"
    r"|^Von [^,\n]{3,60},\s*(?P<byline>[a-z]{2,5})\s*$"
)
#: "Foto: Kay Nietfeld", "Von Torsten Weigelt": credits name people.
_CREDIT = re.compile(r"(?:Foto|Fotos|Bild|Text|Von|Autor|Autorin|Grafik)\s*:?\s*$")
_LIST_GAP = re.compile(r"(?:,| und| oder| sowie| bzw\.| &) ")


def find_names(text: str, lexicon: Lexicon) -> list[Found]:
    """Every place in ``text`` that looks like a name, with a guess of its kind."""
    judge = _Judge(lexicon)
    found: list[Found] = []
    runs = list(_runs(text, _tokens(text), judge))
    for run, after in runs:
        found.extend(_modifiers(run, judge))
        occurrence = _judge_run(text, run, after, judge)
        if occurrence is not None:
            found.append(occurrence)
    found += _listed_with_names(text, runs, found, judge)
    for m in _DATELINE.finditer(text):
        group = next(g for g in ("codes", "credit", "byline") if m.group(g))
        at = m.start(group)
        for code in re.finditer(r"[a-z]+", m.group(group)):
            found.append(
                Found(at + code.start(), at + code.end(), code.group(), EntityKind.ORGANIZATION, 2)
            )
    return found


def _runs(
    text: str, toks: list[Token], judge: _Judge
) -> Iterator[tuple[list[Token], Token | None]]:
    """Maximal runs of capitalised words joined by single spaces, and the token after.

    A run ends after a genitive before a noun: "OpenAIs | Forschungschef Mark Chen".
    """
    run: list[Token] = []
    for i, tok in enumerate(toks):
        word = tok.text
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        joined = bool(run) and _joined(text, run[-1], tok)
        if run and (not joined or tok.initial):
            yield run, tok
            run = []
        legal = nxt is not None and judge.legal_form(nxt.text) and _joined(text, tok, nxt)
        if (_capitalised(word) or (legal and not run and word[0].isalpha())) and not word[
            0
        ].isdigit():
            if run and (_genitive_end(run[-1].text, word, judge) or _shouting(run[-1].text, word)):
                yield run, tok
                run = []
            run.append(tok)
        elif run and _attaches(text, run, toks[i:], judge):
            run.append(tok)
        elif run:
            yield run, tok
            run = []
    if run:
        yield run, None


def _genitive_end(word: str, following: str, judge: _Judge) -> bool:
    """ "Zuckerbergs Plan": a name's genitive -s directly before a noun or a role."""
    if not word.endswith("s") or len(word) < 4 or word.endswith("ss") or _is_acronym(word):
        return False
    head = word.rsplit("-", 1)[-1]  # "Klaus", "Kreis", "Krankenhaus" end in s of their own
    if judge.lex.is_noun(head) or judge.lex.has(head, "g") or judge.common(word[:-1]):
        return False
    if judge.stop(word):
        return False
    return judge.common(following) or judge.role(following) or judge.org_cue(following)


def _joined(text: str, left: Token, right: Token) -> bool:
    gap = text[left.end : right.start]
    if gap in (" ", "\u00a0"):
        return True
    if gap == " & " and right.text.startswith("Co"):
        return True
    return gap == ", " and right.text.rstrip(".") in {"Inc", "Corp", "Ltd", "LLC"}


def _shouting(left: str, right: str) -> bool:
    """ "MYNEWSDESK Seerene": a word in capitals, then one that is not, are two names."""
    return len(left) >= 5 and left.isupper() and not right.isupper()


def _attaches(text: str, run: list[Token], ahead: list[Token], judge: _Judge) -> bool:
    """A particle ("Ursula von der Leyen") or a version number ("LLaMA 4") inside a name.

    A particle joins only a person's name: one or two names before it, particles,
    then exactly one capitalised word ("Olaf Kramm von Fanuc Deutschland" is two names).
    """
    tok = ahead[0]
    names = [t.text for t in run if not judge.particle(t.text)]
    if judge.particle(tok.text) and len(names) <= 2 and _joined(text, run[-1], tok):
        if any(judge.common(w) or judge.stop(w) or judge.strong(w) for w in names):
            return False
        k = 0
        while k < len(ahead) and judge.particle(ahead[k].text):
            if k + 1 < len(ahead) and not _joined(text, ahead[k], ahead[k + 1]):
                return False
            k += 1
        if k >= len(ahead) or not _capitalised(ahead[k].text):
            return False
        return k + 1 >= len(ahead) or not (
            _capitalised(ahead[k + 1].text) and _joined(text, ahead[k], ahead[k + 1])
        )
    if (
        tok.text[0].isdigit()
        and ("." in tok.text or len(tok.text) <= 2)
        and _joined(text, run[-1], tok)
    ):
        nxt = ahead[1] if len(ahead) > 1 else None
        return nxt is None or not _capitalised(nxt.text) or not _joined(text, tok, nxt)
    return False


def _modifiers(run: list[Token], judge: _Judge) -> Iterator[Found]:
    """ "Nvidia" in "Nvidia-Beschleuniger", "Intel" in "Intel-Chef": the name part of a compound."""
    for tok in run:
        if "-" not in tok.text or judge.lex.cue("org_heads", tok.text.rstrip("s")):
            continue
        modifier, head = tok.text.rsplit("-", 1)
        if not judge.common(tok.text) or len(modifier) < 2 or not _capitalised(modifier):
            continue
        if judge.stop(modifier) or judge.not_name(modifier) or judge.place(modifier):
            continue
        before_role = judge.role(head) or judge.org_cue(head)
        if judge.strong(modifier):
            kind, strength = _single_kind(modifier)
        elif (
            not judge.common(modifier)
            and not (modifier.endswith("s") and judge.common(modifier[:-1]))  # "Fusions-Pläne"
            and (not judge.lex.known(modifier) or judge.lex.has(modifier, "i"))
        ):
            kind, strength = EntityKind.ORGANIZATION, 1
        elif before_role and judge.lex.has(modifier, "i"):
            kind, strength = EntityKind.ORGANIZATION, 2  # "Facebook-Chef"
        else:
            continue
        yield Found(tok.start, tok.start + len(modifier), modifier, kind, strength)


def _single_kind(word: str) -> tuple[EntityKind, int]:
    if _has_digits(word):
        return EntityKind.TERM, 2
    if _is_acronym(word) or _is_camel(word):
        return EntityKind.ORGANIZATION, 2
    return EntityKind.ORGANIZATION, 1


def _judge_run(text: str, run: list[Token], after: Token | None, judge: _Judge) -> Found | None:
    words = [t.text for t in run]
    credit = bool(_CREDIT.search(text[max(0, run[0].start - 12) : run[0].start]))
    role = org_cue = False
    suffixed = len(run) > 1 and judge.org_suffix(words[-1])
    i = 0
    # strip what stands before the name: articles, roles, "Konzern", sentence openers
    while i < len(run):
        tok, word, rest = run[i], words[i], words[i + 1 :]
        if judge.stop(word) or judge.not_name(word):
            i += 1
        elif rest and judge.role(word) and not judge.stop(rest[0]):
            role = True
            i += 1
        elif rest and judge.org_cue(word):
            org_cue = True
            i += 1
        elif (
            tok.initial
            and not suffixed
            and not (credit and i == 0)
            and not judge.strong(word)
            and (judge.lex.known(word) or judge.common(word))
            and not judge.lex.has(word, "i")
            and not (rest and judge.lex.has(word, "g"))
        ):
            i += 1  # "Unter Beobachtung", "Dann", "Ironischerweise"
        elif (
            rest
            and not suffixed
            and judge.common(word)
            and not judge.adjectival(word)
            and not judge.lex.has(word, "g")
            and any(judge.namelike(w, False) and not judge.org_suffix(w) for w in rest)
        ):
            i += 1  # a classifier: "Kreis Gießen", "Tech-Veteranen Nat Friedman"
        else:
            break
    j = _trim_end(words, i, len(run), judge)
    while j > i and (judge.stop(words[j - 1]) or judge.particle(words[j - 1])):
        j -= 1
    kept = run[i:j]
    if not kept:
        return None
    names = [t.text for t in kept]
    first, last = kept[0], names[-1]
    name, end = text[first.start : kept[-1].end], kept[-1].end
    if "-" in last and judge.lex.cue("org_heads", last.rstrip("s")):
        if name.endswith("s") and not judge.lex.cue("org_heads", last):
            name, end = name[:-1], end - 1  # "Hasso-Plattner-Instituts"
        return Found(first.start, end, name, EntityKind.ORGANIZATION, 3, len(kept))
    strength_cap = 3
    genitive = (
        after is not None
        and _genitive_end(last, after.text, judge)
        and text[end : after.start] == " "
    )
    if len(kept) == 1:
        word = last[:-1] if genitive else last
        if not (role or org_cue or credit or judge.namelike(word, first.initial)):
            return None
        if judge.org_suffix(word) or judge.stop(word) or judge.not_name(word):
            return None
        if judge.common(word) and not (role or credit):
            return None  # "KI-Offensive": its modifier was taken by _modifiers
        if not (role or credit or judge.lex.has(word, "i")) and judge.adjectival(word):
            return None  # "im Dunkeln", "die Verschütteten": adjectives used as nouns
        if word.endswith("s") and judge.place(word[:-1]):
            return None  # "Taiwans"
        if not role and judge.place(word):
            return None
        if first.initial and not judge.strong(word) and not (role or org_cue):
            strength_cap = 0  # a sentence opener: a name only if said elsewhere too
    elif (
        not any(judge.namelike(w, False) or judge.lex.has(w, "g") for w in names)
        and not (judge.adjectival(names[0]) and not first.initial)
        and not role
    ):
        return None  # "Milliarden Dollar": two nouns in a row
    if genitive:
        name, end = name[:-1], end - 1
    if credit and not (role or org_cue) and not any(judge.org_suffix(w) for w in names):
        return Found(
            first.start, end, name, EntityKind.PERSON, 3 if len(kept) > 1 else 1, len(kept)
        )
    kind, strength = _run_kind(names, text, first, role, org_cue, judge)
    return Found(first.start, end, name, kind, min(strength, strength_cap), len(kept))


def _trim_end(words: list[str], i: int, j: int, judge: _Judge) -> int:
    """Where a name ends: after its company suffix, before a noun that follows a person.

    "BlackRock, Inc. Wilmington" ends at "Inc."; "Kay Nietfeld Bild" at "Nietfeld".
    """
    suffixes = [k for k in range(i + 1, j) if judge.org_suffix(words[k])]
    if suffixes:
        k = suffixes[-1] + 1
        return k if all(judge.org_suffix(w) or w == "&" for w in words[suffixes[0] : k]) else j
    while j - i >= 3 and (judge.common(words[j - 1]) or judge.place(words[j - 1])):
        person = words[i : j - 1]
        if not any(judge.namelike(w, False) or judge.lex.has(w, "g") for w in person):
            break
        j -= 1  # "Kay Nietfeld Bild", "Mark Zuckerberg Deutschland"
    pair = j - i == 2 and judge.strong(words[i]) and judge.common(words[i + 1])
    if pair and not judge.lex.has(words[i + 1], "i"):
        j -= 1  # "Nieding+Barth Rechtsanwaltsaktiengesellschaft"
    return j


def _run_kind(
    names: list[str], text: str, first: Token, role: bool, org_cue: bool, judge: _Judge
) -> tuple[EntityKind, int]:
    last = names[-1]
    if len(names) > 1 and judge.org_suffix(last):
        return EntityKind.ORGANIZATION, 3
    if org_cue:
        return EntityKind.ORGANIZATION, 3
    if any(_has_digits(w) or w[0].isdigit() for w in names):
        return EntityKind.TERM, 2
    if role:
        return EntityKind.PERSON, 3
    if len(names) == 1:
        quoted = first.start > 0 and text[first.start - 1] in _QUOTES
        return (EntityKind.TERM, 2) if quoted else _single_kind(last)
    if judge.lex.has(names[0], "g") and not judge.lex.is_noun(last) and not judge.stop(last):
        return EntityKind.PERSON, 3
    if judge.adjectival(names[0]) and not first.initial:
        return EntityKind.ORGANIZATION, 2
    if judge.place(last) and not judge.place(names[0]):
        return EntityKind.ORGANIZATION, 2  # "Fanuc Deutschland": a company's branch
    plain = [w for w in names if not judge.particle(w)]
    if (
        len(plain) <= 4
        and all(judge.namelike(w, False) and not judge.strong(w) for w in plain)
        and judge.surnamelike(last)
        and not judge.place(last)
    ):
        return EntityKind.PERSON, 2
    if any(_is_acronym(w) or _is_camel(w) for w in plain):
        return EntityKind.ORGANIZATION, 2
    return EntityKind.TERM, 1


def _listed_with_names(
    text: str, runs: list[tuple[list[Token], Token | None]], found: list[Found], judge: _Judge
) -> list[Found]:
    """ "Google, Microsoft, Mistral oder Anthropic": the words listed with a name are names too."""
    by_start = {f.start: f for f in found}
    singles = [run[0] for run, _ in runs if len(run) == 1]
    groups: list[list[Token]] = []
    for tok in singles:
        if groups and _LIST_GAP.fullmatch(text[groups[-1][-1].end : tok.start]):
            groups[-1].append(tok)
        else:
            groups.append([tok])
    out: list[Found] = []
    for group in groups:
        named = [by_start[t.start] for t in group if t.start in by_start]
        if len(group) < 2 or not any(
            f.strength >= 1 and f.kind is not EntityKind.PERSON for f in named
        ):
            continue
        for tok in group:
            word = tok.text
            if tok.start in by_start or tok.initial or judge.stop(word) or judge.not_name(word):
                continue
            if judge.place(word) or (judge.common(word) and not judge.lex.has(word, "i")):
                continue
            out.append(Found(tok.start, tok.end, word, EntityKind.ORGANIZATION, 1))
    return out


# --- from places to suggestions ---------------------------------------------------------


@dataclass(frozen=True)
class Suggestion:
    """A name to annotate: the form to write in YAML, its guessed kind and where it is."""

    name: str
    kind: EntityKind
    count: int
    sentence: str  # the first sentence it stands in
    article: str  # the id of the article that sentence is from
    forms: tuple[str, ...] = ()  # other forms counted with it: a surname, a genitive


@dataclass
class _Candidate:
    name: str
    kinds: Counter[tuple[EntityKind, int]] = field(default_factory=Counter)
    forms: set[str] = field(default_factory=set)
    tokens: int = 1

    def strength(self) -> int:
        return max(strength for _, strength in self.kinds)

    def kind(self) -> EntityKind:
        best = max(self.kinds.items(), key=lambda kv: (kv[0][1], kv[1]))
        return best[0][0]


def _texts(article: Article) -> Iterator[tuple[int, str]]:
    """Every text of an article: the title (as -1), then each block."""
    yield -1, article.title
    for number, block in enumerate(article.blocks):
        yield number, block.text


def suggest(
    articles: Iterable[Article], index: NameIndex, lexicon: Lexicon | None = None
) -> list[Suggestion]:
    """Names in ``articles`` that ``index`` does not cover, most frequent first."""
    lexicon = lexicon or load_lexicon()
    articles = tuple(articles)
    candidates: dict[str, _Candidate] = {}
    for article in articles:
        for _, text in _texts(article):
            covered = _covered(text, index)
            for f in find_names(text, lexicon):
                if any(s <= f.start and f.end <= e for s, e in covered):
                    continue
                c = candidates.setdefault(f.name, _Candidate(f.name, tokens=f.tokens))
                c.kinds[(f.kind, f.strength)] += 1
    candidates = _merge(candidates)
    firsts = {
        c.name.split()[0]
        for c in candidates.values()
        if c.tokens > 1 and c.kind() is EntityKind.ORGANIZATION
    }
    for name in firsts & candidates.keys():
        candidates[name].kinds[(EntityKind.ORGANIZATION, 2)] += 1  # "Fanuc" of "Fanuc Deutschland"
    candidates = {
        n: c for n, c in candidates.items() if c.strength() > 0 and not _indexed(n, index)
    }
    return _count(articles, candidates, index)


def _covered(text: str, index: NameIndex) -> list[tuple[int, int]]:
    """Spans the linker would give to a known entity (names, aliases, forms, surnames)."""
    return [(m.start, m.end) for place in find_matches(text, index) for m in place]


def _indexed(name: str, index: NameIndex) -> bool:
    return any(s == 0 and e >= len(name) for s, e in _covered(name, index))


def _merge(candidates: dict[str, _Candidate]) -> dict[str, _Candidate]:
    """A genitive joins its name ("Metas"), a surname joins its person ("LeCun")."""
    out = dict(candidates)

    def absorb(into: _Candidate, other: _Candidate) -> None:
        into.kinds.update(other.kinds)
        into.forms |= {other.name} | other.forms
        out.pop(other.name, None)

    for name in sorted(candidates, key=len, reverse=True):
        c = out.get(name)
        if c is None:
            continue
        if len(name.split()) > 1 and load_lexicon().listed("org_suffixes", name.split()[-1]):
            continue  # "Labs" is no genitive of "Lab"
        for ending in ("s", *_APOSTROPHES):
            stem = name.removesuffix(ending)
            if stem != name and stem in out:
                absorb(out[stem], c)
                break
    surnames: dict[str, list[_Candidate]] = defaultdict(list)
    for c in out.values():
        if c.tokens >= 2 and c.kind() is EntityKind.PERSON:
            surnames[c.name.split()[-1]].append(c)
    for surname, people in surnames.items():
        if len(people) == 1 and surname in out and out[surname].tokens == 1:
            absorb(people[0], out[surname])
        if len(people) == 1:
            people[0].forms.add(surname)
    return out


def _count(
    articles: Sequence[Article], candidates: dict[str, _Candidate], index: NameIndex
) -> list[Suggestion]:
    """Every mention of each candidate, its first sentence, most frequent first."""
    if not candidates:
        return []
    owner: dict[str, str] = {}
    for c in candidates.values():
        for form in (c.name, *sorted(c.forms)):
            owner.setdefault(form, c.name)
    alternatives = "|".join(re.escape(f) for f in sorted(owner, key=len, reverse=True))
    pattern = re.compile(rf"(?<![\w-])({alternatives})(?:s|'|’)?(?!\w)")
    counts: Counter[str] = Counter()
    first: dict[str, tuple[str, str]] = {}
    for article in articles:
        for _, text in _texts(article):
            covered = _covered(text, index)
            spans = sentence_spans(text)
            for m in pattern.finditer(text):
                if any(s <= m.start() and m.end(1) <= e for s, e in covered):
                    continue
                name = owner[m.group(1)]
                counts[name] += 1
                if name not in first:
                    s, e = sentence_around(spans, m.start(), m.end())
                    first[name] = (_shorten(text[s:e]), article.id)
    out = [
        Suggestion(
            name,
            candidates[name].kind(),
            counts[name],
            first[name][0],
            first[name][1],
            tuple(sorted(candidates[name].forms - {name})),
        )
        for name in counts
    ]
    out.sort(key=lambda s: (-s.count, s.name.casefold()))
    return out


def _shorten(sentence: str) -> str:
    sentence = " ".join(sentence.split())
    return sentence if len(sentence) <= _MAX_SENTENCE else sentence[: _MAX_SENTENCE - 1] + "…"


# --- YAML stubs -----------------------------------------------------------------------


def render_stub(suggestion: Suggestion) -> str:
    """One list entry to paste into its file: the name, an empty text to write, a comment."""
    times = "1 Erwähnung" if suggestion.count == 1 else f"{suggestion.count} Erwähnungen"
    comment = f"# {times} in {suggestion.article}: {suggestion.sentence}"
    name = _scalar(suggestion.name)
    if suggestion.kind is EntityKind.TERM:
        body = f'- term: {name}\n  definition: ""\n'
    else:
        body = f'- name: {name}\n  summary: ""\n'
    if suggestion.forms:
        body += f"  # auch als: {', '.join(suggestion.forms)}\n"
    return f"{comment}\n{body}"


def render_stubs(suggestions: Iterable[Suggestion]) -> str:
    """Stubs separated by blank lines, as the shipped files are written."""
    return "\n".join(render_stub(s) for s in suggestions)


def _scalar(text: str) -> str:
    """``text`` as a YAML scalar: plain if YAML reads it back as the same string."""
    dumped = yaml.safe_dump(text, allow_unicode=True, default_style=None, width=1000)
    plain = dumped.removesuffix("\n...\n").removesuffix("\n")
    try:
        if yaml.safe_load(plain) == text and "\n" not in plain:
            return plain
    except yaml.YAMLError:
        pass
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def append_text(existing: str, stubs: str) -> str:
    """``existing`` unchanged, then a blank line and the stubs: nothing is re-serialised."""
    if not stubs:
        return existing
    if not existing:
        return stubs
    sep = "" if existing.endswith("\n") else "\n"
    return f"{existing}{sep}\n{stubs}"


class AppendError(ValueError):
    """The file cannot take block-list entries at its end (it is a flow list or a mapping)."""


def append_stubs(path: Path, stubs: str) -> None:
    """Append ``stubs`` to ``path`` as text, after checking that the result still loads."""
    existing = path.read_text(encoding="utf-8") if path.exists() else ""
    combined = append_text(existing, stubs)
    try:
        before = yaml.safe_load(existing) if existing.strip() else None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f" (line {mark.line + 1})" if mark else ""
        raise AppendError(f"{path}: is not valid YAML{line}; fix it before appending") from exc
    try:
        after = yaml.safe_load(combined)
    except yaml.YAMLError:
        after = None
    if not isinstance(after, list) or after != [*(before or []), *(yaml.safe_load(stubs) or [])]:
        raise AppendError(
            f"{path}: the stubs cannot be appended as text; the file must be a list of "
            "entries each starting with '- ' (not [ … ] or a mapping)"
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8", newline="") as out:
        out.write(combined[len(existing) :])


# --- the command ------------------------------------------------------------------------


def select(articles: Sequence[Article], wanted: Sequence[str]) -> tuple[list[Article], list[str]]:
    """Articles named by id, seed file name or seed stem; and the names that matched none."""
    if not wanted:
        return list(articles), []
    chosen: list[Article] = []
    unknown: list[str] = []
    for want in wanted:
        name = Path(want).name
        hits = [a for a in articles if name in (a.id, Path(a.source).name, Path(a.source).stem)]
        if not hits:
            unknown.append(want)
        chosen.extend(a for a in hits if a not in chosen)
    return chosen, unknown


def written_names(annotations: Path) -> set[str]:
    """Every name and alias written in the annotation files, valid entries or not.

    A stub appended earlier and not filled in yet fails validation and is missing
    from the index; without this, each run would append it again.
    """
    names: set[str] = set()
    for file in FILES.values():
        try:
            entries = yaml.safe_load((annotations / file).read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError):
            continue
        for entry in entries if isinstance(entries, list) else ():
            if isinstance(entry, dict):
                aliases = entry.get("aliases")
                aliases = aliases if isinstance(aliases, list) else []
                names.update(str(n) for n in (entry.get("name"), entry.get("term"), *aliases) if n)
    return names


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "articles", nargs="*", metavar="ARTICLE", help="article id or seed file name (default: all)"
    )
    parser.add_argument(
        "--kind",
        choices=[k.value for k in EntityKind],
        help="only names guessed to be of this kind",
    )
    parser.add_argument(
        "--append",
        action="store_true",
        help="append the stubs to annotations/people.yml, organizations.yml or glossary.yml",
    )
    parser.set_defaults(run=command)


def command(args: argparse.Namespace) -> int:
    from randnotiz.build import read_and_link  # the whole pipeline only when run

    linked = read_and_link(args.root)
    for problem in linked.problems:
        if problem.severity == "error":
            print(problem, file=sys.stderr)
    articles, unknown = select(linked.sources.articles, args.articles)
    if unknown:
        known = ", ".join(a.id for a in linked.sources.articles) or "none"
        for want in unknown:
            print(f"randnotiz: no article '{want}'; known articles: {known}", file=sys.stderr)
        return 2
    written = written_names(linked.project.annotations)
    found = [s for s in suggest(articles, linked.index) if s.name not in written]
    if args.kind:
        found = [s for s in found if s.kind.value == args.kind]
    annotations = linked.project.annotations
    for kind, file in FILES.items():
        group = [s for s in found if s.kind is kind]
        if not group:
            continue
        stubs = render_stubs(group)
        if args.append:
            path = annotations / file
            try:
                append_stubs(path, stubs)
            except AppendError as exc:
                print(f"randnotiz: {exc}", file=sys.stderr)
                return 1
            print(
                f"randnotiz: {len(group)} stub(s) appended to {linked.project.shown(path)}",
                file=sys.stderr,
            )
        else:
            print(f"# --- annotations/{file} ---\n")
            print(stubs)
    if not found:
        print("randnotiz: every name found in the articles has an annotation", file=sys.stderr)
    return 0
