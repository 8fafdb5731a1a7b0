"""Slugs in each language: an item's English address reads in English.

An item whose slug is translated (`slug_fr`, `slug_en`) and that names the field its slug comes
from (`slug_source = "title"`) has its slugs filled at every save: the French one from the French
title when left empty (so a first save never fails on it), the English one from the English
title, or the French slug while there is no English title. An English slug that was only the
French one standing in follows the English title when one is first written; the old address
then redirects (apps.core.redirects). Otherwise slugs, once set, are left as they are.

`english_slug` is plain (no model methods), so that data migrations use it too.
"""

from __future__ import annotations

from django.utils.text import slugify


def unique_slug(candidate: str, max_length: int, taken) -> str:
    """`candidate` cut to `max_length`, with -2, -3... while `taken(slug)` says it is used."""
    base = (candidate or "item")[:max_length].strip("-") or "item"
    slug, number = base, 1
    while taken(slug):
        number += 1
        suffix = f"-{number}"
        slug = f"{base[: max_length - len(suffix)].rstrip('-')}{suffix}"
    return slug


def english_slug(title_en: str, slug_fr: str, max_length: int, taken) -> str:
    """The English slug of an item: from its English title, or its French slug."""
    candidate = slugify(title_en or "") or slug_fr
    if candidate == slug_fr:
        return slug_fr  # one address for both languages is no conflict with itself
    return unique_slug(candidate, max_length, taken)


def has_translated_slug(model) -> bool:
    return bool(getattr(model, "slug_source", None)) and any(
        field.name == "slug_en" for field in model._meta.get_fields()
    )


def fill_slugs(obj) -> None:
    """Before a save: the French and English slugs of `obj`, filled as the module says."""
    model = type(obj)
    if not has_translated_slug(model):
        return
    source = model.slug_source
    max_length = model._meta.get_field("slug").max_length
    # Where the slug must be unique: the whole table, or a page's sisters (`slug_siblings`).
    others = obj.slug_siblings() if hasattr(obj, "slug_siblings") else model._base_manager.all()
    if obj.pk:
        others = others.exclude(pk=obj.pk)

    def taken_in(language):
        return lambda slug: others.filter(**{f"slug_{language}": slug}).exists()

    slug_fr = obj.slug_fr or ""
    if not slug_fr:
        slug_fr = unique_slug(
            slugify(getattr(obj, f"{source}_fr") or ""), max_length, taken_in("fr")
        )
        obj.slug_fr = slug_fr
    title_en = getattr(obj, f"{source}_en") or ""
    slug_en = obj.slug_en or ""
    if slug_en == slug_fr and title_en and obj.pk:
        # The French slug stood in while there was no English title: now there is one.
        before = model._base_manager.filter(pk=obj.pk).values(f"{source}_en").first()
        if before is not None and not before[f"{source}_en"]:
            slug_en = ""
    if not slug_en:
        obj.slug_en = english_slug(title_en, slug_fr, max_length, taken_in("en"))


def fill_existing_slugs(model, source: str) -> None:
    """For a data migration (`model` is the historical model): each row's French slug is its
    slug, its English slug comes from its English title (or is the French slug)."""
    max_length = model._meta.get_field("slug").max_length
    rows = list(model.objects.order_by("pk").values("pk", "slug", f"{source}_en"))
    used = set()
    for row in rows:
        slug_en = english_slug(
            row[f"{source}_en"] or "", row["slug"], max_length, lambda slug: slug in used
        )
        used.add(slug_en)
        model.objects.filter(pk=row["pk"]).update(slug_fr=row["slug"], slug_en=slug_en)


def slugs_migration(app_label: str, sources: dict[str, str]):
    """The RunPython operation that fills the new slug columns of these models."""
    from django.db import migrations

    def forwards(apps, schema_editor):
        for model_name, source in sources.items():
            fill_existing_slugs(apps.get_model(app_label, model_name), source)

    return migrations.RunPython(forwards, migrations.RunPython.noop)
