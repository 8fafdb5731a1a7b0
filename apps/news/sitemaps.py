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
