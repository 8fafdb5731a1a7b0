"""History an editor can use, and a bin: django-reversion keeps each saved version of public
content as one unit with its inline rows and both languages; this module reads those versions as
changes a person understands, snapshots an item before it is deleted, and brings it back.

- `describe_changes(older, newer)`: what changed between two versions, field by field and row by
  row, with labels in the reader's language and rich text as plain text; no-op saves say so.
- `throw_away(obj, user)`: before an editor deletes an item, its state (with its followed rows)
  becomes a revision of its own and a `BinEntry`, with the links other items had to it.
- `restore(entry, user)`: the item, its rows and those links come back, in one transaction.
- `empty_bin()`: entries older than `settings.BIN_RETENTION_DAYS` are removed for good.
"""

from __future__ import annotations

import datetime
import html
import json
import logging
import re
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import strip_tags
from django.utils.text import Truncator, capfirst
from django.utils.translation import gettext, gettext_noop
from reversion import revisions
from reversion.errors import RevertError
from reversion.models import Revision, Version

logger = logging.getLogger(__name__)
TEXT_LIMIT = 240
# Notes kept with a version, stored untranslated and shown in the reader's language.
DELETED = gettext_noop("Deleted")
BASELINE = gettext_noop("As it was before its first change in the admin")
RESTORED = gettext_noop("Restored from the bin")


class RestoreError(Exception):
    """An item in the bin could not come back; the message says why, for the editor."""


# Reading versions ------------------------------------------------------------------------------


def raw_fields(version: Version) -> dict:
    """The stored field values of a version, as serialized (robust to fields added or removed
    since: the caller skips what the model no longer has)."""
    try:
        data = json.loads(version.serialized_data)
        return dict(data[0].get("fields", {}))
    except (ValueError, LookupError, TypeError, AttributeError):
        return {}


def _translated(model) -> set[str]:
    """The fields django-modeltranslation splits into one per language (shown per language)."""
    from modeltranslation.translator import NotRegistered, translator

    try:
        return set(translator.get_options_for_model(model).all_fields)
    except NotRegistered:
        return set()


def _shown_fields(model) -> list[models.Field]:
    """The fields a person edits: not the automatic dates nor hidden bookkeeping, and each
    translated field in its languages only."""
    shown = []
    translated = _translated(model)
    for f in [*model._meta.concrete_fields, *model._meta.many_to_many]:
        if f.primary_key or not f.editable or getattr(f, "auto_now", False):
            continue
        if f.name in translated:
            continue
        if getattr(f, "auto_now_add", False):
            continue
        shown.append(f)
    return shown


BLOCK_END = re.compile(r"(</(p|li|h[1-6]|blockquote|div|ul|ol)>|<br\s*/?>)", re.I)


def _plain(text: str) -> str:
    return Truncator(_plain_all(text)).chars(TEXT_LIMIT)


def _related_repr(model, pks) -> str:
    found = {str(o.pk): str(o) for o in model._base_manager.filter(pk__in=pks)}
    return ", ".join(found.get(str(pk), gettext("#%(id)s (deleted)") % {"id": pk}) for pk in pks)


def show_value(f: models.Field, value) -> str:
    """A stored value as an editor reads it: a name for a link, a label for a choice, text for
    rich text, a local date for a date."""
    if value in (None, "", []):
        return gettext("(empty)")
    if f.many_to_many:
        return _related_repr(f.related_model, list(value))
    if f.is_relation:
        return _related_repr(f.related_model, [value])
    if f.choices:
        return str(dict(f.flatchoices).get(value, value))
    if isinstance(f, models.BooleanField):
        return gettext("yes") if value else gettext("no")
    try:
        parsed = f.to_python(value)
    except (ValidationError, TypeError, ValueError):
        parsed = value
    if isinstance(parsed, datetime.datetime):
        if timezone.is_aware(parsed):
            parsed = timezone.localtime(parsed)
        return date_format(parsed, "DATETIME_FORMAT")
    if isinstance(parsed, datetime.date):
        return date_format(parsed, "DATE_FORMAT")
    if isinstance(parsed, datetime.time):
        return parsed.strftime("%H:%M")
    return _plain(parsed)


