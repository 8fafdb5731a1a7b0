from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    name = "apps.pages"
    label = "pages"
    verbose_name = _("Pages")

    def ready(self):
        from apps.core.registry import (
            DemoLoader,
            NavEntry,
            SiteMapPart,
            SiteMapSection,
            register_demo_loader,
            register_menu_provider,
            register_nav,
            register_site_map_part,
            register_site_map_section,
            register_sitemap,
        )
        from apps.pages import demo, demo_pages, site_map
        from apps.pages.menus import page_menus
        from apps.pages.sitemaps import HomeSitemap, PageSitemap

        register_nav(NavEntry("home", _("Home"), "pages:home", order=0))
        register_sitemap("pages", HomeSitemap)
        register_sitemap("page-tree", PageSitemap)
        register_menu_provider(page_menus)
        register_site_map_section(SiteMapSection("center", _("The center"), order=10))
        register_site_map_part(SiteMapPart("pages", "center", site_map.center_links))
        register_site_map_part(SiteMapPart("legal-pages", "site", site_map.legal_links, order=50))
        register_demo_loader(DemoLoader("home", demo.load, order=10))
        register_demo_loader(DemoLoader("pages", demo_pages.load, order=11))
        from apps.core.registry import SearchSource, register_search_source
        from apps.pages import search
        from apps.pages.models import Page

        register_search_source(
            SearchSource("page", Page, search.page_texts, search.public_pages, _("Pages"), order=30)
        )
        from apps.core.registry import ScaleLoader, register_scale_loader
        from apps.pages import scale
        from apps.pages.models import Page

        register_scale_loader(ScaleLoader("pages", scale.make, (Page,), order=30))
