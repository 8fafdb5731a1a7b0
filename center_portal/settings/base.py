"""Settings shared by every environment.

Every value comes from the environment, with a default that works on a developer's machine.
Base is safe by default (DEBUG off); local.py adds comforts, production.py demands its secrets.
"""

import secrets
from datetime import timedelta
from pathlib import Path

import environ
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(environ.Env().str("VAR_DIR", default=str(BASE_DIR / "var")))

env = environ.Env()

DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])


def generated_secret_key(path: Path) -> str:
    """Read the developer's secret key from var/, making it on first use."""
    if path.exists():
        return path.read_text().strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(50)
    path.write_text(key)
    path.chmod(0o600)
    return key


SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY and env.str("DJANGO_ENV", default="local") != "production":
    SECRET_KEY = generated_secret_key(VAR_DIR / "secret_key")

# Applications ------------------------------------------------------------------------------------
DJANGO_APPS = [
    # modeltranslation must come before the admin so its admin classes are patched in.
    "modeltranslation",
    # django.contrib.admin, with the two-factor login as admin.site (apps/core/admin_site.py).
    "apps.core.admin_config.PortalAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
]
THIRD_PARTY_APPS = [
    "django_prose_editor",
    "reversion",
    "csp",
    "import_export",
    "crispy_forms",
    "crispy_bootstrap5",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
]
LOCAL_APPS = [
    "apps.core",
    "apps.pages",
    "apps.teams",
    "apps.news",
    "apps.mc21",
    "apps.care",
    "apps.search",
]
INSTALLED_APPS = DJANGO_APPS + THIRD_PARTY_APPS + LOCAL_APPS

MIDDLEWARE = [
    # First: a page kept for anonymous visitors is answered before anything else runs
    # (apps.core.page_cache explains what is kept, for how long, and what is never shared).
    "apps.core.page_cache.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "apps.core.middleware.PermissionsPolicyMiddleware",
    "apps.core.middleware.PortalCSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "apps.core.middleware.MediaFilesMiddleware",
    # Pages compressed for clients that accept gzip (static files come compressed from
    # WhiteNoise, media are served above): about a fifth of the bytes. A front server may
    # do it instead (and brotli): see the README.
    "django.middleware.gzip.GZipMiddleware",
    # An ETag for each page, and 304 Not Modified to a client that holds it.
    "django.middleware.http.ConditionalGetMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Changes to live content scheduled for a time go live on the first request after it.
    "apps.core.pending.PendingChangesMiddleware",
    # A page not found at an old address of a moved item: 301 to its new one (apps.core.redirects).
    "apps.core.redirects.RedirectFallbackMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "apps.core.middleware.AdminQueryGuardMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: turns a locked-out login into the lock-out page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "center_portal.urls"
WSGI_APPLICATION = "center_portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "apps.core.context_processors.site",
                "apps.care.context_processors.patient_line",
                "apps.core.sample_content.sample_notice",
            ],
        },
    },
]

# Database: PostgreSQL only -----------------------------------------------------------------------


def default_database() -> dict:
    """The private cluster under var/ when `make` made one, else the local server's socket."""
    private = VAR_DIR / "postgres"
    if (private / "data" / "PG_VERSION").exists():
        port = (private / "port").read_text().strip() if (private / "port").exists() else "5432"
        host = str(private / "run")
    else:
        port, host = "5432", "/var/run/postgresql"
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "center_portal",
        "USER": "postgres",
        "PASSWORD": "",
        "HOST": host,
        "PORT": port,
    }


DATABASES = {
    "default": env.db_url("DATABASE_URL")
    if env.str("DATABASE_URL", default="")
    else default_database()
}
if DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
    raise environ.ImproperlyConfigured(
        "DATABASE_URL must point at PostgreSQL (postgres://...); other databases are not supported."
    )
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
# Connections come from a pool in each app server process (psycopg's pool, which Django runs):
# a request borrows one and gives it back, so no request pays for a new connection, a process
# holds at most DATABASE_POOL_MAX of them, and each is checked before it is lent (after a
# database restart, dead ones are replaced, not handed out). DATABASE_POOL=false goes back to
# one persistent connection per thread (CONN_MAX_AGE).
if env.bool("DATABASE_POOL", default=True):
    DATABASES["default"]["CONN_MAX_AGE"] = 0  # the pool keeps them
    DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
        "min_size": env.int("DATABASE_POOL_MIN", default=1),
        "max_size": env.int("DATABASE_POOL_MAX", default=4),
        # A request waits this long for a connection before the database counts as down.
        "timeout": env.float("DATABASE_POOL_TIMEOUT", default=5.0),
    }