def _same(f: models.Field, a, b) -> bool:
    if f.many_to_many:
        return sorted(map(str, a or [])) == sorted(map(str, b or []))
    if a in (None, "") and b in (None, ""):
        return True
    if isinstance(f, models.DateField | models.TimeField):
        # Stored as text with or without fractions of a second: the same time as read is the
        # same value (a no-op save is not a change).
        return show_value(f, a) == show_value(f, b)
    if isinstance(a, str) and isinstance(b, str):
        # Line endings and spacing are not changes (browsers send text areas with \r\n).
        return re.sub(r"\s+", " ", a).strip() == re.sub(r"\s+", " ", b).strip()
    try:
        return f.to_python(a) == f.to_python(b)
    except (ValidationError, TypeError, ValueError):
        return a == b


@dataclass
class FieldChange:
    label: str
    old: str
    new: str


@dataclass
class RowChange:
    kind: str  # "added", "removed" or "changed"
    what: str  # "Membership « Ana Pérez – Lab »"
    fields: list[FieldChange] = field(default_factory=list)


@dataclass
class Changes:
    fields: list[FieldChange] = field(default_factory=list)
    rows: list[RowChange] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.fields or self.rows)


def field_changes(
    model, old: dict | None, new: dict, skip: tuple[str, ...] = (), only: set | None = None
) -> list:
    changes = []
    for f in _shown_fields(model):
        if f.name in skip or f.name not in new or (only is not None and f.name not in only):
            continue
        before = (old or {}).get(f.name)
        if old is not None and f.name in old and _same(f, before, new[f.name]):
            continue
        if old is None and new[f.name] in (None, "", [], False):
            continue
        old_text = "" if old is None else show_value(f, before)
        new_text = show_value(f, new[f.name])
        long_texts = (
            old is not None
            and not f.choices
            and isinstance(f, models.CharField | models.TextField)
            and isinstance(new[f.name], str)
            and isinstance(before, str)
            and max(len(new[f.name]), len(before)) > TEXT_LIMIT
        )
        if long_texts:
            old_text, new_text = _around_the_change(_plain_all(before), _plain_all(new[f.name]))
        changes.append(FieldChange(label=capfirst(str(f.verbose_name)), old=old_text, new=new_text))
    return changes


def _plain_all(text: str) -> str:
    text = html.unescape(strip_tags(BLOCK_END.sub(r"\1 ", str(text))))
    return re.sub(r"\s+", " ", text).strip()


def _around_the_change(old: str, new: str, context: int = 60) -> tuple[str, str]:
    """Two long texts cut to the part that differs, with a little context on each side, so
    an edit near the end of a long text shows (not two identical beginnings)."""
    if not old:
        return gettext("(empty)"), Truncator(new).chars(TEXT_LIMIT)
    if not new:
        return Truncator(old).chars(TEXT_LIMIT), gettext("(empty)")
    if len(old) <= TEXT_LIMIT and len(new) <= TEXT_LIMIT:
        return old, new
    start = 0
    while start < min(len(old), len(new)) and old[start] == new[start]:
        start += 1
    end = 0
    while (
        end < min(len(old), len(new)) - start and old[len(old) - 1 - end] == new[len(new) - 1 - end]
    ):
        end += 1
    begin = max(0, start - context)

    def cut(text: str) -> str:
        stop = min(len(text), len(text) - end + context)
        part = text[begin:stop]
        part = Truncator(part).chars(TEXT_LIMIT * 2)
        return ("…" if begin else "") + part + ("…" if stop < len(text) else "")

    return cut(old), cut(new)


def _followed_rows(version: Version, revision_versions) -> dict[tuple, Version]:
    """The rows a version's revision holds besides the item itself: its inline rows."""
    return {
        (v.content_type_id, v.object_id): v
        for v in revision_versions
        if (v.content_type_id, v.object_id) != (version.content_type_id, version.object_id)
    }


def _row_model(v: Version):
    return ContentType.objects.get_for_id(v.content_type_id).model_class()


def _parent_links(row_model, parent_model) -> tuple[str, ...]:
    return tuple(
        f.name
        for f in row_model._meta.concrete_fields
        if f.is_relation and f.related_model is parent_model
    )


