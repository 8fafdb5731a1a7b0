"""The search itself: ranked public documents for a cleaned query, in the page's language."""

from __future__ import annotations

import difflib
import re

from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    TrigramWordSimilarity,
)
from django.db.models import Count, F, Func, OuterRef, Q, Subquery, TextField, Value
from django.db.models.functions import Concat, Lower
from django.utils.translation import get_language

from apps.core.registry import search_sources
from apps.search.models import CONFIGS, SearchDocument
from apps.search.text import MARK_END, MARK_START, clean_query, fold

# How much a close spelling of a name or title counts against the text search's rank.
TRIGRAM_WEIGHT = 0.5
# Words shorter than this are matched whole, longer ones also as the start of a word
# ("immuno" finds "immunothérapie"), so that a word typed halfway on a phone still finds.
# ("car" would find "cartographie" and "care".)
PREFIX_FROM = 4
# Words at least this long may be misspelt: a close spelling of a name or title finds them.
# Shorter ones are too close to too many words ("samu" to "sample").
FUZZY_FROM = 5
MAX_WORDS = 12
_WORD = re.compile(r"[^\W_]+")
# What makes a query "advanced": quotes, a word excluded with a minus, or an explicit "or".
_ADVANCED = re.compile(r"\"|(?:^|\s)-\w|\s(?:or|OR)\s")


def words(text: str) -> list[str]:
    """The folded words of a text (letters and digits only: safe in a raw tsquery)."""
    return _WORD.findall(fold(text))[:MAX_WORDS]


def text_query(text: str, lang: str) -> SearchQuery | None:
    """The text search query of what a visitor typed.

    Plain words must all appear, each word of three letters or more as a word or the start of
    one, stemmed in the page's language. Quotes, a minus sign or "or" switch to PostgreSQL's web
    search syntax, which the help text describes."""
    config = CONFIGS.get(lang, "portal_fr")
    if _ADVANCED.search(text):
        return SearchQuery(text, config=config, search_type="websearch")
    typed = words(text)
    # A lone letter ("l'immunothérapie", an initial) would match every author's initial.
    typed = [w for w in typed if len(w) > 1] or typed
    terms = [f"{w}:*" if len(w) >= PREFIX_FROM else w for w in typed]
    if not terms:
        return None
    return SearchQuery(" & ".join(terms), config=config, search_type="raw")


def public_q(sources) -> Q:
    """Documents of objects visitors may see now: each source's public queryset, joined back
    at query time (a scheduled item appears at its publish_at with no scheduler)."""
    condition = Q(pk__in=[])
    for source in sources:
        content_type = ContentType.objects.get_for_model(source.model)
        condition |= Q(content_type=content_type, object_id__in=source.public().values("pk"))
    return condition


def _match_and_rank(text: str, lang: str):
    """The condition a document must meet, and its rank: the text search in the page's
    language, or a close spelling of a name or title (trigrams)."""
    query = text_query(text, lang)
    # Close spellings too, unless the visitor used quotes or a minus sign (they mean it
    # exactly): every long word must be close to a word of the names and titles.
    fuzzy = [] if _ADVANCED.search(text) else [w for w in words(text) if len(w) >= FUZZY_FROM]
    folded = " ".join(fuzzy)
    match = Q(pk__in=[])
    rank = Value(0.0)
    if query is not None:
        match |= Q(**{f"vector_{lang}": query})
        rank = SearchRank(F(f"vector_{lang}"), query)
    if fuzzy:
        close = Q()
        for word in fuzzy:
            close &= Q(names__trigram_word_similar=word)
        match |= close
        # A close spelling of the title itself counts twice: "Romanno" puts Dr Romano before
        # the trials that name her as their investigator.
        title = Lower(Func(F(f"title_{lang}"), function="unaccent"))
        rank = rank + TRIGRAM_WEIGHT * (
            TrigramWordSimilarity(Value(folded), "names")
            + TrigramWordSimilarity(Value(folded), title)
        )
    return match, rank


