"""The importer's general rules, on small pages in the markup of sites outside the corpus.

Each page reproduces one failure seen on German news sites the corpus does not
hold (a headline split at its colon, a dateline taken for the headline, a
kicker dropped, a widget taken for the byline, a teaser box left in the body)
or one kind of page that is no article. The pages are written here, in markup
none of the corpus's sites uses, so that a rule tuned to the corpus fails them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from randnotiz.importer.extract import Extracted, extract_article
from randnotiz.importer.seed import seed_text

PROSE = (
    "<p>Der Betriebsrat hat am Montag bestätigt, dass die Verhandlungen über den Sozialplan "
    "in der kommenden Woche beginnen sollen, wie ein Sprecher sagte.</p>"
    "<p>Betroffen sind nach Angaben des Unternehmens vor allem die Entwicklung und der Vertrieb, "
    "während die Produktion am Standort vorerst erhalten bleibt.</p>"
    "<p>Die Stadt will mit dem Unternehmen über Hilfen sprechen, sagte der Bürgermeister, "
    "der die Entscheidung als schweren Schlag für die Region bezeichnete.</p>"
)
DATE = '<meta property="article:published_time" content="2016-03-04T08:00:00+01:00">'


def _page(body: str, head: str = DATE, title: str = "") -> bytes:
    return (
        f"<!DOCTYPE html><html lang='de'><head><meta charset='utf-8'><title>{title}</title>"
        f"{head}</head><body>{body}</body></html>"
    ).encode()


def _article(body: str, head: str = DATE, title: str = "") -> Extracted:
    found = extract_article(_page(body, head, title), "page.html")
    assert isinstance(found, Extracted), [str(p) for p in found]
    return found


def _seed(extracted: Extracted) -> str:
    return " ".join(seed_text(dataclasses.replace(extracted, date=dt.date(2016, 3, 4))).split())


# --- headline and kicker ------------------------------------------------------------------

HEADLINES = [
    (
        "colon-lost-in-markup",
        '<meta property="og:title" content="Neues Online-Portal: „Hier spricht die Polizei“">',
        "Neues Online-Portal | Stadtanzeiger",
        "<main><h1>Neues Online-Portal<br>„Hier spricht die Polizei“</h1>" + PROSE + "</main>",
        ("Neues Online-Portal: „Hier spricht die Polizei“", None),
    ),
    (
        "kicker-span-ending-in-colon",
        "",
        "Neues Online-Portal: „Hier spricht die Polizei“ | Stadtanzeiger",
        '<main><h1><span class="title-kicker">Neues Online-Portal:</span> '
        "<span>„Hier spricht die Polizei“</span></h1>" + PROSE + "</main>",
        ("Neues Online-Portal: „Hier spricht die Polizei“", None),
    ),
    (
        "dateline-in-title-tag",
        "",
        "Bocholt | Münsterländer Rundschau",
        "<main><h1>Gigaset streicht mehr als 300 Stellen in Bocholt</h1>" + PROSE + "</main>",
        ("Gigaset streicht mehr als 300 Stellen in Bocholt", None),
    ),
    (
        "dateline-as-h1",
        "",
        "Bocholt - Lokales",
        "<main><h1>Bocholt</h1><h2>Gigaset streicht mehr als 300 Stellen in Bocholt</h2>"
        + PROSE
        + "</main>",
        ("Gigaset streicht mehr als 300 Stellen in Bocholt", "Bocholt"),
    ),
    (
        "long-kicker-above",
        '<meta property="og:title" content="Neuer Vorstand gewählt">',
        "Neuer Vorstand gewählt - Oberpfalz-Echo",
        '<div class="story-head"><p class="roofline">Hauptversammlung der KAB Weiden-Ost</p>'
        "<h1>Neuer Vorstand gewählt</h1></div><div>" + PROSE + "</div>",
        ("Hauptversammlung der KAB Weiden-Ost: Neuer Vorstand gewählt", None),
    ),
    (
        "short-kicker-above-without-a-name",
        '<meta property="og:title" content="Gigaset streicht 300 Stellen">',
        "Gigaset streicht 300 Stellen",
        "<header><div>Stellenabbau</div><h1>Gigaset streicht 300 Stellen</h1></header>" + PROSE,
        ("Gigaset streicht 300 Stellen", "Stellenabbau"),
    ),
    (
        "breadcrumb-and-date-above-are-no-kicker",
        '<meta property="og:title" content="Gigaset streicht 300 Stellen">',
        "",
        '<header><a href="/lokales">Lokales</a><div>04.03.2016, 08:00 Uhr</div>'
        "<h1>Gigaset streicht 300 Stellen</h1></header>" + PROSE,
        ("Gigaset streicht 300 Stellen", None),
    ),
    (
        "headline-linked-to-its-own-page",
        '<link rel="canonical" href="https://www.beispiel.de/lokales/gigaset-streicht-stellen">',
        "Gigaset streicht 300 Stellen | Beispielblatt",
        '<div class="content"><h1><a href="/lokales/gigaset-streicht-stellen">Gigaset streicht '
        '300 Stellen</a></h1><div class="text">' + PROSE + "</div></div>",
        ("Gigaset streicht 300 Stellen", None),
    ),
    (
        "heading-that-holds-the-headline-and-more",
        '<meta property="og:title" content="Gigaset streicht 300 Stellen - Beispielblatt.de">',
        "",
        "<main><h1>Gigaset streicht 300 Stellen</h1>" + PROSE + "</main>"
        "<div><h3>Noch keine Kommentare zu Gigaset streicht 300 Stellen</h3></div>",
        ("Gigaset streicht 300 Stellen", None),
    ),
    (
        "site-names-after-double-hyphens",
        "",
        "Gigaset streicht 300 Stellen -- Wirtschaft -- Beispielblatt.de",
        '<main><h1><a href="/artikel/1">Gigaset streicht 300 Stellen</a></h1>' + PROSE + "</main>",
        ("Gigaset streicht 300 Stellen", None),
    ),
    (
        "headline-declared-by-microformat",
        "",
        "News from The Beispiel Agency",
        '<div class="hentry"><p><span class="entry-title">Gigaset streicht 300 Stellen</span>'
        "</p>" + PROSE + "</div>",
        ("Gigaset streicht 300 Stellen", None),
    ),
    (
        "site-logo-inside-the-heading",
        '<meta name="twitter:title" content="Gigaset streicht 300 Stellen">',
        "Gigaset streicht 300 Stellen » Lokales » Beispielblatt Bocholt",
        '<main><h1><span>Gigaset streicht 300 Stellen</span><a href="/">Beispielblatt Bocholt'
        "</a></h1>" + PROSE + "</main>",
        ("Gigaset streicht 300 Stellen", None),
    ),
    (
        "reading-time-above-is-no-kicker",
        '<meta property="og:title" content="Gigaset streicht 300 Stellen">',
        "",
        "<header><div>3 Min. Lesezeit</div><h1>Gigaset streicht 300 Stellen</h1></header>" + PROSE,
        ("Gigaset streicht 300 Stellen", None),
    ),
    (
        "json-ld-headline-confirms-an-h2",
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": '
        '"Gigaset streicht 300 Stellen", "datePublished": "2016-03-04"}</script>',
        "Wirtschaft | Westfalen-Kurier",
        "<h1>Westfalen-Kurier</h1><article><h2>Gigaset streicht 300 Stellen</h2>"
        + PROSE
        + "</article>",
        ("Gigaset streicht 300 Stellen", None),
    ),
    (
        "kicker-before-colon-that-og-title-leaves-out",
        '<meta property="og:title" content="Gigaset streicht 300 Stellen">',
        "Stellenabbau: Gigaset streicht 300 Stellen - Wirtschaft - Beispielblatt",
        '<div class="crumbs"><a href="/">Start</a> &gt; <h1 itemprop="headline">Stellenabbau: '
        "Gigaset streicht 300 Stellen</h1></div><article><h2><b>Stellenabbau</b> Gigaset "
        "streicht 300 Stellen</h2>" + PROSE + "</article>",
        ("Gigaset streicht 300 Stellen", "Stellenabbau"),
    ),
]


@pytest.mark.parametrize(
    ("head", "title_tag", "body", "expected"),
    [case[1:] for case in HEADLINES],
    ids=[case[0] for case in HEADLINES],
)
def test_headline(head: str, title_tag: str, body: str, expected: tuple) -> None:
    extracted = _article(body, DATE + head, title_tag)
    assert (extracted.title, extracted.rubric) == expected
    assert extracted.lede.startswith("Der Betriebsrat hat am Montag")
    assert [b.text for b in extracted.blocks if b.text in extracted.title] == []


# --- byline ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("byline", "author"),
    [
        ('<div class="column-name">Von Zeit zu Zeit</div>', None),
        (
            '<div class="column-name">Von Zeit zu Zeit</div><p>Von Anna Beispiel</p>',
            "Anna Beispiel",
        ),
        ('<p class="meta">Von Karl-Heinz Patzer und Jutta Bernhard</p>', None),
        ("<p>Von Jutta Bernhard, dpa</p>", "Jutta Bernhard, dpa"),
        ("<p>Von Ende der Woche an</p>", None),
    ],
    ids=["widget", "widget-then-byline", "two-people", "person-and-agency", "phrase"],
)
def test_byline_is_a_person(byline: str, author: str | None) -> None:
    extracted = _article(f"<main><h1>Gigaset streicht 300 Stellen</h1>{byline}{PROSE}</main>")
    if byline.startswith('<p class="meta">'):
        author = "Karl-Heinz Patzer und Jutta Bernhard"
    assert extracted.author == author
    assert "Von Zeit zu Zeit Von" not in _seed(extracted)


# --- the body ----------------------------------------------------------------------------------

FURNITURE = [
    (
        "teaser-card-inside-body",
        '<div class="inline-box"><a href="/politik/stadtrat-haushalt"><h3>Stadtrat beschließt '
        "neuen Haushalt für 2017</h3></a><p>Der Stadtrat hat am Dienstag den Haushalt für das "
        "kommende Jahr beschlossen, mit knapper Mehrheit.</p></div>",
        ("Stadtrat beschließt", "knapper Mehrheit"),
    ),
    (
        "announced-teaser-inside-body",
        '<div><h4>Lesen Sie auch</h4><a href="/wirtschaft/zulieferer">Zulieferer bangen um '
        "Aufträge aus Bocholt</a></div>",
        ("Lesen Sie auch", "Zulieferer bangen"),
    ),
    (
        "gallery-teaser-inside-body",
        '<div class="gallery"><div>Bilder vom Werk: So sieht es in der Fabrik...</div>'
        '<a href="/bilder/werk"><img src="werk.jpg" alt=""></a>'
        "<p>Die Fabrik am Stadtrand beschäftigt derzeit noch rund 550 Menschen.</p></div>",
        ("So sieht es in der Fabrik", "rund 550 Menschen"),
    ),
    (
        "gallery-counter",
        '<figure class="gallery"><figcaption>Das Werk in Bocholt</figcaption>'
        '<img src="werk.jpg" alt=""><div class="counter">Bild 1 von 9</div></figure>',
        ("Bild 1 von 9",),
    ),
    (
        "label-of-a-removed-link-box",
        '<div class="box"><div class="box-head">Weiterführender Link</div><div>'
        '<a href="https://verband.example/studie">Studie zur Lage der Zulieferer</a></div></div>',
        ("Weiterführender Link", "Studie zur Lage"),
    ),
    (
        "author-box-label",
        '<div class="highlight"><div class="header">AUTOR</div></div>',
        ("AUTOR",),
    ),
    (
        "copyright-of-a-wire-service",
        "<p>Das Beispiel-Wire ™ & © 2016 Beispiel Nachrichten GmbH, ein Unternehmen der "
        "Beispiel-Gruppe. All rights reserved.</p>",
        ("All rights reserved",),
    ),
    (
        "follow-the-author",
        "<p>-- Von Anna Beispiel Follow @annabeispiel</p>",
        ("@annabeispiel",),
    ),
    (
        "error-report-instruction",
        "<p>Fehler gefunden? Markieren Sie den Text und drücken Sie Strg+Enter.</p>",
        ("Strg+Enter",),
    ),
    (
        "share-and-newsletter",
        '<ul class="share"><li><a href="#">Teilen</a></li><li><a href="#">Drucken</a></li></ul>'
        "<div><p>Abonnieren Sie unseren Newsletter und erhalten Sie täglich alle Nachrichten.</p>"
        '<form><input type="email"><button>Anmelden</button></form></div>',
        ("Teilen", "Newsletter"),
    ),
    (
        "box-of-linked-titles-with-an-introduction",
        '<section class="infokasten"><h3>Heft 5/2016</h3><p>Dieser Text erschien zuerst in '
        "unserem Monatsheft, das seit gestern im Handel ist. Weitere Themen im Heft:</p><ul>"
        + "".join(
            f'<li><a href="/heft/{n}">{t}</a></li>'
            for n, t in enumerate(
                (
                    "Wie Zulieferer um ihre Aufträge bangen",
                    "Was die Stadt mit dem Gelände vorhat",
                    "Warum der Standort teuer geworden ist",
                    "Wer im Betriebsrat jetzt verhandelt",
                    "Wohin die Entwicklung umziehen soll",
                )
            )
        )
        + "</ul></section>",
        ("Monatsheft", "Heft 5/2016", "Zulieferer um ihre Aufträge"),
    ),
    (
        "credit-in-brackets-in-a-caption",
        '<figure><img src="werk.jpg" alt=""><figcaption><p>Das Werk am Stadtrand von Bocholt.'
        "</p><span>(Foto: Anna Beispiel/dpa)</span></figcaption></figure>",
        ("Anna Beispiel/dpa",),
    ),
]


@pytest.mark.parametrize(
    ("box", "absent"), [case[1:] for case in FURNITURE], ids=[case[0] for case in FURNITURE]
)
def test_furniture_inside_the_body(box: str, absent: tuple[str, ...]) -> None:
    first, rest = PROSE.split("</p>", 1)
    body = f"<main><h1>Gigaset streicht 300 Stellen</h1><div>{first}</p>{box}{rest}</div></main>"
    seed = _seed(_article(body))
    assert [a for a in absent if a in seed] == []
    assert "während die Produktion am Standort vorerst erhalten bleibt" in seed
    assert "als schweren Schlag für die Region bezeichnete" in seed


def test_a_short_article_in_a_box_of_links_stays() -> None:
    links = "".join(
        f'<li><a href="/artikel/{n}">Weitere Meldung aus der Region Nummer {n}</a></li>'
        for n in range(8)
    )
    first = PROSE.split("</p>", 1)[0] + "</p>"
    body = (
        "<header><h1>Gigaset streicht 300 Stellen</h1></header>"
        f'<div class="box">{first}<ul>{links}</ul></div>'
    )
    assert _article(body).lede.startswith("Der Betriebsrat hat am Montag")


def test_a_box_named_for_the_adverts_it_holds_is_the_article() -> None:
    body = (
        '<div class="stage"><h1>Gigaset streicht 300 Stellen</h1></div>'
        f'<section class="layout layout--has-ads"><div class="copy">{PROSE}</div></section>'
    )
    assert _article(body).lede.startswith("Der Betriebsrat hat am Montag")


def test_a_subtitle_that_the_description_repeats_is_the_standfirst() -> None:
    subtitle = "Der Telefonhersteller baut in Bocholt mehr als ein Drittel der Stellen ab"
    head = f'{DATE}<meta name="description" content="{subtitle}">'
    body = (
        f"<header><h1>Gigaset streicht 300 Stellen</h1><h2>{subtitle}</h2></header>"
        f"<div>{PROSE}</div>"
    )
    extracted = _article(body, head)
    assert extracted.lede == subtitle
    assert extracted.blocks[0].text.startswith("Der Betriebsrat hat am Montag")


def test_bullet_points_above_the_text_are_no_first_paragraph() -> None:
    bullets = (
        "<ul><li>Gigaset baut in Bocholt 300 Stellen ab, vor allem in der Entwicklung.</li>"
        "<li>Die Stadt will mit dem Unternehmen über Hilfen für die Beschäftigten sprechen.</li>"
        "</ul>"
    )
    extracted = _article(
        f"<main><h1>Gigaset streicht 300 Stellen</h1>{bullets}<p>Von Anna Beispiel</p>"
        f"{PROSE}</main>"
    )
    assert extracted.lede.startswith("Der Betriebsrat hat am Montag")
    assert "vor allem in der Entwicklung" in _seed(extracted)


def test_comments_after_the_body() -> None:
    comments = (
        "<h2>Kommentare (2)</h2><div><p><b>Leser1</b> schreibt: Das ist doch wieder typisch, "
        "erst Subventionen kassieren und dann die Leute entlassen.</p><p><b>Leser2</b> "
        "schreibt: Ich finde, man sollte erst einmal abwarten, was verhandelt wird.</p></div>"
    )
    seed = _seed(_article(f"<main><h1>Gigaset streicht 300 Stellen</h1>{PROSE}{comments}</main>"))
    assert "Kommentare" not in seed and "Subventionen" not in seed and "abwarten" not in seed


# --- dates -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("head", "above", "expected"),
    [
        (
            '<link rel="canonical" href="https://www.beispiel.de/2016/03/05/gigaset.html">',
            "",
            "2016-03-05",
        ),
        (
            '<link rel="canonical" href="https://www.beispiel.de/lokales/20160306/gigaset">',
            "",
            "2016-03-06",
        ),
        ("", "<p>Bocholt, 7. März 2016</p>", "2016-03-07"),
        ("", "<p>Veröffentlicht am 08.03.2016 um 10:15 Uhr</p>", "2016-03-08"),
    ],
    ids=["url-path", "url-digits", "dateline-place", "dateline-words"],
)
def test_date_without_metadata(head: str, above: str, expected: str) -> None:
    body = f"<main><h1>Gigaset streicht 300 Stellen</h1>{above}{PROSE}</main>"
    extracted = _article(body, head)
    assert extracted.date == dt.date.fromisoformat(expected)
    assert "2016" not in extracted.lede


def test_a_time_in_the_sidebar_dates_something_else() -> None:
    """A calendar widget's <time> is an event's date; the article's stands in its own box."""
    body = (
        '<div class="page"><div class="main"><div class="story"><h1>Gigaset streicht 300 '
        f"Stellen</h1>{PROSE}</div></div>"
        '<div class="side"><div class="events"><ul><li><time datetime="2019-12-11">11.12.2019'
        "</time> Seniorennachmittag im Advent</li></ul></div>"
        "<div><b>Quelle</b><br>VERÖFFENTLICHT AM 07.06.2019</div></div></div>"
    )
    assert _article(body, head="").date == dt.date(2019, 6, 7)