def describe_changes(
    older: Version | None, newer: Version, older_rows=(), newer_rows=(), shown=None
):
    """What changed from `older` (None: the first version) to `newer`, the rows of their
    revisions given (so a list of versions costs no query per version). `shown`, when given,
    is {model: field names} the reader may see; other fields and rows are left out."""
    model = newer._model
    only = None if shown is None else shown.get(model, set())
    old_fields = None if older is None else raw_fields(older)
    changes = Changes(field_changes(model, old_fields, raw_fields(newer), (), only))
    before = _followed_rows(older, older_rows) if older is not None else {}
    after = _followed_rows(newer, newer_rows)
    for key in sorted(set(before) | set(after), key=lambda k: (k[0], str(k[1]))):
        old_row, new_row = before.get(key), after.get(key)
        row_model = _row_model(new_row or old_row)
        if row_model is None or (shown is not None and row_model not in shown):
            continue
        row_only = None if shown is None else shown[row_model]
        name = capfirst(str(row_model._meta.verbose_name))
        what = f"{name} « {(new_row or old_row).object_repr} »"
        skip = _parent_links(row_model, model)
        if old_row is None:
            if older is not None:
                changes.rows.append(RowChange("added", what))
        elif new_row is None:
            changes.rows.append(RowChange("removed", what))
        else:
            diff = field_changes(
                row_model, raw_fields(old_row), raw_fields(new_row), skip, row_only
            )
            if diff:
                changes.rows.append(RowChange("changed", what, diff))
    return changes


@dataclass
class HistoryLine:
    version: Version
    changes: Changes
    first: bool

    @property
    def comment(self) -> str:
        """Our own notes are stored untranslated ("Deleted"), and read in the reader's language."""
        comment = self.version.revision.comment
        return gettext(comment) if comment else ""


def history_of(model, object_id, shown=None) -> list[HistoryLine]:
    """Every version of one item, newest first, each with what it changed (only the fields and
    rows in `shown`, {model: field names}, when given)."""
    versions = list(
        Version.objects.get_for_object_reference(model, object_id)
        .filter(revision__pending_change__isnull=True)  # changes not yet published
        .select_related("revision__user")
        .order_by("revision__date_created", "pk")
    )
    revision_ids = {v.revision_id for v in versions}
    rows: dict[int, list[Version]] = {}
    for v in Version.objects.filter(revision_id__in=revision_ids).only(
        "pk", "revision_id", "content_type_id", "object_id", "object_repr", "serialized_data"
    ):
        rows.setdefault(v.revision_id, []).append(v)
    lines = []
    previous = None
    for v in versions:
        changes = describe_changes(
            previous,
            v,
            rows.get(previous.revision_id, []) if previous else (),
            rows.get(v.revision_id, []),
            shown,
        )
        lines.append(HistoryLine(v, changes, previous is None))
        previous = v
    return lines[::-1]


# The bin ----------------------------------------------------------------------------------------


def versions_of(obj) -> list[Version]:
    """Unsaved versions of `obj` and the rows it follows (its inline rows), as they are now in
    the database; `snapshot` saves them as a revision."""
    versions = []
    for item in revisions._follow_relations_recursive(obj):
        options = revisions._get_options(type(item))
        versions.append(
            Version(
                content_type=ContentType.objects.get_for_model(item),
                object_id=str(item.pk),
                db="default",
                format=options.format,
                serialized_data=serializers.serialize(
                    options.format, (item,), fields=options.fields
                ),
                object_repr=str(item)[:191],
            )
        )
    return versions


def snapshot(obj, user=None, comment: str = "", versions=None) -> Revision:
    """A revision of its own holding `obj` and the rows it follows (or the `versions` given),
    whatever revision block may be open around the call."""
    versions = versions_of(obj) if versions is None else versions
    revision = Revision.objects.create(
        date_created=timezone.now(),
        user=user if getattr(user, "pk", None) else None,
        comment=comment,
    )
    for version in versions:
        version.revision = revision
    Version.objects.bulk_create(versions)
    return revision


def links_to(obj) -> dict[str, list]:
    """What other items held of `obj` that a deletion undoes and its rows do not keep: their
    many-to-many links to it, and their optional links (set to empty when it goes)."""
    links: dict[str, list] = {}
    for relation in type(obj)._meta.related_objects:
        remote = relation.remote_field
        related_model = relation.related_model
        kept = relation.many_to_many or (
            relation.one_to_many and relation.on_delete is models.SET_NULL
        )
        if not kept:
            continue
        linked = related_model._base_manager.filter(**{remote.name: obj})
        pks = list(linked.values_list("pk", flat=True))
        if pks:
            links[f"{related_model._meta.label}.{remote.name}"] = pks
    return links


def keep_baseline(obj) -> None:
    """An item about to be changed that has no version yet (made before versions were kept, or
    by a script): its current state becomes its first version, so the change shows as one."""
    if not Version.objects.get_for_object(obj).exists():
        snapshot(obj, None, BASELINE)


