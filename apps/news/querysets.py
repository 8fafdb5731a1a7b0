"""Queries of the news and events pages, with a fixed number of queries each."""

from __future__ import annotations

from django.db.models import Prefetch
from django.utils import timezone

from apps.core.models import PublishableQuerySet


class NewsArticleQuerySet(PublishableQuerySet):
    def for_cards(self):
        return self.select_related("category", "image").prefetch_related("image__renditions")

    def for_detail(self):
        from apps.teams.models import Person, Team

        return self.for_cards().prefetch_related(
            Prefetch("teams", queryset=Team.objects.published().order_by("name")),
            Prefetch("people", queryset=Person.objects.published().order_by("sort_key")),
        )


class EventQuerySet(PublishableQuerySet):
    def upcoming(self, now=None):
        """Not yet over (running events included), soonest first."""
        return self.filter(end__gte=now or timezone.now()).order_by("start", "pk")

    def past(self, now=None):
        return self.filter(end__lt=now or timezone.now()).order_by("-start", "-pk")

    def for_cards(self):
        return self.select_related("image").prefetch_related("image__renditions")

    def for_detail(self):
        from apps.teams.models import Team

        return self.for_cards().prefetch_related(
            Prefetch("teams", queryset=Team.objects.published().order_by("name"))
        )
