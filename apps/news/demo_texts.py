"""The words of the demo's sample articles and events (apps.news.demo).

Written to read like real news: the site-wide notice (apps.core.sample_content) tells visitors
on every page that the news shown is fictional demonstration content, so no text here says
"example". No real person is named or quoted; what is said of the center itself comes from its
own page on the Institut Curie site (kept in the project's shared seed folder). A body never
repeats the article's lead (the page shows the lead above it). Migration 0003, which rewrote
older demo rows, keeps a frozen copy of its own (apps/news/migrations/_texts_0003.py).
"""

from __future__ import annotations

# slug: (body fr, body en)
ARTICLE_BODIES = {
    "seminaire-microenvironnement": (
        "<p>Organisée par l'équipe Immunité et cancer, la journée a réuni une cinquantaine de "
        "participants. Les présentations ont porté sur les cellules dendritiques, les "
        "macrophages et les fibroblastes qui entourent les tumeurs, et sur la façon dont ils "
        "freinent ou favorisent la réponse immunitaire.</p><p>Les discussions ont fait naître "
        "plusieurs projets communs entre équipes de recherche et équipes cliniques, notamment "
        "autour des biopsies prélevées avant et pendant le traitement.</p>",
        "<p>Organised by the Immunity and cancer team, the day brought together some fifty "
        "participants. The talks covered the dendritic cells, macrophages and fibroblasts that "
        "surround tumours, and how they hold back or help the immune response.</p><p>The "
        "discussions gave rise to several joint projects between research and clinical teams, "
        "in particular around biopsies taken before and during treatment.</p>",
    ),
    "nouvel-essai-combinaison": (
        "<p>L'essai associe deux médicaments d'immunothérapie qui agissent sur des freins "
        "différents du système immunitaire. Il s'adresse à des patients dont le cancer a "
        "progressé malgré les traitements habituels.</p><p>Comme tout essai de phase précoce, "
        "il vise d'abord à vérifier la tolérance de l'association et à trouver la bonne dose. "
        "Les patients sont suivis de près par les médecins et les infirmiers du centre.</p>"
        "<p>Votre médecin peut vous dire si cet essai peut vous concerner ; les essais ouverts "
        "sont présentés sur la page des essais cliniques.</p>",
        "<p>The trial combines two immunotherapy medicines that act on different brakes of the "
        "immune system. It is for patients whose cancer has progressed despite the usual "
        "treatments.</p><p>Like every early-phase trial, it first aims to check how well the "
        "combination is tolerated and to find the right dose. Patients are followed closely by "
        "the center's physicians and nurses.</p><p>Your doctor can tell you whether this trial "
        "may concern you; the open trials are listed on the clinical trials page.</p>",
    ),
    "biomarqueurs-prometteurs": (
        "<p>En comparant des prises de sang faites avant le traitement, l'équipe Biomarqueurs "
        "prédictifs a repéré un ensemble de marqueurs plus fréquents chez les patients qui ont "
        "ensuite répondu à l'immunothérapie.</p><p>Ces résultats restent préliminaires : ils "
        "doivent être confirmés chez d'autres groupes de patients avant de pouvoir guider le "
        "choix d'un traitement.</p>",
        "<p>By comparing blood tests taken before treatment, the Predictive biomarkers team "
        "found a set of markers more frequent in patients who went on to respond to "
        "immunotherapy.</p><p>These results are preliminary: they must be confirmed in other "
        "groups of patients before they can guide the choice of a treatment.</p>",
    ),
    "journee-patients-retour": (
        "<p>Pendant un après-midi, médecins, infirmiers et pharmaciens ont répondu aux "
        "questions des participants : comment agit l'immunothérapie, combien de temps dure le "
        "traitement, quels effets indésirables surveiller, qui appeler en cas de doute.</p>"
        "<p>Les questions les plus fréquentes nourriront les documents d'information remis aux "
        "patients.</p>",
        "<p>For an afternoon, physicians, nurses and pharmacists answered the participants' "
        "questions: how immunotherapy works, how long treatment lasts, which side effects to "
        "watch for, whom to call when in doubt.</p><p>The most frequent questions will feed "
        "the information leaflets given to patients.</p>",
    ),
    "cancer-du-sein-avancees": (
        "<p>Les résultats de l'immunothérapie restent modestes dans le cancer du sein, alors "
        "qu'ils sont plus nets pour des tumeurs situées ailleurs. Comprendre pourquoi est l'un "
        "des trois objectifs du centre.</p><p>L'équipe Immunothérapie des cancers du sein "
        "compare les cellules immunitaires présentes dans différentes tumeurs du sein et "
        "recherche les signaux qui les tiennent à distance ou les rendent inactives.</p>",
        "<p>Immunotherapy results remain modest in breast cancer, whereas they are more "
        "compelling for tumours in other locations. Understanding why is one of the center's "
        "three aims.</p><p>The Breast cancer immunotherapy team compares the immune cells found "
        "in different breast tumours and looks for the signals that keep them away or make them "
        "inactive.</p>",
    ),
    "plateforme-cytometrie-equipement": (
        "<p>Le nouveau cytomètre spectral mesure à la fois plusieurs dizaines de marqueurs sur "
        "chaque cellule. Les équipes peuvent ainsi décrire finement les cellules immunitaires "
        "d'un petit prélèvement, un atout pour les prélèvements précieux des essais cliniques."
        "</p><p>Des formations sont proposées aux utilisateurs des équipes du centre.</p>",
        "<p>The new spectral cytometer measures several dozen markers at once on each cell. "
        "Teams can thus describe in detail the immune cells of a small specimen, an asset for "
        "the precious specimens of clinical trials.</p><p>Training is offered to users from the "
        "center's teams.</p>",
    ),
    "genomique-unicellulaire-atlas": (
        "<p>La plateforme de génomique unicellulaire a analysé, cellule par cellule, des tumeurs "
        "avant et après traitement. L'atlas obtenu décrit les différents types de cellules "
        "immunitaires et leurs états.</p><p>Les équipes du centre s'en servent pour formuler de "
        "nouvelles hypothèses sur la réponse à l'immunothérapie.</p>",
        "<p>The single-cell genomics platform analysed tumours cell by cell, before and after "
        "treatment. The resulting atlas describes the different types of immune cells and their "
        "states.</p><p>The center's teams use it to frame new hypotheses about response to "
        "immunotherapy.</p>",
    ),
    "dons-generosite": (
        "<p>Le Centre d'immunothérapie des cancers réunit, sur un étage entièrement dédié au "
        "cœur de l'hôpital, des laboratoires de recherche fondamentale et translationnelle, des "
        "salles de consultation et des lits d'hospitalisation. Il est l'une des premières "
        "grandes étapes du projet MC21 de l'Institut Curie.</p><p>Merci à toutes celles et à "
        "tous ceux qui le soutiennent.</p>",
        "<p>The Center for Cancer Immunotherapy brings basic and translational research "
        "laboratories, consultation rooms and hospital beds together on a fully-dedicated floor "
        "at the heart of the hospital. It is one of the first major steps of Institut Curie's "
        "MC21 project.</p><p>Thank you to everyone who supports it.</p>",
    ),
    "accueil-nouveaux-doctorants": (
        "<p>Venus de France et de l'étranger, ils ont rejoint les équipes de recherche du centre "
        "pour leurs trois années de thèse. Leurs sujets vont de la présentation des antigènes "
        "tumoraux à l'analyse des données des essais cliniques.</p><p>Une journée d'accueil leur "
        "a présenté les équipes, les plateformes et les services du centre.</p>",
        "<p>From France and abroad, they have joined the center's research teams for their "
        "three years of doctoral work. Their subjects range from the presentation of tumour "
        "antigens to the analysis of clinical trial data.</p><p>A welcome day introduced them to "
        "the center's teams, platforms and services.</p>",
    ),
    "hopital-de-jour-parcours": (
        "<p>Prise de sang, consultation et perfusion ont désormais lieu le même jour et au même "
        "étage, pour réduire l'attente et les déplacements.</p><p>Entre deux venues, une "
        "infirmière de coordination répond aux questions des patients.</p>",
        "<p>Blood test, consultation and infusion now take place on the same day and on the "
        "same floor, to cut waiting and travel.</p><p>Between two visits, a coordinating nurse "
        "answers patients' questions.</p>",
    ),
    "congres-international": (
        "<p>Posters et communications orales ont présenté les travaux des équipes sur les "
        "cellules dendritiques, les biomarqueurs de la réponse et les essais de combinaisons."
        "</p><p>Ces échanges ont ouvert de nouvelles collaborations avec d'autres centres de "
        "recherche en Europe.</p>",
        "<p>Posters and talks presented the teams' work on dendritic cells, biomarkers of "
        "response and combination trials.</p><p>These exchanges opened new collaborations with "
        "other research centres in Europe.</p>",
    ),
}

