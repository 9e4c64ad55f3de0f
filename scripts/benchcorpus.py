"""A synthetic newsroom archive for the benchmark: N articles, M generated entities.

The articles are the project's own seeds with their people, organisations and
terms swapped for generated ones, their sections shuffled and a new title,
date and rubric, and their content words swapped for words drawn from a German
word list (see ``Rewording``): text of the same size and build, mentioning as
many entities as the seed does, with as many different words as a newsroom
uses. Repeating the seed's own sentences would make an archive whose text
gzip packs ten times and whose search index knows a few thousand words; the
benchmark checks that gzip packs the synthetic text no better than the seed's.

The knowledge base is the project's annotations
plus M generated entries with German-looking names, summaries, descriptions,
affiliations and cross references. Everything is drawn from one seeded random
generator, so the same arguments give the same bytes.

Nothing here knows what the shipped article says: the swap table comes from
running the project's own linker over its own seeds.
"""

from __future__ import annotations

import datetime as dt
import gzip
import random
import re
import shutil
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from randnotiz.build import read_and_link
from randnotiz.dates import MONTHS
from randnotiz.index import TERM_ENDINGS, surname_of
from randnotiz.model import Article, Block, BlockKind, Entity, EntityKind, Note
from randnotiz.paths import slugify
from randnotiz.read.annotations import GLOSSARY_FILE, ORGANIZATIONS_FILE, PEOPLE_FILE
from randnotiz.write import MANIFEST, read_manifest

REPO = Path(__file__).resolve().parent.parent
Entry = dict[str, Any]  # one entry of a YAML list, as the dumper writes it

#: Share of an article's entities that stay the shipped ones, so that a few
#: names (a big company, a common term) run through many articles, as in a newsroom.
KEEP_SHIPPED = 0.1
#: Shares of the generated entities by kind.
PEOPLE_SHARE, ORGANIZATION_SHARE = 0.4, 0.3

