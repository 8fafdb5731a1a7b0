"""The admin site: the password, then the code of an authenticator app (TOTP, django-otp) for
whoever has set one up or must use one (`apps.core.auth.otp_required`); a staff member who must
and has none yet is sent to the enrolment page before anything else of the admin.

Failed codes count as failed logins for the lock-out (django-axes), as wrong passwords do.
"""

from __future__ import annotations

import base64

import django_otp
import qrcode
import qrcode.image.svg
from django import forms
from django.contrib import admin, messages
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import logout as auth_logout
from django.contrib.auth.signals import user_login_failed
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django_otp.plugins.otp_totp.models import TOTPDevice

from apps.core.auth import has_device, is_verified, otp_required


class CodeField(forms.CharField):
    """Six digits from the app; spaces typed or pasted between them are dropped."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 12)
        kwargs.setdefault(
            "widget",
            forms.TextInput(
                attrs={
                    "autocomplete": "one-time-code",
                    "inputmode": "numeric",
                    "autocapitalize": "none",
                    "spellcheck": "false",
                    "size": 10,
                }
            ),
        )
        super().__init__(**kwargs)

    def to_python(self, value):
        return "".join(super().to_python(value).split())


CODE_ERRORS = {
    "otp_required": _("Enter the 6-digit code that your authenticator app shows."),
    "otp_invalid": _(
        "This code is not valid. Enter the code that your authenticator app shows now."
    ),
    "otp_throttled": _("Too many wrong codes: wait a minute, then enter a new code."),
}


def verify_code(devices, token) -> tuple[TOTPDevice | None, str]:
    """The device that accepts this code, or None and the error's code."""
    throttled = False
    for device in devices:
        allowed, _extra = device.verify_is_allowed()
        if not allowed:
            throttled = True
            continue
        # Locks the device's row, so one code cannot be used twice at once.
        verified = django_otp.verify_token(device.user, device.persistent_id, token)
        if verified is not None:
            return verified, ""
    return None, "otp_throttled" if throttled else "otp_invalid"


class PortalAuthenticationForm(AdminAuthenticationForm):
    otp_token = CodeField(
        required=False,
        label=_("Code from your authenticator app"),
        help_text=_("If you have set up two-factor authentication: the 6 digits the app shows."),
    )

    def clean(self):
        cleaned_data = super().clean()
        user = self.get_user()
        devices = list(django_otp.devices_for_user(user)) if user is not None else []
        if devices:
            token = cleaned_data.get("otp_token")
            if not token:
                raise ValidationError(CODE_ERRORS["otp_required"], code="otp_required")
            device, error = verify_code(devices, token)
            if device is None:
                # A wrong code counts towards the lock-out like a wrong password.
                user_login_failed.send(
                    sender=__name__,
                    credentials={"username": cleaned_data.get("username")},
                    request=self.request,
                )
                raise ValidationError(CODE_ERRORS[error], code=error)
            # django-otp's user_logged_in receiver marks the new session as verified.
            user.otp_device = device
        return cleaned_data


class CodeForm(forms.Form):
    otp_token = CodeField(
        label=_("Code shown by the app"),
        help_text=_("6 digits; a new code appears every 30 seconds."),
    )


def qr_code_data_uri(text: str) -> str:
    """An SVG QR code as a data: address (the admin's policy allows data: images)."""
    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, border=4)
    svg = image.to_string(encoding="unicode")
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()


