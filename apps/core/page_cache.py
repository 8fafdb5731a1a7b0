"""Whole public pages kept in the shared cache for anonymous visitors, and forgotten at once
when the content they show changes, on every app server.

A page is stored under a key made of its address (scheme, host, path with its language prefix,
query string) and whether the client accepts gzip, with the *generation* it was built in: a
random token kept in the shared cache with the moment it stops being valid. A stored page is
answered only while its generation is the current one (both are read in one round trip):

- any saved or deleted row of a model that pages show (`invalidate`, from the model signals,
  once at the save and again after its transaction commits) drops the generation, so the next
  request on any app server starts a new one, in which no page was built yet;
- a generation ends by itself at the next moment the content changes with no save: an item's
  `publish_at` or `unpublish_at`, scheduled pending changes, an event starting or ending, the
  next midnight in Paris (dates such as a member's end date), and PAGE_CACHE_SECONDS at most.
  Code that shows something else that changes with the clock (a contact point open now) calls
  `expires_at` while the page renders, and the page is kept no later than that.

What is never shared: any request but GET and HEAD, a request with a session cookie (staff, or a
visitor the site keeps something for), a response that sets a cookie (form pages with a CSRF
token), asks not to be cached, is not a 200, or varies on anything but the encoding, the
language and the cookie. Previews render outside the middleware. When the cache cannot be
reached, pages are built as if there were no cache.

Conditional GET: each stored page keeps the ETag that ConditionalGetMiddleware gave it, and a
request that already holds it gets a 304 from the cache.
"""

from __future__ import annotations

import contextvars
import datetime
import hashlib
import logging
import secrets
import time
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.core.signals import setting_changed
from django.db import connection, transaction
from django.http import HttpResponse
from django.http.request import split_domain_port, validate_host
from django.utils import timezone
from django.utils.cache import cc_delim_re, get_conditional_response
from django.utils.http import parse_etags
from django.utils.regex_helper import _lazy_re_compile

logger = logging.getLogger(__name__)

STATE_KEY = "core:page-cache:state:v1"
HEADER = "X-Page-Cache"
# Headers that a response may vary on and still be shared: the encoding is part of the key, the
# language is in the path, and requests with a session cookie never read or fill the cache.
_SHAREABLE_VARY = {"accept-encoding", "accept-language", "cookie"}
_NOT_SHARED = {"private", "no-store", "no-cache"}
_ACCEPTS_GZIP = _lazy_re_compile(r"\bgzip\b")
_MAX_QUERY = 1000  # longer query strings are answered, not stored
_MAX_BYTES = 512 * 1024  # larger pages are answered, not stored
# Rows of these models never change a public page (sessions, sign-in attempts, history, the
# contact inbox, the admin's own records).
_IGNORED_APPS = {
    "sessions",
    "admin",
    "auth",  # accounts: a staff login saves its time
    "axes",
    "reversion",
    "otp_totp",
    "otp_static",
    "contenttypes",
    "search",  # the index: apps.search.indexing drops the pages itself after writing in bulk
}
_IGNORED_MODELS = {"care.contactrequest", "core.translationstate"}

# The latest moment the page being built may be kept until (set by `expires_at`).
_deadline: contextvars.ContextVar[list | None] = contextvars.ContextVar(
    "page_cache_deadline", default=None
)
_owed_invalidation = False


# Invalidation ----------------------------------------------------------------------------------


def invalidate() -> None:
    """Forget every stored page: the next request on any app server starts a new generation."""
    global _owed_invalidation
    cache.delete(STATE_KEY)
    # The cache was out of reach: drop the generation as soon as it answers again.
    _owed_invalidation = not getattr(cache, "available", True)


def _invalidate_after_commit() -> None:
    invalidate()


def invalidate_on_commit() -> None:
    """Forget every stored page once the current transaction commits (at once outside one).
    Inside a transaction nobody else sees the change before the commit, so dropping the
    generation then is enough; a rolled-back transaction (a preview, a draft read back) drops
    nothing. One call per transaction, however many rows it writes."""
    if not connection.in_atomic_block:
        invalidate()
    elif not any(
        func is _invalidate_after_commit for _sids, func, _robust in connection.run_on_commit
    ):
        transaction.on_commit(_invalidate_after_commit)


