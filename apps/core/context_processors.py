"""Context every page needs: the site's settings, the main menu and the footer's links."""

from apps.core.models import SiteSettings
from apps.core.registry import menus, split_main_menu


def site(request):
    links = menus(request)
    bar, more = split_main_menu(links["main"])
    position = {id(link): index for index, link in enumerate(links["main"])}
    return {
        "site_settings": SiteSettings.load(),
        # Every entry (the phone menu lists them all), then the desktop bar and "More".
        "main_nav": links["main"],
        "main_nav_bar": [(position[id(link)], link) for link in bar],
        "main_nav_more": [(position[id(link)], link) for link in more],
        "footer_nav": links["footer"],
    }
