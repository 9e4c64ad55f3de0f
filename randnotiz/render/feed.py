"""An Atom feed of the articles (RFC 4287), with the lede as each entry's summary.

Written to ``docs/feed.xml``; the site generator copies it to the site's root,
and every page's head links to it (``randnotiz/theme/main.html``).

Deterministic: the feed's ``updated`` is the newest article's date, never the
time of the build. Times are midnight UTC because articles carry a date only.
Atom ids must be absolute IRIs: with ``site_url`` they are the articles' URLs,
without one a ``urn:`` built from the article id, which stays just as stable.
"""

from __future__ import annotations

import datetime as dt
import html
import re

from randnotiz.model import Article
from randnotiz.paths import DocPath
from randnotiz.render.article import article_path
from randnotiz.render.markdown import one_line
from randnotiz.render.urls import absolute_file_url, absolute_url
from randnotiz.render.view import SiteView

FEED_PATH = DocPath("feed.xml")
FEED_ENTRIES = 50  # readers poll the feed; the newest articles are what they want
ATOM = "http://www.w3.org/2005/Atom"

# Characters XML 1.0 does not allow at all; a pasted seed may contain them.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_text(value: str) -> str:
    """Character data: what ``xml.sax.saxutils.escape`` does, without importing it.

    That module imports ``urllib.request`` and with it the whole network stack,
    a tenth of the time every ``randnotiz build`` spent importing.
    """
    return html.escape(_NOT_XML.sub("", value), quote=False)


def _attr(value: str) -> str:
    """A quoted attribute value, as ``xml.sax.saxutils.quoteattr`` writes it."""
    value = xml_text(value).replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;")
    if '"' not in value:
        return f'"{value}"'
    if "'" not in value:
        return f"'{value}'"
    return '"' + value.replace('"', "&quot;") + '"'


def atom_time(date: dt.date) -> str:
    """An article's date as an RFC 3339 timestamp: midnight UTC."""
    return f"{date.isoformat()}T00:00:00Z"


def _id(view: SiteView, article: Article | None) -> str:
    if view.settings.site_url:
        if article is None:
            return absolute_file_url(view.settings, FEED_PATH)
        return absolute_url(view.settings, article_path(article.id))
    return "urn:randnotiz:feed" if article is None else f"urn:randnotiz:artikel:{article.id}"


def newest_first(view: SiteView) -> list[Article]:
    articles = sorted(view.corpus.articles, key=lambda a: (-a.date.toordinal(), a.id))
    return articles[:FEED_ENTRIES]


def _entry(view: SiteView, article: Article) -> list[str]:
    url = absolute_url(view.settings, article_path(article.id))
    out = [
        "  <entry>",
        f"    <id>{xml_text(_id(view, article))}</id>",
        f"    <title>{xml_text(article.title)}</title>",
        f'    <link rel="alternate" type="text/html" href={_attr(url)}/>',
        f"    <published>{atom_time(article.date)}</published>",
        f"    <updated>{atom_time(article.date)}</updated>",
    ]
    if article.author:
        out.append(f"    <author><name>{xml_text(article.author)}</name></author>")
    if article.rubric:
        out.append(f"    <category term={_attr(article.rubric)}/>")
    out += [f"    <summary>{xml_text(one_line(article.lede))}</summary>", "  </entry>"]
    return out


def render_feed(view: SiteView) -> str:
    settings = view.settings
    articles = newest_first(view)
    updated = max((a.date for a in articles), default=dt.date(1970, 1, 1))
    self_url = absolute_file_url(settings, FEED_PATH)
    out = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<feed xmlns="{ATOM}" xml:lang={_attr(settings.language)}>',
        f"  <id>{xml_text(_id(view, None))}</id>",
        f"  <title>{xml_text(settings.site_name)}</title>",
    ]
    if settings.site_description:
        out.append(f"  <subtitle>{xml_text(settings.site_description)}</subtitle>")
    out += [
        f"  <updated>{atom_time(updated)}</updated>",
        f"  <author><name>{xml_text(settings.site_name)}</name></author>",
        f'  <link rel="self" type="application/atom+xml" href={_attr(self_url)}/>',
        f'  <link rel="alternate" type="text/html" href={_attr(absolute_url(settings))}/>',
        "  <generator>Randnotiz</generator>",
    ]
    for article in articles:
        out += _entry(view, article)
    out.append("</feed>")
    return "\n".join(out) + "\n"
