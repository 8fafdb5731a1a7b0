"""The texts migration 0002 writes, as apps.mc21.demo_texts had them when it was
written (frozen here on purpose: a later change to the demo must not change what this migration
does to an older database)."""

DONATION_URL = "https://curie.fr/"

HISTORY_BODY = (
    "<p>En 1909, Marie Curie a voulu réunir la recherche et les soins pour que les découvertes "
    "profitent vite aux malades. MC21 a repris ce modèle pour le XXI<sup>e</sup> siècle.</p>",
    "<p>In 1909, Marie Curie set out to bring research and care together so that discoveries would "
    "benefit patients quickly. MC21 took up this model for the 21st century.</p>",
)

MILESTONE_OPENING_TEXT = (
    "Une des premières grandes étapes de MC21.",
    "One of the first major steps of MC21.",
)

OLD_DONATION_URLS = ("/fr/nous-soutenir/", "/en/support-us/")

OLD_HISTORY_BODY = (
    "<p>En 1909, Marie Curie a voulu réunir la recherche et les soins pour que les découvertes "
    "profitent vite aux malades. MC21 reprend ce modèle pour le XXI<sup>e</sup> siècle.</p>",
    "<p>In 1909, Marie Curie set out to bring research and care together so that discoveries would "
    "benefit patients quickly. MC21 takes up this model for the 21st century.</p>",
)

OLD_MILESTONE_OPENING_TEXT = (
    "Une des premières grandes étapes de MC21 (date d'exemple).",
    "One of the first major steps of MC21 (sample date).",
)

OLD_ROOT_BODY = (
    "<p>MC21 (Marie Curie XXI<sup>e</sup> siècle) est un projet porté par l'Institut Curie jusqu'en "
    "2021. Le Centre d'immunothérapie des cancers, qui réunit laboratoires, consultations et lits "
    "d'hospitalisation sur un même étage, en est l'une des premières grandes étapes.</p>",
    "<p>MC21 (Marie Curie 21st Century) is a project led by Institut Curie until 2021. The Center for "
    "Cancer Immunotherapy, which brings laboratories, consultation rooms and hospital beds together "
    "on one floor, is one of its first major steps.</p>",
)

OLD_ROOT_INTRO = (
    "Réunir chercheurs et médecins pour apporter rapidement de nouveaux médicaments aux patients : le "
    "modèle créé par Marie Curie en 1909.",
    "Researchers and physicians together, to bring new medicines to patients quickly: the model Marie "
    "Curie created in 1909.",
)

OLD_SUPPORTERS = {
    "Fondation partenaire (exemple)": (
        "Fondations partenaires",
        "Partner foundations",
        "foundation",
    ),
    "Partenaire institutionnel (exemple)": (
        "Partenaires institutionnels",
        "Institutional partners",
        "institution",
    ),
    "Entreprise mécène (exemple)": ("Entreprises mécènes", "Corporate sponsors", "company"),
}

ROOT_BODY = (
    "<p>Tout mettre en œuvre pour que tous les patients puissent envisager un avenir après le cancer "
    ": c'était l'objectif du projet MC21 (Marie Curie XXI<sup>e</sup> siècle), porté par l'Institut "
    "Curie jusqu'en 2021. Il s'inspirait du modèle créé par Marie Curie en 1909 : réunir chercheurs "
    "et médecins pour apporter le plus rapidement possible de nouveaux médicaments aux "
    "patients.</p><p>Le Centre d'immunothérapie des cancers, qui réunit laboratoires, consultations "
    "et lits d'hospitalisation sur un même étage, en a été l'une des premières grandes étapes. Il est "
    "en grande partie financé par la générosité du public.</p>",
    "<p>Pulling out the stops so that all patients can look forward to a future after cancer: this "
    "was the aim of the MC21 (Marie Curie 21st Century) project, led by Institut Curie until 2021. It "
    "was inspired by the model Marie Curie created in 1909 – gathering researchers and physicians "
    "together – to bring new medicines to patients as quickly as possible.</p><p>The Center for "
    "Cancer Immunotherapy, which brings laboratories, consultation rooms and hospital beds together "
    "on one floor, was one of its first major steps. It is largely financed by public generosity.</p>",
)

ROOT_INTRO = (
    "Le projet que l'Institut Curie a porté jusqu'en 2021 pour que tous les patients puissent "
    "envisager un avenir après le cancer.",
    "The project Institut Curie led until 2021 so that all patients could look forward to a future "
    "after cancer.",
)
