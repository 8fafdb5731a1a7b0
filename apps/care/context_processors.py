"""The main patient line, on every page: the number of the header's call button and of the
footer, taken from the contact point editors marked as the main line, so they never disagree
with the patients page. Without one, the site settings' main number stands in."""

from __future__ import annotations

from django.core.cache import cache
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language

from apps.care.models import ContactPoint
from apps.core.models import SiteSettings, phone_uri

CACHE_KEY = "care:main-line:v1"
# A contact point scheduled to appear or disappear is seen within this time (seconds); a save
# or a delete in the admin is seen at once (apps.care.signals clears the key).
CACHE_SECONDS = 300


def _main_line_row() -> dict:
    row = cache.get(CACHE_KEY)
    if row is None:
        point = (
            ContactPoint.objects.published()
            .filter(is_main_line=True)
            .exclude(phone="")
            .only("name_fr", "name_en", "phone", "slug")
            .first()
        )
        row = (
            {"fr": point.name_fr, "en": point.name_en or point.name_fr, "phone": point.phone}
            if point
            else {}
        )
        cache.set(CACHE_KEY, row, CACHE_SECONDS)
    return row


def main_line() -> dict | None:
    """{"label", "phone", "uri"} of the main patient line in the current language, or None."""
    row = _main_line_row()
    if row:
        lang = "en" if (get_language() or "").startswith("en") else "fr"
        label, phone = row[lang], row["phone"]
    else:
        settings_row = SiteSettings.load()
        label, phone = settings_row.phone_main_label, settings_row.phone_main
    if not phone:
        return None
    return {"label": label, "phone": phone, "uri": phone_uri(phone)}


def patient_line(request):
    return {"patient_line": SimpleLazyObject(main_line)}


def forget_main_line(**kwargs) -> None:
    cache.delete(CACHE_KEY)
