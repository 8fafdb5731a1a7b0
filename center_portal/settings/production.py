"""Production: hardened, and refuses to start without its secrets."""

import os

from django.core.exceptions import ImproperlyConfigured

from center_portal.settings.base import *  # noqa: F403
from center_portal.settings.base import env


def _required(name: str) -> str:
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(
            f"{name} must be set when DJANGO_ENV=production (see README.md, 'Configuration')."
        )
    return value


DEBUG = False
SECRET_KEY = _required("SECRET_KEY")
_required("ALLOWED_HOSTS")
# Contact requests must reach a mailbox someone reads.
CONTACT_FALLBACK_EMAIL = _required("CONTACT_FALLBACK_EMAIL")
# ...by a real mail server: the console, memory, file and dummy backends would print the messages
# to the log (personal, maybe health data) or drop them, and mark them sent.
_required("EMAIL_URL")
if env.email_url("EMAIL_URL")["EMAIL_BACKEND"] not in {
    "django.core.mail.backends.smtp.EmailBackend",
}:
    raise ImproperlyConfigured(
        "EMAIL_URL must name a real mail server when DJANGO_ENV=production "
        "(smtp://, smtps:// or smtp+tls://; see README.md, 'Configuration')."
    )
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS")

SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
SERVE_MEDIA = env.bool("SERVE_MEDIA", default=False)
WHITENOISE_MAX_AGE = 31_536_000

# Two-factor authentication: required at least of superusers and site administrators
# ("all-staff" to ask every staff member; "none" is refused here).
OTP_REQUIRED_FOR = env.str("OTP_REQUIRED_FOR", default="superusers-and-admins")
if OTP_REQUIRED_FOR not in {"superusers-and-admins", "all-staff"}:
    raise ImproperlyConfigured(
        "OTP_REQUIRED_FOR must be superusers-and-admins or all-staff when DJANGO_ENV=production "
        "(see README.md, 'Configuration')."
    )
