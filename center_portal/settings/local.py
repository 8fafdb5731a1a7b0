"""A developer's machine: `make run`. Still PostgreSQL, still real headers."""

from center_portal.settings.base import *  # noqa: F403
from center_portal.settings.base import env

DEBUG = env.bool("DEBUG", default=False)
