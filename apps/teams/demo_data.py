"""Demo teams and people. The two directors are real (named in the center's own public
presentation); every team, every other person and every publication is sample content, flagged
`is_sample` in the admin (the site-wide notice says so on every page), with made-up names.
Their words, DOIs (Crossref's reserved test prefix 10.5555, no PubMed id), emails and phone
numbers are in apps.teams.demo_profiles: none of them points at anything real."""

from __future__ import annotations

import datetime

from apps.core.demo_images import demo_image
from apps.core.models import Image, Publishable
from apps.teams.demo_profiles import (
    FIRST_NAMES,
    authors_line,
    person_texts,
    publication_texts,
    team_texts,
)
from apps.teams.models import (
    Membership,
    Person,
    PersonPublication,
    Publication,
    ResearchTheme,
    Team,
    TeamPublication,
)

PUBLISHED = Publishable.Status.PUBLISHED

THEMES = [
    ("essais-combinaisons", "Essais précoces et combinaisons", "Early trials and combinations"),
    ("biomarqueurs", "Biomarqueurs prédictifs", "Predictive biomarkers"),
    ("cancer-du-sein", "Cancer du sein", "Breast cancer"),
    ("microenvironnement", "Microenvironnement tumoral", "Tumour microenvironment"),
]

# slug, kind, acronym, name fr/en, summary fr/en, themes, colour
TEAMS = [
    (
        "immunite-cancer",
        "research",
        "IMC",
        "Immunité et cancer",
        "Immunity and cancer",
        "Comment les cellules dendritiques et les lymphocytes T reconnaissent les tumeurs, et "
        "comment les tumeurs leur échappent.",
        "How dendritic cells and T lymphocytes recognise tumours, and how tumours escape them.",
        ["microenvironnement"],
        "#1d3a8a",
    ),
    (
        "immunologie-translationnelle",
        "research",
        "ITR",
        "Immunologie translationnelle",
        "Translational immunology",
        "Du laboratoire au lit du patient : analyser les échantillons des essais pour comprendre "
        "les réponses au traitement.",
        "From the laboratory to the bedside: analysing blood and tissue from trials to understand "
        "responses to treatment.",
        ["essais-combinaisons", "biomarqueurs"],
        "#a3154b",
    ),
    (
        "biomarqueurs-predictifs",
        "research",
        "BMP",
        "Biomarqueurs prédictifs",
        "Predictive biomarkers",
        "Découvrir les signatures qui annoncent quels patients répondront à l'immunothérapie.",
        "Finding the signatures that tell which patients will respond to immunotherapy.",
        ["biomarqueurs"],
        "#0f6b5c",
    ),
    (
        "immunotherapie-sein",
        "research",
        "ISE",
        "Immunothérapie des cancers du sein",
        "Breast cancer immunotherapy",
        "Comprendre pourquoi l'immunothérapie agit encore peu dans le cancer du sein, et changer "
        "cela.",
        "Understanding why immunotherapy still does little in breast cancer, and changing that.",
        ["cancer-du-sein", "microenvironnement"],
        "#7a3e9d",
    ),
    (
        "essais-precoces",
        "clinical",
        "EP",
        "Essais cliniques précoces",
        "Early clinical trials",
        "L'équipe médicale qui propose aux patients les essais de phase précoce du centre.",
        "The medical team offering patients the center's early-phase trials.",
        ["essais-combinaisons"],
        "#9a4a00",
    ),
    (
        "hopital-de-jour",
        "clinical",
        "HDJ",
        "Hôpital de jour d'immunothérapie",
        "Immunotherapy day hospital",
        "Les soignants qui accueillent les patients pour leurs traitements et leur suivi.",
        "The care staff who welcome patients for their treatments and follow-up.",
        [],
        "#2d6a1f",
    ),
    (
        "plateforme-cytometrie",
        "platform",
        "CYTO",
        "Plateforme de cytométrie",
        "Cytometry platform",
        "Analyse fine des cellules immunitaires des échantillons de recherche et des essais.",
        "Detailed analysis of immune cells in research and clinical trial specimens.",
        ["biomarqueurs"],
        "#4a4f5c",
    ),
    (
        "plateforme-genomique-unicellulaire",
        "platform",
        "SC",
        "Plateforme de génomique unicellulaire",
        "Single-cell genomics platform",
        "Séquençage cellule par cellule pour cartographier le microenvironnement des tumeurs.",
        "Cell-by-cell sequencing to map the tumour microenvironment.",
        ["microenvironnement", "biomarqueurs"],
        "#005f73",
    ),
]

LAST_NAMES = [
    "Martin",
    "Bernard",
    "Moreau",
    "Lefèvre",
    "Garcia",
    "Rousseau",
    "Nguyen",
    "Fontaine",
    "Chevalier",
    "Haddad",
    "Robin",
    "Tanaka",
    "Mercier",
    "Blanc",
    "Faure",
    "André",
    "Lambert",
    "Diallo",
    "Girard",
    "Bonnet",
    "Ortega",
    "Perrin",
    "Marchand",
    "Roux",
]