def content_changed(sender, **kwargs) -> None:
    """A row that pages may show was saved or deleted."""
    from apps.core.preview import previewing

    if kwargs.get("raw") or previewing.get() or not _shown_on_pages(sender):
        return
    invalidate_on_commit()


def _shown_on_pages(model) -> bool:
    meta = model._meta
    return meta.app_label not in _IGNORED_APPS and meta.label_lower not in _IGNORED_MODELS


def connect_signals() -> None:
    from django.apps import apps
    from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save

    # Model by model, not for every sender: a receiver for all would stop Django's fast bulk
    # deletes of rows no page shows (expired sessions, old sign-in attempts).
    for model in apps.get_models(include_auto_created=True):
        if _shown_on_pages(model):
            uid = f"core-page-cache-{model._meta.label_lower}"
            post_save.connect(content_changed, sender=model, dispatch_uid=f"{uid}-save")
            post_delete.connect(content_changed, sender=model, dispatch_uid=f"{uid}-delete")
    m2m_changed.connect(content_changed, dispatch_uid="core-page-cache-m2m")
    post_migrate.connect(
        lambda **kwargs: invalidate(), weak=False, dispatch_uid="core-page-cache-migrate"
    )


# When the content changes with no save ---------------------------------------------------------


def expires_at(moment: datetime.datetime | None) -> None:
    """The page being built shows something that changes at `moment` (an opening hour, say):
    it is kept no later than that."""
    holder = _deadline.get()
    if holder is not None and moment is not None:
        stamp = moment.timestamp()
        if holder[0] is None or stamp < holder[0]:
            holder[0] = stamp


def next_change_after(now: datetime.datetime) -> datetime.datetime:
    """The first moment after `now` when a page may change without a save."""
    from django.apps import apps
    from django.db.models import Min, Q

    from apps.core.models import PendingChange, Publishable

    moments = [now + datetime.timedelta(seconds=settings.PAGE_CACHE_SECONDS)]
    local = timezone.localtime(now)
    midnight = datetime.datetime.combine(
        local.date() + datetime.timedelta(days=1), datetime.time(), tzinfo=local.tzinfo
    )
    moments.append(midnight)
    for model in apps.get_models():
        if not issubclass(model, Publishable):
            continue
        fields = getattr(model, "changes_pages_at", Publishable.changes_pages_at)
        found = model._base_manager.aggregate(
            **{name: Min(name, filter=Q(**{f"{name}__gt": now})) for name in fields}
        )
        moments.extend(value for value in found.values() if value is not None)
    first_due = PendingChange.objects.filter(publish_at__gt=now).aggregate(at=Min("publish_at"))
    if first_due["at"] is not None:
        moments.append(first_due["at"])
    return min(moments)


# Looking a page up ------------------------------------------------------------------------------


class Lookup:
    """One request's place in the cache: its key, the current generation (None when the cache
    cannot be reached or had none) and the stored page if it is of that generation."""

    __slots__ = ("page_key", "state", "stored")

    def __init__(self, page_key: str, state, stored):
        self.page_key = page_key
        self.state = _current(state)
        self.stored = (
            stored if self.state is not None and stored and stored[0] == self.state[0] else None
        )


class _Settings:
    """The settings a lookup reads, read once (a lookup runs for every request, where
    `django.conf.settings` costs more than the rest of it); read again when a test changes
    them."""

    def __init__(self):
        self.seconds = settings.PAGE_CACHE_SECONDS
        self.prefixes = tuple(f"/{code}/" for code, _name in settings.LANGUAGES)
        self.session_cookie = f"{settings.SESSION_COOKIE_NAME}="
        self.proxy_ssl_header = settings.SECURE_PROXY_SSL_HEADER
        self.forwarded_host = settings.USE_X_FORWARDED_HOST
        self.allowed_hosts = list(settings.ALLOWED_HOSTS)
        self.release = _release()
        if settings.DEBUG and not self.allowed_hosts:
            self.allowed_hosts = [".localhost", "127.0.0.1", "[::1]"]


