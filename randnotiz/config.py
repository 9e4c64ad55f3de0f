"""Where a project's folders are and the settings it keeps in ``mkdocs.yml``.

Settings live under ``extra: randnotiz:`` in ``mkdocs.yml`` so that one file
configures the whole site; everything else the build reads is under
``seeds/`` and ``annotations/``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from randnotiz.model import LinkPolicy, Origin
from randnotiz.problems import Problem, did_you_mean, error

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


class _TolerantLoader(yaml.SafeLoader):
    """Safe loading that reads past ``!!python/name:`` tags Material's docs suggest."""


_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def load_project(root: Path) -> tuple[Project, list[Problem]]:
    """The project at ``root`` with its settings, and problems with them."""
    path = root / CONFIG_FILE
    problems: list[Problem] = []
    raw: dict[str, Any] = {}
    if path.exists():
        try:
            raw = yaml.load(path.read_text(encoding="utf-8"), Loader=_TolerantLoader) or {}
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = (
                Origin(CONFIG_FILE, mark.line + 1, mark.column + 1) if mark else Origin(CONFIG_FILE)
            )
            problems.append(error(where, f"YAML syntax error: {getattr(exc, 'problem', exc)}"))
    extra = (raw.get("extra") or {}).get("randnotiz") or {}
    where = Origin(CONFIG_FILE)
    for key in extra:
        if key not in SETTINGS_KEYS:
            problems.append(
                error(
                    where, f"extra.randnotiz: unknown key '{key}'{did_you_mean(key, SETTINGS_KEYS)}"
                )
            )
    link = extra.get("link", "first")
    if link not in ("first", "all"):
        problems.append(
            error(where, f"extra.randnotiz.link must be 'first' or 'all', not '{link}'")
        )
        link = "first"
    theme = raw.get("theme")
    settings = Settings(
        link=link,
        mark_later=bool(extra.get("mark_later", False)),
        site_name=str(raw.get("site_name") or "Randnotiz"),
        site_url=raw.get("site_url"),
        site_description=str(raw.get("site_description") or ""),
        language=str(theme.get("language") or "de") if isinstance(theme, dict) else "de",
    )
    return Project(root, settings), problems