# The opening article: the center's own words (its page), with nothing repeated from the lead.
OPENING_FR = (
    "<p>Ce voisinage doit favoriser les échanges entre tous : chercheurs, médecins, patients et "
    "soignants.</p><p>Le centre est l'une des premières grandes étapes du projet MC21 (Marie "
    "Curie XXI<sup>e</sup> siècle), inspiré du modèle créé par Marie Curie en 1909 : réunir "
    "chercheurs et médecins pour apporter rapidement de nouveaux médicaments aux patients.</p>"
    "<h2>Trois objectifs</h2><ul><li>mener des essais cliniques précoces et étudier les "
    "combinaisons de traitements ;</li><li>découvrir de nouveaux biomarqueurs prédictifs ;</li>"
    "<li>comprendre pourquoi les résultats de l'immunothérapie restent modestes dans le cancer "
    "du sein.</li></ul>"
)
OPENING_EN = (
    "<p>Being neighbours should encourage exchanges among all: researchers, physicians, "
    "patients and caregivers.</p><p>The center is one of the first major steps of the MC21 "
    "project (Marie Curie 21st Century), inspired by the model Marie Curie created in 1909: "
    "researchers and physicians together, to bring new medicines to patients quickly.</p>"
    "<h2>Three aims</h2><ul><li>run early clinical trials and study treatment combinations;"
    "</li><li>discover new predictive biomarkers;</li><li>understand why immunotherapy results "
    "in breast cancer remain modest.</li></ul>"
)

