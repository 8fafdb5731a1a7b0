"""Keeping the documents current: a saved, deleted or re-linked object is indexed again once
its transaction commits (so a rolled-back save leaves the index alone)."""

from __future__ import annotations

from collections import defaultdict

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete

from apps.core.registry import search_dependencies, search_sources
from apps.search.indexing import index_objects, source_for


def schedule(model, pks) -> None:
    """Index these objects once the current transaction commits (at once outside one)."""
    source = source_for(model)
    pks = {pk for pk in pks if pk is not None}
    if source is None or not pks:
        return
    transaction.on_commit(lambda: index_objects(source.model, pks))


def _on_change(sender, instance, **kwargs):
    if kwargs.get("raw"):
        return
    schedule(sender, [instance.pk])


def _on_dependency(sender, instance, **kwargs):
    """Before a delete (the objects linked to the instance are still known) and after a save."""
    if kwargs.get("raw"):
        return
    pks: dict[type, set] = defaultdict(set)
    for dependency in search_dependencies():
        if dependency.model is sender._meta.concrete_model:
            for obj in dependency.objects(instance):
                pks[type(obj)._meta.concrete_model].add(obj.pk)
    for model, ids in pks.items():
        schedule(model, ids)


def _on_m2m(sender, instance, action, model, pk_set, **kwargs):
    if action not in ("post_add", "post_remove", "post_clear", "pre_clear"):
        return
    if action == "pre_clear":
        # The other side's objects are known only before the clear.
        through_field = None
        for field in sender._meta.get_fields():
            if getattr(field, "related_model", None) is model:
                through_field = field.name
        if through_field:
            own = next(
                f.name
                for f in sender._meta.get_fields()
                if getattr(f, "related_model", None) is type(instance)._meta.concrete_model
            )
            ids = sender.objects.filter(**{own: instance}).values_list(
                f"{through_field}_id", flat=True
            )
            schedule(model, list(ids))
        return
    schedule(type(instance), [instance.pk])
    if pk_set:
        schedule(model, pk_set)


def connect() -> None:
    for source in search_sources():
        uid = f"search-{source.key}"
        post_save.connect(_on_change, sender=source.model, dispatch_uid=f"{uid}-save")
        post_delete.connect(_on_change, sender=source.model, dispatch_uid=f"{uid}-delete")
        for through in source.m2m:
            m2m_changed.connect(_on_m2m, sender=through, dispatch_uid=f"{uid}-m2m-{through}")
    # Once per model, however many dependencies it has: _on_dependency runs them all.
    for model in {dependency.model for dependency in search_dependencies()}:
        uid = f"search-dep-{model._meta.label_lower}"
        post_save.connect(_on_dependency, sender=model, dispatch_uid=f"{uid}-save")
        pre_delete.connect(_on_dependency, sender=model, dispatch_uid=f"{uid}-delete")
