"""Context every page needs: the site's settings and the main navigation."""

from apps.core.models import SiteSettings
from apps.core.registry import menus


def site(request):
    links = menus(request)
    return {
        "site_settings": SiteSettings.load(),
        "main_nav": links["main"],
        "footer_nav": links["footer"],
    }
