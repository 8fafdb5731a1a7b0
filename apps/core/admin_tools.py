"""Pieces every app's admin shares."""

from __future__ import annotations

import datetime
import json
import re
import uuid
from pathlib import Path

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, SuspiciousFileOperation, ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, Storage, storages
from django.db import models
from django.db.models import Q
from django.http import Http404
from django.template.defaultfilters import filesizeformat
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.decorators import method_decorator
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext, ngettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop as _noop
from django.views.decorators.http import require_POST
from import_export.admin import ImportExportMixin
from import_export.formats import base_formats
from import_export.forms import ConfirmImportForm, ImportForm
from import_export.tmp_storages import BaseStorage
from reversion.admin import VersionAdmin

from apps.core.models import published_q


def _short_time(moment) -> str:
    return date_format(timezone.localtime(moment), "SHORT_DATETIME_FORMAT")


def publication_state(obj, now=None) -> tuple[str, str]:
    """(key, label) of where a publishable item stands: draft, scheduled (with its date), live,
    live with changes pending (a draft of changes, with their date when scheduled; lists annotate
    `pending_changes`, see `PublicationStateMixin.get_queryset`) or expired."""
    now = now or timezone.now()
    if obj.status != "published":
        return "draft", gettext("Draft")
    if obj.publish_at and obj.publish_at > now:
        return "scheduled", gettext("Scheduled (%(when)s)") % {"when": _short_time(obj.publish_at)}
    if obj.unpublish_at and obj.unpublish_at <= now:
        return "expired", gettext("Expired")
    if getattr(obj, "pending_changes", False):
        if getattr(obj, "pending_changes_held", False):
            return "pending", gettext("Live, changes held back (see the item)")
        when = getattr(obj, "pending_changes_at", None)
        if when:
            label = gettext("Live, changes scheduled (%(when)s)") % {"when": _short_time(when)}
            return "pending", label
        return "pending", gettext("Live, changes pending")
    return "live", gettext("Live")


def pending_changes_of(model):
    """The pending changes of the row a subquery's `OuterRef("pk")` names."""
    from django.contrib.contenttypes.models import ContentType
    from django.db.models import CharField, OuterRef
    from django.db.models.functions import Cast

    from apps.core.models import PendingChange

    return PendingChange.objects.filter(
        content_type=ContentType.objects.get_for_model(model),
        object_id=Cast(OuterRef("pk"), CharField()),
    )


class PublicationStateFilter(admin.SimpleListFilter):
    """Lists of publishable items filtered by state: Draft, Scheduled, Live, Changes pending
    (live, with a draft of changes), Expired."""

    title = _("state")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return (
            ("draft", _("Draft")),
            ("scheduled", _("Scheduled")),
            ("live", _("Live")),
            ("pending", _("Changes pending")),
            ("expired", _("Expired")),
        )

    def queryset(self, request, queryset):
        from django.db.models import Exists

        now = timezone.now()
        published = Q(status="published")
        conditions = {
            "draft": ~published,
            "scheduled": published & Q(publish_at__gt=now),
            "live": published_q(now=now),
            "pending": Exists(pending_changes_of(queryset.model)),
            "expired": published
            & (Q(publish_at__isnull=True) | Q(publish_at__lte=now))
            & Q(unpublish_at__lte=now),
        }
        condition = conditions.get(self.value())
        return queryset if condition is None else queryset.filter(condition)


# Changes pending on an item, saved by another editor, that this one may not settle.
FOREIGN_DRAFT = _noop(
    "Another editor saved changes to this item that are not published yet, and they may touch "
    "fields you cannot change: this form shows the published version, and cannot be saved "
    "until a site editor publishes or discards those changes."
)
PUBLISHING_ACTIONS = ("_publish", "_schedule", "_save_draft", "_schedule_changes", "_unpublish")
# The actions that keep a live item's published version and store the form as pending changes.
DRAFTING_ACTIONS = ("_save_draft", "_schedule_changes")


