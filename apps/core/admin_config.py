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

        _autocompletes_ignore_values_that_are_not_ids()
        # Sent after each app's migrate: after the last one, every role's permissions exist.
        post_migrate.connect(ensure_roles, dispatch_uid="core-roles")


def _autocompletes_ignore_values_that_are_not_ids() -> None:
    """Django's autocomplete widgets, shown again with a posted value that is not an id ("abc",
    a NUL), look it up as is and fail with an error page (ValueError) instead of the form's
    "Select a valid choice" message. Such values are left out of the widget's lookup; the form
    field still refuses them. A patch, not a subclass: every admin and inline builds these
    widgets in Django's own formfield_for_foreignkey."""
    from django.contrib.admin.widgets import AutocompleteMixin
    from django.core.exceptions import ValidationError

    original = AutocompleteMixin.optgroups
    if getattr(original, "keeps_ids_only", False):
        return

    def optgroups(self, name, value, attr=None):
        remote = self.field.remote_field
        field_name = getattr(remote, "field_name", None)
        opts = remote.model._meta
        target = opts.get_field(field_name) if field_name else opts.pk
        kept = []
        for item in value:
            try:
                target.to_python(item)
            except (ValidationError, ValueError, TypeError):
                continue
            if "\x00" not in str(item):
                kept.append(item)
        return original(self, name, kept, attr)

    optgroups.keeps_ids_only = True
    AutocompleteMixin.optgroups = optgroups