class PortalAdminSite(admin.AdminSite):
    login_form = PortalAuthenticationForm
    login_template = "admin/portal_login.html"

    def has_permission(self, request):
        user = request.user
        return super().has_permission(request) and (not otp_required(user) or is_verified(user))

    def each_context(self, request):
        """Staff without an authenticator app are offered to set one up, from every page."""
        context = super().each_context(request)
        user = request.user
        context["otp_offer_setup"] = user.is_active and user.is_staff and not has_device(user)
        context["may_see_roles"] = user.is_active and user.has_perm("auth.view_user")
        return context

    def needs_enrolment(self, user) -> bool:
        return (
            user.is_authenticated
            and otp_required(user)
            and not is_verified(user)
            and not has_device(user)
        )

    @method_decorator(never_cache)
    def login(self, request, extra_context=None):
        if request.method == "GET" and self.needs_enrolment(request.user):
            return redirect("admin:otp_setup")
        response = super().login(request, extra_context)
        if request.method == "POST" and self.needs_enrolment(request.user):
            return redirect("admin:otp_setup")
        return response

    def get_urls(self):
        return [
            path("two-factor/setup/", self.otp_setup, name="otp_setup"),
            path("roles/", self.admin_view(self.roles), name="roles"),
            path("search/", self.admin_view(self.search), name="search"),
            path("link-targets/", self.admin_view(self.link_targets), name="link_targets"),
            *super().get_urls(),
        ]

    def i18n_javascript(self, request, extra_context=None):
        """The admin's JavaScript catalogue, with the rich-text editor's (its dialogs) and the
        project's (its toolbar: static/js/admin-editor-labels.js)."""
        from django.views.i18n import JavaScriptCatalog

        return JavaScriptCatalog.as_view(packages=["django.contrib.admin", "django_prose_editor"])(
            request
        )

    def index(self, request, extra_context=None):
        """The dashboard (apps.core.dashboard) above the list of content."""
        from apps.core.dashboard import dashboard

        extra_context = {**(extra_context or {}), "dashboard": dashboard(request, self)}
        return super().index(request, extra_context)

    def search(self, request):
        """Every kind of content the editor may open, searched at once (`?q=`)."""
        from apps.core.dashboard import search

        term = request.GET.get("q", "").strip()
        refused = "\x00" in term or len(term) > 200
        context = {
            **self.each_context(request),
            "title": _("Search the content"),
            "term": "" if refused else term,
            "refused": refused,
            "results": search(request, self, term) if term and not refused else [],
        }
        request.current_app = self.name
        # A search that cannot be run: 400, with the search form again and why.
        return TemplateResponse(
            request, "admin/search.html", context, status=400 if refused else 200
        )

    def link_targets(self, request):
        """What the editor's link picker offers for `?q=` (JSON): pages, teams, people,
        articles and events, a few of each (apps.core.links)."""
        from django.http import JsonResponse

        from apps.core.links import targets

        term = request.GET.get("q", "").strip()[:100]
        found = targets(term, request.user) if len(term) >= 2 else []
        return JsonResponse({"results": found})

    def roles(self, request):
        from apps.core.roles_view import roles_view

        return roles_view(request, self)

    @method_decorator(never_cache)
    @method_decorator(csrf_protect)
    def otp_setup(self, request):
        """Enrolment: scan the QR code (or type the key), confirm with a code. Open to a logged-in
        staff member with no authenticator app yet (a second one is added by a superuser, in
        TOTP devices)."""
        user = request.user
        login_url = reverse("admin:login", current_app=self.name)
        if not (user.is_active and user.is_staff):
            return redirect_to_login(request.get_full_path(), login_url)
        if has_device(user):
            return redirect("admin:index")
        if request.method == "POST" and "cancel" in request.POST:
            auth_logout(request)
            return redirect(login_url)

        device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
        if device is None:
            device = TOTPDevice.objects.create(
                user=user, name=str(_("Authenticator app")), confirmed=False
            )
        form = CodeForm(request.POST if request.method == "POST" else None)
        if form.is_valid():
            verified, error = verify_code([device], form.cleaned_data["otp_token"])
            if verified is not None:
                device.refresh_from_db()
                device.confirmed = True
                device.save(update_fields=["confirmed"])
                TOTPDevice.objects.filter(user=user, confirmed=False).delete()
                request.session.cycle_key()
                django_otp.login(request, device)
                messages.success(
                    request,
                    _(
                        "Two-factor authentication is set up. From now on, log in with your "
                        "password and a code from the app."
                    ),
                )
                return redirect("admin:index")
            form.add_error("otp_token", ValidationError(CODE_ERRORS[error], code=error))

        key = base64.b32encode(device.bin_key).decode()
        context = {
            **self.each_context(request),
            "title": _("Set up two-factor authentication"),
            "form": form,
            "qr_code": qr_code_data_uri(device.config_url),
            "secret": " ".join(key[i : i + 4] for i in range(0, len(key), 4)),
            "username": user.get_username(),
        }
        return TemplateResponse(request, "admin/otp_setup.html", context)
