"""Demo contact points, consultations and trials (sample content; the site-wide notice says so).

The one real public number we have is the Institut Curie switchboard, answered day and night: it
is the main patient line. The demo's services (appointments, the coordinating nurse, referring
physicians, trials) have their own opening hours but no number of their own: visitors call the
switchboard and ask for them, so the patients page shows the number once. Editors give each
service its own line when it has one."""

from __future__ import annotations

import datetime

from django.utils import timezone

from apps.care.demo_texts import (
    CONSULTATION_TEXTS,
    POINT_HOURS,
    POINT_NAMES,
    TRIAL_TEXTS,
    TRIAL_TITLES,
)
from apps.care.models import Consultation, ContactPoint, OpeningException, OpeningSlot
from apps.core.models import Publishable
from apps.teams.models import Person

PUBLISHED = Publishable.Status.PUBLISHED
SWITCHBOARD = "01 44 32 40 00"

POINTS = [
    (
        "rendez-vous",
        "appointment",
        "patients",
        *POINT_NAMES["rendez-vous"],
        "Prendre, déplacer ou annuler un rendez-vous",
        "Make, move or cancel an appointment",
        "Votre carte Vitale\nVotre numéro de dossier Institut Curie, si vous en avez un\n"
        "Le courrier de votre médecin",
        "Your health insurance card\nYour Institut Curie file number, if you have one\n"
        "Your doctor's letter",
    ),
    (
        "questions-traitement",
        "treatment",
        "patients",
        *POINT_NAMES["questions-traitement"],
        "L'infirmière de coordination répond à vos questions",
        "The coordinating nurse answers your questions",
        "Le nom de votre traitement\nLa date de votre dernière cure",
        "The name of your treatment\nThe date of your last session",
    ),
    (
        "medecins-adresseurs",
        "referral",
        "physicians",
        *POINT_NAMES["medecins-adresseurs"],
        "Adresser un patient au centre",
        "Refer a patient to the center",
        "",
        "",
    ),
    (
        "essais-cliniques",
        "trial",
        "patients",
        *POINT_NAMES["essais-cliniques"],
        "Savoir si un essai peut vous concerner",
        "Find out whether a trial may suit you",
        "",
        "",
    ),
]


def sample_physician():
    """The head of the sample early-trials team: the physician of the sample consultations and
    the investigator of the sample trials. Never a real person."""
    return (
        Person.objects.filter(
            is_sample=True,
            memberships__team__slug="essais-precoces",
            memberships__role="head",
        )
        .order_by("pk")
        .first()
    )


def _main_line() -> list[str]:
    """The institute's switchboard, answered day and night: the number of the call button on
    every page. Created only when no contact point is the main line yet."""
    if ContactPoint.objects.filter(is_main_line=True).exists():
        return []
    if ContactPoint.objects.filter(slug="standard").exists():
        return []
    point = ContactPoint.objects.create(
        slug="standard",
        audience="patients",
        name_fr="Standard de l'Institut Curie",
        name_en="Institut Curie switchboard",
        purpose_fr="Joindre un service de l'hôpital, jour et nuit, 7 jours sur 7",
        purpose_en="Reach any department of the hospital, day and night, every day",
        phone=SWITCHBOARD,
        building_fr="Hôpital de l'Institut Curie",
        building_en="Institut Curie hospital",
        is_main_line=True,
        order=0,
        status=PUBLISHED,
    )
    add_round_the_clock_hours(point)
    return ["care: the main patient line (switchboard)"]


def add_round_the_clock_hours(point) -> None:
    """Every day from 00:00 to 23:59: open around the clock ("24 hours a day, 7 days a week")."""
    OpeningSlot.objects.bulk_create(
        OpeningSlot(
            contact_point=point, weekday=day, opens=datetime.time(0), closes=datetime.time(23, 59)
        )
        for day in range(7)
    )


