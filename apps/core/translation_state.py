"""Translation status: is an item's English complete, missing, or older than its French?

Every model registered with django-modeltranslation is followed. At each save (a signal, so
imports, restores and published drafts count too) its `TranslationState` row is brought up to
date, field by field:

- *missing*: a French text whose English is empty (English pages show the French meanwhile,
  marked `lang="fr"`);
- *outdated*: a French text changed by a save that left its English as it was; it stays
  outdated until its English is changed too, or an editor says the English still holds (the
  lists' action "Mark the English as up to date").

The admin lists show the state, filter by it and warn at save (apps.core.admin_tools); the
dashboard counts it. Rows saved before this existed get their state at the next `migrate`.
"""

from __future__ import annotations

from functools import cache

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.utils.html import strip_tags

# Filled in by the save itself, never by hand: not followed.
NOT_FOLLOWED = {"slug"}


def _languages() -> tuple[str, str]:
    default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    other = next(code for code, _name in settings.LANGUAGES if code != default)
    return default, other


@cache
def translated_fields(model) -> tuple[str, ...]:
    """The followed translated fields of `model` (original names), () for another model."""
    from modeltranslation.translator import NotRegistered, translator

    try:
        options = translator.get_options_for_model(model)
    except NotRegistered:
        return ()
    if model._meta.abstract or model._meta.proxy:
        return ()
    # In the model's order, which is the form's order.
    return tuple(
        field.name
        for field in model._meta.get_fields()
        if field.name in options.fields and field.name not in NOT_FOLLOWED
    )


def followed_models() -> list:
    from django.apps import apps

    return [model for model in apps.get_models() if translated_fields(model)]


def _text(value) -> str:
    """What a reader would find in a value: "" for None, blanks or an empty paragraph."""
    if value is None:
        return ""
    text = str(value)
    return strip_tags(text).strip() if "<" in text else text.strip()


def _columns(model) -> list[str]:
    french, english = _languages()
    return [f"{name}_{code}" for name in translated_fields(model) for code in (french, english)]


def remember_texts(sender, instance, raw=False, **kwargs) -> None:
    """pre_save: the item's texts as stored, to tell which language a save changes."""
    if not translated_fields(sender) or instance.pk is None:
        return
    instance._texts_before = (
        sender._base_manager.filter(pk=instance.pk).values(*_columns(sender)).first()
    )


def state_of(model, values: dict, before: dict | None, outdated: set[str]) -> tuple:
    """(state, missing, outdated) of an item whose texts are `values` ({"title_fr": ...}),
    `before` a save (None: a new item), with the fields `outdated` until now."""
    french, english = _languages()
    outdated = set(outdated)
    missing = []
    for name in translated_fields(model):
        fr, en = _text(values.get(f"{name}_{french}")), _text(values.get(f"{name}_{english}"))
        if before is not None:
            fr_changed = values.get(f"{name}_{french}") != before.get(f"{name}_{french}")
            en_changed = values.get(f"{name}_{english}") != before.get(f"{name}_{english}")
            if en_changed:
                outdated.discard(name)
            elif fr_changed and en:
                outdated.add(name)
        if not fr or not en:
            outdated.discard(name)
        if fr and not en:
            missing.append(name)
    state = "missing" if missing else "outdated" if outdated else "complete"
    return state, missing, [name for name in translated_fields(model) if name in outdated]


def keep_state(sender, instance, created=False, **kwargs) -> None:
    """post_save: the item's TranslationState, brought up to date."""
    from apps.core.models import TranslationState

    if not translated_fields(sender):
        return
    content_type = ContentType.objects.get_for_model(sender)
    current = TranslationState.objects.filter(
        content_type=content_type, object_id=instance.pk
    ).first()
    values = {column: getattr(instance, column, None) for column in _columns(sender)}
    before = None if created else getattr(instance, "_texts_before", None)
    instance._texts_before = None
    state, missing, outdated = state_of(
        sender, values, before, set(current.outdated) if current else set()
    )
    if current is None:
        TranslationState.objects.create(
            content_type=content_type,
            object_id=instance.pk,
            state=state,
            missing=missing,
            outdated=outdated,
        )
    elif (current.state, current.missing, current.outdated) != (state, missing, outdated):
        current.state, current.missing, current.outdated = state, missing, outdated
        current.save(update_fields=["state", "missing", "outdated", "changed_at"])


def forget_state(sender, instance, **kwargs) -> None:
    """post_delete: no state for an item that is gone."""
    from apps.core.models import TranslationState

    if translated_fields(sender):
        TranslationState.objects.filter(
            content_type=ContentType.objects.get_for_model(sender), object_id=instance.pk
        ).delete()


def mark_up_to_date(queryset) -> int:
    """The English of these items still holds: nothing is outdated any more."""
    from apps.core.models import TranslationState

    model = queryset.model
    return TranslationState.objects.filter(
        content_type=ContentType.objects.get_for_model(model),
        object_id__in=queryset.values("pk"),
        state="outdated",
    ).update(state="complete", outdated=[])


def ensure_states(**kwargs) -> None:
    """post_migrate: the items that have no state yet (saved before states existed, or by a
    bulk insert) get one: missing or complete (what changed before is not known)."""
    from apps.core.models import TranslationState

    for model in followed_models():
        content_type = ContentType.objects.get_for_model(model)
        known = TranslationState.objects.filter(content_type=content_type).values("object_id")
        rows = model._base_manager.exclude(pk__in=known).values("pk", *_columns(model))
        batch = []
        for row in rows.iterator(chunk_size=2000):
            state, missing, _outdated = state_of(model, row, None, set())
            batch.append(
                TranslationState(
                    content_type=content_type,
                    object_id=row["pk"],
                    state=state,
                    missing=missing,
                )
            )
            if len(batch) >= 2000:
                TranslationState.objects.bulk_create(batch, ignore_conflicts=True)
                batch = []
        TranslationState.objects.bulk_create(batch, ignore_conflicts=True)


def english_state_of(model):
    """A subquery: the English state of the row an `OuterRef("pk")` names."""
    from django.db.models import OuterRef

    from apps.core.models import TranslationState

    return TranslationState.objects.filter(
        content_type=ContentType.objects.get_for_model(model), object_id=OuterRef("pk")
    ).values("state")[:1]


def connect_signals() -> None:
    from django.db.models.signals import post_delete, post_save, pre_save

    pre_save.connect(remember_texts, dispatch_uid="core-translation-texts")
    post_save.connect(keep_state, dispatch_uid="core-translation-state")
    post_delete.connect(forget_state, dispatch_uid="core-translation-forget")
