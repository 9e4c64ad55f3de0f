"""What one line of a page says about itself: prose, a control, a credit, a dateline, a teaser.

A news page's furniture has a few shapes in every language: one or two words
that are controls ("Drucken", "Teilen"), credits ("Foto: dpa"), copyright
notices ("© 2016 dpa-AFX"), datelines ("Artikel vom 07.04.2016 - 05.33 Uhr"),
teasers that end in "weiterlesen …", and headings that announce the teasers
("Weitere Artikel"). Article text is sentences. Every function here is pure and
looks at one line only; where a line stands is ``extract``'s business.
"""

from __future__ import annotations

import datetime as dt
import re

from randnotiz.importer.page_meta import byline_author, date_in_text
from randnotiz.importer.webpage import UNSPACED

__all__ = [
    "END_MARKERS",
    "UI_WORDS",
    "breaks_off",
    "is_caption_text",
    "is_copyright",
    "is_credit",
    "is_dateline",
    "is_media_teaser",
    "is_pagination",
    "is_prose",
    "is_reading_time",
    "is_service_text",
    "is_teaser",
    "is_truncated_title",
    "published_date",
    "sentence_end",
    "without_byline",
    "without_timestamp",
]

UI_WORDS = frozenset(
    """tweet twittern teilen drucken mailen e-mail email empfehlen weiterempfehlen anzeige
    redaktion vorlesen merken versenden mehr weiterlesen zurück weiter schließen facebook twitter
    google+ gplus xing whatsapp pinterest linkedin share kommentieren kommentare lesezeichen
    startseite feedback video foto fotos bild""".split()
) | {
    "per mail",
    "artikel per e-mail empfehlen",
    "bild vergrößern",
    "leserbrief schreiben",
    "seite teilen",
    "fehler melden",
    "artikel bookmarken",
    "zur startseite",
    "nach oben",
    "artikel versenden",
    "diesen artikel kommentieren",
    "autor",
    "autorin",
    "über den autor",
    "über die autorin",
}
END_MARKERS = re.compile(
    r"(weitere links|mehr zu den themen|mehr dazu|schlagworte|leserkommentare|über den autor|"
    r"verwandte artikel|leser interessierten sich auch für|meistgelesene artikel|"
    r"weitere news|weitere nachrichten|weitere artikel|nachrichten zu .{1,60}|"
    r"kommentare(?: \(\d+\))?|\d+ kommentare|diskutieren sie mit|ihre meinung)\s*:?",
    re.IGNORECASE,
)
_CREDIT = re.compile(
    r"[-–—]?\s*\(?\s*(?:Foto|Fotos|Bild|Bilder|Bildquelle|Quelle|Quelle Bild|Grafik|Video)\s*:"
    r"\s*[^.!?]{1,60}\.?"
)
_COPYRIGHT = re.compile(r"(?:©|\(c\)|copyright\b)\s*[^.!?]{0,80}\.?", re.IGNORECASE)
_DATE_FILLER = re.compile(
    r"\b(?:erstellt|aktualisiert|zuletzt|stand|veröffentlicht|am|um|vom|uhr|vor|\d+|minuten?|"
    r"stunden?|mo|di|mi|do|fr|sa|so|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|"
    r"januar|februar|märz|april|mai|juni|juli|august|september|oktober|november|dezember|"
    r"jan|feb|mär|apr|jun|jul|aug|sep|sept|okt|nov|dez|den|artikel|meldung|"
    r"pressemitteilung|pressemeldung|nachricht|datum|publiziert|geändert)\b|"
    r"\b[\w-]+\.(?:de|at|ch|com|net|org|eu|info)\b|[\s\W]",
    re.IGNORECASE,
)
_PLACE_FIRST = re.compile(r"^[A-ZÄÖÜ][\w./-]*(?:\s+[A-ZÄÖÜ][\w./-]*){0,2},\s+")
_SENTENCE_END = re.compile(r"[.!?…:\"“”«»)']\s*$")
_PROSE_END = re.compile(r"\w\w[.!?…][\"“”»«’')]*(?:\s|$)")
# Paragraphs that only point elsewhere: teasers, even inside the article's box.
_TEASER_END = re.compile(
    r"(?:\b(?:weiterlesen|zum artikel|artikel lesen|mehr lesen)\s*(?:\.\.\.|…|»|\u203a|>)?"
    r"|\bmehr\s*(?:\.\.\.|…|»|\u203a|>))\s*$",
    re.IGNORECASE,
)
# "Bild 1 von 9", "3/12", "Image 2 of 5": where a gallery or a slideshow stands
_COUNTER = re.compile(
    r"(?:(?:bild|foto|image|photo|slide|seite|page)\s*)?\d{1,3}\s*(?:von|of|aus|/)\s*\d{1,3}",
    re.IGNORECASE,
)
_PAGINATION = re.compile(r"[«\u2039<]?\s*zurück\b.{0,20}\bweiter\s*[»\u203a>]?", re.IGNORECASE)
_SERVICE_TEXT = re.compile(
    r"vorlesefunktion|feedback bitte|javascript|cookies?\b.{0,40}\b(?:zu|akzeptieren|verwenden)|"
    r"newsletter\b.{0,40}\b(?:abonnieren|bestellen|anmelden)|"
    r"(?:abonnieren|bestellen) sie (?:unseren|den|jetzt) newsletter|alle rechte vorbehalten|"
    r"artikel (?:versenden|empfehlen|drucken|teilen|merken)|social networks?|"
    r"all rights reserved|(?:follow|folgen sie|folge)\s+@\w+|"
    r"\b(?:ctrl|strg|cmd|alt)\s*\+\s*\w+",  # "Markieren Sie den Text und drücken Sie Strg+Enter"
    re.IGNORECASE,
)
_CREDIT_AT_END = re.compile(
    r"\b(?:Foto|Fotos|Bild|Bildquelle|Quelle|Grafik)\s*:\s*[^.:]{2,60}\.?\s*"
    r"(?:\((?:Quelle|Foto|Bild)\s*:\s*[^()]{2,40}\)\s*)?$"
)
_DURATION_FIRST = re.compile(r"\d{1,2}:\d{2}\s+(?!Uhr\b)\S")
_ELLIPSIS_END = re.compile(r"(?:\.\.\.|…)\s*$")
# "16.03.2016 um 20:45 Uhr: Im Zusammenhang …": a time stamp in front of a paragraph
_TIMESTAMP = re.compile(
    r"\d{1,2}\.\d{1,2}\.\d{2,4}(?:,?\s*(?:um\s*)?\d{1,2}[:.]\d{2}(?:\s*Uhr)?)?\s*:\s+"
)


