"""Preview before saving: an admin change form's unsaved content, inline rows included, rendered
by the real public view in a transaction that is always rolled back, so nothing is saved.

While a preview renders, the shared cache is not written (`previewing`): a page built from
unsaved rows must never be served to visitors. Search indexing waits for a commit that never
comes, and redirects or caches cleared by the rolled-back save are cleared harmlessly.
"""

from __future__ import annotations

import contextvars
import copy
import secrets
from contextlib import contextmanager
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from django.http import QueryDict
from django.urls import Resolver404, resolve
from django.utils import translation

SESSION_KEY = "admin_previews"
KEEP = 3  # previews kept per session (the latest ones)

previewing: contextvars.ContextVar[bool] = contextvars.ContextVar("previewing", default=False)


def cache_set(cache, key, value, timeout) -> None:
    """`cache.set`, except while a preview renders (its rows are not saved)."""
    if not previewing.get():
        cache.set(key, value, timeout)


@contextmanager
def _rendering_preview():
    token = previewing.set(True)
    try:
        yield
    finally:
        previewing.reset(token)


class _Rollback(Exception):
    pass


def _public_response(request, url: str, state: str = ""):
    """The public view's response for `url`, rendered, as this staff member sees it."""
    parts = urlsplit(url)
    try:
        match = resolve(parts.path)
    except Resolver404:
        return None
    visit = copy.copy(request)
    visit.method = "GET"
    visit.path = visit.path_info = parts.path
    visit.GET = QueryDict(parts.query)
    visit.POST = QueryDict()
    visit.META = {**request.META, "REQUEST_METHOD": "GET", "QUERY_STRING": parts.query}
    visit.preview_unsaved = True  # base.html shows the preview banner, with the item's state
    visit.preview_state = state
    visit.resolver_match = match
    visit.LANGUAGE_CODE = translation.get_language()
    response = match.func(visit, *match.args, **match.kwargs)
    if hasattr(response, "render"):
        response.render()
    return response


def _state_of(obj) -> str:
    """Draft, Scheduled (with its date), Live or Expired, as the form would save it."""
    from apps.core.admin_tools import publication_state
    from apps.core.models import Publishable

    return publication_state(obj)[1] if isinstance(obj, Publishable) else ""


def render_unsaved(request, save, obj_url) -> dict[str, dict]:
    """Save the unsaved item with `save()` inside a transaction, render its public page in each
    language, and roll everything back. {language: {"status": int, "html": str, "url": str}}."""
    pages: dict[str, dict] = {}
    with _rendering_preview():
        try:
            with transaction.atomic():
                obj = save()
                for language, _name in settings.LANGUAGES:
                    with translation.override(language):
                        url = obj_url(obj)
                        response = _public_response(request, url, _state_of(obj))
                    if response is None:
                        pages[language] = {"status": 404, "html": "", "url": url}
                        continue
                    html = response.content.decode(response.charset or "utf-8")
                    pages[language] = {"status": response.status_code, "html": html, "url": url}
                raise _Rollback
        except _Rollback:
            pass
    return pages


def remember(request, pages: dict, title: str) -> str:
    """Keep a rendered preview in the staff member's session (shared by every app server);
    returns its token."""
    token = secrets.token_urlsafe(12)
    previews = dict(request.session.get(SESSION_KEY, {}))
    previews[token] = {"title": title, "pages": pages}
    for old in list(previews)[:-KEEP]:
        previews.pop(old)
    request.session[SESSION_KEY] = previews
    return token


def recall(request, token: str) -> dict | None:
    if not isinstance(token, str) or len(token) > 40:
        return None
    return request.session.get(SESSION_KEY, {}).get(token)
