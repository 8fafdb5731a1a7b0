"""The pages editors put in the main menu and the footer."""

from django.db.models import Q
from django.utils.translation import gettext as _

from apps.core.models import SiteSettings
from apps.core.registry import MenuLink
from apps.pages.models import Page


def page_menus(request) -> dict[str, list[MenuLink]]:
    """One query: the published pages chosen for either menu."""
    # The legal pages are always in the footer, ticked or not.
    legal = [Page.Kind.LEGAL, Page.Kind.PRIVACY, Page.Kind.ACCESSIBILITY]
    pages = Page.objects.public().filter(
        Q(show_in_main_menu=True)
        | Q(show_in_footer=True)
        | Q(kind__in=legal)
        | Q(kind=Page.Kind.MC21)
    )
    main, footer = [], []
    for page in pages.order_by("menu_order", "pk"):
        label = "MC21" if page.kind == Page.Kind.MC21 else page.title
        # A legal page's key is its kind, so a template can point at it ("privacy").
        key = page.kind if page.kind in legal else f"page-{page.pk}"
        link = MenuLink(key, label, page.get_absolute_url(), page.menu_order)
        if page.show_in_main_menu or page.kind == Page.Kind.MC21:
            main.append(link)
        if page.show_in_footer or page.kind in legal:
            if page.kind == Page.Kind.ACCESSIBILITY:
                status = SiteSettings.load().get_accessibility_compliance_display()
                note = _("Accessibility: %(status)s") % {"status": status}
                link = MenuLink(link.key, link.label, link.url, link.order, note)
            footer.append(link)
    return {"main": main, "footer": footer}
