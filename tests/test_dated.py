"""What held on an article's date, and what happened since: two articles, one career.

Ada Lovelace directs Acme Labs until December 2024 and is Globex's chief
scientist from January 2025. An article of March 2024 and one of June 2025
both name her; between them, in October 2024, she announced the move. Each
article's hover text must say what held on its own date, the event must be
"Seit Erscheinen" under the older article only, and her profile's "Chronik"
must list her career newest first.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from .conftest import build_site, make_project

pytestmark = pytest.mark.slow

OLDER = "2024-03-01\n\nAcme forscht\n\nAda Lovelace leitet Acme Labs seit Jahren. Die Arbeit geht voran.\n"
NEWER = "2025-06-01\n\nGlobex wirbt\n\nAda Lovelace spricht für Globex. Acme Labs schweigt.\n"
PEOPLE = """\
- name: Ada Lovelace
  summary: Forscherin.
  affiliations:
    - {organization: acme-labs, role: Direktorin, since: 2020, until: 2024-12}
    - {organization: globex, role: Chefwissenschaftlerin, since: 2025-01}
  events:
    - date: 2019-05
      text: Erhielt einen Preis.
      sources: [{title: Preisbericht, url: "https://example.org/preis"}]
    - date: 2024-10-15
      text: "Kündigte ihren Wechsel zu *Globex* an <script>x</script>."
      sources: [{title: Bericht, url: "https://example.org/wechsel"}]
"""
ORGANIZATIONS = """\
- {name: Acme Labs, summary: Ein Labor.}
- {name: Globex, summary: Ein Konzern.}
"""
NOTES = """\
notes:
  - {quote: "Die Arbeit geht voran.", kind: kontext, text: Eine Anmerkung.}
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = make_project(
        tmp_path_factory.mktemp("dated"),
        seeds={"older.txt": OLDER, "newer.txt": NEWER},
        annotations={
            "people.yml": PEOPLE,
            "organizations.yml": ORGANIZATIONS,
            "articles/older.yml": NOTES,
        },
    )
    return build_site(root)


def page(site: Path, path: str) -> Tag:
    html = (site / path / "index.html").read_text(encoding="utf-8")
    content = BeautifulSoup(html, "html.parser").select_one("article.md-content__inner")
    assert content is not None
    return content


def hover(content: Tag, href: str) -> str:
    (link,) = content.select(f'a.rn-mention[href="{href}"]')
    return str(link["title"])


@pytest.mark.parametrize(
    ("article", "person", "organization"),
    [
        (
            "artikel/acme-forscht",
            "Forscherin.\nDamals: Direktorin bei Acme Labs",
            "Ein Labor.\nDamals: Ada Lovelace (Direktorin)",
        ),
        (
            "artikel/globex-wirbt",
            "Forscherin.\nDamals: Chefwissenschaftlerin bei Globex",
            "Ein Konzern.\nDamals: Ada Lovelace (Chefwissenschaftlerin)",
        ),
    ],
)
def test_each_article_says_what_held_on_its_date(
    site: Path, article: str, person: str, organization: str
) -> None:
    content = page(site, article)
    assert hover(content, "/personen/ada-lovelace/") == person
    org = "/organisationen/acme-labs/" if "acme" in article else "/organisationen/globex/"
    assert hover(content, org) == organization


def test_an_organisation_whose_people_had_left_adds_nothing(site: Path) -> None:
    assert hover(page(site, "artikel/globex-wirbt"), "/organisationen/acme-labs/") == "Ein Labor."


def test_the_event_between_the_articles_is_under_the_older_one_only(site: Path) -> None:
    older = page(site, "artikel/acme-forscht")
    box = older.select_one("#seit-erscheinen")
    assert box is not None
    assert box.select_one(".admonition-title").get_text() == "Seit Erscheinen"
    (item,) = box.select("li")
    assert " ".join(item.get_text().split()) == (
        "15. Oktober 2024 · Ada Lovelace: Kündigte ihren Wechsel zu Globex an "
        "<script>x</script>. Quelle: Bericht"
    )
    assert item.em is not None and item.em.get_text() == "Globex"  # Markdown, made inert
    assert item.find("script") is None
    hrefs = [a["href"] for a in item.find_all("a")]
    assert hrefs == ["/personen/ada-lovelace/", "https://example.org/wechsel"]
    assert page(site, "artikel/globex-wirbt").select_one("#seit-erscheinen") is None


def test_the_box_stands_after_the_text_and_before_the_notes(site: Path) -> None:
    older = page(site, "artikel/acme-forscht")
    order = [
        el.get("id")
        for el in older.find_all(["span", "div", "h2"])
        if el.get("id") in ("absatz-1", "seit-erscheinen", "anmerkungen")
    ]
    assert order == ["absatz-1", "seit-erscheinen", "anmerkungen"]


def test_the_profile_chronicle_is_newest_first(site: Path) -> None:
    profile = page(site, "personen/ada-lovelace")
    heading = profile.select_one("h2#chronik")
    assert heading is not None
    items = heading.find_next("ul", class_="rn-timeline").select("li")
    assert [" ".join(li.get_text().split()) for li in items] == [
        "Januar 2025 Beginn Chefwissenschaftlerin bei Globex",
        "Dezember 2024 Ende Direktorin bei Acme Labs",
        "15. Oktober 2024 Ereignis Kündigte ihren Wechsel zu Globex an <script>x</script>. "
        "Quelle: Bericht",
        "2020 Beginn Direktorin bei Acme Labs",
        "Mai 2019 Ereignis Erhielt einen Preis. Quelle: Preisbericht",
    ]
    organization = page(site, "organisationen/acme-labs")
    items = organization.select_one("h2#chronik").find_next("ul").select("li")
    assert [" ".join(li.get_text().split()) for li in items] == [
        "Dezember 2024 Ende Ada Lovelace (Direktorin)",
        "2020 Beginn Ada Lovelace (Direktorin)",
    ]
