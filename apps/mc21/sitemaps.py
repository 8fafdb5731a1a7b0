from apps.core.sitemaps import StaticViewSitemap


class Mc21Sitemap(StaticViewSitemap):
    """The landing page; the pages below it are in the page tree's sitemap."""

    url_names = ("mc21:landing",)

    def items(self):
        from apps.pages.models import Page

        return list(self.url_names) if Page.objects.public().filter(kind="mc21").exists() else []

    changefreq = "monthly"
    priority = 0.7
