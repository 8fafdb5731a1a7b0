from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CareConfig(AppConfig):
    name = "apps.care"
    label = "care"
    verbose_name = _("Patients")

    def ready(self):
        from apps.care import demo
        from apps.care.sitemaps import CareSitemap, ConsultationSitemap
        from apps.core.registry import (
            DemoLoader,
            NavEntry,
            register_demo_loader,
            register_nav,
            register_sitemap,
        )

        # Same key as the home page's anchor it replaces.
        register_nav(NavEntry("patients", _("Patients"), "care:hub", order=90))
        register_sitemap("care", CareSitemap)
        register_sitemap("consultations", ConsultationSitemap)
        register_demo_loader(DemoLoader("care", demo.load, order=50))
