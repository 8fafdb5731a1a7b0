from django.contrib import admin, messages
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationStackedInline

from apps.core.admin_tools import (
    SEARCH_DESCRIPTION,
    SEARCH_TITLE,
    LengthHintsMixin,
    SafeObjectAdminMixin,
    SingleRowAdminMixin,
    VersionedAdminMixin,
)
from apps.pages.models import HomeAim, HomePage, HomeQuote, Page


class HomeAimInline(TranslationStackedInline):
    model = HomeAim
    extra = 0


class HomeQuoteInline(TranslationStackedInline):
    model = HomeQuote
    extra = 0
    autocomplete_fields = ("photo",)


@admin.register(HomePage)
class HomePageAdmin(
    SingleRowAdminMixin,
    LengthHintsMixin,
    SafeObjectAdminMixin,
    VersionedAdminMixin,
    TranslationAdmin,
):
    length_hints = {"meta_description": SEARCH_DESCRIPTION}
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


def _move(modeladmin, request, queryset, step):
    """Move each selected page one place up (-1) or down (+1) among its sister pages; a page
    does not jump over a sister that is selected too."""
    selected = set(queryset.values_list("pk", flat=True))
    ordering = ("order", "pk") if step < 0 else ("-order", "-pk")
    for page in queryset.order_by(*ordering):
        sisters = list(Page.objects.filter(parent=page.parent_id).order_by("order", "pk"))
        index = [sister.pk for sister in sisters].index(page.pk)
        other = index + step
        if 0 <= other < len(sisters) and sisters[other].pk not in selected:
            sisters[index], sisters[other] = sisters[other], sisters[index]
        for position, sister in enumerate(sisters):
            if sister.order != position * 10:
                sister.order = position * 10
                sister.save()  # keeps the tree order and history
    modeladmin.message_user(request, _("Pages moved."), messages.SUCCESS)


@admin.action(description=_("Move the selected pages up"), permissions=["change"])
def move_up(modeladmin, request, queryset):
    _move(modeladmin, request, queryset, -1)


@admin.action(description=_("Move the selected pages down"), permissions=["change"])
def move_down(modeladmin, request, queryset):
    _move(modeladmin, request, queryset, +1)


@admin.register(Page)
class PageAdmin(LengthHintsMixin, SafeObjectAdminMixin, VersionedAdminMixin, TranslationAdmin):
    length_hints = {"seo_title": SEARCH_TITLE, "seo_description": SEARCH_DESCRIPTION}
    """The tree as an indented list in path order; actions move pages among their sisters."""

    list_display = ("tree_title", "status", "kind", "order", "show_in_main_menu", "show_in_footer")
    list_filter = ("status", "kind", "show_in_main_menu", "show_in_footer")
    search_fields = ("title_fr", "title_en", "path_fr", "path_en")
    autocomplete_fields = ("parent", "image")
    actions = (move_up, move_down)
    list_per_page = 200
    fieldsets = (
        (None, {"fields": ("title", "slug", "parent", "kind")}),
        (_("Texts"), {"fields": ("intro", "body", "image")}),
        (_("Menus"), {"fields": ("order", "show_in_main_menu", "show_in_footer", "menu_order")}),
        (_("Search engines"), {"fields": ("seo_title", "seo_description")}),
        (_("Publishing"), {"fields": ("status", "publish_at", "unpublish_at")}),
    )

    def get_ordering(self, request):
        return ["tree_key"]

    @admin.display(description=_("title"), ordering="tree_key")
    def tree_title(self, obj):
        return format_html("{}{}", "— " * obj.depth, obj.title)
