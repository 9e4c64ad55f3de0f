"""YAML stubs for suggestions, and appending them to a file as text."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import yaml

from randnotiz.model import EntityKind
from randnotiz.problems import has_errors
from randnotiz.read.yamlnodes import load_nodes
from randnotiz.suggest.core import Suggestion

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
    # Read within bounds first: PyYAML's own loader would expand an alias bomb below.
    _, problems = load_nodes(existing, str(path))
    if has_errors(problems):
        line = problems[0].origin.line
        raise AppendError(f"{path}: is not valid YAML (line {line}); fix it before appending")
    before = yaml.safe_load(existing) if existing.strip() else None
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
