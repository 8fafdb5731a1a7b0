"""Security headers and local media serving."""

from __future__ import annotations

import mimetypes
import posixpath
from pathlib import Path

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation
from django.http import FileResponse, Http404
from django.utils._os import safe_join


class PermissionsPolicyMiddleware:
    """Switch off browser features the site never uses."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


class PortalCSPMiddleware(CSPMiddleware):
    """The strict policy everywhere; the admin's editor widgets also need an inline import map and
    inline styles, so only /admin/ (staff behind a login) gets 'unsafe-inline'."""

    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if request.path_info.startswith("/admin/"):
            parts.update = {
                **(parts.update or {}),
                "script-src": ["'unsafe-inline'"],
                "style-src": ["'unsafe-inline'"],
                "img-src": ["blob:"],
            }
        return parts


class MediaFilesMiddleware:
    """Serve uploaded media on a local run (`make run`, DEBUG off), so no image ever 404s.

    Only active when SERVE_MEDIA is true and media are on local disk; production serves media from
    the object storage or the front web server instead.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.prefix = settings.MEDIA_URL
        self.enabled = (
            settings.SERVE_MEDIA
            and settings.STORAGES["default"]["BACKEND"].endswith("FileSystemStorage")
            and self.prefix.startswith("/")
        )

    def __call__(self, request):
        if self.enabled and request.path_info.startswith(self.prefix):
            return self.serve(request.path_info[len(self.prefix) :])
        return self.get_response(request)

    def serve(self, relative: str):
        relative = posixpath.normpath(relative).lstrip("/")
        try:
            full = Path(safe_join(str(settings.MEDIA_ROOT), relative))
        except (ValueError, SuspiciousFileOperation):
            raise Http404 from None
        if "\x00" in relative or not full.is_file():
            raise Http404
        content_type, _ = mimetypes.guess_type(str(full))
        response = FileResponse(
            full.open("rb"), content_type=content_type or "application/octet-stream"
        )
        response["Cache-Control"] = "public, max-age=86400"
        response["X-Content-Type-Options"] = "nosniff"
        return response


# Date parts an admin filter may ask for, and the values each can take.
_DATE_PART_RANGES = {
    "year": (1, 9999),
    "iso_year": (1, 9999),
    "month": (1, 12),
    "day": (1, 31),
    "week": (1, 53),
    "week_day": (1, 7),
    "iso_week_day": (1, 7),
    "quarter": (1, 4),
}


def _odd_admin_parameter(key: str, value: str) -> bool:
    if "\x00" in key or "\x00" in value:
        return True  # PostgreSQL text cannot hold a NUL
    parts = key.split("__")
    if {"regex", "iregex"} & set(parts):
        return True  # no admin screen makes one, and PostgreSQL refuses what Python accepts
    for index, part in enumerate(parts[1:], 1):
        if part not in _DATE_PART_RANGES:
            continue
        rest = parts[index + 1 :]
        if "isnull" in rest:
            return False
        low, high = _DATE_PART_RANGES[part]
        values = value.split(",") if rest[-1:] in (["in"], ["range"]) else [value]
        return not all(
            item.isascii() and item.lstrip("-").isdigit() and low <= int(item) <= high
            for item in values
        )
    return False


class AdminQueryGuardMiddleware:
    """The admin turns query parameters into database lookups (list filters, date hierarchies,
    autocomplete). Values that no lookup can take (a NUL character, year 0 or 99999, month 13)
    are refused with a 400 page before they reach the database, for every list at once."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.startswith(self._admin_prefix()) and any(
            _odd_admin_parameter(key, value)
            for key, values in request.GET.lists()
            for value in values
        ):
            from apps.core.views import bad_request

            return bad_request(request)
        return self.get_response(request)

    @staticmethod
    def _admin_prefix() -> str:
        from django.urls import reverse

        return reverse("admin:index")
