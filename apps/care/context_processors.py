"""The main patient line and the opening hours, on every page.

`patient_line` is the number of the header's call button and of the footer, taken from the
contact point editors marked as the main line; `patient_hours` are the footer's (and the home
page's) opening hours, said from the weekly slots of that main line and of the contact point that
answers "I want to make an appointment". Both come from the contact points, so the header, the
footer, the home page and the patients page can never disagree. Without them, the site settings'
main number and opening-hours text stand in.
"""

from __future__ import annotations

from django.core.cache import cache
from django.db.models import Q
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language

from apps.care.hours import is_always_open, summary
from apps.care.models import ContactPoint
from apps.core.models import SiteSettings, phone_uri
from apps.core.preview import cache_set

CACHE_KEY = "care:main-line:v3"
# A contact point scheduled to appear or disappear is seen within this time (seconds); a save
# or a delete in the admin is seen at once (apps.care.apps connects the signals that clear the key).
CACHE_SECONDS = 300


def _names(point) -> dict:
    return {"fr": point.name_fr, "en": point.name_en or point.name_fr}


def _lines_row() -> dict:
    """{"main": {fr, en, phone} or {}, "hours": [{fr, en, slots}]}, cached: two queries when
    the cache is cold (the points, their slots), none after."""
    row = cache.get(CACHE_KEY)
    if row is None:
        points = list(
            ContactPoint.objects.published()
            .filter(Q(is_main_line=True) | Q(need=ContactPoint.Need.APPOINTMENT))
            .only("name_fr", "name_en", "phone", "is_main_line", "need", "order")
            .prefetch_related("slots")
            .order_by("order", "pk")
        )
        main = next((p for p in points if p.is_main_line and p.phone.strip()), None)
        appointments = next(
            (p for p in points if p.need == ContactPoint.Need.APPOINTMENT and p is not main), None
        )
        hours = []
        for point in (main, appointments):
            slots = [(s.weekday, s.opens, s.closes) for s in point.slots.all()] if point else []
            if slots:
                hours.append({**_names(point), "slots": slots})
        row = {
            "main": {
                **_names(main),
                "phone": main.phone,
                "always_open": is_always_open(
                    (s.weekday, s.opens, s.closes) for s in main.slots.all()
                ),
            }
            if main
            else {},
            "hours": hours,
        }
        cache_set(cache, CACHE_KEY, row, CACHE_SECONDS)
    return row


def _lang() -> str:
    return "en" if (get_language() or "").startswith("en") else "fr"


def main_line() -> dict | None:
    """{"label", "phone", "uri", "always_open"} of the main patient line in the current language,
    or None."""
    row = _lines_row()["main"]
    always_open = False
    if row:
        label, phone, always_open = row[_lang()], row["phone"], row["always_open"]
    else:
        settings_row = SiteSettings.load()
        label, phone = settings_row.phone_main_label, settings_row.phone_main
    if not phone:
        return None
    return {"label": label, "phone": phone, "uri": phone_uri(phone), "always_open": always_open}


def opening_hours() -> list[dict]:
    """[{"label", "text"}]: the main line's hours ("24 hours a day, 7 days a week") and the
    appointment line's, in the current language; else the site settings' lines (no label)."""
    lines = [
        {"label": row[_lang()], "text": summary(row["slots"])} for row in _lines_row()["hours"]
    ]
    if lines:
        return lines
    return [{"label": "", "text": line} for line in SiteSettings.load().opening_hours_lines]


def patient_line(request):
    return {
        "patient_line": SimpleLazyObject(main_line),
        "patient_hours": SimpleLazyObject(opening_hours),
    }


def forget_main_line(**kwargs) -> None:
    cache.delete(CACHE_KEY)
