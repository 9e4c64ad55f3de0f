"""While serving, generation redoes only what a save changed: the pages must be a full build's.

Each test runs a sequence of saves of every kind an editor makes (seeds
edited, added, deleted and retitled; people, organisations and terms edited,
added, removed and reordered; articles' YAML; mkdocs.yml; broken YAML and its
repair; a generated page tampered with) on a small archive. After each save,
``Live.update`` must leave ``docs/`` byte for byte as a fresh ``build`` of the
same sources in another folder, with the same problems; a save with errors
must leave ``docs/`` as it was.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import random
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from randnotiz import live, parallel
from randnotiz.build import build, read_and_link
from randnotiz.live import Live
from randnotiz.model import Corpus
from randnotiz.paths import slugify
from randnotiz.render.dated import _hover_text, hover_text
from randnotiz.render.reads import (
    EVERY,
    MEMO,
    Recorded,
    RecordedObject,
    carry_over,
    changes,
    recording,
    watched,
)
from randnotiz.render.view import SiteView, build_view, updated_view

from .conftest import SHIPPED_SEED, make_project

Save = Callable[[Path, random.Random], None]
NEW_NAME = "Ada Lovelace"


def files(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


class Clock:
    """Saves as an editor makes them, each with a later time stamp than the one before."""

    def __init__(self) -> None:
        self.now = 1_700_000_000

    def write(self, path: Path, text: str) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(path.name + ".tmp")
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, path)  # as many editors save: a new file in the old one's place
        self.now += 1
        os.utime(path, (self.now, self.now))


CLOCK = Clock()


def _yaml(path: Path) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8")) or []


def _dump(path: Path, data: object) -> None:
    CLOCK.write(path, yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000))


def _seeds(root: Path) -> list[Path]:
    return sorted((root / "seeds").glob("*.txt"))


def _paragraphs(text: str) -> list[str]:
    return [b for b in text.split("\n\n") if len(b) > 80 and "\n" not in b]


# --- the saves -------------------------------------------------------------------------------


def summary(root: Path, rng: random.Random) -> None:
    people = root / "annotations" / "people.yml"
    data = _yaml(people)
    entry = rng.choice(data)
    entry["summary"] = f"Neu gefasst ({rng.randrange(1000)}): {entry['summary']}"
    _dump(people, data)


def alias(root: Path, rng: random.Random) -> None:
    """An organisation gets a name the articles use: "Facebook" becomes Meta's."""
    path = root / "annotations" / "organizations.yml"
    data = _yaml(path)
    entry = rng.choice(data)
    word = rng.choice(["Facebook", "Siri", "Behemoth", "Silicon Valley"])
    if all(word not in e.get("aliases", []) for e in data):
        entry["aliases"] = [*entry.get("aliases", []), word]
    _dump(path, data)


def new_person(root: Path, rng: random.Random) -> None:
    path = root / "annotations" / "people.yml"
    data = _yaml(path)
    if all(e["name"] != NEW_NAME for e in data):
        data.insert(rng.randrange(len(data) + 1), {"name": NEW_NAME, "summary": "Mathematikerin."})
        _dump(path, data)


def remove_person(root: Path, rng: random.Random) -> None:
    """Gone from people.yml; references to it in other files make this an error to repair."""
    path = root / "annotations" / "people.yml"
    data = _yaml(path)
    if len(data) > 2:
        data.pop(rng.randrange(len(data)))
        _dump(path, data)


def reorder(root: Path, rng: random.Random) -> None:
    path = root / "annotations" / rng.choice(["people.yml", "organizations.yml", "glossary.yml"])
    data = _yaml(path)
    rng.shuffle(data)
    _dump(path, data)


def term(root: Path, rng: random.Random) -> None:
    path = root / "annotations" / "glossary.yml"
    data = _yaml(path)
    entry = rng.choice(data)
    if rng.random() < 0.5:
        entry["definition"] = f"Anders erklärt: {entry['definition']}"
    else:
        entry["ignore_case"] = not entry.get("ignore_case", False)
    _dump(path, data)


def affiliation(root: Path, rng: random.Random) -> None:
    people = _yaml(root / "annotations" / "people.yml")
    organizations = _yaml(root / "annotations" / "organizations.yml")
    person = rng.choice(people)
    org = rng.choice(organizations)
    org_id = org.get("id") or slugify(org["name"])
    person["affiliations"] = [
        *person.get("affiliations", []),
        {"organization": org_id, "role": "Beraterin", "since": 2020},
    ]
    _dump(root / "annotations" / "people.yml", people)


