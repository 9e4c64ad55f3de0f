"""German alphabetical order (DIN 5007-1): Ä sorts with A, ß as ss, case ignored."""

from __future__ import annotations

import functools
import unicodedata

_FOLD = str.maketrans({"ß": "ss", "ẞ": "ss"})


@functools.lru_cache(maxsize=1 << 16)
def german_key(text: str) -> tuple[str, str]:
    """Sort key: letters without umlaut dots or accents first, the exact text to break ties."""
    folded = unicodedata.normalize("NFKD", text.translate(_FOLD).casefold())
    base = "".join(c for c in folded if not unicodedata.combining(c))
    return (base, text)


def initial(text: str) -> str:
    """The letter an entry is filed under: 'A' for 'Ärger', '0–9' for '1,3 Millionen'."""
    first = german_key(text.lstrip("„“\"'»«(")[:1] or "#")[0][:1].upper()
    if first.isdigit():
        return "0–9"
    return first if first.isalpha() else "#"
