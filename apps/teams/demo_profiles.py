"""The words of the demo's sample teams, people and publications (apps.teams.demo_data).

Written to read like a real directory: the site-wide notice (apps.core.sample_content) says, on
every page, that the teams, people, trials and news are fictional demonstration content, so no
text here says "example". Nothing points at anything real: publications have DOIs under
Crossref's reserved test prefix 10.5555 and no PubMed id, emails end in the reserved `.invalid`
domain, phone numbers are in the range the French regulator (ARCEP) keeps for fiction
(01 99 00 xx xx). Nothing is said of the real directors beyond the center's own page.

Pure functions of a few facts (a team's slug, a person's first name, category and role). Migration
0004, which rewrote older demo rows, keeps a frozen copy (apps/teams/migrations/_demo_profiles_0004.py).
"""

from __future__ import annotations

import unicodedata

FIRST_NAMES = [
    "Claire",
    "Julien",
    "Sofia",
    "Mehdi",
    "Anne",
    "Thomas",
    "Léa",
    "Hugo",
    "Inès",
    "Nicolas",
    "Camille",
    "Yuki",
    "Marc",
    "Élodie",
    "Karim",
    "Chloé",
    "Pierre",
    "Amina",
    "Lucas",
    "Hélène",
    "Rafael",
    "Nora",
    "Olivier",
    "Zoé",
]
# For the French forms of positions and pronouns; the other first names are women's.
MASCULINE = {
    "Julien",
    "Mehdi",
    "Thomas",
    "Hugo",
    "Nicolas",
    "Yuki",
    "Marc",
    "Karim",
    "Pierre",
    "Lucas",
    "Rafael",
    "Olivier",
}