def _changes_time(value):
    """The "publish the changes at" input (a datetime-local field), or None."""
    field = forms.DateTimeField(input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S"])
    try:
        return field.clean(value)
    except ValidationError:
        return None


class HourMinuteWidget(admin.widgets.AdminTimeWidget):
    """A time as editors write it, 09:00, not 09:00:00 (seconds are still accepted)."""

    def __init__(self, attrs=None, format="%H:%M"):
        super().__init__(attrs=attrs, format=format)


# formfield_overrides for models with opening hours and other times of day.
HOURS_AND_MINUTES = {models.TimeField: {"widget": HourMinuteWidget}}


# What reads best: a search result shows about 60 characters of a title and 160 of a
# description; an alternative text is read aloud in one go.
SEARCH_TITLE = (10, 60)
SEARCH_DESCRIPTION = (50, 160)
ALT_TEXT = (5, 150)


class LengthHintsMixin:
    """Texts whose length matters to those who read them elsewhere (a search engine's result, a
    screen reader): `length_hints = {"seo_description": (50, 160)}` (each language's field
    too). The form shows a live count under the field (static/js/admin-length-hints.js); a
    save outside the range is kept, with a warning that says by how much."""

    length_hints: dict[str, tuple[int, int]] = {}

    def _length_hint(self, name: str):
        for code, _name in settings.LANGUAGES:
            name = name.removesuffix(f"_{code}")
        return self.length_hints.get(name)

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        hint = self._length_hint(db_field.name)
        if field is not None and hint:
            low, high = hint
            field.widget.attrs.update(
                {
                    "data-length-min": low,
                    "data-length-max": high,
                    # Filled in by the script: {count} is the number of characters.
                    "data-length-text": gettext("{count} characters (best: %(low)d to %(high)d)")
                    % {"low": low, "high": high},
                }
            )
        return field

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        for name, value in form.cleaned_data.items():
            hint = self._length_hint(name)
            if not hint or not isinstance(value, str) or not value.strip():
                continue
            low, high = hint
            count = len(value.strip())
            if low <= count <= high:
                continue
            messages.warning(
                request,
                gettext(
                    "“%(field)s” has %(count)d characters: %(low)d to %(high)d read best "
                    "(search results and screen readers cut or tire of longer texts, and say "
                    "little with shorter ones). It is saved as it is."
                )
                % {"field": form.fields[name].label, "count": count, "low": low, "high": high},
            )


class PublicationStateMixin:
    """Every list of publishable items shows its state (Draft, Scheduled with its date, Live,
    Expired) in place of the bare status, and filters by it. Its change form has publishing
    buttons beside Save: Publish now, Schedule (at the form's "publish at"), Save as draft and,
    for a live item, Save the changes as a draft, Schedule the changes and Unpublish; each sets
    the status (and clears a date that would contradict it) before the form is checked, so a
    refusal says why in the form. Changes to a live item saved as a draft leave its status alone
    (`VersionedAdminMixin` keeps them apart, apps.core.pending)."""

    def _is_publishable(self) -> bool:
        from apps.core.models import Publishable

        return issubclass(self.model, Publishable)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form_class = super().get_form(request, obj, change=change, **kwargs)
        action = next((a for a in PUBLISHING_ACTIONS if a in request.POST), None)
        if not self._is_publishable() or request.method != "POST" or action is None:
            return form_class

        class PublishingForm(form_class):
            def clean(self):
                cleaned = super().clean()
                now = timezone.now()
                publish_at = cleaned.get("publish_at")
                if action in DRAFTING_ACTIONS and getattr(request, "_keep_live", False):
                    if action == "_schedule_changes":
                        when = _changes_time(request.POST.get("_changes_at"))
                        if when is None or when <= now:
                            self.add_error(
                                None,
                                gettext(
                                    "To schedule the changes, give a future date and time "
                                    "beside “Schedule the changes”."
                                ),
                            )
                        request._changes_at = when
                    return cleaned
                if "status" not in self.fields:  # read-only for this editor: a plain save
                    return cleaned
                if action == "_schedule_changes":
                    self.add_error(
                        None,
                        gettext(
                            "Only changes to a published item can be scheduled this way: use "
                            "“Schedule at the publish at time”."
                        ),
                    )
                    return cleaned
                if action == "_publish":
                    cleaned["status"] = "published"
                    if publish_at and publish_at > now:
                        cleaned["publish_at"] = None
                    unpublish_at = cleaned.get("unpublish_at")
                    if unpublish_at and unpublish_at <= now:
                        cleaned["unpublish_at"] = None
                elif action == "_schedule":
                    if not publish_at or publish_at <= now:
                        self.add_error(
                            "publish_at" if "publish_at" in self.fields else None,
                            gettext("To schedule it, give a future date and time here."),
                        )
                    cleaned["status"] = "published"
                else:  # save as draft, unpublish: never shown, so no date to wait for
                    cleaned["status"] = "draft"
                    if action == "_unpublish" and publish_at and publish_at > now:
                        cleaned["publish_at"] = None
                return cleaned

        PublishingForm.__name__ = form_class.__name__
        return PublishingForm

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if self._is_publishable():
            state = publication_state(obj)[0] if obj is not None and obj.pk else "new"
            context["publishing_buttons"] = True
            # An editor who may not change the status (a team editor on a profile) may still
            # keep changes to a live item as a draft, or publish them, but not unpublish it.
            form = context.get("adminform") and context["adminform"].form
            context["status_locked"] = form is not None and "status" not in form.fields
            context["is_live"] = state in ("live", "pending", "scheduled")  # may be unpublished
            # Changes to it may be kept as a draft (apps.core.pending).
            context["keeps_live"] = state in ("live", "pending") and getattr(
                self, "drafts_enabled", False
            )
        return super().render_change_form(request, context, add, change, form_url, obj)

    def get_queryset(self, request):
        from django.db.models import Exists, Subquery

        queryset = super().get_queryset(request)
        if not self._is_publishable():
            return queryset
        pending = pending_changes_of(self.model)
        return queryset.annotate(
            pending_changes=Exists(pending),
            pending_changes_at=Subquery(pending.values("publish_at")[:1]),
            pending_changes_held=Exists(pending.exclude(problem="")),
        )

    def get_list_display(self, request):
        columns = list(super().get_list_display(request))
        if not self._is_publishable():
            return columns
        columns = [c for c in columns if c != "visible_now"]
        if "status" in columns:
            columns[columns.index("status")] = "publication_state"
        else:
            columns.append("publication_state")
        return columns

    def get_list_filter(self, request):
        filters = list(super().get_list_filter(request))
        if not self._is_publishable():
            return filters
        return [PublicationStateFilter, *(f for f in filters if f != "status")]

    @admin.display(description=_("state"), ordering="status")
    def publication_state(self, obj):
        key, label = publication_state(obj)
        return format_html(
            '<span class="publication-state publication-state--{}">{}</span>', key, label
        )


class StaleEditGuardMixin:
    """No lost updates: a change form carries the version of the item it was opened on (a hash
    of its row and of its inlines' rows, with the time it was opened); a save from an older
    version is refused with what was saved since, by whom (the admin's log of changes, field by
    field and language by language), and the editor's input stays in the form to merge and save
    again. Two tabs of one editor are two editors. The change form template renders the version
    in a hidden field (`templates/admin/change_form.html`)."""

    version_field = "_opened_version"

    def _state_of(self, request, obj) -> str:
        from django.forms.models import _get_foreign_key

        def content(model):
            # Not the times a save stamps: publishing a draft stamps them again (apps.core.pending).
            return [
                f.attname for f in model._meta.concrete_fields if not getattr(f, "auto_now", False)
            ]

        model = type(obj)
        rows = [list(model._base_manager.filter(pk=obj.pk).values(*content(model)))]
        for inline in self.get_inline_instances(request, obj):
            fk = _get_foreign_key(type(obj), inline.model, fk_name=inline.fk_name)
            related = inline.model._base_manager.filter(**{fk.name: obj}).order_by("pk")
            rows.append(list(related.values(*content(inline.model))))
        data = json.dumps(rows, default=str, sort_keys=True)
        # Keyed: the form shows it to editors who may not see every field it covers (a
        # person's private email), and a plain hash would let them test guesses of those.
        return salted_hmac("stale-edit-guard", data, algorithm="sha256").hexdigest()[:32]

    def opened_version(self, request, obj) -> str:
        return f"{timezone.now().timestamp():.6f}:{self._state_of(request, obj)}"

    def changes_since(self, request, obj, opened_at: datetime.datetime) -> list[str]:
        """What the admin's log says was saved on `obj` after `opened_at`: who, when, what."""
        from django.contrib.admin.models import CHANGE, LogEntry
        from django.contrib.contenttypes.models import ContentType

        entries = LogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(obj),
            object_id=str(obj.pk),
            action_flag=CHANGE,
            action_time__gt=opened_at,
        ).select_related("user")
        labels = self._field_labels(type(obj))
        lines = []
        for entry in entries.order_by("action_time"):
            who = (
                gettext("you, in another tab or window")
                if entry.user_id == request.user.pk
                else entry.user.get_full_name() or entry.user.get_username()
            )
            when = timezone.localtime(entry.action_time).strftime("%H:%M:%S")
            what = self._what_changed(entry, labels) or entry.get_change_message()
            lines.append(f"{who} ({when}) : {what}")
        return lines

    @staticmethod
    def _field_labels(model) -> dict[str, str]:
        """{label as the admin's log stores it (untranslated): label in the editor's language},
        e.g. "Title [fr]": "Titre [fr]"."""
        from django.utils import translation
        from django.utils.text import capfirst

        fields = model._meta.fields
        with translation.override(None):  # as the log stores them: the form's labels
            stored = [capfirst(str(field.verbose_name)) for field in fields]
        return {
            name: capfirst(str(field.verbose_name))
            for name, field in zip(stored, fields, strict=True)
        }

    @staticmethod
    def _what_changed(entry, labels: dict[str, str]) -> str:
        """The fields an admin's log entry names, in the editor's language: the item's own
        fields one by one, then each inline row added, changed or deleted."""
        try:
            items = json.loads(entry.change_message or "[]")
        except ValueError:
            return ""
        parts = []
        for item in items if isinstance(items, list) else []:
            for action in ("added", "changed", "deleted"):
                detail = item.get(action) if isinstance(item, dict) else None
                if not isinstance(detail, dict):
                    continue
                if "name" not in detail:
                    parts += [labels.get(name, gettext(name)) for name in detail.get("fields", [])]
                else:
                    parts.append(f"{gettext(detail['name'])} « {detail.get('object', '')} »")
        return ", ".join(parts)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form_class = super().get_form(request, obj, change=change, **kwargs)
        if obj is None or obj.pk is None or request.method != "POST":
            return form_class
        # A save without the version it was opened on is one from an unknown version: refused
        # like a stale one (a form the site rendered always carries it).
        posted = request.POST.get(self.version_field, "")
        opened_at_text, _sep, opened_state = posted.partition(":")
        # get_form runs more than once a request (the fieldsets ask for it too): one hash.
        cached = getattr(request, "_stale_edit_state", None)
        if cached is None or cached[0] != obj.pk:
            cached = (obj.pk, self._state_of(request, obj))
            request._stale_edit_state = cached
        current = cached[1]
        if opened_state == current:
            return form_class
        try:
            opened_at = datetime.datetime.fromtimestamp(float(opened_at_text), tz=datetime.UTC)
        except (ValueError, OverflowError, OSError):
            opened_at = timezone.now() - datetime.timedelta(days=1)
        since = self.changes_since(request, obj, opened_at)

        class StaleEditForm(form_class):
            def clean(self):
                cleaned = super().clean()
                message = gettext(
                    "This item was saved by someone else after you opened it, so your changes "
                    "were not saved. They are still in the form below: compare them with the "
                    "saved version (open it in another tab), merge, and save again."
                )
                details = "; ".join(since) or gettext("its content changed since you opened it.")
                self.add_error(None, f"{message} {gettext('Saved since:')} {details}")
                return cleaned

        StaleEditForm.__name__ = form_class.__name__
        return StaleEditForm

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if change and obj is not None and obj.pk is not None:
            context["opened_version"] = self.opened_version(request, obj)
            context["opened_version_field"] = self.version_field
        return super().render_change_form(request, context, add, change, form_url, obj)


