"""The site checker on small hand-made sites: one mistake each, and the exact finding for it."""

from __future__ import annotations

from pathlib import Path

import pytest

from randnotiz import sitecheck
from randnotiz.sitecheck import Finding, Rules, check_site, resolve

ARTICLE = "artikel/a/index.html"
PROFILE = "personen/p/index.html"


def page(body: str, *, title: str = "Seite", lang: str = "de") -> str:
    """A page laid out like Material's: header links outside, the page's own content in <article>.

    The body starts on line 8, so findings can name exact lines.
    """
    return (
        "<!doctype html>\n"
        f'<html lang="{lang}">\n'
        f"<head><title>{title}</title></head>\n"
        "<body>\n"
        '<header><a href="/">Start</a> <a href="/personen/">Personen</a></header>\n'
        '<div class="md-content">\n'
        '<article class="md-content__inner md-typeset">\n'
        f"{body}\n"
        "</article>\n"
        "</div>\n"
        "</body>\n"
        "</html>\n"
    )


def good_site() -> dict[str, str]:
    """Home, an article naming a person, the person's profile, and the index pages."""
    return {
        "index.html": page('<h1>Start</h1>\n<p><a href="artikel/a/">Der Artikel</a></p>'),
        "personen/index.html": page(
            '<h1>Personen</h1>\n<ul><li><a href="p/">Pia Muster</a></li></ul>'
        ),
        "organisationen/index.html": page("<h1>Organisationen</h1>"),
        ARTICLE: page(
            "<h1>Der Artikel</h1>\n"
            '<p id="absatz-1"><a class="rn-mention rn-person" href="../../personen/p/" '
            'title="Forscherin in Bonn.">Pia Muster</a> forscht.</p>\n'
            '<p><a href="#absatz-1">zum Absatz</a></p>'
        ),
        PROFILE: page(
            "<h1>Pia Muster</h1>\n"
            '<p><a href="../../artikel/a/#absatz-1">Erwähnt in: Der Artikel</a></p>'
        ),
        "assets/style.css": "body {}\n",
    }


def write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        target = root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return root


def changed(name: str, old: str, new: str) -> dict[str, str]:
    """The good site with one replacement in one page (which must happen)."""
    files = good_site()
    assert old in files[name], f"fixture text {old!r} not in {name}"
    files[name] = files[name].replace(old, new, 1)
    return files


def test_a_good_site_has_no_findings(tmp_path: Path) -> None:
    assert check_site(write(tmp_path, good_site())) == []