# slug: (description fr, description en, phrase fr, phrase en, topic fr, topic en,
#        expertise fr, expertise en, publication titles)
TEAMS = {
    "immunite-cancer": (
        "<p>L'équipe étudie la façon dont le système immunitaire repère les cellules tumorales. "
        "Elle s'intéresse en particulier aux cellules dendritiques, qui présentent aux "
        "lymphocytes T des fragments des tumeurs, et aux signaux par lesquels les tumeurs "
        "désarment ces lymphocytes.</p><p>Ses travaux associent modèles expérimentaux, imagerie "
        "et analyse de prélèvements de patients, en lien avec les équipes cliniques du "
        "centre.</p>",
        "<p>The team studies how the immune system spots tumour cells. It looks in particular at "
        "dendritic cells, which show T lymphocytes fragments of tumours, and at the signals by "
        "which tumours disarm those lymphocytes.</p><p>Its work combines experimental models, "
        "imaging and the analysis of patients' specimens, together with the center's clinical "
        "teams.</p>",
        "l'équipe Immunité et cancer",
        "the Immunity and cancer team",
        "la présentation des antigènes tumoraux par les cellules dendritiques",
        "how dendritic cells present tumour antigens",
        "cellules dendritiques, lymphocytes T, présentation des antigènes",
        "dendritic cells, T lymphocytes, antigen presentation",
        [
            "Dendritic cell subsets shape T cell priming against tumour antigens",
            "Tumour-derived signals that dampen cytotoxic T cell function",
            "Imaging antigen presentation in the tumour microenvironment",
        ],
    ),
    "immunologie-translationnelle": (
        "<p>Entre le laboratoire et l'hôpital, l'équipe analyse le sang et les biopsies des "
        "patients inclus dans les essais cliniques du centre. Elle cherche à comprendre pourquoi "
        "un même traitement agit chez certains patients et pas chez d'autres.</p><p>Elle "
        "travaille avec l'équipe des essais cliniques précoces dès la conception des essais, et "
        "avec les plateformes de cytométrie et de génomique unicellulaire.</p>",
        "<p>Between the laboratory and the hospital, the team analyses the blood and biopsies of "
        "patients taking part in the center's clinical trials. It seeks to understand why the "
        "same treatment works for some patients and not for others.</p><p>It works with the "
        "early clinical trials team from the design of each trial, and with the cytometry and "
        "single-cell genomics platforms.</p>",
        "l'équipe Immunologie translationnelle",
        "the Translational immunology team",
        "les réponses immunitaires des patients traités dans les essais cliniques",
        "the immune responses of patients treated in clinical trials",
        "immunomonitorage, essais cliniques, immunologie humaine",
        "immune monitoring, clinical trials, human immunology",
        [
            "Circulating immune cells before and during checkpoint blockade in early-phase trials",
            "Blood and tissue immune profiles of patients treated with combination immunotherapy",
            "A shared protocol for immune monitoring across clinical trials",
        ],
    ),
    "biomarqueurs-predictifs": (
        "<p>Savoir avant de traiter qui répondra à l'immunothérapie : c'est l'objectif de "
        "l'équipe. Elle recherche dans le sang et dans les tumeurs des signatures, cellulaires "
        "ou moléculaires, qui annoncent la réponse ou la résistance au traitement.</p><p>Ses "
        "analyses s'appuient sur les données des essais du centre et sur des méthodes "
        "statistiques et d'apprentissage automatique.</p>",
        "<p>Knowing before treatment who will respond to immunotherapy: that is the team's aim. "
        "It looks in the blood and in tumours for cellular or molecular signatures that "
        "foretell response or resistance to treatment.</p><p>Its analyses draw on the data of "
        "the center's trials and on statistical and machine-learning methods.</p>",
        "l'équipe Biomarqueurs prédictifs",
        "the Predictive biomarkers team",
        "les signatures sanguines de la réponse à l'immunothérapie",
        "blood signatures of response to immunotherapy",
        "biomarqueurs, biostatistique, apprentissage automatique",
        "biomarkers, biostatistics, machine learning",
        [
            "A blood signature associated with response to immune checkpoint inhibitors",
            "Predicting resistance to immunotherapy from pre-treatment biopsies",
            "Machine learning on immune profiles to anticipate treatment benefit",
        ],
    ),
    "immunotherapie-sein": (
        "<p>Les résultats de l'immunothérapie restent modestes dans le cancer du sein, alors "
        "qu'ils sont plus nets pour des tumeurs situées ailleurs. L'équipe cherche à comprendre "
        "pourquoi : quelles cellules immunitaires entrent dans ces tumeurs, et ce qui les "
        "empêche d'agir.</p><p>Elle évalue ensuite au laboratoire des associations de "
        "traitements qui pourraient rendre ces tumeurs plus sensibles à l'immunothérapie.</p>",
        "<p>Immunotherapy results remain modest in breast cancer, whereas they are more "
        "compelling for tumours in other locations. The team seeks to understand why: which "
        "immune cells enter these tumours, and what stops them from acting.</p><p>It then tests "
        "in the laboratory combinations of treatments that could make these tumours more "
        "sensitive to immunotherapy.</p>",
        "l'équipe Immunothérapie des cancers du sein",
        "the Breast cancer immunotherapy team",
        "les lymphocytes qui infiltrent les tumeurs du sein",
        "the lymphocytes that infiltrate breast tumours",
        "cancer du sein, lymphocytes infiltrant la tumeur, résistance au traitement",
        "breast cancer, tumour-infiltrating lymphocytes, treatment resistance",
        [
            "Lymphocytes infiltrating breast tumours and their states of exhaustion",
            "Why breast tumours resist checkpoint blockade: a review of mechanisms",
            "Combining treatments to make breast tumours visible to the immune system",
        ],
    ),
    "essais-precoces": (
        "<p>Les médecins et les infirmiers de l'équipe proposent aux patients les essais "
        "cliniques de phase précoce du centre, qui évaluent de nouveaux médicaments ou de "
        "nouvelles associations de traitements.</p><p>Ils reçoivent les patients en "
        "consultation, regardent avec eux si un essai peut leur convenir et les suivent pendant "
        "toute sa durée.</p>",
        "<p>The team's physicians and nurses offer patients the center's early-phase clinical "
        "trials, which assess new medicines or new combinations of treatments.</p><p>They see "
        "patients in consultation, look with them at whether a trial may suit them, and follow "
        "them throughout it.</p>",
        "l'équipe des essais cliniques précoces",
        "the Early clinical trials team",
        "les associations de traitements en phase précoce",
        "early-phase treatment combinations",
        "essais de phase 1, oncologie médicale, associations de traitements",
        "phase 1 trials, medical oncology, treatment combinations",
        [
            "Safety of a combination of two immunotherapies in an early-phase trial",
            "Selecting patients for early-phase immunotherapy trials: a retrospective analysis",
            "Dose-finding designs for combination immunotherapy",
        ],
    ),
    "hopital-de-jour": (
        "<p>L'équipe soignante de l'hôpital de jour accueille les patients pour leurs "
        "perfusions d'immunothérapie et leurs bilans de suivi.</p><p>Médecins, infirmiers et "
        "assistants veillent aux effets indésirables propres à ces traitements et orientent les "
        "patients vers les soins de support.</p>",
        "<p>The day hospital's care team welcomes patients for their immunotherapy infusions "
        "and their follow-up check-ups.</p><p>Physicians, nurses and assistants watch for the "
        "side effects specific to these treatments and guide patients to supportive care.</p>",
        "l'hôpital de jour d'immunothérapie",
        "the Immunotherapy day hospital",
        "les effets indésirables de l'immunothérapie",
        "the side effects of immunotherapy",
        "hôpital de jour, effets indésirables immunologiques, éducation thérapeutique",
        "day hospital, immune-related side effects, patient education",
        [
            "Immune-related side effects in a day-hospital cohort treated with immunotherapy",
            "Nurse-led follow-up of patients receiving checkpoint inhibitors",
            "Patient education before immunotherapy: a prospective evaluation",
        ],
    ),
    "plateforme-cytometrie": (
        "<p>La plateforme met à la disposition des équipes des cytomètres capables de mesurer "
        "de nombreux marqueurs sur chaque cellule, et l'expertise pour concevoir les panels et "
        "analyser les données.</p><p>Elle traite les prélèvements de la recherche comme ceux "
        "des essais cliniques, selon des procédures communes.</p>",
        "<p>The platform offers the teams cytometers that measure many markers on each cell, "
        "and the expertise to design panels and analyse the data.</p><p>It handles research "
        "specimens and those of clinical trials alike, under shared procedures.</p>",
        "la plateforme de cytométrie",
        "the Cytometry platform",
        "la cytométrie en flux multiparamétrique",
        "multiparameter flow cytometry",
        "cytométrie en flux, cytométrie spectrale, contrôle qualité",
        "flow cytometry, spectral cytometry, quality control",
        [
            "A harmonised spectral cytometry panel for immune monitoring",
            "Quality control of multiparameter flow cytometry in multicentre studies",
            "Automated gating of immune cell populations in patient blood",
        ],
    ),
    "plateforme-genomique-unicellulaire": (
        "<p>La plateforme séquence l'ARN des cellules une par une, pour dresser la carte des "
        "cellules présentes dans une tumeur et de leur état.</p><p>Elle accompagne les équipes "
        "de la préparation des prélèvements jusqu'à l'analyse bio-informatique.</p>",
        "<p>The platform sequences the RNA of cells one by one, to map the cells present in a "
        "tumour and their states.</p><p>It supports the teams from the preparation of specimens "
        "to the bioinformatic analysis.</p>",
        "la plateforme de génomique unicellulaire",
        "the Single-cell genomics platform",
        "l'analyse des tumeurs cellule par cellule",
        "the single-cell analysis of tumours",
        "séquençage unicellulaire, bio-informatique, transcriptomique",
        "single-cell sequencing, bioinformatics, transcriptomics",
        [
            "A single-cell atlas of immune cells in treated tumours",
            "Single-cell RNA sequencing of tumour-infiltrating lymphocytes before and after "
            "treatment",
            "Computational methods to map cell states across tumours",
        ],
    ),
}
TEAM_ORDER = list(TEAMS)


