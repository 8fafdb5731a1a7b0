from django.contrib import admin
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationStackedInline
from simple_history.admin import SimpleHistoryAdmin

from apps.core.admin_tools import SafeObjectAdminMixin
from apps.pages.models import HomeAim, HomePage, HomeQuote


class HomeAimInline(TranslationStackedInline):
    model = HomeAim
    extra = 0


class HomeQuoteInline(TranslationStackedInline):
    model = HomeQuote
    extra = 0
    autocomplete_fields = ("photo",)


@admin.register(HomePage)
class HomePageAdmin(SafeObjectAdminMixin, SimpleHistoryAdmin, TranslationAdmin):
    inlines = (HomeAimInline, HomeQuoteInline)
    autocomplete_fields = ("hero_image",)
    fieldsets = (
        (_("Introduction"), {"fields": ("hero_title", "hero_intro", "hero_image")}),
        (
            _("The center"),
            {"fields": ("about_title", "about_body", "aims_title", "leadership_title")},
        ),
        (_("Immunotherapy"), {"fields": ("immunotherapy_title", "immunotherapy_body")}),
        (_("Patients"), {"fields": ("patients_title", "patients_body")}),
        (_("Search engines"), {"fields": ("meta_description",)}),
    )

    def has_add_permission(self, request):
        return not HomePage.objects.exists() and super().has_add_permission(request)

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        if HomePage.objects.exists():
            return redirect(reverse("admin:pages_homepage_change", args=[1]))
        return redirect(reverse("admin:pages_homepage_add"))
