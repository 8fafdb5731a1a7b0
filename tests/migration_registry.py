"""The models the older data migrations see when a test runs them on today's database.

They are today's models, but for one table that has since moved: the pages' redirects, which
pages 0009 wrote and pages 0013 moved into the site's redirects (apps.core.Redirect). The
stand-in writes what 0009 writes through the same conversion 0013 applies, so a test sees the
rows as a migrated database holds them."""

from __future__ import annotations

from django.apps import apps as django_apps

from apps.pages.migrations._redirects_0013 import site_redirect


class _PageRedirects:
    def update_or_create(self, language, old_path, defaults):
        from django.contrib.contenttypes.models import ContentType

        from apps.core.models import Redirect

        page = defaults.get("page")
        site_redirect(
            Redirect,
            ContentType,
            language,
            old_path,
            getattr(page, "pk", None),
            defaults.get("target", ""),
        )


class PageRedirect:
    objects = _PageRedirects()


class TodaysModels:
    def get_model(self, app_label: str, model_name: str):
        if (app_label, model_name) == ("pages", "PageRedirect"):
            return PageRedirect
        return django_apps.get_model(app_label, model_name)


todays_models = TodaysModels()