# category: ((masculine fr, feminine fr), en)
POSITIONS = {
    "researcher": (("Chercheur", "Chercheuse"), "Researcher"),
    "physician": (("Médecin oncologue", "Médecin oncologue"), "Medical oncologist"),
    "nurse": (("Infirmier", "Infirmière"), "Nurse"),
    "engineer": (("Ingénieur", "Ingénieure"), "Engineer"),
    "student": (("Doctorant", "Doctorante"), "PhD student"),
    "administration": (("Assistant de l'équipe", "Assistante de l'équipe"), "Team assistant"),
}
HEAD_POSITIONS = {
    "researcher": (("Directeur de recherche", "Directrice de recherche"), "Research director"),
    "physician": (("Médecin oncologue", "Médecin oncologue"), "Medical oncologist"),
}

EXPERTISE_BY_CATEGORY = {
    "nurse": (
        "accompagnement des patients, éducation thérapeutique",
        "patient support, patient education",
    ),
    "engineer": ("protocoles d'analyse, qualité des données", "analysis protocols, data quality"),
    "administration": (
        "gestion d'équipe, organisation de réunions scientifiques",
        "team management, organising scientific meetings",
    ),
}


def is_feminine(first_name: str) -> bool:
    return first_name not in MASCULINE


def _ascii(text: str) -> str:
    return "".join(
        ch for ch in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(ch)
    ).replace(" ", "-")


