"""What the fuzz tests feed the readers: arbitrary bytes and text, and plausible files gone wrong.

Random characters alone rarely get past a reader's first check (a seed's date
line, YAML's syntax, a page without an article), so most inputs are made the
way real files are made, from plausible lines, keys, values, tags, metadata
and JSON-LD, and then damaged: characters and markup inserted, spans cut out
or repeated, the encoding and line endings changed, bytes flipped. Hypothesis
shrinks each part, so a failure comes back as a small file.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import yaml
from hypothesis import strategies as st

# --- pieces that have broken readers elsewhere ----------------------------------------

#: Markup, syntax and characters that mean something to some layer (Markdown, HTML,
#: MkDocs' extensions, YAML, JSON, the terminal, Unicode's line breaks).
NASTY = [
    "\x00",
    "\x07",
    "\x08",
    "\x0b",
    "\x0c",
    "\x1b[31m",
    "\x7f",
    "\x85",
    "\t",
    "\r",
    "\r\n",
    "\u00a0",
    "\u00ad",
    "\u200b",
    "\u200d",
    "\u202e",
    "\u2028",
    "\u2029",
    "\ufeff",
    "\ufffd",
    "\u0301",
    "\U0001f469\u200d\U0001f469\u200d\U0001f467",
    "ﬁ",
    "İ",
    "ß",
    "ẞ",
    "Ä",
    "’",
    "„",
    "“",
    "<script>alert(1)</script>",
    "<!--",
    "-->",
    "<![CDATA[",
    "]]>",
    "</p>",
    "<br>",
    "&amp;",
    "&#0;",
    "&#x110000;",
    "&#xD800;",
    "&nbsp;",
    "&bogus;",
    "*[X]: y",
    '--8<-- "/etc/passwd"',
    "{{ x }}",
    "{% raw %}",
    "[^1]",
    "[x](javascript:alert(1))",
    "```",
    "`",
    "$$",
    "|",
    "\\",
    "# ",
    "> ",
    "- ",
    "1. ",
    "!!! note",
    "???+",
    "::: x",
    '=== "a"',
    ":",
    ": ",
    "? ",
    "&a ",
    "*a",
    "<<: *a",
    "!!python/object/apply:os.system [ls]",
    "!!binary",
    "!!set",
    "!!omap",
    "!!timestamp",
    "%YAML 1.1",
    "---",
    "...",
    "{",
    "}",
    "[",
    "]",
    ",",
    "#",
    "'",
    '"',
    "~",
    ".inf",
    ".nan",
    "1e999",
    "0x1F",
    "0o17",
    "1_000",
    "2025-02-30",
    "2025-07-29T25:61:00",
    "yes",
    "off",
    "null",
    "-" * 3,
    "=" * 3,
    "x" * 300,
    "Ada Lovelace",
    "Royal Society",
    "Das könnte Sie auch interessieren:",
    "Von Ada Lovelace",
    "29. Juli 2025",
]

nasty = st.sampled_from(NASTY)
#: Text of any kind, up to a few hundred characters, with line breaks and controls.
any_text = st.text(max_size=300)
piece = st.one_of(nasty, any_text, nasty.map(lambda s: s * 50))


@st.composite
def damaged(draw: st.DrawFn, text: str, max_edits: int = 4) -> str:
    """``text`` with up to ``max_edits`` edits: inserted pieces, cuts, repeats, truncation."""
    for _ in range(draw(st.sampled_from([0, 0, 1, 1, 2, max_edits]))):
        if not text:
            text = draw(piece)
            continue
        at = draw(st.integers(0, len(text)))
        end = draw(st.integers(at, min(len(text), at + 200)))
        edit = draw(st.sampled_from(["insert", "replace", "cut", "repeat", "truncate", "swap"]))
        if edit == "insert":
            text = text[:at] + draw(piece) + text[at:]
        elif edit == "replace":
            text = text[:at] + draw(piece) + text[end:]
        elif edit == "cut":
            text = text[:at] + text[end:]
        elif edit == "repeat":
            text = text[:end] + text[at:end] * draw(st.integers(1, 30)) + text[end:]
        elif edit == "truncate":
            text = text[:at]
        else:
            lines = text.split("\n")
            i, j = draw(st.integers(0, len(lines) - 1)), draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
            text = "\n".join(lines)
    return text


@st.composite
def damaged_bytes(draw: st.DrawFn, data: bytes, max_edits: int = 3) -> bytes:
    """``data`` with a few bytes flipped, inserted or cut: what a disk, a transfer or a
    wrong encoding does to a file."""
    for _ in range(draw(st.sampled_from([0, 0, 0, 1, max_edits]))):
        at = draw(st.integers(0, len(data)))
        edit = draw(st.sampled_from(["flip", "insert", "cut"]))
        if edit == "insert" or not data:
            data = data[:at] + draw(st.binary(min_size=1, max_size=8)) + data[at:]
        elif edit == "cut":
            data = data[:at] + data[at + draw(st.integers(1, 16)) :]
        else:
            at = min(at, len(data) - 1)
            data = data[:at] + bytes([data[at] ^ draw(st.integers(1, 255))]) + data[at + 1 :]
    return data


ENCODINGS = [*["utf-8"] * 8, "utf-8-sig", "cp1252", "latin-1", "utf-16", "utf-32"]


@st.composite
def encoded(draw: st.DrawFn, text: str, line_endings: bool = True) -> bytes:
    """``text`` as a file on disk: an encoding, perhaps other line endings, perhaps damaged."""
    if line_endings:
        text = text.replace("\n", draw(st.sampled_from(["\n", "\n", "\r\n", "\r"])))
    data = text.encode(draw(st.sampled_from(ENCODINGS)), errors="replace")
    return draw(damaged_bytes(data))


# --- seeds ---------------------------------------------------------------------------------

MONTHS = "Januar Februar März April Mai Juni Juli August September Oktober November Dezember"
WORDS = (
    "Die der und Maschine rechnet Ada Lovelace Charles Babbage Royal Society Rechenmaschine "
    "Analytical Engine London Zukunft KI-Offensive Babbages Lovelaces Metadaten Gründer "
    "schreibt baute nie fertig. Kommentar Lage Morgen: „Zitat“ – 200 Millionen %"
).split()

year = st.integers(-5, 100_000)
day_or_month = st.integers(-1, 40)
real_day = st.dates(min_value=dt.date(1000, 1, 1), max_value=dt.date(2100, 12, 31))
WEEKDAYS = "Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag".split()
good_date_line = real_day.flatmap(
    lambda d: st.sampled_from(
        [
            f"{d.day}. {MONTHS.split()[d.month - 1]}, {d.year}",
            f"{d.day}. {MONTHS.split()[d.month - 1]} {d.year}",
            f"{WEEKDAYS[d.weekday()]}, {d.day}. {MONTHS.split()[d.month - 1]} {d.year}",
            f"{d.day:02d}.{d.month:02d}.{d.year}",
            d.isoformat(),
            f"{d.isoformat()} 14:03",
        ]
    )
)
bad_date_line = st.one_of(
    st.sampled_from(
        ["31. Februar 2025", "2025-13-45", "0000-00-00", "1. Mai 1", "Juli 2025", "heute", ""]
    ),
    st.builds("{}. {}, {}".format, day_or_month, st.sampled_from(MONTHS.split()), year),
    st.builds("{:02d}.{:02d}.{}".format, day_or_month, day_or_month, year),
    st.builds("{}-{:02d}-{:02d}".format, year, day_or_month, day_or_month),
)
#: Mostly a date the reader reads, so that the rest of the seed is read too.
date_line = st.one_of(good_date_line, good_date_line, good_date_line, bad_date_line)
sentence = st.lists(st.sampled_from(WORDS), min_size=1, max_size=25).map(
    lambda words: " ".join(words).capitalize() + "."
)
#: A sentence of running text, long enough for the importer to take it for an article's.
prose = st.lists(st.sampled_from(WORDS), min_size=8, max_size=30).map(
    lambda words: " ".join(words).capitalize() + "."
)
short_line = st.lists(st.sampled_from(WORDS), min_size=1, max_size=6).map(" ".join)
TITLES = ["Die Maschine der Zukunft", "Kommentar", "Die Lage am Morgen", "Ein Titel für den Test"]
title_line = st.one_of(st.sampled_from(TITLES), short_line, any_text)
block = st.one_of(
    sentence,
    prose,
    st.lists(sentence, min_size=1, max_size=6).map(" ".join),
    st.lists(sentence, min_size=2, max_size=4).map("\n".join),  # soft-wrapped
    short_line,  # a heading
    st.builds("{}: {}".format, short_line, sentence),  # a caption
    st.sampled_from(["Das könnte Sie auch interessieren:", "Von Ada Lovelace", "Lesen Sie auch"]),
    nasty,
    any_text,
)


@st.composite
def seed_text(draw: st.DrawFn) -> str:
    """A seed as pasted from a news site: date, rubric, title, lede, blocks, teasers."""
    title = draw(title_line)
    blocks = [draw(date_line)]
    if draw(st.booleans()):
        blocks.append(draw(short_line))  # the rubric
    blocks.append(title)
    blocks.extend(draw(st.lists(block, max_size=12)))
    if draw(st.booleans()):  # an image: alt text repeating the title, then its caption
        blocks[-1:-1] = [title, draw(sentence)]
    separator = draw(st.sampled_from(["\n\n", "\n\n", "\n\n\n", "\n \n", "\n"]))
    return draw(damaged(separator.join(blocks) + draw(st.sampled_from(["\n", "", "\n\n"]))))


#: Any bytes at all, and seeds built from plausible lines, encoded and damaged.
seed_bytes = st.one_of(st.binary(max_size=2000), *[seed_text().flatmap(encoded)] * 3)


# --- YAML ----------------------------------------------------------------------------------

IDS = [
    "ada-lovelace",
    "charles-babbage",
    "royal-society",
    "rechenmaschine",
    "a",
    "die-maschine-der-zukunft",
    "nirgends",
    "Ada Lovelace",
    "",
    "x" * 80,
]
URLS = [
    "https://de.wikipedia.org/wiki/Ada_Lovelace",
    "http://x",
    "javascript:alert(1)",
    "https://example.org/a b",
    "ftp://example.org/",
    "//example.org",
    "",
    "https://ä.de/ü",
]
scalar = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**20), 10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.dates(),
    st.datetimes(),
    st.sampled_from(IDS),
    st.sampled_from(NASTY),
    any_text,
)
anything = st.recursive(
    scalar,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.sampled_from([*IDS, "name"]), inner, max_size=3),
    ),
    max_leaves=12,
)
a_date = st.one_of(
    st.dates(min_value=dt.date(900, 1, 1), max_value=dt.date(2200, 1, 1)),
    st.integers(0, 3000),
    date_line,
    st.sampled_from(["2013-12", "2025-02-30", "2013-1"]),
)
text_value = st.one_of(sentence, short_line, st.sampled_from(NASTY), any_text)
link = st.fixed_dictionaries({}, optional={"title": text_value, "url": st.sampled_from(URLS)})
sources = st.lists(link, max_size=2)
event = st.fixed_dictionaries({}, optional={"date": a_date, "text": text_value, "sources": sources})
affiliation = st.fixed_dictionaries(
    {},
    optional={
        "organization": st.sampled_from(IDS),
        "role": text_value,
        "since": a_date,
        "until": a_date,
    },
)
names = st.lists(st.one_of(short_line, st.sampled_from(WORDS), text_value), max_size=4)
ids = st.lists(st.sampled_from(IDS), max_size=3)

#: The keys each kind of entry has, with plausible values for each.
PERSON = {
    "id": st.sampled_from(IDS),
    "name": st.one_of(st.sampled_from(WORDS), short_line),
    "aliases": names,
    "summary": text_value,
    "description": text_value,
    "affiliations": st.lists(affiliation, max_size=3),
    "events": st.lists(event, max_size=3),
    "links": st.lists(link, max_size=2),
    "wikidata": st.sampled_from(["Q7259", "Q0", "q1", "Q"]),
}
ORGANIZATION = {
    "id": st.sampled_from(IDS),
    "name": st.one_of(st.sampled_from(WORDS), short_line),
    "aliases": names,
    "kind": text_value,
    "parent": st.sampled_from(IDS),
    "summary": text_value,
    "description": text_value,
    "founded": a_date,
    "headquarters": text_value,
    "links": st.lists(link, max_size=2),
    "events": st.lists(event, max_size=2),
}
TERM = {
    "term": st.one_of(st.sampled_from(WORDS), short_line),
    "id": st.sampled_from(IDS),
    "aliases": names,
    "definition": text_value,
    "description": text_value,
    "see_also": ids,
    "ignore_case": st.one_of(st.booleans(), scalar),
}
note = st.fixed_dictionaries(
    {},
    optional={
        "quote": st.one_of(st.sampled_from(WORDS), short_line, text_value),
        "kind": st.sampled_from(["korrektur", "kontext", "faktencheck", "Korrektur", ""]),
        "text": text_value,
        "sources": sources,
    },
)
ARTICLE = {
    "id": st.sampled_from(IDS),
    "title": title_line,
    "date": a_date,
    "rubric": short_line,
    "author": short_line,
    "headings": names,
    "captions": names,
    "paragraphs": names,
    "notes": st.lists(note, max_size=3),
    "related": ids,
    "no_link": names,
    "link": st.sampled_from(["all", "first", "alle", True]),
    "source": link,
    "redirect_from": ids,
}
MKDOCS = {
    "site_name": text_value,
    "site_url": st.sampled_from(URLS),
    "site_description": text_value,
    "theme": st.fixed_dictionaries({"name": st.sampled_from(["material", "mkdocs", ""])}),
    "extra": anything,
    "plugins": st.lists(st.sampled_from(["search", "redirects"]), max_size=2),
}


#: The keys an entry cannot do without: entries that lack them do not get far.
REQUIRED = {"name", "summary", "term", "definition"}


@st.composite
def entry(draw: st.DrawFn, schema: dict[str, st.SearchStrategy[Any]]) -> dict[str, Any]:
    """The keys an entry needs (now and then not all), some others of ``schema``, a value
    of the wrong kind now and then, perhaps a misspelt key."""
    needed = [k for k in schema if k in REQUIRED and draw(st.integers(0, 7))]
    others = sorted(set(schema) - set(needed))
    keys = needed + draw(st.lists(st.sampled_from(others), max_size=len(others), unique=True))
    out: dict[str, Any] = {}
    for key in keys:
        out[key] = draw(st.one_of(schema[key], schema[key], schema[key], anything))
    if draw(st.integers(0, 5)) == 0:
        out[draw(st.sampled_from(["nmae", "alias", "Summary", "definiton", "x", ""]))] = draw(
            scalar
        )
    return out


def _dump(data: Any, flow: bool | None, width: int, unicode: bool) -> str:
    return yaml.safe_dump(
        data, default_flow_style=flow, width=width, allow_unicode=unicode, sort_keys=False
    )


@st.composite
def yaml_text(draw: st.DrawFn, schema: dict[str, st.SearchStrategy[Any]], is_list: bool) -> str:
    """A YAML file of plausible entries, written as PyYAML writes it, then damaged."""
    data: Any = draw(st.lists(entry(schema), max_size=4)) if is_list else draw(entry(schema))
    if draw(st.integers(0, 7)) == 0:
        data = draw(anything)  # the wrong shape altogether
    text = _dump(
        data,
        draw(st.sampled_from([None, False, True])),
        draw(st.sampled_from([80, 20, 4000])),
        draw(st.booleans()),
    )
    return draw(damaged(text))


def yaml_file(schema: dict[str, st.SearchStrategy[Any]], is_list: bool) -> st.SearchStrategy[bytes]:
    """Any text, and plausible YAML files damaged, as UTF-8 bytes (now and then not)."""
    text = st.one_of(any_text, st.text(max_size=2000), yaml_text(schema, is_list))
    return st.one_of(
        text.map(lambda t: t.encode("utf-8")),
        yaml_text(schema, is_list).flatmap(lambda t: encoded(t, line_endings=True)),
    )


# --- saved web pages -------------------------------------------------------------------------

META_NAMES = [
    "og:title",
    "og:description",
    "og:site_name",
    "og:url",
    "article:published_time",
    "og:article:published_time",
    "article:author",
    "twitter:title",
    "dc.title",
    "dc.date",
    "dc.date.issued",
    "dc.creator",
    "dc.publisher",
    "date",
    "description",
    "author",
]
date_value = st.one_of(
    st.datetimes().map(lambda d: d.isoformat()), date_line, st.integers().map(str), text_value
)
meta_value = st.one_of(date_value, text_value, st.sampled_from(URLS + TITLES))
attr_value = st.one_of(meta_value, st.sampled_from(NASTY)).map(lambda v: v.replace('"', "&quot;"))


def _json_ld_value(inner: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(
        st.lists(inner, max_size=3),
        st.fixed_dictionaries(
            {},
            optional={
                "@type": st.sampled_from(["NewsArticle", "Article", "Person", "WebPage", ""]),
                "headline": inner,
                "name": inner,
                "datePublished": inner,
                "dateCreated": inner,
                "articleBody": inner,
                "author": inner,
                "description": inner,
                "@graph": st.lists(inner, max_size=3),
                "@context": st.just("https://schema.org"),
            },
        ),
    )


json_ld = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), date_value, text_value),
    _json_ld_value,
    max_leaves=15,
)


@st.composite
def element(draw: st.DrawFn, depth: int = 0) -> str:
    """One element of a page's body: text, a heading, a figure, a teaser list, or nested ones."""
    tag = draw(
        st.sampled_from(
            [
                "p",
                "p",
                "p",
                "h2",
                "h3",
                "div",
                "section",
                "figure",
                "figcaption",
                "aside",
                "nav",
                "ul",
                "li",
                "blockquote",
                "span",
                "a",
                "time",
                "script",
                "style",
                "template",
                "noscript",
                "svg",
                "math",
                "table",
                "br",
                "img",
                "header",
                "footer",
                "x-custom",
            ]
        )
    )
    attrs = "".join(
        f' {name}="{draw(attr_value)}"'
        for name in draw(
            st.lists(
                st.sampled_from(
                    [
                        "class",
                        "id",
                        "datetime",
                        "href",
                        "src",
                        "alt",
                        "itemprop",
                        "hidden",
                        "aria-hidden",
                        "lang",
                        "style",
                        "data-x",
                    ]
                ),
                max_size=3,
                unique=True,
            )
        )
    )
    if depth < 4 and draw(st.integers(0, 3)) == 0:
        inner = "".join(draw(st.lists(element(depth + 1), max_size=3)))
    else:
        inner = draw(
            st.one_of(sentence, prose, st.lists(prose, max_size=5).map(" ".join), text_value)
        )
    close = draw(st.sampled_from([f"</{tag}>", f"</{tag}>", f"</{tag}>", ""]))
    return f"<{tag}{attrs}>{inner}{close}"


