"""Old addresses keep working: when a public item's address changes (its slug, or a page's
parent), each language's old path gets a permanent redirect (`Redirect`) linked to the item, and
the middleware answers it with the item's address of the moment, in one hop. An item visitors
may not see (a draft, an expired or deleted one) is a 404 at its old addresses too, so they do
not reveal where it went.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q
from django.http import HttpResponsePermanentRedirect
from django.urls import NoReverseMatch
from django.utils import translation

from apps.core.models import Publishable, Redirect, can_preview

LANGUAGES = tuple(code for code, _name in settings.LANGUAGES)


def addresses_of(obj) -> dict[str, str]:
    """{language: path} of an item's own page; none for an item shown inside another page (an
    anchor or a filter: "#contact-x", "?theme=y")."""
    paths = {}
    for language in LANGUAGES:
        with translation.override(language):
            try:
                url = obj.get_absolute_url()
            except NoReverseMatch:  # a model whose pages are not in this site's addresses
                continue
        if "?" not in url and "#" not in url:
            paths[language] = url
    return paths


def redirects_model(model) -> bool:
    return issubclass(model, Publishable) and hasattr(model, "get_absolute_url")


def remember_addresses(sender, instance, raw=False, **kwargs) -> None:
    """pre_save: the item's addresses as they were."""
    if raw or instance.pk is None or not redirects_model(sender):
        return
    old = sender._base_manager.filter(pk=instance.pk).first()
    instance._addresses_before = addresses_of(old) if old is not None else {}


def redirect_old_addresses(sender, instance, raw=False, created=False, **kwargs) -> None:
    """post_save: each address that changed redirects to the item, in one hop; a new item's
    addresses stop redirecting elsewhere."""
    if raw or not redirects_model(sender):
        return
    before = getattr(instance, "_addresses_before", None)
    content_type = ContentType.objects.get_for_model(instance)
    # Its addresses are its own again: they stop redirecting, unless to another item (which
    # they still lead to while this one is a draft, or after it is deleted).
    taken = Q(content_type__isnull=True) | Q(content_type=content_type, object_id=str(instance.pk))
    if created:
        Redirect.objects.filter(taken, old_path__in=addresses_of(instance).values()).delete()
        return
    if not before:
        return
    instance._addresses_before = {}
    moved = []
    with transaction.atomic():
        for language, new_path in addresses_of(instance).items():
            old_path = before.get(language)
            Redirect.objects.filter(taken, old_path=new_path).delete()
            if not old_path or old_path == new_path:
                continue
            Redirect.objects.filter(new_path=old_path).update(new_path=new_path)
            Redirect.objects.update_or_create(
                old_path=old_path,
                defaults={
                    "new_path": new_path,
                    "content_type": content_type,
                    "object_id": str(instance.pk),
                },
            )
            moved.append((old_path, new_path))
    instance._moved_addresses = moved


def _language_of(path: str) -> str:
    first = path.strip("/").split("/", 1)[0]
    return first if first in LANGUAGES else settings.LANGUAGE_CODE


def _visible(obj, user) -> bool:
    model = type(obj)
    if can_preview(user, model):
        return True
    if hasattr(obj, "is_public"):  # pages: published, and every page above them too
        return obj.is_public()
    return model._default_manager.filter(pk=obj.pk).visible_to(user).exists()


def target_of(redirect: Redirect, user) -> str | None:
    """Where an old address leads now: the linked item's address in the old address's language
    (None when the item is gone or hidden from this visitor), or the path an editor wrote."""
    if not redirect.content_type_id:
        return redirect.new_path
    model = redirect.content_type.model_class()
    obj = model._base_manager.filter(pk=redirect.object_id).first() if model else None
    if obj is None or not _visible(obj, user):
        return None
    with translation.override(_language_of(redirect.old_path)):
        return obj.get_absolute_url()


class RedirectFallbackMiddleware:
    """A page not found whose address is an old one: 301 to its new address (query kept)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 404 or request.method not in ("GET", "HEAD"):
            return response
        path = request.path
        if len(path) > 600 or "\x00" in path:
            return response
        redirect = Redirect.objects.filter(old_path=path).select_related("content_type").first()
        user = getattr(request, "user", None) or AnonymousUser()
        new_path = target_of(redirect, user) if redirect is not None else None
        if new_path is None or new_path == path:
            return response
        query = request.META.get("QUERY_STRING", "")
        return HttpResponsePermanentRedirect(f"{new_path}?{query}" if query else new_path)
