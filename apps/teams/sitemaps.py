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


def site_map_links(request):
    """The HTML site map's research part: the teams directory with every public team, and the
    people directory (a link only: people are found there, by name or letter)."""
    from django.urls import reverse
    from django.utils.translation import gettext as _

    from apps.core.languages import fallback_language
    from apps.core.registry import SiteMapLink

    teams = (
        Team.objects.published()
        .only("slug", "name", "name_fr", "name_en", "acronym")
        .order_by("name", "pk")
    )
    return [
        SiteMapLink(
            _("Research teams"),
            reverse("teams:team-list"),
            tuple(
                SiteMapLink(str(team), team.get_absolute_url(), (), fallback_language(team, "name"))
                for team in teams
            ),
        ),
        SiteMapLink(_("People: the directory"), reverse("teams:person-list")),
    ]