def paragraph(root: Path, rng: random.Random) -> None:
    seed = rng.choice(_seeds(root))
    text = seed.read_text(encoding="utf-8")
    chosen = rng.choice(_paragraphs(text))
    name = rng.choice([NEW_NAME, "Yann LeCun", "FAIR", "Sprachmodellen", "Apple"])
    CLOCK.write(seed, text.replace(chosen, f"{chosen} Auch {name} äußerte sich dazu.", 1))


def new_seed(root: Path, rng: random.Random) -> None:
    number = rng.randrange(10_000)
    CLOCK.write(root / "seeds" / f"neu-{number}.txt", variant(rng, f"Neue Lage Nummer {number}"))


def delete_seed(root: Path, rng: random.Random) -> None:
    seeds = _seeds(root)
    if len(seeds) > 1:
        rng.choice(seeds).unlink()


def retitle(root: Path, rng: random.Random) -> None:
    seed = rng.choice(_seeds(root))
    lines = seed.read_text(encoding="utf-8").split("\n\n")
    title = next(i for i, b in enumerate(lines) if i > 0 and len(b.split()) > 3)
    lines[title] = f"{lines[title]} (aktualisiert {rng.randrange(100)})"
    CLOCK.write(seed, "\n\n".join(lines))


def article_yaml(root: Path, rng: random.Random) -> None:
    """Notes, related articles and no_link in an article's YAML."""
    seed = rng.choice(_seeds(root))
    path = root / "annotations" / "articles" / f"{seed.stem}.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else {}
    quote = rng.choice(_paragraphs(seed.read_text(encoding="utf-8"))).split(". ")[0][:40]
    choice = rng.randrange(3)
    if choice == 0:
        notes = data.get("notes", [])
        data["notes"] = [*notes, {"quote": quote, "kind": "kontext", "text": "Eine Anmerkung."}]
    elif choice == 1:
        data["no_link"] = rng.sample(["Meta", "FAIR", "KI", "Apple"], 2)
    else:
        data["link"] = rng.choice(["first", "all"])
    _dump(path, data)


def settings(root: Path, rng: random.Random) -> None:
    path = root / "mkdocs.yml"
    config = yaml.safe_load(path.read_text(encoding="utf-8"))
    config["extra"]["randnotiz"]["mark_later"] = not config["extra"]["randnotiz"]["mark_later"]
    CLOCK.write(path, yaml.safe_dump(config, allow_unicode=True))


def broken_yaml(root: Path, rng: random.Random) -> None:
    """A syntax error, which the editor then takes back."""
    path = root / "annotations" / rng.choice(["people.yml", "glossary.yml"])
    CLOCK.write(path, path.read_text(encoding="utf-8") + "\n- name: [kaputt\n")


def unchanged(root: Path, rng: random.Random) -> None:
    seed = rng.choice(_seeds(root))
    CLOCK.write(seed, seed.read_text(encoding="utf-8"))


def tamper(root: Path, rng: random.Random) -> None:
    """Someone edits or deletes a generated page by hand: the next update puts it back."""
    pages = sorted((root / "docs" / "artikel").glob("*.md"))
    page = rng.choice(pages)
    if rng.random() < 0.5:
        page.unlink()
    else:
        page.write_text("von Hand\n", encoding="utf-8")


SAVES: tuple[Save, ...] = (
    summary,
    alias,
    new_person,
    remove_person,
    reorder,
    term,
    affiliation,
    paragraph,
    new_seed,
    delete_seed,
    retitle,
    article_yaml,
    settings,
    broken_yaml,
    unchanged,
    tamper,
)


def variant(rng: random.Random, title: str) -> str:
    """The shipped seed with another title and date, and some of its paragraphs left out."""
    blocks = SHIPPED_SEED.read_text(encoding="utf-8").split("\n\n")
    date = f"{rng.randrange(1, 28)}. März 2024"
    body = [b for b in blocks[4:] if rng.random() < 0.6 or "\n" in b]
    return "\n\n".join([date, blocks[1], title, blocks[3], *body])


def project(folder: Path, rng: random.Random) -> Path:
    root = make_project(folder, shipped=True)
    for n in range(2):
        CLOCK.write(root / "seeds" / f"variante-{n}.txt", variant(rng, f"Die Lage, Teil {n}"))
    return root


def full_build(root: Path, folder: Path) -> tuple[list[str], dict[str, bytes] | None]:
    """What ``build`` makes of the same sources in a fresh project folder."""
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir()
    for name in ("seeds", "annotations"):
        shutil.copytree(root / name, folder / name)
    shutil.copy(root / "mkdocs.yml", folder / "mkdocs.yml")
    shutil.copytree(root / "docs" / "stylesheets", folder / "docs" / "stylesheets")
    result = build(folder)
    problems = [str(p) for p in result.problems]
    return problems, files(folder / "docs") if result.ok else None


