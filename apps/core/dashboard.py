"""The admin's home page: what needs an editor's attention, in the order they act on it, and a
search across every kind of content they may open.

Each section only covers the models the editor may look at (their admin's view permission, and
a team editor's own teams through that admin's queryset), and costs a fixed number of queries,
whatever the amount of content: one per kind of content at most, each limited.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.contrib.admin.utils import quote
from django.contrib.contenttypes.models import ContentType
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from apps.core.models import Publishable

SOON = datetime.timedelta(days=7)
RECENT = datetime.timedelta(days=14)
SHOWN = 8  # rows per section
SEARCH_PER_KIND = 5


@dataclass
class Row:
    label: str
    url: str
    kind: str
    when: datetime.datetime | None = None
    note: str = ""
    count: int = 0


@dataclass
class Section:
    key: str
    rows: list[Row] = field(default_factory=list)
    more_url: str = ""


def _admin_url(model, name: str, *args, query: str = "") -> str:
    opts = model._meta
    try:
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_{name}", args=args)
    except NoReverseMatch:
        return ""
    return f"{url}?{query}" if query else url


def _visible_admins(request, admin_site, publishable_only=False):
    """(model, model_admin) the editor may look at, in the admin's order."""
    found = []
    for model, model_admin in admin_site._registry.items():
        if publishable_only and not issubclass(model, Publishable):
            continue
        if model_admin.has_view_permission(request):
            found.append((model, model_admin))
    return sorted(found, key=lambda pair: (pair[0]._meta.app_label, pair[0]._meta.model_name))


def _kind(model) -> str:
    return str(model._meta.verbose_name).capitalize()


def my_drafts(request, admin_site) -> Section:
    """Drafts the editor saved last, and their changes to live items not published yet."""
    from reversion.models import Version

    from apps.core.models import PendingChange

    section = Section("drafts")
    pending = PendingChange.objects.filter(saved_by=request.user).select_related("content_type")
    visible = dict(_visible_admins(request, admin_site, publishable_only=True))
    by_kind: dict = {}
    for change in pending.order_by("-saved_at")[:SHOWN]:
        model = change.content_type.model_class()
        if model in visible:
            by_kind.setdefault(model, {})[change.object_id] = change
    # The items the editor saved lately (their revisions), of which the drafts.
    recent = (
        Version.objects.filter(
            revision__user=request.user, revision__date_created__gte=timezone.now() - RECENT * 4
        )
        .exclude(revision__pending_change__isnull=False)
        .order_by("-revision__date_created")
        .values_list("content_type_id", "object_id")[:200]
    )
    ids: dict = {}
    for content_type_id, object_id in recent:
        ids.setdefault(content_type_id, []).append(object_id)
    types = ContentType.objects.get_for_models(*visible)
    for model, model_admin in visible.items():
        wanted = set(ids.get(types[model].pk, ())) | set(by_kind.get(model, {}))
        if not wanted:
            continue
        queryset = model_admin.get_queryset(request).filter(pk__in=wanted)
        for obj in queryset.order_by("-updated_at")[:SHOWN]:
            change = by_kind.get(model, {}).get(str(obj.pk))
            if change is None and obj.status != Publishable.Status.DRAFT:
                continue
            section.rows.append(
                Row(
                    label=str(obj),
                    url=_admin_url(model, "change", quote(obj.pk)),
                    kind=_kind(model),
                    when=change.saved_at if change else obj.updated_at,
                    note="changes" if change else "draft",
                )
            )
    section.rows.sort(key=lambda row: row.when or timezone.now(), reverse=True)
    section.rows = section.rows[:SHOWN]
    return section


