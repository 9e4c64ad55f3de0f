"""``randnotiz suggest``: names without annotation, as YAML stubs appended as text."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

import pytest
import yaml

from randnotiz.build import read_and_link
from randnotiz.index import build_index
from randnotiz.model import Article, Block, BlockKind, EntityKind, KnowledgeBase
from randnotiz.paths import Slug
from randnotiz.suggest import (
    AppendError,
    Suggestion,
    add_arguments,
    append_stubs,
    append_text,
    find_names,
    load_lexicon,
    render_stubs,
    suggest,
)

ROOT = Path(__file__).resolve().parent.parent
EMPTY = build_index(KnowledgeBase())


@pytest.fixture(scope="module")
def shipped():
    return read_and_link(ROOT)


@pytest.fixture(scope="module")
def from_scratch(shipped) -> dict[str, Suggestion]:
    """Suggestions for the shipped article with an empty knowledge base."""
    return {s.name: s for s in suggest(shipped.sources.articles, EMPTY)}


def article(*paragraphs: str) -> Article:
    blocks = tuple(Block(BlockKind.PARAGRAPH, p, n + 1) for n, p in enumerate(paragraphs))
    return Article(Slug("test"), "Titel", dt.date(2025, 1, 1), blocks, "seeds/test.txt")


def names_in(text: str) -> dict[str, EntityKind]:
    return {s.name: s.kind for s in suggest([article(text)], EMPTY)}


# --- the shipped article -------------------------------------------------------------

PEOPLE = [
    "Mark Zuckerberg",
    "Yann LeCun",
    "Ruoming Pang",
    "Alexandr Wang",
    "Nat Friedman",
    "Daniel Gross",
    "Mark Chen",
]
ORGANIZATIONS = [
    "Meta",
    "Apple",
    "DeepSeek",
    "OpenAI",
    "FAIR",
    "Scale AI",
    "Nvidia",
    "Google",
    "Microsoft",
    "Anthropic",
    "Mistral",
    "Facebook",
    "WhatsApp",
    "Instagram",
]


@pytest.mark.parametrize("name", PEOPLE)
def test_finds_the_people_of_the_shipped_article(from_scratch, name):
    assert from_scratch[name].kind is EntityKind.PERSON


@pytest.mark.parametrize("name", ORGANIZATIONS)
def test_finds_the_organisations_of_the_shipped_article(from_scratch, name):
    assert from_scratch[name].kind is EntityKind.ORGANIZATION


@pytest.mark.parametrize("noun", ["Forschung", "Kontrolle", "Angst", "Kritiker", "Milliarden"])
def test_ordinary_nouns_are_not_suggested(from_scratch, noun):
    assert not any(noun in (s.name, *s.forms) for s in from_scratch.values())


def test_surname_and_genitive_count_with_the_full_name(from_scratch):
    zuckerberg = from_scratch["Mark Zuckerberg"]
    assert "Zuckerberg" not in from_scratch and "Zuckerbergs" not in from_scratch
    assert "Zuckerberg" in zuckerberg.forms
    assert zuckerberg.count >= 15  # "Mark Zuckerberg", "Zuckerberg", "Zuckerbergs"
    assert "Metas" not in from_scratch and "LeCuns" not in from_scratch


def test_most_frequent_first_with_the_first_sentence(from_scratch):
    ranked = list(from_scratch.values())
    assert [s.count for s in ranked] == sorted((s.count for s in ranked), reverse=True)
    assert (
        from_scratch["Ruoming Pang"].sentence == "Ruoming Pang war keine gewöhnliche Verpflichtung."
    )


def test_nothing_the_shipped_knowledge_base_annotates(shipped):
    found = suggest(shipped.sources.articles, shipped.index)
    annotated = {n for e in shipped.sources.knowledge.entities for n in e.names}
    assert found, "the article has names the shipped files do not annotate"
    assert not [s.name for s in found if s.name in annotated or set(s.forms) & annotated]


def test_a_surname_of_an_annotated_person_is_not_suggested():
    knowledge = KnowledgeBase(people=(_person("Mark Zuckerberg"),))
    found = suggest(
        [article("Mark Zuckerberg kam. Dann sprach Zuckerberg mit Intel.")], build_index(knowledge)
    )
    assert [s.name for s in found] == ["Intel"]


def _person(name: str):
    from randnotiz.model import Origin, Person
    from randnotiz.paths import slugify

    return Person(id=slugify(name), name=name, summary="x", origin=Origin("people.yml"))


# --- one heuristic at a time -------------------------------------------------------------

HEURISTICS = [
    # multi-word names in mid-sentence
    ("Der Vertrag ging an Ruoming Pang und andere.", "Ruoming Pang", EntityKind.PERSON),
    ("Das Geld floss in Milliarden Dollar Schulden.", None, None),
    # CamelCase and acronyms
    ("Das Modell stammt von DeepSeek aus China.", "DeepSeek", EntityKind.ORGANIZATION),
    ("Das Labor FAIR forscht offen.", "FAIR", EntityKind.ORGANIZATION),
    ("Die Zeitung meldet einen KAHLSCHLAG bei der Firma.", None, None),
    ("Die KI lernt schnell.", None, None),
    # digits in model names
    ("Das Unternehmen brachte sein Modell R1 auf den Markt.", "R1", EntityKind.TERM),
    ("Dann floppte LLaMA 4 alias Behemoth.", "LLaMA 4", EntityKind.TERM),
    ("Ende 2025 war es so weit.", None, None),
    # genitive forms
    ("Das war Zuckerbergs Plan.", "Zuckerberg", EntityKind.ORGANIZATION),
    ("Das war des Kaisers Plan.", None, None),
    ("Das sagt Klaus Nieding, Vorstand der Kanzlei.", "Klaus Nieding", EntityKind.PERSON),
    ("Nun wird im Kreis Gießen gewählt.", None, None),
    # company suffixes
    ("Die Aktie der Brenntag AG stieg.", "Brenntag AG", EntityKind.ORGANIZATION),
    ("Er sprach mit Alexandr Wang von Scale AI darüber.", "Scale AI", EntityKind.ORGANIZATION),
    ("Die Gruppe tagte lange.", None, None),
    # roles before names
    ("Er traf sich mit Forschungschef Mark Chen.", "Mark Chen", EntityKind.PERSON),
    ("Das sagte Intel-Chef Brian Krzanich am Montag.", "Brian Krzanich", EntityKind.PERSON),
    ("Das sagte Vorstandschef Krzanich am Montag.", "Krzanich", EntityKind.PERSON),
    ("Das sagte der Vorstandschef am Montag.", None, None),
    # rare words versus German nouns and their compounds
    ("Die Kunden von Anthropic zahlen.", "Anthropic", EntityKind.ORGANIZATION),
    ("Die Arbeit am Milliardenmotor beginnt.", None, None),
    ("Der Streit um die Wochenendarbeit wächst.", None, None),
    # sentence-initial words, months, weekdays, function words
    ("Kostenpunkt: mehr als 200 Millionen Dollar.", None, None),
    ("Ironischerweise hatte niemand Zeit.", None, None),
    ("Am Montag im Juli kam er.", None, None),
    # places are not suggested
    ("Das Werk in Venezuela schließt.", None, None),
    # words listed with a name
    ("Sie wechselten zu Google, Microsoft oder Anthropic.", "Microsoft", EntityKind.ORGANIZATION),
    ("Sie kauften Chips, Speicher und Kabel.", None, None),
    # credits and datelines
    ("Foto: Kay Nietfeld", "Kay Nietfeld", EntityKind.PERSON),
    ("Istanbul (dpa) - Die Lage bleibt ernst.", "dpa", EntityKind.ORGANIZATION),
    # name particles join a person's name, not two names
    ("Die Rede hielt Ursula von der Leyen gestern.", "Ursula von der Leyen", EntityKind.PERSON),
]


@pytest.mark.parametrize(("text", "name", "kind"), HEURISTICS)
def test_heuristic(text, name, kind):
    found = names_in(text)
    if name is None:
        assert found == {}
    else:
        assert found.get(name) is kind, found


@pytest.mark.parametrize(
    ("text", "not_expected"),
    [
        ("Er sprach mit Olaf Kramm von Fanuc Deutschland.", "Olaf Kramm von Fanuc Deutschland"),
        ("Sie ging zu Mark Zuckerberg Deutschland.", "Mark Zuckerberg Deutschland"),
        ("Der Plan von OpenAIs Forschungschef Mark Chen.", "OpenAIs Forschungschef Mark Chen"),
    ],
)
def test_runs_are_split_between_names(text, not_expected):
    assert not_expected not in names_in(text)


def test_find_names_spans_point_at_the_text():
    text = "Heute sprach Yann LeCun über Metas Zukunft."
    spans = {text[f.start : f.end] for f in find_names(text, load_lexicon())}
    assert {"Yann LeCun", "Meta"} <= spans


# --- YAML stubs -----------------------------------------------------------------------

STUBS = [
    Suggestion(
        "Ruoming Pang",
        EntityKind.PERSON,
        2,
        "Ruoming Pang war: keine „Verpflichtung“.",
        "a",
        ("Pang",),
    ),
    Suggestion("Scale AI", EntityKind.ORGANIZATION, 1, "Gründer von Scale AI.", "a"),
    Suggestion("Siri 2.0", EntityKind.TERM, 1, "Der Mann hinter Siri 2.0 # kein Kommentar", "a"),
    Suggestion("Yes", EntityKind.ORGANIZATION, 1, "Ein Name, den YAML als true läse.", "a"),
]


def test_stubs_load_with_the_right_keys():
    entries = yaml.safe_load(render_stubs(STUBS))
    assert entries == [
        {"name": "Ruoming Pang", "summary": ""},
        {"name": "Scale AI", "summary": ""},
        {"term": "Siri 2.0", "definition": ""},
        {"name": "Yes", "summary": ""},
    ]


def test_stub_comment_has_count_and_first_sentence():
    text = render_stubs(STUBS[:1])
    assert text.splitlines()[0] == "# 2 Erwähnungen in a: Ruoming Pang war: keine „Verpflichtung“."
    assert "# auch als: Pang" in text


EXISTING = """\
# Personen, die in den Artikeln vorkommen.
# (Kommentare bleiben, wie sie sind.)