class EnglishStateFilter(admin.SimpleListFilter):
    """Lists of translated items filtered by the state of their English."""

    title = pgettext_lazy("filter", "English")
    parameter_name = "english"

    def lookups(self, request, model_admin):
        from apps.core.models import TranslationState

        return TranslationState.State.choices

    def queryset(self, request, queryset):
        from apps.core.models import TranslationState

        if self.value() in TranslationState.State.values:
            return queryset.filter(english_state=self.value())
        return queryset


@admin.action(description=_("Mark the English as up to date"))
def mark_english_up_to_date(modeladmin, request, queryset):
    from apps.core.translation_state import mark_up_to_date

    count = mark_up_to_date(queryset)
    messages.success(
        request,
        ngettext(
            "%(count)d item's English marked as up to date.",
            "%(count)d items' English marked as up to date.",
            count,
        )
        % {"count": count},
    )


class TranslationStatusMixin:
    """Lists of translated items (django-modeltranslation) show the state of their English
    (complete, missing, outdated: apps.core.translation_state), filter by it, and can mark it up
    to date; a save that leaves English missing or outdated says so (a warning, not a
    refusal)."""

    def _follows_translation(self) -> bool:
        from apps.core.translation_state import translated_fields

        return bool(translated_fields(self.model))

    def get_queryset(self, request):
        from django.db.models import Subquery

        from apps.core.translation_state import english_state_of

        queryset = super().get_queryset(request)
        if not self._follows_translation():
            return queryset
        return queryset.annotate(english_state=Subquery(english_state_of(self.model)))

    def get_list_display(self, request):
        columns = list(super().get_list_display(request))
        if self._follows_translation() and "english_state_label" not in columns:
            columns.append("english_state_label")
        return columns

    def get_list_filter(self, request):
        filters = list(super().get_list_filter(request))
        if self._follows_translation():
            filters.append(EnglishStateFilter)
        return filters

    def get_actions(self, request):
        actions = super().get_actions(request)
        if self._follows_translation() and self.has_change_permission(request):
            actions["mark_english_up_to_date"] = self.get_action(mark_english_up_to_date)
        return actions

    @admin.display(description=_("English"), ordering="english_state")
    def english_state_label(self, obj):
        from apps.core.models import TranslationState

        state = getattr(obj, "english_state", None)
        if state is None:
            return "—"
        label = TranslationState.State(state).label
        return format_html('<span class="english-state english-state--{}">{}</span>', state, label)

    def _warn_about_english(self, request, obj) -> None:
        from django.contrib.contenttypes.models import ContentType

        from apps.core.models import TranslationState
        from apps.core.translation_state import _columns, state_of

        if not self._follows_translation() or obj is None or obj.pk is None:
            return
        values = {column: getattr(obj, column, None) for column in _columns(self.model)}
        _state, missing, _none = state_of(self.model, values, None, set())
        stored = TranslationState.objects.filter(
            content_type=ContentType.objects.get_for_model(self.model), object_id=obj.pk
        ).first()
        outdated = [name for name in (stored.outdated if stored else []) if name not in missing]

        def labels(names):
            return ", ".join(str(self.model._meta.get_field(name).verbose_name) for name in names)

        if missing:
            messages.warning(
                request,
                gettext(
                    "No English yet for: %(fields)s. English pages show the French text meanwhile."
                )
                % {"fields": labels(missing)},
            )
        if outdated:
            messages.warning(
                request,
                gettext(
                    "The French changed since the English was written, for: %(fields)s. Check "
                    "the English (or mark it up to date from the list)."
                )
                % {"fields": labels(outdated)},
            )

    def response_add(self, request, obj, post_url_continue=None):
        self._warn_about_english(request, obj)
        return super().response_add(request, obj, post_url_continue)

    def response_change(self, request, obj):
        self._warn_about_english(request, obj)
        return super().response_change(request, obj)


class SlugsFromTitlesMixin:
    """An item whose slugs are made at save (apps.core.slugs) may be saved with them empty: its
    form says so under each slug."""

    def get_form(self, request, obj=None, change=False, **kwargs):
        from apps.core.slugs import has_translated_slug

        form_class = super().get_form(request, obj, change=change, **kwargs)
        if not has_translated_slug(self.model):
            return self._plain_slug_form(request, obj, form_class)
        source = self.model.slug_source
        for code, _name in settings.LANGUAGES:
            field = form_class.base_fields.get(f"slug_{code}")
            if field is not None:
                field.required = False
                field.help_text = gettext(
                    "Leave empty to make it from the %(source)s in this language (the French "
                    "one when there is none)."
                ) % {"source": self.model._meta.get_field(source).verbose_name}
        return form_class

    def _plain_slug_form(self, request, obj, form_class):
        """A model with one slug that the form fills from other fields as one types
        (prepopulated_fields): left empty, it is made from them at save, unique."""
        from django.utils.text import slugify

        from apps.core.slugs import unique_slug

        sources = self.get_prepopulated_fields(request, obj).get("slug")
        field = form_class.base_fields.get("slug")
        if not sources or field is None:
            return form_class
        field.required = False
        names = [str(self.model._meta.get_field(name).verbose_name) for name in sources]
        field.help_text = gettext("Leave empty to make it from: %(fields)s.") % {
            "fields": ", ".join(names)
        }
        model = self.model
        max_length = model._meta.get_field("slug").max_length

        class PlainSlugForm(form_class):
            def clean(self):
                cleaned = super().clean()
                if cleaned.get("slug") or "slug" in self.errors:
                    return cleaned
                text = " ".join(str(cleaned.get(name) or "") for name in sources)
                if not slugify(text):  # an acronym left empty: the French title or name
                    text = cleaned.get("title_fr") or cleaned.get("name_fr") or ""
                others = model._base_manager.exclude(pk=self.instance.pk)
                cleaned["slug"] = unique_slug(
                    slugify(text), max_length, lambda slug: others.filter(slug=slug).exists()
                )
                return cleaned

        PlainSlugForm.__name__ = form_class.__name__
        # A ModelForm subclass makes its fields again from the model: set them on it.
        PlainSlugForm.base_fields["slug"].required = False
        PlainSlugForm.base_fields["slug"].help_text = field.help_text
        return PlainSlugForm


class ReviewFilter(admin.SimpleListFilter):
    """Lists of reviewed information (apps.core.models.Reviewed) by where its review stands."""

    title = _("review")
    parameter_name = "review"

    def lookups(self, request, model_admin):
        return [
            ("overdue", _("Overdue")),
            ("soon", _("Due within 30 days")),
            ("never", _("Never checked")),
            ("mine", _("Mine to review")),
        ]

    def queryset(self, request, queryset):
        today = timezone.localdate()
        value = self.value()
        if value == "overdue":
            return queryset.filter(review_by__lt=today)
        if value == "soon":
            return queryset.filter(
                review_by__gte=today, review_by__lte=today + datetime.timedelta(days=30)
            )
        if value == "never":
            return queryset.filter(checked_on__isnull=True)
        if value == "mine":
            return queryset.filter(owner=request.user)
        return queryset


@admin.action(description=_("Mark as checked today"))
def mark_checked_today(modeladmin, request, queryset):
    import reversion

    from apps.core.models import review_period

    today = timezone.localdate()
    count = 0
    # Saved one by one, in a version: the item's history says who checked it, and when.
    with reversion.create_revision():
        reversion.set_user(request.user)
        reversion.set_comment(gettext("Marked as checked today."))
        for obj in queryset:
            if not modeladmin.has_change_permission(request, obj):
                continue
            obj.checked_on, obj.review_by = today, today + review_period(modeladmin.model)
            obj.save()
            count += 1
    messages.success(
        request,
        ngettext(
            "%(count)d item marked as checked today.",
            "%(count)d items marked as checked today.",
            count,
        )
        % {"count": count},
    )


REVIEW_FIELDS = ("owner", "checked_on", "review_by")


class StaffChoiceField(forms.ModelChoiceField):
    """A staff member by name ("Claire Martin (cmartin)"), not by login alone."""

    def label_from_instance(self, obj):
        name = obj.get_full_name()
        return f"{name} ({obj.get_username()})" if name else obj.get_username()


