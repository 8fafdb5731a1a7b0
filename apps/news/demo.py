"""Demo news and events: all sample content (flagged `is_sample`), in French and English."""

from __future__ import annotations

import datetime

from django.utils import timezone

from apps.core.demo_images import demo_image
from apps.core.models import Image, Publishable
from apps.news.demo_texts import ARTICLE_BODIES, EVENT_TEXTS, OPENING_EN, OPENING_FR
from apps.news.models import PARIS, Category, Event, NewsArticle
from apps.teams.models import Team

PUBLISHED = Publishable.Status.PUBLISHED

CATEGORIES = [
    ("recherche", "Recherche", "Research"),
    ("soins", "Soins et patients", "Care and patients"),
    ("vie-du-centre", "Vie du centre", "Life of the center"),
]

# slug, category, days ago, featured, team slug, title fr/en, lead fr/en
ARTICLES = [
    (
        "ouverture-du-centre",
        "vie-du-centre",
        900,
        False,
        None,
        "Le Centre d'immunothérapie des cancers ouvre ses portes",
        "The Center for Cancer Immunotherapy opens its doors",
        "Laboratoires, consultations et lits d'hospitalisation sont désormais réunis sur un même "
        "étage de l'hôpital de l'Institut Curie.",
        "Laboratories, consultation rooms and hospital beds are now together on one floor of the "
        "Institut Curie hospital.",
    ),
    (
        "seminaire-microenvironnement",
        "recherche",
        12,
        False,
        "immunite-cancer",
        "Retour sur le séminaire consacré au microenvironnement tumoral",
        "Looking back at the seminar on the tumour microenvironment",
        "Chercheurs et médecins ont partagé leurs derniers résultats sur les cellules qui "
        "entourent les tumeurs.",
        "Researchers and physicians shared their latest results on the cells around tumours.",
    ),
    (
        "nouvel-essai-combinaison",
        "soins",
        20,
        True,  # the featured article: a recent one (demo_texts.FEATURED)
        "essais-precoces",
        "Un nouvel essai clinique précoce teste une combinaison de traitements",
        "A new early clinical trial tests a combination of treatments",
        "L'équipe des essais précoces ouvre un essai associant deux immunothérapies.",
        "The early trials team opens a trial combining two immunotherapies.",
    ),
    (
        "biomarqueurs-prometteurs",
        "recherche",
        35,
        False,
        "biomarqueurs-predictifs",
        "Des biomarqueurs prometteurs pour prédire la réponse",
        "Promising biomarkers to predict response",
        "Une signature sanguine pourrait aider à savoir quels patients répondront au traitement.",
        "A blood signature could help tell which patients will respond to treatment.",
    ),
    (
        "journee-patients-retour",
        "soins",
        50,
        False,
        "hopital-de-jour",
        "Journée patients : vos questions sur l'immunothérapie",
        "Patient day: your questions about immunotherapy",
        "Patients et proches ont échangé avec les soignants du centre.",
        "Patients and relatives talked with the center's care staff.",
    ),
    (
        "cancer-du-sein-avancees",
        "recherche",
        65,
        False,
        "immunotherapie-sein",
        "Cancer du sein : comprendre la résistance à l'immunothérapie",
        "Breast cancer: understanding resistance to immunotherapy",
        "L'équipe étudie pourquoi certaines tumeurs du sein échappent au système immunitaire.",
        "The team studies why some breast tumours escape the immune system.",
    ),
    (
        "plateforme-cytometrie-equipement",
        "vie-du-centre",
        80,
        False,
        "plateforme-cytometrie",
        "La plateforme de cytométrie s'équipe",
        "The cytometry platform gets new equipment",
        "Un nouvel appareil permet d'analyser plus de marqueurs sur chaque cellule.",
        "A new instrument measures more markers on each cell.",
    ),
    (
        "genomique-unicellulaire-atlas",
        "recherche",
        95,
        False,
        "plateforme-genomique-unicellulaire",
        "Un atlas des cellules immunitaires des tumeurs",
        "An atlas of immune cells in tumours",
        "Le séquençage cellule par cellule cartographie les cellules présentes dans les tumeurs.",
        "Cell-by-cell sequencing maps the cells found in tumours.",
    ),
    (
        "dons-generosite",
        "vie-du-centre",
        110,
        False,
        None,
        "Merci aux donateurs",
        "Thank you to our donors",
        "Le centre est en grande partie financé par la générosité du public.",
        "The center is largely financed by public generosity.",
    ),
    (
        "accueil-nouveaux-doctorants",
        "vie-du-centre",
        130,
        False,
        "immunologie-translationnelle",
        "Bienvenue aux nouveaux doctorants",
        "Welcome to our new PhD students",
        "Cinq doctorants rejoignent les équipes de recherche du centre.",
        "Five PhD students join the center's research teams.",
    ),
    (
        "hopital-de-jour-parcours",
        "soins",
        150,
        False,
        "hopital-de-jour",
        "Hôpital de jour : un parcours simplifié",
        "Day hospital: a simpler path",
        "Les patients traités par immunothérapie sont accueillis dans un parcours repensé.",
        "Patients treated with immunotherapy follow a redesigned care path.",
    ),
    (
        "congres-international",
        "recherche",
        170,
        False,
        "immunite-cancer",
        "Le centre présent au congrès international d'immunologie",
        "The center at the international immunology congress",
        "Plusieurs équipes ont présenté leurs travaux à la communauté internationale.",
        "Several teams presented their work to the international community.",
    ),
]

