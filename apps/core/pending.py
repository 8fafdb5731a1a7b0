"""Changes to live content kept as a draft: visitors see the live version until the changes are
published, now or at a time, with no scheduler.

An editor saves changes to a live item "as a draft": the admin saves the form as usual inside a
transaction, reads the result (the item and its inline rows, as django-reversion serializes them)
and rolls the transaction back, so the live rows never change. The result is kept as a revision
of its own, linked by a `PendingChange`, outside the item's history. While it exists, the change
form opens on it (reverted inside a transaction that is rolled back), so editors work on the
draft; "Publish now" saves the form for real and drops the draft.

Scheduled changes go live on the first request after their time (`PendingChangesMiddleware`):
the time of the next one is kept in the cache for a minute at most, so a request costs a cache
read, and a query once a minute.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import logging
from contextlib import contextmanager
from types import SimpleNamespace

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db import IntegrityError, connection, transaction
from django.db.models import Min
from django.utils import timezone
from django.utils.translation import gettext_noop
from reversion import revisions
from reversion.errors import RevertError

from apps.core.models import PendingChange
from apps.core.versions import raw_fields, snapshot, versions_of

logger = logging.getLogger(__name__)

NEXT_DUE_KEY = "core:pending-changes:next-due:v1"
RECHECK_SECONDS = 60
# Notes kept with the version that a published draft becomes, and reasons kept with changes
# that could not go live: stored untranslated, read in the reader's language.
PUBLISHED_AS_SCHEDULED = gettext_noop("Changes published at their scheduled time")
CONFLICT = gettext_noop(
    "The changes could not be published: another item now uses the same address, or something "
    "they refer to was deleted. Check them, then publish them again."
)
LIVE_CHANGED = gettext_noop(
    "The published version changed after these changes were saved (someone changed it, or a "
    "list action unpublished it): publishing them as they are would undo that. Check them "
    "against the published version, then publish them again."
)
AUTHOR_LOCKED_OUT = gettext_noop(
    "The editor who saved these changes may no longer change this item: another editor must "
    "check and publish them."
)
FAILED = gettext_noop("The changes could not be published. Check them, then publish them again.")


def pending_for(obj) -> PendingChange | None:
    if obj is None or obj.pk is None:
        return None
    return (
        PendingChange.objects.filter(
            content_type=ContentType.objects.get_for_model(obj), object_id=str(obj.pk)
        )
        .select_related("saved_by", "revision")
        .first()
    )


def current_state(obj) -> list:
    """The item and its followed rows as the database holds them now (inside a transaction that
    is about to be rolled back, that is the draft)."""
    return versions_of(type(obj)._base_manager.get(pk=obj.pk))


def live_state(obj) -> str:
    """A hash of the item and its followed rows as the database holds them (not the times a
    save stamps), to tell whether the live version changed since changes were drafted on it."""
    rows = []
    for version in versions_of(obj):
        model = version.content_type.model_class()
        stamped = {f.name for f in model._meta.concrete_fields if getattr(f, "auto_now", False)}
        fields = {k: v for k, v in raw_fields(version).items() if k not in stamped}
        rows.append([version.content_type_id, version.object_id, fields])
    rows.sort(key=lambda row: (row[0], row[1]))
    data = json.dumps(rows, sort_keys=True, default=str).encode()
    return hashlib.sha256(data).hexdigest()


def keep(
    obj, versions, user, publish_at: datetime.datetime | None = None, rebase: bool = False
) -> PendingChange:
    """Keep `versions` (from `current_state`) as the item's pending changes, in place of any
    earlier ones, whose starting point they keep (they were made on it) unless `rebase`: an
    editor who may change everything saved them over the live version of the moment, warned
    by the form when it changed."""
    obj = type(obj)._base_manager.get(pk=obj.pk)
    user = user if getattr(user, "pk", None) else None
    with transaction.atomic():
        earlier = pending_for(obj)
        base = earlier.base if earlier is not None and not rebase else live_state(obj)
        several = earlier is not None and (
            earlier.several_authors or earlier.saved_by_id != getattr(user, "pk", None)
        )
        discard(earlier)
        change = PendingChange.objects.create(
            content_type=ContentType.objects.get_for_model(obj),
            object_id=str(obj.pk),
            revision=snapshot(obj, user, versions=versions),
            saved_by=user,
            publish_at=publish_at,
            base=base,
            several_authors=several,
        )
    forget_next_due()
    return change


def live_changed_since(change: PendingChange, obj) -> bool:
    """Did the live version change after the changes were drafted on it (another item's form
    changed a shared row, a list action unpublished it, a version was restored)?"""
    return bool(change.base) and change.base != live_state(obj)


def may_still_change(change: PendingChange, obj) -> bool:
    """May the editor who saved the changes still change the item (same rules as their form)?"""
    from django.contrib import admin

    user = change.saved_by
    model_admin = admin.site._registry.get(type(obj))
    if user is None or not user.is_active or not user.is_staff or model_admin is None:
        return False
    return model_admin.has_change_permission(SimpleNamespace(user=user, method="GET"), obj)


def discard(change: PendingChange | None) -> None:
    if change is not None:
        change.revision.delete()  # the change goes with its revision
        forget_next_due()


def write_over_live(change: PendingChange, announce: bool = True) -> list:
    """Write the draft over the live rows (the caller's transaction decides whether it stays);
    RevertError when they cannot take it. `announce`: first an ordinary save of the item, while
    the database still holds the live version, so that what follows a save sees the change (a
    changed address redirects)."""
    moved = []
    try:
        with transaction.atomic():
            if announce:
                main = change.revision.version_set.filter(
                    content_type=change.content_type, object_id=change.object_id
                ).first()
                if main is not None:
                    item = main._object_version.object
                    item.save()
                    moved = getattr(item, "_moved_addresses", [])
            change.revision.revert(delete=True)
            # PostgreSQL checks links at commit; now, so a link to a row deleted since is
            # refused here, as the draft's fault, and not when the caller commits.
            with connection.cursor() as cursor:
                cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
                cursor.execute("SET CONSTRAINTS ALL DEFERRED")
    except IntegrityError as exc:  # another item took a value the draft holds alone
        raise RevertError(str(exc)) from exc
    return moved  # [(old path, new path)] when the draft gives the item a new address


@contextmanager
def unshared(active: bool = True):
    """While rows that will be rolled back are in the database, nothing reaches the shared
    cache (apps.core.preview.cache_set)."""
    from apps.core.preview import previewing

    token = previewing.set(True) if active else None
    try:
        yield
    finally:
        if token is not None:
            previewing.reset(token)


@contextmanager
def showing(change: PendingChange | None):
    """Inside the block, the database holds the draft; nothing of it stays after the block, and
    nothing rendered meanwhile reaches the shared cache."""
    if change is None:
        yield
        return
    with unshared(), transaction.atomic():
        write_over_live(change, announce=False)
        yield
        transaction.set_rollback(True)


class PublishError(Exception):
    """The draft could not go live; the message (untranslated) says why, for the editor."""


def publish(change: PendingChange, user=None, comment: str = ""):
    """The draft becomes the live item: an ordinary save (so what follows a save follows: old
    addresses redirect, search and caches update) and a version in its history. Returns the item,
    or None when it no longer exists (the draft is dropped)."""
    model = change.content_type.model_class()
    obj = model._base_manager.filter(pk=change.object_id).first() if model else None
    if obj is None:
        discard(change)
        return None
    try:
        with transaction.atomic():
            write_over_live(change)
            obj = model._base_manager.get(pk=obj.pk)
            with revisions.create_revision():
                obj.save()
                revisions.set_user(user or change.saved_by)
                if comment:
                    revisions.set_comment(comment)
            change.revision.delete()
    except (RevertError, IntegrityError, ObjectDoesNotExist, ValidationError) as exc:
        logger.warning("pending changes of %s could not be published", change, exc_info=True)
        raise PublishError(CONFLICT) from exc
    forget_next_due()
    return obj


def _why_not(change: PendingChange) -> str:
    """Why scheduled changes may not go live by themselves, or ""."""
    model = change.content_type.model_class()
    obj = model._base_manager.filter(pk=change.object_id).first() if model else None
    if obj is None:
        return ""  # publish() drops them
    if live_changed_since(change, obj):
        return LIVE_CHANGED
    if not may_still_change(change, obj):
        return AUTHOR_LOCKED_OUT
    return ""


def _hold(pk: int, problem: str) -> None:
    PendingChange.objects.filter(pk=pk).update(publish_at=None, problem=problem)


def publish_due(now=None) -> int:
    """Publish every draft whose time has come; a draft that cannot go live waits, unscheduled,
    with the reason. Returns how many went live."""
    now = now or timezone.now()
    done = 0
    due = PendingChange.objects.filter(publish_at__lte=now).order_by("publish_at", "pk")
    for pk in list(due.values_list("pk", flat=True)):
        try:
            with transaction.atomic():
                # Another worker may be publishing it at the same moment: it keeps it.
                change = (
                    PendingChange.objects.select_for_update(skip_locked=True, of=("self",))
                    .filter(pk=pk, publish_at__lte=now)
                    .select_related("content_type", "revision", "saved_by")
                    .first()
                )
                if change is None:
                    continue
                problem = _why_not(change)
                if problem:
                    _hold(pk, problem)
                    continue
                try:
                    publish(change, comment=PUBLISHED_AS_SCHEDULED)
                    done += 1
                except PublishError as exc:
                    _hold(pk, str(exc))
        except Exception:  # whatever it is, one draft never holds up the others
            logger.exception("pending changes %s could not be published", pk)
            _hold(pk, FAILED)
    forget_next_due()
    return done


def forget_next_due() -> None:
    cache.delete(NEXT_DUE_KEY)


def publish_due_if_any(now=None) -> int:
    """What a request pays: a cache read; a query when the cache has forgotten (each minute at
    most, so every app server sees a change scheduled through another); the publishing itself
    only when a draft is due."""
    now = now or timezone.now()
    next_due = cache.get(NEXT_DUE_KEY)
    if next_due is None:
        first = PendingChange.objects.aggregate(first=Min("publish_at"))["first"]
        next_due = first.timestamp() if first else 0.0
        cache.set(NEXT_DUE_KEY, next_due, RECHECK_SECONDS)
    if not next_due or next_due > now.timestamp():
        return 0
    return publish_due(now)


class PendingChangesMiddleware:
    """Scheduled changes go live on the first request after their time, before the page is
    built (as a future `publish_at` does, with no scheduler)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            publish_due_if_any()
        except Exception:
            # Never the reason a page fails: the view answers a database or cache outage as it
            # does, and the next request tries again.
            logger.warning("pending changes: could not check for due changes", exc_info=True)
        return self.get_response(request)
