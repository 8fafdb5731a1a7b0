from __future__ import annotations

import datetime
from urllib.parse import quote

from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.views.decorators.http import require_safe
from django.views.generic import ListView

from apps.core.views import FilteredListMixin, LenientPaginationMixin, PublishableDetailView
from apps.news.forms import EventFilterForm, NewsFilterForm
from apps.news.models import Category, Event, NewsArticle
from apps.news.services import calendar_ics, event_ics

CALENDAR_PAST_DAYS = 60


class NewsListView(FilteredListMixin, LenientPaginationMixin, ListView):
    template_name = "news/article_list.html"
    context_object_name = "articles"
    paginate_by = 12

    def get_queryset(self):
        self.categories = list(Category.objects.published())
        published = NewsArticle.objects.published()
        self.years = sorted({d.year for d in published.dates("date", "year")}, reverse=True)
        self.form = NewsFilterForm(
            self.request.GET or None, categories=self.categories, years=self.years
        )
        queryset = published.for_cards()
        self.filtered = False
        if category := self.form.valid_value("category"):
            queryset = queryset.filter(category__slug=category)
            self.filtered = True
        if year := self.form.valid_value("year"):
            queryset = queryset.filter(date__year=year)
            self.filtered = True
        self.featured = None
        if not self.filtered:
            # The latest article an editor marked as featured (an old one does not stay on top
            # once a newer one is marked).
            self.featured = (
                published.for_cards().filter(featured=True).order_by("-date", "-pk").first()
            )
            if self.featured is not None:
                queryset = queryset.exclude(pk=self.featured.pk)
        return queryset.order_by("-date", "-pk")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            form=self.form,
            filtered=self.filtered,
            featured=self.featured if context["page_obj"].number == 1 else None,
            category=next(
                (c for c in self.categories if c.slug == self.form.valid_value("category")), None
            ),
        )
        return context


class NewsDetailView(PublishableDetailView):
    model = NewsArticle
    template_name = "news/article_detail.html"
    context_object_name = "article"

    def get_queryset(self):
        return NewsArticle.objects.for_detail().visible_to(self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        article = self.object
        published = NewsArticle.objects.published().only(
            "slug", "title", "title_fr", "title_en", "date"
        )
        context["older"] = (
            published.filter(Q(date__lt=article.date) | Q(date=article.date, pk__lt=article.pk))
            .order_by("-date", "-pk")
            .first()
        )
        context["newer"] = (
            published.filter(Q(date__gt=article.date) | Q(date=article.date, pk__gt=article.pk))
            .order_by("date", "pk")
            .first()
        )
        url = self.request.build_absolute_uri(article.get_absolute_url())
        context["share"] = share_links(article.title, url)
        return context


def share_links(title: str, url: str) -> list[dict]:
    """Plain links to share a page: no third-party script, no tracking."""
    text, link = quote(title), quote(url, safe="")
    return [
        {"name": "email", "label": "Email", "url": f"mailto:?subject={text}&body={link}"},
        {
            "name": "linkedin",
            "label": "LinkedIn",
            "url": f"https://www.linkedin.com/sharing/share-offsite/?url={link}",
        },
        {
            "name": "bluesky",
            "label": "Bluesky",
            "url": f"https://bsky.app/intent/compose?text={text}%20{link}",
        },
        {
            "name": "facebook",
            "label": "Facebook",
            "url": f"https://www.facebook.com/sharer/sharer.php?u={link}",
        },
    ]


class EventListView(FilteredListMixin, LenientPaginationMixin, ListView):
    template_name = "news/event_list.html"
    context_object_name = "events"
    paginate_by = 12

    def get_queryset(self):
        self.form = EventFilterForm(self.request.GET or None)
        self.past = self.form.valid_value("when") == "past"
        published = Event.objects.published().for_cards()
        queryset = published.past() if self.past else published.upcoming()
        if kind := self.form.valid_value("kind"):
            queryset = queryset.filter(kind=kind)
        return queryset

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(form=self.form, past=self.past, filtered=bool(self.form.valid_value("kind")))
        return context


class EventDetailView(PublishableDetailView):
    model = Event
    template_name = "news/event_detail.html"
    context_object_name = "event"

    def get_queryset(self):
        return Event.objects.for_detail().visible_to(self.request.user)


def _ics_response(body: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["Cache-Control"] = "public, max-age=60"
    return response


@require_safe
def event_ics_view(request, slug):
    event = get_object_or_404(Event.objects.published(), slug=slug)
    return _ics_response(event_ics(event, request), f"{event.slug}.ics")


@require_safe
def calendar_ics_view(request):
    # Recent past events stay, so subscribers keep what they attended.
    since = timezone.now() - datetime.timedelta(days=CALENDAR_PAST_DAYS)
    events = Event.objects.published().filter(end__gte=since).order_by("start", "pk")[:500]
    return _ics_response(calendar_ics(events, request), "calendar.ics")
