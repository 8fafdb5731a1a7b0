"""Plain text for the site search, shared by the content apps' search.py."""

import re
from html import unescape

from django.utils.html import strip_tags

# Where rich text starts a new block, the plain text needs a space: "<p>cure.</p><p>This"
# must not read "cure.This" in a search excerpt.
_BLOCK_EDGE = re.compile(
    r"(?=<(?:/?(?:p|div|li|ul|ol|h[1-6]|blockquote|tr|td|th|table|figure|figcaption)\b|br\b))",
    re.IGNORECASE,
)


def _visible(text: str) -> str:
    """The visible words of one value. Most values hold no markup: they skip the (slow) HTML
    parser, which a bulk rebuild of tens of thousands of objects notices."""
    if "<" in text:
        text = strip_tags(_BLOCK_EDGE.sub(" ", text))
    if "&" in text:
        text = unescape(text)
    return " ".join(text.split())


def plain(*parts) -> str:
    """The visible text of rich-text or plain values, joined by blank lines; empty ones skipped."""
    texts = (_visible(str(part or "")) for part in parts)
    return "\n".join(text for text in texts if text)


def texts(
    obj,
    *,
    title,
    summary=(),
    body=(),
    extra_title="",
    extra_summary=(),
    extra_body=(),
    names=(),
):
    """French and English texts of a translated object: `title`, `summary`, `body` name its
    translated fields; the extra_* values are the same in both languages. `names` are other
    names that a misspelt query should still find (an acronym, a leader, an investigator)."""
    result = {"names": plain(*names)}
    for lang in ("fr", "en"):

        def value(name, lang=lang):
            return getattr(obj, f"{name}_{lang}", "") or ""

        result[f"title_{lang}"] = plain(value(title), extra_title) if title else plain(extra_title)
        result[f"summary_{lang}"] = plain(*(value(n) for n in summary), *extra_summary)
        result[f"body_{lang}"] = plain(*(value(n) for n in body), *extra_body)
    return result
