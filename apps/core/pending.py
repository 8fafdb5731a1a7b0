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
import logging
from contextlib import contextmanager

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Min
from django.utils import timezone
from django.utils.translation import gettext, gettext_noop
from reversion import revisions
from reversion.errors import RevertError

from apps.core.models import PendingChange
from apps.core.versions import snapshot, versions_of

logger = logging.getLogger(__name__)

NEXT_DUE_KEY = "core:pending-changes:next-due:v1"
RECHECK_SECONDS = 60
# Notes kept with the version that a published draft becomes (stored untranslated).
PUBLISHED_AS_SCHEDULED = gettext_noop("Changes published at their scheduled time")


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


def keep(obj, versions, user, publish_at: datetime.datetime | None = None) -> PendingChange:
    """Keep `versions` (from `current_state`) as the item's pending changes, in place of any
    earlier ones."""
    with transaction.atomic():
        discard(pending_for(obj))
        change = PendingChange.objects.create(
            content_type=ContentType.objects.get_for_model(obj),
            object_id=str(obj.pk),
            revision=snapshot(obj, user, versions=versions),
            saved_by=user if getattr(user, "pk", None) else None,
            publish_at=publish_at,
        )
    forget_next_due()
    return change


def discard(change: PendingChange | None) -> None:
    if change is not None:
        change.revision.delete()  # the change goes with its revision
        forget_next_due()


def write_over_live(change: PendingChange, announce: bool = True) -> None:
    """Write the draft over the live rows (the caller's transaction decides whether it stays);
    RevertError when they cannot take it. `announce`: first an ordinary save of the item, while
    the database still holds the live version, so that what follows a save sees the change (a
    changed address redirects)."""
    try:
        with transaction.atomic():
            if announce:
                main = change.revision.version_set.filter(
                    content_type=change.content_type, object_id=change.object_id
                ).first()
                if main is not None:
                    main._object_version.object.save()
            change.revision.revert(delete=True)
    except IntegrityError as exc:  # another item took a value the draft holds alone
        raise RevertError(str(exc)) from exc


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
    """The draft could not go live; the message says why, for the editor."""


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
        raise PublishError(
            gettext(
                "The changes could not be published: another item now uses the same address, "
                "or something they refer to was deleted. Check them, then publish them again."
            )
        ) from exc
    forget_next_due()
    return obj


def publish_due(now=None) -> int:
    """Publish every draft whose time has come; a draft that cannot go live waits, unscheduled,
    with the reason. Returns how many went live."""
    now = now or timezone.now()
    done = 0
    due = PendingChange.objects.filter(publish_at__lte=now).order_by("publish_at", "pk")
    for pk in list(due.values_list("pk", flat=True)):
        with transaction.atomic():
            # Another worker may be publishing it at the same moment: it keeps it.
            change = (
                PendingChange.objects.select_for_update(skip_locked=True)
                .filter(pk=pk, publish_at__lte=now)
                .select_related("content_type", "revision")
                .first()
            )
            if change is None:
                continue
            try:
                publish(change, comment=PUBLISHED_AS_SCHEDULED)
                done += 1
            except PublishError as exc:
                PendingChange.objects.filter(pk=pk).update(publish_at=None, problem=str(exc))
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
