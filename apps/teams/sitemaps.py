from apps.core.sitemaps import PublishedSitemap, StaticViewSitemap
from apps.teams.models import Person, Team


class DirectorySitemap(StaticViewSitemap):
    url_names = ("teams:team-list", "teams:person-list")
    changefreq = "weekly"
    priority = 0.8


class TeamSitemap(PublishedSitemap):
    model = Team
    priority = 0.7


class PersonSitemap(PublishedSitemap):
    model = Person
