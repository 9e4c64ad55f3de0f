"""HTML the build writes itself: text stays text, and Python-Markdown passes it through."""

from __future__ import annotations

import markdown
import pytest

from randnotiz.render.rawhtml import anchor, attr, bullet_list, element, text


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("Meta & Co.", "Meta &amp; Co."),
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("„Siri 2.0“ – 200 Mio. $", "„Siri 2.0“ – 200 Mio. $"),
        ('"zitiert"', '"zitiert"'),  # quotes need no escaping between tags
        ("**fett** [x](y) --8<-- *[X]: {: .c }", "**fett** [x](y) --8&lt;-- *[X]: {: .c }"),
        ("a\x02b\x03c", "a&#2;b&#3;c"),  # Python-Markdown's placeholder characters
    ],
)
def test_text(given: str, expected: str) -> None:
    assert text(given) == expected


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ('Er sagte "nein" & ging', "Er sagte &quot;nein&quot; &amp; ging"),
        ("O'Neil <b>", "O&#x27;Neil &lt;b&gt;"),
    ],
)
def test_attr(given: str, expected: str) -> None:
    assert attr(given) == expected


def test_anchor_and_element() -> None:
    link = anchor("/personen/x/", "X &amp; Y", 'Sagt "Hallo"', ("rn-mention", "rn-person"))
    assert link == (
        '<a href="/personen/x/" title="Sagt &quot;Hallo&quot;" class="rn-mention rn-person">'
        "X &amp; Y</a>"
    )
    assert anchor("#fn:k-1", "1") == '<a href="#fn:k-1">1</a>'
    assert element("span", "x", ("rn-later",), data_entity="meta") == (
        '<span data-entity="meta" class="rn-later">x</span>'
    )
    assert element("p", "x", id=None) == "<p>x</p>"


HOSTILE = "*a* **b** `c` [d](e) <i>f</i> --8<-- g *[X]: y {: .z } [^1] \\* & h"


def test_a_raw_block_passes_markdown_untouched() -> None:
    """What the site generator makes of a paragraph the build wrote: exactly that paragraph."""
    block = element("p", text(HOSTILE), id="absatz-1")
    items = bullet_list([text(HOSTILE), anchor("/a/", text("<b>"))], ("rn-list",))
    md = markdown.Markdown(extensions=["attr_list", "footnotes", "toc", "pymdownx.escapeall"])
    html = md.convert(f"Davor\n\n{block}\n\n{items}\nDanach\n")
    assert html == (
        "<p>Davor</p>\n"
        f"{block}\n\n"
        f'<ul class="rn-list">\n<li>{text(HOSTILE)}</li>\n'
        '<li><a href="/a/">&lt;b&gt;</a></li>\n</ul>\n\n'
        "<p>Danach</p>"
    )