# slug, kind, days from today, hour, duration hours, all day, cancelled, title fr/en, place
EVENTS = [
    (
        "seminaire-lymphocytes-t",
        "seminar",
        14,
        14,
        2,
        False,
        False,
        "Séminaire : les lymphocytes T face aux tumeurs",
        "Seminar: T cells against tumours",
        "Amphithéâtre de l'Institut Curie",
        "Institut Curie lecture theatre",
    ),
    (
        "colloque-immunotherapie",
        "conference",
        40,
        9,
        32,
        False,
        False,
        "Colloque : l'immunothérapie de demain",
        "Symposium: tomorrow's immunotherapy",
        "Institut Curie, Paris",
        "Institut Curie, Paris",
    ),
    (
        "journee-patients",
        "patient_day",
        60,
        0,
        0,
        True,
        False,
        "Journée patients et proches",
        "Patients and relatives day",
        "Hôpital de l'Institut Curie",
        "Institut Curie hospital",
    ),
    (
        "conference-grand-public",
        "public",
        25,
        18,
        2,
        False,
        True,
        "Conférence grand public : comprendre l'immunothérapie",
        "Public lecture: understanding immunotherapy",
        "Amphithéâtre de l'Institut Curie",
        "Institut Curie lecture theatre",
    ),
    (
        "seminaire-biomarqueurs",
        "seminar",
        -30,
        14,
        2,
        False,
        False,
        "Séminaire : biomarqueurs et réponse au traitement",
        "Seminar: biomarkers and response to treatment",
        "Amphithéâtre de l'Institut Curie",
        "Institut Curie lecture theatre",
    ),
]


def load() -> list[str]:
    if NewsArticle.objects.exists() or Event.objects.exists():
        return []
    categories = {}
    for order, (slug, fr, en) in enumerate(CATEGORIES):
        categories[slug], _ = Category.objects.get_or_create(
            slug=slug, defaults={"name_fr": fr, "name_en": en, "status": PUBLISHED, "order": order}
        )
    today = timezone.localdate()
    teams = {team.slug: team for team in Team.objects.all()}
    for slug, category, days, featured, team, title_fr, title_en, lead_fr, lead_en in ARTICLES:
        opening = slug == "ouverture-du-centre"
        article = NewsArticle.objects.create(
            slug=slug,
            category=categories[category],
            featured=featured,
            # The opening's date is a sample one, before the end of MC21 (2021): to be checked.
            date=datetime.date(2018, 1, 15) if opening else today - datetime.timedelta(days=days),
            status=PUBLISHED,
            is_sample=True,
            title_fr=title_fr,
            title_en=title_en,
            lead_fr=lead_fr,
            lead_en=lead_en,
            body_fr=OPENING_FR if opening else ARTICLE_BODIES[slug][0],
            body_en=OPENING_EN if opening else ARTICLE_BODIES[slug][1],
        )
        if team and team in teams:
            article.teams.add(teams[team])
    for (
        slug,
        kind,
        days,
        hour,
        hours,
        all_day,
        cancelled,
        title_fr,
        title_en,
        place_fr,
        place_en,
    ) in EVENTS:
        day = today + datetime.timedelta(days=days)
        start = datetime.datetime.combine(day, datetime.time(hour), tzinfo=PARIS)
        end = start + datetime.timedelta(hours=hours) if not all_day else start.replace(hour=23)
        Event.objects.create(
            slug=slug,
            kind=kind,
            start=start,
            end=end,
            all_day=all_day,
            cancelled=cancelled,
            status=PUBLISHED,
            is_sample=True,
            title_fr=title_fr,
            title_en=title_en,
            place_fr=place_fr,
            place_en=place_en,
            summary_fr=EVENT_TEXTS[slug][0],
            summary_en=EVENT_TEXTS[slug][1],
            description_fr=EVENT_TEXTS[slug][2],
            description_en=EVENT_TEXTS[slug][3],
        )
    return [
        f"{len(CATEGORIES)} news categories",
        f"{len(ARTICLES)} sample articles",
        f"{len(EVENTS)} sample events",
    ]


def load_images() -> list[str]:
    """Each sample article and event without an image gets its abstract demo image
    (apps.core.demo_images: decorative, no caption, no credit), once: when that image is
    already in the library, this was done, and an editor may have taken it off since."""
    created = []
    for model, kind, label, order in (
        (NewsArticle, "article", "actualité", "-date"),
        (Event, "event", "événement", "start"),
    ):
        # The palettes turn round in the lists' order: neighbouring cards differ.
        for variant, item in enumerate(model.objects.filter(is_sample=True).order_by(order, "pk")):
            title = f"Démo – {label} {item.slug}"
            if item.image_id or Image.objects.filter(title=title).exists():
                continue
            item.image = demo_image(kind, item.slug, title, variant=variant)
            item.save(update_fields=["image"])
            created.append(f"image of the sample {kind} {item.slug}")
    return created