# The full stops of scripts written without spaces: Chinese and Japanese, Burmese, Ethiopic
_UNSPACED_STOP = re.compile("[\u3002\uff01\uff1f!?\u104b\u1362]")
# Thai and Lao mark no sentence end at all
_NO_STOP_SCRIPT = re.compile("[\u0e00-\u0eff]")


def is_prose(text: str) -> bool:
    """A sentence or more of prose: what articles are made of and navigation is not.

    Seven words and a full stop, where words are written apart; in a script
    that writes no spaces between words, 25 of its characters and its full
    stop, or 100 characters in Thai and Lao, which have no full stop.
    """
    unspaced = len(UNSPACED.findall(text))
    if unspaced * 2 >= len(text):
        if _UNSPACED_STOP.search(text):
            return unspaced >= 25
        return unspaced >= 100 and _NO_STOP_SCRIPT.search(text) is not None
    return len(text) >= 50 and len(text.split()) >= 7 and _PROSE_END.search(text) is not None


def sentence_end(text: str) -> bool:
    return _SENTENCE_END.search(text) is not None


def is_teaser(text: str) -> bool:
    return len(text.split()) > 3 and _TEASER_END.search(text) is not None


def is_truncated_title(text: str) -> bool:
    """'Schwierige Bergungsarbeiten nach Zugunglück von...': a teaser's shortened headline."""
    return len(text) < 100 and _ELLIPSIS_END.search(text) is not None and not is_prose(text)


def is_dateline(text: str) -> bool:
    """A line that is a date and nothing else: 'Artikel vom 07.04.2016 - 05.33 Uhr',
    'Bocholt, 7. März 2016' (a place in front, as letters and press releases have it).
    """
    if len(text) >= 90 or date_in_text(text) is None:
        return False
    return not _DATE_FILLER.sub("", _PLACE_FIRST.sub("", text))


