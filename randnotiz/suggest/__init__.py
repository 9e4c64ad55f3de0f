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
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from randnotiz.model import Article, EntityKind
from randnotiz.read import yamlnodes
from randnotiz.read.annotations import (
    GLOSSARY_FILE,
    ORGANIZATIONS_FILE,
    PEOPLE_FILE,
    read_yaml_file,
)
from randnotiz.read.files import inside, outside_error
from randnotiz.suggest.core import Suggestion, suggest
from randnotiz.suggest.lexicon import Lexicon, load_lexicon
from randnotiz.suggest.names import Found, find_names
from randnotiz.suggest.stubs import (
    AppendError,
    append_stubs,
    append_text,
    render_stub,
    render_stubs,
)

if TYPE_CHECKING:
    from randnotiz.config import Project

__all__ = [
    "AppendError",
    "Found",
    "Lexicon",
    "Suggestion",
    "add_arguments",
    "append_stubs",
    "append_text",
    "command",
    "find_names",
    "load_lexicon",
    "render_stub",
    "render_stubs",
    "select",
    "suggest",
    "written_names",
]

#: Where the stubs of each kind belong, under ``annotations/``.
FILES = {
    EntityKind.PERSON: PEOPLE_FILE,
    EntityKind.ORGANIZATION: ORGANIZATIONS_FILE,
    EntityKind.TERM: GLOSSARY_FILE,
}

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


def written_names(project: Project) -> set[str]:
    """Every name and alias written in the annotation files, valid entries or not.

    A stub appended earlier and not filled in yet fails validation and is missing
    from the index; without this, each run would append it again.
    """
    names: set[str] = set()
    for file in FILES.values():
        path = project.annotations / file
        if not os.path.lexists(path):
            continue
        node, _ = read_yaml_file(path, project.shown(path), project.root)
        for entry in node.items if isinstance(node, yamlnodes.Sequence) else ():
            if not isinstance(entry, yamlnodes.Mapping):
                continue
            aliases = entry.get("aliases")
            forms = (
                entry.get("name"),
                entry.get("term"),
                *(aliases.items if isinstance(aliases, yamlnodes.Sequence) else ()),
            )
            names.update(
                str(f.data)
                for f in forms
                if isinstance(f, yamlnodes.Value) and f.data and f.data is not yamlnodes.INVALID
            )
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
    written = written_names(linked.project)
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
            if not inside(path, linked.project.root):
                print(outside_error(path, linked.project.shown(path)), file=sys.stderr)
                return 1
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
