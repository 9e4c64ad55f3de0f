"""`randnotiz check`: messages and exit codes for each lint, and the shipped content clean."""

from __future__ import annotations

from pathlib import Path

import pytest

from randnotiz.cli import main

from .conftest import REPO, make_project

SEED = "2025-07-29\n\nEin Titel\n\nAnna Müller und Bernd Müller treffen Google. Müller lacht.\n"


def check(
    tmp_path: Path, annotations: dict[str, str], capsys: pytest.CaptureFixture[str], *flags: str
):
    root = make_project(tmp_path / "p", seeds={"a.txt": SEED}, annotations=annotations)
    code = main(["--root", str(root), "check", *flags])
    lines = capsys.readouterr().err.strip().splitlines()
    return code, lines


CASES = [
    (
        "entity that matches nothing",
        {
            "people.yml": "- name: Anna Müller\n  summary: s.\n- name: Carla Schmidt\n  summary: s.\n"
        },
        "annotations/people.yml:3:3: warning: 'carla-schmidt' matches nothing in any article "
        "(looked for 'Carla Schmidt'); check the spelling or add the form the articles use to 'aliases'",
    ),
    (
        "alias claimed by two entities",
        {
            "people.yml": "- name: Anna Müller\n  summary: s.\n",
            "organizations.yml": "- name: Alphabet\n  summary: s.\n  aliases: [Google]\n"
            "- name: Google LLC\n  id: google\n  summary: s.\n  aliases: [Google]\n",
        },
        "annotations/organizations.yml:3:12: warning: 'Google' is also claimed by 'google' "
        "(annotations/organizations.yml:4:3); the linker links neither, so keep the form on one entity only",
    ),
    (
        "surname shared by two people",
        {"people.yml": "- name: Anna Müller\n  summary: s.\n- name: Bernd Müller\n  summary: s.\n"},
        "annotations/people.yml:1:3: warning: the surname 'Müller' alone is ambiguous (also 'bernd-mueller'); "
        "it is linked only where one of them is named in full and the others are not",
    ),
    (
        "ambiguous mention in the text",
        {"people.yml": "- name: Anna Müller\n  summary: s.\n- name: Bernd Müller\n  summary: s.\n"},
        "seeds/a.txt:5:46: warning: 'Müller' could be anna-mueller or bernd-mueller; it is not linked "
        "(add it to no_link, or make the alias unique)",
    ),
    (
        "event without a source",
        {
            "organizations.yml": "- name: Google\n  summary: s.\n  events:\n"
            "    - {date: 2025-11, text: Etwas geschah.}\n"
        },
        "annotations/organizations.yml:4:7: warning: 'google': the event of 2025-11 has no source; "
        "add 'sources: [{title: …, url: …}]'",
    ),
    (
        "article that mentions no entity",
        {"glossary.yml": "- term: Quantencomputer\n  definition: d.\n"},
        "seeds/a.txt:1:1: warning: this article mentions no annotated person, organisation or term; "
        "'randnotiz suggest' lists candidates",
    ),
]


@pytest.mark.parametrize(
    ("annotations", "message"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_lint_warnings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], annotations, message
) -> None:
    code, lines = check(tmp_path, annotations, capsys)
    assert message in lines
    assert code == 0  # warnings alone pass …


@pytest.mark.parametrize(
    ("annotations", "message"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_strict_fails_on_warnings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], annotations, message
) -> None:
    code, lines = check(tmp_path, annotations, capsys, "--strict")
    assert message in lines
    assert code == 1  # … unless --strict


def test_missing_note_quote_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, lines = check(
        tmp_path,
        {
            "people.yml": "- name: Anna Müller\n  summary: s.\n",
            "articles/a.yml": "notes:\n  - quote: steht nicht da\n    kind: korrektur\n    text: t\n",
        },
        capsys,
    )
    assert code == 1
    assert lines[0] == (
        "annotations/articles/a.yml:2:5: error: note quote 'steht nicht da' is not in seeds/a.txt; "
        "copy the exact words from the article's text"
    )
    assert lines[-1] == "randnotiz check: 1 error(s), 0 warning(s)"


def test_referenced_entity_without_mention_is_only_a_note(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, lines = check(
        tmp_path,
        {
            "people.yml": "- name: Anna Müller\n  summary: s.\n  affiliations: [{organization: acme}]\n",
            "organizations.yml": "- name: ACME\n  id: acme\n  summary: s.\n",
        },
        capsys,
        "--strict",
        "--verbose",
    )
    assert code == 0
    assert (
        "annotations/organizations.yml:1:3: info: 'acme' matches no article; it is kept because other entries refer to it"
        in lines
    )


def test_shipped_content_passes_strict_check(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(REPO), "check", "--strict"]) == 0
    assert (
        capsys.readouterr().err.strip().splitlines()[-1]
        == "randnotiz check: 0 error(s), 0 warning(s)"
    )