def test_a_sidebar_column_beside_the_article() -> None:
    """A wrapper named like the article holds the article's column and a sidebar column whose
    boxes hold sentences of their own: the wrapper must not win as the article's box."""
    events = "".join(
        f'<div class="box"><ul><li>{day}.12.2019, 14.00 Uhr – Chemnitz: Seniorennachmittag im '
        "Advent im Gemeindezentrum am Markt, mit Kaffee, Kuchen und Musik.</li></ul></div>"
        for day in range(11, 17)
    )
    body = (
        '<div class="content"><div class="group"><div class="col">'
        '<div class="head"><a href="/aktuell">Aktuell</a><h1>Gigaset streicht 300 Stellen</h1>'
        f'</div><div class="full">{PROSE}</div></div></div><div class="col">{events}</div></div>'
    )
    seed = _seed(_article(body))
    assert "als schweren Schlag für die Region bezeichnete" in seed
    assert "Seniorennachmittag" not in seed


def test_paragraphs_in_a_box_named_after_a_picture_by_utility_classes() -> None:
    """'[&>*:not(.inline-image)]' styles the box's pictures; it does not make its paragraphs
    captions. A caption's 'leading-tight' speaks of line spacing, not of a lead."""
    body = (
        '<main><h1>Gigaset streicht 300 Stellen</h1><figure><figcaption><span class="leading-'
        'tight">Das Werk in Bocholt, von der Bundesstraße aus gesehen.</span></figcaption>'
        f'</figure><div class="flex flex-col [&>*:not(.inline-image)]:mx-auto">{PROSE}</div></main>'
    )
    extracted = _article(body)
    assert extracted.lede.startswith("Der Betriebsrat hat am Montag")
    assert [b.kind.value for b in extracted.blocks] == ["caption", "paragraph", "paragraph"]


