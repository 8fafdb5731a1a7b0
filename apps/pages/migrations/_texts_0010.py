"""The texts migration 0010 writes, as apps.pages.accessibility_statement had them when it was
written (frozen here on purpose: a later change to the demo must not change what this migration
does to an older database)."""

import datetime

AUDIT_DATE = datetime.date(2026, 12, 1)

BODY_EN = (
    "<p>This accessibility statement applies to the site of the Center for Cancer Immunotherapy at "
    "Institut Curie.</p><p>It is partially compliant with the RGAA (the French general accessibility "
    "improvement framework), version 4.1, because of the non-conformities listed below.</p><h2>Test "
    "results</h2><p>The compliance audit made in December 2026 by the site's team, by hand, on 18 "
    "page types, found that <strong>54 of the 62 applicable criteria</strong> are met: a "
    "<strong>compliance rate of 87%</strong>.</p><p>The faults the audit found were corrected in "
    "December 2026, except the one described below. The rate above remains the audit's until the next "
    "evaluation:</p><ul><li>criterion 1.2: the abstract illustrations of the teams are now "
    "decorative, skipped by screen readers;</li><li>criterion 8.6: the title of a filtered list "
    "(teams, people, trials, news, events) says every active filter and the page "
    "number;</li><li>criterion 8.7: publication titles and journal names, in English, are marked as "
    "such on French pages, and French image credits and captions on English pages;</li><li>criterion "
    "12.1: besides the menu, a site map, the search and the contact form, reached from the menu and "
    "the footer of every page; a menu that keeps its entries on one row, the others under "
    "“More”.</li></ul><h2>Content that is not "
    "accessible</h2><h3>Non-conformities</h3><ul><li><strong>Criterion 8.7 (language of "
    "passages)</strong>: in the site search's results, the titles of scientific publications, written "
    "in English, are not marked as such on French pages. The way round it: each result leads to the "
    "team's page or the author's profile, where these titles are marked as "
    "English.</li></ul><h3>Exemptions for disproportionate burden</h3><p>None.</p><h3>Content outside "
    "the scope of the obligation</h3><p>The sites the share links lead to (LinkedIn, Bluesky, "
    "Facebook) and the clinical trial registries are not published by the center.</p><h2>How this "
    "statement was made</h2><p>This statement was made in December 2026.</p><h3>Technologies "
    "used</h3><p>HTML, CSS and JavaScript; every page also works without "
    "JavaScript.</p><h3>Checks</h3><p>The December 2026 audit was made by hand, criterion by "
    "criterion, with the RGAA 4.1 method. At every release of the site, each page type is also "
    "checked automatically, in French and in English: axe-core in Chromium, on a desktop and at 320 "
    "pixels wide, and the W3C's Nu HTML Checker.</p><h3>Pages checked</h3><ol><li><a "
    'href="/en/">Home page</a></li><li><a href="/en/the-center/">An editorial page (The '
    'center)</a></li><li><a href="/en/teams/">Research teams, with its filters</a></li><li>A team\'s '
    'page</li><li><a href="/en/people/">People: the directory</a></li><li>A person\'s '
    'profile</li><li><a href="/en/news/">News</a></li><li>An article</li><li><a '
    'href="/en/events/">Events</a></li><li>An event\'s page</li><li><a href="/en/mc21/">The MC21 '
    'project</a></li><li><a href="/en/patients/">Patients and relatives</a></li><li>A consultation\'s '
    'page</li><li><a href="/en/patients/clinical-trials/">Clinical trials, with their '
    'filters</a></li><li>A clinical trial\'s page</li><li><a href="/en/contact/">The contact '
    'form</a></li><li><a href="/en/search/">Search results</a></li><li><a '
    'href="/en/accessibility/">The accessibility statement</a></li></ol><h2>Feedback and '
    "contact</h2><p>If you cannot reach a content or a service, tell us, to be directed to an "
    "accessible alternative or to get the content in another form:</p><ul><li>through the <a "
    'href="/en/contact/">contact form</a>;</li><li>by post: Center for Cancer Immunotherapy, Institut '
    "Curie, 26 rue d'Ulm, 75005 Paris, France.</li></ul><h2>Remedies</h2><p>If you reported an "
    "accessibility fault that keeps you from a content or a service and did not get a satisfying "
    "answer, you may:</p><ul><li>write to the Défenseur des droits through its online form "
    "(defenseurdesdroits.fr);</li><li>contact the Défenseur des droits' delegate in your "
    "region;</li><li>write free of charge, without a stamp, to: Défenseur des droits, Libre réponse "
    "71120, 75342 Paris CEDEX 07, France.</li></ul>"
)

