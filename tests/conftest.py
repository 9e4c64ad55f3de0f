"""Shared fixtures: projects in temporary folders, the built shipped site, a local server."""

from __future__ import annotations

import functools
import http.server
import importlib.util
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from randnotiz.build import read_and_link
from randnotiz.model import Article
from randnotiz.read import yamlnodes
from randnotiz.read.decode import decode_text
from randnotiz.read.seed import parse_seed
from randnotiz.render.view import SiteView, build_view

REPO = Path(__file__).resolve().parent.parent
SHIPPED_SEED = REPO / "seeds" / "2025-07-29-zuckerbergs-ki-offensive.txt"
SHIPPED_ID = "zuckerbergs-ki-offensive"
SHIPPED_HEADINGS = [
    "200 Millionen für einen einzigen Kopf",
    "Vom Pionier zum Verfolger",
    "DeepSeek überholt Meta – mit Metas Technik",
    "Gründermodus: Kontrolle, Druck, Angst",
    "Meta Superintelligence Labs – Zuckerbergs Elite-Einheit",
    "Offene Rechnung mit der Forschung",
    "Der Preis der Offensive",
    "Meta will die Gelddruckmaschine neu erfinden",
]


def load_script(name: str):
    """A module of ``scripts/`` (``measure_linker``), imported for the tests that check its figures."""
    spec = importlib.util.spec_from_file_location(name, REPO / "scripts" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def read_seed(path: Path, shown: str | None = None) -> Article:
    """A seed file as the reader sees it, for tests that compare pages with it."""
    name = shown or str(path)
    decoded = decode_text(path.read_bytes(), name)
    article = parse_seed(decoded.text or "", name).article
    assert article is not None
    return article


def mkdocs_config(site_dir: Path | None = None) -> dict:
    """The repository's mkdocs.yml with paths made absolute, for projects elsewhere."""
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    config["theme"]["custom_dir"] = str(REPO / "randnotiz" / "theme")
    config["hooks"] = [str(REPO / "randnotiz" / "mkdocs_hooks.py")]
    if site_dir is not None:
        config["site_dir"] = str(site_dir)
    return config


def make_project(
    root: Path,
    seeds: dict[str, str | bytes] | None = None,
    annotations: dict[str, str] | None = None,
    *,
    shipped: bool = False,
) -> Path:
    """A project folder: mkdocs.yml, seeds/, annotations/ and the hand-written docs.

    ``shipped=True`` starts from the repository's own seeds and annotations.
    """
    root.mkdir(parents=True, exist_ok=True)
    (root / "mkdocs.yml").write_text(
        yaml.safe_dump(mkdocs_config(), allow_unicode=True), encoding="utf-8"
    )
    shutil.copytree(
        REPO / "docs" / "stylesheets", root / "docs" / "stylesheets", dirs_exist_ok=True
    )
    (root / "seeds").mkdir(exist_ok=True)
    (root / "annotations" / "articles").mkdir(parents=True, exist_ok=True)
    if shipped:
        shutil.copytree(REPO / "seeds", root / "seeds", dirs_exist_ok=True)
        shutil.copytree(REPO / "annotations", root / "annotations", dirs_exist_ok=True)
    for name, content in (seeds or {}).items():
        target = root / "seeds" / name
        target.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    for name, content in (annotations or {}).items():
        target = root / "annotations" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content, encoding="utf-8")
    return root


def run(args: list[str], cwd: Path, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """A command of the virtualenv (randnotiz, mkdocs) run the way a user runs it."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONUTF8="1")
    bin_dir = Path(sys.executable).parent
    command = [str(bin_dir / args[0]), *args[1:]]
    return subprocess.run(
        command, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout
    )


def build_site(project: Path) -> Path:
    """``randnotiz build`` then ``mkdocs build --strict``; the site folder."""
    generated = run(["randnotiz", "build"], project)
    assert generated.returncode == 0, generated.stderr
    built = run(["mkdocs", "build", "--strict"], project)
    assert built.returncode == 0, built.stderr
    return project / "site"


@pytest.fixture(params=["libyaml", "python"])
def parser(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Both YAML parsers: libyaml's, and PyYAML's own, which runs where libyaml is missing."""
    if request.param == "python":
        monkeypatch.setattr(yamlnodes, "_FAST_LOADER", None)
    elif yamlnodes._FAST_LOADER is None:
        pytest.skip("PyYAML was built without libyaml")
    return request.param


@pytest.fixture(scope="session")
def shipped_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_project(tmp_path_factory.mktemp("shipped"), shipped=True)


@pytest.fixture(scope="session")
def view(shipped_project: Path) -> SiteView:
    """The render stage's lookups for the shipped content."""
    linked = read_and_link(shipped_project)
    return build_view(linked.corpus, linked.project.settings)


@pytest.fixture(scope="session")
def shipped_site(shipped_project: Path) -> Path:
    """The shipped article and knowledge base, built once per test run."""
    return build_site(shipped_project)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def site_url(shipped_site: Path) -> Iterator[str]:
    """The built site served on 127.0.0.1, as a reader's browser sees it."""
    handler = functools.partial(_QuietHandler, directory=str(shipped_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite the golden Markdown files from the current output",
    )
