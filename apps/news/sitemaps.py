from apps.core.sitemaps import PublishedSitemap, StaticViewSitemap
from apps.news.models import Event, NewsArticle


class NewsListsSitemap(StaticViewSitemap):
    url_names = ("news:article-list", "news:event-list")
    changefreq = "daily"
    priority = 0.8


class NewsArticleSitemap(PublishedSitemap):
    model = NewsArticle
    priority = 0.6


class EventSitemap(PublishedSitemap):
    model = Event
    changefreq = "weekly"


def site_map_links(request):
    """The HTML site map's news part: the news list with its categories, and the events
    (upcoming, and past ones)."""
    from django.urls import reverse
    from django.utils.translation import gettext as _

    from apps.core.languages import fallback_language
    from apps.core.registry import SiteMapLink
    from apps.news.models import Category

    news_url = reverse("news:article-list")
    events_url = reverse("news:event-list")
    categories = Category.objects.published().only("slug", "name", "name_fr", "name_en")
    return [
        SiteMapLink(
            _("News"),
            news_url,
            tuple(
                SiteMapLink(
                    category.name,
                    category.get_absolute_url(),
                    (),
                    fallback_language(category, "name"),
                )
                for category in categories.order_by("order", "name", "pk")
            ),
        ),
        SiteMapLink(
            _("Events"), events_url, (SiteMapLink(_("Past events"), f"{events_url}?when=past"),)
        ),
    ]
