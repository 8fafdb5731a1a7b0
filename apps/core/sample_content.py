"""The site-wide notice shown while sample (demonstration) content is published.

Every model with a `sample_flag()` field (`is_sample`) takes part, whatever app it is in: this
module finds them through Django's app registry, so apps.core imports no other app. The answer
("is any published sample content left?") is one UNION query, kept in the shared cache and
forgotten whenever a row of such a model is saved or deleted: the notice goes away by itself
once editors have replaced or deleted the last sample item.
"""

from __future__ import annotations

from django.apps import apps
from django.core.cache import cache
from django.db.models import IntegerField, Value
from django.utils.functional import SimpleLazyObject

from apps.core.models import Publishable, published_q
from apps.core.preview import cache_set

CACHE_KEY = "core:sample-content:v1"
# A sample item scheduled to appear or disappear is noticed within this time (seconds); a save or
# a delete is noticed at once (the signals below forget the value).
CACHE_SECONDS = 300


def sample_models() -> list[type]:
    """The concrete models that have the 'sample content' tick."""
    found = []
    for model in apps.get_models():
        if model._meta.proxy or model.__module__.endswith("simple_history.models"):
            continue
        if model.__name__.startswith("Historical"):
            continue
        names = {field.name for field in model._meta.concrete_fields}
        if "is_sample" in names:
            found.append(model)
    return sorted(found, key=lambda m: m._meta.label)


def _published_samples(model):
    rows = model._default_manager.filter(is_sample=True)
    if issubclass(model, Publishable):
        rows = rows.filter(published_q())
    return rows.values_list(Value(1, output_field=IntegerField()))[:1]


def compute_has_sample_content() -> bool:
    """One query: is any sample item of any model published now?"""
    queries = [_published_samples(model) for model in sample_models()]
    if not queries:
        return False
    first, *others = queries
    return bool(list(first.union(*others, all=True)[:1]) if others else list(first))


def has_sample_content() -> bool:
    value = cache.get(CACHE_KEY)
    if value is None:
        value = compute_has_sample_content()
        cache_set(cache, CACHE_KEY, value, CACHE_SECONDS)
    return value


def forget(sender=None, **kwargs) -> None:
    if sender is None or sender in _watched():
        cache.delete(CACHE_KEY)


_WATCHED: set[type] | None = None


def _watched() -> set[type]:
    global _WATCHED
    if _WATCHED is None:
        _WATCHED = set(sample_models())
    return _WATCHED


def connect_signals() -> None:
    """Called from CoreConfig.ready(): every app's models are loaded by then."""
    from django.db.models.signals import post_delete, post_save

    for signal in (post_save, post_delete):
        signal.connect(forget, dispatch_uid=f"core-sample-content-{signal is post_save}")


def sample_notice(request):
    """Context processor: `sample_notice` is true while sample content is published."""
    return {"sample_notice": SimpleLazyObject(has_sample_content)}
