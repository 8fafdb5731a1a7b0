"""The texts migration 0008 writes, as apps.care.demo_texts, apps.core.demo had them when it was
written (frozen here on purpose: a later change to the demo must not change what this migration
does to an older database)."""

import datetime

ACCESS_TRANSPORT = ("RER B : station Luxembourg", "RER B: Luxembourg station")

CONSULTATION_TEXTS = {
    "consultation-immunotherapie": (
        "<p>Le médecin fait le point avec vous sur votre maladie et vos "
        "traitements précédents. Il vous explique l'immunothérapie qui "
        "vous est proposée, son déroulement et ses effets indésirables "
        "possibles, et répond à vos questions et à celles de vos "
        "proches.</p><p>Apportez vos derniers comptes rendus, vos examens "
        "d'imagerie et la liste de vos médicaments.</p>",
        "<p>The physician reviews your illness and your previous "
        "treatments with you, explains the immunotherapy offered to you, "
        "how it goes and its possible side effects, and answers your "
        "questions and those of your relatives.</p><p>Bring your latest "
        "medical reports, your imaging and the list of your "
        "medicines.</p>",
    ),
    "consultation-essais-precoces": (
        "<p>Le médecin examine votre dossier et vous présente les essais "
        "ouverts qui pourraient vous convenir, ce qu'ils demandent et ce "
        "que l'on en attend.</p><p>Participer à un essai est toujours un "
        "choix : vous pouvez refuser ou arrêter à tout moment, sans "
        "conséquence sur vos soins.</p>",
        "<p>The physician reviews your medical file and presents the "
        "open trials that might suit you, what they involve and what is "
        "expected from them.</p><p>Taking part in a trial is always your "
        "choice: you may decline or stop at any time, with no effect on "
        "your care.</p>",
    ),
}

OLD_ACCESS_ACCESSIBILITY = (
    "À compléter : accès de plain-pied, ascenseurs.",
    "To be completed: step-free access, lifts.",
)

OLD_ACCESS_TRANSPORT = (
    "RER B : station Luxembourg\nÀ compléter : métro, bus",
    "RER B: Luxembourg station\nTo be completed: metro, bus",
)

OLD_CONSULTATION_DESCRIPTIONS = (
    "<p>Consultation d'exemple créée pour la démonstration du site.</p>",
    "<p>A sample consultation made to demonstrate the site.</p>",
)

OLD_POINT_NAMES = {
    "rendez-vous": ("Rendez-vous", "Appointments"),
    "questions-traitement": ("Questions sur votre traitement", "Questions about your treatment"),
    "medecins-adresseurs": ("Médecins adresseurs", "Referring physicians"),
    "essais-cliniques": ("Essais cliniques", "Clinical trials"),
}

OLD_TRIAL_SUMMARY_FR = "Essai d'exemple créé pour la démonstration du site : il n'existe pas."

OLD_TRIAL_TITLES = {
    "IMMUNO-SEIN": (
        "Association de deux immunothérapies dans le cancer du sein (exemple)",
        "Two immunotherapies combined in breast cancer (sample)",
    ),
    "PREDICT-IO": (
        "Biomarqueurs sanguins de la réponse à l'immunothérapie (exemple)",
        "Blood biomarkers of response to immunotherapy (sample)",
    ),
    "CELL-1": (
        "Thérapie cellulaire dans le mélanome avancé (exemple)",
        "Cell therapy in advanced melanoma (sample)",
    ),
    "VAX-TUMEUR": (
        "Vaccin thérapeutique anticancéreux (exemple)",
        "Therapeutic cancer vaccine (sample)",
    ),
}

POINT_HOURS = {
    "rendez-vous": (datetime.time(9, 0), datetime.time(17, 0)),
    "questions-traitement": (datetime.time(9, 0), datetime.time(17, 0)),
    "medecins-adresseurs": (datetime.time(9, 0), datetime.time(18, 0)),
    "essais-cliniques": (datetime.time(9, 0), datetime.time(17, 0)),
}

POINT_NAMES = {
    "rendez-vous": ("Secrétariat des consultations", "Consultations office"),
    "questions-traitement": ("Infirmière de coordination", "Coordinating nurse"),
    "medecins-adresseurs": ("Secrétariat médical du centre", "The center's medical secretariat"),
    "essais-cliniques": ("Équipe des essais cliniques", "Clinical trials team"),
}

TRIAL_TEXTS = {
    "IMMUNO-SEIN": (
        "Cet essai évalue l'association de deux médicaments d'immunothérapie chez des "
        "patientes atteintes d'un cancer du sein avancé. Il cherche d'abord la bonne dose "
        "et vérifie la tolérance du traitement, puis observe son effet sur la maladie.",
        "This trial assesses two immunotherapy medicines given together to patients with "
        "advanced breast cancer. It first looks for the right dose and checks how well "
        "the treatment is tolerated, then observes its effect on the disease.",
    ),
    "PREDICT-IO": (
        "Des prises de sang supplémentaires sont faites avant et pendant une "
        "immunothérapie habituelle, pour chercher des marqueurs qui annoncent l'efficacité "
        "du traitement. L'essai ne change pas votre traitement.",
        "Extra blood tests are taken before and during a standard immunotherapy, to look "
        "for markers that foretell whether the treatment works. The trial does not change "
        "your treatment.",
    ),
    "CELL-1": (
        "Des lymphocytes du patient sont prélevés, multipliés au laboratoire puis réinjectés "
        "pour combattre la tumeur. L'essai n'inclut pas encore de patients.",
        "Some of the patient's lymphocytes are collected, multiplied in the laboratory and "
        "given back to fight the tumour. The trial is not yet enrolling patients.",
    ),
    "VAX-TUMEUR": (
        "Un vaccin thérapeutique cherche à apprendre au système immunitaire à reconnaître "
        "les cellules du cancer du poumon. Les inclusions sont terminées ; les résultats "
        "sont en cours d'analyse.",
        "A therapeutic vaccine aims to teach the immune system to recognise lung cancer "
        "cells. Enrolment has ended; the results are being analysed.",
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
    "CELL-1": ("Thérapie cellulaire dans le mélanome avancé", "Cell therapy in advanced melanoma"),
    "VAX-TUMEUR": (
        "Vaccin thérapeutique dans le cancer du poumon",
        "Therapeutic vaccine in lung cancer",
    ),
}

OLD_OPENING_HOURS = (
    "Consultations : du lundi au vendredi, de 8 h 30 à 18 h\nStandard : 7 jours sur 7, 24 h sur 24",
    "Consultations: Monday to Friday, 8.30 am to 6 pm\nSwitchboard: every day, 24 hours a day",
)

OPENING_HOURS = (
    "Standard : 24 h/24, 7 j/7\nSecrétariat des consultations : du lundi au vendredi, 9 h – 17 h",
    "Switchboard: 24 hours a day, 7 days a week\nConsultations office: Monday to Friday, 9 am – 5 pm",
)
