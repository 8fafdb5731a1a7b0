"""RSS 2.0 and Atom feeds of the news, in the page's language, for all news or one category."""

from __future__ import annotations

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _

from apps.core.models import SiteSettings
from apps.news.models import Category, NewsArticle

FEED_SIZE = 20


class NewsRssFeed(Feed):
    feed_type = Rss201rev2Feed

    def get_object(self, request, category=None):
        if category is None:
            return None
        # Either language's slug: an English feed reader may hold the French address.
        return get_object_or_404(
            Category.objects.published(), Q(slug_fr=category) | Q(slug_en=category)
        )

    def title(self, category):
        site = SiteSettings.load().site_name
        return f"{site} – {category.name}" if category else f"{site} – {_('News')}"

    def link(self, category):
        return category.get_absolute_url() if category else reverse("news:article-list")

    def description(self, category):
        return _("The latest news of the Center for Cancer Immunotherapy at Institut Curie.")

    def items(self, category):
        items = NewsArticle.objects.published().select_related("category")
        if category:
            items = items.filter(category=category)
        return items.order_by("-date", "-pk")[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.lead

    author_name = "Institut Curie"

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return max(item.updated_at, item.published_at)

    def item_categories(self, item):
        return [item.public_category.name] if item.public_category else []

    def item_guid(self, item):
        """A stable tag: URI (RFC 4151), the same whatever host name served the feed."""
        return f"tag:{settings.SITE_DOMAIN},2026:news-article-{item.pk}"

    item_guid_is_permalink = False


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed

    def subtitle(self, category):
        return self.description(category)
