"""Views every app shares: robots.txt, health, the error pages, the site map for people, and
the bases of detail and list views."""

from __future__ import annotations

import logging

from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.db import DatabaseError, connection
from django.http import (
    Http404,
    HttpResponse,
    HttpResponseBadRequest,
    HttpResponsePermanentRedirect,
    HttpResponseServerError,
    JsonResponse,
)
from django.shortcuts import render
from django.template import loader
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext, pgettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django.views.generic import DetailView, TemplateView

logger = logging.getLogger("apps.core.health")


@require_GET
def robots_txt(request):
    sitemap_url = request.build_absolute_uri(reverse("sitemap"))
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /healthz",
        "Allow: /",
        "",
        f"Sitemap: {sitemap_url}",
        "",
    ]
    response = HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
    response["Cache-Control"] = "public, max-age=3600"
    return response


@never_cache
@require_GET
def healthz(request):
    """200 when the database answers (the cache is reported, not required); 503 when it does not."""
    checks = {}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        checks["database"] = "ok"
    except DatabaseError as exc:
        logger.error("health check: database unavailable", extra={"error": str(exc)})
        checks["database"] = "unavailable"
    try:
        cache.set("core:healthz", "ok", 10)
        checks["cache"] = "ok" if cache.get("core:healthz") == "ok" else "degraded"
    except Exception as exc:  # any cache backend failure only degrades the site
        logger.warning("health check: cache unavailable", extra={"error": str(exc)})
        checks["cache"] = "degraded"
    healthy = checks["database"] == "ok"
    return JsonResponse(
        {"status": "ok" if healthy else "unavailable", "checks": checks},
        status=200 if healthy else 503,
    )


def page_not_found(request, exception=None):
    try:
        request.get_host()
    except DisallowedHost as exc:  # a 404 raised before the host was checked (media files)
        return bad_request(request, exc)
    return render(request, "404.html", status=404)


def permission_denied(request, exception=None):
    return render(request, "403.html", status=403)


def server_error(request):
    """Rendered without the request's context processors: the database may be what failed."""
    return HttpResponseServerError(loader.get_template("500.html").render({}))


def bad_request(request, exception=None):
    if isinstance(exception, DisallowedHost):
        # Nothing that builds an address from this request can run (the host is what is wrong):
        # a page that stands alone, like the 500 page, in both languages.
        return HttpResponseBadRequest(loader.get_template("400_host.html").render({}))
    return render(request, "400.html", status=400)


class PublishableDetailView(DetailView):
    """Detail page of a Publishable: visitors see it once published; staff preview drafts at the
    same URL, with a banner, and that preview is never cached nor indexed. An item with a slug
    in each language (apps.core.slugs) reached by its French slug at an English address is sent,
    permanently, to its English address."""

    def get_queryset(self):
        return super().get_queryset().visible_to(self.request.user)

    def get(self, request, *args, **kwargs):
        try:
            return super().get(request, *args, **kwargs)
        except Http404:
            moved = self._other_language_address()
            if moved is None:
                raise
            return HttpResponsePermanentRedirect(moved)

    def _other_language_address(self):
        from django.conf import settings
        from django.utils import translation

        from apps.core.slugs import has_translated_slug

        default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
        slug = self.kwargs.get(self.slug_url_kwarg)
        if not slug or translation.get_language() == default:
            return None
        if not has_translated_slug(self.get_queryset().model):
            return None
        found = self.get_queryset().filter(**{f"slug_{default}": slug}).first()
        return found.get_absolute_url() if found is not None else None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["preview_draft"] = not self.object.is_published()
        return context

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        if context.get("preview_draft"):
            keep_private(response)
        return response


def keep_private(response):
    """A staff preview (a draft, or a page under a draft): never stored by a shared cache nor
    indexed."""
    patch_cache_control(response, private=True, no_store=True)
    response["X-Robots-Tag"] = "noindex"
    return response


class LenientPaginationMixin:
    """Pagination that never fails on a bad ?page=: not a number gives the first page, a number
    past the end gives the last page, so a stale or hand-edited link still shows something."""

    paginate_by = 24

    def paginate_queryset(self, queryset, page_size):
        paginator = self.get_paginator(queryset, page_size, allow_empty_first_page=True)
        raw = self.request.GET.get(self.page_kwarg, "1")
        try:
            number = int(raw)
        except (TypeError, ValueError):
            number = 1
        number = min(max(number, 1), paginator.num_pages)
        page = paginator.page(number)
        return paginator, page, page.object_list, page.has_other_pages()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.request.GET.copy()
        query.pop(self.page_kwarg, None)
        context["query_without_page"] = query.urlencode()
        return context


def list_title_suffix(filters: list[dict], page_number: int = 1) -> str:
    """What the title of a filtered list adds to its name (RGAA 8.6): every active filter and
    the page number, " – Theme: Tumour immunology; Search: “melanoma” – page 2"."""
    parts = []
    if filters:
        parts.append(
            pgettext("list of filters", "; ").join(
                gettext("%(label)s: %(value)s") % {"label": f["label"], "value": f["value"]}
                for f in filters
            )
        )
    if page_number > 1:
        parts.append(gettext("page %(n)s") % {"n": page_number})
    return "".join(f" – {part}" for part in parts)


class FilteredListMixin:
    """A list filtered by a FilterForm (`self.form`, made in get_queryset): its context says
    every active filter, for the page title (`title_suffix`, after the list's name) and for the
    visible line under the heading (`active_filters`, core/includes/_active_filters.html)."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        filters = self.form.active_filters()
        page = context.get("page_obj")
        context["active_filters"] = filters
        context["title_suffix"] = list_title_suffix(filters, page.number if page else 1)
        return context


def favicon(request):
    """Browsers (and the admin, which links none) ask for /favicon.ico: send the hashed file."""
    from django.templatetags.static import static

    return HttpResponsePermanentRedirect(static("img/favicon.ico"))


class SiteMapView(TemplateView):
    """The site map for people (/fr/plan-du-site/): every public section and its pages, from what
    the apps register (apps.core.registry.site_map). /sitemap.xml stays, for search engines."""

    template_name = "core/site_map.html"

    def get_context_data(self, **kwargs):
        from apps.core.registry import site_map

        context = super().get_context_data(**kwargs)
        context["sections"] = site_map(self.request)
        return context


def follow_link(request, kind, pk):
    """/go/<kind>/<id>/: a link the editor's picker wrote to one of the site's items, sent to
    the item's current address (apps.core.links); 404 for an item visitors cannot see."""
    from django.http import Http404, HttpResponseRedirect

    from apps.core.links import address

    user = request.user if getattr(request.user, "is_staff", False) else None
    url = address(kind, pk, user)
    if url is None:
        raise Http404
    return HttpResponseRedirect(url)
