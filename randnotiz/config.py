"""Where a project's folders are and the settings it keeps in ``mkdocs.yml``.

Settings live under ``extra: randnotiz:`` in ``mkdocs.yml`` so that one file
configures the whole site; everything else the build reads is under
``seeds/`` and ``annotations/``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from randnotiz.model import LinkPolicy, Origin
from randnotiz.problems import Problem, did_you_mean, error
from randnotiz.read.files import read_project_file
from randnotiz.read.yamlnodes import Mapping, Value, load_nodes

CONFIG_FILE = "mkdocs.yml"


@dataclass(frozen=True)
class Settings:
    """``extra: randnotiz:`` in mkdocs.yml."""

    link: LinkPolicy = "first"  # link the first mention of an entity per article, or all
    mark_later: bool = False  # True: later mentions get a light underline (no link)
    site_name: str = "Randnotiz"
    site_url: str | None = None
    site_description: str = ""
    language: str = "de"  # theme.language: the site's language, for JSON-LD and the feed


SETTINGS_KEYS = ("link", "mark_later")


@dataclass(frozen=True)
class Project:
    root: Path
    settings: Settings = field(default_factory=Settings)

    @property
    def seeds(self) -> Path:
        return self.root / "seeds"

    @property
    def annotations(self) -> Path:
        return self.root / "annotations"

    @property
    def docs(self) -> Path:
        return self.root / "docs"

    def shown(self, path: Path) -> str:
        """A path as messages show it: relative to the project."""
        try:
            return str(path.relative_to(self.root))
        except ValueError:
            return str(path)


def load_project(root: Path) -> tuple[Project, list[Problem]]:
    """The project at ``root`` with its settings, and problems with them.

    ``mkdocs.yml`` is read as MkDocs reads it (tags such as ``!!python/name:``
    are skipped, a repeated key's last value counts), within the same bounds as
    every other YAML file of the project.
    """
    path = root / CONFIG_FILE
    problems: list[Problem] = []
    config: Mapping | None = None
    if os.path.lexists(path):
        data = read_project_file(path, root, CONFIG_FILE, "configuration")
        if isinstance(data, Problem):
            problems.append(data)
        else:
            node, found = load_nodes(data.decode("utf-8", "replace"), CONFIG_FILE, lenient=True)
            problems += found
            config = node if isinstance(node, Mapping) else None
    extra = _mapping(_mapping(config, "extra"), "randnotiz")
    for key, value in extra.items if extra else ():
        if key not in SETTINGS_KEYS:
            problems.append(
                error(
                    value.origin,
                    f"extra.randnotiz: unknown key '{key}'{did_you_mean(key, SETTINGS_KEYS)}",
                )
            )
    link = _value(extra, "link", "first")
    if link not in ("first", "all"):
        where = extra.get("link").origin if extra and extra.get("link") else Origin(CONFIG_FILE)
        problems.append(
            error(where, f"extra.randnotiz.link must be 'first' or 'all', not '{link}'")
        )
        link = "first"
    site_url = _value(config, "site_url", None)
    settings = Settings(
        link=link,
        mark_later=_value(extra, "mark_later", False) is True,
        site_name=_text(config, "site_name") or "Randnotiz",
        site_url=site_url if isinstance(site_url, str) else None,
        site_description=_text(config, "site_description"),
        language=_text(_mapping(config, "theme"), "language") or "de",
    )
    return Project(root, settings), problems


def _mapping(node: Mapping | None, key: str) -> Mapping | None:
    found = node.get(key) if node else None
    return found if isinstance(found, Mapping) else None


def _value(node: Mapping | None, key: str, default: Any) -> Any:
    found = node.get(key) if node else None
    return found.data if isinstance(found, Value) and found.data is not None else default


def _text(node: Mapping | None, key: str) -> str:
    value = _value(node, key, "")
    return value if isinstance(value, str) else str(value)
