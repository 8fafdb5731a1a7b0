from apps.core.sitemaps import I18nSitemap, StaticViewSitemap
from apps.teams.models import Person, Team


class DirectorySitemap(StaticViewSitemap):
    url_names = ("teams:team-list", "teams:person-list")
    changefreq = "weekly"
    priority = 0.8


class TeamSitemap(I18nSitemap):
    changefreq = "monthly"
    priority = 0.7

    def items(self):
        return Team.objects.published().order_by("pk").only("slug", "updated_at")

    def lastmod(self, item):
        return item.updated_at


class PersonSitemap(I18nSitemap):
    changefreq = "monthly"
    priority = 0.5

    def items(self):
        return Person.objects.published().order_by("pk").only("slug", "updated_at")

    def lastmod(self, item):
        return item.updated_at
