"""Demo editorial pages, in French and English, written from the center's presentation.

The legal texts are frames to complete (who publishes, who hosts, who to contact): they say so,
and are flagged as sample content in the admin."""

from __future__ import annotations

from apps.core.models import Publishable
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
        "informations-patients",
        "patient-information",
        None,
        "standard",
        False,
        False,
        25,
        "Patients",
        "Patients",
        "Contacts, consultations et essais cliniques : cette page sera complétée.",
        "Contacts, consultations and clinical trials: this page will be completed.",
        "<p>Pour toute question sur votre prise en charge, appelez le standard de l'Institut "
        "Curie ; votre équipe soignante reste votre premier interlocuteur.</p>",
        "<p>For any question about your care, call the Institut Curie switchboard; your care team "
        "remains your first point of contact.</p>",
    ),
    (
        "nous-soutenir",
        "support-us",
        None,
        "standard",
        True,
        False,
        60,
        "Nous soutenir",
        "Support us",
        "Le centre est en grande partie financé par la générosité du public.",
        "The center is largely financed by public generosity.",
        "<p>Les dons permettent d'ouvrir de nouveaux essais, d'équiper les laboratoires et "
        "d'accueillir de jeunes chercheurs. L'Institut Curie est une fondation reconnue d'utilité "
        "publique.</p>",
        "<p>Donations open new trials, equip the laboratories and welcome young researchers. "
        "Institut Curie is a foundation recognised as being of public utility.</p>",
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
        "<h2>Éditeur</h2><p>Institut Curie, 26 rue d'Ulm, 75005 Paris. Directeur de la "
        "publication : à compléter.</p><h2>Hébergement</h2><p>À compléter : nom, adresse et "
        "téléphone de l'hébergeur.</p><h2>Propriété intellectuelle</h2><p>Les textes et images "
        "de ce site ne peuvent être réutilisés sans autorisation, sauf mention contraire.</p>",
        "<h2>Publisher</h2><p>Institut Curie, 26 rue d'Ulm, 75005 Paris. Publication director: to "
        "be completed.</p><h2>Hosting</h2><p>To be completed: the host's name, address and phone "
        "number.</p><h2>Intellectual property</h2><p>The texts and images of this site may not be "
        "reused without permission, unless stated otherwise.</p>",
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
        "l'Institut Curie (adresse à compléter). Vous pouvez aussi adresser une réclamation à la "
        "CNIL (cnil.fr).</p>",
        "<h2>No trackers</h2><p>This site sets no cookie for audience measurement or "
        "advertising and loads no third-party script. The only cookies it sets are needed for it "
        "to work; they are all listed below.</p>"
        "<h2>Technical logs</h2><p>The servers keep the IP address and the page asked for, for the "
        "site's security, for 12 months at most.</p><h2>Contact form</h2><p>Messages sent through "
        "the form are kept for 12 months at most, to answer you, then deleted. They may contain "
        "health information: only the people who answer them can read them.</p><h2>Your rights"
        "</h2><p>You may ask to access, correct or erase your data, and object to its processing, "
        "by writing to Institut Curie's data protection officer (address to be completed). You may "
        "also complain to the CNIL, the French data protection authority (cnil.fr).</p>",
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
        "L'Institut Curie s'engage à rendre ce site accessible, conformément à l'article 47 de la "
        "loi n° 2005-102 du 11 février 2005.",
        "Institut Curie is committed to making this site accessible, in accordance with article "
        "47 of French law no. 2005-102 of 11 February 2005.",
        "<p>Cette déclaration s'applique au site du Centre d'immunothérapie des cancers.</p>"
        "<h2>Contenus non accessibles</h2><p>Certains documents PDF anciens ne sont pas "
        "accessibles (à compléter après l'audit).</p><h2>Établissement de cette déclaration</h2>"
        "<p>Tests avec axe-core et le validateur HTML du W3C à chaque version du site, et audit "
        "selon le RGAA 4.1 (date ci-dessus).</p><h2>Retour d'information et contact</h2><p>Si "
        "vous n'arrivez pas à accéder à un contenu ou à un service, écrivez-nous (adresse à "
        "compléter) pour être orienté vers une alternative accessible ou obtenir le contenu sous "
        "une autre forme.</p><h2>Voies de recours</h2><p>Si vous nous avez signalé un défaut "
        "d'accessibilité sans obtenir de réponse satisfaisante, vous pouvez écrire au Défenseur "
        "des droits (defenseurdesdroits.fr), contacter son délégué dans votre région, ou lui "
        "écrire gratuitement : Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07.</p>",
        "<p>This statement applies to the Center for Cancer Immunotherapy's site.</p><h2>Content "
        "that is not accessible</h2><p>Some older PDF documents are not accessible (to be "
        "completed after the audit).</p><h2>How this statement was made</h2><p>Tests with "
        "axe-core and the W3C HTML checker at every release of the site, and an audit against "
        "RGAA 4.1 (date above).</p><h2>Feedback and contact</h2><p>If you cannot reach a content "
        "or a service, write to us (address to be completed) to be directed to an accessible "
        "alternative or get the content in another form.</p><h2>Remedies</h2><p>If you reported "
        "an accessibility problem and did not get a satisfying answer, you may write to the "
        "Défenseur des droits (defenseurdesdroits.fr), contact their delegate in your region, or "
        "write free of charge to: Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07."
        "</p>",
    ),
]


def load() -> list[str]:
    if Page.objects.exists():
        return []
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
            is_sample=kind != "standard",
        )
    return [f"{len(PAGES)} editorial pages"]