class ReviewAdminMixin:
    """Information someone owns and checks again (apps.core.models.Reviewed): a "Review"
    section in its form (the owner chosen among active staff), where its review stands in the
    list, a filter and the action "Mark as checked today"."""

    def _is_reviewed(self) -> bool:
        from apps.core.models import Reviewed

        return issubclass(self.model, Reviewed)

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if not self._is_reviewed():
            return fieldsets
        named = {name for _title, options in fieldsets for name in options.get("fields", ())}
        if all(name in named for name in REVIEW_FIELDS) and self.fieldsets:
            return fieldsets  # the admin placed them itself
        kept = [
            (title, {**options, "fields": [f for f in options["fields"] if f not in REVIEW_FIELDS]})
            for title, options in fieldsets
        ]
        shown = [name for name in REVIEW_FIELDS if name in named]
        return [*kept, (_("Review"), {"fields": shown})] if shown else kept

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if self._is_reviewed() and db_field.name == "owner":
            from django.contrib.auth import get_user_model

            kwargs["queryset"] = (
                get_user_model()
                .objects.filter(is_active=True, is_staff=True)
                .order_by("last_name", "first_name", "username")
            )
            kwargs["form_class"] = StaffChoiceField
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_list_display(self, request):
        columns = list(super().get_list_display(request))
        if self._is_reviewed() and "review_state" not in columns:
            columns.append("review_state")
        return columns

    def get_list_filter(self, request):
        filters = list(super().get_list_filter(request))
        if self._is_reviewed():
            filters.append(ReviewFilter)
        return filters

    def get_actions(self, request):
        actions = super().get_actions(request)
        if self._is_reviewed() and self.has_change_permission(request):
            actions["mark_checked_today"] = self.get_action(mark_checked_today)
        return actions

    @admin.display(description=_("review by"), ordering="review_by")
    def review_state(self, obj):
        if obj.review_by is None:
            return gettext("Never checked") if obj.checked_on is None else "—"
        when = date_format(obj.review_by, "SHORT_DATE_FORMAT")
        if obj.review_overdue():
            return format_html(
                '<span class="review-state--overdue">{}</span>',
                gettext("Overdue since %(when)s") % {"when": when},
            )
        return when


class SafeObjectAdminMixin(
    ReviewAdminMixin,
    SlugsFromTitlesMixin,
    TranslationStatusMixin,
    PublicationStateMixin,
    StaleEditGuardMixin,
):
    """Admin views with an object id in the address: an id that is not one (`/abc/change/`) is
    a 404, not an error page. Every admin of public content uses it, and so gets the stale-save
    guard too; the content admins add `VersionedAdminMixin` for history and the bin."""

    def _say_when_scheduled(self, request, obj) -> None:
        publish_at = getattr(obj, "publish_at", None)
        if (
            getattr(obj, "status", None) == "published"
            and publish_at
            and publish_at > timezone.now()
        ):
            when = date_format(timezone.localtime(publish_at), "DATETIME_FORMAT")
            messages.info(
                request,
                gettext("Scheduled: visitors will see it from %(when)s.") % {"when": when},
            )

    def response_add(self, request, obj, post_url_continue=None):
        self._say_when_scheduled(request, obj)
        return super().response_add(request, obj, post_url_continue)

    def response_change(self, request, obj):
        if getattr(request, "_keep_live", False):  # nothing changed for visitors
            return super().response_change(request, obj)
        self._say_when_scheduled(request, obj)
        for old_path, new_path in getattr(obj, "_moved_addresses", ()):
            messages.info(
                request,
                gettext("The old address %(old)s now redirects to the new one, %(new)s.")
                % {"old": old_path, "new": new_path},
            )
        return super().response_change(request, obj)

    def _check_object_id(self, object_id) -> None:
        try:
            self.model._meta.pk.to_python(unquote(object_id))
        except (ValidationError, ValueError, TypeError):
            raise Http404 from None

    def change_view(self, request, object_id, form_url="", extra_context=None):
        self._check_object_id(object_id)
        return super().change_view(request, object_id, form_url, extra_context)

    def delete_view(self, request, object_id, extra_context=None):
        self._check_object_id(object_id)
        return super().delete_view(request, object_id, extra_context)

    def history_view(self, request, object_id, extra_context=None):
        self._check_object_id(object_id)
        return super().history_view(request, object_id, extra_context)


