"""Security headers on every response, and the hardened production settings."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.factories import HomePageFactory, SiteSettingsFactory

ROOT = Path(__file__).resolve().parents[2]


def _directives(header: str) -> dict[str, list[str]]:
    result = {}
    for part in header.split(";"):
        words = part.split()
        if words:
            result[words[0]] = words[1:]
    return result


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/fr/", "/en/", "/fr/nope/", "/robots.txt", "/healthz"])
def test_security_headers(client, path):
    SiteSettingsFactory()
    HomePageFactory()
    response = client.get(path)
    csp = _directives(response["Content-Security-Policy"])
    assert csp["default-src"] == ["'self'"]
    assert csp["script-src"] == ["'self'"]  # no inline script, no eval, no CDN
    assert "'unsafe-inline'" not in csp["style-src"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["object-src"] == ["'none'"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


@pytest.mark.django_db
def test_public_pages_set_no_cookie(client):
    SiteSettingsFactory()
    HomePageFactory()
    for url in ("/fr/", "/en/", "/fr/equipes/", "/en/news/"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert dict(response.cookies) == {}, url
        assert "Set-Cookie" not in response, url


def _run_production(code_or_args, extra_env=None, python_code=False):
    env = {
        key: value
        for key, value in os.environ.items()
        if key
        not in {
            "SECRET_KEY",
            "ALLOWED_HOSTS",
            "CONTACT_FALLBACK_EMAIL",
            "EMAIL_URL",
            "DJANGO_SETTINGS_MODULE",
            "DJANGO_ALLOW_ASYNC_UNSAFE",
        }
    }
    env.update({"DJANGO_ENV": "production"})
    env.update(extra_env or {})
    args = (
        [sys.executable, "-c", code_or_args]
        if python_code
        else [sys.executable, "manage.py", *code_or_args]
    )
    return subprocess.run(
        args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False
    )


PRODUCTION_ENV = {
    "SECRET_KEY": "a-production-secret-key-that-is-long-enough-and-random-0123456789abcdef",
    "ALLOWED_HOSTS": "immunotherapy.example.org",
    "CONTACT_FALLBACK_EMAIL": "contact@immunotherapy.example.org",
    "EMAIL_URL": "smtp+tls://mailer:secret@smtp.example.org:587",
}


def test_check_deploy_is_silent_in_production():
    result = _run_production(["check", "--deploy", "--fail-level", "WARNING"], PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout
    assert "WARNINGS" not in result.stderr


@pytest.mark.parametrize(
    "missing", ["SECRET_KEY", "ALLOWED_HOSTS", "CONTACT_FALLBACK_EMAIL", "EMAIL_URL"]
)
def test_production_refuses_to_start_without_its_secrets(missing):
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != missing}
    result = _run_production(["check"], env)
    assert result.returncode != 0
    assert f"{missing} must be set when DJANGO_ENV=production" in result.stderr


@pytest.mark.parametrize(
    "email_url", ["consolemail://", "memorymail://", "dummymail://", "filemail:///tmp/mails"]
)
def test_production_refuses_a_mail_backend_that_sends_nothing(email_url):
    result = _run_production(["check"], {**PRODUCTION_ENV, "EMAIL_URL": email_url})
    assert result.returncode != 0
    assert "EMAIL_URL must name a real mail server" in result.stderr


def test_production_headers_include_hsts():
    code = (
        "import django, os; os.environ['DJANGO_SETTINGS_MODULE']='center_portal.settings';"
        "django.setup();"
        "from django.test import Client;"
        "r = Client().get('/robots.txt', secure=True, HTTP_HOST='immunotherapy.example.org');"
        "print(r.status_code);"
        "[print(k + ': ' + v) for k, v in r.headers.items()]"
    )
    result = _run_production(code, PRODUCTION_ENV, python_code=True)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "200"
    headers = dict(line.split(": ", 1) for line in lines[1:])
    assert headers["Strict-Transport-Security"].startswith("max-age=31536000")
    assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert "Permissions-Policy" in headers
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"


def test_production_answers_an_unknown_host_with_400():
    code = (
        "import django, os; os.environ['DJANGO_SETTINGS_MODULE']='center_portal.settings';"
        "django.setup();"
        "from django.test import Client;"
        "c = Client(raise_request_exception=False);"
        "print(*[c.get(p, secure=True, HTTP_HOST='evil.example').status_code"
        " for p in ('/fr/', '/en/', '/robots.txt', '/sitemap.xml')])"
    )
    result = _run_production(code, PRODUCTION_ENV, python_code=True)
    assert result.stdout.strip() == "400 400 400 400", result.stdout[-2000:] + result.stderr[-2000:]


def test_production_redirects_plain_http():
    code = (
        "import django, os; os.environ['DJANGO_SETTINGS_MODULE']='center_portal.settings';"
        "django.setup();"
        "from django.test import Client;"
        "r = Client().get('/robots.txt', HTTP_HOST='immunotherapy.example.org');"
        "print(r.status_code, r.headers.get('Location'))"
    )
    result = _run_production(code, PRODUCTION_ENV, python_code=True)
    assert result.stdout.strip() == "301 https://immunotherapy.example.org/robots.txt"
