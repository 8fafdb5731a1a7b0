from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "apps.core"
    label = "core"
    verbose_name = _("Site and shared content")

    def ready(self):
        from simple_history import register as register_history

        from apps.core import demo
        from apps.core.models import SiteSettings

        # History is registered here, after django-modeltranslation (first in INSTALLED_APPS)
        # has added the per-language columns, so the history tables carry them too.
        register_history(SiteSettings, app=self.name)
        from apps.core.registry import DemoLoader, register_demo_loader

        register_demo_loader(DemoLoader("site", demo.load, order=0))