BROKEN = [
    pytest.param(
        changed(ARTICLE, 'href="../../personen/p/"', 'href="../../personen/q/"'),
        [
            Finding(ARTICLE, "broken link '../../personen/q/': no file personen/q/index.html", 9),
            Finding(
                PROFILE,
                "not reachable from any article: no links in page content lead here "
                "from a page under artikel/",
            ),
        ],
        id="broken-link",
    ),
    pytest.param(
        changed(ARTICLE, 'href="#absatz-1"', 'href="#absatz-2"'),
        [Finding(ARTICLE, f"broken anchor '#absatz-2': no id 'absatz-2' on {ARTICLE}", 10)],
        id="missing-anchor-same-page",
    ),
    pytest.param(
        changed(PROFILE, "artikel/a/#absatz-1", "artikel/a/#absatz-9"),
        [
            Finding(
                PROFILE,
                f"broken anchor '../../artikel/a/#absatz-9': no id 'absatz-9' on {ARTICLE}",
                9,
            )
        ],
        id="missing-anchor-other-page",
    ),
    pytest.param(
        changed(ARTICLE, ' title="Forscherin in Bonn."', ""),
        [Finding(ARTICLE, "entity link 'Pia Muster' has no hover text (title attribute)", 9)],
        id="missing-hover-text",
    ),
    pytest.param(
        changed(ARTICLE, 'title="Forscherin in Bonn."', 'title="  "'),
        [Finding(ARTICLE, "entity link 'Pia Muster' has no hover text (title attribute)", 9)],
        id="blank-hover-text",
    ),
    pytest.param(
        changed(ARTICLE, "forscht.", "forscht **sehr** gern."),
        [Finding(ARTICLE, "Markdown '**' leaked into the text: 'forscht **sehr** gern.'", 9)],
        id="leaked-bold",
    ),
    pytest.param(
        changed(ARTICLE, "forscht.", "forscht [hier](https://example.org)."),
        [
            Finding(
                ARTICLE,
                "Markdown '](' leaked into the text: 'forscht [hier](https://example.org).'",
                9,
            )
        ],
        id="leaked-link",
    ),
    pytest.param(
        changed(ARTICLE, "forscht.", "forscht.\n{: .rn-lede }"),
        [Finding(ARTICLE, "Markdown '{:' leaked into the text: 'forscht. {: .rn-lede }'", 9)],
        id="leaked-attribute-list",
    ),
    pytest.param(
        changed(ARTICLE, "forscht.", "forscht. { #absatz-1 }"),
        [Finding(ARTICLE, "Markdown '{ #' leaked into the text: 'forscht. { #absatz-1 }'", 9)],
        id="leaked-attribute-list-id",
    ),
    pytest.param(
        changed(ARTICLE, "forscht.", "forscht.[^kontext-1]"),
        [Finding(ARTICLE, "Markdown '[^' leaked into the text: 'forscht.[^kontext-1]'", 9)],
        id="leaked-footnote",
    ),
    pytest.param(
        changed(ARTICLE, "forscht.", "forscht\\, sagt sie."),
        [Finding(ARTICLE, "Markdown '\\\\' leaked into the text: 'forscht\\\\, sagt sie.'", 9)],
        id="leaked-escape",
    ),
    pytest.param(
        changed(
            ARTICLE,
            "<h1>Der Artikel</h1>",
            "<h1>Der Artikel</h1>\n<p>*[KI]: Künstliche Intelligenz</p>",
        ),
        [
            Finding(
                ARTICLE, "Markdown '*[' leaked into the text: '*[KI]: Künstliche Intelligenz'", 9
            )
        ],
        id="leaked-abbreviation",
    ),
    pytest.param(
        changed(ARTICLE, 'title="Forscherin in Bonn."', 'title="Forscherin in **Bonn**."'),
        [
            Finding(
                ARTICLE,
                "Markdown '**' leaked into the title attribute: 'Forscherin in **Bonn**.'",
                9,
            )
        ],
        id="leaked-bold-in-hover-text",
    ),
    pytest.param(
        changed(PROFILE, "<h1>Pia Muster</h1>", "<h1>Pia Muster</h1>\n<h1>Stationen</h1>"),
        [Finding(PROFILE, "2 H1 headings (expected exactly one): 'Pia Muster', 'Stationen'", 9)],
        id="two-h1",
    ),
    pytest.param(
        changed(PROFILE, "<h1>Pia Muster</h1>", "<h2>Pia Muster</h2>"),
        [Finding(PROFILE, "no H1 heading (expected exactly one)")],
        id="no-h1",
    ),
    pytest.param(
        changed("index.html", 'lang="de"', 'lang="en"'),
        [Finding("index.html", '<html> has lang="en", expected lang="de"')],
        id="wrong-language",
    ),
    pytest.param(
        {**good_site(), "personen/q/index.html": page("<h1>Quentin</h1>")},
        [
            Finding("personen/q/index.html", "not linked from its index page personen/index.html"),
            Finding(
                "personen/q/index.html",
                "not reachable from any article: no links in page content lead here "
                "from a page under artikel/",
            ),
        ],
        id="unreachable-profile",
    ),
    pytest.param(
        changed("personen/index.html", '<li><a href="p/">Pia Muster</a></li>', ""),
        [Finding(PROFILE, "not linked from its index page personen/index.html")],
        id="profile-missing-from-index",
    ),
    pytest.param(
        changed(ARTICLE, 'href="../../personen/p/"', 'href="../../personen/"'),
        [
            Finding(
                PROFILE,
                "not reachable from any article: no links in page content lead here "
                "from a page under artikel/",
            )
        ],
        id="index-page-does-not-count-as-a-trail",
    ),
    pytest.param(
        changed("index.html", "</h1>", '</h1>\n<link rel="stylesheet" href="assets/missing.css">'),
        [Finding("index.html", "broken link 'assets/missing.css': no file assets/missing.css", 9)],
        id="missing-stylesheet",
    ),
]


@pytest.mark.parametrize(("files", "expected"), BROKEN)
def test_each_mistake_gives_its_finding(
    tmp_path: Path, files: dict[str, str], expected: list[Finding]
) -> None:
    assert check_site(write(tmp_path, files)) == expected


