from apps.core.sitemaps import StaticViewSitemap


class Mc21Sitemap(StaticViewSitemap):
    """The landing page; the pages below it are in the page tree's sitemap."""

    url_names = ("mc21:landing",)
    changefreq = "monthly"
    priority = 0.7
