from apps.core.pagetypes import PageType, register_page_type
from tests.factories import (
    HomeAimFactory,
    HomePageFactory,
    HomeQuoteFactory,
    SiteSettingsFactory,
    make_image,
)


def _populate(size):
    SiteSettingsFactory()
    home = HomePageFactory()
    if home.hero_image_id is None:
        home.hero_image = make_image("Hero")
        home.save()
    HomeAimFactory.create_batch(size, home=home)
    for _ in range(size):
        HomeQuoteFactory(home=home, photo=make_image("Portrait", 300, 300))
    return home


register_page_type(
    PageType(name="pages:home", path=lambda data, lang: f"/{lang}/", populate=_populate)
)


def _populate_page_tree(size):
    """`size` pages, in a tree 6 levels deep, plus pages in both menus; returns the deepest."""
    from tests.factories import PageFactory

    SiteSettingsFactory()
    parent = None
    for _level in range(6):
        parent = PageFactory(parent=parent, image=make_image("Page") if parent is None else None)
    for index in range(size):
        PageFactory(
            parent=parent if index % 2 else parent.parent,
            show_in_main_menu=index < 3,
            show_in_footer=index % 5 == 0,
        )
    return parent


def _page_path(data, lang):
    from django.utils import translation

    with translation.override(lang):
        return data.get_absolute_url()


register_page_type(
    PageType(name="pages:page", path=_page_path, populate=_populate_page_tree, small=10, large=500)
)
