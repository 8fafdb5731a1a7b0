"""Words of demo pages (apps.pages.demo_pages). Migration 0009, which rewrote them in databases
loaded with an older demo, keeps a frozen copy of its own (apps/pages/migrations/_texts_0009.py).
"""

from __future__ import annotations

# The support page: only the public-generosity facts of the center's own page.
SUPPORT_BODY = (
    "<p>Le Centre d'immunothérapie des cancers de l'Institut Curie est l'une des premières "
    "grandes étapes du projet MC21 (Marie Curie XXI<sup>e</sup> siècle), inspiré du modèle créé par Marie Curie en 1909 : "
    "réunir chercheurs et médecins pour apporter le plus rapidement possible de nouveaux "
    "médicaments aux patients.</p>"
    "<h2>Ce que vos dons ont rendu possible</h2>"
    "<p>Sur un étage entièrement dédié, au cœur de l'hôpital, le centre réunit des laboratoires "
    "de recherche fondamentale et translationnelle, des salles de consultation et des lits "
    "d'hospitalisation, pour favoriser les échanges entre chercheurs, médecins, patients et "
    "soignants. Il s'est donné trois objectifs :</p>"
    "<ul><li>mettre en place des essais précoces et étudier des associations de traitements qui "
    "pourraient améliorer l'efficacité thérapeutique ;</li>"
    "<li>découvrir de nouveaux biomarqueurs prédictifs ;</li>"
    "<li>comprendre pourquoi les résultats de l'immunothérapie restent modestes dans le cancer "
    "du sein, alors qu'ils sont plus nets pour des tumeurs situées ailleurs.</li></ul>",
    "<p>The Center for Cancer Immunotherapy at Institut Curie is one of the first major steps "
    "of the MC21 project (Marie Curie 21st Century), inspired by the model Marie Curie created in 1909: gathering researchers and "
    "physicians together to bring new medications to patients as quickly as possible.</p>"
    "<h2>What your gifts have made possible</h2>"
    "<p>On a fully-dedicated floor at the heart of the hospital, the center brings together "
    "basic and translational research laboratories, consultation rooms and hospital beds, to "
    "encourage exchanges among researchers, physicians, patients and caregivers. It has set "
    "itself three aims:</p>"
    "<ul><li>to implement early trials and study combinations of treatments that could improve "
    "therapeutic effectiveness;</li>"
    "<li>to discover new predictive biomarkers;</li>"
    "<li>to understand why immunotherapy results for breast cancer remain modest, whereas they "
    "are more compelling for tumours in other locations.</li></ul>",
)

# The legal notice says who publishes the site; what the demo does not know (the publication
# director, the host) is left out rather than shown as "to be completed".
LEGAL_BODY = (
    "<h2>Éditeur</h2><p>Institut Curie, 26 rue d'Ulm, 75005 Paris.</p>"
    "<h2>Propriété intellectuelle</h2><p>Les textes et images de ce site ne peuvent être "
    "réutilisés sans autorisation, sauf mention contraire.</p>",
    "<h2>Publisher</h2><p>Institut Curie, 26 rue d'Ulm, 75005 Paris.</p>"
    "<h2>Intellectual property</h2><p>The texts and images of this site may not be reused "
    "without permission, unless stated otherwise.</p>",
)
