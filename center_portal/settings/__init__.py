"""Settings entry point: DJANGO_ENV chooses local (default), test or production."""

import os

_env = os.environ.get("DJANGO_ENV", "local").strip().lower()

if _env == "production":
    from center_portal.settings.production import *  # noqa: F403
elif _env == "test":
    from center_portal.settings.test import *  # noqa: F403
else:
    from center_portal.settings.local import *  # noqa: F403
