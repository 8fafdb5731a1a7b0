from apps.core.sitemaps import I18nSitemap, StaticViewSitemap
from apps.news.models import Event, NewsArticle


class NewsListsSitemap(StaticViewSitemap):
    url_names = ("news:article-list", "news:event-list")
    changefreq = "daily"
    priority = 0.8


class NewsArticleSitemap(I18nSitemap):
    changefreq = "monthly"
    priority = 0.6

    def items(self):
        return NewsArticle.objects.published().order_by("-date", "pk").only("slug", "updated_at")

    def lastmod(self, item):
        return item.updated_at


class EventSitemap(I18nSitemap):
    changefreq = "weekly"
    priority = 0.5

    def items(self):
        return Event.objects.published().order_by("-start", "pk").only("slug", "updated_at")

    def lastmod(self, item):
        return item.updated_at