class VersionedAdminMixin(VersionAdmin):
    """Public content versioned with django-reversion: each save through the admin keeps a
    version of the item with its inline rows (the admin's inlines are followed) and both
    languages. The history lists them newest first with what each changed, in the reader's
    language; any version opens as a filled form to restore it, inlines included. A deletion
    puts the item in the bin (apps.core.versions) unless `bin_enabled` is off; reversion's own
    "recover deleted" pages lead to the bin."""

    def _object_or_404(self, request, object_id):
        """The item an admin address names: 404 for an id that is not one (`abc`, NUL) or
        that names nothing."""
        try:
            self.model._meta.pk.to_python(unquote(object_id))
        except (ValidationError, ValueError, TypeError):
            raise Http404 from None
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404
        return obj

    object_history_template = "admin/core/version_history.html"
    bin_enabled = True
    # A Preview button on the change form, for models with a public page (apps.core.preview).
    preview_enabled = True

    @property
    def drafts_enabled(self) -> bool:
        """Changes to a live item may be kept as a draft (apps.core.pending): every publishable
        model."""
        from apps.core.models import Publishable

        return issubclass(self.model, Publishable)

    def _url_name(self, view: str) -> str:
        opts = self.model._meta
        return f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_{view}"

    def _previewable(self) -> bool:
        return self.preview_enabled and hasattr(self.model, "get_absolute_url")

    def get_urls(self):
        from django.urls import path

        urls = super().get_urls()
        info = f"{self.model._meta.app_label}_{self.model._meta.model_name}"
        view = self.admin_site.admin_view
        if self.drafts_enabled:
            urls = [
                path(
                    "<path:object_id>/changes/discard/",
                    view(self.discard_changes_view),
                    name=f"{info}_discard_changes",
                ),
                *urls,
            ]
        if not self._previewable():
            return urls
        return [
            path("preview/", view(self.preview_view), name=f"{info}_preview_add"),
            path("preview/<str:token>/", view(self.preview_show), name=f"{info}_preview_show"),
            path("preview/<str:token>/page/", view(self.preview_page), name=f"{info}_preview_page"),
            path("<path:object_id>/preview/", view(self.preview_view), name=f"{info}_preview"),
            *urls,
        ]

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        from django.urls import reverse

        if self._previewable():
            context["preview_action"] = (
                reverse(self._url_name("preview"), args=[obj.pk])
                if obj is not None and obj.pk
                else reverse(self._url_name("preview_add"))
            )
        context.update(self._pending_context(obj, request))
        if getattr(request, "_foreign_draft", False):
            # Another editor's changes wait for a site editor: nothing here can be saved.
            context.update(
                show_save=False,
                show_save_and_continue=False,
                show_save_and_add_another=False,
                publishing_buttons=False,
            )
        # A time typed but refused stays in the field; otherwise the one scheduled.
        typed = request.POST.get("_changes_at", "") if request.method == "POST" else ""
        context["changes_at_value"] = typed[:19] or context.get("pending_at_value", "")
        return super().render_change_form(request, context, add, change, form_url, obj)

    def _may_not_settle(self, request, obj, pending, publishing=True) -> str:
        """Why this editor may not publish or discard the pending changes, or "". Changes saved
        by someone else may touch fields this editor cannot change (a team's editors, say): only
        an editor who may change everything (`may_restore`) settles them; so too when the live
        version changed since (publishing would undo that change)."""
        from apps.core.pending import live_changed_since

        if self.may_restore(request, obj):
            return ""
        if pending.saved_by_id != request.user.pk or pending.several_authors:
            return gettext(FOREIGN_DRAFT)
        if publishing and live_changed_since(pending, obj):
            return gettext(
                "The published version changed after you saved these changes: a site editor "
                "must check and publish them, or discard them and make them again."
            )
        return ""

    def _pending_context(self, obj, request=None) -> dict:
        """What the change form and the history say of the item's pending changes."""
        from django.urls import reverse

        from apps.core.pending import LIVE_CHANGED, live_changed_since, pending_for

        if hasattr(request, "_pending_change"):  # looked up already by the change view
            pending = request._pending_change
        else:
            pending = pending_for(obj) if self.drafts_enabled and obj is not None else None
        if pending is None:
            return {}
        # The change form is rendered with the draft in the database: the comparison with the
        # live version was made before (`_change_with_draft`).
        changed = getattr(request, "_live_changed", None)
        if changed is None:
            changed = live_changed_since(pending, obj)
        context = {
            "pending_change": pending,
            "may_settle": request is not None and self.has_change_permission(request, obj),
            "foreign_draft": getattr(request, "_foreign_draft", False),
            "live_changed": gettext(LIVE_CHANGED) if changed else "",
            "pending_by": _person(pending.saved_by),
            "discard_url": reverse(self._url_name("discard_changes"), args=[obj.pk]),
        }
        if pending.publish_at:
            local = timezone.localtime(pending.publish_at)
            context["pending_at_value"] = local.strftime("%Y-%m-%dT%H:%M")
        return context

    def preview_view(self, request, object_id=None):
        """The change form's unsaved content (inlines included) in the public page, nothing
        saved: rendered in a rolled-back transaction, kept in the session, shown by
        `preview_show`."""
        from django.shortcuts import redirect
        from django.urls import reverse

        from apps.core.pending import pending_for, showing

        add = object_id is None
        obj = None
        if add:
            if not self.has_add_permission(request):
                raise PermissionDenied
        else:
            obj = self._object_or_404(request, object_id)
            if not self.has_change_permission(request, obj):
                raise PermissionDenied
        if request.method != "POST":
            return redirect(reverse(self._url_name("changelist")))
        # An item with pending changes: its form holds them, and is checked against them (not
        # another editor's, which this editor's form does not show).
        pending = pending_for(obj) if self.drafts_enabled else None
        if pending is not None and self._may_not_settle(request, obj, pending, publishing=False):
            pending = None
        with showing(pending):
            if obj is not None:
                obj = self.get_object(request, unquote(object_id))
            return self._preview_of(request, obj, add)

    def _preview_of(self, request, obj, add):
        from django.contrib.admin.utils import flatten_fieldsets
        from django.forms.formsets import all_valid
        from django.shortcuts import redirect
        from django.urls import reverse

        from apps.core.preview import remember, render_unsaved

        fields = flatten_fieldsets(self.get_fieldsets(request, obj))
        form_class = self.get_form(request, obj, change=not add, fields=fields)
        form = form_class(request.POST, request.FILES, instance=obj)
        form_valid = form.is_valid()
        new_object = self.save_form(request, form, change=not add) if form_valid else form.instance
        formsets, _inlines = self._create_formsets(request, new_object, change=not add)
        if not (all_valid(formsets) and form_valid):
            return TemplateResponse(
                request,
                "admin/core/preview.html",
                {
                    **self.admin_site.each_context(request),
                    "opts": self.model._meta,
                    "title": gettext("Preview"),
                    "subtitle": None,
                    "refused": True,
                    "errors": self._preview_errors(form, formsets),
                },
                status=400,
            )

        def save():
            new_object.save()
            form.save_m2m()
            for formset in formsets:
                formset.instance = new_object
                formset.save()
            return new_object

        pages = render_unsaved(request, save, lambda item: item.get_absolute_url())
        token = remember(request, pages, str(new_object))
        return redirect(reverse(self._url_name("preview_show"), args=[token]))

    @staticmethod
    def _preview_errors(form, formsets) -> list[str]:
        """The form's errors as an editor reads them: the field's label, then the message."""
        lines = []
        rows = [(form, "")]
        for formset in formsets:
            name = capfirst(str(formset.model._meta.verbose_name))
            rows += [(row, f"{name} {number}") for number, row in enumerate(formset.forms, 1)]
        for each, row in rows:
            for field, messages_ in each.errors.items():
                label = each.fields[field].label if field in each.fields else ""
                where = " – ".join(str(part) for part in (row, label) if part)
                lines += [f"{where} : {message}" if where else message for message in messages_]
        for formset in formsets:
            lines += list(formset.non_form_errors())
        return lines

    def _recalled(self, request, token):
        from django.conf import settings as django_settings

        from apps.core.preview import recall

        preview = recall(request, token)
        if preview is None:
            raise Http404
        languages = [code for code, _name in django_settings.LANGUAGES]
        language = request.GET.get("lang")
        if language not in languages:
            language = languages[0]
        return preview, language

    def preview_show(self, request, token):
        """The preview in a frame, at desktop or phone width, in either language."""
        from django.conf import settings as django_settings
        from django.urls import reverse

        preview, language = self._recalled(request, token)
        width = "phone" if request.GET.get("width") == "phone" else "desktop"
        page = preview["pages"].get(language) or {}
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": gettext("Preview of “%(item)s”") % {"item": preview["title"]},
            "subtitle": None,
            "languages": django_settings.LANGUAGES,
            "language": language,
            "width": width,
            "shown": page.get("status") == 200,
            "page_url": page.get("url", ""),
            "frame_url": reverse(self._url_name("preview_page"), args=[token])
            + f"?lang={language}",
        }
        response = TemplateResponse(request, "admin/core/preview.html", context)
        from apps.core.views import keep_private

        return keep_private(response)

    def preview_page(self, request, token):
        """The previewed page itself, for the frame: never cached, never indexed."""
        from csp.decorators import csp_replace
        from django.http import HttpResponse
        from django.views.decorators.clickjacking import xframe_options_sameorigin

        from apps.core.views import keep_private

        preview, language = self._recalled(request, token)
        page = preview["pages"].get(language) or {}

        @csp_replace({"frame-ancestors": ["'self'"]})
        @xframe_options_sameorigin
        def frame(request):
            return keep_private(HttpResponse(page.get("html", ""), status=page.get("status", 404)))

        return frame(request)

    # The admin's log keeps its messages; versions keep no copy of them (the history computes
    # what changed, in the reader's language, from the versions themselves).
    def log_addition(self, request, obj, message):
        return admin.ModelAdmin.log_addition(self, request, obj, message)

    def log_change(self, request, obj, message):
        if getattr(request, "_keep_live", False):  # logged once the draft is kept
            request._draft_change_message = message
            return None
        return admin.ModelAdmin.log_change(self, request, obj, message)

    def history_view(self, request, object_id, extra_context=None):
        from apps.core.versions import history_of

        obj = self._object_or_404(request, object_id)
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        opts = self.model._meta
        lines = history_of(self.model, obj.pk, self._history_fields(request, obj))
        first = lines[-1].version.revision.date_created if lines else None
        earlier = self._earlier_log(obj, first)
        context = {
            **self.admin_site.each_context(request),
            "title": gettext("History of “%(item)s”") % {"item": obj},
            "subtitle": None,
            "opts": opts,
            "object": obj,
            "lines": lines,
            "earlier": earlier,
            "can_restore": self.may_restore(request, obj),
            **self._pending_context(obj, request),
            "revision_url": f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_revision",
            "app_label": opts.app_label,
            "module_name": capfirst(opts.verbose_name_plural),
            **(extra_context or {}),
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, self.object_history_template, context)

    def may_restore(self, request, obj) -> bool:
        """Restoring a version writes every field and row it holds: only for an editor who may
        change all of them (not a team editor, for whom a team's editors are read-only)."""
        if not self.has_change_permission(request, obj):
            return False
        if set(self.get_readonly_fields(request, obj)) - set(self.readonly_fields):
            return False
        inlines = self.get_inline_instances(request, obj)
        if len(inlines) < len(self.inlines):
            return False
        for inline in inlines:
            if set(inline.get_readonly_fields(request, obj)) - set(inline.readonly_fields):
                return False
            if not (
                inline.has_add_permission(request, obj)
                and inline.has_change_permission(request, obj)
                and inline.has_delete_permission(request, obj)
            ):
                return False
        return True

    def _history_fields(self, request, obj) -> dict:
        """{model: field names} this editor sees in the item's form and its inlines: the history
        shows no field the form hides from them (a person's private contact details, say)."""
        from django.contrib.admin.utils import flatten_fieldsets

        shown = {self.model: set(flatten_fieldsets(self.get_fieldsets(request, obj)))}
        for inline in self.get_inline_instances(request, obj):
            fields = set(flatten_fieldsets(inline.get_fieldsets(request, obj)))
            shown.setdefault(inline.model, set()).update(fields)
        return shown

    @staticmethod
    def _earlier_log(obj, before):
        """The admin's plain log of an item from before it was versioned."""
        from django.contrib.admin.models import LogEntry
        from django.contrib.contenttypes.models import ContentType

        entries = LogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(obj), object_id=str(obj.pk)
        ).select_related("user")
        if before is not None:
            entries = entries.filter(action_time__lt=before)
        return list(entries.order_by("-action_time")[:50])

    def change_view(self, request, object_id, form_url="", extra_context=None):
        from django.db import transaction

        if request.method != "POST":
            return self._change_view(request, object_id, form_url, extra_context)
        # One save of an item at a time: two editors (or tabs) saving at once are checked one
        # after the other against the version each opened (and the scheduled publishing of its
        # pending changes waits too: same order of locks, pending changes then item).
        with transaction.atomic():
            self._lock(object_id)
            return self._change_view(request, object_id, form_url, extra_context)

    def _lock(self, object_id) -> None:
        from django.contrib.contenttypes.models import ContentType

        from apps.core.models import PendingChange

        try:
            pk = self.model._meta.pk.to_python(unquote(object_id))
        except (ValidationError, ValueError, TypeError):
            return
        if self.drafts_enabled:
            list(
                PendingChange.objects.select_for_update()
                .filter(
                    content_type=ContentType.objects.get_for_model(self.model), object_id=str(pk)
                )
                .values_list("pk")
            )
        list(self.model._base_manager.select_for_update().filter(pk=pk).values_list("pk"))

    def _change_view(self, request, object_id, form_url, extra_context):
        from apps.core.pending import pending_for
        from apps.core.versions import keep_baseline

        try:
            obj = self.get_object(request, unquote(object_id))
        except (ValidationError, ValueError, TypeError):
            obj = None
        if obj is None or not self.has_change_permission(request, obj):
            return super().change_view(request, object_id, form_url, extra_context)
        if request.method == "POST":
            keep_baseline(obj)
        pending = pending_for(obj) if self.drafts_enabled else None
        request._pending_change = pending
        if pending is not None and self._may_not_settle(request, obj, pending, publishing=False):
            # Another editor's changes, which may touch what this editor cannot see or change
            # (a team's editors, say): the form shows the published version, and waits.
            if request.method == "POST":
                from django.shortcuts import redirect

                messages.error(request, gettext(FOREIGN_DRAFT))
                return redirect(request.path)
            request._foreign_draft = True
            return super().change_view(request, object_id, form_url, extra_context)
        drafting = self._drafting(request, obj, pending)
        if pending is None and not drafting:
            return super().change_view(request, object_id, form_url, extra_context)
        return self._change_with_draft(
            request, object_id, form_url, extra_context, obj, pending, drafting
        )

    def _drafting(self, request, obj, pending) -> bool:
        """Is this save one to keep as pending changes, the live version staying public? "Save
        the changes as a draft" or "Schedule the changes" on a live item, and a plain Save of an
        item that already has pending changes (only "Publish now" puts them online)."""
        if not self.drafts_enabled or request.method != "POST":
            return False
        action = next((a for a in PUBLISHING_ACTIONS if a in request.POST), None)
        if action in DRAFTING_ACTIONS:
            return pending is not None or publication_state(obj)[0] == "live"
        # A plain Save keeps pending changes pending, even when the draft the form was opened
        # on went live (or was discarded) meanwhile: only "Publish" publishes.
        opened_on_draft = bool(request.POST.get("_opened_on_draft"))
        return action is None and (
            pending is not None or (opened_on_draft and publication_state(obj)[0] == "live")
        )

    def _change_with_draft(
        self, request, object_id, form_url, extra_context, obj, pending, drafting
    ):
        """The change form of an item with pending changes, or a save kept as pending changes.

        The form opens on the draft: it is written over the live rows inside a transaction that
        is rolled back. A save to keep as a draft runs as an ordinary save in that transaction;
        what it wrote is read, the transaction rolled back, and the result kept as the item's
        pending changes. A save that publishes (Publish now, Unpublish) stays, and the draft
        goes."""
        from django.db import transaction
        from reversion.errors import RevertError

        from apps.core import pending as drafts

        request._keep_live = drafting
        action = next((a for a in PUBLISHING_ACTIONS if a in request.POST), None)
        # A plain Save keeps the schedule; "Save the changes as a draft" leaves them unscheduled.
        scheduled = pending.publish_at if pending is not None else None
        keeps_schedule = action is None and scheduled and scheduled > timezone.now()
        request._changes_at = scheduled if keeps_schedule else None
        publishing = request.method == "POST" and not drafting
        if pending is not None:
            request._live_changed = drafts.live_changed_since(pending, obj)
            refusal = self._may_not_settle(request, obj, pending) if publishing else ""
            if refusal:
                from django.shortcuts import redirect

                messages.error(request, refusal)
                return redirect(request.path)
        kept = None
        moved = []
        with transaction.atomic(), drafts.unshared(not publishing):
            if pending is not None:
                # Signals stay connected (muting them would mute them for every thread of the
                # process): what follows a save here waits for a commit (search, image files)
                # or only clears caches, so a rolled-back opening leaves nothing behind.
                try:
                    moved = drafts.write_over_live(pending, announce=publishing)
                except RevertError:
                    # Another item took their address since, say: the form opens on the
                    # published version, and the notice says what is wrong.
                    if request.method == "GET":
                        messages.warning(
                            request,
                            gettext(
                                "The pending changes cannot be opened: another item now uses "
                                "the same address, or something they refer to was deleted. The "
                                "form shows the published version; saving it replaces the "
                                "changes."
                            ),
                        )
            response = super().change_view(request, object_id, form_url, extra_context)
            saved = request.method == "POST" and response.status_code == 302
            if saved and publishing:
                if pending is not None:
                    drafts.discard(pending)
                    messages.info(
                        request,
                        gettext("The pending changes are published.")
                        if action != "_unpublish"
                        else gettext("Unpublished, with the pending changes applied."),
                    )
                    for old_path, new_path in moved:
                        messages.info(
                            request,
                            gettext(
                                "The old address %(old)s now redirects to the new one, %(new)s."
                            )
                            % {"old": old_path, "new": new_path},
                        )
                return response
            if saved:
                kept = drafts.current_state(obj)
            elif hasattr(response, "render"):
                response.render()
            transaction.set_rollback(True)
        if kept is None:
            return response
        drafts.keep(
            obj, kept, request.user, request._changes_at, rebase=self.may_restore(request, obj)
        )
        message = getattr(request, "_draft_change_message", None)
        if message:
            admin.ModelAdmin.log_change(self, request, obj, message)
        return response

    def discard_changes_view(self, request, object_id):
        """Discard an item's pending changes, after a confirmation: the live version stays."""
        from django.shortcuts import redirect
        from django.urls import reverse

        from apps.core.pending import discard, pending_for

        obj = self._object_or_404(request, object_id)
        if not self.has_change_permission(request, obj):
            raise PermissionDenied
        pending = pending_for(obj)
        change_url = reverse(self._url_name("change"), args=[obj.pk])
        if pending is None:
            messages.info(request, gettext("This item has no pending changes."))
            return redirect(change_url)
        refusal = self._may_not_settle(request, obj, pending, publishing=False)
        if refusal:
            messages.error(request, refusal)
            return redirect(change_url)
        if request.method == "POST":
            if request.POST.get("revision") != str(pending.revision_id):
                messages.error(
                    request,
                    gettext(
                        "The pending changes were saved again after you asked to discard them: "
                        "nothing was discarded. Look at them in the form first."
                    ),
                )
                return redirect(change_url)
            discard(pending)
            messages.success(
                request,
                gettext("The pending changes were discarded; the published version is unchanged."),
            )
            return redirect(change_url)
        context = {
            **self.admin_site.each_context(request),
            "title": gettext("Discard the pending changes of “%(item)s”?") % {"item": obj},
            "subtitle": None,
            "opts": self.model._meta,
            "object": obj,
            "pending_change": pending,
            "pending_by": _person(pending.saved_by),
            "change_url": change_url,
        }
        return TemplateResponse(request, "admin/core/discard_changes.html", context)

    def response_change(self, request, obj):
        from django.shortcuts import redirect

        if not getattr(request, "_keep_live", False):
            return super().response_change(request, obj)
        text = gettext(
            "Your changes are saved as a draft: visitors still see the published version. "
            "Preview them, publish them now or schedule them from this form."
        )
        when = getattr(request, "_changes_at", None)
        if "_save_draft" in request.POST:
            text = gettext(
                "Your changes are saved as a draft, not scheduled: visitors still see the "
                "published version. Preview them, publish them now or schedule them from this "
                "form."
            )
        if when is not None:
            text = gettext(
                "Your changes are saved as a draft and will be published on %(when)s; until "
                "then visitors see the published version."
            ) % {"when": date_format(timezone.localtime(when), "DATETIME_FORMAT")}
        messages.success(request, text)
        return redirect(request.path)

    def revision_view(self, request, object_id, version_id, extra_context=None):
        obj = self._object_or_404(request, object_id)
        if not self.may_restore(request, obj):
            raise PermissionDenied
        # The version must be one of this item's: reversion looks it up by number and object id
        # only, and reverting a version of another kind of item would change that item.
        from django.contrib.contenttypes.models import ContentType
        from reversion.models import Version

        if (
            not str(version_id).isdigit()
            or not Version.objects.filter(
                pk=int(version_id),
                content_type=ContentType.objects.get_for_model(self.model),
                object_id=str(obj.pk),
            ).exists()
        ):
            raise Http404
        return super().revision_view(request, object_id, version_id, extra_context)

    def _to_bin(self, request):
        from django.contrib.contenttypes.models import ContentType
        from django.shortcuts import redirect
        from django.urls import reverse

        content_type = ContentType.objects.get_for_model(self.model)
        url = reverse(f"{self.admin_site.name}:core_binentry_changelist")
        return redirect(f"{url}?content_type__id__exact={content_type.pk}")

    def recoverlist_view(self, request, extra_context=None):
        if not self.has_change_permission(request) or not self.has_add_permission(request):
            raise PermissionDenied
        return self._to_bin(request)

    def recover_view(self, request, version_id, extra_context=None):
        return self.recoverlist_view(request)

    def delete_model(self, request, obj):
        from django.db import transaction

        from apps.core.versions import throw_away

        with transaction.atomic():
            if self.bin_enabled:
                throw_away(obj, request.user)
            super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        from django.db import transaction

        from apps.core.versions import throw_away

        with transaction.atomic():
            if self.bin_enabled:
                for obj in queryset:
                    throw_away(obj, request.user)
            super().delete_queryset(request, queryset)
        if self.bin_enabled:
            self._say_binned(request)

    def response_delete(self, request, obj_display, obj_id):
        response = super().response_delete(request, obj_display, obj_id)
        if self.bin_enabled:
            self._say_binned(request)
        return response

    def _say_binned(self, request) -> None:
        from django.conf import settings
        from django.urls import reverse

        messages.info(
            request,
            format_html(
                '{} <a href="{}">{}</a>',
                gettext("Deleted items stay in the bin for %(days)s days; one click restores them.")
                % {"days": settings.BIN_RETENTION_DAYS},
                reverse(f"{self.admin_site.name}:core_binentry_changelist"),
                gettext("Open the bin"),
            ),
        )


