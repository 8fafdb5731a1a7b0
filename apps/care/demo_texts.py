"""The words and hours of the demo's sample contact points, consultations and trials
(apps.care.demo). The site-wide notice (apps.core.sample_content) says on every page that the
trials shown are fictional, so no text here says "example". Migrations that rewrite older demo
rows keep frozen copies of their own (apps/care/migrations/_texts_0008.py).
"""

from __future__ import annotations

import datetime

# slug: (name fr, name en). The services are reached through the switchboard: the patients
# page says "ask for" their name, so the name is the service's.
POINT_NAMES = {
    "rendez-vous": ("Secrétariat des consultations", "Consultations office"),
    "questions-traitement": ("Infirmière de coordination", "Coordinating nurse"),
    "medecins-adresseurs": ("Secrétariat médical du centre", "The center's medical secretariat"),
    "essais-cliniques": ("Équipe des essais cliniques", "Clinical trials team"),
}
# slug: (opens, closes), Monday to Friday. The consultations office's hours are the ones the
# footer gives for consultations.
POINT_HOURS = {
    "rendez-vous": (datetime.time(9), datetime.time(17)),
    "questions-traitement": (datetime.time(9), datetime.time(17)),
    "medecins-adresseurs": (datetime.time(9), datetime.time(18)),
    "essais-cliniques": (datetime.time(9), datetime.time(17)),
}

# slug: (description fr, description en)
CONSULTATION_TEXTS = {
    "consultation-immunotherapie": (
        "<p>Le médecin fait le point avec vous sur votre maladie et vos traitements précédents. "
        "Il vous explique l'immunothérapie qui vous est proposée, son déroulement et ses effets "
        "indésirables possibles, et répond à vos questions et à celles de vos proches.</p>"
        "<p>Apportez vos derniers comptes rendus, vos examens d'imagerie et la liste de vos "
        "médicaments.</p>",
        "<p>The physician reviews your illness and your previous treatments with you, explains "
        "the immunotherapy offered to you, how it goes and its possible side effects, and "
        "answers your questions and those of your relatives.</p><p>Bring your latest medical "
        "reports, your imaging and the list of your medicines.</p>",
    ),
    "consultation-essais-precoces": (
        "<p>Le médecin examine votre dossier et vous présente les essais ouverts qui pourraient "
        "vous convenir, ce qu'ils demandent et ce que l'on en attend.</p><p>Participer à un "
        "essai est toujours un choix : vous pouvez refuser ou arrêter à tout moment, sans "
        "conséquence sur vos soins.</p>",
        "<p>The physician reviews your medical file and presents the open trials that might "
        "suit you, what they involve and what is expected from them.</p><p>Taking part in a "
        "trial is always your choice: you may decline or stop at any time, with no effect on "
        "your care.</p>",
    ),
}

# acronym: (summary fr, summary en)
TRIAL_TEXTS = {
    "IMMUNO-SEIN": (
        "Cet essai évalue l'association de deux médicaments d'immunothérapie chez des patientes "
        "atteintes d'un cancer du sein avancé. Il cherche d'abord la bonne dose et vérifie la "
        "tolérance du traitement, puis observe son effet sur la maladie.",
        "This trial assesses two immunotherapy medicines given together to patients with "
        "advanced breast cancer. It first looks for the right dose and checks how well the "
        "treatment is tolerated, then observes its effect on the disease.",
    ),
    "PREDICT-IO": (
        "Des prises de sang supplémentaires sont faites avant et pendant une immunothérapie "
        "habituelle, pour chercher des marqueurs qui annoncent l'efficacité du traitement. "
        "L'essai ne change pas votre traitement.",
        "Extra blood tests are taken before and during a standard immunotherapy, to look for "
        "markers that foretell whether the treatment works. The trial does not change your "
        "treatment.",
    ),
    "CELL-1": (
        "Des lymphocytes du patient sont prélevés, multipliés au laboratoire puis réinjectés "
        "pour combattre la tumeur. L'essai n'inclut pas encore de patients.",
        "Some of the patient's lymphocytes are collected, multiplied in the laboratory and given "
        "back to fight the tumour. The trial is not yet enrolling patients.",
    ),
    "VAX-TUMEUR": (
        "Un vaccin thérapeutique cherche à apprendre au système immunitaire à reconnaître les "
        "cellules du cancer du poumon. Les inclusions sont terminées ; les résultats sont en "
        "cours d'analyse.",
        "A therapeutic vaccine aims to teach the immune system to recognise lung cancer cells. "
        "Enrolment has ended; the results are being analysed.",
    ),
}
TRIAL_TITLES = {
    "IMMUNO-SEIN": (
        "Association de deux immunothérapies dans le cancer du sein",
        "Two immunotherapies combined in breast cancer",
    ),
    "PREDICT-IO": (
        "Biomarqueurs sanguins de la réponse à l'immunothérapie",
        "Blood biomarkers of response to immunotherapy",
    ),
    "CELL-1": (
        "Thérapie cellulaire dans le mélanome avancé",
        "Cell therapy in advanced melanoma",
    ),
    "VAX-TUMEUR": (
        "Vaccin thérapeutique dans le cancer du poumon",
        "Therapeutic vaccine in lung cancer",
    ),
}
