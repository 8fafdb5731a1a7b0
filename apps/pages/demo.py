"""Demo home page, written from the center's own public presentation."""

from __future__ import annotations

from apps.core.demo_images import demo_image
from apps.core.models import Image
from apps.pages.models import HomeAim, HomePage, HomeQuote

HERO_IMAGE_TITLE = "Démo – illustration d'accueil"


def _hero_image() -> Image:
    """The home page's abstract demo image (apps.core.demo_images): decorative, with no caption
    and no credit."""
    return demo_image("hero", "home", HERO_IMAGE_TITLE)


ABOUT_FR = (
    "<p>Le Centre d'immunothérapie des cancers de l'Institut Curie réunit sur un même étage de "
    "l'hôpital des laboratoires de recherche, des salles de consultation et des lits "
    "d'hospitalisation. Chercheurs et médecins y travaillent côte à côte.</p>"
    "<p>Il est l'une des premières grandes étapes du projet <strong>MC21</strong> (Marie Curie "
    "XXI<sup>e</sup> siècle), porté par l'Institut Curie jusqu'en 2021 et inspiré du modèle créé "
    "par Marie Curie en 1909 : réunir chercheurs et médecins pour apporter rapidement de nouveaux "
    "médicaments aux patients.</p>"
    "<p>Le centre est en grande partie financé par la générosité du public.</p>"
)
ABOUT_EN = (
    "<p>The Center for Cancer Immunotherapy at Institut Curie brings research laboratories, "
    "consultation rooms and hospital beds together on one floor of the hospital. Researchers and "
    "physicians work side by side.</p>"
    "<p>It is one of the first major steps of the <strong>MC21</strong> project (Marie Curie "
    "21st Century), led by Institut Curie until 2021 and inspired by the model Marie Curie created "
    "in 1909: researchers and physicians together, to bring new medicines to patients quickly.</p>"
    "<p>The center is largely financed by public generosity.</p>"
)
IMMUNOTHERAPY_FR = (
    "<p>Notre système immunitaire sait reconnaître et détruire des cellules anormales. Les "
    "cellules cancéreuses parviennent pourtant souvent à lui échapper, par exemple en activant des "
    "« freins » qui mettent les lymphocytes au repos.</p>"
    "<p>L'immunothérapie des cancers ne s'attaque pas directement à la tumeur : elle aide le "
    "système immunitaire du patient à la reconnaître et à la combattre. Certains médicaments "
    "lèvent ces freins ; d'autres approches entraînent ou renforcent les cellules immunitaires.</p>"
    "<p>Ces traitements ont transformé la prise en charge de plusieurs cancers, mais ils "
    "n'agissent pas chez tous les patients. Comprendre pourquoi, et prévoir qui en bénéficiera, "
    "est au cœur des recherches du centre.</p>"
)
IMMUNOTHERAPY_EN = (
    "<p>Our immune system can recognise and destroy abnormal cells. Cancer cells, however, often "
    "manage to escape it, for example by switching on “brakes” that put lymphocytes to rest.</p>"
    "<p>Cancer immunotherapy does not attack the tumour directly: it helps the patient's own "
    "immune system to recognise and fight it. Some medicines release those brakes; other "
    "approaches train or strengthen immune cells.</p>"
    "<p>These treatments have changed the care of several cancers, but they do not work for every "
    "patient. Understanding why, and predicting who will benefit, is at the heart of the center's "
    "research.</p>"
)

AIMS = [
    (
        "Des essais cliniques précoces",
        "Early clinical trials",
        "Proposer aux patients des essais cliniques précoces et étudier l'association de "
        "plusieurs traitements.",
        "Offer patients early clinical trials and study combinations of treatments.",
    ),
    (
        "De nouveaux biomarqueurs",
        "New biomarkers",
        "Découvrir de nouveaux biomarqueurs qui prédisent quels patients répondront à "
        "l'immunothérapie.",
        "Discover new biomarkers that predict which patients will respond to immunotherapy.",
    ),
    (
        "Le cancer du sein",
        "Breast cancer",
        "Comprendre pourquoi les résultats de l'immunothérapie restent modestes dans le cancer "
        "du sein, et les améliorer.",
        "Understand why immunotherapy results in breast cancer remain modest, and improve them.",
    ),
]

