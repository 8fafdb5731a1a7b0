"""The pages editors put in the main menu and the footer."""

from django.db.models import Q
from django.utils.translation import gettext as _

from apps.core.models import SiteSettings
from apps.core.registry import MenuLink
from apps.pages.models import Page


def page_menus(request) -> dict[str, list[MenuLink]]:
    """One query: the published pages chosen for either menu."""
    pages = Page.objects.published().filter(Q(show_in_main_menu=True) | Q(show_in_footer=True))
    main, footer = [], []
    for page in pages.order_by("menu_order", "pk"):
        link = MenuLink(f"page-{page.pk}", page.title, page.get_absolute_url(), page.menu_order)
        if page.show_in_main_menu:
            main.append(link)
        if page.show_in_footer:
            if page.kind == Page.Kind.ACCESSIBILITY:
                status = SiteSettings.load().get_accessibility_compliance_display()
                note = _("Accessibility: %(status)s") % {"status": status}
                link = MenuLink(link.key, link.label, link.url, link.order, note)
            footer.append(link)
    return {"main": main, "footer": footer}
