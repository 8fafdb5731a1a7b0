import itertools

from django.urls import reverse
from django.utils import translation

from apps.core.pagetypes import PageType, register_page_type
from tests.care.factories import (
    CancerTypeFactory,
    ClinicalTrialFactory,
    ConsultationFactory,
    ContactPointFactory,
)
from tests.factories import SiteSettingsFactory
from tests.teams.factories import PersonFactory, TeamFactory

_trial_counter = itertools.count(1)


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


def _populate_trials(size):
    from apps.care.models import ClinicalTrial

    SiteSettingsFactory()
    cancer = CancerTypeFactory(slug="sein")
    start = next(_trial_counter) * 100_000
    statuses = ["recruiting", "closed", "not_yet", "active"]
    trials = ClinicalTrial.objects.bulk_create(
        ClinicalTrial(
            title_fr=f"Essai {start + i}",
            title_en=f"Trial {start + i}",
            slug=f"t-{start + i}",
            phase="2",
            recruitment=statuses[i % 4],
            treatment="combination",
            summary_fr="Résumé.",
            summary_en="Summary.",
            status="published",
        )
        for i in range(size)
    )
    through = ClinicalTrial.cancer_types.through
    through.objects.bulk_create(through(clinicaltrial=t, cancertype=cancer) for t in trials)


def _populate_trial_detail(size):
    SiteSettingsFactory()
    number = next(_trial_counter)
    trial = ClinicalTrialFactory(
        nct_number=f"NCT{number:08d}",
        euct_number=f"2099-{number:06d}-11-00",
        eligibility_fr="Point 1\nPoint 2",
        eligibility_en="Point 1\nPoint 2",
        investigator=PersonFactory(),
        contact_point=ContactPointFactory(weekdays=True),
    )
    trial.cancer_types.set([CancerTypeFactory() for _ in range(min(size, 10))])
    trial.teams.set([TeamFactory() for _ in range(min(size, 10))])
    return trial


register_page_type(
    PageType("care:trial-list", _path("care:trial-list"), _populate_trials, small=5, large=500)
)
register_page_type(
    PageType(
        "care:trial-detail",
        _path("care:trial-detail", True),
        _populate_trial_detail,
        small=2,
        large=20,
    )
)


def _populate_contact(size):
    SiteSettingsFactory()
    for _ in range(size):
        ContactPointFactory(email="accueil@example.org")


register_page_type(
    PageType("care:contact", _path("care:contact"), _populate_contact, small=2, large=20)
)


register_page_type(
    PageType(
        "care:contact-thanks",
        _path("care:contact-thanks"),
        lambda size: SiteSettingsFactory(),
        small=1,
        large=5,
    )
)