def _to(phrase: str) -> str:
    """French "à" before a noun phrase: à la, à l', au, aux."""
    if phrase.startswith("les "):
        return "aux " + phrase[4:]
    if phrase.startswith("le "):
        return "au " + phrase[3:]
    return "à " + phrase


def _in(team_fr: str) -> str:
    """French "in" a team (dans l'équipe) or at a platform or a hospital (à la plateforme)."""
    return ("dans " if team_fr.startswith("l'équipe") else "") + (
        team_fr if team_fr.startswith("l'équipe") else _to(team_fr)
    )


def team_texts(slug: str) -> dict:
    """{"description_fr", "description_en"} of a demo team."""
    description_fr, description_en = TEAMS[slug][:2]
    return {"description_fr": description_fr, "description_en": description_en}


def person_texts(
    first: str, last: str, category: str, team_slug: str, role: str, start_year: int | None
) -> dict:
    """Position, biography, expertise and contact details of a sample person, from their team
    and role ("head", "co_head", "member", "alumnus"). Team leaders' email and phone are public
    (so their profile and vCard show them); the others' email is on file but not shown."""
    feminine = is_feminine(first)
    (_d_fr, _d_en, team_fr, team_en, topic_fr, topic_en, skills_fr, skills_en, _titles) = TEAMS[
        team_slug
    ]
    positions = HEAD_POSITIONS if role == "head" and category in HEAD_POSITIONS else POSITIONS
    (masculine_fr, feminine_fr), position_en = positions[category]
    position_fr = feminine_fr if feminine else masculine_fr
    pronoun_fr, pronoun_en = ("Elle", "She") if feminine else ("Il", "He")
    name = f"{first} {last}"
    since = f" depuis {start_year}" if start_year else ""
    since_en = f" since {start_year}" if start_year else ""
    if role == "head":
        bio_fr = (
            f"{name} dirige {team_fr}{since}. {pronoun_fr} s'intéresse en particulier "
            f"{_to(topic_fr)}, une question qu'{pronoun_fr.lower()} aborde avec les autres "
            "équipes du centre."
        )
        bio_en = (
            f"{name} has led {team_en}{since_en}. {pronoun_en} is particularly interested in "
            f"{topic_en}, a question {pronoun_en.lower()} tackles with the center's other teams."
        )
    elif role == "alumnus" and category == "administration":
        assistant = "assistante" if feminine else "assistant"
        bio_fr = f"{name} a été {assistant} de {team_fr} jusqu'en 2024."
        bio_en = f"{name} was the team assistant of {team_en} until 2024."
    elif role == "alumnus":
        bio_fr = (
            f"{name} a fait partie de {team_fr} jusqu'en 2024 ; {pronoun_fr.lower()} y a "
            f"travaillé sur {topic_fr}."
        )
        bio_en = f"{name} was part of {team_en} until 2024, working on {topic_en}."
    elif category == "nurse":
        bio_fr = (
            f"{position_fr} {_in(team_fr)}, {name} accompagne les patients tout au long de leur "
            "traitement et répond à leurs questions et à celles de leurs proches."
        )
        bio_en = (
            f"A nurse in {team_en}, {name} supports patients throughout their treatment and "
            "answers their questions and those of their relatives."
        )
    elif category == "administration":
        bio_fr = (
            f"{'Assistante' if feminine else 'Assistant'} de {team_fr}, {name} organise la vie de l'équipe : agendas, réunions, "
            "missions et accueil des nouveaux arrivants."
        )
        bio_en = (
            f"Team assistant ({team_en}), {name} organises the team's life: diaries, meetings, "
            "travel and the welcome of newcomers."
        )
    elif category == "engineer":
        bio_fr = (
            f"{position_fr} {_in(team_fr)}, {name} met au point les protocoles d'analyse et "
            "veille à la qualité des données produites pour les équipes."
        )
        bio_en = (
            f"An engineer in {team_en}, {name} develops analysis protocols and sees to the "
            "quality of the data produced for the teams."
        )
    elif category == "student":
        bio_fr = f"{position_fr} {_in(team_fr)}, {name} prépare une thèse sur {topic_fr}."
        bio_en = f"A PhD student in {team_en}, {name} is preparing a thesis on {topic_en}."
    else:
        where_fr = f"codirige {team_fr}" if role == "co_head" else f"travaille {_in(team_fr)}"
        verb_en = "co-leads" if role == "co_head" else "works in"
        bio_fr = f"{position_fr}, {name} {where_fr}, où {pronoun_fr.lower()} étudie {topic_fr}."
        bio_en = f"A {position_en.lower()}, {name} {verb_en} {team_en}, studying {topic_en}."
    expertise_fr, expertise_en = EXPERTISE_BY_CATEGORY.get(category, (skills_fr, skills_en))
    public = role == "head"
    order = TEAM_ORDER.index(team_slug)
    return {
        "position_fr": position_fr,
        "position_en": position_en,
        "bio_fr": bio_fr,
        "bio_en": bio_en,
        "expertise_fr": expertise_fr,
        "expertise_en": expertise_en,
        "email": f"{_ascii(first)}.{_ascii(last)}@demo.invalid",
        "show_email": public,
        "phone": f"01 99 00 {10 + order:02d} 00" if public else "",
        "show_phone": public,
    }


def publication_texts(team_slug: str, acronym: str, index: int) -> dict:
    """Title, year and DOI of a team's sample publication number `index` (0, 1, 2). The DOI
    is under Crossref's reserved test prefix; there is no journal and no PubMed id."""
    year = 2025 - index
    return {
        "title": TEAMS[team_slug][8][index],
        "year": year,
        "journal": "",
        "doi": f"10.5555/cci-demo.{acronym.lower()}.{year}.{index + 1}",
        "pmid": None,
    }


def authors_line(people) -> str:
    """'Martin C, Fontaine J' from people (first_name, last_name attributes)."""
    return ", ".join(f"{p.last_name} {p.first_name[0]}" for p in people)
