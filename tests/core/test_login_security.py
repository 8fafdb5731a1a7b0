"""Login security (review finding 3): lock-out after failed logins, two-factor authentication for
staff, password rules, staff sessions. Logins go through the real middleware and admin login."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from datetime import timedelta
from io import StringIO
from pathlib import Path

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import SESSION_KEY, get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from apps.core.auth import client_ip
from apps.core.roles import SITE_ADMINISTRATORS
from tests.core.test_security import PRODUCTION_ENV, _run_production
from tests.factories import StaffFactory, UserFactory

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "a-long-test-password"
LOGIN = "/admin/login/"

pytestmark = pytest.mark.django_db


def post_login(client, username, password=PASSWORD, code="", **headers):
    headers.setdefault("HTTP_ACCEPT_LANGUAGE", "en")
    return client.post(
        LOGIN,
        {"username": username, "password": password, "otp_token": code, "next": "/admin/"},
        **headers,
    )


def logged_in(client) -> bool:
    return SESSION_KEY in client.session


def code_for(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def wrong_code_for(device: TOTPDevice) -> str:
    return f"{(int(code_for(device)) + 500_000) % 1_000_000:06d}"


@pytest.fixture
def superuser():
    return UserFactory(username="chief", is_staff=True, is_superuser=True)


# Lock-out --------------------------------------------------------------------------------------


def test_lockout_refuses_the_right_password_until_the_lock_ends(client, superuser, settings):
    assert settings.AXES_FAILURE_LIMIT == 5
    for attempt in range(1, 5):
        response = post_login(client, "chief", "wrong-password-here")
        assert response.status_code == 200, attempt
        assert "Please enter the correct username and password" in response.content.decode()
    response = post_login(client, "chief", "wrong-password-here")
    assert response.status_code == 429
    assert "Too many failed login attempts" in response.content.decode()

    # The right password is refused now, with the same page, and opens no session.
    response = post_login(client, "chief")
    assert response.status_code == 429
    assert "try again in 15 minutes" in response.content.decode()
    assert not logged_in(client)
    assert client.get("/admin/").status_code == 302

    # The lock ends 15 minutes after the last attempt.
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=16))
    response = post_login(client, "chief")
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert logged_in(client)
    assert client.get("/admin/").status_code == 200


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "fr",
            "Trop de tentatives de connexion échouées. La connexion est bloquée : réessayez dans "
            "15 minutes.",
        ),
        (
            "en",
            "Too many failed login attempts. Logging in is blocked: try again in 15 minutes.",
        ),
    ],
)
def test_lockout_page_speaks_the_request_language(client, superuser, language, expected):
    for _attempt in range(5):
        response = post_login(client, "chief", "nope-nope-nope", HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 429
    html = response.content.decode()
    assert f'<html lang="{language}"' in html
    assert expected in " ".join(html.split())


def test_lockout_counts_by_username_and_address(client, superuser, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    StaffFactory(username="colleague")
    first = {"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": "203.0.113.7"}
    for _attempt in range(5):
        response = post_login(client, "chief", "wrong-password-here", **first)
    assert response.status_code == 429
    assert post_login(client, "chief", **first).status_code == 429
    attempt = AccessAttempt.objects.get()
    assert (attempt.username, attempt.ip_address) == ("chief", "203.0.113.7")

    # Another visitor behind the same proxy is not locked out...
    other = {"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": "198.51.100.4"}
    assert post_login(client, "chief", **other).status_code == 302
    client.logout()
    # ...nor is another account from the first address.
    assert post_login(client, "colleague", **first).status_code == 302
    client.logout()

    # Without a trusted proxy, a forged X-Forwarded-For does not escape the lock.
    settings.TRUSTED_PROXY_COUNT = 0
    AccessAttempt.objects.all().delete()
    for _attempt in range(5):
        post_login(client, "chief", "wrong-password-here", HTTP_X_FORWARDED_FOR="192.0.2.1")
    forged = {"HTTP_X_FORWARDED_FOR": "192.0.2.99"}
    assert post_login(client, "chief", **forged).status_code == 429


@pytest.mark.parametrize(
    ("remote_addr", "counted"),
    [
        ("192.0.2.10", "192.0.2.10"),
        ("2001:db8:1:2:3:4:5:6", "2001:db8:1:2::"),  # one /64 network counts as one address
        ("unknown", None),
    ],
)
def test_lockout_address_is_the_clients(rf, remote_addr, counted):
    assert client_ip(rf.post(LOGIN, REMOTE_ADDR=remote_addr)) == counted


def test_failure_limit_is_a_setting(client, superuser, settings):
    settings.AXES_FAILURE_LIMIT = 2
    assert post_login(client, "chief", "wrong-password-here").status_code == 200
    assert post_login(client, "chief", "wrong-password-here").status_code == 429


def test_lockouts_are_listed_and_lifted_in_the_admin(client, superuser):
    for _attempt in range(5):
        post_login(client, "chief", "wrong-password-here")
    admin_client = type(client)()
    admin_client.force_login(UserFactory(username="boss", is_staff=True, is_superuser=True))
    response = admin_client.get("/admin/axes/accessattempt/?locked_out=yes")
    assert response.status_code == 200
    assert "chief" in response.content.decode()
    attempt = AccessAttempt.objects.get(username="chief")
    assert "wrong-password-here" not in attempt.post_data  # passwords are never stored
    response = admin_client.post(f"/admin/axes/accessattempt/{attempt.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert post_login(client, "chief").status_code == 302


# Two-factor authentication ---------------------------------------------------------------------


@pytest.fixture
def device(superuser):
    return TOTPDevice.objects.create(user=superuser, name="phone", confirmed=True)


def test_password_alone_does_not_open_the_admin_to_a_user_with_a_device(client, device):
    response = post_login(client, "chief")
    assert response.status_code == 200
    assert "Enter the 6-digit code that your authenticator app shows." in response.content.decode()
    assert not logged_in(client)
    assert client.get("/admin/").status_code == 302


def test_the_right_code_opens_the_admin(client, device):
    response = post_login(client, "chief", code=code_for(device))
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_a_wrong_code_is_refused_and_counts_towards_the_lockout(client, device, settings):
    response = post_login(client, "chief", code=wrong_code_for(device))
    assert response.status_code == 200
    assert "This code is not valid." in response.content.decode()
    assert not logged_in(client)
    assert AccessAttempt.objects.get(username="chief").failures_since_start == 1
    settings.AXES_FAILURE_LIMIT = 2
    assert post_login(client, "chief", code=wrong_code_for(device)).status_code == 429


def test_a_code_works_once(client, device):
    code = code_for(device)
    assert post_login(client, "chief", code=code).status_code == 302
    client.logout()
    assert post_login(client, "chief", code=code).status_code == 200
    assert not logged_in(client)


def test_an_unverified_session_of_one_who_must_use_a_code_is_refused(client, superuser, settings):
    settings.OTP_REQUIRED_FOR = "superusers-and-admins"
    client.force_login(superuser)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN)
    settings.OTP_REQUIRED_FOR = "none"
    assert client.get("/admin/").status_code == 200


def test_a_superuser_without_a_device_must_enrol_first(client, superuser, settings):
    settings.OTP_REQUIRED_FOR = "superusers-and-admins"
    response = post_login(client, "chief")
    assert response.status_code == 302
    assert response["Location"] == "/admin/two-factor/setup/"
    # Nothing of the admin opens before enrolment: it leads back to the enrolment page.
    response = client.get("/admin/", follow=True)
    assert response.redirect_chain[-1][0] == "/admin/two-factor/setup/"

    response = client.get("/admin/two-factor/setup/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'src="data:image/svg+xml;base64,' in html
    assert "<script" not in html.split("<body", 1)[1]
    device = TOTPDevice.objects.get(user=superuser, confirmed=False)
    secret = response.context["secret"].replace(" ", "")
    assert device.config_url.split("secret=")[1].startswith(secret)

    response = client.post("/admin/two-factor/setup/", {"otp_token": wrong_code_for(device)})
    assert response.status_code == 200
    assert not TOTPDevice.objects.filter(confirmed=True).exists()

    device.refresh_from_db()
    device.throttling_failure_count = 0
    device.save()
    response = client.post("/admin/two-factor/setup/", {"otp_token": code_for(device)})
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert TOTPDevice.objects.get(user=superuser).confirmed
    assert client.get("/admin/").status_code == 200
    # Enrolled: the setup page no longer offers a new key.
    assert client.get("/admin/two-factor/setup/").status_code == 302


def test_enrolment_can_be_left_by_logging_out(client, superuser, settings):
    settings.OTP_REQUIRED_FOR = "superusers-and-admins"
    post_login(client, "chief")
    response = client.post("/admin/two-factor/setup/", {"cancel": "1"})
    assert response.status_code == 302
    assert not logged_in(client)


def test_who_must_use_a_code(client, settings):
    admins = Group.objects.get(name=SITE_ADMINISTRATORS)
    administrator = StaffFactory(username="administrator")
    administrator.groups.add(admins)
    StaffFactory(username="editor")

    settings.OTP_REQUIRED_FOR = "superusers-and-admins"
    assert post_login(client, "administrator")["Location"] == "/admin/two-factor/setup/"
    client.logout()
    assert post_login(client, "editor")["Location"] == "/admin/"
    client.logout()

    settings.OTP_REQUIRED_FOR = "all-staff"
    assert post_login(client, "editor")["Location"] == "/admin/two-factor/setup/"


def test_site_administrators_group_is_kept_by_migrate():
    permissions = set(
        Group.objects.get(name=SITE_ADMINISTRATORS).permissions.values_list(
            "content_type__app_label", "codename"
        )
    )
    assert {("auth", "change_user"), ("axes", "delete_accessattempt")} <= permissions
    assert ("otp_totp", "delete_totpdevice") in permissions


def test_production_requires_two_factor_authentication():
    code = (
        "import django, os; os.environ['DJANGO_SETTINGS_MODULE']='center_portal.settings';"
        "django.setup(); from django.conf import settings; print(settings.OTP_REQUIRED_FOR)"
    )
    result = _run_production(code, PRODUCTION_ENV, python_code=True)
    assert result.stdout.strip() == "superusers-and-admins", result.stderr
    result = _run_production(["check"], {**PRODUCTION_ENV, "OTP_REQUIRED_FOR": "none"})
    assert result.returncode != 0
    assert "OTP_REQUIRED_FOR must be superusers-and-admins or all-staff" in result.stderr


# Passwords ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "password", ["aaaaaaaaaaaa", "abababababab", "password", "short-pass1", "123456789012"]
)
def test_weak_passwords_are_refused(password):
    with pytest.raises(ValidationError):
        validate_password(password)


def test_a_password_like_the_username_is_refused():
    user = get_user_model()(username="marie.sklodowska", email="marie.sklodowska@example.org")
    with pytest.raises(ValidationError):
        validate_password("marie.sklodowska", user)


def test_a_good_passphrase_is_accepted():
    validate_password("violet tramway under nine clouds")


def test_demo_admin_password_passes_the_rules():
    out = StringIO()
    call_command("ensure_admin", stdout=out)
    password = re.search(r"password: (\S+)", out.getvalue()).group(1)
    validate_password(password, get_user_model().objects.get(username="admin"))


# Staff sessions ----------------------------------------------------------------------------------


def test_staff_session_ends_with_the_browser_and_after_a_working_day(client, superuser):
    response = post_login(client, "chief")
    assert response.status_code == 302
    cookie = response.cookies["sessionid"]
    assert cookie["expires"] == "" and cookie["max-age"] == ""
    assert client.session.get_expire_at_browser_close()
    assert client.session.get_expiry_age() == 10 * 3600
    stored = Session.objects.get(session_key=client.session.session_key)
    assert abs(stored.expire_date - (timezone.now() + timedelta(hours=10))) < timedelta(minutes=1)


def test_login_settings_come_from_the_environment():
    code = (
        "import django, os; os.environ['DJANGO_SETTINGS_MODULE']='center_portal.settings';"
        "django.setup(); from django.conf import settings as s;"
        "print(s.AXES_FAILURE_LIMIT, s.AXES_COOLOFF_TIME.total_seconds(), s.SESSION_COOKIE_AGE,"
        " s.OTP_REQUIRED_FOR)"
    )
    env = {key: value for key, value in os.environ.items() if key != "DJANGO_SETTINGS_MODULE"}
    env.update(
        {
            "DJANGO_ENV": "test",
            "LOGIN_FAILURE_LIMIT": "7",
            "LOGIN_LOCKOUT_MINUTES": "30",
            "STAFF_SESSION_HOURS": "8",
            "OTP_REQUIRED_FOR": "all-staff",
        }
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    assert result.stdout.split() == ["7", "1800.0", "28800", "all-staff"], result.stderr


# In Chromium -------------------------------------------------------------------------------------


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_login_enrolment_and_lockout_pages_work_in_chromium(
    live_server, page, settings, axe_source
):
    """The pages under the admin's Content-Security-Policy: no console or CSP error, the QR code
    image loads, and no WCAG 2.1 A/AA violation."""
    from tests.conftest import run_axe

    settings.OTP_REQUIRED_FOR = "superusers-and-admins"
    user = UserFactory(username="chief", is_staff=True, is_superuser=True)
    page.goto(f"{live_server.url}/admin/login/")
    assert run_axe(page, axe_source) == []
    page.fill("#id_username", "chief")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/two-factor/setup/")
    assert page.evaluate("document.querySelector('img[src^=\"data:image/svg+xml\"]').naturalWidth")
    assert run_axe(page, axe_source) == []
    device = TOTPDevice.objects.get(user=user)
    page.fill("#id_otp_token", code_for(device))
    page.click("input.default")
    page.wait_for_url(f"{live_server.url}/admin/")
    assert TOTPDevice.objects.get(user=user).confirmed

    page.context.clear_cookies()
    for _attempt in range(5):
        page.goto(f"{live_server.url}/admin/login/")
        page.fill("#id_username", "chief")
        page.fill("#id_password", "wrong-password-here")
        page.click("input[type=submit]")
    assert "try again in 15 minutes" in page.inner_text("#content-main").replace("\n", " ")
    assert run_axe(page, axe_source) == []
    assert page.console_problems == [], page.console_problems


def test_staff_without_an_app_are_offered_the_setup_on_every_admin_page(client):
    staff = StaffFactory(username="optional-2fa")
    staff.groups.add(Group.objects.get(name="Site editors"))
    client.force_login(staff)
    link = '<a href="/admin/two-factor/setup/">Activer l\'authentification à deux facteurs</a>'
    html = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert link in html
    TOTPDevice.objects.create(user=staff, name="app", confirmed=True)
    html = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert 'href="/admin/two-factor/setup/"' not in html


@pytest.mark.parametrize("target", ["//evil.example/", "https://evil.example/", "/\\evil.example"])
def test_a_login_whose_next_is_another_site_lands_on_the_admin(client, target):
    """Pentest review (issue 12): the refused `next` used to lead to /accounts/profile/, a 404."""
    StaffFactory(username="writer")
    response = client.post(LOGIN, {"username": "writer", "password": PASSWORD, "next": target})
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert logged_in(client)
