"""The texts migration 0009 writes, as apps.pages.demo_texts had them when it was
written (frozen here on purpose: a later change to the demo must not change what this migration
does to an older database)."""

LEGAL_BODY = (
    "<h2>Éditeur</h2><p>Institut Curie, 26 rue d'Ulm, 75005 Paris.</p><h2>Propriété "
    "intellectuelle</h2><p>Les textes et images de ce site ne peuvent être réutilisés sans "
    "autorisation, sauf mention contraire.</p>",
    "<h2>Publisher</h2><p>Institut Curie, 26 rue d'Ulm, 75005 Paris.</p><h2>Intellectual "
    "property</h2><p>The texts and images of this site may not be reused without permission, unless "
    "stated otherwise.</p>",
)

OLD_LEGAL_BODY = (
    "<h2>Éditeur</h2><p>Institut Curie, 26 rue d'Ulm, 75005 Paris. Directeur de la publication : à "
    "compléter.</p><h2>Hébergement</h2><p>À compléter : nom, adresse et téléphone de "
    "l'hébergeur.</p><h2>Propriété intellectuelle</h2><p>Les textes et images de ce site ne peuvent "
    "être réutilisés sans autorisation, sauf mention contraire.</p>",
    "<h2>Publisher</h2><p>Institut Curie, 26 rue d'Ulm, 75005 Paris. Publication director: to be "
    "completed.</p><h2>Hosting</h2><p>To be completed: the host's name, address and phone "
    "number.</p><h2>Intellectual property</h2><p>The texts and images of this site may not be reused "
    "without permission, unless stated otherwise.</p>",
)

OLD_SUPPORT_BODY = (
    "<p>Les dons permettent d'ouvrir de nouveaux essais, d'équiper les laboratoires et d'accueillir "
    "de jeunes chercheurs. L'Institut Curie est une fondation reconnue d'utilité publique.</p>",
    "<p>Donations open new trials, equip the laboratories and welcome young researchers. Institut "
    "Curie is a foundation recognised as being of public utility.</p>",
)

PRIVACY_FIXES = ((" (adresse à compléter)", ""), (" (address to be completed)", ""))

STUB_INTRO_FR = "Contacts, consultations et essais cliniques : cette page sera complétée."

STUB_REDIRECTS = (
    ("fr", "informations-patients", "/fr/patients/"),
    ("en", "patient-information", "/en/patients/"),
)

SUPPORT_BODY = (
    "<p>Le Centre d'immunothérapie des cancers de l'Institut Curie est l'une des premières grandes "
    "étapes du projet MC21 (Marie Curie XXI<sup>e</sup> siècle), inspiré du modèle créé par Marie "
    "Curie en 1909 : réunir chercheurs et médecins pour apporter le plus rapidement possible de "
    "nouveaux médicaments aux patients.</p><h2>Ce que vos dons ont rendu possible</h2><p>Sur un étage "
    "entièrement dédié, au cœur de l'hôpital, le centre réunit des laboratoires de recherche "
    "fondamentale et translationnelle, des salles de consultation et des lits d'hospitalisation, pour "
    "favoriser les échanges entre chercheurs, médecins, patients et soignants. Il s'est donné trois "
    "objectifs :</p><ul><li>mettre en place des essais précoces et étudier des associations de "
    "traitements qui pourraient améliorer l'efficacité thérapeutique ;</li><li>découvrir de nouveaux "
    "biomarqueurs prédictifs ;</li><li>comprendre pourquoi les résultats de l'immunothérapie restent "
    "modestes dans le cancer du sein, alors qu'ils sont plus nets pour des tumeurs situées "
    "ailleurs.</li></ul>",
    "<p>The Center for Cancer Immunotherapy at Institut Curie is one of the first major steps of the "
    "MC21 project (Marie Curie 21st Century), inspired by the model Marie Curie created in 1909: "
    "gathering researchers and physicians together to bring new medications to patients as quickly as "
    "possible.</p><h2>What your gifts have made possible</h2><p>On a fully-dedicated floor at the "
    "heart of the hospital, the center brings together basic and translational research laboratories, "
    "consultation rooms and hospital beds, to encourage exchanges among researchers, physicians, "
    "patients and caregivers. It has set itself three aims:</p><ul><li>to implement early trials and "
    "study combinations of treatments that could improve therapeutic effectiveness;</li><li>to "
    "discover new predictive biomarkers;</li><li>to understand why immunotherapy results for breast "
    "cancer remain modest, whereas they are more compelling for tumours in other locations.</li></ul>",
)