def _person(user) -> str:
    if user is None:
        return gettext("someone")
    return user.get_full_name() or user.get_username()


class SingleRowAdminMixin:
    """The admin of a model that has one row (site settings, home page): its list leads straight
    to that row, or to adding it; only for those who may see the model."""

    def changelist_view(self, request, extra_context=None):
        from django.core.exceptions import PermissionDenied
        from django.shortcuts import redirect
        from django.urls import reverse

        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        opts = self.model._meta
        prefix = f"admin:{opts.app_label}_{opts.model_name}"
        row = self.model._default_manager.order_by("pk").first()
        if row is not None:
            return redirect(reverse(f"{prefix}_change", args=[row.pk]))
        return redirect(reverse(f"{prefix}_add"))


def image_preview(image, width=120):
    rendition = image.fallback(max_width=480) if image else None
    if not rendition:
        return "—"
    height = max(1, round(rendition.height * width / rendition.width))
    return format_html(
        '<img src="{}" alt="" width="{}" height="{}">', rendition.file.url, width, height
    )


# -- Spreadsheet exports ---------------------------------------------------------------------------

# A cell whose text starts with one of these is read as a formula by Excel, LibreOffice or Google
# Sheets (the full-width forms too, in some of them); tab, CR and LF hide such a start.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")
_PLAIN_NUMBER = re.compile(r"[+-]?[0-9]+(?:[.,][0-9]+)?")


