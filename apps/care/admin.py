from django.contrib import admin
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline
from simple_history.admin import SimpleHistoryAdmin

from apps.care.models import (
    CancerType,
    ClinicalTrial,
    Consultation,
    ContactPoint,
    OpeningException,
    OpeningSlot,
)
from apps.core.admin_tools import SafeObjectAdminMixin


class OpeningSlotInline(admin.TabularInline):
    model = OpeningSlot
    extra = 0


class OpeningExceptionInline(TranslationTabularInline):
    model = OpeningException
    extra = 0


@admin.register(ContactPoint)
class ContactPointAdmin(SafeObjectAdminMixin, TranslationAdmin):
    list_display = ("name", "need", "audience", "phone", "status", "order", "is_sample")
    list_filter = ("status", "audience", "need", "is_sample")
    search_fields = ("name_fr", "name_en", "phone", "email")
    prepopulated_fields = {"slug": ("name_fr",)}
    inlines = (OpeningSlotInline, OpeningExceptionInline)


@admin.register(Consultation)
class ConsultationAdmin(SafeObjectAdminMixin, TranslationAdmin):
    list_display = ("name", "contact_point", "status", "order", "is_sample")
    list_filter = ("status", "is_sample")
    search_fields = ("name_fr", "name_en")
    prepopulated_fields = {"slug": ("name_fr",)}
    autocomplete_fields = ("physicians", "contact_point")


@admin.register(CancerType)
class CancerTypeAdmin(SafeObjectAdminMixin, TranslationAdmin):
    list_display = ("name", "slug", "status")
    search_fields = ("name_fr", "name_en")
    prepopulated_fields = {"slug": ("name_fr",)}


@admin.register(ClinicalTrial)
class ClinicalTrialAdmin(SafeObjectAdminMixin, SimpleHistoryAdmin, TranslationAdmin):
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