else:
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"].setdefault("OPTIONS", {})["connect_timeout"] = env.int(
    "DATABASE_CONNECT_TIMEOUT", default=5
)
# PostgreSQL's JIT compiles a query once its estimated cost passes jit_above_cost: for the site
# search's plans at institute scale that took ~850 ms to save a few. Our queries are short.
DATABASES["default"]["OPTIONS"].setdefault("options", "-c jit=off")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: Redis when REDIS_URL is set, local memory otherwise --------------------------------------
REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            # Skips Redis (and logs it) when it is down, so pages keep rendering.
            "BACKEND": "apps.core.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env.str("CACHE_KEY_PREFIX", default="ccit"),
            "TIMEOUT": 300,
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "center-portal",
            "TIMEOUT": 300,
        }
    }

# Whole pages kept for anonymous visitors at most this long (0: off); they are forgotten at
# once when content changes (apps.core.page_cache). Only with Redis by default: a local-memory
# cache belongs to one worker process, and a change made through another would not reach it.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=600 if REDIS_URL else 0)

# Sessions live in the database: they survive a Redis outage and are shared by every app server.
SESSION_ENGINE = "django.contrib.sessions.backends.db"
FORMS_URLFIELD_ASSUME_HTTPS = True

# Logins, passwords and staff sessions (apps/core/auth.py; README, "Configuration") -------------
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "apps.core.auth.DistinctCharactersValidator", "OPTIONS": {"min_distinct": 5}},
]
# Staff log in through the admin; a login whose `next` is refused (another site) lands there too.
LOGIN_URL = "admin:login"
LOGIN_REDIRECT_URL = "admin:index"
# The lock-out backend first: it refuses a locked-out username and address before any password.
AUTHENTICATION_BACKENDS = [
    "apps.core.auth.LockoutBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Lock-out (django-axes): after LOGIN_FAILURE_LIMIT failed logins (wrong password or wrong code)
# from one username at one address, that pair is refused for LOGIN_LOCKOUT_MINUTES after its last
# attempt, with a page and status 429. Attempts and lock-outs are listed in the admin (Axes).
AXES_FAILURE_LIMIT = env.int("LOGIN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("LOGIN_LOCKOUT_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "apps.core.auth.client_ip"  # TRUSTED_PROXY_COUNT applies
AXES_LOCKOUT_CALLABLE = "apps.core.auth.lockout_response"
AXES_HTTP_RESPONSE_CODE = 429
AXES_RESET_ON_SUCCESS = True
AXES_SENSITIVE_PARAMETERS = ["username", "ip_address", "otp_token", "csrfmiddlewaretoken"]
AXES_VERBOSE = False
# Two-factor authentication (django-otp, TOTP): who must log in with a code from an app:
# "none", "superusers-and-admins" (the default in production) or "all-staff".
OTP_REQUIRED_FOR = env.str("OTP_REQUIRED_FOR", default="none")
if OTP_REQUIRED_FOR not in {"none", "superusers-and-admins", "all-staff"}:
    raise environ.ImproperlyConfigured(
        "OTP_REQUIRED_FOR must be none, superusers-and-admins or all-staff."
    )
OTP_TOTP_ISSUER = env.str("OTP_TOTP_ISSUER", default="Centre d'immunothérapie des cancers")
OTP_ADMIN_HIDE_SENSITIVE_DATA = True  # the admin never shows a device's secret key again
# Only staff log in: their session ends when the browser closes, and after a working day at most.
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_AGE = int(env.float("STAFF_SESSION_HOURS", default=10) * 3600)

# Languages: French first, English second ---------------------------------------------------------
LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", _("French")), ("en", _("English"))]
# locale/ is the project's catalogue (`make makemessages` refreshes it); locale_overrides/ holds
# the Django admin's wording in French (see the file), under it in priority.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale_overrides"]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True
MODELTRANSLATION_DEFAULT_LANGUAGE = "fr"
MODELTRANSLATION_LANGUAGES = ("fr", "en")
# An English field left empty shows the French text.
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": ("fr",), "fr": ("fr",)}

# Static and media files --------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(env.str("STATIC_ROOT", default=str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(VAR_DIR / "media")))
# Local runs serve media through MediaFilesMiddleware; production serves them from the object
# storage or the front web server (see README, "Deployment").
SERVE_MEDIA = env.bool("SERVE_MEDIA", default=True)

MEDIA_STORAGE = env.str("MEDIA_STORAGE", default="local")
if MEDIA_STORAGE == "s3":
    _media_storage = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env.str("MEDIA_S3_BUCKET", default=""),
            "endpoint_url": env.str("MEDIA_S3_ENDPOINT_URL", default="") or None,
            "custom_domain": env.str("MEDIA_S3_CUSTOM_DOMAIN", default="") or None,
            "querystring_auth": False,
            "file_overwrite": False,
        },
    }