def scheduled_soon(request, admin_site) -> Section:
    """What goes online or offline in the next 7 days, changes scheduled included."""
    from apps.core.models import PendingChange

    now = timezone.now()
    until = now + SOON
    section = Section("scheduled")
    visible = dict(_visible_admins(request, admin_site, publishable_only=True))
    for model, model_admin in visible.items():
        queryset = model_admin.get_queryset(request).filter(status=Publishable.Status.PUBLISHED)
        for when, note in (("publish_at", "publish"), ("unpublish_at", "unpublish")):
            due = queryset.filter(**{f"{when}__gt": now, f"{when}__lte": until})
            for obj in due.order_by(when)[:SHOWN]:
                section.rows.append(
                    Row(str(obj), _admin_url(model, "change", quote(obj.pk)), _kind(model),
                        getattr(obj, when), note)
                )  # fmt: skip
    changes: dict = {}
    soon = PendingChange.objects.filter(publish_at__gt=now, publish_at__lte=until)
    for change in soon.select_related("content_type").order_by("publish_at")[:SHOWN]:
        model = change.content_type.model_class()
        if model in visible:
            changes.setdefault(model, {})[change.object_id] = change.publish_at
    for model, times in changes.items():
        for obj in visible[model].get_queryset(request).filter(pk__in=list(times)):
            section.rows.append(
                Row(str(obj), _admin_url(model, "change", quote(obj.pk)), _kind(model),
                    times[str(obj.pk)], "changes")
            )  # fmt: skip
    section.rows.sort(key=lambda row: row.when)
    section.rows = section.rows[:SHOWN]
    return section


def changed_by_others(request, admin_site) -> Section:
    """The latest saves by other editors, of what this editor may open."""
    from reversion.models import Version

    section = Section("others")
    visible = dict(_visible_admins(request, admin_site))
    types = {ct.pk: model for model, ct in ContentType.objects.get_for_models(*visible).items()}
    versions = (
        Version.objects.filter(
            content_type_id__in=list(types),
            revision__date_created__gte=timezone.now() - RECENT,
            revision__pending_change__isnull=True,
        )
        .exclude(revision__user=request.user)
        .exclude(revision__user__isnull=True)
        .select_related("revision__user")
        .order_by("-revision__date_created")[:60]
    )
    seen = set()
    wanted: dict = {}
    for version in versions:
        key = (version.content_type_id, version.object_id)
        if key in seen:
            continue
        seen.add(key)
        wanted.setdefault(version.content_type_id, []).append(version)
    for content_type_id, rows in wanted.items():
        model = types[content_type_id]
        # A team editor sees only their teams' rows: the admin's own queryset says which.
        allowed = set(
            visible[model]
            .get_queryset(request)
            .filter(pk__in=[v.object_id for v in rows])
            .values_list("pk", flat=True)
        )
        for version in rows:
            if model._meta.pk.to_python(version.object_id) not in allowed:
                continue
            user = version.revision.user
            section.rows.append(
                Row(
                    version.object_repr,
                    _admin_url(model, "change", quote(version.object_id)),
                    _kind(model),
                    version.revision.date_created,
                    user.get_full_name() or user.get_username(),
                )
            )
    section.rows.sort(key=lambda row: row.when, reverse=True)
    section.rows = section.rows[:SHOWN]
    return section


def english_to_do(request, admin_site) -> Section:
    """Per kind of content: how many items lack their English or have it outdated."""
    from django.db.models import Count

    from apps.core.models import TranslationState

    section = Section("english")
    visible = dict(_visible_admins(request, admin_site))
    types = ContentType.objects.get_for_models(*visible)
    counts = (
        TranslationState.objects.filter(
            content_type__in=list(types.values()), state__in=("missing", "outdated")
        )
        .values("content_type_id", "state")
        .annotate(count=Count("pk"))
    )
    by_type = {ct.pk: model for model, ct in types.items()}

    def order(row):
        return (str(by_type[row["content_type_id"]]._meta.verbose_name_plural), row["state"])

    for row in sorted(counts, key=order):
        model = by_type[row["content_type_id"]]
        section.rows.append(
            Row(
                str(model._meta.verbose_name_plural).capitalize(),
                _admin_url(model, "changelist", query=f"english={row['state']}"),
                _kind(model),
                None,
                row["state"],
                row["count"],
            )
        )
    return section


def reviews_due(request, admin_site) -> Section:
    """The information this editor owns whose review date has passed."""
    from apps.core.models import Reviewed

    today = timezone.localdate()
    section = Section("reviews")
    for model, model_admin in _visible_admins(request, admin_site):
        if not issubclass(model, Reviewed):
            continue
        overdue = model_admin.get_queryset(request).filter(owner=request.user, review_by__lt=today)
        for obj in overdue.order_by("review_by")[:SHOWN]:
            section.rows.append(
                Row(str(obj), _admin_url(model, "change", quote(obj.pk)), _kind(model),
                    None, "overdue", (today - obj.review_by).days)
            )  # fmt: skip
    section.rows.sort(key=lambda row: row.count, reverse=True)
    section.rows = section.rows[:SHOWN]
    return section


