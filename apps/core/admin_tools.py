"""Pieces every app's admin shares."""

from __future__ import annotations

from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils.html import format_html


class SafeObjectAdminMixin:
    """Admin views with an object id in the address: an id that is not one (`/abc/change/`) is
    a 404, not an error page; and simple_history's 'revert to this version' form, which saves
    on POST, needs the change permission on that object, not only the history one."""

    def _check_object_id(self, object_id) -> None:
        try:
            self.model._meta.pk.to_python(unquote(object_id))
        except (ValidationError, ValueError, TypeError):
            raise Http404 from None

    def change_view(self, request, object_id, form_url="", extra_context=None):
        self._check_object_id(object_id)
        return super().change_view(request, object_id, form_url, extra_context)

    def delete_view(self, request, object_id, extra_context=None):
        self._check_object_id(object_id)
        return super().delete_view(request, object_id, extra_context)

    def history_view(self, request, object_id, extra_context=None):
        self._check_object_id(object_id)
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        self._check_object_id(object_id)
        if not str(version_id).isdigit():
            raise Http404
        if request.method == "POST":
            obj = self.get_object(request, unquote(object_id))
            if obj is None or not self.has_change_permission(request, obj):
                raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)


def image_preview(image, width=120):
    rendition = image.fallback(max_width=480) if image else None
    if not rendition:
        return "—"
    height = max(1, round(rendition.height * width / rendition.width))
    return format_html(
        '<img src="{}" alt="" width="{}" height="{}">', rendition.file.url, width, height
    )
