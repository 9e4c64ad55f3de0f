"""URLs are permanent: repeated headlines publish side by side, old URLs lead on."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from randnotiz.cli import main

from .conftest import make_project, run
from .test_build import PEOPLE

OLDER = "2025-07-29\n\nKommentar\n\nDer erste Kommentar mit Ada Lovelace.\n"
NEWER = "2025-07-30\n\nKommentar\n\nDer zweite Kommentar mit Ada Lovelace.\n"

WARNING = (
    "seeds/{newer}.txt:1:1: warning: the title gives the id 'kommentar' of seeds/{older}.txt, "
    "which keeps it (it is older); this article is published at /artikel/kommentar-2025-07-30/: "
    "set 'id: kommentar-2025-07-30' in annotations/articles/{newer}.yml to keep that URL for good"
)


@pytest.mark.parametrize(("older", "newer"), [("a", "b"), ("b", "a")])
def test_repeated_headlines_both_publish_the_older_keeps_the_plain_url(
    tmp_path: Path, older: str, newer: str
) -> None:
    root = make_project(
        tmp_path / "p",
        seeds={f"{older}.txt": OLDER, f"{newer}.txt": NEWER},
        annotations={"people.yml": PEOPLE},
    )
    result = run(["randnotiz", "build"], root)
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines() == [WARNING.format(older=older, newer=newer)]
    pages = root / "docs" / "artikel"
    assert "Der erste Kommentar" in (pages / "kommentar.md").read_text(encoding="utf-8")
    assert "Der zweite Kommentar" in (pages / "kommentar-2025-07-30.md").read_text("utf-8")


def test_a_later_arrival_never_changes_an_existing_url(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", seeds={"z.txt": OLDER}, annotations={"people.yml": PEOPLE})
    assert main(["--root", str(root), "build", "--quiet"]) == 0
    (root / "seeds" / "a.txt").write_text(NEWER, encoding="utf-8")  # sorts first by name
    assert main(["--root", str(root), "build", "--quiet"]) == 0
    pages = root / "docs" / "artikel"
    assert "Der erste Kommentar" in (pages / "kommentar.md").read_text(encoding="utf-8")
    assert "Der zweite Kommentar" in (pages / "kommentar-2025-07-30.md").read_text("utf-8")


def test_a_yaml_named_after_the_shared_title_is_an_error(tmp_path: Path) -> None:
    root = make_project(
        tmp_path / "p",
        seeds={"a.txt": OLDER, "b.txt": NEWER},
        annotations={"people.yml": PEOPLE, "articles/kommentar.yml": "rubric: Meinung\n"},
    )
    result = run(["randnotiz", "build"], root)
    assert result.returncode == 1
    assert (
        "annotations/articles/kommentar.yml:1:1: error: this file belongs to 2 articles, "
        "seeds/a.txt, seeds/b.txt, whose titles give the same name; name it after the seed of "
        "one of them (a.yml or b.yml)"
    ) in result.stderr.splitlines()


def test_a_yaml_named_after_a_seed_belongs_to_that_seed_only(tmp_path: Path) -> None:
    """seeds/kommentar.txt owns annotations/articles/kommentar.yml, whatever other titles say."""
    other = "2025-07-28\n\nGanz anders\n\nEin Text über Ada Lovelace.\n"
    root = make_project(
        tmp_path / "p",
        seeds={"kommentar.txt": other, "b.txt": NEWER},
        annotations={"people.yml": PEOPLE, "articles/kommentar.yml": "rubric: Meinung\n"},
    )
    assert main(["--root", str(root), "build", "--quiet"]) == 0
    pages = root / "docs" / "artikel"
    assert "Meinung" in (pages / "ganz-anders.md").read_text(encoding="utf-8")
    assert "Meinung" not in (pages / "kommentar.md").read_text(encoding="utf-8")


@pytest.fixture
def renamed(tmp_path: Path) -> Path:
    """A project whose only article was built as /artikel/kommentar/ and then retitled."""
    root = make_project(tmp_path / "p", seeds={"a.txt": OLDER}, annotations={"people.yml": PEOPLE})
    assert main(["--root", str(root), "build", "--quiet"]) == 0
    (root / "annotations" / "articles" / "a.yml").write_text(
        "title: Der erste Kommentar\n", encoding="utf-8"
    )
    return root


def test_check_names_the_url_that_would_be_gone(renamed: Path) -> None:
    result = run(["randnotiz", "check"], renamed)
    assert (
        "docs/.randnotiz-manifest:4:1: warning: /artikel/kommentar/ was published by the last "
        "build and is gone now; if the article's id changed, add 'redirect_from: [kommentar]' "
        "to its YAML"
    ) in result.stderr.splitlines()
    (renamed / "annotations" / "articles" / "a.yml").write_text(
        "title: Der erste Kommentar\nredirect_from: [kommentar]\n", encoding="utf-8"
    )
    assert "is gone now" not in run(["randnotiz", "check"], renamed).stderr


def test_check_names_a_profile_that_would_be_gone(renamed: Path) -> None:
    (renamed / "annotations" / "people.yml").write_text(PEOPLE + "  id: ada\n", encoding="utf-8")
    result = run(["randnotiz", "check"], renamed)
    assert (
        "docs/.randnotiz-manifest:13:1: warning: /personen/ada-lovelace/ was published by the "
        "last build and is gone now; links to it from elsewhere will break; keep the old id to "
        "keep the URL"
    ) in result.stderr.splitlines()


REDIRECT_MISTAKES = [
    (
        "an id that is published",
        {"articles/a.yml": "redirect_from: [ein-anderer]\n"},
        "annotations/articles/a.yml:1:16: error: 'ein-anderer' in redirect_from is the id of "
        "seeds/b.txt; a page that is published cannot lead elsewhere: remove it here",
    ),
    (
        "an old id two articles claim",
        {
            "articles/a.yml": "redirect_from: [alt]\n",
            "articles/b.yml": "redirect_from: [alt]\n",
        },
        "annotations/articles/a.yml:1:16: error: 'alt' in redirect_from is also in the YAML of "
        "seeds/b.txt; an old URL can lead to one article only",
    ),
    (
        "not an id",
        {"articles/a.yml": "redirect_from: [Alter Titel]\n"},
        "annotations/articles/a.yml:1:17: error: 'redirect_from' value 'Alter Titel' is not a "
        "clean id; use lowercase letters, digits and hyphens, such as 'alter-titel'",
    ),
]


@pytest.mark.parametrize(
    ("files", "message"), [m[1:] for m in REDIRECT_MISTAKES], ids=[m[0] for m in REDIRECT_MISTAKES]
)
def test_redirect_from_mistakes(tmp_path: Path, files: dict[str, str], message: str) -> None:
    other = "2025-07-28\n\nEin anderer\n\nText über Ada Lovelace.\n"
    root = make_project(
        tmp_path / "p",
        seeds={"a.txt": OLDER, "b.txt": other},
        annotations={"people.yml": PEOPLE, **files},
    )
    result = run(["randnotiz", "build"], root)
    assert result.returncode == 1
    assert message in result.stderr.splitlines()


@pytest.mark.slow
def test_old_urls_lead_to_the_article(renamed: Path) -> None:
    (renamed / "annotations" / "articles" / "a.yml").write_text(
        "title: Der erste Kommentar\nredirect_from: [kommentar, ganz-alt]\n", encoding="utf-8"
    )
    result = run(["mkdocs", "build", "--strict"], renamed)
    assert result.returncode == 0, result.stderr
    site = renamed / "site" / "artikel"
    assert (site / "der-erste-kommentar" / "index.html").is_file()
    for old in ("kommentar", "ganz-alt"):
        page = BeautifulSoup((site / old / "index.html").read_text("utf-8"), "html.parser")
        refresh = page.find("meta", attrs={"http-equiv": "refresh"})
        assert refresh is not None and refresh["content"] == "0; url=../der-erste-kommentar/"
        assert page.find("link", rel="canonical")["href"] == "../der-erste-kommentar/"