def _lang(lang: str | None) -> str:
    return lang if lang in CONFIGS else "fr"


def search(text: str, lang: str):
    """Matching public documents, best first, with `rank`."""
    lang = _lang(lang)
    match, rank = _match_and_rank(text, lang)
    return (
        SearchDocument.objects.filter(public_q(search_sources()))
        .filter(match)
        .annotate(rank=rank)
        .order_by("-rank", f"title_{lang}", "pk")
    )


def filter_queryset(queryset, raw_text: str, ranked: bool = True):
    """The objects of a directory's queryset that match what a visitor typed, best first (when
    `ranked`), then in the queryset's own order (registered as apps.core.registry's text
    filter). The queryset says what is public; the documents say what matches."""
    text = clean_query(raw_text)
    if not text:
        return queryset
    lang = _lang((get_language() or "fr")[:2])
    content_type = ContentType.objects.get_for_model(queryset.model)
    match, rank = _match_and_rank(text, lang)
    documents = SearchDocument.objects.filter(match, content_type=content_type)
    matching = queryset.filter(pk__in=documents.values("object_id"))
    if not ranked:
        return matching
    ranks = documents.filter(object_id=OuterRef("pk")).annotate(rank=rank).values("rank")[:1]
    order = queryset.query.order_by or queryset.model._meta.ordering
    return matching.annotate(search_rank=Subquery(ranks)).order_by("-search_rank", *order)


def with_headlines(documents, text: str, lang: str):
    """Adds `headline`: an excerpt in the page's language, the matched words between the
    private-use markers of apps.search.text (to escape before showing)."""
    config = CONFIGS.get(lang, "portal_fr")
    heavy = ("vector_fr", "vector_en", "summary_fr", "summary_en", "body_fr", "body_en", "names")
    query = text_query(text, lang)
    excerpt = Concat(f"summary_{lang}", Value("\n"), f"body_{lang}", output_field=TextField())
    if query is None:
        return documents.defer(*heavy).annotate(headline=Value("", output_field=TextField()))
    return documents.defer(*heavy).annotate(
        headline=SearchHeadline(
            excerpt,
            query,
            config=config,
            start_sel=MARK_START,
            stop_sel=MARK_END,
            max_words=30,
            min_words=12,
            max_fragments=2,
            fragment_delimiter=" … ",
        )
    )


def counts(documents) -> dict[int, int]:
    """How many results of each content type (one query)."""
    rows = documents.order_by().values("content_type").annotate(n=Count("pk"))
    return {row["content_type"]: row["n"] for row in rows}


def suggestion(text: str, lang: str) -> str:
    """ "Did you mean …": the query with each misspelt word replaced by the closest word of the
    public names and titles nearest to it (one query), or "" when nothing is closer."""
    typed = _WORD.findall(text)[:MAX_WORDS]
    folded = fold(" ".join(typed))
    if not folded:
        return ""
    nearest = (
        SearchDocument.objects.filter(public_q(search_sources()))
        .filter(names__trigram_word_similar=folded)
        .annotate(similarity=TrigramWordSimilarity(Value(folded), "names"))
        .order_by("-similarity", "pk")
        .values_list(f"title_{lang}", flat=True)[:8]
    )
    known: dict[str, str] = {}
    for title in nearest:
        for word in _WORD.findall(title):
            if len(word) >= 4:
                known.setdefault(fold(word), word)
    changed = False
    result = []
    for word in typed:
        key = fold(word)
        # A word that starts a known one, or that a known one starts, is not misspelt:
        # "patient" is not corrected to "patients".
        related = any(k.startswith(key) or key.startswith(k) for k in known)
        close = (
            difflib.get_close_matches(key, known, n=1, cutoff=0.75)
            if len(key) >= FUZZY_FROM and not related
            else []
        )
        if close:
            result.append(known[close[0]])
            changed = True
        else:
            result.append(word)
    return " ".join(result) if changed else ""
