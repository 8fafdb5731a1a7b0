"""WSGI entry point, used by gunicorn (see gunicorn.conf.py)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "center_portal.settings")

application = get_wsgi_application()

# Pages kept for anonymous visitors are answered before Django builds a request.
from apps.core.page_cache import CachedPages  # noqa: E402  (needs the settings loaded above)

application = CachedPages(application)
