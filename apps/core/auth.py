"""Login security: the lock-out after failed logins (django-axes), who must use two-factor
authentication (django-otp), the group of site administrators and an extra password rule.

The admin site that asks for the code and the enrolment page are in `apps.core.admin_site`.
"""

from __future__ import annotations

import ipaddress

from axes.backends import AxesStandaloneBackend
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from apps.core.clients import client_address
from apps.core.roles import SITE_ADMINISTRATORS

# Members of Site administrators (apps.core.roles) must use two-factor authentication (with
# OTP_REQUIRED_FOR's default in production), like superusers.

# OTP_REQUIRED_FOR: who must log in with a code from an authenticator app.
OTP_NONE = "none"
OTP_ADMINS = "superusers-and-admins"
OTP_ALL_STAFF = "all-staff"
OTP_CHOICES = (OTP_NONE, OTP_ADMINS, OTP_ALL_STAFF)


# Lock-out (django-axes) ------------------------------------------------------------------------


def client_ip(request) -> str | None:
    """AXES_CLIENT_IP_CALLABLE: the address that `client_address` counts (TRUSTED_PROXY_COUNT
    applied, IPv6 by /64, given as the network's first address so it fits an IP column), or None
    when the address is not one."""
    try:
        network = ipaddress.ip_network(client_address(request), strict=False)
    except ValueError:
        return None
    return str(network.network_address)


def lockout_minutes() -> int:
    return max(1, round(settings.AXES_COOLOFF_TIME.total_seconds() / 60))


def lockout_response(request, original_response=None, credentials=None):
    """AXES_LOCKOUT_CALLABLE: the admin's page saying when to try again, in the request's
    language, with status 429 (Too Many Requests)."""
    from django.contrib import admin

    context = {
        **admin.site.each_context(request),
        "title": _("Too many login attempts"),
        "minutes": lockout_minutes(),
    }
    return render(request, "admin/lockout.html", context, status=settings.AXES_HTTP_RESPONSE_CODE)


class LockoutBackend(AxesStandaloneBackend):
    """Refuses every login while its username and address are locked out. A call to
    `authenticate()` without a request (code, management commands, tests' `client.login`) has no
    address to count and is let through to the password check; every web login (the admin's login
    form) passes its request and is counted."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


# Two-factor authentication (django-otp) -------------------------------------------------------


def otp_mode() -> str:
    mode = settings.OTP_REQUIRED_FOR
    if mode not in OTP_CHOICES:
        raise ImproperlyConfigured(
            f"OTP_REQUIRED_FOR must be one of {', '.join(OTP_CHOICES)}, not {mode!r}."
        )
    return mode


def otp_required(user) -> bool:
    """Whether this user must log in with a code. With `superusers-and-admins`: superusers,
    members of Site administrators, and whoever may change users or groups (they could make
    themselves superusers)."""
    if not (user.is_authenticated and user.is_active and user.is_staff):
        return False
    mode = otp_mode()
    if mode == OTP_NONE:
        return False
    if mode == OTP_ALL_STAFF or user.is_superuser:
        return True
    return (
        user.groups.filter(name=SITE_ADMINISTRATORS).exists()
        or user.has_perm("auth.change_user")
        or user.has_perm("auth.change_group")
    )


def has_device(user) -> bool:
    from django_otp import user_has_device

    return user_has_device(user, confirmed=True)


def is_verified(user) -> bool:
    """Whether this session was opened with a code (django-otp's middleware, or the login that
    just happened)."""
    return getattr(user, "otp_device", None) is not None


# Passwords ---------------------------------------------------------------------------------------


class DistinctCharactersValidator:
    """Refuses passwords made of a few characters repeated (`aaaaaaaaaaaa`, `abababababab`),
    which pass the minimum length and are missing from the common-password list."""

    def __init__(self, min_distinct: int = 5):
        self.min_distinct = min_distinct

    def validate(self, password, user=None):
        if len(set(password)) < self.min_distinct:
            raise ValidationError(
                ngettext(
                    "This password repeats too few characters: use at least %(min)d different one.",
                    "This password repeats too few characters: use at least %(min)d different "
                    "ones.",
                    self.min_distinct,
                )
                % {"min": self.min_distinct},
                code="password_too_few_distinct",
                params={"min": self.min_distinct},
            )

    def get_help_text(self):
        return ngettext(
            "Your password must use at least %(min)d different character.",
            "Your password must use at least %(min)d different characters.",
            self.min_distinct,
        ) % {"min": self.min_distinct}