CATEGORY_BY_KIND = {
    "research": ["researcher", "engineer", "student", "researcher"],
    "clinical": ["physician", "nurse", "nurse", "administration"],
    "platform": ["engineer", "engineer", "researcher", "student"],
}


def _team_image(slug: str, title: str, order: int) -> Image:
    """The team's abstract demo image (apps.core.demo_images): decorative, so its alternative
    text is empty, with no caption and no credit; its palette turns round with the teams' order."""
    return demo_image("team", slug, title, variant=order)


def _person(slug, first, last, category, position, *, title="", is_sample=True, **extra):
    person, created = Person.objects.get_or_create(
        slug=slug,
        defaults={
            "first_name": first,
            "last_name": last,
            "category": category,
            "title": title,
            "position_fr": position[0],
            "position_en": position[1],
            "status": PUBLISHED,
            "is_sample": is_sample,
            **extra,
        },
    )
    return person, created


def load_teams() -> list[str]:
    if Team.objects.exists():
        return []
    created = []
    themes = {}
    for order, (slug, fr, en) in enumerate(THEMES):
        themes[slug], _ = ResearchTheme.objects.get_or_create(
            slug=slug,
            defaults={"name_fr": fr, "name_en": en, "status": PUBLISHED, "order": order},
        )
    created.append(f"{len(THEMES)} research themes")

    _person(
        "sebastian-amigorena",
        "Sebastian",
        "Amigorena",
        "researcher",
        (
            "Directeur du Centre d'immunothérapie des cancers",
            "Director of the Center for Cancer Immunotherapy",
        ),
        is_sample=False,
    )
    _person(
        "emanuela-romano",
        "Emanuela",
        "Romano",
        "physician",
        (
            "Directrice médicale du Centre d'immunothérapie des cancers",
            "Medical director of the Center for Cancer Immunotherapy",
        ),
        title="Dr",
        is_sample=False,
    )
    created.append("the director and the medical director")

    name_index = 0
    people_count = 0
    for order, (
        slug,
        kind,
        acronym,
        name_fr,
        name_en,
        summary_fr,
        summary_en,
        theme_slugs,
        _colour,
    ) in enumerate(TEAMS):
        image = _team_image(slug, f"Démo – équipe {acronym}", order)
        team = Team.objects.create(
            slug=slug,
            kind=kind,
            acronym=acronym,
            name_fr=name_fr,
            name_en=name_en,
            summary_fr=summary_fr,
            summary_en=summary_en,
            **team_texts(slug),
            location_fr=f"Centre d'immunothérapie, aile {'ABCD'[order % 4]}",
            location_en=f"Immunotherapy center, wing {'ABCD'[order % 4]}",
            image=image,
            order=order,
            status=PUBLISHED,
            is_sample=True,
        )
        team.themes.set([themes[t] for t in theme_slugs])

        members = []
        size = 5 + order % 3
        start = datetime.date(2019 + order % 3, 1 + order % 12, 1)
        for position_index in range(size):
            first = FIRST_NAMES[name_index % len(FIRST_NAMES)]
            last = LAST_NAMES[(name_index * 7 + name_index // len(FIRST_NAMES)) % len(LAST_NAMES)]
            name_index += 1
            if position_index == 0:
                category = "physician" if kind == "clinical" else "researcher"
            else:
                category = CATEGORY_BY_KIND[kind][position_index % 4]
            if position_index == 0:
                role = "head"
            elif position_index == size - 1:
                role = "alumnus"
            elif position_index == 1 and size > 6:
                role = "co_head"
            else:
                role = "member"
            texts = person_texts(first, last, category, slug, role, start.year)
            person, _ = _person(
                f"{first}-{last}-{name_index}".lower().replace("é", "e").replace("è", "e"),
                first,
                last,
                category,
                (texts.pop("position_fr"), texts.pop("position_en")),
                title="Dr" if position_index == 0 else "",
                **texts,
            )
            people_count += 1
            members.append(person)
        Membership.objects.create(
            team=team, person=members[0], role="head", start_date=start, order=0
        )
        Membership.objects.create(
            team=team,
            person=members[1],
            role="co_head" if size > 6 else "member",
            start_date=start,
            order=1,
        )
        for index, person in enumerate(members[2:-1], start=2):
            Membership.objects.create(
                team=team, person=person, role="member", start_date=start, order=index
            )
        Membership.objects.create(
            team=team,
            person=members[-1],
            role="alumnus",
            start_date=start,
            end_date=datetime.date(2024, 6, 30),
            order=99,
        )

        for pub_index in range(3):
            publication = Publication.objects.create(
                **publication_texts(slug, acronym, pub_index),
                authors=authors_line(members),
                is_sample=True,
            )
            TeamPublication.objects.create(
                team=team, publication=publication, featured=pub_index == 1
            )
            # Every member signs the team's papers, so every profile lists publications.
            PersonPublication.objects.bulk_create(
                PersonPublication(person=person, publication=publication) for person in members
            )

    # The directors are not attached to sample teams: an editor links them to their real teams.
    created.append(f"{len(TEAMS)} sample teams with {people_count} sample people")
    created.append(f"{len(TEAMS) * 3} sample publications")
    return created