def spreadsheet_safe(value):
    """A cell value that a spreadsheet shows as text and never runs as a formula.

    Text starting with = + - @ (or a tab, CR or LF) gets a leading apostrophe, as the OWASP
    advice on CSV injection says; a plain number such as "-3" is no formula and is kept, and
    values that are not text (numbers, booleans, dates in an XLSX file) are kept as they are.
    """
    if (
        isinstance(value, str)
        and value.startswith(FORMULA_TRIGGERS)
        and not _PLAIN_NUMBER.fullmatch(value)
    ):
        return "'" + value
    return value


def spreadsheet_unsafe(value):
    """The inverse of spreadsheet_safe for a cell read back from a file: "'=x" gives "=x", so an
    exported file imports back unchanged. Any other value is returned as it is."""
    if isinstance(value, str) and value.startswith("'") and value[1:].startswith(FORMULA_TRIGGERS):
        return value[1:]
    return value


class SpreadsheetSafeExportMixin:
    """For a django-import-export resource: every exported cell goes through spreadsheet_safe,
    whatever the format (CSV, XLSX...). Put it before ModelResource in the bases."""

    def export_field(self, field, instance, **kwargs):
        return spreadsheet_safe(super().export_field(field, instance, **kwargs))

    def get_export_headers(self, selected_fields=None):
        return [spreadsheet_safe(h) for h in super().get_export_headers(selected_fields)]

    def unescape_dataset(self, dataset) -> None:
        """Undo spreadsheet_safe in every cell of a dataset about to be imported."""
        for index in range(len(dataset)):
            row = tuple(dataset[index])
            cleaned = tuple(spreadsheet_unsafe(value) for value in row)
            if cleaned != row:
                dataset[index] = cleaned


# -- Imports (django-import-export) ----------------------------------------------------------------

MAX_IMPORT_BYTES = 10 * 1024 * 1024


def _pending_imports_backend() -> Storage:
    """The storage named "import_export" in STORAGES when there is one (a private bucket that
    several app servers share), else a folder of VAR_DIR that nothing serves."""
    if "import_export" in settings.STORAGES:
        return storages["import_export"]
    location = getattr(settings, "IMPORT_EXPORT_PENDING_DIR", None) or (
        Path(getattr(settings, "VAR_DIR", Path(settings.BASE_DIR) / "var")) / "private"
    )
    return FileSystemStorage(
        location=location, file_permissions_mode=0o600, directory_permissions_mode=0o700
    )