_settings: _Settings | None = None


def _release() -> str:
    """What changes with each deployment of new code: the static files' manifest (its hashed
    names change with the CSS and JavaScript), so pages stored by the old code are not served
    by the new, nor the reverse during a rolling deployment."""
    manifest = Path(settings.STATIC_ROOT or "") / "staticfiles.json"
    try:
        return hashlib.sha256(manifest.read_bytes()).hexdigest()[:12]
    except OSError:
        return "dev"


def _read_settings() -> _Settings:
    global _settings
    if _settings is None:
        _settings = _Settings()
    return _settings


def _forget_settings(**kwargs) -> None:
    global _settings
    _settings = None


setting_changed.connect(_forget_settings, dispatch_uid="core-page-cache-settings")


def lookup(meta: dict) -> Lookup | None:
    """The cache's answer for a request, from its WSGI environ (or `request.META`); None when
    this request never reads nor fills the cache."""
    conf = _read_settings()
    if conf.seconds <= 0 or meta.get("REQUEST_METHOD") not in ("GET", "HEAD"):
        return None
    path = meta.get("PATH_INFO", "")
    if not path.startswith(conf.prefixes) or conf.session_cookie in meta.get("HTTP_COOKIE", ""):
        return None
    query = meta.get("QUERY_STRING", "")
    host = _host(meta, conf)
    if len(query) > _MAX_QUERY or host is None:
        return None
    encoding = "gz" if _ACCEPTS_GZIP.search(meta.get("HTTP_ACCEPT_ENCODING", "")) else "id"
    host = host.lower().removesuffix(":443" if _scheme(meta, conf) == "https" else ":80")
    address = f"{_scheme(meta, conf)}://{host}{meta.get('SCRIPT_NAME', '')}{path}?{query}"
    digest = hashlib.sha256(address.encode("utf-8", "surrogateescape")).hexdigest()
    page_key = f"core:page:{conf.release}:{encoding}:{digest}"
    global _owed_invalidation
    if _owed_invalidation and getattr(cache, "available", True):
        invalidate()
    # One round trip: the generation and the page, which names the generation it was built in
    # (a page of an older one is stale).
    found = cache.get_many([STATE_KEY, page_key]) if getattr(cache, "available", True) else {}
    return Lookup(page_key, found.get(STATE_KEY), found.get(page_key))


def _scheme(meta: dict, conf: _Settings) -> str:
    """As `HttpRequest.scheme` says it, behind a proxy that sets SECURE_PROXY_SSL_HEADER too."""
    if conf.proxy_ssl_header:
        header, secure = conf.proxy_ssl_header
        if header in meta:
            return "https" if meta[header].split(",", 1)[0].strip() == secure else "http"
    return meta.get("wsgi.url_scheme", "http")


def _host(meta: dict, conf: _Settings) -> str | None:
    """The host as `HttpRequest.get_host` finds it, or None when ALLOWED_HOSTS refuses it."""
    if conf.forwarded_host and "HTTP_X_FORWARDED_HOST" in meta:
        host = meta["HTTP_X_FORWARDED_HOST"]
    else:
        host = meta.get("HTTP_HOST")
    if not host:
        host, port = meta.get("SERVER_NAME", ""), str(meta.get("SERVER_PORT", ""))
        if port != ("443" if _scheme(meta, conf) == "https" else "80"):
            host = f"{host}:{port}"
    domain, _port = split_domain_port(host)
    return host if domain and validate_host(domain, conf.allowed_hosts) else None


def _current(state) -> tuple[str, float] | None:
    return state if state is not None and state[1] > time.time() else None


def _new_state() -> tuple[str, float] | None:
    """A new generation, valid until the next change with no save; the one another request
    started meanwhile if there is one; None when the cache cannot be reached."""
    if not getattr(cache, "available", True):
        return None
    now = time.time()
    valid_until = next_change_after(timezone.now()).timestamp()
    state = (secrets.token_hex(8), valid_until)
    lifetime = max(1, int(valid_until - now))
    if cache.add(STATE_KEY, state, lifetime):
        return state
    current = _current(cache.get(STATE_KEY))
    if current is not None:
        return current
    if not getattr(cache, "available", True):
        return None
    cache.set(STATE_KEY, state, lifetime)  # the one there had ended
    return state


