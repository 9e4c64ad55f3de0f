"""``randnotiz import``: real saved news pages in, seeds out.

The corpus table was made by reading each page: the headline as the page
shows it, sentences of the article (most from the corpus's own excerpt of the
article text) that must be in the seed, and text of the page's navigation,
teasers, comment sections and footer that must not.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from randnotiz import importer
from randnotiz.importer import seed as import_seed
from randnotiz.importer.extract import Extracted, TextBlock, extract_article
from randnotiz.model import ArticleNotes, BlockKind, Origin
from randnotiz.problems import Problem
from randnotiz.read.seed import parse_seed

CORPUS = Path(__file__).resolve().parent / "corpora" / "smartdata-dev"

# (page, title, date, sentences of the article, text that is not the article)
PAGES = [
    (
        "smartdata_news_1035",
        "Intel streicht 12.000 Stellen - Prognose enttäuscht Anleger",
        "2016-04-20",
        (
            "Der Chip-Riese Intel streicht 12.000 Jobs, um sich schneller aus der Abhängigkeit "
            "vom schrumpfenden PC-Geschäft zu lösen.",
            "Bis Mitte 2017 sollen damit elf Prozent der Belegschaft gehen.",
            "Zuletzt machten PC-Prozessoren noch über die Hälfte des Intel-Geschäfts aus,",
            "Die meisten vom Stellenabbau betroffenen Angestellten sollen innerhalb der nächsten "
            "60 Tage informiert werden, kündigte Intel an.",
        ),
        (
            "Nachrichten zu Intel Corp.",
            "Weitere Links:",
            "Presse: Intel arbeitet an Datenbrille",
            "Quartalszahlen: Intel wächst und 12.000 Mitarbeiter müssen gehen",
            "Wedbush Morgan Securities",
            "Benutzername",
            "Wie bewerten Sie diese Seite?",
            "Tweet",
        ),
    ),
    (
        "smartdata_news_1082",
        "Boeing holt zum KAHLSCHLAG aus…",
        "2016-02-23",
        (
            "der Kampf mit dem europäischen Flugzeughersteller Airbus um Marktanteile ist "
            "erbittert und fordert auch seine Opfer!",
            "Sparten-Chef Ray Conner machte Ende vergangener Woche Nägel mit Köpfen",
            "Das sei aber davon abhängig, wie viel unterm Strich eingespart werden könne.",
        ),
        (
            "Über den Autor:",
            "Kolumnen dieses Autors",
            "ARIVA.DE veröffentlicht in dieser Rubrik",
            "Artikel ins Forum einfügen",
            "Seite teilen",
            "Börsen-Lexikon",
            "Verwendung von Cookies",
        ),
    ),
    (
        "smartdata_news_1090",
        "Konflikte - YPG: Türkische Vorwürfe sind Vorwand für Syrien-Einmarsch",
        "2016-02-19",
        (
            "Istanbul (dpa) - Die kurdischen YPG-Milizen in Syrien haben die türkischen "
            "Anschuldigungen zum Anschlag von Ankara als Vorwand für einen Einmarsch in "
            "Nordsyrien bezeichnet.",
            "sagte YPG-Sprecher Redur Xelil der kurdischen Agentur Firat.",
            "Rojava ist die kurdische Bezeichnung für die Gebiete in Nordsyrien unter YPG-Kontrolle.",
            "Xelil wies erneut jede Verantwortung für den Anschlag in Ankara zurück.",
        ),
        (
            "Top-Nachrichten",
            "Unsere wichtigsten Themen",
            "Mehr zum Thema",
            "Entführte afghanische Rotkreuz-Mitarbeiter wieder frei",
            "Leserbrief schreiben",
            "Wuchtige Maschine reißt ganze Bäume aus",
            "Twittern",
            "THEMEN VON A BIS Z",
        ),
    ),
    (
        "smartdata_news_1097",
        "Falsche Vornamen auf 200 000 Stimmzetteln",
        "2016-02-08",
        (
            "Gießen (dpa/lhe) - Nach einer Panne müssen im Kreis Gießen 200 000 Stimmzettel "
            "für die Kommunalwahl neu gedruckt werden.",
            "In dem einen Fall habe ein Kandidat irrtümlicherweise einen weiblichen Vornamen erhalten.",
            "Im anderen schlich sich demnach ein Schreibfehler ein.",
        ),
        (
            "Artikel per E-Mail empfehlen",
            "Leserkommentare",
            "Meistgelesene Artikel",
            "Roger Willemsen mit 60 Jahren gestorben",
            "Die Favoriten unseres Homepage-Teams",
            "DISQUS",
            "Twittern",
        ),
    ),
    (
        "smartdata_news_1210",
        "WPP-Tochter kauft deutsche Digitalagentur: Aus Conrad Caine wird Possible",
        "2016-01-22",
        (
            "Der Werbegigant WPP schnappt sich die deutsche Digitalagentur Conrad Caine.",
            "Was Caine sich von der neuen Mutter verspricht.",
            "München/Düsseldorf Der weltgrößte Werbekonzern WPP kauft die bei vielen deutschen "
            "Großkonzernen bestens verdrahtete Digitalagentur Conrad Caine.",
            "Der Branchenriese bestätigte am Freitagmorgen an der Londoner Börse einen Bericht des "
            "Handelsblatts.",
        ),
        (
            "Sie wollen unsere Inhalte verwenden?",
            "Schlagworte:",
            "Barbara Hartmann ist Managing Partnerin",
            "Von Claudia Tödtmann",
            "Film über Anne Frank feiert Weltpremiere",
            "Bild vergrößern",
            "Serviceangebote unserer Partner",
        ),
    ),
    (
        "smartdata_news_1213",
        "Fanuc kommt mit glänzenden Zahlen zur Automatica",
        "2016-07-21",
        (
            "Ein Rekordergebnis verzeichnete Fanuc Deutschland im abgelaufenen Geschäftsjahr.",
            "Über alle drei Geschäftsbereiche wuchs der Umsatz um 18 Prozent auf 212 Mio. Euro.",
            "Die Zahl der Mitarbeiter bei Fanuc Deutschland stieg auf inzwischen circa 300.",
        ),
        (
            "Leser interessierten sich auch für",
            "Verwandte Artikel",
            "Cardbox Packaging eröffnet Entwicklungszentrum",
            "Weiterempfehlen",
            "Am meisten gelesen",
            "Das Beste von neue-verpackung.de",
            "Mehr Fachartikel",
        ),
    ),
    (
        "smartdata_news_1252",
        "Venezuelas Präsident Maduro erklärt Freitage zu Feiertagen",
        "2016-04-07",
        (
            "Um Strom zu sparen, greift die Regierung von Venezuela zu besonderen Mitteln.",
            "Wegen notorischen Strommangels hat Venezuela alle Freitage der nächsten beiden "
            "Monate zu Feiertagen erklärt.",
            "Die Opposition kritisierte, angesichts von Wirtschaftskrise,",
        ),
        (
            "Meistgelesene Artikel",
            "Frankreich will Prostitution de facto abschaffen",
            "Berliner Polizeimeldungen",
            "Bleiben Sie informiert:",
            "Zeitungsarchiv",
            "Leider falsch - Wir korrigieren",
        ),
    ),
    (
        # The corpus's excerpt of this page is its footer; the sentences are the article's.
        "smartdata_news_1276",
        "T-Mobile US schraubt Prognosen nach starkem Jahresstart deutlich nach oben",
        "2016-04-26",
        (
            "BELLEVUE (dpa-AFX) - T-Mobile US macht dank des Kundenansturms auch im neuen Jahr mit "
            "großen Schritten weiter und schraubt die eigenen Erwartungen nach oben.",
            "Auch bei den Kunden peilt das von John Legere geführte Management größere Sprünge an,",
        ),
        (
            "Kurse werden bei Verfügbarkeit für NASDAQ, NYSE und NYSEAmex in Echtzeit angezeigt.",
            "Top News",
            "Freisprüche für alle Angeklagten im Deutsche-Bank-Prozess",
            "Steuererklärung 2015",
            "Deutsche Märkte schließen",
            "Twittern",
        ),
    ),
    (
        "smartdata_news_1329",
        "Star Wars: Trials of Tatooine VR gezeigt",
        "2016-03-15",
        (
            '"Star Wars: Trials of Tatooine VR" sieht vielversprechend aus.',
            "Erstes Videomaterial steht bereits zur Ansicht bereit. Man kann gespannt sein.",
            "Ein passendes Video wurde auf dem YouTube-Channel von ILMxLab veröffentlicht, "
            "jedoch schnell wieder entfernt.",
            "Wir sehen den Millennium Falken, Sturmtruppen, R2D2, etwas Laserschwert-Action und mehr.",
        ),
        (
            "News zu HTC Vive",
            "HTC Vive über 15.000 Mal vorbestellt",
            "Termin für Pre-Order-Start",
            "GAMES.CH ist Mitglied",
            "Pro Evolution Soccer",
        ),
    ),
    (
        "smartdata_news_2",
        "Übernahme von StarCapital AG, einem in Oberursel bei Frankfurt/Main ansässigen, "
        "unabhängigen Asset Manager, mit betreuten Kundenvermögen in Höhe von rund CHF 2 5 Mrd",
        "2016-02-23",
        (
            "Verwaltetes Kundenvermögen der Bellevue Group steigt auf CHF 7.8 Mrd.",
            "Die Bellevue Group plant, den in Oberursel bei Frankfurt/Main ansässigen unabhängigen "
            "Asset Manager StarCapital vollständig zu erwerben.",
        ),
        (
            "Meldung von wallstreet-online.de",
            "Delticom AG erwirbt Anteile",
            "Empfehlungen der Redaktion",
            "Aktien im Fokus",
            "Widerrufsjoker beim BGH",
            "Erhalten Sie täglich um 10.00 Uhr",
            "weiterlesen",
        ),
    ),
    (
        "smartdata_news_411",
        "Main-Taunus: Bistum korrigiert Fusions-Pläne",
        "2016-02-02",
        (
            "Das Bistum hat der Forderung aus dem Main-Taunus nachgegeben und seine Fusions-Pläne "
            "korrigiert.",
            "Der Protest hat gewirkt.",
            "Nun hat das Bistum dieser Forderung nachgegeben.",
            "Die Gemeinde soll sich mit St. Gallus in Flörsheim zusammentun.",
        ),
        (
            "Testen Sie die Frankfurter Rundschau",
            "Diesen Artikel",
            "comments powered by",
            "Streit um Bauprojekt Klingenborn",
            "Möchten Sie zur mobilen Ansicht wechseln?",
            "Redaktion Frankfurt/Rhein-Main",
            "weiter »",
            "Tweet",
        ),
    ),
    (
        "smartdata_news_46",
        "Industrieverband: Griechenland droht die Zahlungsunfähigkeit",
        None,  # the page says only "vor 8 Stunden"
        (
            "Athen (dpa) - Griechenlands Industrielle haben die Regierung in Athen aufgerufen, "
            "rasch die Verhandlungen mit den Gläubigern abzuschließen.",
            "Bereits am Vortag hatte Zentralbankchef Ioannis Stournaras Premier Alexis Tsipras zur "
            "umgehenden Umsetzung des Reformprogramms aufgefordert.",
            "Das Parlamentsgebäude in Athen spiegelt sich in einem angrenzenden Bürokomplex.",
        ),
        (
            "Links zu diesem Thema",
            "mehr Nachrichten aus der Welt",
            "Die Schwabenwecker",
            "Linkin Park - Burn It Down",
            "Kindernachrichten",
            "Teilnahmebedingungen",
        ),
    ),
    (
        "smartdata_news_648",
        "Nieding+Barth: German Pellets Insolvenz zieht immer weitere Kreise",
        "2016-02-25",
        (
            "Bad Marienberg (www.anleihencheck.de) - Die Insolvenz der German Pellets GmbH wird "
            "immer undurchsichtiger,",
            "Jetzt hat das zuständige Gericht auch bei etlichen Tochterunternehmen die vorläufige "
            "Insolvenzverwaltung angeordnet.",
        ),
        (
            "Weitere Analysen & News",
            "Schäuble vor G20-Treffen",
            "Postbank Research",
            "Partnerangebote",
            "Erweiterte Funktionen",
            "Copyright 1998 - 2016",
        ),
    ),
    (
        "smartdata_news_827",
        "DJ PRESSEMITTEILUNG/MYNEWSDESK Seerene erhält Seed Funding über $5 Mio. (mit Bildern)",
        "2015-12-10",
        (
            "Die Seerene GmbH (www.seerene.com), ein Advanced-Analytics-Spin-off des "
            "Hasso-Plattner-Instituts gab heute bekannt,",
            "seerene? ermöglicht revolutionäre Einblicke und Analysen,",
        ),
        (
            "Big Phone Companies Will Test 5G This Year",
            "Mit der Anmeldung für den Newsletter",
            "Partnerangebote",
            "Artikelsuche",
            "nicht älter als 7 Tage",
            "Erweiterte Funktionen",
        ),
    ),
    (
        "smartdata_news_855",
        "Madonna von Erdbeben der Stärke 6,4 in Südtaiwan überrascht",
        "2016-02-05",
        (
            "Bei einem Erdbeben der Stärke 6,4 im Süden Taiwans sind in der Stadt Tainan mehrere "
            "Wohnhäuser eingestürzt oder beschädigt worden.",
            "Das Erdbeben überraschte auch Superstar Madonna und ihre Musiker, die in Taiwan auf "
            "Tour sind.",
        ),
        (
            "Wir freuen uns auf eine rege Diskussion",
            "Kommentar schreiben",
            "Feedback zur Vorlesefunktion",
            "Vorlesen",
            "Schneizlreuth-Urteil",
            "Dokument erstellt am",
            "Artikel bookmarken",
        ),
    ),
    (
        "smartdata_news_891",
        "Bürgermeisterwahl in Ortenberg am 25. September",
        "2016-03-22",
        (
            "Das Datum für die Bürgermeisterwahl in Ortenberg steht: Am 25. September entscheiden "
            "die Bürger über ihren Rathaus-Chef.",
            "Bewerber können ab dann bis einschließlich 29. August ihre Bewerbungsunterlagen "
            "einreichen.",
        ),
        (
            "Nach einem Raubüberfall auf eine Spielothek",
            "Weitere News",
            "weiterlesen",
            "Charlie Puths Karriere",
            "Wenn Sie bei Ihrer Anmeldung",
            "A5: Von Lahr Richtung Offenburg",
            "Täglich ab 13 Uhr",
        ),
    ),
    (
        "smartdata_news_895",
        "Mehr Straftaten und geringere Aufklärungsquote im Land",
        "2016-02-23",
        (
            "Magdeburg (dpa/sa) - In Sachsen-Anhalt sind im vergangenen Jahr zum vierten Mal in "
            "Folge mehr Straftaten registriert worden.",
            "Die Zahl der Delikte stieg im Vergleich zu 2014 um 2,2 Prozent auf rund 198 800.",
        ),
        (
            "Artikel per E-Mail empfehlen",
            "Leserkommentare",
            "Meistgelesene Artikel",
            "Millionenfacher Rückruf von Mars",
            "Die Favoriten unseres Homepage-Teams",
            "© WeltN24 GmbH",
            "Twittern",
        ),
    ),
    (
        "smartdata_news_901",
        "Mark Zuckerberg räumt Fehler im Umgang mit Hasskommentaren ein",
        "2016-02-26",
        (
            "Das politische Berlin ist für Facebook-Chef Zuckerberg eigentlich ein schwieriges "
            "Pflaster.",
            "Bei einem Treffen mit rund 1400 Anwendern in der Arena Berlin wählte der 31 Jahre alte "
            "Konzernchef eine geschickte Doppelstrategie,",
            "Zum einen lobte Mark Zuckerberg Deutschland und die Hauptstadt in den höchsten Tönen.",
        ),
        (
            "Leserkommentare",
            "Kommentieren Sie diesen Artikel",
            "Zwei Dutzend Männer belästigen Mädchen",
            "Hubschrauber der Bundespolizei abgestürzt",
            "Wichtige Adressen auf NWZonline.de",
            "Passwort vergessen",
        ),
    ),
    (
        "smartdata_news_910",
        "Boutros Boutros-Ghali, der “Pharao” an der Spitze der UN, 93-jährig gestorben",
        "2016-02-16",
        (
            "Der ehemalige UN-Generalsekretär Boutros Boutros-Ghali ist tot.",
            "Der Ägypter war als Nachfolger von Javier Pérez de Cuéllar von 1992 bis 1996 der "
            "sechste Generalsekretär der Vereinten Nationen.",
            "In seine Amtszeit fielen der Völkermord in Ruanda und der Zerfall Jugoslawiens.",
        ),
        (
            "Meistgeklickt",
            "Erdbeben in Neuseeland",
            "Syrien: Waffenruhe laut Assad unrealistisch",
            "Mehr dazu:",
            "Zum Wetter",
            "EUROPE’S MOST WANTED",
        ),
    ),
    (
        "smartdata_news_913",
        "DGAP-Stimmrechte: Brenntag AG (deutsch)",
        "2016-03-23",
        (
            "Veröffentlichung einer Stimmrechtsmitteilung, übermittelt durch DGAP - ein Service der "
            "EQS Group AG.",
            "Name: Registrierter Sitz und Staat: BlackRock, Inc. Wilmington,",
            "4. Namen der Aktionäre mit 3% oder mehr Stimmrechten, wenn abweichend von 3.",
        ),
        (
            "Nachrichten zu BRENNTAG AG",
            "UBS senkt Ziel für Brenntag",
            "Artikel lesen",
            "Kreuzen des GD 200",
            "Wie bewerten Sie die aktuell angezeigte Seite?",
            "Mehr Nachrichten von",
        ),
    ),
    (
        "smartdata_news_919",
        "Polizeipräsenz im Kreis Euskirchen: „Nur fünf Streifenwagen im Einsatz“",
        "2016-02-11",
        (
            "Die Sicherheit stand im Fokus des politischen Aschermittwochs der Jungen Union.",
            "Alles andere als beruhigend war das, was Markus Hilgers, Vize-Kreisvorsitzender der "
            "Polizeigewerkschaft und Personalratsvorsitzender der Euskirchener Polizei, skizzierte.",
            "Schwerpunktkontrollen können die Beamten im Kreis Euskirchen nur noch mit Hilfe ihrer "
            "Kollegen der Bereitschaftspolizei durchführen.",
        ),
        (
            "Mehr zum Thema",
            "Diesen Artikel",
            "comments powered by",
            "Karnevalszug in Hecken 2016",
            "Gut geschnittene 3 Zimmer Wohnung",
            "Die Rundschau-Altenhilfe unterstützt",
            "Wie soll die Seite dargestellt werden?",
        ),
    ),
]

needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason=f"corpus not found at {CORPUS}")


def _extract(name: str) -> Extracted:
    found = extract_article((CORPUS / f"{name}.html").read_bytes(), f"{name}.html")
    assert isinstance(found, Extracted), [str(p) for p in found]
    return found


def _dated(extracted: Extracted) -> Extracted:
    """Pages without a date get one, as ``--date`` would give it."""
    return extracted if extracted.date else dataclasses.replace(extracted, date=dt.date(2016, 1, 1))


def _body(text: str) -> str:
    return " ".join(text.split())


# --- the corpus ------------------------------------------------------------------------


@needs_corpus
@pytest.mark.parametrize(
    ("name", "title", "date", "present", "absent"), PAGES, ids=[p[0] for p in PAGES]
)
def test_corpus_page(
    name: str, title: str, date: str | None, present: tuple, absent: tuple
) -> None:
    extracted = _extract(name)
    assert extracted.title == title
    assert extracted.date == (dt.date.fromisoformat(date) if date else None)
    seed = _body(import_seed.seed_text(_dated(extracted)))
    missing = [s for s in present if s not in seed]
    assert not missing, "article text missing from the seed"
    found = [s for s in absent if s in seed]
    assert not found, "page furniture in the seed"


@needs_corpus
@pytest.mark.parametrize("name", [p[0] for p in PAGES])
def test_corpus_seed_reads_back(name: str) -> None:
    """The seed reader gets the same title, date and text blocks from the written seed."""
    extracted = _dated(_extract(name))
    text = import_seed.seed_text(extracted)
    notes = (
        ArticleNotes(Origin("x.yml"), title=extracted.title)
        if import_seed.needs_title(extracted)
        else None
    )
    result = parse_seed(text, "seed.txt", notes)
    assert [str(p) for p in result.problems if p.severity == "error"] == []
    article = result.article
    assert article is not None
    assert article.title == extracted.title
    assert article.date == extracted.date
    assert [b.text for b in article.blocks] == [extracted.lede, *(b.text for b in extracted.blocks)]
    assert article.blocks[0].kind is BlockKind.LEDE
    assert import_seed.read_back(extracted, text, "seed.txt") == []


@needs_corpus
def test_declared_latin_1_is_honoured() -> None:
    data = (CORPUS / "smartdata_news_1035.html").read_bytes()
    assert b"charset=iso-8859-1" in data
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    extracted = _extract("smartdata_news_1035")
    assert extracted.title == "Intel streicht 12.000 Stellen - Prognose enttäuscht Anleger"
    assert extracted.lede.startswith(
        "Der Chip-Riese Intel streicht 12.000 Jobs, um sich schneller aus der Abhängigkeit"
    )
    assert "Ã" not in import_seed.seed_text(extracted)
    assert extracted.problems == ()


# --- small pages ------------------------------------------------------------------------

ARTICLE_BODY = """
<article>
  <h1>Ein Testartikel über Umlaute</h1>
  <p class="intro">Der Vorspann erzählt in einem Satz, worum es geht, und endet mit einem Punkt.</p>
  <div class="article-body">
    <p>Der erste Absatz berichtet ausführlich, was geschah, wer beteiligt war und warum es zählt.</p>
    <h2>Eine Zwischenüberschrift</h2>
    <p>Der zweite Absatz führt die Geschichte weiter, mit Zahlen, Namen und einem Zitat.</p>
    <div class="share-buttons"><a href="#">Teilen</a> <a href="#">Drucken</a></div>
    <p>Der dritte Absatz schließt den Bericht ab und sagt, wie es nun weitergehen soll.</p>
  </div>
  <aside class="related"><h3>Mehr zum Thema</h3><p>Ein anderer Artikel, der hier nicht hingehört, samt Satz.</p></aside>