_PUBLISHED = re.compile(
    r"\b(?:veröffentlicht|erschienen|publiziert|published|posted)(?:\s+(?:am|on|at))?\s*:?\s*",
    re.IGNORECASE,
)


def published_date(text: str) -> dt.date | None:
    """The date of a short line that says when the article was published, wherever it stands:
    'Veröffentlicht am 07.06.2019', 'Quelle VERÖFFENTLICHT AM 07.06.2019'."""
    m = _PUBLISHED.search(text) if len(text) < 120 else None
    return date_in_text(text[m.end() : m.end() + 30]) if m else None


_READING_TIME = re.compile(
    r"(?:lesezeit|lesedauer|reading time)\s*:?\s*(?:ca\.\s*)?\d+\s*(?:min\w*\.?)?"
    r"|(?:ca\.\s*)?\d+\s*[-\u2011]?\s*(?:min\.?|minuten?|minutes?)\s*"
    r"(?:lesezeit|lesedauer|lesen|read|reading)",
    re.IGNORECASE,
)


def is_reading_time(text: str) -> bool:
    """'7-minute read', '3 Min. Lesezeit', 'Lesedauer: 4 Minuten': a control, no kicker."""
    return _READING_TIME.fullmatch(text.strip()) is not None


def is_credit(text: str) -> bool:
    """'Foto: dpa', '- Foto: Emschergenossenschaft', 'Quelle: DICE/EA', '(Foto: Name/dpa)'."""
    return _CREDIT.fullmatch(text) is not None


def is_copyright(text: str) -> bool:
    """'© 2016 dpa-AFX', '© dpa-infocom GmbH': the owner's notice, not the article's text."""
    return _COPYRIGHT.fullmatch(text) is not None


def is_pagination(text: str) -> bool:
    """'« zurück 1 2 3 weiter »', 'Bild 1 von 9': a control to page through something."""
    return _PAGINATION.fullmatch(text) is not None or _COUNTER.fullmatch(text) is not None


def is_service_text(text: str) -> bool:
    """The page speaking of itself: its controls, cookies, newsletters, its owner's rights.
    A copyright notice may name its owner at length ("… © 2013 Cable News Network, Inc., a
    Time Warner Company. All rights reserved.")."""
    limit = 250 if "©" in text else 120
    return len(text) < limit and _SERVICE_TEXT.search(text) is not None


def breaks_off(text: str) -> bool:
    """Text that stops in '…' or mid-sentence: the start of an article shown elsewhere in full.

    A sign-off after the last sentence ("… Erdbeben. (ReCa)") is no broken sentence;
    five words or more after it are.
    """
    text = text.rstrip()
    if _ELLIPSIS_END.search(text):
        return True
    tail = re.split(r"[.!?][\"“”»«’')]*\s", text + " ")[-1]
    return len(tail.split()) >= 5 and not sentence_end(tail)


def is_caption_text(text: str) -> bool:
    """A picture's caption by its credit at the end ('… Foto: Nake Batev. (Quelle: dpa)')."""
    return len(text) < 400 and _CREDIT_AT_END.search(text) is not None


def is_media_teaser(text: str) -> bool:
    """'02:50 Star Wars: Trials on Tatooine - Video …': a video's length, then its title."""
    return len(text) < 160 and _DURATION_FIRST.match(text) is not None and not is_prose(text)


def without_byline(text: str, author: str | None) -> str:
    """A standfirst with the byline run into it ('… von Unternehmen. Von Karl-Heinz Patzer')."""
    m = re.search(r"(?<=[.!?“”\"«»])\s+(?P<byline>Von\s+[^.!?]{3,80})$", text)
    if m is None:
        return text
    name = byline_author(m.group("byline"))
    if name is None or (author is not None and name != author):
        return text
    return text[: m.start()].rstrip()


def without_timestamp(text: str) -> str:
    """A paragraph without the time stamp a site set in front of it."""
    m = _TIMESTAMP.match(text)
    return text[m.end() :] if m and is_prose(text[m.end() :]) else text