FIRST_NAMES = """
Anna Bernd Carla Dieter Elena Fabian Greta Heiko Ines Jonas Katrin Lars Marta Nils Olga Paul
Rita Sven Tanja Uwe Vera Wolfgang Yvonne Zoe Andreas Birgit Christian Doris Erik Frieda Georg
Hanna Ingo Julia Klaus Lena Moritz Nina Oskar Petra Ralf Sabine Thomas Ulrike Volker Wiebke
Anton Bettina Claudia Daniel Eva Florian Gisela Helmut Irene Jan Karla Lukas Miriam Norbert
Ottilie Philipp Renate Stefan Theresa Ute Valentin Walter Xenia Yannick Zeynep Aylin Mehmet
""".split()
SURNAME_HEADS = """
Brenn Hau Wald Kessel Linden Mos Fich Birk Ahl Eder Gern Hölz Kett Lau Mahl Nörd Ober Pfitz
Rott Tann Ulm Vogt Wend Zell Adel Dorn Eck Fried Gais Hart Imm Jäck Kalt Lehn Merk Ost Pohl
Reich Sand Thal Vier Weid Zimm Bräu Dill Ebel Falk Gräf Hess Iser Kling Lorb Mück Nagl Rein
Sieb Trautn Uhl Wachs Ziegl Aich Buchn Dengl Engl Fess Grie Hamm Kirch Lutz Meil Pfeff
""".split()
SURNAME_TAILS = """
inger mann berger hofer meier huber bauer ler ner bach feld hagen stätter brecht rieder häuser
lechner mayr müller schmid reiter wanger kofler egger steiner gruber maier moser thaler
winkler kamp horst dorf beck rath hardt lohner seder wieser gartner leitner stadler
""".split()
ORG_HEADS = """
Nord Süd Ost West Alpen Rhein Elb Main Donau Hanse Isar Neckar Weser Spree Mosel Saar Ruhr
Harz Eifel Taunus Ems Havel Oder Lech Inn Fulda Lahn Werra Allgäu Bode
""".split()
ORG_TAILS = """
werk stern licht tec data net bau kraft punkt logik wert quelle brücke feld hafen
""".split()
ORG_BRANCHES = """
Energie Logistik Systeme Finanz Medien Software Robotik Pharma Versicherung Chemie Solartechnik
Mobilität Analytik Halbleiter Telekom
""".split()
ORG_FORMS = ("AG", "GmbH", "SE", "Holding", "Gruppe")
ORG_KINDS = ("Unternehmen", "Start-up", "Forschungslabor", "Behörde", "Verband", "Stiftung")
TERM_HEADS = """
Strom Wärme Daten Fracht Kredit Boden Wasser Funk Zins Miet Pflege Schul Bahn Hafen Kohle
Solar Wind Gas Netz Chip Cloud Renten Grenz Kabel Speicher Lizenz Wohn Agrar Klima Steuer
Tarif Zoll Mobil Paket Signal Roboter Akku Code Server Handels Export Import Patent Kassen
Forst Fischerei Luftfahrt Tourismus Medien Sender Bildungs Wasserstoff Batterie Lithium
""".split()
TERM_TAILS = """
pakt quote abgabe fonds register index bremse deckel prämie pflicht reform kompass
monitor zertifikat bonus grenze programm verbund korridor auktion siegel charta kataster
garantie kodex rahmen fahrplan gipfel ausschuss konsortium protokoll leitfaden umlage
""".split()
CITIES = """
Hamburg Bremen Hannover Leipzig Dresden Erfurt Kassel Köln Bonn Mainz Mannheim Stuttgart
Freiburg Ulm Augsburg München Nürnberg Regensburg Würzburg Münster Bielefeld Kiel Rostock
""".split()
ROLES = """
Vorstandschefin Vorstandschef Finanzvorständin Technikchef Gründerin Gründer Aufsichtsratschef
Forschungsleiterin Sprecher Geschäftsführerin Chefvolkswirt Betriebsratschefin Investor
""".split()
TOPICS = (
    "künstliche Intelligenz",
    "die Energiewende",
    "den Ausbau der Rechenzentren",
    "neue Lieferketten",
    "den Datenschutz",
    "die Elektromobilität",
    "den Mittelstand",
    "offene Software",
    "die Chipfertigung",
    "die Digitalisierung der Verwaltung",
)
RUBRICS = ("Unternehmen", "Wirtschaft", "Technik", "Finanzen", "Politik", "Karriere", "Digital")
SUBTITLES = (
    "Der letzte Kampf um die Zukunft",
    "Wer jetzt zahlt, gewinnt",
    "Ein Konzern im Umbau",
    "Milliarden für einen Neuanfang",
    "Die Angst vor dem Absturz",
    "Was hinter dem Machtkampf steckt",
    "Das Rennen um die besten Köpfe",
    "Zwischen Aufbruch und Krise",
    "Ein riskanter Strategiewechsel",
    "Die Wette auf das nächste große Ding",
    "Wie ein Neustart gelingen soll",
    "Der Preis des Erfolgs",
)


@dataclass(frozen=True)
class Generated:
    """An entity as the articles name it: full name, surname (people) and short form."""

    id: str
    kind: EntityKind
    name: str
    short: str  # the form used in running text (an organisation without "AG")
    surname: str | None = None


@dataclass(frozen=True)
class SizeSpec:
    articles: int
    entities: int  # generated entities, on top of the shipped ones
    seed: int = 2025


@dataclass(frozen=True)
class Synthetic:
    """What was generated, for the benchmark's own checks."""

    root: Path
    spec: SizeSpec
    article_files: tuple[str, ...]
    people: tuple[Generated, ...]
    organizations: tuple[Generated, ...]
    terms: tuple[Generated, ...]
    uses: dict[str, tuple[str, ...]] = field(default_factory=dict)  # entity id → seed stems

    @property
    def entity_count(self) -> int:
        return len(self.people) + len(self.organizations) + len(self.terms)


