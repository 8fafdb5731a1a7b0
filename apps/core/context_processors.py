"""Context every page needs: the site's settings and the main navigation."""

from apps.core.models import SiteSettings
from apps.core.registry import nav_entries


def site(request):
    return {
        "site_settings": SiteSettings.load(),
        "main_nav": nav_entries(),
    }
