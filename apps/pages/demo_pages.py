"""Demo editorial pages, in French and English, written from the center's presentation.

The legal texts are frames for editors to complete (who publishes, who hosts, who to contact):
they are flagged as sample content in the admin and say nothing they do not know (no "to be
completed" for visitors). The support page (kind "support") shows the site settings' donation
button above its text."""

from __future__ import annotations

from apps.core.models import Publishable, SiteSettings
from apps.pages.accessibility_statement import AUDIT_DATE
from apps.pages.accessibility_statement import BODY_EN as STATEMENT_EN
from apps.pages.accessibility_statement import BODY_FR as STATEMENT_FR
from apps.pages.accessibility_statement import INTRO as STATEMENT_INTRO
from apps.pages.demo_texts import LEGAL_BODY, SUPPORT_BODY
from apps.pages.models import Page

PUBLISHED = Publishable.Status.PUBLISHED

# slug fr, slug en, parent slug, kind, main menu, footer, menu order, title fr/en, intro fr/en,
# body fr/en
PAGES = [
    (
        "le-centre",
        "the-center",
        None,
        "standard",
        True,
        False,
        10,
        "Le centre",
        "The center",
        "Recherche, consultations et hospitalisation réunies sur un même étage de l'Institut Curie.",
        "Research, consultations and hospital beds together on one floor of Institut Curie.",
        "<p>Le Centre d'immunothérapie des cancers de l'Institut Curie réunit sur un même étage de "
        "l'hôpital des laboratoires de recherche, des salles de consultation et des lits "
        "d'hospitalisation. Il est l'une des premières grandes étapes du projet MC21 (Marie Curie "
        "XXI<sup>e</sup> siècle), porté par l'Institut Curie jusqu'en 2021 et inspiré du modèle créé "
        "par Marie Curie en 1909 : réunir chercheurs et médecins pour apporter rapidement de "
        "nouveaux médicaments aux patients.</p><p>Le centre est dirigé par Sebastian Amigorena ; sa "
        "directrice médicale est le Dr Emanuela Romano. Il est en grande partie financé par la "
        "générosité du public.</p>",
        "<p>The Center for Cancer Immunotherapy at Institut Curie brings research laboratories, "
        "consultation rooms and hospital beds together on one floor of the hospital. It is one of "
        "the first major steps of the MC21 project (Marie Curie 21st Century), led by Institut "
        "Curie until 2021 and inspired by the model Marie Curie created in 1909: researchers and "
        "physicians together, to bring new medicines to patients quickly.</p><p>The center is "
        "directed by Sebastian Amigorena; its medical director is Dr Emanuela Romano. It is largely "
        "financed by public generosity.</p>",
    ),
    (
        "immunotherapie",
        "immunotherapy",
        "le-centre",
        "standard",
        False,
        False,
        25,
        "Qu'est-ce que l'immunothérapie ?",
        "What is immunotherapy?",
        "Aider le système immunitaire du patient à reconnaître et à combattre le cancer.",
        "Helping the patient's own immune system recognise and fight cancer.",
        "<p>Notre système immunitaire sait reconnaître et détruire des cellules anormales, mais "
        "les cellules cancéreuses parviennent souvent à lui échapper. L'immunothérapie aide le "
        "système immunitaire à les reconnaître et à les combattre : certains médicaments lèvent les "
        "« freins » des lymphocytes, d'autres approches entraînent ou renforcent les cellules "
        "immunitaires.</p><p>Ces traitements ont changé la prise en charge de plusieurs cancers, "
        "mais n'agissent pas chez tous les patients : comprendre pourquoi est au cœur des "
        "recherches du centre.</p>",
        "<p>Our immune system can recognise and destroy abnormal cells, but cancer cells often "
        "escape it. Immunotherapy helps the immune system recognise and fight them: some medicines "
        "release the “brakes” of lymphocytes, other approaches train or strengthen immune cells."
        "</p><p>These treatments have changed the care of several cancers, but do not work for "
        "every patient: understanding why is at the heart of the center's research.</p>",
    ),
    (
        "nos-objectifs",
        "our-objectives",
        "le-centre",
        "standard",
        False,
        False,
        25,
        "Nos objectifs",
        "Our objectives",
        "Trois objectifs guident le travail du centre.",
        "Three aims guide the center's work.",
        "<ul><li><strong>Essais précoces et combinaisons</strong> : mener des essais cliniques "
        "précoces et étudier l'association de traitements.</li><li><strong>Biomarqueurs "
        "prédictifs</strong> : découvrir de nouveaux biomarqueurs qui annoncent la réponse au "
        "traitement.</li><li><strong>Cancer du sein</strong> : comprendre pourquoi les résultats "
        "de l'immunothérapie y restent modestes.</li></ul>",
        "<ul><li><strong>Early trials and combinations</strong>: run early clinical trials and "
        "study treatment combinations.</li><li><strong>Predictive biomarkers</strong>: discover "
        "new biomarkers that foretell response to treatment.</li><li><strong>Breast cancer"
        "</strong>: understand why immunotherapy results there remain modest.</li></ul>",
    ),
    (
        "nous-soutenir",
        "support-us",
        None,
        "support",
        True,
        False,
        60,
        "Nous soutenir",
        "Support us",
        "Le centre est en grande partie financé par la générosité du public.",
        "The center is largely financed by public generosity.",
        SUPPORT_BODY[0],
        SUPPORT_BODY[1],
    ),
    (
        "mentions-legales",
        "legal-notice",
        None,
        "legal",
        False,
        True,
        10,
        "Mentions légales",
        "Legal notice",
        "Qui publie ce site, et qui l'héberge.",
        "Who publishes this site, and who hosts it.",
        LEGAL_BODY[0],
        LEGAL_BODY[1],
    ),
    (
        "donnees-personnelles",
        "privacy",
        None,
        "privacy",
        False,
        True,
        20,
        "Données personnelles",
        "Privacy policy",
        "Ce que le site collecte, pourquoi, combien de temps, et vos droits.",
        "What the site collects, why, for how long, and your rights.",
        "<h2>Aucun traceur</h2><p>Ce site ne dépose aucun cookie de mesure d'audience ni de "
        "publicité et ne charge aucun script tiers. Les seuls cookies qu'il dépose sont "
        "nécessaires à son fonctionnement ; ils sont tous listés plus bas.</p>"
        "<h2>Journaux techniques</h2><p>Les serveurs conservent "
        "l'adresse IP et la page demandée pour la sécurité du site, pendant au plus 12 mois.</p>"
        "<h2>Formulaire de contact</h2><p>Les messages envoyés par le formulaire sont conservés 12 "
        "mois au plus, pour vous répondre, puis supprimés. Ils peuvent contenir des informations de "
        "santé : seules les personnes chargées d'y répondre y ont accès.</p><h2>Vos droits</h2><p>"
        "Vous pouvez demander l'accès à vos données, leur rectification ou leur effacement, et "
        "vous opposer à leur traitement, en écrivant au délégué à la protection des données de "
        "l'Institut Curie. Vous pouvez aussi adresser une réclamation à la CNIL (cnil.fr).</p>",
        "<h2>No trackers</h2><p>This site sets no cookie for audience measurement or "
        "advertising and loads no third-party script. The only cookies it sets are needed for it "
        "to work; they are all listed below.</p>"
        "<h2>Technical logs</h2><p>The servers keep the IP address and the page asked for, for the "
        "site's security, for 12 months at most.</p><h2>Contact form</h2><p>Messages sent through "
        "the form are kept for 12 months at most, to answer you, then deleted. They may contain "
        "health information: only the people who answer them can read them.</p><h2>Your rights"
        "</h2><p>You may ask to access, correct or erase your data, and object to its processing, "
        "by writing to Institut Curie's data protection officer. You may also complain to the "
        "CNIL, the French data protection authority (cnil.fr).</p>",
    ),
    (
        "accessibilite",
        "accessibility",
        None,
        "accessibility",
        False,
        True,
        30,
        "Déclaration d'accessibilité",
        "Accessibility statement",
        STATEMENT_INTRO[0],
        STATEMENT_INTRO[1],
        STATEMENT_FR,
        STATEMENT_EN,
    ),
]


