"""The YAML loader: every kind of mistake, reported with file, line, column and a fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from randnotiz.dates import PartialDate
from randnotiz.model import Organization, Origin, Person, Source, Term, WebLink
from randnotiz.read.annotations import (
    LoadResult,
    article_notes_files,
    load_knowledge,
    read_article_notes,
)

from .conftest import REPO


def load(tmp_path: Path, files: dict[str, str]) -> LoadResult:
    """The lists as ``load_knowledge`` reads them, and the problems of ``articles/`` too."""
    root = tmp_path / "annotations"
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    result = load_knowledge(root, tmp_path)
    problems = list(result.problems)
    for path in article_notes_files(root).values():
        problems += read_article_notes(path, str(path.relative_to(tmp_path)), tmp_path)[1]
    return LoadResult(result.knowledge, tuple(problems))


ORG = "- name: FAIR\n  summary: Labor.\n"

MISTAKES = [
    (
        "yaml syntax",
        {"people.yml": "- name: Ada\n  summary: [unclosed\n"},
        "annotations/people.yml:2:12: error: YAML syntax error: expected ',' or ']', but got "
        "'<stream end>' (while parsing a flow sequence that starts here is not closed); "
        "check indentation, colons and quotes here",
    ),
    (
        "yaml syntax in a file other files point into",
        {
            "people.yml": "- name: Ada\n  summary: s.\n  see_also: [ki]\n",
            "organizations.yml": "- name: FAIR\n  summary: s.\n  see_also: [ki]\n",
            "glossary.yml": "- term: KI\n  definition: [unclosed\n",
        },
        "annotations/glossary.yml:2:15: error: YAML syntax error: expected ',' or ']', but got "
        "'<stream end>' (while parsing a flow sequence that starts here is not closed); "
        "check indentation, colons and quotes here",
    ),
    (
        "mapping instead of list",
        {"people.yml": "name: Ada\nsummary: x\n"},
        "annotations/people.yml:1:1: error: people.yml must be a list of entries, each starting with "
        "'- '; found a mapping",
    ),
    (
        "missing required key",
        {"people.yml": "- name: Ada Lovelace\n"},
        "annotations/people.yml:1:3: error: missing required key 'summary' in this entry; add 'summary: …'",
    ),
    (
        "unknown key",
        {"people.yml": "- name: Ada Lovelace\n  summary: Mathematikerin.\n  alias: [Ada]\n"},
        "annotations/people.yml:3:10: error: unknown key 'alias' (did you mean 'aliases'?)",
    ),
    (
        "unknown key, nothing close",
        {"glossary.yml": "- term: KI\n  definition: d.\n  farbe: blau\n"},
        "annotations/glossary.yml:3:10: error: unknown key 'farbe' (known keys: aliases, definition, "
        "description, id, ignore_case, links, see_also, term, wikidata)",
    ),
    (
        "duplicate id across kinds",
        {
            "people.yml": "- name: Meta\n  summary: x.\n",
            "organizations.yml": "- name: Meta\n  summary: y.\n",
        },
        "annotations/organizations.yml:1:3: error: duplicate id 'meta': already used at "
        "annotations/people.yml:1:3; give one of them an 'id:' of its own",
    ),
    (
        "id not a slug",
        {"people.yml": "- id: Ada Lovelace\n  name: Ada\n  summary: x.\n"},
        "annotations/people.yml:1:7: error: 'id' value 'Ada Lovelace' is not a clean id; use lowercase "
        "letters, digits and hyphens, such as 'ada-lovelace'",
    ),
    (
        "unknown organization",
        {
            "people.yml": "- name: Ada Lovelace\n  summary: x.\n  affiliations:\n    - organization: fiar\n",
            "organizations.yml": ORG,
        },
        "annotations/people.yml:4:21: error: 'Ada Lovelace': affiliation with unknown organization "
        "'fiar' (did you mean 'fair'?); add it to organizations.yml",
    ),
    (
        "unknown parent",
        {"organizations.yml": ORG + "  parent: mta\n- name: Meta\n  summary: z.\n"},
        "annotations/organizations.yml:3:11: error: 'FAIR': unknown parent organization 'mta' "
        "(did you mean 'meta'?)",
    ),
    (
        "unknown see_also",
        {"glossary.yml": "- term: KI\n  definition: d.\n  see_also: [mark-zuckerbrg]\n"},
        "annotations/glossary.yml:3:13: error: 'KI': see_also names unknown id 'mark-zuckerbrg'",
    ),
    (
        "malformed url",
        {
            "people.yml": "- name: Ada\n  summary: x.\n  links:\n    - {title: W, url: de.wikipedia.org/x}\n"
        },
        "annotations/people.yml:4:23: error: 'de.wikipedia.org/x' is not a web address; write the full "
        "URL starting with https://",
    ),
    (
        "malformed date",
        {
            "people.yml": "- name: Ada\n  summary: x.\n  affiliations:\n    - organization: fair\n"
            "      since: seit 2013\n",
            "organizations.yml": ORG,
        },
        "annotations/people.yml:5:14: error: 'since' must be a year, YYYY-MM or YYYY-MM-DD such "
        "as 2013, 2013-12 or 2013-12-09, not 'seit 2013'",
    ),
    (
        "month that does not exist",
        {
            "people.yml": "- name: Ada\n  summary: x.\n  affiliations:\n    - organization: fair\n"
            "      until: 2013-13\n",
            "organizations.yml": ORG,
        },
        "annotations/people.yml:5:14: error: 'until' value '2013-13' is no day of the calendar; "
        "check the month and the day",
    ),
    (
        "day that does not exist",
        {
            "people.yml": "- name: Ada\n  summary: x.\n  events:\n    - date: 2025-02-30\n"
            "      text: t\n      sources: [{title: s, url: 'https://example.org/'}]\n",
        },
        "annotations/people.yml:4:13: error: 'date' value '2025-02-30' is no day of the calendar; "
        "check the month and the day",
    ),
    (
        "year out of range",
        {"organizations.yml": ORG + "  founded: 20013\n"},
        "annotations/organizations.yml:3:12: error: 'founded' must be a year, YYYY-MM or "
        "YYYY-MM-DD such as 2013, 2013-12 or 2013-12-09, not '20013'",
    ),
    (
        "until before since",
        {
            "people.yml": "- name: Ada\n  summary: x.\n  affiliations:\n    - organization: fair\n"
            "      since: 2020\n      until: 2013\n",
            "organizations.yml": ORG,
        },
        "annotations/people.yml:6:14: error: 'until' (2013) is before 'since' (2020); swap them",
    ),
    (
        "until before since, a month against a year",
        {
            "people.yml": "- name: Ada\n  summary: x.\n  affiliations:\n    - organization: fair\n"
            "      since: 2020\n      until: 2019-12\n",
            "organizations.yml": ORG,
        },
        "annotations/people.yml:6:14: error: 'until' (2019-12) is before 'since' (2020); swap them",
    ),
    (
        "until before since, a day against a month",
        {
            "people.yml": "- name: Ada\n  summary: x.\n  affiliations:\n    - organization: fair\n"
            "      since: 2020-03-10\n      until: 2020-03-09\n",
            "organizations.yml": ORG,
        },
        "annotations/people.yml:6:14: error: 'until' (2020-03-09) is before 'since' (2020-03-10); "
        "swap them",
    ),
    (
        "event without a date",
        {"organizations.yml": ORG + "  events:\n    - text: t\n"},
        "annotations/organizations.yml:4:7: error: missing required key 'date' in this entry; "
        "add 'date: …'",
    ),
    (
        "event with an unknown key",
        {"organizations.yml": ORG + "  events:\n    - {date: 2025-11-19, text: t, quelle: x}\n"},
        "annotations/organizations.yml:4:43: error: unknown key 'quelle' (known keys: date, "
        "sources, text)",
    ),
    (
        "events on a glossary term",
        {"glossary.yml": "- term: KI\n  definition: d.\n  events: []\n"},
        "annotations/glossary.yml:3:11: error: unknown key 'events' (known keys: aliases, "
        "definition, description, id, ignore_case, links, see_also, term, wikidata)",
    ),
    (
        "key twice",
        {"people.yml": "- name: Ada Lovelace\n  summary: x.\n  summary: y.\n"},
        "annotations/people.yml:3:3: error: 'summary' appears twice in this entry (first at line 2); keep one",
    ),
    (
        "text where a list belongs",
        {"people.yml": "- name: Ada Lovelace\n  summary: x.\n  aliases: Ada\n"},
        "annotations/people.yml:3:12: error: 'aliases' must be a list; write it as [Ada]",
    ),
    (
        "python tag refused by the safe loader",
        {"people.yml": "- name: !!python/name:os.system\n  summary: x.\n"},
        "annotations/people.yml:1:9: error: cannot read this value: could not determine a constructor "
        "for the tag 'tag:yaml.org,2002:python/name:os.system'; write it as plain text",
    ),
    (
        "unknown note kind",
        {"articles/a.yml": "notes:\n  - quote: x\n    kind: korektur\n    text: t\n"},
        "annotations/articles/a.yml:3:11: error: unknown note kind 'korektur' (did you mean 'korrektur'?); "
        "use one of korrektur, kontext, faktencheck",
    ),
    (
        "article yaml that is a list",
        {"articles/a.yml": "- id: x\n"},
        "annotations/articles/a.yml:1:1: error: an article's YAML must be a mapping of 'key: value' "
        "lines, not a list",
    ),
    (
        "unknown key in an article's source",
        {"articles/a.yml": "source:\n  url: https://example.com/a\n  sit: Beispiel\n"},
        "annotations/articles/a.yml:3:8: error: unknown key 'sit' (did you mean 'site'?)",
    ),
    (
        "source url that is no web address",
        {"articles/a.yml": "source: {url: example.com/a, site: Beispiel}\n"},
        "annotations/articles/a.yml:1:15: error: 'example.com/a' is not a web address; write the "
        "full URL starting with https://",
    ),
    (
        "empty source",
        {"articles/a.yml": "source: {}\n"},
        "annotations/articles/a.yml:1:9: error: 'source' needs a 'url:' or a 'site:', or leave it "
        "out",
    ),
    (
        "bad wikidata id",
        {"people.yml": "- name: Ada\n  summary: x.\n  wikidata: 12345\n"},
        "annotations/people.yml:3:13: error: '12345' is not a Wikidata id; write it as Q followed by digits",
    ),
]


@pytest.mark.parametrize(
    ("files", "message"), [c[1:] for c in MISTAKES], ids=[c[0] for c in MISTAKES]
)
def test_each_mistake_has_its_exact_message(
    tmp_path: Path, files: dict[str, str], message: str
) -> None:
    result = load(tmp_path, files)
    assert [str(p) for p in result.problems] == [message]


def test_all_problems_of_a_run_are_reported_together(tmp_path: Path) -> None:
    result = load(
        tmp_path,
        {
            "people.yml": "- name: Ada\n  alias: [A]\n- name: Bob\n  summary: s.\n  see_also: [nobody]\n",
            "glossary.yml": "- term: KI\n",
        },
    )
    assert [(p.origin.file, p.origin.line) for p in result.problems] == [
        ("annotations/people.yml", 2),
        ("annotations/people.yml", 1),
        ("annotations/glossary.yml", 1),
        ("annotations/people.yml", 5),
    ]


def test_unread_file_is_a_warning(tmp_path: Path) -> None:
    result = load(tmp_path, {"personen.yml": "- name: x\n"})
    assert [str(p) for p in result.problems] == [
        "annotations/personen.yml:1:1: warning: this file is not read; entries belong in people.yml, "
        "organizations.yml, glossary.yml or articles/<article-id>.yml (did you mean 'people.yml'?)"
    ]


def test_valid_entries_become_typed_entities(tmp_path: Path) -> None:
    result = load(
        tmp_path,
        {
            "people.yml": "- name: Yann LeCun\n  summary: Forscher.\n  aliases: [LeCun]\n"
            "  affiliations:\n    - {organization: fair, role: Gründer, since: 2013-12, until: 2025}\n"
            "  events:\n    - date: 2025-11-19\n      text: Kündigte *an*.\n"
            "      sources: [{title: Quelle, url: 'https://example.org/a'}]\n"
            "    - {date: 2026-03, text: Gründete.}\n",
            "organizations.yml": "- name: FAIR\n  summary: Labor.\n  kind: Forschungslabor\n  founded: 2013\n",
            "glossary.yml": "- term: Gründermodus\n  definition: Stil.\n  ignore_case: true\n",
        },
    )
    assert result.problems == ()
    (person,) = result.knowledge.people
    (org,) = result.knowledge.organizations
    (term,) = result.knowledge.terms
    assert isinstance(person, Person) and isinstance(org, Organization) and isinstance(term, Term)
    assert person.id == "yann-lecun"
    assert person.aliases == ("LeCun",)
    assert person.affiliations[0].organization == "fair"
    aff = person.affiliations[0]
    assert (aff.since, aff.until) == (PartialDate(2013, 12), PartialDate(2025))
    assert [(e.date, e.text, e.sources) for e in person.events] == [
        (
            PartialDate(2025, 11, 19),
            "Kündigte *an*.",
            (WebLink("Quelle", "https://example.org/a"),),
        ),
        (PartialDate(2026, 3), "Gründete.", ()),
    ]
    assert person.events[0].origin == Origin("annotations/people.yml", 7, 7)
    assert (org.org_kind, org.founded) == ("Forschungslabor", PartialDate(2013))
    assert (term.id, term.ignore_case) == ("gruendermodus", True)


def test_shipped_annotations_load_without_problems() -> None:
    result = load_knowledge(REPO / "annotations", REPO)
    assert result.problems == ()
    kb = result.knowledge
    assert len(kb.people) >= 7
    assert len(kb.terms) >= 12
    assert all(e.summary for e in kb.entities)
    assert all(e.links for e in kb.people if e.id in ("mark-zuckerberg", "yann-lecun"))


def test_an_articles_source_is_read(tmp_path: Path) -> None:
    path = tmp_path / "a.yml"
    path.write_text(
        "source:\n  url: https://www.example.com/2016/03/04/a.html\n  site: Beispiel-Zeitung\n",
        encoding="utf-8",
    )
    notes, problems = read_article_notes(path, "a.yml", tmp_path)
    assert problems == []
    assert notes is not None
    assert notes.source == Source("https://www.example.com/2016/03/04/a.html", "Beispiel-Zeitung")