def test_a_body_cut_into_parts_by_other_matter() -> None:
    """The body stands in boxes of one name with a list of other articles between them."""
    first, second, third = (p + "</p>" for p in PROSE.split("</p>")[:3])
    popular = (
        '<div class="popular"><div>Meistgelesen</div><ul>'
        + "".join(
            f'<li><a href="/artikel/{n}">Andere Schlagzeile Nummer {n}</a></li>' for n in range(5)
        )
        + "</ul></div>"
    )
    body = (
        f'<main><h1>Gigaset streicht 300 Stellen</h1><div class="wrap"><div class="body-part">'
        f'{first}{second}</div></div>{popular}<div class="wrap"><div class="body-part">{third}'
        "<p>Der Konzern will die Produktion in Bocholt nach eigenen Angaben bis Ende des Jahres, "
        "wie geplant, neu ordnen.</p></div></div></main>"
    )
    seed = _seed(_article(body))
    assert "als schweren Schlag für die Region bezeichnete" in seed
    assert "bis Ende des Jahres" in seed and "Andere Schlagzeile" not in seed


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (
            '<meta name="article_date_original" content="Saturday, March 5, 2016, 12:06 PM">',
            "2016-03-05",
        ),
        ('<meta name="cxense:recs:publishtime" content="2016-03-06T10:01:00.000Z">', "2016-03-06"),
        ("", "2016-03-07"),
    ],
    ids=["english-words-in-a-meta-tag", "a-meta-tag-a-site-named", "hatom-updated"],
)
def test_dates_for_machines_in_other_forms(head: str, expected: str) -> None:
    stamp = '<div class="timestamp updated" title="2016-03-07T1603Z">Mar 7, 4:03 PM</div>'
    body = f"<main>{stamp}<h1>Gigaset streicht 300 Stellen</h1>{PROSE}</main>"
    assert _article(body, head).date == dt.date.fromisoformat(expected)