# --- the template: the shipped seeds and what the linker finds in them --------------


@dataclass(frozen=True)
class Slot:
    """A surface form in a template and the role it plays for its entity."""

    entity: str
    kind: EntityKind
    role: str  # "full", "surname", "name"; with "+s" for a genitive, "+<ending>" for a term


@dataclass(frozen=True)
class Template:
    article: Article
    surfaces: dict[str, Slot]
    pattern: re.Pattern[str]


def _role(surface: str, names: tuple[str, ...], kind: EntityKind) -> str:
    surname = surname_of(names[0]) if kind is EntityKind.PERSON else None
    for base, role in [*((n, "full" if surname else "name") for n in names), (surname, "surname")]:
        if not base:
            continue
        if surface == base:
            return role
        rest = surface[len(base) :]
        if surface.startswith(base) and rest in ("s", "'", "’"):
            return f"{role}+s"
        if kind is EntityKind.TERM and surface.startswith(base) and rest in TERM_ENDINGS:
            return f"{role}+{rest}"
    return "name"


def load_templates(root: Path = REPO) -> list[Template]:
    """Each seed of the project with the surface forms its entities take in it."""
    linked = read_and_link(root)
    entities = linked.sources.knowledge.by_id()
    templates = []
    for la in linked.articles:
        surfaces: dict[str, Slot] = {}
        for m in la.mentions:
            entity = entities[m.entity]
            surface = la.article.blocks[m.block].text[m.start : m.end]
            surfaces.setdefault(
                surface, Slot(entity.id, entity.kind, _role(surface, entity.names, entity.kind))
            )
        alternatives = "|".join(re.escape(s) for s in sorted(surfaces, key=len, reverse=True))
        pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")
        templates.append(Template(la.article, surfaces, pattern))
    return templates


# --- varied text: the template's words swapped for others, as many as real news uses ----


#: A word of the template stays when it is this short or this frequent in the template:
#: articles, conjunctions and prepositions carry the grammar, not the content. With
#: more kept (every word of up to four letters, or seen three times), gzip packed the
#: generated articles to 46 % and the shipped one to 50 %: names and kept words
#: repeated where news varies.
KEEP_LENGTH = 1
KEEP_COUNT = 20
#: How many drawings may look for a word of about the length of the one it replaces.
LENGTH_TRIES = 20
#: The flatter Zipf's law (1 / (rank + offset)), the more different words an article uses.
ZIPF_OFFSET = 3000
WORD_LIST = REPO / "randnotiz" / "data" / "wortliste.tsv"
_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Vocabulary:
    """German words to draw from, most of them rarely, as in real text (Zipf's law).

    Nouns (capitalised) replace capitalised words, other words lowercase ones; the
    rank of each word is drawn once from the seed, so the same words are common in
    every article, as "Unternehmen" and "Jahr" are in any archive.
    """

    nouns: tuple[str, ...]
    others: tuple[str, ...]
    noun_weights: tuple[float, ...]
    other_weights: tuple[float, ...]

    def draw(self, rng: random.Random, capital: bool) -> str:
        words, weights = (
            (self.nouns, self.noun_weights) if capital else (self.others, self.other_weights)
        )
        return rng.choices(words, cum_weights=weights)[0]


def _zipf(count: int) -> tuple[float, ...]:
    total, out = 0.0, []
    for rank in range(count):
        total += 1.0 / (rank + ZIPF_OFFSET)
        out.append(total)
    return tuple(out)


def load_vocabulary(rng: random.Random, taken: set[str]) -> Vocabulary:
    """The project's German word list without names, places, English words and
    anything a knowledge base names (``taken``, casefolded): no drawn word may be
    linked."""
    nouns, others = [], []
    for line in WORD_LIST.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        word, _, flags = line.partition("\t")
        if set(flags) & set("gita") or not word.isalpha() or word in taken or len(word) < 3:
            continue
        if "n" in flags:
            nouns.append(word[:1].upper() + word[1:])
        elif "w" in flags:
            others.append(word)
    rng.shuffle(nouns)
    rng.shuffle(others)
    return Vocabulary(tuple(nouns), tuple(others), _zipf(len(nouns)), _zipf(len(others)))


