from __future__ import annotations

from urllib.parse import urlencode

from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.views.generic import ListView

from apps.core.registry import search_sources
from apps.core.views import LenientPaginationMixin
from apps.search.models import SearchDocument
from apps.search.query import counts, search, suggestion, with_headlines
from apps.search.text import MARK_END, MARK_START, clean_query, shown_query


def highlight(headline: str) -> str:
    """Everything escaped; only the search's own markers become <mark>."""
    text = escape(" · ".join(line.strip() for line in (headline or "").splitlines() if line))
    return mark_safe(text.replace(MARK_START, "<mark>").replace(MARK_END, "</mark>"))  # noqa: S308


class CountedPaginator(Paginator):
    """A paginator told its count: the view has counted the results per type already, so the
    search does not run a second time just to count them."""

    def __init__(self, *args, known_count: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.count = known_count  # replaces the cached property


class SearchView(LenientPaginationMixin, ListView):
    template_name = "search/results.html"
    context_object_name = "results"
    paginate_by = 20

    def get_paginator(self, queryset, per_page, **kwargs):
        if self.type is not None:
            count = self.counts.get(self._type_pk, 0)
        else:
            count = sum(self.counts.values())
        return CountedPaginator(queryset, per_page, known_count=count, **kwargs)

    def get_queryset(self):
        self.lang = "en" if (get_language() or "").startswith("en") else "fr"
        self.raw_query = shown_query(self.request.GET.get("q"))
        self.text = clean_query(self.request.GET.get("q"))
        self.sources = search_sources()
        self.types = {
            ContentType.objects.get_for_model(s.model).pk: s for s in self.sources
        }  # content types come from Django's cache after the first request
        self.type = None
        self.counts = {}
        if not self.text:
            return SearchDocument.objects.none()
        documents = search(self.text, self.lang)
        self.counts = counts(documents)
        wanted = self.request.GET.get("type")
        for pk, source in self.types.items():
            if source.key == wanted:
                self.type, self._type_pk = source, pk
                documents = documents.filter(content_type_id=pk)
        return with_headlines(documents, self.text, self.lang)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        results = list(context["results"])
        self._attach(results)
        facets = []
        for pk, source in self.types.items():
            if self.counts.get(pk):
                facets.append(
                    {
                        "key": source.key,
                        "label": source.label,
                        "count": self.counts[pk],
                        "url": "?" + urlencode({"q": self.raw_query, "type": source.key}),
                        "current": source is self.type,
                    }
                )
        suggested = suggestion(self.text, self.lang) if self.text else ""
        context.update(
            query=self.raw_query,
            suggestion=format_html('<a href="?{}">{}</a>', urlencode({"q": suggested}), suggested)
            if suggested
            else "",
            searched=bool(self.text),
            results=results,
            facets=facets,
            total=sum(self.counts.values()),
            type=self.type,
            all_url="?" + urlencode({"q": self.raw_query}),
        )
        return context

    def _attach(self, results):
        """What the template shows of each result, with no further query."""
        for doc in results:
            source = self.types.get(doc.content_type_id)
            doc.url = getattr(doc, f"url_{self.lang}") or doc.url_fr
            doc.type_label = source.model._meta.verbose_name if source else ""
            doc.title = getattr(doc, f"title_{self.lang}") or doc.title_fr
            doc.excerpt = highlight(doc.headline)
