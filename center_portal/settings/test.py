"""The test suite: real PostgreSQL, fast password hashing, email kept in memory."""

from center_portal.settings.base import *  # noqa: F403
from center_portal.settings.base import BASE_DIR, INSTALLED_APPS, VAR_DIR

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
