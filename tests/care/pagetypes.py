from django.urls import reverse
from django.utils import translation

from apps.core.pagetypes import PageType, register_page_type
from tests.care.factories import ConsultationFactory, ContactPointFactory
from tests.factories import SiteSettingsFactory
from tests.teams.factories import PersonFactory


def _populate_hub(size):
    SiteSettingsFactory()
    needs = ["appointment", "treatment", "referral", "trial"]
    for index in range(size):
        ContactPointFactory(
            weekdays=True,
            need=needs[index % 4],
            email="accueil@example.org",
            prepare_fr="Carte Vitale\nCourrier",
            prepare_en="Card\nLetter",
        )
        ConsultationFactory()


def _populate_consultation(size):
    SiteSettingsFactory()
    consultation = ConsultationFactory(contact_point=ContactPointFactory(weekdays=True))
    consultation.physicians.set([PersonFactory() for _ in range(size)])
    return consultation


def _path(name, with_slug=False):
    def build(data, lang):
        with translation.override(lang):
            return reverse(name, kwargs={"slug": data.slug}) if with_slug else reverse(name)

    return build


register_page_type(PageType("care:hub", _path("care:hub"), _populate_hub, small=2, large=20))
register_page_type(
    PageType(
        "care:consultation-list", _path("care:consultation-list"), _populate_hub, small=2, large=20
    )
)
register_page_type(
    PageType(
        "care:consultation-detail",
        _path("care:consultation-detail", True),
        _populate_consultation,
        small=2,
        large=20,
    )
)