def kept_words(templates: list[Template]) -> frozenset[str]:
    """The template words that stay: short or frequent ones (see ``KEEP_COUNT``)."""
    counts: Counter[str] = Counter()
    for t in templates:
        for block in t.article.blocks:
            counts.update(w for w in _WORD.findall(block.text) if w.islower())
    return frozenset(w for w, n in counts.items() if n >= KEEP_COUNT)


@dataclass
class Rewording:
    """One article's swap of content words: the same word gets the same stand-in
    throughout the article (and in its notes' quotes), another article draws anew."""

    rng: random.Random
    vocabulary: Vocabulary
    kept: frozenset[str]
    chosen: dict[str, str] = field(default_factory=dict)

    def word(self, word: str) -> str:
        if len(word) <= KEEP_LENGTH or word in self.kept or not word.isalpha():
            return word
        if not word[:1].isupper():
            return self._like(word)  # verbs and adjectives vary; the article's nouns recur
        if word not in self.chosen:
            self.chosen[word] = self._like(word)
        return self.chosen[word]

    def _like(self, word: str) -> str:
        """A drawn word about as long as ``word``: text of the same size and rhythm."""
        drawn = self.vocabulary.draw(self.rng, word[:1].isupper())
        for _ in range(LENGTH_TRIES):
            if abs(len(drawn) - len(word)) <= 2:
                break
            drawn = self.vocabulary.draw(self.rng, word[:1].isupper())
        return drawn


# --- the generated knowledge base ---------------------------------------------------


def _unique(candidates: Iterable[str], count: int, taken: set[str], what: str) -> list[str]:
    out = []
    for name in candidates:
        key = name.lower()
        if key in taken:
            continue
        taken.add(key)
        out.append(name)
        if len(out) == count:
            return out
    raise ValueError(f"not enough distinct {what} names for {count}; add words to the lists")


#: Joints between a name's head and tail: without them the lists give some 2,000 names
#: of each kind, enough for 2,000 articles but not for 10,000 (30,000 entries).
JOINTS = ("", "en", "er", "el", "ing", "s")


def _combinations(rng: random.Random, heads: list[str], tails: list[str]) -> list[str]:
    names = [h + j + t for h in heads for j in JOINTS for t in tails]
    rng.shuffle(names)
    return names


def _words_of(templates: list[Template]) -> set[str]:
    words: set[str] = set()
    for t in templates:
        for block in t.article.blocks:
            words |= {w.lower() for w in re.findall(r"\w+", block.text)}
    return words


def _taken_forms(words: set[str]) -> set[str]:
    """The seeds' words, also without a term's endings: no generated name may hide in the text."""
    taken = set(words)
    for w in words:
        for ending in TERM_ENDINGS:
            if w.endswith(ending):
                taken.add(w[: -len(ending)])
    return taken


def generate_entities(
    rng: random.Random, count: int, taken: set[str]
) -> tuple[list[Generated], list[Generated], list[Generated]]:
    people_n = round(count * PEOPLE_SHARE)
    orgs_n = round(count * ORGANIZATION_SHARE)
    terms_n = count - people_n - orgs_n
    surnames = _unique(
        _combinations(rng, SURNAME_HEADS, SURNAME_TAILS), people_n, taken, "surname"
    )
    people = [
        Generated(slugify(f"{first} {last}"), EntityKind.PERSON, f"{first} {last}", last, last)
        for first, last in ((rng.choice(FIRST_NAMES), s) for s in surnames)
    ]
    bases = _unique(
        (
            f"{b} {branch}"
            for b in _combinations(rng, ORG_HEADS, ORG_TAILS)
            for branch in rng.sample(ORG_BRANCHES, 4)
        ),
        orgs_n,
        taken,
        "organisation",
    )
    orgs = []
    for base in bases:
        full = f"{base} {rng.choice(ORG_FORMS)}"
        orgs.append(Generated(slugify(full), EntityKind.ORGANIZATION, full, base))
    term_names = _unique(_combinations(rng, TERM_HEADS, TERM_TAILS), terms_n, taken, "term")
    terms = [Generated(slugify(t), EntityKind.TERM, t, t) for t in term_names]
    return people, orgs, terms


