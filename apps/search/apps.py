from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """Site search. It sits above the content apps and reads only what they register in
    apps.core.registry (search sources and dependencies); no content app imports it."""

    name = "apps.search"
    label = "search"
    verbose_name = _("Site search")

    def ready(self):
        from apps.core.registry import (
            DemoLoader,
            SiteMapPart,
            register_demo_loader,
            register_site_map_part,
            register_text_filter,
        )
        from apps.search import indexing, query, signals

        signals.connect()
        register_text_filter(query.filter_queryset)
        # Last: the demo content of every app, bulk-created or not, is in the index.
        register_demo_loader(DemoLoader("search", indexing.demo_rebuild, order=1000))
        register_site_map_part(SiteMapPart("search", "site", _search_links, order=10))


def _search_links(request):
    from django.urls import reverse
    from django.utils.translation import gettext

    from apps.core.registry import SiteMapLink

    return [SiteMapLink(gettext("Search the site"), reverse("search:results"))]
