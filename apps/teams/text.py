"""Text folding for sorting and A–Z: lower case, accents removed ("Émile" -> "emile")."""

import unicodedata


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold().strip()