def throw_away(obj, user) -> None:
    """Before `obj` is deleted: its snapshot and the links to it go to the bin."""
    from apps.core.models import BinEntry

    revision = snapshot(obj, user, DELETED)
    # Its pending changes (apps.core.pending) go: the bin keeps the live version.
    Revision.objects.filter(
        pending_change__content_type=ContentType.objects.get_for_model(obj),
        pending_change__object_id=str(obj.pk),
    ).delete()
    BinEntry.objects.create(
        content_type=ContentType.objects.get_for_model(obj),
        object_id=str(obj.pk),
        object_repr=str(obj)[:300],
        deleted_by=user if getattr(user, "pk", None) else None,
        revision=revision,
        links=links_to(obj),
    )


def _relink(obj, links: dict) -> None:
    from django.apps import apps

    for key, pks in (links or {}).items():
        label, _dot, field_name = key.rpartition(".")
        try:
            model = apps.get_model(label)
            link = model._meta.get_field(field_name)
        except (LookupError, ValueError):
            continue
        if not isinstance(pks, list):
            continue
        others = model._base_manager.filter(pk__in=[pk for pk in pks if isinstance(pk, int | str)])
        if link.many_to_many:
            for other in others:
                getattr(other, field_name).add(obj)
        else:
            others.filter(**{f"{field_name}__isnull": True}).update(**{field_name: obj})


def restore(entry, user):
    """Bring an item back from the bin with its rows and links; the entry goes. Raises
    RestoreError, with nothing changed, when it cannot come back."""
    model = entry.content_type.model_class()
    if model is None:
        raise RestoreError(gettext("This kind of content no longer exists on the site."))
    if model._base_manager.filter(pk=entry.object_id).exists():
        raise RestoreError(gettext("This item already exists: it was restored before."))
    _refuse_taken_values(model, entry)
    try:
        with transaction.atomic():
            entry.revision.revert(delete=False)
            obj = model._base_manager.get(pk=entry.object_id)
            _relink(obj, entry.links)
            with revisions.create_revision():
                # An ordinary save, so what follows a save (search, caches, addresses) follows.
                obj.save()
                revisions.set_user(user)
                revisions.set_comment(RESTORED)
            entry.delete()
    except (RevertError, IntegrityError, ObjectDoesNotExist):
        logger.warning("bin: could not restore %s", entry, exc_info=True)
        raise RestoreError(
            gettext(
                "It could not be restored: something it depends on (for example the person of "
                "a membership, or the parent of a page) was deleted too. Restore that first."
            )
        ) from None
    return obj


def _refuse_taken_values(model, entry) -> None:
    """A value the item must have alone (its address, say) that another item took since: the
    editor is told which one, and by whom."""
    fields = raw_fields(
        Version.objects.filter(
            revision_id=entry.revision_id,
            content_type_id=entry.content_type_id,
            object_id=entry.object_id,
        ).first()
    )
    for f in model._meta.concrete_fields:
        value = fields.get(f.name)
        if not f.unique or f.primary_key or value in (None, ""):
            continue
        holder = model._base_manager.filter(**{f.name: value}).first()
        if holder is not None:
            raise RestoreError(
                gettext(
                    "It could not be restored: “%(other)s” now has the same %(field)s "
                    "(“%(value)s”). Change that item's %(field)s, then restore this one."
                )
                % {"other": holder, "field": f.verbose_name, "value": value}
            )


def forget_for_good(entries) -> int:
    """Remove bin entries for good: their snapshots, and the redirects to their items."""
    from apps.core.models import Redirect

    rows = list(entries.values_list("revision_id", "content_type_id", "object_id"))
    with transaction.atomic():
        for _revision, kind, pk in rows:
            Redirect.objects.filter(content_type_id=kind, object_id=pk).delete()
        # The snapshot revisions hold nothing else; removing them removes the entries too.
        Revision.objects.filter(pk__in=[revision for revision, _kind, _pk in rows]).delete()
    return len(rows)


def bin_expiry(deleted_at: datetime.datetime) -> datetime.datetime:
    return deleted_at + datetime.timedelta(days=settings.BIN_RETENTION_DAYS)


def empty_bin(now=None) -> int:
    """Remove for good what has been in the bin longer than the retention. Returns how many."""
    from apps.core.models import BinEntry

    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=settings.BIN_RETENTION_DAYS)
    return forget_for_good(BinEntry.objects.filter(deleted_at__lt=cutoff))