else:
    _media_storage = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
STORAGES = {
    "default": _media_storage,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
WHITENOISE_MAX_AGE = 3600

# Imports (django-import-export): all rows in one transaction, nothing written on any error.
IMPORT_EXPORT_USE_TRANSACTIONS = True
IMPORT_EXPORT_SKIP_ADMIN_LOG = False
IMPORT_EXPORT_IMPORT_PERMISSION_CODE = "change"

# Image library limits (apps.core.images) ---------------------------------------------------------
IMAGE_MAX_UPLOAD_BYTES = env.int("IMAGE_MAX_UPLOAD_BYTES", default=15 * 1024 * 1024)
IMAGE_MAX_PIXELS = env.int("IMAGE_MAX_PIXELS", default=40_000_000)
# Widths of the renditions: small enough for 4rem avatars and phone cards, up to twice the
# widest column an image fills (50rem, the main column of a detail page): see images.SIZES.
IMAGE_RENDITION_WIDTHS = (320, 480, 720, 960, 1280, 1600)
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# Email -------------------------------------------------------------------------------------------
EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="no-reply@immunotherapy.curie.example")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=10)  # seconds; a hung mail server fails fast

# Contact requests (apps.care)
# Where requests go when their contact point has no email address.
CONTACT_FALLBACK_EMAIL = env.str("CONTACT_FALLBACK_EMAIL", default=DEFAULT_FROM_EMAIL)
CONTACT_RETENTION_MONTHS = env.int("CONTACT_RETENTION_MONTHS", default=12)
# Deleted content stays in the admin's bin this many days, then `manage.py empty_bin` removes it.
BIN_RETENTION_DAYS = env.int("BIN_RETENTION_DAYS", default=30)

# Information someone owns and checks again (apps.core.models.Reviewed): how many days after a
# check the next one is due, by kind of content ("app.model"); the others take "default".
REVIEW_PERIOD_DAYS = {
    "default": 365,
    "care.contactpoint": 180,  # numbers and hours change: checked twice a year
    "care.consultation": 365,
    "care.clinicaltrial": 90,  # recruitment opens and closes
    "teams.team": 365,
    "teams.person": 365,
    "pages.homepage": 180,  # the home page's patients box
}
CONTACT_RATE_LIMIT = env.int("CONTACT_RATE_LIMIT", default=5)  # submissions per client and hour
# Behind N reverse proxies, the client address is the Nth from the end of X-Forwarded-For.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)

# Forms (django-crispy-forms with the Bootstrap 5 templates; our stylesheet styles their classes)
CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Security headers (every environment; production adds HSTS and secure cookies) -------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_AGE = None  # a browser-session cookie: it is only needed while a form is open
# The admin's messages ("saved") live in the session, not in a cookie of their own: the list of
# cookies on the privacy page stays short and true (apps/core/cookies.py).
MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"
LANGUAGE_COOKIE_SAMESITE = "Lax"
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=(), interest-cohort=()"
)
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

# Logging: one JSON object per line on stdout -----------------------------------------------------
LOG_LEVEL = env.str("LOG_LEVEL", default="INFO")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        },
    },
    "handlers": {
        "stdout": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": "json",
        },
    },
    "root": {"handlers": ["stdout"], "level": LOG_LEVEL},
    "loggers": {
        "django": {"handlers": ["stdout"], "level": LOG_LEVEL, "propagate": False},
        "django.db.backends": {"level": "INFO"},
        # Scanners send any Host header; each gets a plain 400, and a traceback apiece would
        # bury the logs that matter.
        "django.security.DisallowedHost": {"handlers": [], "propagate": False},
    },
}

# The site ----------------------------------------------------------------------------------------
SITE_NAME = "Centre d'immunothérapie des cancers"
# The absolute address used in sitemaps, feeds and Open Graph when no request is at hand.
SITE_URL = env.str("SITE_URL", default="")
# The institution's domain, for identifiers that must not change with the host name that served
# them (iCalendar UIDs, Atom entry ids).
SITE_DOMAIN = env.str("SITE_DOMAIN", default="curie.fr")
