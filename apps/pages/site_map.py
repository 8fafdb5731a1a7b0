"""The editorial pages in the HTML site map: the center's pages as a tree, the MC21 pages (for the
MC21 section, apps.mc21) and the legal pages (in "About this site")."""

from __future__ import annotations

from django.urls import reverse
from django.utils import translation

from apps.core.languages import fallback_language
from apps.core.registry import SiteMapLink
from apps.pages.models import Page

LEGAL_KINDS = (Page.Kind.LEGAL, Page.Kind.PRIVACY, Page.Kind.ACCESSIBILITY)


def public_pages(request) -> list[Page]:
    """Every public page in tree order, read once per request (the parts share it)."""
    cached = getattr(request, "_site_map_pages", None)
    if cached is None:
        cached = list(
            Page.objects.public()
            .only(
                "pk",
                "parent_id",
                "kind",
                "tree_key",
                "title",
                "title_fr",
                "title_en",
                "path_fr",
                "path_en",
                "menu_order",
            )  # fmt: skip
            .order_by("tree_key")
        )
        request._site_map_pages = cached
    return cached


def _label_lang(page: Page) -> str:
    return fallback_language(page, "title")


def page_links(pages: list[Page], roots: list[Page]) -> list[SiteMapLink]:
    """`roots` and the pages below them, as a tree of links."""
    children: dict[int, list[Page]] = {}
    for page in pages:  # in tree order, so each page's children are in their order
        if page.parent_id is not None:
            children.setdefault(page.parent_id, []).append(page)

    def link(page: Page) -> SiteMapLink:
        below = tuple(link(child) for child in children.get(page.pk, ()))
        return SiteMapLink(page.title, page.get_absolute_url(), below, _label_lang(page))

    return [link(root) for root in roots]


def center_links(request) -> list[SiteMapLink]:
    """The home page, then each top page of the tree (other than MC21's and the legal pages)
    with the pages below it."""
    pages = public_pages(request)
    roots = [
        page
        for page in pages
        if page.parent_id is None and page.kind not in (Page.Kind.MC21, *LEGAL_KINDS)
    ]
    home = SiteMapLink(translation.gettext("Home"), reverse("pages:home"))
    return [home, *page_links(pages, roots)]


def mc21_links(request) -> list[SiteMapLink]:
    pages = public_pages(request)
    roots = [page for page in pages if page.parent_id is None and page.kind == Page.Kind.MC21]
    return page_links(pages, roots)


def legal_links(request) -> list[SiteMapLink]:
    pages = sorted(
        (page for page in public_pages(request) if page.kind in LEGAL_KINDS),
        key=lambda page: (page.menu_order, page.tree_key),
    )
    return [
        SiteMapLink(page.title, page.get_absolute_url(), (), _label_lang(page)) for page in pages
    ]
