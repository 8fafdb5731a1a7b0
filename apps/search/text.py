"""Cleaning what visitors type, and folding text the same way for the trigram index."""

import re
import unicodedata

from apps.core.forms import html_safe_text

MAX_QUERY_LENGTH = 200

_LETTERS = str.maketrans(
    {"ø": "o", "œ": "oe", "æ": "ae", "ß": "ss", "đ": "d", "ł": "l", "þ": "th", "ı": "i"}
)
# Academic and medical titles, which people type but which say nothing about whom they look for.
_TITLES = re.compile(
    r"(?<!\w)(?:dr|dre|pr|prof|docteure?|professeure?|doctor|professor|drs|mme|mr|mrs|ms)"
    r"(?:\.|(?!\w))",
    re.IGNORECASE,
)
# Private-use characters: the highlight markers of ts_headline, never in indexed text.
MARK_START = "\ue000"
MARK_END = "\ue001"


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", (text or "").casefold())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(plain.translate(_LETTERS).split())


def clean_query(raw: str | None) -> str:
    """The query as searched: control characters (NUL included) removed, cut to a sane length,
    academic titles dropped, spaces collapsed."""
    text = "".join(
        " " if unicodedata.category(ch) in ("Cc", "Cf", "Co", "Cs", "Zl", "Zp") else ch
        for ch in (raw or "")[: MAX_QUERY_LENGTH * 2]
    )
    text = " ".join(text.split())[:MAX_QUERY_LENGTH]
    return " ".join(_TITLES.sub(" ", text).split())


def shown_query(raw: str | None) -> str:
    """The query as the box shows it again: without control characters and the other code
    points an HTML document may not hold, cut."""
    text = "".join(
        ch
        for ch in (raw or "")
        if unicodedata.category(ch) not in ("Cc", "Cs") and html_safe_text(ch) == ch
    )
    return " ".join(text.split())[:MAX_QUERY_LENGTH]


def index_text(text: str) -> str:
    """Indexed text never holds the highlight markers nor a NUL."""
    return (text or "").replace(MARK_START, " ").replace(MARK_END, " ").replace("\x00", " ")
