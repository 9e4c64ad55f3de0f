"""The write stage never writes or removes anything outside ``docs/``, whatever ``docs/`` holds.

``docs/`` is committed, so a contributed change decides what is in it: a link
where the build writes, or a manifest (normally not committed) that names
files elsewhere for the build to remove.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from randnotiz.cli import main

from .conftest import make_project, run
from .test_build import PEOPLE, SEED, snapshot


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = make_project(tmp_path / "p", seeds={"a.txt": SEED}, annotations={"people.yml": PEOPLE})
    assert main(["--root", str(root), "build", "--quiet"]) == 0
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "wichtig.txt").write_text("nicht anfassen\n", encoding="utf-8")
    return root


@pytest.mark.parametrize(
    "line",
    ["../../outside/wichtig.txt", "/{outside}/wichtig.txt", "artikel/../../../outside/wichtig.txt"],
)
def test_a_manifest_that_names_files_elsewhere_removes_nothing_there(
    project: Path, line: str
) -> None:
    outside = project.parent / "outside"
    manifest = project / "docs" / ".randnotiz-manifest"
    manifest.write_text(
        manifest.read_text("utf-8") + line.format(outside=str(outside).lstrip("/")) + "\n",
        encoding="utf-8",
    )
    assert main(["--root", str(project), "build", "--quiet"]) == 0
    assert (outside / "wichtig.txt").read_text("utf-8") == "nicht anfassen\n"
    assert line.split("/")[0] not in manifest.read_text("utf-8").splitlines()


def test_a_manifest_replaced_by_a_link_is_not_read(project: Path) -> None:
    outside = project.parent / "outside"
    (outside / "liste").write_text("stylesheets/randnotiz.css\n", encoding="utf-8")
    manifest = project / "docs" / ".randnotiz-manifest"
    manifest.unlink()
    manifest.symlink_to(outside / "liste")
    result = run(["randnotiz", "build"], project)
    assert result.returncode == 1  # its pages now count as hand-written: nothing is touched
    assert "hand-written file has the path of a generated page" in result.stderr
    assert (project / "docs" / "stylesheets" / "randnotiz.css").is_file()


def test_a_link_in_place_of_the_temporary_folder_is_removed_not_followed(project: Path) -> None:
    outside = project.parent / "outside"
    (project / "docs" / ".randnotiz-tmp").symlink_to(outside)
    (project / "annotations" / "people.yml").write_text(
        PEOPLE.replace("Mathematikerin", "Mathematikerin und Autorin"), encoding="utf-8"
    )
    assert main(["--root", str(project), "build", "--quiet"]) == 0
    assert sorted(p.name for p in outside.iterdir()) == ["wichtig.txt"]
    assert not os.path.lexists(project / "docs" / ".randnotiz-tmp")


@pytest.mark.parametrize(
    ("link", "shown"),
    [("docs/personen", "docs/personen"), ("docs", "docs")],
)
def test_a_generated_folder_that_leads_outside_is_not_written_to(
    project: Path, link: str, shown: str
) -> None:
    outside = project.parent / "outside"
    target = project / link
    target.rename(project / "weggelegt")
    target.symlink_to(outside)
    before = snapshot(outside)
    result = run(["randnotiz", "build"], project)
    assert result.returncode == 1
    assert (
        f"{shown}:1:1: error: this folder leads outside the project and is not written to; "
        "replace the link with a folder"
        if link == "docs"
        else f"{shown}:1:1: error: this folder leads outside docs/ and is not written to; "
        "replace the link with a folder"
    ) in result.stderr.splitlines()
    assert snapshot(outside) == before
