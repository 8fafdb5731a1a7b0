"""The accessibility statement of the demo (the page of kind "accessibility", /fr/accessibilite/).

What it says is what the team found and did: a manual audit against RGAA 4.1 in December 2026 on
18 page types (54 of the 62 applicable criteria met, 87 %), the corrections made since, and the
non-conformities still known, each with its criterion and a way round it. Keep it true: a change
that fixes or breaks a criterion updates this text (and, for sites already loaded, a migration
like pages 0010), and the audit date in the site settings goes with a new audit.

Migration 0010 keeps a frozen copy of the texts it wrote (apps/pages/migrations/_texts_0010.py).
"""

from __future__ import annotations

import datetime

AUDIT_DATE = datetime.date(2026, 12, 1)

INTRO = (
    "L'Institut Curie s'engage à rendre ce site accessible, conformément à l'article 47 de la "
    "loi n° 2005-102 du 11 février 2005.",
    "Institut Curie is committed to making this site accessible, in accordance with article 47 "
    "of French law no. 2005-102 of 11 February 2005.",
)

# The page above the text says the compliance status and the audit's date from the site
# settings (templates/pages/page_detail.html), so the text does not repeat them in a heading.

# The 18 page types of the audit, French and English, with the address of those that have one.
AUDITED_PAGES = [
    ("Accueil", "Home page", "/fr/", "/en/"),
    ("Une page de présentation (Le centre)", "An editorial page (The center)",
     "/fr/le-centre/", "/en/the-center/"),
    ("Équipes de recherche, avec ses filtres", "Research teams, with its filters",
     "/fr/equipes/", "/en/teams/"),
    ("La page d'une équipe", "A team's page", "", ""),
    ("Personnes : l'annuaire", "People: the directory", "/fr/personnes/", "/en/people/"),
    ("Le profil d'une personne", "A person's profile", "", ""),
    ("Actualités", "News", "/fr/actualites/", "/en/news/"),
    ("Un article", "An article", "", ""),
    ("Événements", "Events", "/fr/evenements/", "/en/events/"),
    ("La page d'un événement", "An event's page", "", ""),
    ("Le projet MC21", "The MC21 project", "/fr/mc21/", "/en/mc21/"),
    ("Patients et proches", "Patients and relatives", "/fr/patients/", "/en/patients/"),
    ("La page d'une consultation", "A consultation's page", "", ""),
    ("Essais cliniques, avec leurs filtres", "Clinical trials, with their filters",
     "/fr/patients/essais-cliniques/", "/en/patients/clinical-trials/"),
    ("La page d'un essai clinique", "A clinical trial's page", "", ""),
    ("Le formulaire de contact", "The contact form", "/fr/contact/", "/en/contact/"),
    ("Les résultats de la recherche", "Search results", "/fr/recherche/", "/en/search/"),
    ("La déclaration d'accessibilité", "The accessibility statement",
     "/fr/accessibilite/", "/en/accessibility/"),
]  # fmt: skip


def _pages(language: str) -> str:
    index = 0 if language == "fr" else 1
    items = []
    for page in AUDITED_PAGES:
        label, url = page[index], page[2 + index]
        items.append(f'<li><a href="{url}">{label}</a></li>' if url else f"<li>{label}</li>")
    return "<ol>" + "".join(items) + "</ol>"


BODY_FR = (
    "<p>Cette déclaration d'accessibilité s'applique au site du Centre d'immunothérapie des "
    "cancers de l'Institut Curie.</p>"
    "<p>Il est partiellement conforme au référentiel général d'amélioration de "
    "l'accessibilité (RGAA), version 4.1, en raison des non-conformités énumérées "
    "ci-dessous.</p>"
    "<h2>Résultats des tests</h2>"
    "<p>L'audit de conformité réalisé en décembre 2026 par l'équipe du site, à la main, sur "
    "18 types de pages, révèle que <strong>54 des 62 critères applicables</strong> sont "
    "respectés, soit un <strong>taux de conformité de 87 %</strong>.</p>"
    "<p>Les défauts relevés par l'audit ont été corrigés en décembre 2026, sauf celui décrit "
    "plus bas. Le taux ci-dessus reste celui de l'audit jusqu'à la prochaine évaluation :</p>"
    "<ul><li>critère 1.2 : les illustrations abstraites des équipes sont désormais "
    "décoratives, ignorées par les lecteurs d'écran ;</li>"
    "<li>critère 8.6 : le titre des listes filtrées (équipes, personnes, essais, actualités, "
    "événements) indique chaque filtre actif et le numéro de page ;</li>"
    "<li>critère 8.7 : les titres des publications et les noms des revues, en anglais, sont "
    "signalés comme tels sur les pages en français, et les crédits et légendes d'images en "
    "français sur les pages en anglais ;</li>"
    "<li>critère 12.1 : en plus du menu, un plan du site, la recherche et le formulaire de "
    "contact, accessibles depuis le menu et le pied de chaque page ; un menu qui garde toutes "
    "ses entrées sur une ligne, les autres sous « Plus ».</li></ul>"
    "<h2>Contenus non accessibles</h2>"
    "<h3>Non-conformités</h3>"
    "<ul><li><strong>Critère 8.7 (langue des passages)</strong> : dans les résultats de la "
    "recherche du site, les titres des publications scientifiques, écrits en anglais, ne sont "
    "pas signalés comme tels sur les pages en français. Pour les contourner : chaque résultat "
    "mène à la page de l'équipe ou au profil de l'auteur, où ces titres sont signalés en "
    "anglais.</li></ul>"
    "<h3>Dérogations pour charge disproportionnée</h3><p>Aucune.</p>"
    "<h3>Contenus non soumis à l'obligation d'accessibilité</h3>"
    "<p>Les sites vers lesquels mènent les liens de partage (LinkedIn, Bluesky, Facebook) et les "
    "registres d'essais cliniques ne sont pas publiés par le centre.</p>"
    "<h2>Établissement de cette déclaration</h2>"
    "<p>Cette déclaration a été établie en décembre 2026.</p>"
    "<h3>Technologies utilisées</h3><p>HTML, CSS et JavaScript ; chaque page fonctionne aussi "
    "sans JavaScript.</p>"
    "<h3>Vérifications</h3><p>L'audit de décembre 2026 a été fait à la main, critère par "
    "critère, selon la méthode du RGAA 4.1. À chaque version du site, chaque type de page est "
    "en outre vérifié automatiquement, en français et en anglais : axe-core dans Chromium, sur "
    "ordinateur et à 320 pixels de large, et le validateur HTML Nu du W3C.</p>"
    "<h3>Pages vérifiées</h3>" + _pages("fr") + "<h2>Retour d'information et contact</h2>"
    "<p>Si vous n'arrivez pas à accéder à un contenu ou à un service, signalez-le-nous pour "
    "être orienté vers une alternative accessible ou obtenir le contenu sous une autre "
    "forme :</p>"
    '<ul><li>par le <a href="/fr/contact/">formulaire de contact</a> ;</li>'
    "<li>par courrier : Centre d'immunothérapie des cancers, Institut Curie, 26 rue d'Ulm, "
    "75005 Paris.</li></ul>"
    "<h2>Voies de recours</h2>"
    "<p>Si vous nous avez signalé un défaut d'accessibilité qui vous empêche d'accéder à un "
    "contenu ou à un service et n'avez pas obtenu de réponse satisfaisante, vous pouvez :</p>"
    "<ul><li>écrire au Défenseur des droits par son formulaire en ligne "
    "(defenseurdesdroits.fr) ;</li>"
    "<li>contacter le délégué du Défenseur des droits dans votre région ;</li>"
    "<li>écrire gratuitement, sans timbre, à : Défenseur des droits, Libre réponse 71120, "
    "75342 Paris CEDEX 07.</li></ul>"
)

