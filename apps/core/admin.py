"""Admin for the site's settings (a single row), the image library and the redirects."""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.core.files.uploadedfile import SimpleUploadedFile, UploadedFile
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from apps.core.admin_tools import SafeObjectAdminMixin, SingleRowAdminMixin, image_preview
from apps.core.models import Image, Redirect, SiteSettings
from apps.core.services import image_prepare_upload, image_save

admin.site.site_header = _("Center for Cancer Immunotherapy: administration")
admin.site.site_title = _("Center for Cancer Immunotherapy")
admin.site.index_title = _("Edit the site")


@admin.register(SiteSettings)
class SiteSettingsAdmin(
    SingleRowAdminMixin, SafeObjectAdminMixin, SimpleHistoryAdmin, TranslationAdmin
):
    fieldsets = (
        (_("Identity"), {"fields": ("site_name", "tagline", "meta_description", "institution")}),
        (
            _("Address"),
            {"fields": ("street_address", "postal_code", "city", "country", "location_note")},
        ),
        (
            _("Contact"),
            {
                "fields": (
                    "phone_main",
                    "phone_main_label",
                    "phone_appointments",
                    "phone_appointments_label",
                    "email",
                    "opening_hours",
                    "emergency_note",
                )
            },
        ),
        (_("Accessibility"), {"fields": ("accessibility_compliance", "accessibility_audit_date")}),
        (_("Getting here"), {"fields": ("access_transport", "access_accessibility")}),
        (_("Donations"), {"fields": ("donation_url",)}),
    )

    def has_add_permission(self, request):
        return not SiteSettings.objects.exists() and super().has_add_permission(request)

    def has_delete_permission(self, request, obj=None):
        return False


class ImageAdminForm(forms.ModelForm):
    """Image.clean() asks for the alternative text in both languages unless it is decorative."""

    class Meta:
        model = Image
        fields = ["title", "file", "decorative", "alt_text", "caption", "credit"]

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if isinstance(upload, UploadedFile):  # a new upload, not the file already stored
            upload.seek(0)
            checked, name = image_prepare_upload(upload.read(), upload.name)
            return SimpleUploadedFile(
                name, checked.content.read(), content_type="image/" + checked.extension
            )
        return upload


@admin.register(Image)
class ImageAdmin(SafeObjectAdminMixin, TranslationAdmin):
    form = ImageAdminForm
    list_display = (
        "thumbnail",
        "title",
        "alt_text",
        "decorative",
        "credit",
        "width",
        "height",
        "created_at",
    )
    list_filter = ("decorative",)
    list_display_links = ("thumbnail", "title")
    search_fields = ("title", "alt_text_fr", "alt_text_en", "credit")
    readonly_fields = ("preview", "width", "height")
    fields = (
        "title",
        "file",
        "preview",
        "decorative",
        "alt_text",
        "caption",
        "credit",
        "width",
        "height",
    )

    def get_queryset(self, request):
        return super().get_queryset(request).with_renditions()

    @admin.display(description=_("image"))
    def thumbnail(self, obj):
        return image_preview(obj, width=80)

    @admin.display(description=_("preview"))
    def preview(self, obj):
        return self.thumbnail(obj) if obj and obj.pk else "—"

    def save_model(self, request, obj, form, change):
        # The image and its renditions all or nothing: no file is left behind on a failure.
        rebuild = not change or "file" in form.changed_data or not obj.renditions.exists()
        image_save(obj, rebuild=rebuild)


@admin.register(Redirect)
class RedirectAdmin(SafeObjectAdminMixin, admin.ModelAdmin):
    """Old addresses and where they lead: made when an item's address changes, editable."""

    list_display = ("old_path", "new_path", "created_at")
    search_fields = ("old_path", "new_path")
    date_hierarchy = "created_at"
    readonly_fields = ("created_at",)
