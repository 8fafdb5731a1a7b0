"""The search itself: ranked public documents for a cleaned query, in the page's language."""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    TrigramWordSimilarity,
)
from django.db.models import Count, F, Q, TextField, Value
from django.db.models.functions import Concat

from apps.core.registry import search_sources
from apps.search.models import CONFIGS, SearchDocument
from apps.search.text import MARK_END, MARK_START, fold

# How much a close spelling of a name or title counts against the text search's rank.
TRIGRAM_WEIGHT = 0.5


def public_q(sources) -> Q:
    """Documents of objects visitors may see now: each source's public queryset, joined back
    at query time (a scheduled item appears at its publish_at with no scheduler)."""
    condition = Q(pk__in=[])
    for source in sources:
        content_type = ContentType.objects.get_for_model(source.model)
        condition |= Q(content_type=content_type, object_id__in=source.public().values("pk"))
    return condition


def search(text: str, lang: str):
    """Matching public documents, best first, with `rank` and `headline` (marked with the
    private-use markers of apps.search.text, to escape before showing)."""
    lang = lang if lang in CONFIGS else "fr"
    config = CONFIGS[lang]
    query = SearchQuery(text, config=config, search_type="websearch")
    folded = fold(text)
    match = Q(**{f"vector_{lang}": query})
    if folded:
        match |= Q(names__trigram_word_similar=folded)
    return (
        SearchDocument.objects.filter(public_q(search_sources()))
        .filter(match)
        .annotate(
            rank=SearchRank(F(f"vector_{lang}"), query)
            + TRIGRAM_WEIGHT * TrigramWordSimilarity(Value(folded), "names"),
        )
        .order_by("-rank", f"title_{lang}", "pk")
    )


def with_headlines(documents, text: str, lang: str):
    config = CONFIGS.get(lang, "portal_fr")
    heavy = ("vector_fr", "vector_en", "summary_fr", "summary_en", "body_fr", "body_en", "names")
    return documents.defer(*heavy).annotate(
        headline=SearchHeadline(
            Concat(f"summary_{lang}", Value("\n"), f"body_{lang}", output_field=TextField()),
            SearchQuery(text, config=config, search_type="websearch"),
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
