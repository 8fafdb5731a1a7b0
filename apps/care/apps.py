from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CareConfig(AppConfig):
    name = "apps.care"
    label = "care"
    verbose_name = _("Patients")

    def ready(self):
        from apps.care import blocks, demo
        from apps.care.models import ClinicalTrial
        from apps.care.sitemaps import (
            CareSitemap,
            ConsultationSitemap,
            TrialSitemap,
            site_map_links,
        )
        from apps.core.registry import (
            DemoLoader,
            DetailBlock,
            HomeBlock,
            NavEntry,
            SiteMapPart,
            SiteMapSection,
            register_demo_loader,
            register_detail_block,
            register_footer_link,
            register_home_block,
            register_nav,
            register_site_map_part,
            register_site_map_section,
            register_sitemap,
        )

        # Same key as the home page's anchor it replaces. Patients first: right after Home in
        # the bar and in the phone menu, and when the desktop bar is short of room, their entry
        # is the last to go under "More", the contact form next.
        register_nav(NavEntry("patients", _("Patients"), "care:hub", order=5, priority=20))
        register_nav(NavEntry("contact", _("Contact"), "care:contact", order=95, priority=10))
        register_footer_link(NavEntry("contact", _("Contact"), "care:contact", order=2))
        register_home_block(
            HomeBlock("patient-shortcuts", "care/_home_shortcuts.html", order=10, slot="top")
        )
        register_sitemap("care", CareSitemap)
        register_sitemap("consultations", ConsultationSitemap)
        register_sitemap("trials", TrialSitemap)
        register_site_map_section(SiteMapSection("patients", _("Patients"), order=20))
        register_site_map_part(SiteMapPart("care", "patients", site_map_links))
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
        from django.db.models.signals import post_delete, post_save

        from apps.care.context_processors import forget_main_line
        from apps.care.models import ContactPoint, OpeningSlot

        for signal in (post_save, post_delete):
            signal.connect(forget_main_line, sender=ContactPoint, dispatch_uid="care-main-line")
            # The footer's hours are said from the slots, saved after their contact point.
            signal.connect(forget_main_line, sender=OpeningSlot, dispatch_uid="care-main-hours")
        from apps.care import search
        from apps.care.models import CancerType, Consultation, ContactPoint
        from apps.core.registry import (
            SearchDependency,
            SearchSource,
            register_search_dependency,
            register_search_source,
        )
        from apps.teams.models import Person

        register_search_source(
            SearchSource(
                "trial",
                ClinicalTrial,
                search.trial_texts,
                search.public_trials,
                _("Clinical trials"),
                prefetch=search.trial_prefetch,
                m2m=(ClinicalTrial.cancer_types.through,),
                order=60,
            )
        )
        register_search_source(
            SearchSource(
                "consultation",
                Consultation,
                search.consultation_texts,
                search.public_consultations,
                _("Consultations"),
                prefetch=search.consultation_prefetch,
                m2m=(Consultation.physicians.through,),
                order=70,
            )
        )
        register_search_source(
            SearchSource(
                "contact",
                ContactPoint,
                search.contact_point_texts,
                search.public_contact_points,
                _("Contact points"),
                order=80,
            )
        )
        register_search_dependency(SearchDependency("care.person", Person, search.person_care))
        register_search_dependency(
            SearchDependency("care.cancertype", CancerType, search.cancer_trials)
        )
        from apps.care import scale
        from apps.core.registry import ScaleLoader, register_scale_loader

        register_scale_loader(
            ScaleLoader("care", scale.make, (CancerType, ClinicalTrial), order=40)
        )