def inbox(request) -> Section | None:
    """Contact requests not forwarded by email, for those who may read them."""
    from django.apps import apps

    if not apps.is_installed("apps.care") or not request.user.has_perm("care.view_contactrequest"):
        return None
    # apps.core imports no other app (the layering rule): the model is looked up by name.
    ContactRequest = apps.get_model("care", "ContactRequest")

    section = Section("inbox")
    unsent = ContactRequest.objects.filter(sent_at__isnull=True)
    section.rows = [
        Row(f"{r.name} – {r.topic}", _admin_url(ContactRequest, "change", r.pk), "",
            r.created_at, "")
        for r in unsent.select_related("topic").order_by("-created_at")[:SHOWN]
    ]  # fmt: skip
    section.more_url = _admin_url(ContactRequest, "changelist", query="sent_at__isempty=1")
    return section


def lockouts(request) -> Section | None:
    """Accounts and addresses locked out after failed logins, for administrators."""
    if not request.user.has_perm("axes.view_accessattempt"):
        return None
    from axes.models import AccessAttempt
    from django.conf import settings

    section = Section("lockouts")
    locked = AccessAttempt.objects.filter(failures_since_start__gte=settings.AXES_FAILURE_LIMIT)
    section.rows = [
        Row(attempt.username or "—", _admin_url(AccessAttempt, "change", attempt.pk), "",
            attempt.attempt_time, "")
        for attempt in locked.order_by("-attempt_time")[:SHOWN]
    ]  # fmt: skip
    section.more_url = _admin_url(AccessAttempt, "changelist")
    return section


def dashboard(request, admin_site) -> dict:
    sections = [
        my_drafts(request, admin_site),
        scheduled_soon(request, admin_site),
        changed_by_others(request, admin_site),
        reviews_due(request, admin_site),
        english_to_do(request, admin_site),
        inbox(request),
        lockouts(request),
    ]
    return {section.key: section for section in sections if section is not None}


def fold(text: str) -> str:
    """`text` without accents nor case (the column is compared through unaccent)."""
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).strip()


def _is_text(model, path: str) -> bool:
    """Is `path` ("name_fr", "person__last_name") a text column (unaccent needs text)?"""
    from django.db import models

    opts = model._meta
    parts = path.split("__")
    try:
        for part in parts[:-1]:
            opts = opts.get_field(part).related_model._meta
        field = opts.get_field(parts[-1])
    except Exception:  # a lookup, not a field: left to the list's own search
        return False
    return isinstance(field, (models.CharField, models.TextField))


def search(request, admin_site, term: str) -> list[dict]:
    """[{kind, url, rows: [Row]}] of each kind of content whose admin search finds `term`, as
    its own search box would (its search fields, its queryset: a team editor's teams), a few
    per kind."""
    from django.db.models import Q
    from django.utils.text import smart_split, unescape_string_literal

    words = [fold(unescape_string_literal(w) if w[:1] in "\"'" else w) for w in smart_split(term)]
    words = [word for word in words if word]
    results = []
    for model, model_admin in _visible_admins(request, admin_site):
        fields = [
            name.lstrip("^=@")
            for name in model_admin.get_search_fields(request)
            if _is_text(model, name.lstrip("^=@"))
        ]
        if not fields or not words:
            continue
        # Each word in one of the fields, accents and case aside (editors often type
        # "melanome" for "mélanome"), over the admin's own rows (a team editor's teams).
        match = Q()
        for word in words:
            match &= Q.create(
                [(f"{name}__unaccent__icontains", word) for name in fields], connector=Q.OR
            )
        queryset = model_admin.get_queryset(request).filter(match)
        if any("__" in name for name in fields):
            queryset = queryset.distinct()
        found = list(queryset[: SEARCH_PER_KIND + 1])
        if not found:
            continue

        results.append(
            {
                "kind": str(model._meta.verbose_name_plural).capitalize(),
                "more": len(found) > SEARCH_PER_KIND,
                "url": _admin_url(model, "changelist", query=urlencode({"q": term})),
                "rows": [
                    Row(str(obj), _admin_url(model, "change", quote(obj.pk)), _kind(model))
                    for obj in found[:SEARCH_PER_KIND]
                ],
            }
        )
    return results