def _year(rng: random.Random, low: int = 1990, high: int = 2024) -> int:
    return rng.randint(low, high)


def _see_also(rng: random.Random, pool: list[Generated], own: str) -> list[str]:
    picks = [g.id for g in rng.sample(pool, min(len(pool), rng.choice((0, 1, 1, 2))))]
    return [p for p in picks if p != own]


def person_entry(
    rng: random.Random, p: Generated, orgs: list[Generated], pool: list[Generated]
) -> Entry:
    org = rng.choice(orgs)
    wiki = p.name.replace(" ", "_")
    role = rng.choice(ROLES)
    since = _year(rng, 2005)
    city = rng.choice(CITIES)
    topic = rng.choice(TOPICS)
    affiliations = [{"organization": org.id, "role": role, "since": since}]
    if rng.random() < 0.5:
        earlier = rng.choice(orgs)
        if earlier.id != org.id:
            start = _year(rng, 1990, since - 1)
            affiliations.insert(
                0,
                {
                    "organization": earlier.id,
                    "role": rng.choice(ROLES),
                    "since": start,
                    "until": since,
                },
            )
    entry = {
        "name": p.name,
        "summary": f"{role} bei {org.short} in {city}, seit {since} im Amt und bekannt für "
        f"ihre Positionen zu {topic}.",
        "description": (
            f"{p.name} wuchs in {rng.choice(CITIES)} auf und studierte Volkswirtschaft und "
            f"Informatik. Nach Stationen in Beratung und Forschung kam {p.surname} {since} zu "
            f"{org.short}, wo {p.surname} heute als {role} arbeitet.\n"
            f"In Interviews äußert sich {p.surname} regelmäßig zu {topic} und zu den Folgen für "
            f"Beschäftigte und Kundschaft.\n"
        ),
        "affiliations": affiliations,
        "links": [{"title": "Wikipedia", "url": f"https://de.wikipedia.org/wiki/{wiki}"}],
    }
    see_also = _see_also(rng, pool, p.id)
    if see_also:
        entry["see_also"] = see_also
    return entry


def organization_entry(
    rng: random.Random, o: Generated, earlier: list[Generated], pool: list[Generated]
) -> Entry:
    founded = _year(rng, 1950, 2022)
    city = rng.choice(CITIES)
    topic = rng.choice(TOPICS)
    entry = {
        "name": o.name,
        "aliases": [o.short],
        "kind": rng.choice(ORG_KINDS),
        "summary": f"{o.short} mit Sitz in {city}, {founded} gegründet, "
        f"setzt auf {topic} und beschäftigt rund {rng.randint(2, 90) * 100} Menschen.",
        "description": (
            f"{o.name} entstand {founded} in {city}. Das Unternehmen wuchs zunächst im "
            f"Inland und eröffnete später Standorte in ganz Europa.\n"
            f"Zuletzt investierte {o.short} vor allem in {topic}.\n"
        ),
        "founded": founded,
        "headquarters": city,
    }
    if earlier and rng.random() < 0.15:
        entry["parent"] = rng.choice(earlier).id
    see_also = _see_also(rng, pool, o.id)
    if see_also:
        entry["see_also"] = see_also
    return entry


