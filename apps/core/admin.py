"""Admin for the site's settings (a single row), the image library, the redirects and the bin."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.auth import get_permission_codename
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile, UploadedFile
from django.http import Http404
from django.shortcuts import redirect
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from apps.core.admin_tools import (
    ALT_TEXT,
    SEARCH_DESCRIPTION,
    LengthHintsMixin,
    SafeObjectAdminMixin,
    SingleRowAdminMixin,
    VersionedAdminMixin,
    image_preview,
)
from apps.core.models import BinEntry, Image, Redirect, SiteSettings
from apps.core.services import image_prepare_upload, image_save
from apps.core.versions import RestoreError, bin_expiry, empty_bin, forget_for_good, restore

admin.site.site_header = _("Center for Cancer Immunotherapy: administration")
admin.site.site_title = _("Center for Cancer Immunotherapy")
admin.site.index_title = _("Edit the site")


@admin.register(SiteSettings)
class SiteSettingsAdmin(
    SingleRowAdminMixin,
    LengthHintsMixin,
    SafeObjectAdminMixin,
    VersionedAdminMixin,
    TranslationAdmin,
):
    length_hints = {"meta_description": SEARCH_DESCRIPTION}
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
class ImageAdmin(LengthHintsMixin, SafeObjectAdminMixin, VersionedAdminMixin, TranslationAdmin):
    length_hints = {"alt_text": ALT_TEXT}
    # A deleted image's files are removed at once (they were public): no bin for images.
    bin_enabled = False
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

    list_display = ("old_path", "new_path", "item", "created_at")
    search_fields = ("old_path", "new_path")
    date_hierarchy = "created_at"
    readonly_fields = ("created_at", "item")
    list_select_related = ("content_type",)

    @admin.display(description=_("leads to the item"))
    def item(self, redirect):
        """The item a change of address linked it to (visitors follow it to its address of the
        moment, while it is public); none for a redirect an editor wrote."""
        if not redirect.content_type_id:
            return "—"
        model = redirect.content_type.model_class()
        if model is None:
            return "—"
        label = f"{capfirst(model._meta.verbose_name)} n° {redirect.object_id}"
        try:
            url = reverse(
                f"admin:{model._meta.app_label}_{model._meta.model_name}_change",
                args=[redirect.object_id],
            )
        except NoReverseMatch:
            return label
        return format_html('<a href="{}">{}</a>', url, label)

    def save_model(self, request, obj, form, change):
        # An editor who chooses where it leads unlinks it from the item.
        if change and "new_path" in form.changed_data:
            obj.content_type, obj.object_id = None, ""
        super().save_model(request, obj, form, change)


class BinKindFilter(admin.SimpleListFilter):
    """The kinds of content the bin holds now (not every model of the site)."""

    title = _("kind of content")
    parameter_name = "content_type__id__exact"

    def lookups(self, request, model_admin):
        kinds = ContentType.objects.filter(
            pk__in=model_admin.get_queryset(request).values("content_type")
        )
        named = []
        for kind in kinds:
            model = kind.model_class()
            if model is not None:
                named.append((str(kind.pk), capfirst(model._meta.verbose_name_plural)))
        return sorted(named, key=lambda item: item[1])

    def queryset(self, request, queryset):
        value = self.value()
        if value is None:
            return queryset
        if not str(value).isdigit():
            return queryset.none()
        return queryset.filter(content_type_id=int(value))


@admin.register(BinEntry)
class BinEntryAdmin(admin.ModelAdmin):
    """The bin: what editors deleted, by whom and when, until the retention ends; one click
    restores an item with its rows and links (apps.core.versions). An editor who may see the
    bin (site editors) sees every entry; any other editor sees what they deleted themselves.
    Restoring needs the right to add that kind of content; deleting for good, the bin's own
    delete permission."""

    # The button first: on a phone it is in view without scrolling the table sideways.
    list_display = ("restore", "object_repr", "kind", "deleted", "expires")
    list_filter = (BinKindFilter,)
    search_fields = ("object_repr",)
    list_display_links = None
    list_select_related = ("content_type", "deleted_by")
    actions = ["delete_selected"]

    def get_urls(self):
        from django.urls import path

        return [
            path(
                "<int:entry_id>/restore/",
                self.admin_site.admin_view(self.restore_view),
                name="core_binentry_restore",
            ),
            *super().get_urls(),
        ]

    def _binned_models(self):
        return [
            model
            for model, model_admin in self.admin_site._registry.items()
            if isinstance(model_admin, VersionedAdminMixin) and model_admin.bin_enabled
        ]

    def _may_restore(self, user, model) -> bool:
        opts = model._meta
        return user.has_perm(f"{opts.app_label}.{get_permission_codename('add', opts)}")

    def has_view_permission(self, request, obj=None):
        user = request.user
        if not (user.is_active and user.is_staff):
            return False
        return super().has_view_permission(request, obj) or any(
            self._may_restore(user, model) for model in self._binned_models()
        )

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if not request.user.has_perm("core.view_binentry"):
            queryset = queryset.filter(deleted_by=request.user)
        return queryset

    def changelist_view(self, request, extra_context=None):
        empty_bin()  # what is past its retention goes before the list is shown
        extra_context = {
            **(extra_context or {}),
            "title": _("Bin: deleted content, kept %(days)s days, then removed for good")
            % {"days": settings.BIN_RETENTION_DAYS},
        }
        return super().changelist_view(request, extra_context)

    def get_actions(self, request):
        actions = super().get_actions(request)
        if "delete_selected" in actions:
            function, name, _description = actions["delete_selected"]
            actions[name] = (function, name, _("Remove the selected items for good"))
        return actions

    @admin.display(description=_("deleted"), ordering="deleted_at")
    def deleted(self, entry):
        when = date_format(timezone.localtime(entry.deleted_at), "DATETIME_FORMAT")
        who = entry.deleted_by
        if who is None:
            return when
        name = who.get_full_name() or who.get_username()
        return _("%(when)s, by %(who)s") % {"when": when, "who": name}

    def delete_model(self, request, obj):
        # Deleting for good: the snapshot and the redirects to the item go with the entry.
        forget_for_good(BinEntry.objects.filter(pk=obj.pk))

    def delete_queryset(self, request, queryset):
        forget_for_good(queryset)

    @admin.display(description=_("kind of content"), ordering="content_type")
    def kind(self, entry):
        model = entry.content_type.model_class()
        return capfirst(model._meta.verbose_name) if model else entry.content_type.model

    @admin.display(description=_("removed for good on"))
    def expires(self, entry):
        return date_format(timezone.localtime(bin_expiry(entry.deleted_at)), "DATE_FORMAT")

    @admin.display(description=_("restore"))
    def restore(self, entry):
        # A button of the list's own form (it carries the CSRF token), sent to the restore view.
        return format_html(
            '<button type="submit" class="button bin-restore" formaction="{}" '
            'formmethod="post" aria-label="{}">{}</button>',
            reverse("admin:core_binentry_restore", args=[entry.pk]),
            _("Restore “%(item)s”") % {"item": entry.object_repr},
            _("Restore"),
        )

    def restore_view(self, request, entry_id):
        changelist = reverse("admin:core_binentry_changelist")
        if request.method != "POST":
            return redirect(changelist)
        entry = self.get_queryset(request).filter(pk=entry_id).first()
        if entry is None:
            raise Http404
        model = entry.content_type.model_class()
        if model is None or not self._may_restore(request.user, model):
            raise PermissionDenied
        try:
            obj = restore(entry, request.user)
        except RestoreError as exc:
            messages.error(request, str(exc))
            return redirect(changelist)
        opts = model._meta
        messages.success(
            request,
            _("“%(item)s” is back, with its rows and links, as it was when deleted.")
            % {"item": obj},
        )
        try:
            return redirect(
                reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
            )
        except NoReverseMatch:
            return redirect(changelist)
