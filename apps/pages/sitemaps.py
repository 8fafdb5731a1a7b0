from apps.core.sitemaps import I18nSitemap, StaticViewSitemap
from apps.pages.models import Page


class HomeSitemap(StaticViewSitemap):
    url_names = ("pages:home",)
    changefreq = "daily"
    priority = 1.0


class PageSitemap(I18nSitemap):
    changefreq = "monthly"
    priority = 0.6

    def items(self):
        # The MC21 home is listed by the MC21 section's own sitemap.
        return Page.objects.public().exclude(kind=Page.Kind.MC21).order_by("path_fr")

    def lastmod(self, item):
        return item.updated_at
