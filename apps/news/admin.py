"""Admin for news articles, categories and events: filters, search, dates, bulk publishing."""

from django.contrib import admin, messages
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationAdmin

from apps.core.admin_tools import SafeObjectAdminMixin, VersionedAdminMixin, image_preview
from apps.core.models import Publishable
from apps.news.models import Category, Event, NewsArticle


@admin.action(description=_("Publish the selected items now"), permissions=["change"])
def publish_now(modeladmin, request, queryset):
    """Published and visible at once: a future 'publish at' or a past 'unpublish at' would keep
    the item hidden, so both are cleared. Saved one by one, so history records each change."""
    now = timezone.now()
    for obj in queryset:
        obj.status = Publishable.Status.PUBLISHED
        if obj.publish_at and obj.publish_at > now:
            obj.publish_at = None
        if obj.unpublish_at and obj.unpublish_at <= now:
            obj.unpublish_at = None
        obj.save()
    count = queryset.model.objects.published().filter(pk__in=queryset.values("pk")).count()
    modeladmin.message_user(
        request,
        ngettext("%(count)d item published.", "%(count)d items published.", count)
        % {"count": count},
        messages.SUCCESS,
    )


@admin.action(description=_("Unpublish the selected items (back to draft)"), permissions=["change"])
def unpublish(modeladmin, request, queryset):
    count = 0
    for obj in queryset:
        obj.status = Publishable.Status.DRAFT
        obj.save()
        count += 1
    modeladmin.message_user(
        request,
        ngettext("%(count)d item unpublished.", "%(count)d items unpublished.", count)
        % {"count": count},
        messages.SUCCESS,
    )


class PublishingAdminMixin(SafeObjectAdminMixin):
    actions = (publish_now, unpublish)
    readonly_fields = ("image_preview",)

    @admin.display(description=_("visible now"), boolean=True)
    def visible_now(self, obj):
        return obj.is_published()

    @admin.display(description=_("preview"))
    def image_preview(self, obj):
        return image_preview(obj.image) if obj and obj.pk else "—"


@admin.register(Category)
class CategoryAdmin(SafeObjectAdminMixin, VersionedAdminMixin, TranslationAdmin):
    actions = (publish_now, unpublish)
    list_display = ("name", "slug", "status", "order")
    list_filter = ("status",)
    search_fields = ("name_fr", "name_en", "slug")
    prepopulated_fields = {"slug": ("name",)}


@admin.register(NewsArticle)
class NewsArticleAdmin(PublishingAdminMixin, VersionedAdminMixin, TranslationAdmin):
    list_display = ("title", "date", "category", "status", "visible_now", "featured", "is_sample")
    list_filter = ("status", "category", "featured", "date", "is_sample")
    search_fields = ("title_fr", "title_en", "lead_fr", "lead_en", "slug")
    date_hierarchy = "date"
    prepopulated_fields = {"slug": ("title",)}
    autocomplete_fields = ("image", "teams", "people")
    list_select_related = ("category",)
    fieldsets = (
        (None, {"fields": ("title", "slug", "date", "category", "featured", "is_sample")}),
        (_("Texts"), {"fields": ("lead", "body")}),
        (_("Image"), {"fields": ("image", "image_preview")}),
        (_("Related"), {"fields": ("teams", "people")}),
        (_("Publishing"), {"fields": ("status", "publish_at", "unpublish_at")}),
    )


@admin.register(Event)
class EventAdmin(PublishingAdminMixin, VersionedAdminMixin, TranslationAdmin):
    list_display = ("title", "start", "kind", "status", "visible_now", "cancelled", "is_sample")
    list_filter = ("status", "kind", "cancelled", "start", "is_sample")
    search_fields = ("title_fr", "title_en", "place_fr", "slug")
    date_hierarchy = "start"
    prepopulated_fields = {"slug": ("title",)}
    autocomplete_fields = ("image", "teams")
    fieldsets = (
        (None, {"fields": ("title", "slug", "kind", "cancelled", "is_sample")}),
        (_("When"), {"fields": ("start", "end", "all_day")}),
        (_("Where"), {"fields": ("place", "online_url", "registration_url")}),
        (_("Texts"), {"fields": ("summary", "description")}),
        (_("Image"), {"fields": ("image", "image_preview")}),
        (_("Related"), {"fields": ("teams",)}),
        (_("Publishing"), {"fields": ("status", "publish_at", "unpublish_at")}),
    )