BODY_FR = (
    "<p>Cette déclaration d'accessibilité s'applique au site du Centre d'immunothérapie des cancers "
    "de l'Institut Curie.</p><p>Il est partiellement conforme au référentiel général d'amélioration "
    "de l'accessibilité (RGAA), version 4.1, en raison des non-conformités énumérées "
    "ci-dessous.</p><h2>Résultats des tests</h2><p>L'audit de conformité réalisé en décembre 2026 par "
    "l'équipe du site, à la main, sur 18 types de pages, révèle que <strong>54 des 62 critères "
    "applicables</strong> sont respectés, soit un <strong>taux de conformité de 87 "
    "%</strong>.</p><p>Les défauts relevés par l'audit ont été corrigés en décembre 2026, sauf celui "
    "décrit plus bas. Le taux ci-dessus reste celui de l'audit jusqu'à la prochaine évaluation "
    ":</p><ul><li>critère 1.2 : les illustrations abstraites des équipes sont désormais décoratives, "
    "ignorées par les lecteurs d'écran ;</li><li>critère 8.6 : le titre des listes filtrées (équipes, "
    "personnes, essais, actualités, événements) indique chaque filtre actif et le numéro de page "
    ";</li><li>critère 8.7 : les titres des publications et les noms des revues, en anglais, sont "
    "signalés comme tels sur les pages en français, et les crédits et légendes d'images en français "
    "sur les pages en anglais ;</li><li>critère 12.1 : en plus du menu, un plan du site, la recherche "
    "et le formulaire de contact, accessibles depuis le menu et le pied de chaque page ; un menu qui "
    "garde toutes ses entrées sur une ligne, les autres sous « Plus ».</li></ul><h2>Contenus non "
    "accessibles</h2><h3>Non-conformités</h3><ul><li><strong>Critère 8.7 (langue des "
    "passages)</strong> : dans les résultats de la recherche du site, les titres des publications "
    "scientifiques, écrits en anglais, ne sont pas signalés comme tels sur les pages en français. "
    "Pour les contourner : chaque résultat mène à la page de l'équipe ou au profil de l'auteur, où "
    "ces titres sont signalés en anglais.</li></ul><h3>Dérogations pour charge "
    "disproportionnée</h3><p>Aucune.</p><h3>Contenus non soumis à l'obligation "
    "d'accessibilité</h3><p>Les sites vers lesquels mènent les liens de partage (LinkedIn, Bluesky, "
    "Facebook) et les registres d'essais cliniques ne sont pas publiés par le "
    "centre.</p><h2>Établissement de cette déclaration</h2><p>Cette déclaration a été établie en "
    "décembre 2026.</p><h3>Technologies utilisées</h3><p>HTML, CSS et JavaScript ; chaque page "
    "fonctionne aussi sans JavaScript.</p><h3>Vérifications</h3><p>L'audit de décembre 2026 a été "
    "fait à la main, critère par critère, selon la méthode du RGAA 4.1. À chaque version du site, "
    "chaque type de page est en outre vérifié automatiquement, en français et en anglais : axe-core "
    "dans Chromium, sur ordinateur et à 320 pixels de large, et le validateur HTML Nu du "
    'W3C.</p><h3>Pages vérifiées</h3><ol><li><a href="/fr/">Accueil</a></li><li><a '
    'href="/fr/le-centre/">Une page de présentation (Le centre)</a></li><li><a '
    'href="/fr/equipes/">Équipes de recherche, avec ses filtres</a></li><li>La page d\'une '
    "équipe</li><li><a href=\"/fr/personnes/\">Personnes : l'annuaire</a></li><li>Le profil d'une "
    'personne</li><li><a href="/fr/actualites/">Actualités</a></li><li>Un article</li><li><a '
    'href="/fr/evenements/">Événements</a></li><li>La page d\'un événement</li><li><a '
    'href="/fr/mc21/">Le projet MC21</a></li><li><a href="/fr/patients/">Patients et '
    "proches</a></li><li>La page d'une consultation</li><li><a "
    'href="/fr/patients/essais-cliniques/">Essais cliniques, avec leurs filtres</a></li><li>La page '
    'd\'un essai clinique</li><li><a href="/fr/contact/">Le formulaire de contact</a></li><li><a '
    'href="/fr/recherche/">Les résultats de la recherche</a></li><li><a href="/fr/accessibilite/">La '
    "déclaration d'accessibilité</a></li></ol><h2>Retour d'information et contact</h2><p>Si vous "
    "n'arrivez pas à accéder à un contenu ou à un service, signalez-le-nous pour être orienté vers "
    "une alternative accessible ou obtenir le contenu sous une autre forme :</p><ul><li>par le <a "
    'href="/fr/contact/">formulaire de contact</a> ;</li><li>par courrier : Centre d\'immunothérapie '
    "des cancers, Institut Curie, 26 rue d'Ulm, 75005 Paris.</li></ul><h2>Voies de recours</h2><p>Si "
    "vous nous avez signalé un défaut d'accessibilité qui vous empêche d'accéder à un contenu ou à un "
    "service et n'avez pas obtenu de réponse satisfaisante, vous pouvez :</p><ul><li>écrire au "
    "Défenseur des droits par son formulaire en ligne (defenseurdesdroits.fr) ;</li><li>contacter le "
    "délégué du Défenseur des droits dans votre région ;</li><li>écrire gratuitement, sans timbre, à "
    ": Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07.</li></ul>"
)

