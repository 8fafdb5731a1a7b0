from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from apps.core.admin_tools import (
    SafeObjectAdminMixin,
    SingleRowAdminMixin,
    VersionedAdminMixin,
    image_preview,
)
from apps.mc21.models import Connection, Milestone, Supporter


@admin.register(Milestone)
class MilestoneAdmin(SafeObjectAdminMixin, VersionedAdminMixin, TranslationAdmin):
    list_display = ("year", "title", "date", "status", "is_sample")
    list_display_links = ("year", "title")
    list_filter = ("status", "is_sample")
    search_fields = ("title_fr", "title_en")
    autocomplete_fields = ("article", "page")


@admin.register(Supporter)
class SupporterAdmin(SafeObjectAdminMixin, VersionedAdminMixin, TranslationAdmin):
    list_display = ("logo_preview", "name", "kind", "order", "status", "is_sample")
    list_display_links = ("logo_preview", "name")
    list_filter = ("status", "kind", "is_sample")
    list_editable = ("order",)
    search_fields = ("name_fr", "name_en")
    autocomplete_fields = ("logo",)

    @admin.display(description="logo")
    def logo_preview(self, obj):
        return image_preview(obj.logo, width=80)


@admin.register(Connection)
class ConnectionAdmin(
    SingleRowAdminMixin, SafeObjectAdminMixin, VersionedAdminMixin, admin.ModelAdmin
):
    filter_horizontal = ("teams",)

    def has_add_permission(self, request):
        return not Connection.objects.exists() and super().has_add_permission(request)

    def has_delete_permission(self, request, obj=None):
        return False