</article>
"""


def _page(head: str = "", body: str = ARTICLE_BODY, charset: str = "utf-8") -> bytes:
    html = f"<!DOCTYPE html><html><head><meta charset='{charset}'><title>Ein Testartikel über Umlaute | beispiel.de</title>{head}</head><body>{body}</body></html>"
    return html.encode(charset)


def test_small_page_blocks_in_order() -> None:
    extracted = extract_article(_page(), "page.html")
    assert isinstance(extracted, Extracted)
    assert extracted.title == "Ein Testartikel über Umlaute"
    assert (
        extracted.lede
        == "Der Vorspann erzählt in einem Satz, worum es geht, und endet mit einem Punkt."
    )
    assert extracted.blocks == (
        TextBlock(
            BlockKind.PARAGRAPH,
            "Der erste Absatz berichtet ausführlich, was geschah, wer beteiligt war und warum es zählt.",
        ),
        TextBlock(BlockKind.HEADING, "Eine Zwischenüberschrift"),
        TextBlock(
            BlockKind.PARAGRAPH,
            "Der zweite Absatz führt die Geschichte weiter, mit Zahlen, Namen und einem Zitat.",
        ),
        TextBlock(
            BlockKind.PARAGRAPH,
            "Der dritte Absatz schließt den Bericht ab und sagt, wie es nun weitergehen soll.",
        ),
    )


def test_teaser_tail_inside_the_body_is_cut() -> None:
    tail = (
        "<p>Lesen Sie auch:</p>"
        "<p>Ein ganz anderer Bericht über etwas anderes, mit einem vollständigen Satz darin.</p>"
        "</div>"
    )
    body = ARTICLE_BODY.replace("</div>\n  <aside", tail + "\n  <aside", 1)
    assert "Lesen Sie auch" in body
    extracted = extract_article(_page(body=body), "page.html")
    assert isinstance(extracted, Extracted)
    assert extracted.blocks[-1].text.startswith("Der dritte Absatz schließt den Bericht ab")
    assert "anderer Bericht" not in import_seed.seed_text(
        dataclasses.replace(extracted, date=dt.date(2016, 1, 1))
    )


def test_standfirst_outside_the_body_box_is_the_lede() -> None:
    body = (
        '<div class="page"><div class="head"><h1>Ein Testartikel über Umlaute</h1>'
        '<p class="lead-text">Der Vorspann steht über dem Text, in einem eigenen Kasten, '
        "und endet mit einem Punkt.</p>"
        '<p class="byline">Von Anna Beispiel</p></div>'
        '<div class="story">'
        + "".join(
            f"<p>Absatz {n} berichtet ausführlich, was geschah, wer dabei war, und warum.</p>"
            for n in range(1, 5)
        )
        + '</div><div class="teaser-box"><a href="/x">Ein ganz anderer Artikel, der '
        "mit diesem nichts zu tun hat, aber lang ist.</a></div></div>"
    )
    extracted = extract_article(_page(body=body), "page.html")
    assert isinstance(extracted, Extracted)
    assert extracted.lede.startswith("Der Vorspann steht über dem Text")
    assert extracted.author == "Anna Beispiel"
    assert [b.text[:8] for b in extracted.blocks] == [
        "Absatz 1",
        "Absatz 2",
        "Absatz 3",
        "Absatz 4",
    ]


@pytest.mark.parametrize(
    ("head", "body_extra", "expected"),
    [
        (
            '<meta property="article:published_time" content="2016-02-19T13:48:00+01:00">',
            "",
            "2016-02-19",
        ),
        ("", '<time datetime="2015-12-10T01:00">10. Dezember</time>', "2015-12-10"),
        (
            '<script type="application/ld+json">{"@context": "https://schema.org", "@graph": '
            '[{"@type": "WebPage"}, {"@type": "NewsArticle", "datePublished": "2016-03-23T15:47:00Z"}]}</script>',
            "",
            "2016-03-23",
        ),
        ('<meta name="date" content="2016-02-08T15:53:25+01:00">', "", "2016-02-08"),
        ("", "<p>Erstellt 11.02.2016</p>", "2016-02-11"),
        ("", "<p>17:21 23.02.16</p>", "2016-02-23"),
    ],
    ids=[
        "article:published_time",
        "time-datetime",
        "json-ld-datePublished",
        "meta-date",
        "dateline",
        "short-dateline",
    ],
)
def test_date_sources(head: str, body_extra: str, expected: str) -> None:
    body = ARTICLE_BODY.replace("</h1>", "</h1>" + body_extra)
    extracted = extract_article(_page(head, body), "page.html")
    assert isinstance(extracted, Extracted)
    assert extracted.date == dt.date.fromisoformat(expected)
    assert "23.02.16" not in import_seed.seed_text(extracted)


def test_latin_1_page_written_as_declared() -> None:
    extracted = extract_article(_page(charset="iso-8859-1"), "page.html")
    assert isinstance(extracted, Extracted)
    assert extracted.title == "Ein Testartikel über Umlaute"
    assert "schließt" in extracted.blocks[-1].text


def test_undeclared_encoding_is_detected() -> None:
    html = _page().replace(b"<meta charset='utf-8'>", b"").decode("utf-8").encode("cp1252")
    extracted = extract_article(html, "page.html")
    assert isinstance(extracted, Extracted)
    assert extracted.title == "Ein Testartikel über Umlaute"
    assert [str(p) for p in extracted.problems] == [
        "page.html:1:1: warning: the page does not say which encoding it uses; read it as cp1252"
    ]


def test_byline_author_round_trip() -> None:
    body = ARTICLE_BODY.replace("</h1>", '</h1><p class="byline">Von Christoph Dernbach, dpa</p>')
    extracted = extract_article(_page(body=body), "page.html")
    assert isinstance(extracted, Extracted)
    assert extracted.author == "Christoph Dernbach, dpa"
    extracted = dataclasses.replace(extracted, date=dt.date(2016, 2, 26))
    text = import_seed.seed_text(extracted)
    assert text.startswith(
        "26. Februar 2016\n\nEin Testartikel über Umlaute\n\nVon Christoph Dernbach, dpa\n\nDer Vorspann"
    )
    article = parse_seed(text, "seed.txt").article
    assert article is not None and article.author == "Christoph Dernbach, dpa"


def test_seed_text_layout() -> None:
    extracted = Extracted(
        source="page.html",
        title="Zuckerbergs KI-Offensive: Der letzte Kampf um die Zukunft",
        date=dt.date(2025, 7, 29),
        lede="Meta hat den Anschluss in der KI-Forschung verloren.",
        blocks=(
            TextBlock(BlockKind.HEADING, "200 Millionen für einen einzigen Kopf"),
            TextBlock(BlockKind.PARAGRAPH, "Ruoming Pang war keine gewöhnliche Verpflichtung."),
        ),
        rubric="Unternehmen",
        author="Anna Beispiel",
    )
    assert import_seed.seed_text(extracted) == (
        "29. Juli 2025\n\nUnternehmen\n\nZuckerbergs KI-Offensive: Der letzte Kampf um die Zukunft\n\n"
        "Von Anna Beispiel\n\nMeta hat den Anschluss in der KI-Forschung verloren.\n\n"
        "200 Millionen für einen einzigen Kopf\n\nRuoming Pang war keine gewöhnliche Verpflichtung.\n"
    )
    article = parse_seed(import_seed.seed_text(extracted), "seed.txt").article
    assert article is not None
    assert (article.rubric, article.author) == ("Unternehmen", "Anna Beispiel")
    assert [b.kind for b in article.blocks] == [
        BlockKind.LEDE,
        BlockKind.HEADING,
        BlockKind.PARAGRAPH,
    ]


def test_title_the_seed_cannot_hold_goes_to_yaml() -> None:
    extracted = Extracted(
        "p.html",
        "Boeing holt zum KAHLSCHLAG aus…",
        dt.date(2016, 2, 23),
        "Liebe Leser, heute geht es um Boeing.",
        (),
    )
    assert import_seed.seed_title(extracted.title) == "Boeing holt zum KAHLSCHLAG aus"
    assert import_seed.article_yaml(extracted, None) == (
        "# Anmerkungen der Redaktion zu „Boeing holt zum KAHLSCHLAG aus…“ (23. Februar 2016).\n\n"
        "title: Boeing holt zum KAHLSCHLAG aus…\n"
    )
    assert import_seed.read_back(extracted, import_seed.seed_text(extracted), "s.txt") == []


def test_seed_text_needs_a_date() -> None:
    extracted = Extracted("p.html", "Titel ohne Datum", None, "Ein Vorspann.", ())
    with pytest.raises(ValueError, match="needs a date"):
        import_seed.seed_text(extracted)


# --- the command -------------------------------------------------------------------------


def _args(
    root: Path,
    page: Path,
    *,
    id: str | None = None,
    force: bool = False,
    date: dt.date | None = None,
):
    return argparse.Namespace(root=root, page=page, id=id, force=force, date=date)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "annotations" / "articles").mkdir(parents=True)
    return tmp_path


def _write_page(
    project: Path, head: str = '<meta property="article:published_time" content="2016-02-19T13:48">'
) -> Path:
    page = project / "page.html"
    page.write_bytes(_page(head))
    return page


SEED = "seeds/2016-02-19-ein-testartikel-ueber-umlaute.txt"


def test_command_writes_seed(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = _write_page(project)
    assert importer.command(_args(project, page)) == 0
    out, err = capsys.readouterr()
    assert out == f"randnotiz: wrote {SEED} from {page} (5 blocks of text)\n"
    assert err == ""
    text = (project / SEED).read_text(encoding="utf-8")
    assert text.startswith(
        "19. Februar 2016\n\nEin Testartikel über Umlaute\n\nDer Vorspann erzählt"
    )
    assert (
        "Teilen" not in text and "Mehr zum Thema" not in text and "hier nicht hingehört" not in text
    )
    assert list((project / "annotations" / "articles").iterdir()) == []


def test_command_never_overwrites_without_force(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = _write_page(project)
    (project / SEED).write_text("edited by hand\n", encoding="utf-8")
    assert importer.command(_args(project, page)) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err == f"{SEED}:1:1: error: this seed already exists; pass --force to overwrite it\n"
    assert (project / SEED).read_text(encoding="utf-8") == "edited by hand\n"

    assert importer.command(_args(project, page, force=True)) == 0
    assert (project / SEED).read_text(encoding="utf-8").startswith("19. Februar 2016\n")


def test_command_with_id_writes_article_yaml(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = _write_page(project)
    assert importer.command(_args(project, page, id="umlaute")) == 0
    notes = project / "annotations" / "articles" / "2016-02-19-umlaute.yml"
    assert notes.read_text(encoding="utf-8") == (
        "# Anmerkungen der Redaktion zu „Ein Testartikel über Umlaute“ (19. Februar 2016).\n\nid: umlaute\n"
    )
    assert (project / "seeds" / "2016-02-19-umlaute.txt").is_file()
    out, _ = capsys.readouterr()
    assert "and annotations/articles/2016-02-19-umlaute.yml" in out

    notes.write_text("id: umlaute\nnotes: []\n", encoding="utf-8")
    assert importer.command(_args(project, page, id="umlaute", force=True)) == 0
    assert notes.read_text(encoding="utf-8") == "id: umlaute\nnotes: []\n"


def test_command_rejects_an_id_that_is_no_slug(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = _write_page(project)
    assert importer.command(_args(project, page, id="Mein Artikel")) == 1
    assert capsys.readouterr().err == (
        f"{page}:1:1: error: --id 'Mein Artikel' is not an id; use lowercase letters, digits "
        "and hyphens such as 'mein-artikel'\n"
    )


def test_command_output_parses_back(project: Path) -> None:
    page = _write_page(project)
    assert importer.command(_args(project, page)) == 0
    result = parse_seed((project / SEED).read_text(encoding="utf-8"), SEED)
    article = result.article
    assert article is not None
    assert article.title == "Ein Testartikel über Umlaute"
    assert article.date == dt.date(2016, 2, 19)
    assert [b.text for b in article.blocks][:2] == [
        "Der Vorspann erzählt in einem Satz, worum es geht, und endet mit einem Punkt.",
        "Der erste Absatz berichtet ausführlich, was geschah, wer beteiligt war und warum es zählt.",
    ]
    assert [b.kind for b in article.blocks][2] is BlockKind.HEADING


def test_command_page_without_article(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = project / "login.html"
    page.write_text(
        "<html><head><title>Anmelden | beispiel.de</title></head><body><nav><a href='/'>Start</a></nav>"
        "<form><label>E-Mail</label><input name='mail'><button>Anmelden</button></form>"
        "<footer>Impressum · Datenschutz</footer></body></html>",
        encoding="utf-8",
    )
    assert importer.command(_args(project, page)) == 1
    assert capsys.readouterr().err == (
        f"{page}:1:1: error: no article text found in this page; save the page of the article "
        "itself (not an overview, login or cookie page) or write the seed by hand\n"
    )
    assert list((project / "seeds").iterdir()) == []


def test_command_page_without_date(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = _write_page(project, head="")
    assert importer.command(_args(project, page)) == 1
    assert capsys.readouterr().err == (
        f"{page}:1:1: error: no publication date found in the page; pass --date YYYY-MM-DD, "
        "or write the seed by hand with the date as its first line\n"
    )
    assert importer.command(_args(project, page, date=dt.date(2016, 2, 19))) == 0
    assert (project / SEED).is_file()


def test_command_empty_file(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = project / "empty.html"
    page.write_bytes(b"")
    assert importer.command(_args(project, page)) == 1
    assert (
        capsys.readouterr().err
        == f"{page}:1:1: error: the file is empty; save the web page again in the browser\n"
    )


def test_command_missing_file(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = project / "nowhere.html"
    assert importer.command(_args(project, page)) == 1
    assert capsys.readouterr().err == (
        f"{page}:1:1: error: cannot read the page (No such file or directory); check the path\n"
    )


def test_arguments() -> None:
    parser = argparse.ArgumentParser()
    importer.add_arguments(parser)
    args = parser.parse_args(["page.html", "--id", "x", "--date", "2016-02-19", "--force"])
    assert (args.page, args.id, args.date, args.force) == (
        Path("page.html"),
        "x",
        dt.date(2016, 2, 19),
        True,
    )
    with pytest.raises(SystemExit):
        parser.parse_args(["page.html", "--date", "19.02.2016"])


def test_problems_are_problems() -> None:
    found = extract_article(b"   ", "blank.html")
    assert isinstance(found, tuple) and all(isinstance(p, Problem) for p in found)