def term_entry(rng: random.Random, t: Generated, pool: list[Generated]) -> Entry:
    topic = rng.choice(TOPICS)
    entry = {
        "term": t.name,
        "definition": f"Der {t.name} regelt, wie Unternehmen und Behörden mit Blick auf {topic} "
        f"zusammenarbeiten; er gilt seit {_year(rng, 2000)} in Deutschland.",
    }
    if rng.random() < 0.3:
        entry["description"] = (
            f"Kritiker halten den {t.name} für zu bürokratisch, Befürworter für überfällig.\n"
        )
    see_also = _see_also(rng, pool, t.id)
    if see_also:
        entry["see_also"] = see_also
    return entry


# --- the articles -------------------------------------------------------------------


@dataclass(frozen=True)
class Casting:
    """Which generated entity plays which shipped one in one article."""

    cast: dict[str, Generated]
    named: set[str] = field(default_factory=set)  # people already named in full

    def render(self, slot: Slot, track: bool) -> str:
        g = self.cast[slot.entity]
        role, _, ending = slot.role.partition("+")
        if role == "surname" and g.id not in self.named and track:
            role = "full"  # a surname alone only after the full name, wherever the section moved
        if role == "full":
            text = g.name
            if track:
                self.named.add(g.id)
        elif role == "surname":
            text = g.surname or g.short
        else:
            text = g.short
        if ending == "s":
            return text + ("’" if text[-1] in "sxzß" else "s")
        return text + ending if ending else text


def _as_shipped(entity_id: str, kind: EntityKind, knowledge: dict[str, Entity]) -> Generated:
    e = knowledge[entity_id]
    return Generated(e.id, kind, e.name, e.name, surname_of(e.name))


def _cast(
    rng: random.Random,
    template: Template,
    by_kind: dict[EntityKind, list[Generated]],
    shipped: dict[str, Entity],
) -> dict[str, Generated]:
    """Distinct generated entities for the template's entities; a few stay the shipped ones."""
    slots = list({s.entity: s for s in template.surfaces.values()}.values())
    swapped = [s for s in slots if rng.random() >= KEEP_SHIPPED]
    cast = {s.entity: _as_shipped(s.entity, s.kind, shipped) for s in slots}
    for kind, pool in by_kind.items():
        wanted = [s for s in swapped if s.kind is kind]
        picks = rng.sample(pool, min(len(wanted), len(pool)))
        for slot, choice in zip(wanted[: len(picks)], picks, strict=True):
            cast[slot.entity] = choice
    return cast


def _sections(blocks: tuple[Block, ...]) -> tuple[list[Block], list[list[Block]]]:
    """Blocks before the first heading, then each heading with what follows it."""
    head: list[Block] = []
    sections: list[list[Block]] = []
    for block in blocks:
        if block.kind is BlockKind.HEADING:
            sections.append([block])
        elif sections:
            sections[-1].append(block)
        else:
            head.append(block)
    return head, sections


def _date_line(rng: random.Random, date: dt.date) -> str:
    style = rng.randrange(3)
    if style == 0:
        return f"{date.day}. {MONTHS[date.month - 1]}, {date.year}"
    if style == 1:
        return f"{date:%d.%m.%Y}"
    return date.isoformat()


def swapped(
    template: Template, casting: Casting, rewording: Rewording, text: str, track: bool = True
) -> str:
    """``text`` with the cast's names for the template's entities and reworded between them."""
    out, pos = [], 0

    def reword(piece: str) -> str:
        return _WORD.sub(lambda w: rewording.word(w.group()), piece)

    for m in template.pattern.finditer(text):
        out += [reword(text[pos : m.start()]), casting.render(template.surfaces[m.group()], track)]
        pos = m.end()
    out.append(reword(text[pos:]))
    return "".join(out)