def test_a_profile_reached_through_another_profile_is_reachable(tmp_path: Path) -> None:
    """Article → person → organisation is a reader's trail, though no article names the firm."""
    files = changed(PROFILE, "</p>", '</p>\n<p><a href="../../organisationen/o/">Firma</a></p>')
    files["organisationen/index.html"] = page('<h1>Organisationen</h1>\n<a href="o/">Firma</a>')
    files["organisationen/o/index.html"] = page("<h1>Firma</h1>")
    assert check_site(write(tmp_path, files)) == []


def test_header_links_are_no_trail(tmp_path: Path) -> None:
    """Links outside the page content (tabs, header) reach every index, so they do not count."""
    files = good_site()
    files[ARTICLE] = files[ARTICLE].replace('href="../../personen/p/"', 'href="../../personen/"')
    files[ARTICLE] = files[ARTICLE].replace(
        '<a href="/personen/">Personen</a>', '<a href="/personen/p/">Pia</a>'
    )
    findings = check_site(write(tmp_path, files))
    assert [f.message.split(":")[0] for f in findings] == ["not reachable from any article"]


def test_code_is_shown_as_written(tmp_path: Path) -> None:
    files = changed(ARTICLE, "forscht.", "forscht. <code>**kwargs</code> <pre>[a](b)</pre>")
    assert check_site(write(tmp_path, files)) == []


def test_links_into_the_site_by_its_own_url(tmp_path: Path) -> None:
    files = changed(
        "index.html",
        "</h1>",
        '</h1>\n<link rel="canonical" href="https://example.org/personen/x/">'
        '\n<a href="https://example.org/personen/p/">Pia</a>',
    )
    findings = check_site(write(tmp_path, files), Rules(site_url="https://example.org/"))
    message = "broken link 'https://example.org/personen/x/': no file personen/x/index.html"
    assert findings == [Finding("index.html", message, 9)]


@pytest.mark.parametrize(
    ("page_path", "href", "site_url", "expected"),
    [
        ("index.html", "artikel/a/", None, ("artikel/a/", "")),
        ("artikel/a/index.html", "../../personen/p/#x", None, ("personen/p/", "x")),
        (
            "artikel/a/index.html",
            "#fn:korrektur-1",
            None,
            ("artikel/a/index.html", "fn:korrektur-1"),
        ),
        ("artikel/a/index.html", "../../", None, ("", "")),
        ("artikel/a/index.html", "/assets/x.css", None, ("assets/x.css", "")),
        ("artikel/a/index.html", "../../gl%C3%BCck/#%C3%A4", None, ("glück/", "ä")),
        ("index.html", "../draussen/", None, ("../draussen/", "")),
        ("index.html", "https://example.org/", None, None),
        ("index.html", "mailto:redaktion@example.org", None, None),
        ("index.html", "javascript:void(0)", None, None),
        (
            "index.html",
            "https://example.org/news/personen/",
            "https://example.org/news/",
            ("personen/", ""),
        ),
        ("artikel/index.html", "https://example.org/news", "https://example.org/news/", ("", "")),
        ("index.html", "https://example.org/other/", "https://example.org/news/", None),
        ("index.html", "/news/assets/x.css", "https://example.org/news/", ("assets/x.css", "")),
        ("index.html", "/other/x.css", "https://example.org/news/", ("../other/x.css", "")),
    ],
)
def test_resolve(
    page_path: str, href: str, site_url: str | None, expected: tuple[str, str] | None
) -> None:
    assert resolve(page_path, href, site_url) == expected


def test_finding_reads_as_file_line_message() -> None:
    assert str(Finding("a/index.html", "broken link 'x'", 12)) == "a/index.html:12: broken link 'x'"
    assert str(Finding("a/index.html", "no H1 heading")) == "a/index.html: no H1 heading"


def test_a_large_site_is_read_in_parallel_with_the_same_findings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = changed(ARTICLE, ' title="Forscherin in Bonn."', "")
    files.update(
        {
            f"artikel/n{i}/index.html": page(f'<h1>Nr. {i}</h1>\n<a href="../a/#x{i}">a</a>')
            for i in range(6)
        }
    )
    site = write(tmp_path, files)
    serial = check_site(site, workers=1)
    monkeypatch.setattr(sitecheck, "PARALLEL_FROM", 2)
    assert check_site(site, workers=2) == serial
    assert len(serial) == 7  # the missing hover text, and six missing anchors
