from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class Mc21Config(AppConfig):
    name = "apps.mc21"
    label = "mc21"
    verbose_name = _("MC21 project")

    def ready(self):
        from apps.core.registry import (
            DemoLoader,
            HomeBlock,
            SiteMapPart,
            SiteMapSection,
            register_demo_loader,
            register_home_block,
            register_site_map_part,
            register_site_map_section,
            register_sitemap,
        )
        from apps.mc21 import demo
        from apps.mc21.blocks import home_mc21
        from apps.mc21.sitemaps import Mc21Sitemap
        from apps.pages.site_map import mc21_links

        # The menu link comes with the MC21 home page itself (apps.pages.menus), so it is there
        # only while that page is public.
        register_sitemap("mc21", Mc21Sitemap)
        # In the site map, the project's home page and the pages below it, while it is public.
        register_site_map_section(SiteMapSection("mc21", _("The MC21 project"), order=50))
        register_site_map_part(SiteMapPart("mc21", "mc21", mc21_links))
        register_demo_loader(DemoLoader("mc21", demo.load, order=40))
        register_home_block(HomeBlock("mc21", "mc21/_home_mc21.html", home_mc21, order=30))
