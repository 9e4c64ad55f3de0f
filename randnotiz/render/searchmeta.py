"""What the search knows about a page beyond its text: kind, filters, sort key, names.

Article and profile pages carry it in their front matter (``pagefind``); the
theme (``randnotiz/theme/main.html``) writes it as Pagefind's attributes, and
only pages with it are indexed. The names of filters and fields are German:
the search shows them to readers as they are.
"""

from __future__ import annotations

from randnotiz.dates import german_date
from randnotiz.model import Article, BlockKind, EntityKind, Organization, Person
from randnotiz.render.view import SiteView, sort_key
from randnotiz.searchwords import keywords, name_words

#: Markdown attributes that keep an element and what it holds out of the search index:
#: text the site repeats from other pages (an article sentence is indexed once).
NOT_SEARCHED = 'data-pagefind-ignore="all"'
#: Markdown attributes of a page's title (its H1): the search shows it as the result's
#: title and weighs it there, and leaves it out of the text, so that the title is not
#: offered once more as a section of the page.
SEARCH_TITLE = 'data-pagefind-ignore data-pagefind-meta="title"'
KINDS = {
    EntityKind.PERSON: "Person",
    EntityKind.ORGANIZATION: "Organisation",
    EntityKind.TERM: "Begriff",
}
ARTICLE_KIND = "Artikel"


def article_search(view: SiteView, article: Article) -> dict[str, object]:
    """Kind, rubric, year and the people and organisations an article names; its date
    to sort by; the transliterations of its title and headings ("Gruendermodus")."""
    named = sorted(view.article_entities(article.id), key=sort_key)
    headings = [b.text for b in article.blocks if b.kind is BlockKind.HEADING]
    return _given(
        {
            "kind": ARTICLE_KIND,
            "date": german_date(article.date),
            "sort": article.date.isoformat(),
            "year": str(article.date.year),
            "rubric": article.rubric or None,
            "people": [e.name for e in named if e.kind is EntityKind.PERSON],
            "organizations": [e.name for e in named if e.kind is EntityKind.ORGANIZATION],
            "words": " ".join(keywords([article.title, *headings])),
        }
    )


def profile_search(entity: Person | Organization) -> dict[str, object]:
    """Kind and every name a reader may type for a person or organisation: aliases,
    genitives the stemmer misses ("Metas"), transliterations."""
    names = (entity.name, *entity.aliases)
    kind = KINDS[entity.kind]
    return _given(
        {
            "kind": kind,
            "people" if entity.kind is EntityKind.PERSON else "organizations": [entity.name],
            "names": " ".join((*entity.aliases, *name_words(names))),
        }
    )


def _given(fields: dict[str, object]) -> dict[str, object]:
    """The fields that say something: the theme writes no empty filter."""
    return {k: v for k, v in fields.items() if v not in (None, "", [])}