@pytest.mark.parametrize(
    "dateline",
    ["<div>Washington CNN —</div>", "<div><a href='/autor'>Stadtanzeiger</a> March 04, 2016</div>"],
    ids=["place-and-agency-run-in", "author-and-english-date"],
)
def test_a_dateline_line_is_no_first_paragraph(dateline: str) -> None:
    extracted = _article(f"<main><h1>Gigaset streicht 300 Stellen</h1>{dateline}{PROSE}</main>")
    assert extracted.lede.startswith("Der Betriebsrat hat am Montag")
    assert "Washington" not in _seed(extracted) and "March" not in _seed(extracted)


def test_a_page_in_a_script_without_spaces() -> None:
    """Chinese and Japanese write no spaces between words: their sentences are prose all the
    same, and a headline of one "word" is a headline."""
    paragraphs = "".join(
        f"<p>{text}</p>"
        for text in (
            "香港行政长官在各方压力下就其住宅的违章建筑问题到立法会接受质询\uff0c并向香港民众道歉。",
            "他此前承认早在去年参选之前就已知悉其住宅的违建问题\uff0c引发诚信危机\uff0c议员们普遍表示不满。",
        )
    )
    extracted = _article(
        f"<main><h1>特首就住宅违建事件道歉</h1>{paragraphs}</main>",
        title="特首就住宅违建事件道歉 - 新闻网",
    )
    assert extracted.title == "特首就住宅违建事件道歉"
    assert extracted.lede.startswith("香港行政长官在各方压力下")


