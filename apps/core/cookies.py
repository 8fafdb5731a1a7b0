"""Every cookie the site sets, where, why and for how long: the privacy page shows this list,
and a test crawls the public site to check that it is the whole truth."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Cookie:
    name: str
    # The named URLs whose pages set it; "admin" stands for the administration, staff only.
    url_names: tuple[str, ...]
    where: Promise
    purpose: Promise
    lifetime: Promise


def site_cookies() -> list[Cookie]:
    return [
        Cookie(
            name=settings.CSRF_COOKIE_NAME,
            url_names=("care:contact",),
            where=_("the contact form"),
            purpose=_(
                "proves that a message was sent from this site's form (protection against "
                "forged requests); it holds a random value and nothing about you"
            ),
            lifetime=_("until you close your browser"),
        ),
        Cookie(
            name=settings.SESSION_COOKIE_NAME,
            url_names=("admin",),
            where=_("the administration, for staff who log in"),
            purpose=_("keeps staff logged in"),
            lifetime=_("until the browser closes, at most a working day"),
        ),
        Cookie(
            name=settings.CSRF_COOKIE_NAME,
            url_names=("admin",),
            where=_("the administration, for staff who log in"),
            purpose=_("protects the administration's forms against forged requests"),
            lifetime=_("until you close your browser"),
        ),
    ]