# The directors' published words, from the center's page on the Institut Curie site, in English
# as they said them; the French is our translation, and the page says so.
QUOTE_SOURCE = (
    "Page du Centre d'immunothérapie des cancers, site de l'Institut Curie",
    "Center for Cancer Immunotherapy page, Institut Curie website",
)
QUOTES = [
    (
        "Sebastian Amigorena",
        "Directeur du Centre d'immunothérapie des cancers",
        "Director of the Center for Cancer Immunotherapy",
        "L'immunothérapie est incontestablement une arme nouvelle et précieuse dans la lutte "
        "contre le cancer. Il est donc essentiel d'améliorer les connaissances dans ce domaine "
        "pour développer de nouveaux médicaments, apprendre à mieux les utiliser et les associer "
        "à d'autres traitements, au bénéfice des patients.",
        "Immunotherapy is indisputably a new and valuable weapon in the fight against cancer. It "
        "is therefore vital to improve knowledge in this field in order to develop new "
        "medications, learn how to use them better, and combine them with other treatments for "
        "the benefit of patients.",
    ),
    (
        "Dr Emanuela Romano",
        "Directrice médicale du Centre d'immunothérapie des cancers",
        "Medical Director of the Center for Cancer Immunotherapy",
        "En réunissant en un même lieu les forces et les acteurs de l'immunothérapie, nous "
        "disposerons d'un énorme potentiel de recherche pour répondre à des questions "
        "fondamentales, cliniques et précliniques.",
        "By focusing the strengths and the players involved in immunotherapy in one place, we "
        "will achieve an enormous investigative potential to address basic clinical and "
        "pre-clinical issues.",
    ),
]


def load() -> list[str]:
    if HomePage.objects.exists():
        return []
    home = HomePage(
        hero_title_fr="Centre d'immunothérapie des cancers",
        hero_title_en="Center for Cancer Immunotherapy",
        hero_intro_fr=(
            "À l'Institut Curie, chercheurs et médecins travaillent ensemble sur un même étage "
            "de l'hôpital pour apporter plus vite aux patients les traitements qui mobilisent "
            "leur système immunitaire contre le cancer."
        ),
        hero_intro_en=(
            "At Institut Curie, researchers and physicians work together on one floor of the "
            "hospital to bring patients, sooner, the treatments that turn their immune system "
            "against cancer."
        ),
        hero_image=_hero_image(),
        about_title_fr="Le centre",
        about_title_en="The center",
        about_body_fr=ABOUT_FR,
        about_body_en=ABOUT_EN,
        aims_title_fr="Nos trois objectifs",
        aims_title_en="Our three aims",
        leadership_title_fr="Le mot de la direction",
        leadership_title_en="From the center's leadership",
        immunotherapy_title_fr="Qu'est-ce que l'immunothérapie ?",
        immunotherapy_title_en="What is immunotherapy?",
        immunotherapy_body_fr=IMMUNOTHERAPY_FR,
        immunotherapy_body_en=IMMUNOTHERAPY_EN,
        patients_title_fr="Patients et proches",
        patients_title_en="Patients and relatives",
        patients_body_fr=(
            "Pour prendre rendez-vous, poser une question sur votre traitement ou sur un essai "
            "clinique, appelez-nous. Votre équipe soignante reste votre premier interlocuteur."
        ),
        patients_body_en=(
            "To make an appointment, or ask about your treatment or a clinical trial, call us. "
            "Your care team remains your first point of contact."
        ),
    )
    home.save()
    for order, (title_fr, title_en, text_fr, text_en) in enumerate(AIMS):
        HomeAim.objects.create(
            home=home,
            order=order,
            title_fr=title_fr,
            title_en=title_en,
            text_fr=text_fr,
            text_en=text_en,
        )
    for order, (name, role_fr, role_en, text_fr, text_en) in enumerate(QUOTES):
        HomeQuote.objects.create(
            home=home,
            order=order,
            name=name,
            role_fr=role_fr,
            role_en=role_en,
            text_fr=text_fr,
            text_en=text_en,
            language="en",
            source_fr=QUOTE_SOURCE[0],
            source_en=QUOTE_SOURCE[1],
        )
    return ["home page", f"{len(AIMS)} aims", f"{len(QUOTES)} leadership words"]