BODY_EN = (
    "<p>This accessibility statement applies to the site of the Center for Cancer "
    "Immunotherapy at Institut Curie.</p>"
    "<p>It is partially compliant with the RGAA (the French general accessibility improvement "
    "framework), version 4.1, because of the non-conformities listed below.</p>"
    "<h2>Test results</h2>"
    "<p>The compliance audit made in December 2026 by the site's team, by hand, on 18 page "
    "types, found that <strong>54 of the 62 applicable criteria</strong> are met: a "
    "<strong>compliance rate of 87%</strong>.</p>"
    "<p>The faults the audit found were corrected in December 2026, except the one described "
    "below. The rate above remains the audit's until the next evaluation:</p>"
    "<ul><li>criterion 1.2: the abstract illustrations of the teams are now decorative, "
    "skipped by screen readers;</li>"
    "<li>criterion 8.6: the title of a filtered list (teams, people, trials, news, events) "
    "says every active filter and the page number;</li>"
    "<li>criterion 8.7: publication titles and journal names, in English, are marked as such "
    "on French pages, and French image credits and captions on English pages;</li>"
    "<li>criterion 12.1: besides the menu, a site map, the search and the contact form, "
    "reached from the menu and the footer of every page; a menu that keeps its entries on one "
    "row, the others under “More”.</li></ul>"
    "<h2>Content that is not accessible</h2>"
    "<h3>Non-conformities</h3>"
    "<ul><li><strong>Criterion 8.7 (language of passages)</strong>: in the site search's "
    "results, the titles of scientific publications, written in English, are not marked as "
    "such on French pages. The way round it: each result leads to the team's page or the "
    "author's profile, where these titles are marked as English.</li></ul>"
    "<h3>Exemptions for disproportionate burden</h3><p>None.</p>"
    "<h3>Content outside the scope of the obligation</h3>"
    "<p>The sites the share links lead to (LinkedIn, Bluesky, Facebook) and the clinical trial "
    "registries are not published by the center.</p>"
    "<h2>How this statement was made</h2>"
    "<p>This statement was made in December 2026.</p>"
    "<h3>Technologies used</h3><p>HTML, CSS and JavaScript; every page also works without "
    "JavaScript.</p>"
    "<h3>Checks</h3><p>The December 2026 audit was made by hand, criterion by criterion, with "
    "the RGAA 4.1 method. At every release of the site, each page type is also checked "
    "automatically, in French and in English: axe-core in Chromium, on a desktop and at 320 "
    "pixels wide, and the W3C's Nu HTML Checker.</p>"
    "<h3>Pages checked</h3>" + _pages("en") + "<h2>Feedback and contact</h2>"
    "<p>If you cannot reach a content or a service, tell us, to be directed to an accessible "
    "alternative or to get the content in another form:</p>"
    '<ul><li>through the <a href="/en/contact/">contact form</a>;</li>'
    "<li>by post: Center for Cancer Immunotherapy, Institut Curie, 26 rue d'Ulm, 75005 Paris, "
    "France.</li></ul>"
    "<h2>Remedies</h2>"
    "<p>If you reported an accessibility fault that keeps you from a content or a service and "
    "did not get a satisfying answer, you may:</p>"
    "<ul><li>write to the Défenseur des droits through its online form "
    "(defenseurdesdroits.fr);</li>"
    "<li>contact the Défenseur des droits' delegate in your region;</li>"
    "<li>write free of charge, without a stamp, to: Défenseur des droits, Libre réponse 71120, "
    "75342 Paris CEDEX 07, France.</li></ul>"
)
