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
