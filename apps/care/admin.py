import csv

from django.contrib import admin
from django.http import HttpResponse
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from apps.care.models import (
    CancerType,
    ClinicalTrial,
    Consultation,
    ContactPoint,
    ContactRequest,
    OpeningException,
    OpeningSlot,
)
from apps.core.admin_tools import (
    HOURS_AND_MINUTES,
    SafeObjectAdminMixin,
    VersionedAdminMixin,
    spreadsheet_safe,
)


class OpeningSlotInline(admin.TabularInline):
    model = OpeningSlot
    extra = 0
    formfield_overrides = HOURS_AND_MINUTES


class OpeningExceptionInline(TranslationTabularInline):
    model = OpeningException
    extra = 0
    formfield_overrides = HOURS_AND_MINUTES


@admin.register(ContactPoint)
class ContactPointAdmin(SafeObjectAdminMixin, VersionedAdminMixin, TranslationAdmin):
    list_display = (
        "name",
        "need",
        "audience",
        "phone",
        "is_main_line",
        "status",
        "order",
        "is_sample",
    )
    list_filter = ("status", "audience", "need", "is_sample")
    search_fields = ("name_fr", "name_en", "phone", "email")
    prepopulated_fields = {"slug": ("name_fr",)}
    inlines = (OpeningSlotInline, OpeningExceptionInline)


@admin.register(Consultation)
class ConsultationAdmin(SafeObjectAdminMixin, VersionedAdminMixin, TranslationAdmin):
    list_display = ("name", "contact_point", "status", "order", "is_sample")
    list_filter = ("status", "is_sample")
    search_fields = ("name_fr", "name_en")
    prepopulated_fields = {"slug": ("name",)}
    autocomplete_fields = ("physicians", "contact_point")


@admin.register(CancerType)
class CancerTypeAdmin(SafeObjectAdminMixin, VersionedAdminMixin, TranslationAdmin):
    list_display = ("name", "slug", "status")
    search_fields = ("name_fr", "name_en")
    prepopulated_fields = {"slug": ("name_fr",)}


@admin.register(ClinicalTrial)
class ClinicalTrialAdmin(SafeObjectAdminMixin, VersionedAdminMixin, TranslationAdmin):
    list_display = (
        "__str__",
        "recruitment",
        "phase",
        "treatment",
        "last_update",
        "status",
        "is_sample",
    )
    list_filter = ("recruitment", "phase", "treatment", "status", "cancer_types", "is_sample")
    search_fields = ("title_fr", "title_en", "acronym", "nct_number", "euct_number")
    prepopulated_fields = {"slug": ("acronym",)}
    autocomplete_fields = ("investigator", "teams", "contact_point", "cancer_types")
    date_hierarchy = "last_update"


@admin.action(description=_("Export the selected requests (CSV)"), permissions=["view"])
def export_csv(modeladmin, request, queryset):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="contact-requests.csv"'
    response.write("\ufeff")  # so spreadsheet programs read UTF-8
    writer = csv.writer(response, delimiter=";")  # what French spreadsheets expect
    writer.writerow(["received", "topic", "name", "email", "phone", "state", "sent", "message"])
    for item in queryset.select_related("topic"):
        cells = (
            item.created_at.isoformat(),
            item.topic.name,
            item.name,
            item.email,
            item.phone,
            item.state,
            item.sent_at.isoformat() if item.sent_at else "",
            item.message,
        )
        writer.writerow([spreadsheet_safe(cell) for cell in cells])
    return response


@admin.register(ContactRequest)
class ContactRequestAdmin(SafeObjectAdminMixin, admin.ModelAdmin):
    """The inbox. Personal data, maybe health data: only staff given these permissions see it."""

    list_display = ("created_at", "topic", "name", "state", "sent")
    list_filter = ("state", "topic", ("sent_at", admin.EmptyFieldListFilter), "created_at")
    search_fields = ("name", "email")
    date_hierarchy = "created_at"
    actions = (export_csv,)
    readonly_fields = (
        "topic",
        "name",
        "email",
        "phone",
        "message",
        "consent",
        "language",
        "created_at",
        "sent_at",
        "send_attempts",
        "last_error",
    )
    fields = ("state", *readonly_fields)
    list_select_related = ("topic",)

    def has_add_permission(self, request):
        return False

    @admin.display(description=_("forwarded"), boolean=True)
    def sent(self, obj):
        return obj.is_sent
