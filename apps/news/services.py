"""Calendars (iCalendar, RFC 5545) made with the icalendar library."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.utils import translation
from django.utils.html import strip_tags
from icalendar import Calendar
from icalendar import Event as VEvent

from apps.news.models import PARIS

PRODID = "-//Institut Curie//Center for Cancer Immunotherapy//FR"


def _one_line(text: str) -> str:
    """Names, titles and places are one line in a calendar (a CR or LF in a title would break
    the property it is written in)."""
    return " ".join(str(text).split())


def _calendar(name: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", _one_line(name))
    calendar.add("x-wr-timezone", "Europe/Paris")
    return calendar


def _vevent(event, request) -> VEvent:
    item = VEvent()
    item.add("uid", f"event-{event.pk}@{settings.SITE_DOMAIN}")  # stable whatever the host
    item.add("dtstamp", event.updated_at)
    item.add("last-modified", event.updated_at)
    if event.all_day:
        # DATE values; DTEND is the day after the last day (exclusive).
        item.add("dtstart", event.local_start.date())
        item.add("dtend", event.local_end.date() + datetime.timedelta(days=1))
    else:
        # Local Paris times with TZID: calendars keep the wall-clock time across DST changes.
        item.add("dtstart", event.start.astimezone(PARIS))
        item.add("dtend", event.end.astimezone(PARIS))
    item.add("summary", _one_line(event.title))
    description = strip_tags(event.summary or "")
    if event.online_url:
        description += f"\n{event.online_url}"
    item.add("description", description.strip())
    location = event.place or event.online_url
    if location:
        item.add("location", _one_line(location))
    item.add("url", request.build_absolute_uri(event.get_absolute_url()))
    item.add("status", "CANCELLED" if event.cancelled else "CONFIRMED")
    return item


def event_ics(event, request) -> bytes:
    calendar = _calendar(event.title)
    calendar.add_component(_vevent(event, request))
    calendar.add_missing_timezones()
    return calendar.to_ical()


def calendar_ics(events, request) -> bytes:
    name = translation.gettext("Center for Cancer Immunotherapy – events")
    calendar = _calendar(name)
    for event in events:
        calendar.add_component(_vevent(event, request))
    calendar.add_missing_timezones()
    return calendar.to_ical()