@st.composite
def page_text(draw: st.DrawFn) -> str:
    """A saved news page: charset, metadata, JSON-LD, an article with headings and figures."""
    head = []
    charset = draw(
        st.sampled_from(
            ["utf-8", "utf-8", "iso-8859-1", "windows-1252", "utf-16", "x-unknown", "utf-7", ""]
        )
    )
    if draw(st.booleans()):
        head.append(f'<meta charset="{charset}">')
    if draw(st.booleans()):
        head.append(f"<title>{draw(title_line)}</title>")
    for name in draw(st.lists(st.sampled_from(META_NAMES), max_size=5)):
        attribute = "property" if ":" in name else "name"
        head.append(f'<meta {attribute}="{name}" content="{draw(attr_value)}">')
    for _ in range(draw(st.integers(0, 2))):
        body = json.dumps(draw(json_ld), ensure_ascii=draw(st.booleans()), default=str)
        head.append(f'<script type="application/ld+json">{draw(damaged(body, 2))}</script>')
    title = draw(title_line)
    article = [f"<h1>{title}</h1>"] if draw(st.booleans()) else []
    if draw(st.booleans()):
        article.append(f'<time datetime="{draw(date_value)}">{draw(date_line)}</time>')
    paragraphs = draw(st.integers(1, 6))
    article.extend(f"<p>{draw(prose)} {draw(sentence)}</p>" for _ in range(paragraphs))
    article.extend(draw(st.lists(element(), max_size=6)))
    wrapper = draw(st.sampled_from(["article", "main", "div", "body"]))
    html = (
        f'<!DOCTYPE html><html lang="de"><head>{"".join(head)}</head><body>'
        f'<nav><a href="/">Start</a></nav><{wrapper}>{"".join(article)}</{wrapper}>'
        "<footer>Impressum</footer></body></html>"
    )
    return draw(damaged(html))


#: Any bytes, any text, and news pages built from plausible parts, encoded and damaged.
page_bytes = st.one_of(
    st.binary(max_size=2000),
    any_text.map(lambda t: t.encode("utf-8")),
    *[page_text().flatmap(lambda t: encoded(t, line_endings=False))] * 4,
)