def sources(root: Path) -> dict[str, bytes]:
    """Every file the build reads, by its path in the project."""
    out = {"mkdocs.yml": (root / "mkdocs.yml").read_bytes()}
    for folder in ("seeds", "annotations"):
        out |= {f"{folder}/{name}": data for name, data in files(root / folder).items()}
    return out


def restore(root: Path, good: dict[str, bytes]) -> None:
    """The editor takes the mistake back: every source as it was at the last good save."""
    for folder in ("seeds", "annotations"):
        for path in (root / folder).rglob("*"):
            if path.is_file() and f"{folder}/{path.relative_to(root / folder)}" not in good:
                path.unlink()
    for name, data in good.items():
        target = root / name
        if not target.exists() or target.read_bytes() != data:
            CLOCK.write(target, data.decode("utf-8"))


def check(generator: Live, root: Path, full: Path, step: str) -> bool:
    """Whether the update succeeded; either way it did what ``build`` does."""
    before = files(root / "docs")
    result = generator.update()
    problems, expected = full_build(root, full)
    assert [str(p) for p in result.problems] == problems, step
    if expected is None:
        assert not result.ok, step
        assert files(root / "docs") == before, step
        return False
    assert result.ok, step
    actual = files(root / "docs")
    assert actual.keys() == expected.keys(), step
    assert [name for name in actual if actual[name] != expected[name]] == [], step
    return True


def _without_helpers(
    update: Callable[[Live], object], monkeypatch: pytest.MonkeyPatch
) -> Callable[[Live], object]:
    """``Live.update`` that fails if it starts a helper process."""

    def forbidden(*args: object) -> None:
        raise AssertionError("live started helper processes")

    def checked(generator: Live) -> object:
        with monkeypatch.context() as m:
            m.setattr(parallel, "_Shared", forbidden)
            return update(generator)

    return checked


@pytest.mark.parametrize(("seed", "racy", "helpers"), [(1, 0, False), (2, live.RACY, True)])
def test_every_save_gives_the_pages_of_a_full_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seed: int, racy: int, helpers: bool
) -> None:
    # racy=0 trusts every time stamp, so that what was read before is reused as often
    # as it is in a real session; the default re-reads what was just saved.
    monkeypatch.setattr(live, "RACY", racy)
    if helpers:  # an archive large enough for helper processes: live keeps to this one,
        # whose memory of what was read and rendered would otherwise be the helpers'
        monkeypatch.setattr(parallel, "MIN_JOBS", 1)
        monkeypatch.setattr(Live, "update", _without_helpers(Live.update, monkeypatch))
    rng = random.Random(seed)
    root = project(tmp_path / "live", rng)
    generator = Live(root)
    assert generator.update().ok
    good = sources(root)
    saves = [*SAVES, *rng.choices(SAVES, k=4)]
    rng.shuffle(saves)
    for number, save in enumerate(saves):
        save(root, rng)
        step = f"save {number}: {save.__name__}"
        if not check(generator, root, tmp_path / "full", step):
            restore(root, good)
            assert check(generator, root, tmp_path / "full", f"{step}, taken back")
        good = sources(root)


def test_a_save_renders_only_the_pages_that_can_show_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rendered: list[str] = []
    render_and_write = live._render_and_write

    def spy(docs: Path, path: str, job: Callable[[], str]) -> object:
        rendered.append(path)
        return render_and_write(docs, path, job)  # type: ignore[arg-type]

    monkeypatch.setattr(live, "_render_and_write", spy)
    root = project(tmp_path / "live", random.Random(4))
    generator = Live(root)
    assert generator.update().ok
    every = set(rendered)
    rendered.clear()
    people = root / "annotations" / "people.yml"
    CLOCK.write(
        people,
        people.read_text(encoding="utf-8").replace(
            "Französisch-amerikanischer KI-Forscher", "Französischer KI-Forscher"
        ),
    )
    report = generator.update().report
    assert report is not None
    assert {"personen/yann-lecun.md", "artikel/zuckerbergs-ki-offensive.md"} <= set(report.written)
    assert set(report.written) <= set(rendered)
    assert "artikel/index.md" not in rendered  # lists titles and ledes, no summaries
    assert len(rendered) < len(every) / 2
    rendered.clear()
    assert generator.update().report.written == ()  # nothing changed since
    assert rendered == []


# --- what pages read ----------------------------------------------------------------------


