"""Sitemap base classes: every entry in each language, with hreflang alternates."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse


class I18nSitemap(Sitemap):
    """Base for every app's sitemap: one <url> per language, each listing the others."""

    i18n = True
    alternates = True
    x_default = False  # the pages name French as x-default themselves


class StaticViewSitemap(I18nSitemap):
    """Named URLs with no object behind them (the home page, list pages)."""

    url_names: tuple[str, ...] = ()
    changefreq = "weekly"

    def items(self):
        return list(self.url_names)

    def location(self, item):
        return reverse(item)


class PublishedSitemap(I18nSitemap):
    """Every published object of a model, in each language, with its last modification."""

    model = None
    changefreq = "monthly"
    priority = 0.5

    def items(self):
        return self.model.objects.published().order_by("pk").only("pk", "slug", "updated_at")

    def lastmod(self, item):
        return item.updated_at


class SiteMapPageSitemap(StaticViewSitemap):
    """The site map for people, itself a page search engines may show."""

    url_names = ("core:site-map",)
    changefreq = "monthly"
    priority = 0.3
