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
from tests.factories import LONG_WORD, SiteSettingsFactory
from tests.pagetypes import indexed
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


def _path(name, with_slug=False, query=""):
    def build(data, lang):
        with translation.override(lang):
            url = reverse(name, kwargs={"slug": data.slug}) if with_slug else reverse(name)
        return url + (query(data) if callable(query) else query)

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
    cancers = [CancerTypeFactory(slug="sein"), CancerTypeFactory(slug="melanome")]
    start = next(_trial_counter) * 100_000
    statuses = ["recruiting", "closed", "not_yet", "active"]
    # Every filter keeps some trials and leaves others out; phase 3 is never recruiting.
    phases = ["2", "1", "3"]
    treatments = ["combination", "checkpoint", "vaccine"]
    trials = ClinicalTrial.objects.bulk_create(
        ClinicalTrial(
            title_fr=f"Essai {start + i} : {LONG_WORD}",
            title_en=f"Trial {start + i}: {LONG_WORD}",
            slug=f"t-{start + i}",
            phase=phases[i % 3] if i % 4 else "2",
            recruitment=statuses[i % 4],
            treatment=treatments[i % 3],
            summary_fr="Résumé.",
            summary_en="Summary.",
            status="published",
        )
        for i in range(size)
    )
    through = ClinicalTrial.cancer_types.through
    through.objects.bulk_create(
        through(clinicaltrial=t, cancertype=cancers[i % 2]) for i, t in enumerate(trials)
    )
    return trials


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
    points = [ContactPointFactory(email="accueil@example.org") for _ in range(size)]
    return points[0]


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


# Filtered lists, second pages, empty and "no result" states -----------------------------------
def _populate_investigator(size):
    """Trials, half of them led by one physician (returned)."""
    from apps.care.models import ClinicalTrial

    trials = _populate_trials(size)
    person = PersonFactory(title="Dr")
    ClinicalTrial.objects.filter(pk__in=[t.pk for t in trials[::2]]).update(investigator=person)
    return person


def _populate_draft_trials(size):
    from apps.care.models import ClinicalTrial

    trials = _populate_trials(size)
    ClinicalTrial.objects.filter(pk__in=[t.pk for t in trials]).update(status="draft")


for name, query, populate, small, large in [
    ("care:trial-list-status", "?status=recruiting", _populate_trials, 5, 200),
    ("care:trial-list-cancer", "?cancer=sein", _populate_trials, 5, 200),
    ("care:trial-list-phase", "?phase=2", _populate_trials, 5, 200),
    ("care:trial-list-treatment", "?treatment=combination", _populate_trials, 5, 200),
    ("care:trial-list-page-2", "?page=2", _populate_trials, 25, 200),
    ("care:trial-list-no-result", "?phase=3&status=recruiting", _populate_trials, 5, 200),
    ("care:trial-list-search", "?q=essai+sein", indexed(_populate_trials), 5, 200),
    (
        "care:trial-list-investigator",
        lambda person: f"?investigator={person.slug}",
        _populate_investigator,
        5,
        200,
    ),
    ("care:trial-list-empty", "", _populate_draft_trials, 2, 20),
]:
    register_page_type(
        PageType(name, _path("care:trial-list", query=query), populate, small=small, large=large)
    )


def _populate_no_contact_points(size):
    """Contact points and consultations that are drafts: the patients pages show none."""
    from apps.care.models import Consultation, ContactPoint

    _populate_hub(size)
    ContactPoint.objects.update(status="draft")
    Consultation.objects.update(status="draft")


register_page_type(
    PageType("care:hub-empty", _path("care:hub"), _populate_no_contact_points, small=2, large=20)
)
register_page_type(
    PageType(
        "care:consultation-list-empty",
        _path("care:consultation-list"),
        _populate_no_contact_points,
        small=2,
        large=20,
    )
)


# The contact form sent back with errors, and over the rate limit ------------------------------
def _invalid_message(point, lang):
    return {
        "name": "Jeanne Martin",
        "email": "pas une adresse",
        "phone": "",
        "topic": str(point.pk),
        "message": "",
        "consent": "",
    }


def _valid_message(point, lang):
    return {
        "name": "Jeanne Martin",
        "email": "jeanne.martin@example.org",
        "phone": "01 23 45 67 89",
        "topic": str(point.pk),
        "message": "Bonjour, je voudrais un rendez-vous." if lang == "fr" else "Hello.",
        "consent": "on",
    }


register_page_type(
    PageType(
        "care:contact-errors",
        _path("care:contact"),
        _populate_contact,
        small=2,
        large=20,
        form=_invalid_message,
    )
)
register_page_type(
    PageType(
        "care:contact-rate-limited",
        _path("care:contact"),
        _populate_contact,
        small=2,
        large=20,
        form=_valid_message,
        status=429,
        settings={"CONTACT_RATE_LIMIT": 0},
    )
)


# Trial sections on team pages and on investigators' profiles --------------------------------------
def _populate_team_with_trials(size):
    trials = _populate_trials(size)
    team = TeamFactory()
    team.trials.add(*trials)
    return team


def _populate_person_with_trials(size):
    from apps.care.models import ClinicalTrial

    trials = _populate_trials(size)
    person = PersonFactory()
    ClinicalTrial.objects.filter(pk__in=[t.pk for t in trials]).update(investigator=person)
    return person


register_page_type(
    PageType(
        "care:team-with-trials",
        _path("teams:team-detail", True),
        _populate_team_with_trials,
        small=2,
        large=30,
    )
)
register_page_type(
    PageType(
        "care:person-with-trials",
        _path("teams:person-detail", True),
        _populate_person_with_trials,
        small=2,
        large=30,
    )
)