def test_recorded_lookups_note_keys_and_whole_reads(view: SiteView) -> None:
    watched_view = watched(view, "view")
    assert isinstance(watched_view.entities, Recorded)
    assert isinstance(watched_view.corpus, RecordedObject)
    with recording() as outer:
        _ = watched_view.entities["yann-lecun"]
        with recording() as inner:  # a memo entry being made: its reads are its own
            _ = watched_view.corpus.knowledge.terms
            _ = "meta" in watched_view.articles_by_entity
        _ = list(watched_view.children)
    assert inner == {("view.corpus.knowledge.terms",), ("view.articles_by_entity", "meta")}
    assert outer == {("view.entities", "yann-lecun"), ("view.children", EVERY)}


def test_memo_entries_are_kept_made_again_or_changed(view: SiteView) -> None:
    day = dt.date(2025, 7, 29)
    hover = (MEMO, (_hover_text, "yann-lecun", day))
    href = (MEMO, (SiteView._href, "yann-lecun"))
    before = watched(view, "view")
    with recording() as page:
        text = hover_text(before, view.entities["yann-lecun"], day)
        _ = before.entity_href("yann-lecun")
    assert page == {hover, href}  # the entries, not what they read
    assert ("view.entities", "yann-lecun") in before.memo[hover[1]].reads

    lecun = view.entities["yann-lecun"]
    entities = {**view.entities, lecun.id: dataclasses.replace(lecun, summary="Anders.")}
    other = dataclasses.replace(view, entities=entities, memo={})
    after = watched(other, "view")
    changed = carry_over(before.memo, after, changes(view, other, "view", []))
    assert hover in changed and after.memo[hover[1]].value.startswith("Anders.")
    assert href not in changed  # made again from the changed entity: the same address
    assert after.memo[href[1]].value == before.memo[href[1]].value

    again = watched(other, "view")
    assert carry_over(after.memo, again, set()) == set()
    assert again.memo[hover[1]] is after.memo[hover[1]]  # nothing it read changed: kept
    assert text != after.memo[hover[1]].value


def test_changes_name_the_keys_that_differ(view: SiteView) -> None:
    lecun = view.entities["yann-lecun"]
    entities = {**view.entities, lecun.id: dataclasses.replace(lecun, summary="Anders.")}
    other = dataclasses.replace(view, entities=entities, memo={})
    paths = ["view.corpus.articles", "view.settings.site_url"]
    assert changes(view, other, "view", paths) == {
        ("view.entities", "yann-lecun"),
        ("view.entities", EVERY),
    }
    assert changes(view, view, "view", paths) == set()


# --- the view made from the last one -----------------------------------------------------


def _without(corpus: Corpus, article_id: str) -> Corpus:
    return Corpus(
        tuple(a for a in corpus.articles if a.id != article_id),
        corpus.knowledge,
        tuple(m for m in corpus.mentions if m.article != article_id),
        tuple(n for n in corpus.notes if n.article != article_id),
    )


def _thinned(corpus: Corpus, article_id: str) -> Corpus:
    """The article linked again, finding every other of its mentions: other counts,
    other names named together, some no longer named at all."""
    ours = [m for m in corpus.mentions if m.article == article_id]
    return dataclasses.replace(
        corpus,
        mentions=tuple(m for m in corpus.mentions if m.article != article_id or m in ours[::2]),
    )


def _resummarised(corpus: Corpus) -> Corpus:
    kb = corpus.knowledge
    person = dataclasses.replace(kb.people[0], summary="Anders gefasst.")
    return dataclasses.replace(
        corpus, knowledge=dataclasses.replace(kb, people=(person, *kb.people[1:]))
    )


@pytest.mark.parametrize(
    "change", ["added", "removed", "relinked", "knowledge", "knowledge and relinked", "nothing"]
)
def test_a_view_made_from_the_last_is_the_view_made_afresh(tmp_path: Path, change: str) -> None:
    linked = read_and_link(project(tmp_path / "p", random.Random(7)))
    settings = linked.project.settings
    corpus = linked.corpus
    target = corpus.articles[1].id
    before, after = {
        "added": (_without(corpus, target), corpus),
        "removed": (corpus, _without(corpus, target)),
        "relinked": (corpus, _thinned(corpus, target)),
        "knowledge": (corpus, _resummarised(corpus)),
        "knowledge and relinked": (_thinned(corpus, target), _resummarised(corpus)),
        "nothing": (corpus, dataclasses.replace(corpus)),
    }[change]
    changed = set() if change in ("knowledge", "nothing") else {target}
    made = updated_view(build_view(before, settings), after, settings, changed)
    fresh = build_view(after, settings)
    for field in dataclasses.fields(SiteView):
        if field.compare:
            assert getattr(made, field.name) == getattr(fresh, field.name), field.name
    assert list(made.articles) == list(fresh.articles)
    assert list(made.mentions_by_article) == list(fresh.mentions_by_article)
