"""The words of the demo's MC21 section (apps.mc21.demo), from the center's own page: MC21
("Marie Curie 21st Century") was led by Institut Curie until 2021, so it is told in the past;
the center, one of its first major steps, is told in the present. Migration 0002, which
rewrote older demo rows, keeps a frozen copy of its own (apps/mc21/migrations/_texts_0002.py).
"""

from __future__ import annotations

# (fr, en)
ROOT_INTRO = (
    "Le projet que l'Institut Curie a porté jusqu'en 2021 pour que tous les patients puissent "
    "envisager un avenir après le cancer.",
    "The project Institut Curie led until 2021 so that all patients could look forward to a "
    "future after cancer.",
)
ROOT_BODY = (
    "<p>Tout mettre en œuvre pour que tous les patients puissent envisager un avenir après le "
    "cancer : c'était l'objectif du projet MC21 (Marie Curie XXI<sup>e</sup> siècle), porté par "
    "l'Institut Curie jusqu'en 2021. Il s'inspirait du modèle créé par Marie Curie en 1909 : "
    "réunir chercheurs et médecins pour apporter le plus rapidement possible de nouveaux "
    "médicaments aux patients.</p><p>Le Centre d'immunothérapie des cancers, qui réunit "
    "laboratoires, consultations et lits d'hospitalisation sur un même étage, en a été l'une des "
    "premières grandes étapes. Il est en grande partie financé par la générosité du public.</p>",
    "<p>Pulling out the stops so that all patients can look forward to a future after cancer: "
    "this was the aim of the MC21 (Marie Curie 21st Century) project, led by Institut Curie "
    "until 2021. It was inspired by the model Marie Curie created in 1909 – gathering "
    "researchers and physicians together – to bring new medicines to patients as quickly as "
    "possible.</p><p>The Center for Cancer Immunotherapy, which brings laboratories, "
    "consultation rooms and hospital beds together on one floor, was one of its first major "
    "steps. It is largely financed by public generosity.</p>",
)
HISTORY_BODY = (
    "<p>En 1909, Marie Curie a voulu réunir la recherche et les soins pour que les découvertes "
    "profitent vite aux malades. MC21 a repris ce modèle pour le XXI<sup>e</sup> siècle.</p>",
    "<p>In 1909, Marie Curie set out to bring research and care together so that discoveries "
    "would benefit patients quickly. MC21 took up this model for the 21st century.</p>",
)
MILESTONE_OPENING_TEXT = (
    "Une des premières grandes étapes de MC21.",
    "One of the first major steps of MC21.",
)

# (name fr, name en, kind): the donors are real (the center's page says it is largely financed
# by public generosity); the others are kinds of partners, named as such, not organisations.
SUPPORTERS = [
    ("Donateurs et donatrices de l'Institut Curie", "Institut Curie's donors", "donor"),
    ("Fondations partenaires", "Partner foundations", "foundation"),
    ("Partenaires institutionnels", "Institutional partners", "institution"),
    ("Entreprises mécènes", "Corporate sponsors", "company"),
]

# Where the support page's "Make a donation" button leads in the demo. The center's page names
# no donation address, so the demo links to Institut Curie's home page: editors set the real
# donation page in the site settings ("Donation link") before launch.
DONATION_URL = "https://curie.fr/"
