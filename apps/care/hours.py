"""Opening hours said in words ("Monday to Friday, 9:00–17:00", "24 hours a day, 7 days a week"),
from a contact point's weekly slots, so every page that names hours reads them from the same data.

A line open all day is entered as 00:00–23:59 (a slot closes after it opens, on the same day);
such a slot runs to midnight.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.utils.dates import WEEKDAYS
from django.utils.formats import time_format
from django.utils.translation import gettext as _

END_OF_DAY = datetime.time(23, 59)
MIDNIGHT = datetime.time(0)

Slot = tuple[int, datetime.time, datetime.time]  # weekday (Monday 0), opens, closes


def runs_to_midnight(closes: datetime.time) -> bool:
    return closes >= END_OF_DAY


def periods_by_day(slots: Iterable[Slot]) -> dict[int, list[tuple[datetime.time, datetime.time]]]:
    days: dict[int, list] = {day: [] for day in range(7)}
    for weekday, opens, closes in slots:
        days[weekday].append((opens, closes))
    return {day: sorted(periods) for day, periods in days.items()}


def is_always_open(slots: Iterable[Slot]) -> bool:
    """Every day of the week, from midnight to midnight."""
    days = periods_by_day(slots)
    return all(
        any(opens == MIDNIGHT and runs_to_midnight(closes) for opens, closes in periods)
        for periods in days.values()
    )


def _periods_text(periods) -> str:
    return ", ".join(
        f"{time_format(opens, 'TIME_FORMAT')}–{time_format(closes, 'TIME_FORMAT')}"
        for opens, closes in periods
    )


def _days_text(first: int, last: int) -> str:
    if first == last:
        return str(WEEKDAYS[first])
    if last == first + 1:
        return _("%(first)s and %(last)s") % {"first": WEEKDAYS[first], "last": WEEKDAYS[last]}
    return _("%(first)s to %(last)s") % {"first": WEEKDAYS[first], "last": WEEKDAYS[last]}


def summary(slots: Iterable[Slot]) -> str:
    """The week in one line, in the current language: days with the same hours are grouped
    ("Monday to Friday, 9 a.m.–5 p.m.; Saturday, 9 a.m.–noon", in French "du lundi au vendredi,
    09:00–17:00 ; samedi, 09:00–12:00"). Empty without any slot."""
    slots = list(slots)
    if not slots:
        return ""
    if is_always_open(slots):
        return _("24 hours a day, 7 days a week")
    days = periods_by_day(slots)
    groups: list[list] = []  # [first day, last day, periods]
    for day in range(7):
        periods = days[day]
        if groups and groups[-1][2] == periods and groups[-1][1] == day - 1:
            groups[-1][1] = day
        else:
            groups.append([day, day, periods])
    parts = [
        _("%(days)s, %(hours)s") % {"days": _days_text(first, last), "hours": _periods_text(p)}
        for first, last, p in groups
        if p
    ]
    return _("; ").join(parts)
