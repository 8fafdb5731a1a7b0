from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CareConfig(AppConfig):
    name = "apps.care"
    label = "care"
    verbose_name = _("Patients")

    def ready(self):
        from simple_history import register as register_history

        from apps.care import blocks, demo
        from apps.care.models import ClinicalTrial

        register_history(ClinicalTrial, app=self.name)  # after modeltranslation (see apps.core)
        from apps.care.sitemaps import CareSitemap, ConsultationSitemap, TrialSitemap
        from apps.core.registry import (
            DemoLoader,
            DetailBlock,
            NavEntry,
            register_demo_loader,
            register_detail_block,
            register_nav,
            register_sitemap,
        )

        # Same key as the home page's anchor it replaces.
        register_nav(NavEntry("patients", _("Patients"), "care:hub", order=90))
        register_sitemap("care", CareSitemap)
        register_sitemap("consultations", ConsultationSitemap)
        register_sitemap("trials", TrialSitemap)
        register_detail_block(
            DetailBlock(
                "team-trials",
                "teams.team",
                "care/includes/_related_trials.html",
                blocks.team_trials,
                order=20,
            )
        )
        register_detail_block(
            DetailBlock(
                "person-trials",
                "teams.person",
                "care/includes/_related_trials.html",
                blocks.person_trials,
                order=20,
            )
        )
        register_demo_loader(DemoLoader("care", demo.load, order=50))