- id: yann-lecun
  name: Yann LeCun   # mit Absicht zwei Leerzeichen
  summary: 'Forscher; "Turing".'
  aliases: [LeCun]"""


def test_append_keeps_existing_bytes_and_still_loads(tmp_path):
    path = tmp_path / "people.yml"
    path.write_bytes(EXISTING.encode("utf-8"))  # no newline at the end
    stubs = render_stubs(STUBS[:1])
    append_stubs(path, stubs)
    data = path.read_bytes()
    assert data.startswith(EXISTING.encode("utf-8"))
    entries = yaml.safe_load(data)
    assert [e["name"] for e in entries] == ["Yann LeCun", "Ruoming Pang"]
    assert data.decode("utf-8").endswith(stubs)


def test_append_to_a_missing_file_creates_it(tmp_path):
    path = tmp_path / "glossary.yml"
    append_stubs(path, render_stubs(STUBS[2:3]))
    assert yaml.safe_load(path.read_text(encoding="utf-8")) == [
        {"term": "Siri 2.0", "definition": ""}
    ]


def test_append_refuses_a_flow_list(tmp_path):
    path = tmp_path / "people.yml"
    path.write_text("[]\n", encoding="utf-8")
    with pytest.raises(AppendError, match="list of entries"):
        append_stubs(path, render_stubs(STUBS[:1]))
    assert path.read_text(encoding="utf-8") == "[]\n"


@pytest.mark.parametrize(
    ("existing", "expected"),
    [("", "S"), ("a\n", "a\n\nS"), ("a", "a\n\nS")],
)
def test_append_text(existing, expected):
    assert append_text(existing, "S") == expected


# --- the command -------------------------------------------------------------------------


def run(root: Path, *argv: str) -> int:
    parser = argparse.ArgumentParser()
    add_arguments(parser)
    args = parser.parse_args(argv)
    args.root = root
    return args.run(args)


@pytest.fixture
def project(tmp_path):
    (tmp_path / "seeds").mkdir()
    seed = ROOT / "seeds" / "2025-07-29-zuckerbergs-ki-offensive.txt"
    (tmp_path / "seeds" / seed.name).write_bytes(seed.read_bytes())
    (tmp_path / "annotations").mkdir()
    (tmp_path / "annotations" / "people.yml").write_text(EXISTING + "\n", encoding="utf-8")
    return tmp_path


def test_command_prints_stubs_of_one_kind(project, capsys):
    assert run(project, "--kind", "person", "2025-07-29-zuckerbergs-ki-offensive.txt") == 0
    out = capsys.readouterr().out
    assert "- name: Ruoming Pang" in out
    assert "- name: Meta\n" not in out and "Yann LeCun" not in out


def test_command_append_twice_appends_once(project, capsys):
    assert run(project, "--append") == 0
    people = project / "annotations" / "people.yml"
    text = people.read_text(encoding="utf-8")
    assert text.startswith(EXISTING + "\n")
    assert "- name: Ruoming Pang" in text
    orgs = yaml.safe_load(
        (project / "annotations" / "organizations.yml").read_text(encoding="utf-8")
    )
    assert {"name": "DeepSeek", "summary": ""} in orgs
    assert run(project, "--append") == 0
    assert people.read_text(encoding="utf-8") == text


def test_command_unknown_article(project, capsys):
    assert run(project, "no-such-article") == 2
    assert "no article 'no-such-article'" in capsys.readouterr().err