def _not_modified(meta: dict, etag: str) -> bool:
    """If-None-Match holds the page's ETag (weak comparison, as RFC 9110 asks for GET)."""
    header = meta.get("HTTP_IF_NONE_MATCH")
    if not header or not etag:
        return False
    if header.strip() == "*":
        return True
    bare = etag.removeprefix("W/")
    return any(tag.removeprefix("W/") == bare for tag in parse_etags(header))


# Answering and storing -------------------------------------------------------------------------


class CachedPages:
    """The WSGI application wrapped: a stored page is answered before Django builds a request
    (in a tenth of the time it takes Django to answer); anything else goes to Django, with what
    was looked up, so the middleware does not ask the cache again."""

    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        found = lookup(environ)
        if found is not None and found.stored is not None:
            _generation, content, headers = found.stored
            etag = next((value for name, value in headers if name == "ETag"), "")
            headers = [*headers, (HEADER, "hit")]
            if _not_modified(environ, etag):
                kept = {"etag", "vary", "cache-control", "content-location", "date", "expires"}
                start_response(
                    "304 Not Modified",
                    [h for h in headers if h[0].lower() in kept or h[0] == HEADER],
                )
                return [b""]
            start_response("200 OK", headers)
            return [b"" if environ.get("REQUEST_METHOD") == "HEAD" else content]
        environ[_LOOKED_UP] = found
        return self.application(environ, start_response)


_LOOKED_UP = "core.page_cache.lookup"
_NOT_LOOKED_UP = object()


class PageCacheMiddleware:
    """First in MIDDLEWARE. Answers stored pages when the WSGI front did not (the test client,
    another server); builds and stores the others."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        found = request.META.pop(_LOOKED_UP, _NOT_LOOKED_UP)
        if found is _NOT_LOOKED_UP:
            found = lookup(request.META)
        if found is None:
            return self.get_response(request)
        if found.stored is not None:
            return self._answer(request, found.stored)
        state = found.state or _new_state()
        if state is None:  # the cache cannot be reached
            response = self.get_response(request)
            response[HEADER] = "off"
            return response
        generation, valid_until = state
        holder = [None]
        token = _deadline.set(holder)
        try:
            response = self.get_response(request)
        finally:
            _deadline.reset(token)
        if request.method == "GET" and self._shareable(request, response):
            until = valid_until if holder[0] is None else min(valid_until, holder[0])
            lifetime = int(until - time.time())
            if lifetime > 0:
                cache.set(found.page_key, self._freeze(generation, response), lifetime)
                response[HEADER] = "miss"
                return response
        response[HEADER] = "bypass"
        return response

    @staticmethod
    def _shareable(request, response) -> bool:
        if response.status_code != 200 or response.streaming or response.cookies:
            return False
        if len(response.content) > _MAX_BYTES:
            return False
        if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
            return False
        user = getattr(request, "_cached_user", None)
        if user is not None and user.is_authenticated:
            return False
        control = {
            part.split("=", 1)[0].strip().lower()
            for part in cc_delim_re.split(response.get("Cache-Control", ""))
        }
        if control & _NOT_SHARED:
            return False
        vary = {part.strip().lower() for part in cc_delim_re.split(response.get("Vary", ""))}
        return not (vary - _SHAREABLE_VARY - {""})

    @staticmethod
    def _freeze(generation: str, response) -> tuple[str, bytes, list[tuple[str, str]]]:
        headers = [(name, value) for name, value in response.items() if name != HEADER]
        return generation, response.content, headers

    @staticmethod
    def _answer(request, stored) -> HttpResponse:
        _generation, content, headers = stored
        response = HttpResponse(content, headers=dict(headers))
        etag = response.get("ETag")
        if etag:
            conditional = get_conditional_response(request, etag=etag, response=response)
            if conditional is not response:
                conditional[HEADER] = "hit"
                return conditional
        response[HEADER] = "hit"
        return response