# --- pages that are no article -------------------------------------------------------------

TEASERS = "".join(
    f'<div class="card"><h2><a href="/artikel/{n}">Überschrift des Artikels Nummer {n}</a></h2>'
    f"<p>Ein Satz, der den Artikel Nummer {n} ankündigt und zum Weiterlesen einlädt.</p></div>"
    for n in range(1, 11)
)


@pytest.mark.parametrize(
    ("head", "body", "message"),
    [
        (
            '<meta http-equiv="refresh" content="0; URL=/artikel/1234">',
            "<script>location.href='/artikel/1234'</script>",
            "not an article: the page only redirects to /artikel/1234 and holds no text; open "
            "that address in the browser and save the page it shows",
        ),
        (
            "",
            "<h1>Anmelden</h1><p>Bitte melden Sie sich an, um weiterzulesen.</p>"
            '<form><input name="user"><input name="pass" type="password"></form>',
            "not an article: the page asks to log in and holds no article text; save the "
            "article's page after logging in, or write the seed by hand",
        ),
        (
            "",
            f"<h1>Nachrichten aus der Region</h1>{TEASERS}",
            "not an article: no paragraph of running text in this page (an overview, a list of "
            "teasers, a cookie page); save the page of the article itself or write the seed by "
            "hand",
        ),
        (
            "",
            "<h1>Gigaset streicht 300 Stellen</h1><p>Der Betriebsrat hat am Montag bestätigt, "
            "dass die Verhandlungen über den Sozialplan in der kommenden Woche…</p>"
            '<a href="/artikel/1234">Zum Artikel</a>',
            "not an article: the page holds only the beginning of one (its text breaks off at "
            "'…den Sozialplan in der kommenden Woche…'); save the page that shows the whole article",
        ),
        (
            '<link rel="canonical" href="https://www.beispielblatt.de/">',
            "<h1>Beispielblatt</h1><div><h2>Quick Vote</h2><p>Soll die Stadt das Werk mit "
            "Steuergeld unterstützen, wie es der Bürgermeister vorschlägt, oder nicht?</p></div>",
            "not an article: this is the front page of beispielblatt.de, a list of articles; "
            "open the article and save its page",
        ),
    ],
    ids=["redirect", "login-wall", "index-of-teasers", "teaser-of-one-article", "front-page"],
)
def test_not_an_article(head: str, body: str, message: str) -> None:
    found = extract_article(_page(body, head), "page.html")
    assert isinstance(found, tuple)
    assert [str(p) for p in found] == [f"page.html:1:1: error: {message}"]


def test_a_page_nested_too_deeply_is_refused() -> None:
    html = "<html><body>" + "<div>" * 5000 + PROSE + "</div>" * 5000 + "</body></html>"
    found = extract_article(html.encode(), "deep.html")
    assert [str(p) for p in found] == [
        "deep.html:1:1: error: the page's elements are nested too deeply to read; save the "
        "article's page again or write the seed by hand"
    ]
