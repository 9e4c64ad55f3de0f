"""Raw HTML blocks set aside before Markdown and put back after give the bytes Markdown gives."""

from __future__ import annotations

import markdown
import pytest
import yaml

from randnotiz.build import read_and_link
from randnotiz.passthrough import anchor_ids, put_back, set_aside
from randnotiz.render import render_site

from .conftest import REPO


def _markdown() -> markdown.Markdown:
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    names, options = [], {}
    for entry in config["markdown_extensions"]:
        if isinstance(entry, dict):
            ((name, settings),) = entry.items()
            names.append(name)
            options[name] = settings
        else:
            names.append(entry)
    return markdown.Markdown(extensions=names, extension_configs=options)


def _both_ways(text: str) -> tuple[str, str]:
    md = _markdown()
    plain = md.reset().convert(text)
    aside = set_aside(text, token="rnrawtest")
    return plain, put_back(md.reset().convert(aside.markdown), aside)


PAGES = {
    "blocks between text and headings": (
        '# Titel\n\nText davor.\n\n<p class="a">Hallo <a href="/x/">X</a></p>\n\n'
        '## Kopf\n\n<ul class="b">\n<li>eins</li>\n<li>zwei</li>\n</ul>\n\n'
        'Text danach.\n\n<p class="c">Ende</p>\n'
    ),
    "a block at the end, blank lines after it": "# T\n\n<ul>\n<li>x</li>\n</ul>\n\n\n",
    "nested lists of one tag": "# T\n\n<ul>\n<li>a<ul><li>b</li></ul></li>\n</ul>\n\nText.\n",
    "text after the closing tag": "# T\n\n<p>eins</p> und mehr\n\nText.\n",
    "two elements in one block": "# T\n\n<p>eins</p>\n<p>zwei</p>\n\nText.\n",
    "a comment in a block": "# T\n\n<div><!-- x --><p>y</p></div>\n\nText.\n",
    "a block after a footnote": "# T\n\nText[^1].\n\n<p>Block</p>\n\n[^1]: Fussnote.\n",
    "an inline tag at the start": "# T\n\n<span>eins</span>\n\nText.\n",
    "a block that is not closed": "# T\n\n<div>\n<p>x</p>\n\nText.\n",
    "markdown-looking text in a block": "# T\n\n<p>*nicht kursiv* [kein](link) \\.</p>\n\nText.\n",
}


@pytest.mark.parametrize("text", PAGES.values(), ids=PAGES.keys())
def test_a_page_renders_to_the_same_bytes(text: str) -> None:
    plain, passed = _both_ways(text)
    assert passed == plain


@pytest.mark.parametrize(
    ("text", "taken"),
    [
        ('# T\n\n<p class="a">x</p>\n', 1),
        ("<p>the first block is left to Markdown</p>\n\nText.\n", 0),
        ("# T\n\n<p>eins</p> und mehr\n", 0),
        ("# T\n\n<p>eins</p>\n<p>zwei</p>\n", 0),
        ("# T\n\n<div><!-- x --></div>\n", 0),
        ("# T\n\n<pre><p>x</p></pre>\n", 0),
        ("# T\n\n<div><script>x</script></div>\n", 0),
        ("# T\n\n<span>x</span>\n", 0),
        ("# T\n\n<div>\n<p>x</p>\n", 0),
    ],
)
def test_only_plain_blocks_are_set_aside(text: str, taken: int) -> None:
    assert len(set_aside(text).blocks) == taken


def test_a_missing_stand_in_is_an_error_not_a_page() -> None:
    aside = set_aside("# T\n\n<p>x</p>\n", token="rnrawtest")
    with pytest.raises(ValueError, match="not found again"):
        put_back("<h1>T</h1>", aside)


def test_the_ids_in_blocks_are_handed_to_the_anchor_check() -> None:
    aside = set_aside('# T\n\n<p id="absatz-1">x <a name="alt">y</a></p>\n')
    assert anchor_ids(aside) == {"absatz-1", "alt"}


def test_every_generated_page_of_the_shipped_site_renders_to_the_same_bytes() -> None:
    linked = read_and_link(REPO)
    pages = render_site(linked.corpus, linked.project.settings)
    md = [(path, text) for path, text in pages if path.endswith(".md")]
    assert len(md) > 20
    taken = 0
    for path, text in md:
        body = text.split("\n---\n", 1)[1] if text.startswith("---\n") else text
        plain, passed = _both_ways(body)
        assert passed == plain, path
        taken += len(set_aside(body).blocks)
    assert taken > 50
