"""Links to the site's own items that follow them when their address changes.

The editor's link picker (static/js/admin-link-picker.js) writes a link to an item as
`/go/<kind>/<id>/`, not as the item's address of the day. Pages show such links at the item's
current address in the page's language (`live_links`, one query per kind of item linked); the
address itself answers a redirect there (feeds, search excerpts, copies), or 404 once the item
is gone or hidden.

apps.core imports no other app (the layering rule): the kinds name their models.
"""

from __future__ import annotations

import re

from django.apps import apps
from django.utils.safestring import mark_safe

# kind: (model, the fields the picker searches)
KINDS = {
    "page": ("pages.Page", ("title_fr", "title_en")),
    "team": ("teams.Team", ("name_fr", "name_en", "acronym")),
    "person": ("teams.Person", ("first_name", "last_name")),
    "article": ("news.NewsArticle", ("title_fr", "title_en")),
    "event": ("news.Event", ("title_fr", "title_en")),
}
LINK = re.compile(r'href="/go/(?P<kind>[a-z]+)/(?P<pk>[0-9]{1,12})/"')


def model_of(kind: str):
    label = KINDS.get(kind, (None,))[0]
    return apps.get_model(label) if label else None


def visible(kind: str, user=None):
    """The items of a kind visitors may reach (or that this staff member may preview)."""
    model = model_of(kind)
    if model is None:
        return None
    if kind == "page":
        return model.objects.public() if user is None else model.objects.visible_to(user)
    return model.objects.published() if user is None else model.objects.visible_to(user)


def address(kind: str, pk: int, user=None) -> str | None:
    items = visible(kind, user)
    item = items.filter(pk=pk).first() if items is not None else None
    return item.get_absolute_url() if item is not None else None


def live_links(html) -> str:
    """Rich text with its `/go/<kind>/<id>/` links at their items' current addresses."""
    text = str(html or "")
    wanted: dict[str, set[int]] = {}
    for match in LINK.finditer(text):
        wanted.setdefault(match["kind"], set()).add(int(match["pk"]))
    if not wanted:
        return mark_safe(text)  # noqa: S308 (rich text is cleaned at every save)
    found = {}
    for kind, ids in wanted.items():
        items = visible(kind)
        if items is None:
            continue
        for item in items.filter(pk__in=ids):
            found[(kind, item.pk)] = item.get_absolute_url()

    def replace(match):
        url = found.get((match["kind"], int(match["pk"])))
        return f'href="{url}"' if url else match.group(0)

    return mark_safe(LINK.sub(replace, text))  # noqa: S308 (cleaned at save; urls are ours)


def targets(term: str, user, limit: int = 8) -> list[dict]:
    """What the picker offers `user` for `term`: [{kind, label, href}], a few of each kind the
    user may look at in the admin (a staff member without that permission is offered none, not
    even the titles of drafts)."""
    from django.db.models import Q

    from apps.core.models import can_preview

    words = term.split()
    results = []
    for kind, (_label, fields) in KINDS.items():
        model = model_of(kind)
        if not can_preview(user, model):
            continue
        match = Q()
        for word in words:
            match &= Q.create(
                [(f"{name}__unaccent__icontains", word) for name in fields], connector=Q.OR
            )
        for item in model.objects.filter(match).order_by("pk")[:limit]:
            results.append({"kind": kind, "label": str(item), "href": f"/go/{kind}/{item.pk}/"})
    return results