# slug: (summary fr, summary en, description fr, description en)
EVENT_TEXTS = {
    "seminaire-lymphocytes-t": (
        "Comment les lymphocytes T reconnaissent les tumeurs, et comment les tumeurs leur "
        "échappent : un séminaire pour chercheurs et médecins.",
        "How T cells recognise tumours, and how tumours escape them: a seminar for researchers "
        "and physicians.",
        "<p>Deux présentations des équipes du centre, suivies d'une discussion.</p>",
        "<p>Two talks by the center's teams, followed by a discussion.</p>",
    ),
    "colloque-immunotherapie": (
        "Deux jours pour faire le point sur les nouvelles approches d'immunothérapie, de la "
        "recherche aux essais cliniques.",
        "Two days to take stock of new approaches to immunotherapy, from research to clinical "
        "trials.",
        "<p>Sessions sur les biomarqueurs prédictifs, les associations de traitements et le "
        "cancer du sein.</p>",
        "<p>Sessions on predictive biomarkers, treatment combinations and breast cancer.</p>",
    ),
    "journee-patients": (
        "Une journée pour les patients et leurs proches : comprendre l'immunothérapie et poser "
        "ses questions aux soignants.",
        "A day for patients and their relatives: understanding immunotherapy and asking the care "
        "staff your questions.",
        "<p>Ateliers et temps d'échange avec les médecins, les infirmiers et les pharmaciens du "
        "centre.</p>",
        "<p>Workshops and time to talk with the center's physicians, nurses and pharmacists.</p>",
    ),
    "conference-grand-public": (
        "Une conférence pour tous : comment l'immunothérapie aide le système immunitaire à "
        "combattre le cancer.",
        "A lecture for everyone: how immunotherapy helps the immune system fight cancer.",
        "<p>Une conférence suivie des questions du public.</p>",
        "<p>A lecture followed by questions from the audience.</p>",
    ),
    "seminaire-biomarqueurs": (
        "Les marqueurs qui aident à prévoir la réponse au traitement : un séminaire des équipes "
        "Biomarqueurs prédictifs et Immunologie translationnelle.",
        "The markers that help predict response to treatment: a seminar by the Predictive "
        "biomarkers and Translational immunology teams.",
        "<p>Présentations suivies d'une discussion.</p>",
        "<p>Talks followed by a discussion.</p>",
    ),
}

# The featured article of the news list: a recent one (the news list shows the latest article
# an editor marked as featured).
FEATURED = "nouvel-essai-combinaison"
