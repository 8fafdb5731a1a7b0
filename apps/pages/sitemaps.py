from apps.core.sitemaps import StaticViewSitemap


class HomeSitemap(StaticViewSitemap):
    url_names = ("pages:home",)
    changefreq = "daily"
    priority = 1.0