def date_the_audit() -> bool:
    """The site settings get the date of the audit the statement reports, unless an editor has
    set one (the footer and the statement show it)."""
    from django.core.cache import cache

    dated = SiteSettings.objects.filter(pk=1, accessibility_audit_date__isnull=True).update(
        accessibility_audit_date=AUDIT_DATE
    )
    cache.delete(SiteSettings.CACHE_KEY)
    return bool(dated)


def load() -> list[str]:
    dated = ["the date of the accessibility audit"] if date_the_audit() else []
    if Page.objects.exists():
        return dated
    by_slug = {}
    for order, (
        slug_fr,
        slug_en,
        parent,
        kind,
        main,
        footer,
        menu_order,
        title_fr,
        title_en,
        intro_fr,
        intro_en,
        body_fr,
        body_en,
    ) in enumerate(PAGES):
        by_slug[slug_fr] = Page.objects.create(
            slug_fr=slug_fr,
            slug_en=slug_en,
            parent=by_slug.get(parent),
            kind=kind,
            show_in_main_menu=main,
            show_in_footer=footer,
            menu_order=menu_order,
            title_fr=title_fr,
            title_en=title_en,
            intro_fr=intro_fr,
            intro_en=intro_en,
            body_fr=body_fr,
            body_en=body_en,
            order=order * 10,
            status=PUBLISHED,
            # The frames of legal texts are for editors to complete; the other pages say only
            # what the center's own page says.
            is_sample=kind in ("legal", "privacy", "accessibility"),
        )
    return [f"{len(PAGES)} editorial pages", *dated]
