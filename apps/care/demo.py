"""Demo contact points and consultations (sample content). Every number is the Institut Curie
switchboard, the one real public number we have: editors set each service's own line."""

from __future__ import annotations

import datetime

from django.utils import timezone

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
        "Rendez-vous",
        "Appointments",
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
        "Questions sur votre traitement",
        "Questions about your treatment",
        "L'infirmière de coordination répond à vos questions",
        "The coordinating nurse answers your questions",
        "Le nom de votre traitement\nLa date de votre dernière cure",
        "The name of your treatment\nThe date of your last session",
    ),
    (
        "medecins-adresseurs",
        "referral",
        "physicians",
        "Médecins adresseurs",
        "Referring physicians",
        "Adresser un patient au centre",
        "Refer a patient to the center",
        "",
        "",
    ),
    (
        "essais-cliniques",
        "trial",
        "patients",
        "Essais cliniques",
        "Clinical trials",
        "Savoir si un essai peut vous concerner",
        "Find out whether a trial may suit you",
        "",
        "",
    ),
]


def _main_line() -> list[str]:
    """The institute's switchboard, answered day and night: the number of the call button on
    every page. Created only when no contact point is the main line yet."""
    if ContactPoint.objects.filter(is_main_line=True).exists():
        return []
    if ContactPoint.objects.filter(slug="standard").exists():
        return []
    ContactPoint.objects.create(
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
    return ["care: the main patient line (switchboard)"]


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
            phone=SWITCHBOARD,
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
        OpeningSlot.objects.bulk_create(
            OpeningSlot(
                contact_point=point, weekday=day, opens=datetime.time(9), closes=datetime.time(17)
            )
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
        description_fr="<p>Consultation d'exemple créée pour la démonstration du site.</p>",
        description_en="<p>A sample consultation made to demonstrate the site.</p>",
        is_sample=True,
    )
    physician = Person.objects.filter(slug="emanuela-romano").first()
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
        description_fr="<p>Consultation d'exemple créée pour la démonstration du site.</p>",
        description_en="<p>A sample consultation made to demonstrate the site.</p>",
        is_sample=True,
        order=20,
    )
    trials = _load_trials(points[3])
    from apps.core.models import SiteSettings

    settings_row = SiteSettings.objects.filter(pk=1).first()
    if settings_row and not settings_row.access_transport_fr:
        settings_row.access_transport_fr = "RER B : station Luxembourg\nÀ compléter : métro, bus"
        settings_row.access_transport_en = "RER B: Luxembourg station\nTo be completed: metro, bus"
        settings_row.access_accessibility_fr = "À compléter : accès de plain-pied, ascenseurs."
        settings_row.access_accessibility_en = "To be completed: step-free access, lifts."
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
        "Association de deux immunothérapies dans le cancer du sein (exemple)",
        "Two immunotherapies combined in breast cancer (sample)",
    ),
    (
        "PREDICT-IO",
        "NCT00000002",
        None,
        "2",
        "recruiting",
        "checkpoint",
        ["poumon", "melanome"],
        "Biomarqueurs sanguins de la réponse à l'immunothérapie (exemple)",
        "Blood biomarkers of response to immunotherapy (sample)",
    ),
    (
        "CELL-1",
        None,
        "2099-500002-22-00",
        "1",
        "not_yet",
        "cell",
        ["melanome"],
        "Thérapie cellulaire dans le mélanome avancé (exemple)",
        "Cell therapy in advanced melanoma (sample)",
    ),
    (
        "VAX-TUMEUR",
        "NCT00000004",
        None,
        "1",
        "closed",
        "vaccine",
        ["poumon"],
        "Vaccin thérapeutique anticancéreux (exemple)",
        "Therapeutic cancer vaccine (sample)",
    ),
]
CANCERS = [
    ("sein", "Cancer du sein", "Breast cancer"),
    ("poumon", "Cancer du poumon", "Lung cancer"),
    ("melanome", "Mélanome", "Melanoma"),
]


def _load_trials(contact_point) -> int:
    """Sample trials: registry numbers have the real formats but numbers no real trial has
    (NCT000000xx, and EU CT numbers of the year 2099)."""
    from apps.care.models import CancerType, ClinicalTrial

    cancers = {}
    for slug, fr, en in CANCERS:
        cancers[slug], _ = CancerType.objects.get_or_create(
            slug=slug, defaults={"name_fr": fr, "name_en": en, "status": PUBLISHED}
        )
    investigator = Person.objects.filter(slug="emanuela-romano").first()
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
            summary_fr="Essai d'exemple créé pour la démonstration du site : il n'existe pas.",
            summary_en="A sample trial made to demonstrate the site: it does not exist.",
            eligibility_fr="Avoir 18 ans ou plus\nUn cancer confirmé par biopsie\n"
            "Ne pas avoir reçu d'immunothérapie auparavant",
            eligibility_en="Be 18 or older\nA cancer confirmed by biopsy\n"
            "No previous immunotherapy",
        )
        trial.cancer_types.set([cancers[slug] for slug in cancer_slugs])
    return len(TRIALS)
