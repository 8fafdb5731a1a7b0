"""The test suite: real PostgreSQL, fast password hashing, email kept in memory."""

from center_portal.settings.base import *  # noqa: F403
from center_portal.settings.base import BASE_DIR, DATABASES, INSTALLED_APPS, VAR_DIR, env

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Tests render templates without running collectstatic first.
STORAGES = {
    "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(VAR_DIR / "test-media")},
    },
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_ROOT = VAR_DIR / "test-media"
INSTALLED_APPS = [*INSTALLED_APPS, "tests.testapp"]
LOGGING_CONFIG = None
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = VAR_DIR / "test-static"  # unused (files come from the finders); exists for whitenoise
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
# Two test runs on one machine (a developer's and a helper's) can keep apart with TEST_DB_NAME.
# One connection, opened by the test database's set-up and held for the whole run, as the
# test framework expects; the pool runs under gunicorn (bench, cluster and fault checks).
DATABASES["default"]["CONN_MAX_AGE"] = 0
DATABASES["default"]["OPTIONS"].pop("pool", None)
DATABASES["default"]["TEST"] = {"NAME": env.str("TEST_DB_NAME", default="test_center_portal")}
# Pages are built afresh for each request, as tests change rows and roll them back; the page
# cache's own tests switch it on.
PAGE_CACHE_SECONDS = 0
