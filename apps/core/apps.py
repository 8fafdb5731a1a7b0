from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "apps.core"
    label = "core"
    verbose_name = _("Site and shared content")

    def ready(self):
        from django.db.models.signals import pre_delete

        from apps.core import demo
        from apps.core.models import Image
        from apps.core.services import image_forget_files

        pre_delete.connect(image_forget_files, sender=Image, dispatch_uid="core-image-files")
        from django.db.models.signals import post_save, pre_save

        from apps.core.redirects import redirect_old_addresses, remember_addresses

        # A changed slug leaves a redirect from each language's old address.
        pre_save.connect(remember_addresses, dispatch_uid="core-remember-addresses")
        post_save.connect(redirect_old_addresses, dispatch_uid="core-redirect-old-addresses")
        from apps.core.registry import (
            DemoLoader,
            NavEntry,
            SiteMapSection,
            register_demo_loader,
            register_footer_link,
            register_site_map_section,
            register_sitemap,
        )
        from apps.core.sitemaps import SiteMapPageSitemap

        register_demo_loader(DemoLoader("site", demo.load, order=0))
        from apps.core import demo_images

        # A database made before the abstract demo images gets them in place of the old ones.
        register_demo_loader(DemoLoader("demo-images", demo_images.load, order=900))
        from apps.core import sample_content

        # The notice "sample content is shown" forgets its cached answer when such content changes.
        sample_content.connect_signals()
        from django.db.models.signals import post_migrate

        from apps.core import translation_state

        # English complete, missing or outdated, kept at each save of a translated item.
        translation_state.connect_signals()
        post_migrate.connect(
            translation_state.ensure_states, sender=self, dispatch_uid="core-translation-states"
        )
        from apps.core import page_cache

        # Pages kept for anonymous visitors are forgotten when anything they show changes.
        page_cache.connect_signals()
        # The site map for people; the apps fill its sections (the headings below are the ones
        # several apps share or that belong to no app).
        register_footer_link(NavEntry("site-map", _("Site map"), "core:site-map", order=1))
        register_site_map_section(SiteMapSection("site", _("About this site"), order=90))
        register_sitemap("site-map", SiteMapPageSitemap)