def write_article(
    rng: random.Random,
    template: Template,
    casting: Casting,
    rewording: Rewording,
    title: str,
    date: dt.date,
    rubric: str,
) -> tuple[str, list[Note]]:
    """The seed text and the template's notes whose quotes survive the swap."""

    def swap(text: str, track: bool = True) -> str:
        return swapped(template, casting, rewording, text, track)

    head, sections = _sections(template.article.blocks)
    rng.shuffle(sections)
    lines = [_date_line(rng, date), rubric, title]
    texts: list[str] = []
    for block in [*head, *(b for s in sections for b in s)]:
        text = swap(block.text)
        texts.append(text)
        if block.kind is BlockKind.FIGURE:
            alt = title if block.alt == template.article.title else swap(block.alt or "")
            lines.append(f"{alt}\n{text}")
        else:
            lines.append(text)
    notes = []
    for note in template.article.notes:
        quote = swap(note.quote, track=False)
        if any(quote in t for t in texts):
            text = swap(note.text, track=False)
            notes.append(Note(quote, note.kind, text, note.origin, note.sources))
    return "\n\n".join(lines) + "\n", notes


def _yaml(data: object) -> str:
    """YAML as an editor writes it, by libyaml when PyYAML has it (the pure-Python
    emitter took most of the time of generating an archive)."""
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    return yaml.dump(data, Dumper=dumper, allow_unicode=True, sort_keys=False, width=1000)


def _notes_yaml(notes: list[Note]) -> str:
    data = {
        "notes": [
            {
                "quote": n.quote,
                "kind": n.kind,
                "text": n.text,
                "sources": [{"title": s.title, "url": s.url} for s in n.sources],
            }
            for n in notes
        ]
    }
    return _yaml(data)


def _title(
    rng: random.Random,
    template: Template,
    casting: Casting,
    rewording: Rewording,
    used: set[str],
) -> str:
    kicker = swapped(template, casting, rewording, template.article.title.split(":")[0], False)

    def subtitle() -> str:
        return swapped(template, casting, rewording, rng.choice(SUBTITLES), False)

    title = f"{kicker}: {subtitle()}"
    n = 2
    while slugify(title) in used:
        title = f"{kicker}: {subtitle()} – Teil {n}"
        n += 1
    used.add(slugify(title))
    return title


# --- the project --------------------------------------------------------------------


def mkdocs_config(with_hook: bool = True) -> dict:
    """The repository's mkdocs.yml with paths made absolute, for a project elsewhere."""
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    theme = config.get("theme", {})
    if "custom_dir" in theme:
        theme["custom_dir"] = str(REPO / theme["custom_dir"])
    if with_hook:
        config["hooks"] = [str(REPO / h) for h in config.get("hooks", [])]
    else:
        config.pop("hooks", None)
    return config


def copy_hand_written(docs: Path) -> None:
    """The repository's hand-written docs (stylesheets, …), without generated pages."""
    source = REPO / "docs"
    generated = read_manifest(source) | {MANIFEST}
    for path in source.rglob("*"):
        relative = path.relative_to(source).as_posix()
        if path.is_file() and relative not in generated:
            target = docs / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, target)


def write_project(root: Path, with_hook: bool = True) -> None:
    root.mkdir(parents=True, exist_ok=True)
    (root / "mkdocs.yml").write_text(
        yaml.safe_dump(mkdocs_config(with_hook), allow_unicode=True, sort_keys=False),
        encoding="utf-8",
    )
    copy_hand_written(root / "docs")


def _append_yaml(target: Path, shipped: Path, entries: list[Entry]) -> None:
    text = shipped.read_text(encoding="utf-8") if shipped.exists() else ""
    extra = _yaml(entries)
    target.write_text(text.rstrip("\n") + "\n\n" + extra if text.strip() else extra, "utf-8")


