"""The language of a passage when it is not the page's (RGAA 8.7), for `lang` attributes.

Editor-written fields have a French and an English column; an English page shows the French
text when no English one was written (MODELTRANSLATION_FALLBACK_LANGUAGES). Such a passage, and
any text kept in one language only, is marked with its own language."""

from __future__ import annotations

from django.conf import settings
from django.utils import translation


def fallback_language(obj, field: str) -> str:
    """The language `obj.<field>` is shown in on this page, when it is not the page's language:
    "fr" for a French value standing in for a missing English one, and for a field written once
    for both languages (an image's credit), which editors write in French; "" otherwise."""
    current = translation.get_language() or settings.LANGUAGE_CODE
    default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    if obj is None or current == default or not getattr(obj, field, None):
        return ""
    if not hasattr(obj, f"{field}_{default}"):  # not translated: one text, in French
        return default
    if getattr(obj, f"{field}_{current}", None):
        return ""
    return default if getattr(obj, f"{field}_{default}", None) else ""


def other_language(language: str) -> str:
    """`language` ("en"), when it is not the page's; "" when it is (no attribute needed)."""
    current = translation.get_language() or settings.LANGUAGE_CODE
    return "" if not language or language == current else language