class PendingImportStorage(BaseStorage):
    """Where an uploaded import file waits between the preview and the confirm step
    (django-import-export's `tmp_storage_class`).

    - Its name is made here (32 random hex digits) and the file sits in a folder of the user who
      uploaded it (`pending-imports/<user id>/<name>`). The confirm form sends the name back: a
      name of any other shape is refused, and it is looked up only in the folder of the user who
      confirms, so a client can neither leave that folder (`../`) nor reach another user's file.
    - It is private: never in the public media storage (see _pending_imports_backend).
    - Files older than MAX_AGE (previews never confirmed) are deleted whenever one is saved;
      SafeImportExportMixin deletes the file as soon as the import is refused or confirmed.
    """

    FOLDER = "pending-imports"
    MAX_AGE = datetime.timedelta(hours=6)
    NAME = re.compile(r"[0-9a-f]{32}")

    def __init__(self, *, owner=None, **kwargs):
        super().__init__(**kwargs)
        self.owner = owner
        self.read_mode = "rb"  # the import formats decode text themselves
        self._storage = _pending_imports_backend()

    @classmethod
    def is_valid_name(cls, name) -> bool:
        return isinstance(name, str) and bool(cls.NAME.fullmatch(name))

    def _path(self) -> str:
        if not isinstance(self.owner, int) or not self.is_valid_name(self.name):
            raise SuspiciousFileOperation("A pending import needs its owner and a name made here.")
        return f"{self.FOLDER}/{self.owner}/{self.name}"

    def save(self, data):
        self.purge()
        if isinstance(data, str):
            data = data.encode(self.encoding or "utf-8")
        self.name = uuid.uuid4().hex
        self._storage.save(self._path(), ContentFile(data))

    def read(self):
        with self._storage.open(self._path(), "rb") as file:
            return file.read()

    def remove(self):
        if isinstance(self.owner, int) and self.is_valid_name(self.name):
            self._storage.delete(self._path())

    def purge(self, max_age: datetime.timedelta | None = None) -> None:
        """Deletes the pending files of every user older than `max_age` (default MAX_AGE)."""
        limit = timezone.now() - (max_age if max_age is not None else self.MAX_AGE)
        try:
            owners, _files = self._storage.listdir(self.FOLDER)
        except (OSError, NotImplementedError):
            return  # nothing pending yet
        for owner in owners:
            try:
                _dirs, names = self._storage.listdir(f"{self.FOLDER}/{owner}")
            except (OSError, NotImplementedError):
                continue
            for name in names:
                path = f"{self.FOLDER}/{owner}/{name}"
                try:
                    if self._storage.get_modified_time(path) < limit:
                        self._storage.delete(path)
                except (OSError, NotImplementedError):
                    continue


class PendingImportForm(ImportForm):
    """The upload step: a file of at most MAX_IMPORT_BYTES, which remembers who sent it (its
    pending copy goes in that user's folder)."""

    def __init__(self, formats, resources, *, user, **kwargs):
        super().__init__(formats, resources, **kwargs)
        self.user = user

    def clean_import_file(self):
        upload = self.cleaned_data["import_file"]
        if upload.size > MAX_IMPORT_BYTES:
            raise forms.ValidationError(
                gettext("The file is too large (%(size)s); the limit is %(limit)s.")
                % {"size": filesizeformat(upload.size), "limit": filesizeformat(MAX_IMPORT_BYTES)}
            )
        upload.import_owner = self.user.pk
        return upload


_INDEX = re.compile(r"[0-9]{1,3}")


class PendingConfirmImportForm(ConfirmImportForm):
    """The confirm step's hidden fields, all checked: a pending-file name made by
    PendingImportStorage, and the index of a format and of a resource that exist."""

    def __init__(self, *args, format_count=0, resource_count=0, **kwargs):
        super().__init__(*args, **kwargs)
        self.format_count = format_count
        self.resource_count = resource_count

    def clean_import_file_name(self):
        name = self.cleaned_data["import_file_name"]
        if not PendingImportStorage.is_valid_name(name):
            raise forms.ValidationError("Not the name of a pending import.", code="invalid")
        return name

    def _index(self, value, count):
        if not _INDEX.fullmatch(value or "") or int(value) >= count:
            raise forms.ValidationError("Out of range.", code="invalid")
        return value

    def clean_format(self):
        return self._index(self.cleaned_data["format"], self.format_count)

    def clean_resource(self):
        value = self.cleaned_data.get("resource") or ""
        return self._index(value, self.resource_count) if value else value


class SafeImportExportMixin(ImportExportMixin):
    """django-import-export's ImportExportMixin for a ModelAdmin, made safe:

    - Export needs the library's export permission (IMPORT_EXPORT_EXPORT_PERMISSION_CODE, when
      set) and the view permission of this admin; import the library's import permission and
      the change permission of this admin. Without them the URLs answer 403 and the buttons are
      not shown. (A ModelAdmin that narrows has_view/change_permission narrows these too; one
      that shows a user only part of its rows narrows get_export_queryset the same way.)
    - The uploaded file waits in a PendingImportStorage (private, per user, named by the
      server), is deleted at once when the preview offers no confirm (errors, unreadable file),
      and after the confirm whatever its outcome. A confirm with a missing, odd, another user's
      or already used file name, or an unknown format or resource, answers 400 with the upload
      form again, never a 500.
    - Exports: the resources should use SpreadsheetSafeExportMixin (no cell starts a formula).
    """

    # The formats editors use; the others (HTML, JSON, YAML, ODS, TSV) only widen what an
    # upload can throw at the parser.
    formats = [base_formats.CSV, base_formats.XLSX]
    tmp_storage_class = PendingImportStorage
    import_form_class = PendingImportForm
    confirm_form_class = PendingConfirmImportForm

    def has_export_permission(self, request):
        return super().has_export_permission(request) and self.has_view_permission(request)

    def has_import_permission(self, request):
        return super().has_import_permission(request) and self.has_change_permission(request)

    # -- the upload and its preview -----------------------------------------------------------

    def get_import_form_kwargs(self, request):
        return {**super().get_import_form_kwargs(request), "user": request.user}

    def write_to_tmp_storage(self, import_file, input_format):
        storage = self.get_tmp_storage_class()(
            owner=import_file.import_owner,
            encoding=None if input_format.is_binary() else self.from_encoding,
            **self.get_tmp_storage_class_kwargs(),
        )
        storage.save(b"".join(import_file.chunks()))
        import_file.pending_import = storage
        return storage

    def import_action(self, request, **kwargs):
        try:
            response = super().import_action(request, **kwargs)
        except BaseException:
            self._discard_pending_upload(request)
            raise
        if not (getattr(response, "context_data", None) or {}).get("confirm_form"):
            self._discard_pending_upload(request)  # nothing to confirm: do not keep the file
        return response

    @staticmethod
    def _discard_pending_upload(request) -> None:
        for upload in request.FILES.getlist("import_file"):
            storage = getattr(upload, "pending_import", None)
            if storage is not None:
                storage.remove()

    # -- the confirm step ---------------------------------------------------------------------

    def get_confirm_form_kwargs(self, request, import_form=None):
        return {
            **super().get_confirm_form_kwargs(request, import_form),
            "format_count": len(self.get_import_formats()),
            "resource_count": len(self.get_import_resource_classes(request)),
        }

    @method_decorator(require_POST)
    def process_import(self, request, **kwargs):
        if not self.has_import_permission(request):
            raise PermissionDenied
        confirm_form = self.create_confirm_form(request)
        if not confirm_form.is_valid():
            return self.refuse_confirm(request)
        storage = self.get_tmp_storage_class()(
            owner=request.user.pk,
            name=confirm_form.cleaned_data["import_file_name"],
            **self.get_tmp_storage_class_kwargs(),
        )
        input_format = self.get_import_formats()[int(confirm_form.cleaned_data["format"])](
            encoding=self.from_encoding
        )
        try:
            try:
                dataset = input_format.create_dataset(storage.read())
            except OSError:  # no such pending file for this user (any more)
                return self.refuse_confirm(request)
            except Exception:  # the file cannot be read in the format posted with it
                return self.refuse_confirm(request)
            result = self.process_dataset(dataset, confirm_form, request, **kwargs)
        finally:
            storage.remove()
        return self.process_result(result, request)

    def refuse_confirm(self, request):
        """400: the upload form again, with a message saying why."""
        messages.error(
            request,
            _(
                "This import cannot be confirmed: it has expired, was already done or was not "
                "yours. Please upload the file again."
            ),
        )
        resource_classes = self.get_import_resource_classes(request)
        form = self.get_import_form_class(request)(
            self.get_import_formats(), resource_classes, user=request.user
        )
        resource_kwargs = self.get_import_resource_kwargs(request, form=form)
        context = self.get_import_context_data()
        context.update(self.admin_site.each_context(request))
        context.update(
            title=_("Import"),
            form=form,
            opts=self.model._meta,
            media=self.media + form.media,
            fields_list=[
                (
                    resource.get_display_name(),
                    [f.column_name for f in resource.get_user_visible_fields()],
                )
                for resource in (cls(**resource_kwargs) for cls in resource_classes)
            ],
            import_error_display=self.import_error_display,
        )
        request.current_app = self.admin_site.name
        return TemplateResponse(request, [self.import_template_name], context, status=400)
