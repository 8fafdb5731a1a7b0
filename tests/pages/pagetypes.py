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
