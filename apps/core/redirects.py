"""Old addresses keep working: when a public item's address changes (its slug), each language's
old path gets a permanent redirect to the new one (`Redirect`), and the middleware answers it.

Editorial pages keep their own redirects (apps.pages: their path depends on their parents).
"""

from __future__ import annotations

from django.conf import settings
from django.db import transaction
from django.http import HttpResponsePermanentRedirect
from django.utils import translation

from apps.core.models import Publishable, Redirect

LANGUAGES = tuple(code for code, _name in settings.LANGUAGES)


def addresses_of(obj) -> dict[str, str]:
    """{language: path} of an item's own page; none for an item shown inside another page (an
    anchor or a filter: "#contact-x", "?theme=y")."""
    paths = {}
    for language in LANGUAGES:
        with translation.override(language):
            url = obj.get_absolute_url()
        if "?" not in url and "#" not in url:
            paths[language] = url
    return paths


def redirects_model(model) -> bool:
    return (
        issubclass(model, Publishable)
        and hasattr(model, "get_absolute_url")
        and model._meta.label != "pages.Page"  # pages keep their own (PageRedirect)
    )


def remember_addresses(sender, instance, raw=False, **kwargs) -> None:
    """pre_save: the item's addresses as they were."""
    if raw or instance.pk is None or not redirects_model(sender):
        return
    old = sender._base_manager.filter(pk=instance.pk).first()
    instance._addresses_before = addresses_of(old) if old is not None else {}


def redirect_old_addresses(sender, instance, raw=False, **kwargs) -> None:
    """post_save: each address that changed redirects to the new one, in one hop."""
    before = getattr(instance, "_addresses_before", None)
    if raw or not before:
        return
    instance._addresses_before = {}
    moved = []
    with transaction.atomic():
        for language, new_path in addresses_of(instance).items():
            old_path = before.get(language)
            # The new address is live again: it no longer redirects anywhere.
            Redirect.objects.filter(old_path=new_path).delete()
            if not old_path or old_path == new_path:
                continue
            Redirect.objects.filter(new_path=old_path).update(new_path=new_path)
            Redirect.objects.update_or_create(old_path=old_path, defaults={"new_path": new_path})
            moved.append((old_path, new_path))
    instance._moved_addresses = moved


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
        new_path = Redirect.objects.filter(old_path=path).values_list("new_path", flat=True).first()
        if new_path is None:
            return response
        query = request.META.get("QUERY_STRING", "")
        return HttpResponsePermanentRedirect(f"{new_path}?{query}" if query else new_path)