OLD_BODY_EN = (
    "<p>This statement applies to the Center for Cancer Immunotherapy's site.</p><h2>Content that is "
    "not accessible</h2><p>Some older PDF documents are not accessible (to be completed after the "
    "audit).</p><h2>How this statement was made</h2><p>Tests with axe-core and the W3C HTML checker "
    "at every release of the site, and an audit against RGAA 4.1 (date above).</p><h2>Feedback and "
    "contact</h2><p>If you cannot reach a content or a service, write to us (address to be completed) "
    "to be directed to an accessible alternative or get the content in another "
    "form.</p><h2>Remedies</h2><p>If you reported an accessibility problem and did not get a "
    "satisfying answer, you may write to the Défenseur des droits (defenseurdesdroits.fr), contact "
    "their delegate in your region, or write free of charge to: Défenseur des droits, Libre réponse "
    "71120, 75342 Paris CEDEX 07.</p>"
)

OLD_BODY_FR = (
    "<p>Cette déclaration s'applique au site du Centre d'immunothérapie des cancers.</p><h2>Contenus "
    "non accessibles</h2><p>Certains documents PDF anciens ne sont pas accessibles (à compléter après "
    "l'audit).</p><h2>Établissement de cette déclaration</h2><p>Tests avec axe-core et le validateur "
    "HTML du W3C à chaque version du site, et audit selon le RGAA 4.1 (date ci-dessus).</p><h2>Retour "
    "d'information et contact</h2><p>Si vous n'arrivez pas à accéder à un contenu ou à un service, "
    "écrivez-nous (adresse à compléter) pour être orienté vers une alternative accessible ou obtenir "
    "le contenu sous une autre forme.</p><h2>Voies de recours</h2><p>Si vous nous avez signalé un "
    "défaut d'accessibilité sans obtenir de réponse satisfaisante, vous pouvez écrire au Défenseur "
    "des droits (defenseurdesdroits.fr), contacter son délégué dans votre région, ou lui écrire "
    "gratuitement : Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07.</p>"
)