def make_corpus(root: Path, spec: SizeSpec) -> Synthetic:
    """A project at ``root``: the shipped seeds plus generated ones, N in all."""
    rng = random.Random(spec.seed)
    templates = load_templates()
    shipped = read_and_link(REPO).sources.knowledge.by_id()
    taken = _taken_forms(_words_of(templates))
    taken |= {n.lower() for e in shipped.values() for n in e.names}
    people, orgs, terms = generate_entities(rng, spec.entities, taken)
    pool = [*people, *orgs, *terms]
    named = _taken_forms({w.casefold() for g in pool for w in _WORD.findall(g.name)})
    named |= {w.casefold() for e in shipped.values() for n in e.names for w in _WORD.findall(n)}
    vocabulary = load_vocabulary(random.Random(spec.seed), named)
    kept = kept_words(templates)

    write_project(root)
    seeds, annotations = root / "seeds", root / "annotations"
    shutil.copytree(REPO / "seeds", seeds, dirs_exist_ok=True)
    shutil.copytree(REPO / "annotations", annotations, dirs_exist_ok=True)
    _append_yaml(
        annotations / PEOPLE_FILE,
        REPO / "annotations" / PEOPLE_FILE,
        [person_entry(rng, p, orgs, pool) for p in people],
    )
    _append_yaml(
        annotations / ORGANIZATIONS_FILE,
        REPO / "annotations" / ORGANIZATIONS_FILE,
        [organization_entry(rng, o, orgs[:i], pool) for i, o in enumerate(orgs)],
    )
    _append_yaml(
        annotations / GLOSSARY_FILE,
        REPO / "annotations" / GLOSSARY_FILE,
        [term_entry(rng, t, pool) for t in terms],
    )

    by_kind = {EntityKind.PERSON: people, EntityKind.ORGANIZATION: orgs, EntityKind.TERM: terms}
    files = [p.name for p in sorted(seeds.glob("*.txt"))]
    uses: dict[str, list[str]] = defaultdict(list)
    used_titles = {slugify(t.article.title) for t in templates}
    start = dt.date(2023, 1, 1).toordinal()
    for number in range(len(files), spec.articles):
        template = templates[number % len(templates)]
        casting = Casting(_cast(rng, template, by_kind, shipped))
        rewording = Rewording(rng, vocabulary, kept)
        date = dt.date.fromordinal(start + rng.randrange(3 * 365))
        title = _title(rng, template, casting, rewording, used_titles)
        text, notes = write_article(
            rng, template, casting, rewording, title, date, rng.choice(RUBRICS)
        )
        stem = f"{date.isoformat()}-{number:05d}"
        (seeds / f"{stem}.txt").write_text(text, encoding="utf-8")
        if notes:
            (annotations / "articles" / f"{stem}.yml").write_text(_notes_yaml(notes), "utf-8")
        files.append(f"{stem}.txt")
        for g in casting.cast.values():
            uses[g.id].append(stem)
    return Synthetic(
        root,
        spec,
        tuple(files),
        tuple(people),
        tuple(orgs),
        tuple(terms),
        {k: tuple(v) for k, v in uses.items()},
    )


def plain_text(rng: random.Random, vocabulary: Vocabulary, size: int) -> str:
    """Sentences of drawn words, at least ``size`` bytes: the floor's text, as varied
    as the articles'."""
    parts: list[str] = []
    length = 0
    while length < size:
        words = [vocabulary.draw(rng, rng.random() < 0.35) for _ in range(rng.randint(6, 18))]
        sentence = " ".join(words)
        sentence = sentence[:1].upper() + sentence[1:] + "."
        parts.append(sentence)
        length += len(sentence.encode("utf-8")) + 1
    return " ".join(parts)


def gzip_ratio(text: str) -> float:
    """Compressed over raw size (gzip, level 6): the lower, the more the text repeats."""
    data = text.encode("utf-8")
    return len(gzip.compress(data, compresslevel=6)) / max(len(data), 1)


def plain_pages(generated_docs: Path, floor_docs: Path, text: Callable[[int, int], str]) -> int:
    """The floor: every generated Markdown page as plain text of the same byte size."""
    count = 0
    for path in sorted(generated_docs.rglob("*")):
        if not path.is_file():
            continue
        target = floor_docs / path.relative_to(generated_docs)
        target.parent.mkdir(parents=True, exist_ok=True)
        if path.suffix == ".md" and path.name != MANIFEST:
            target.write_bytes(text(count, path.stat().st_size).encode("utf-8"))
            count += 1
        elif path.name != MANIFEST:
            shutil.copy2(path, target)
    return count
