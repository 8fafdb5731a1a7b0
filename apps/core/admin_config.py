"""The Django admin, with the portal's admin site (`apps.core.admin_site.PortalAdminSite`: the
two-factor login) as `admin.site`. Listed in INSTALLED_APPS instead of `django.contrib.admin`;
this module stays light because it is imported before the models are ready."""

from django.contrib.admin.apps import AdminConfig
from django.db.models.signals import post_migrate


class PortalAdminConfig(AdminConfig):
    default_site = "apps.core.admin_site.PortalAdminSite"

    def ready(self):
        super().ready()
        from apps.core.roles import ensure_roles

        # Sent after each app's migrate: after the last one, every role's permissions exist.
        post_migrate.connect(ensure_roles, dispatch_uid="core-roles")