def load() -> list[str]:
    created = _main_line()
    if ContactPoint.objects.exclude(slug="standard").exists():
        return created
    points = []
    for order, (
        slug,
        need,
        audience,
        name_fr,
        name_en,
        purpose_fr,
        purpose_en,
        prep_fr,
        prep_en,
    ) in enumerate(POINTS):
        point = ContactPoint.objects.create(
            slug=slug,
            need=need,
            audience=audience,
            name_fr=name_fr,
            name_en=name_en,
            purpose_fr=purpose_fr,
            purpose_en=purpose_en,
            phone="",  # reached through the switchboard (the main line)
            building_fr="Hôpital de l'Institut Curie",
            building_en="Institut Curie hospital",
            floor_fr="Centre d'immunothérapie",
            floor_en="Immunotherapy center",
            prepare_fr=prep_fr,
            prepare_en=prep_en,
            order=order,
            status=PUBLISHED,
            is_sample=True,
        )
        opens, closes = POINT_HOURS[slug]
        OpeningSlot.objects.bulk_create(
            OpeningSlot(contact_point=point, weekday=day, opens=opens, closes=closes)
            for day in range(5)
        )
        year = timezone.localdate().year
        OpeningException.objects.create(
            contact_point=point,
            date=datetime.date(year, 12, 25),
            closed=True,
            note_fr="Noël",
            note_en="Christmas",
        )
        points.append(point)
    consultation = Consultation.objects.create(
        slug="consultation-immunotherapie",
        name_fr="Consultation d'immunothérapie",
        name_en="Immunotherapy consultation",
        contact_point=points[0],
        status=PUBLISHED,
        summary_fr="Pour les patients à qui une immunothérapie est proposée.",
        summary_en="For patients who are offered an immunotherapy.",
        description_fr=CONSULTATION_TEXTS["consultation-immunotherapie"][0],
        description_en=CONSULTATION_TEXTS["consultation-immunotherapie"][1],
        is_sample=True,
    )
    # A sample physician (the head of the sample early-trials team), never a real person: the
    # demo says nothing of the real directors beyond the center's own page.
    physician = sample_physician()
    if physician:
        consultation.physicians.add(physician)
    Consultation.objects.create(
        slug="consultation-essais-precoces",
        name_fr="Consultation des essais précoces",
        name_en="Early trials consultation",
        contact_point=points[3],
        status=PUBLISHED,
        summary_fr="Pour savoir si un essai clinique précoce peut vous être proposé.",
        summary_en="To find out whether an early clinical trial may be offered to you.",
        description_fr=CONSULTATION_TEXTS["consultation-essais-precoces"][0],
        description_en=CONSULTATION_TEXTS["consultation-essais-precoces"][1],
        is_sample=True,
        order=20,
    )
    trials = _load_trials(points[3])
    from apps.core.models import SiteSettings

    settings_row = SiteSettings.objects.filter(pk=1).first()
    if settings_row and not settings_row.access_transport_fr:
        # Only what we know; the building's access is for editors to describe.
        settings_row.access_transport_fr = "RER B : station Luxembourg"
        settings_row.access_transport_en = "RER B: Luxembourg station"
        settings_row.save()
    return [
        *created,
        f"{len(POINTS)} sample contact points",
        "2 sample consultations",
        f"{trials} sample clinical trials",
    ]


TRIALS = [
    # acronym, nct, euct, phase, recruitment, treatment, cancers, title fr/en
    (
        "IMMUNO-SEIN",
        "NCT00000001",
        "2099-500001-11-00",
        "1-2",
        "recruiting",
        "combination",
        ["sein"],
        *TRIAL_TITLES["IMMUNO-SEIN"],
    ),
    (
        "PREDICT-IO",
        "NCT00000002",
        None,
        "2",
        "recruiting",
        "checkpoint",
        ["poumon", "melanome"],
        *TRIAL_TITLES["PREDICT-IO"],
    ),
    (
        "CELL-1",
        None,
        "2099-500002-22-00",
        "1",
        "not_yet",
        "cell",
        ["melanome"],
        *TRIAL_TITLES["CELL-1"],
    ),
    (
        "VAX-TUMEUR",
        "NCT00000004",
        None,
        "1",
        "closed",
        "vaccine",
        ["poumon"],
        *TRIAL_TITLES["VAX-TUMEUR"],
    ),
]
CANCERS = [
    ("sein", "Cancer du sein", "Breast cancer"),
    ("poumon", "Cancer du poumon", "Lung cancer"),
    ("melanome", "Mélanome", "Melanoma"),
]


def _load_trials(contact_point) -> int:
    """Sample trials. Their registry numbers have the real formats (NCT000000xx, EU CT numbers
    of the year 2099) and, being sample trials, are shown without a link to any registry
    (ClinicalTrial.registry_links): a real trial might have them."""
    from apps.care.models import CancerType, ClinicalTrial

    cancers = {}
    for slug, fr, en in CANCERS:
        cancers[slug], _ = CancerType.objects.get_or_create(
            slug=slug, defaults={"name_fr": fr, "name_en": en, "status": PUBLISHED}
        )
    investigator = sample_physician()
    for (
        acronym,
        nct,
        euct,
        phase,
        recruitment,
        treatment,
        cancer_slugs,
        title_fr,
        title_en,
    ) in TRIALS:
        trial = ClinicalTrial.objects.create(
            acronym=acronym,
            slug=acronym.lower(),
            nct_number=nct,
            euct_number=euct,
            phase=phase,
            recruitment=recruitment,
            treatment=treatment,
            title_fr=title_fr,
            title_en=title_en,
            status=PUBLISHED,
            is_sample=True,
            contact_point=contact_point,
            investigator=investigator,
            summary_fr=TRIAL_TEXTS[acronym][0],
            summary_en=TRIAL_TEXTS[acronym][1],
            eligibility_fr="Avoir 18 ans ou plus\nUn cancer confirmé par biopsie\n"
            "Ne pas avoir reçu d'immunothérapie auparavant",
            eligibility_en="Be 18 or older\nA cancer confirmed by biopsy\n"
            "No previous immunotherapy",
        )
        trial.cancer_types.set([cancers[slug] for slug in cancer_slugs])
    return len(TRIALS)
