from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TeamsConfig(AppConfig):
    name = "apps.teams"
    label = "teams"
    verbose_name = _("Research teams and people")

    def ready(self):
        from apps.core.registry import (
            DemoLoader,
            HomeBlock,
            NavEntry,
            SiteMapPart,
            SiteMapSection,
            register_demo_loader,
            register_home_block,
            register_nav,
            register_site_map_part,
            register_site_map_section,
            register_sitemap,
        )
        from apps.teams import demo
        from apps.teams.home import home_teams
        from apps.teams.sitemaps import (
            DirectorySitemap,
            PersonSitemap,
            TeamSitemap,
            site_map_links,
        )

        # After modeltranslation has added its columns (see apps.core).
        register_nav(NavEntry("teams", _("Teams"), "teams:team-list", order=20))
        register_nav(NavEntry("people", _("People"), "teams:person-list", order=30))
        register_sitemap("teams-directory", DirectorySitemap)
        register_sitemap("teams", TeamSitemap)
        register_sitemap("people", PersonSitemap)
        register_site_map_section(SiteMapSection("research", _("Research"), order=30))
        register_site_map_part(SiteMapPart("teams", "research", site_map_links))
        register_demo_loader(DemoLoader("teams", demo.load, order=20))
        register_home_block(
            HomeBlock("teams", "teams/includes/_home_teams.html", home_teams, order=20)
        )
        self._register_search()

    def _register_search(self):
        from apps.core.registry import (
            SearchDependency,
            SearchSource,
            register_search_dependency,
            register_search_source,
        )
        from apps.teams import search
        from apps.teams.models import (
            Membership,
            Person,
            PersonPublication,
            Publication,
            ResearchTheme,
            Team,
            TeamPublication,
        )

        register_search_source(
            SearchSource(
                "team",
                Team,
                search.team_texts,
                search.public_teams,
                _("Teams"),
                prefetch=search.team_prefetch,
                m2m=(Team.themes.through,),
                order=10,
            )
        )
        register_search_source(
            SearchSource(
                "person", Person, search.person_texts, search.public_people, _("People"), order=20
            )
        )
        register_search_dependency(
            SearchDependency("teams.membership", Membership, search.membership_objects)
        )
        register_search_source(
            SearchSource(
                "publication",
                Publication,
                search.publication_texts,
                search.public_publications,
                _("Publications"),
                prefetch=search.publication_prefetch,
                m2m=(Publication.teams.through, Publication.people.through),
                url=search.publication_url,
                order=25,
            )
        )
        register_search_dependency(
            SearchDependency("teams.person", Person, search.person_dependents)
        )
        register_search_dependency(SearchDependency("teams.team", Team, search.team_publications))
        for link in (TeamPublication, PersonPublication):
            register_search_dependency(
                SearchDependency(link._meta.label_lower, link, search.link_publication)
            )
        register_search_dependency(
            SearchDependency("teams.researchtheme", ResearchTheme, search.theme_teams)
        )
        from apps.core.registry import ScaleLoader, register_scale_loader
        from apps.teams import scale
        from apps.teams.models import Person, Publication, ResearchTheme, Team

        # Rows at institute scale for benchmarks (apps.core.scale).
        register_scale_loader(
            ScaleLoader("teams", scale.make, (ResearchTheme, Team, Person), order=10)
        )
