from django import forms
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


class PageTreeChoiceField(forms.ModelChoiceField):
    """The parent picker as the tree: each page under its parent, indented by its depth."""

    def label_from_instance(self, obj):
        indent = "\u2003" * obj.depth  # em spaces: a select's options keep them
        return f"{indent}{'└ ' if obj.depth else ''}{obj.title}"


@admin.register(Page)
class PageAdmin(LengthHintsMixin, SafeObjectAdminMixin, VersionedAdminMixin, TranslationAdmin):
    """The tree in path order: each page indented under its parent, with buttons to fold its
    branch, add a page below it and move it among its sisters (actions move several)."""

    length_hints = {"seo_title": SEARCH_TITLE, "seo_description": SEARCH_DESCRIPTION}
    list_display = ("tree_title", "status", "kind", "order", "show_in_main_menu", "show_in_footer")
    list_display_links = None
    list_filter = ("status", "kind", "show_in_main_menu", "show_in_footer")
    search_fields = ("title_fr", "title_en", "path_fr", "path_en")
    autocomplete_fields = ("image",)
    prepopulated_fields = {"slug": ("title",)}
    actions = (move_up, move_down)
    list_per_page = 200
    fieldsets = (
        (None, {"fields": ("title", "slug", "parent", "kind")}),
        (_("Texts"), {"fields": ("intro", "body", "image")}),
        (_("Menus"), {"fields": ("order", "show_in_main_menu", "show_in_footer", "menu_order")}),
        (_("Search engines"), {"fields": ("seo_title", "seo_description")}),
        (_("Publishing"), {"fields": ("status", "publish_at", "unpublish_at")}),
    )

    class Media:
        js = ("js/admin-page-tree.js",)

    def get_ordering(self, request):
        return ["tree_key"]

    def get_queryset(self, request):
        from django.db.models import Exists, OuterRef

        children = Page.objects.filter(parent=OuterRef("pk"))
        return super().get_queryset(request).annotate(has_children=Exists(children))

    def get_form(self, request, obj=None, change=False, **kwargs):
        request._page_being_edited = obj  # the parent picker leaves it and its branch out
        return super().get_form(request, obj, change=change, **kwargs)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "parent":
            pages = Page.objects.order_by("tree_key")
            page = getattr(request, "_page_being_edited", None)
            if page is not None and page.pk:
                pages = pages.exclude(pk=page.pk).exclude(tree_key__startswith=page.tree_key)
            kwargs["queryset"] = pages.only(
                "pk", "depth", "tree_key", "title", "title_fr", "title_en"
            )
            kwargs["form_class"] = PageTreeChoiceField
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_urls(self):
        from django.urls import re_path

        return [
            re_path(
                r"^(?P<object_id>[^/]+)/move/(?P<direction>up|down)/$",
                self.admin_site.admin_view(self.move_view),
                name="pages_page_move",
            ),
            *super().get_urls(),
        ]

    def move_view(self, request, object_id, direction):
        """One page one place up or down among its sisters (the buttons of the tree)."""
        from django.core.exceptions import PermissionDenied
        from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
        from django.urls import reverse

        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if direction not in ("up", "down"):
            raise Http404
        self._check_object_id(object_id)
        page = self.get_object(request, object_id)
        if page is None:
            raise Http404
        if not self.has_change_permission(request, page):
            raise PermissionDenied
        _move(self, request, Page.objects.filter(pk=page.pk), -1 if direction == "up" else 1)
        return HttpResponseRedirect(reverse("admin:pages_page_changelist") + f"#page-{page.pk}")

    @admin.display(description=_("title"), ordering="tree_key")
    def tree_title(self, obj):
        from django.urls import reverse

        add_child = reverse("admin:pages_page_add") + f"?parent={obj.pk}"
        move = reverse("admin:pages_page_move", args=[obj.pk, "up"])
        # The title is this column's own link (list_display_links is None), so that the tools
        # beside it are not inside a link.
        return format_html(
            '<div class="page-tree page-tree--depth-{depth}" id="page-{pk}" data-depth="{depth}" '
            'data-children="{kids}" data-toggle-label="{toggle_label}">'
            '<a class="page-tree__title" href="{change}">{title}</a>'
            '<span class="page-tree__tools">'
            '<a href="{add}">{add_label}</a>'
            '<button type="submit" form="changelist-form" formaction="{up}" '
            'class="page-tree__move" aria-label="{up_label}">↑</button>'
            '<button type="submit" form="changelist-form" formaction="{down}" '
            'class="page-tree__move" aria-label="{down_label}">↓</button></span></div>',
            pk=obj.pk,
            depth=obj.depth,
            kids="1" if getattr(obj, "has_children", False) else "",
            toggle_label=_("Show or hide the pages under"),
            change=reverse("admin:pages_page_change", args=[obj.pk]),
            title=obj.title,
            add=add_child,
            add_label=_("Add a page here"),
            up=move,
            up_label=_("Move “%(title)s” up") % {"title": obj.title},
            down=move.replace("/move/up/", "/move/down/"),
            down_label=_("Move “%(title)s” down") % {"title": obj.title},
        )
