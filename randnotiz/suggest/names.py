"""Finding names in one text: runs of capitalised words, shapes, cues around them."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from randnotiz.model import EntityKind
from randnotiz.sentences import sentence_spans
from randnotiz.suggest.lexicon import Lexicon

TOKEN = re.compile(r"\d+(?:[.,]\d+)+|\w+(?:[-+]\w+)*")
_OPENERS = frozenset(':„“"«»‚*•|')  # noqa: RUF001 - German quotes are meant
_QUOTES = frozenset('„“”"«»‚‘’')  # noqa: RUF001
_NOUN_ENDINGS = tuple(
    "ung ungen heit heiten keit keiten schaft schaften tion tionen ität itäten ismus ismen".split()
)
_ADJECTIVE_ENDINGS = ("e", "en", "er", "es", "em")
_DOT_SUFFIXES = frozenset({"Inc", "Corp", "Co", "Ltd", "Dr", "Prof", "St"})

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
