"""Bilingual content at scale, for the site search's plan test and benchmark.

Rows go in with bulk_create (no per-row save, so no signal and no per-row query), the text is
made of French and English words about immunology and cancers with accented names, and the same
seed gives the same data. The search index is then built by apps.search.indexing.rebuild(),
which is bulk already. No network.
"""

from __future__ import annotations

import datetime
import itertools
import random
import time
from dataclasses import dataclass

from django.db import connection
from django.utils import timezone, translation

from apps.core.models import Publishable
from apps.news.models import PARIS, Category, Event, NewsArticle
from apps.pages.models import Page
from apps.search.indexing import rebuild, settle_index
from apps.teams.models import (
    Membership,
    Person,
    PersonPublication,
    Publication,
    ResearchTheme,
    Team,
    TeamPublication,
)
from apps.teams.text import fold

PUBLISHED = Publishable.Status.PUBLISHED
DRAFT = Publishable.Status.DRAFT
BATCH = 2000
SEED = 20_240_611


@dataclass(frozen=True)
class Scale:
    teams: int
    people: int
    publications: int
    articles: int
    events: int = 0
    pages: int = 0


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# The counts of the issue (point 6 of issue 11).
FULL = Scale(teams=500, people=10_000, publications=20_000, articles=30_000, events=300, pages=40)

# One person with a name no generated row shares: a misspelt search for it has one right answer.
LANDMARK = {"title": "Dr", "first_name": "Bérangère", "last_name": "Vautrin-Kerjean"}

FIRST_NAMES = _words(
    "Hélène Élodie Chloé Léa Inès Zoé Anaïs Maëlle Noémie Célia Agnès Bénédicte Clémence Aurélie "
    "Séverine Gaëlle Mélanie Océane Frédérique Émilie Claire Sofia Anne Camille Amina Nora Yuki "
    "Emanuela Giulia Sara María Ana Laura Priya Mei Fatou Aïcha Ingrid Astrid Margaux Lucie Julie "
    "Jérôme Frédéric Hervé Stéphane Rémi Loïc Joël Gaël Théo Mathéo Élie Noël Benoît Grégoire "
    "François Sébastien Julien Mehdi Thomas Hugo Nicolas Marc Karim Pierre Lucas Rafael Olivier "
    "Antoine Mathieu Vincent Yann Kenji Ahmed Omar Diego João Matteo Lukas Sven Raphaël Adrien"
)
LAST_NAMES = _words(
    "Martin Bernard Moreau Lefèvre Garcia Rousseau Nguyen Fontaine Chevalier Haddad Robin Tanaka "
    "Mercier Blanc Faure André Lambert Diallo Girard Bonnet Ortega Perrin Marchand Roux Dupré "
    "Lemaître Bérard Gérard Hébert Févre Thérond Ménard Pélissier Lévêque Béranger Côté Brûlé "
    "Lacôte Prévost Réveillère Séguin Tréhin Vérin Ñúñez Müller Schäfer Jürgens Søren Łukasz "
    "Dvořák Novák Kowalski Rossi Romano Bianchi Esposito Ricci Marino Greco Bruno Gallo Conti "
    "Costa Ferreira Oliveira Santos Pereira Fernández López Martínez Sánchez Pérez González "
    "Rodríguez Gómez Díaz Moreno Álvarez Muñoz Romero Navarro Ibáñez Núñez Castaño Smith Johnson "
    "Williams Brown Taylor O'Connor McAllister Kim Park Lee Chen Wang Li Zhang Liu Yamamoto Sato "
    "Suzuki Kobayashi Ben-Ami Cohen Levi Benali Bouzid Mansouri Traoré Koné Ndiaye Mbappé Okafor "
    "Adeyemi Dubois Durand Leroy Simon Laurent Michel Garnier Faivre Guérin Boyer Gauthier "
    "Lemoine Mallet Brunet Barbier Schmitt Colin Vidal Caron Picard Roger Renaud Aubert Masson "
    "Joly Noël Huet Marie Hubert Deschamps Lacroix Carré Arnaud Leclerc Giraud Poirier Charpentier"
)
TITLES = ("Dr", "Dr", "Pr", "", "", "", "", "")

# (French, English) pairs, so that both languages say the same thing.
SUBJECTS = (
    ("lymphocytes T CD8", "CD8 T cells"),
    ("lymphocytes T régulateurs", "regulatory T cells"),
    ("cellules dendritiques", "dendritic cells"),
    ("macrophages associés aux tumeurs", "tumour-associated macrophages"),
    ("inhibiteurs de points de contrôle", "checkpoint inhibitors"),
    ("anticorps anti-PD-1", "anti-PD-1 antibodies"),
    ("anticorps anti-CTLA-4", "anti-CTLA-4 antibodies"),
    ("cellules CAR-T", "CAR-T cells"),
    ("vaccins thérapeutiques", "therapeutic vaccines"),
    ("néoantigènes", "neoantigens"),
    ("microbiote intestinal", "gut microbiota"),
    ("biomarqueurs prédictifs", "predictive biomarkers"),
    ("séquençage unicellulaire", "single-cell sequencing"),
    ("cellules tueuses naturelles", "natural killer cells"),
    ("lymphocytes infiltrant la tumeur", "tumour-infiltrating lymphocytes"),
    ("interféron gamma", "interferon gamma"),
    ("cytokines inflammatoires", "inflammatory cytokines"),
    ("résistance au traitement", "treatment resistance"),
    ("toxicités immunitaires", "immune-related toxicities"),
    ("microenvironnement tumoral", "tumour microenvironment"),
    ("présentation des antigènes", "antigen presentation"),
    ("épuisement des lymphocytes", "T cell exhaustion"),
    ("lymphocytes B", "B cells"),
    ("structures lymphoïdes tertiaires", "tertiary lymphoid structures"),
    ("anticorps bispécifiques", "bispecific antibodies"),
    ("virus oncolytiques", "oncolytic viruses"),
    ("immunothérapie adoptive", "adoptive immunotherapy"),
    ("signatures d'expression génique", "gene expression signatures"),
    ("cytométrie en flux", "flow cytometry"),
    ("mémoire immunitaire", "immune memory"),
)
CANCERS = (
    ("mélanome", "melanoma"),
    ("mélanome uvéal", "uveal melanoma"),
    ("cancer du sein triple négatif", "triple-negative breast cancer"),
    ("cancer du sein", "breast cancer"),
    ("cancer du poumon", "lung cancer"),
    ("cancer colorectal", "colorectal cancer"),
    ("cancer de l'ovaire", "ovarian cancer"),
    ("sarcome", "sarcoma"),
    ("rétinoblastome", "retinoblastoma"),
    ("cancer de la vessie", "bladder cancer"),
    ("cancer du rein", "kidney cancer"),
    ("lymphome", "lymphoma"),
    ("leucémie", "leukaemia"),
    ("cancer du pancréas", "pancreatic cancer"),
    ("glioblastome", "glioblastoma"),
    ("cancers ORL", "head and neck cancers"),
    ("cancer de la prostate", "prostate cancer"),
    ("cancers de l'enfant", "childhood cancers"),
)
DRUGS = _words(
    "pembrolizumab nivolumab ipilimumab atézolizumab durvalumab relatlimab tébentafusp "
    "cémiplimab avélumab tislélizumab trémélimumab sacituzumab blinatumomab lifileucel "
    "cyclophosphamide fludarabine"
)
MARKERS = _words(
    "PD-L1 LAG-3 TIM-3 TIGIT CD39 CD103 CD8 CD4 FOXP3 IL-2 IL-6 IL-15 CXCL13 CXCL9 STING cGAS "
    "HLA-E NKG2A BRCA1 TP53 KRAS EGFR HER2 BRAF MHC-I TCF1 TOX GZMB IFNG B2M"
)
# Sentence patterns in both languages: {s} and {t} subjects, {c} a cancer, {d} a drug,
# {m} a marker.
TITLE_PATTERNS = (
    ("Rôle des {s} dans le {c}", "Role of {s} in {c}"),
    ("{S} et {t} : nouvelles pistes contre le {c}", "{S} and {t}: new leads against {c}"),
    ("Un essai clinique associe le {d} et les {s}", "A clinical trial combines {d} and {s}"),
    ("Comprendre les {s} pour mieux traiter le {c}", "Understanding {s} to better treat {c}"),
    ("L'expression de {m} prédit la réponse au {d}", "{m} expression predicts response to {d}"),
    ("Cartographie des {s} {m}+ du {c}", "Mapping {m}+ {s} in {c}"),
)
SENTENCES = (
    (
        "L'équipe a étudié les {s} chez des patients atteints de {c}.",
        "The team studied {s} in patients with {c}.",
    ),
    (
        "Ces résultats éclairent le lien entre {s} et {t}.",
        "These results shed light on the link between {s} and {t}.",
    ),
    (
        "Les échantillons des patients traités par {d} ont été analysés par {t}.",
        "Samples from patients treated with {d} were analysed by {t}.",
    ),
    (
        "Une meilleure compréhension des {s} pourrait guider le choix du traitement.",
        "A better understanding of {s} could guide the choice of treatment.",
    ),
    (
        "Le projet réunit chercheurs, médecins et soignants autour du {c}.",
        "The project brings researchers, physicians and nurses together around {c}.",
    ),
    (
        "Les patients ont été suivis pendant deux ans à l'hôpital de jour.",
        "Patients were followed for two years at the day hospital.",
    ),
    (
        "Le marqueur {m} était plus fréquent chez les patients répondeurs.",
        "The marker {m} was more frequent in patients who responded.",
    ),
)
JOURNALS = (
    "Journal of Sample Immunology",
    "Sample Cancer Research",
    "Sample Clinical Oncology",
    "Annals of Sample Oncology",
    "Sample Immunity Reports",
    "Revue française d'immunologie (exemple)",
)
POSITIONS = (
    ("Chercheuse", "Researcher"),
    ("Chercheur", "Researcher"),
    ("Médecin", "Physician"),
    ("Infirmière", "Nurse"),
    ("Ingénieur d'études", "Research engineer"),
    ("Doctorante", "PhD student"),
    ("Post-doctorant", "Postdoctoral fellow"),
    ("Technicienne de laboratoire", "Laboratory technician"),
)
CATEGORIES = ("researcher", "researcher", "physician", "nurse", "engineer", "student")


class _Text:
    """Random bilingual phrases from one seeded generator. Words are drawn with weights
    falling as 1/rank, so that a few are common and most are rare, as in real text."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self._weights: dict[tuple, list[float]] = {}

    def pick(self, words: tuple):
        if words not in self._weights:
            falling = (1 / (rank + 1) for rank in range(len(words)))
            self._weights[words] = list(itertools.accumulate(falling))
        return self.rng.choices(words, cum_weights=self._weights[words])[0]

    def fill(self, pattern: tuple[str, str]) -> tuple[str, str]:
        pick = self.pick
        s, t = pick(SUBJECTS), pick(SUBJECTS)
        if s is t:
            t = SUBJECTS[(SUBJECTS.index(s) + 1) % len(SUBJECTS)]
        c, d, m = pick(CANCERS), pick(DRUGS), pick(MARKERS)
        out = []
        for lang, text in enumerate(pattern):
            words = {"s": s[lang], "t": t[lang], "c": c[lang], "d": d, "m": m}
            words["S"] = words["s"][:1].upper() + words["s"][1:]
            out.append(text.format(**words))
        return out[0], out[1]

    def title(self) -> tuple[str, str]:
        return self.fill(self.rng.choice(TITLE_PATTERNS))

    def paragraph(self, sentences: int) -> tuple[str, str]:
        pairs = [self.fill(self.rng.choice(SENTENCES)) for _ in range(sentences)]
        return " ".join(p[0] for p in pairs), " ".join(p[1] for p in pairs)

    def status(self, draft_share: float) -> str:
        return DRAFT if self.rng.random() < draft_share else PUBLISHED


def _bulk(model, objects) -> list:
    return model.objects.bulk_create(objects, batch_size=BATCH)


def _slug_prefix(prefix: str, model) -> str:
    """A slug prefix no earlier run used, so the generator can add to existing data."""
    base = f"{prefix}-"
    taken = model.objects.filter(slug__startswith=base).count()
    return f"{base}{taken}-" if taken else base


def generate(
    scale: Scale,
    *,
    seed: int = SEED,
    prefix: str = "scale",
    draft_share: float = 0.08,
    landmark: bool = True,
    index: bool = True,
) -> dict[str, float]:
    """Adds `scale`'s rows to what is there (so a bench can grow the demo content), then
    rebuilds the search index; returns the seconds each step took. Most rows are published,
    `draft_share` of them drafts, a few articles scheduled for later."""
    rng = random.Random(seed)
    text = _Text(rng)
    now = timezone.now()
    today = timezone.localdate()
    timings: dict[str, float] = {}
    started = time.perf_counter()

    with translation.override("fr"):
        themes = list(ResearchTheme.objects.all()[:20])
        if not themes:
            themes = _bulk(
                ResearchTheme,
                [
                    ResearchTheme(
                        slug=f"{prefix}-theme-{i}",
                        name_fr=fr[:1].upper() + fr[1:],
                        name_en=en[:1].upper() + en[1:],
                        status=PUBLISHED,
                        order=i,
                    )
                    for i, (fr, en) in enumerate(SUBJECTS[:6])
                ],
            )
        categories = list(Category.objects.all()[:10])
        if not categories:
            categories = _bulk(
                Category,
                [
                    Category(
                        slug_fr=f"{prefix}-cat-{i}",
                        slug_en=f"{prefix}-cat-{i}",
                        name_fr=fr,
                        name_en=en,
                        status=PUBLISHED,
                    )
                    for i, (fr, en) in enumerate(
                        [("Recherche", "Research"), ("Soins", "Care"), ("Vie du centre", "Life")]
                    )
                ],
            )

        # Teams.
        slug = _slug_prefix(prefix, Team)
        teams = []
        for i in range(scale.teams):
            name_fr, name_en = text.title()
            summary_fr, summary_en = text.paragraph(2)
            body_fr, body_en = text.paragraph(4)
            teams.append(
                Team(
                    slug_fr=f"{slug}team-{i}",
                    slug_en=f"{slug}team-{i}",
                    kind=rng.choice(("research", "research", "clinical", "platform")),
                    acronym="".join(rng.choices("ABCDEFGHIJKLMNOPRSTUVY", k=rng.randint(2, 4))),
                    name_fr=name_fr[:200],
                    name_en=name_en[:200],
                    summary_fr=summary_fr[:600],
                    summary_en=summary_en[:600],
                    description_fr=f"<p>{body_fr}</p>",
                    description_en=f"<p>{body_en}</p>",
                    order=100 + i % 50,
                    status=text.status(draft_share),
                )
            )
        teams = _bulk(Team, teams)
        _bulk(
            Team.themes.through,
            [
                Team.themes.through(team_id=team.pk, researchtheme_id=theme.pk)
                for team in teams
                for theme in rng.sample(themes, min(len(themes), rng.randint(1, 2)))
            ],
        )

        # People, each a member of one team (the first of each team leads it).
        slug = _slug_prefix(prefix, Person)
        people = []
        for i in range(scale.people):
            if landmark and i == 0:
                title, first, last = LANDMARK.values()
            else:
                title = rng.choice(TITLES)
                first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
            position = rng.choice(POSITIONS)
            bio_fr, bio_en = text.paragraph(2)
            subject = rng.choice(SUBJECTS)
            people.append(
                Person(
                    slug=f"{slug}person-{i}",
                    title=title,
                    first_name=first,
                    last_name=last,
                    sort_key=fold(f"{last} {first}"),
                    category=rng.choice(CATEGORIES),
                    position_fr=position[0],
                    position_en=position[1],
                    expertise_fr=f"immunologie, {subject[0]}",
                    expertise_en=f"immunology, {subject[1]}",
                    bio_fr=bio_fr,
                    bio_en=bio_en,
                    status=PUBLISHED if landmark and i == 0 else text.status(draft_share),
                )
            )
        people = _bulk(Person, people)
        memberships = []
        if teams:
            start = datetime.date(2020, 1, 1)
            for i, person in enumerate(people):
                team = teams[i % len(teams)]
                role = "head" if i < len(teams) else rng.choice(("member", "member", "co_head"))
                memberships.append(
                    Membership(team=team, person=person, role=role, start_date=start, order=i)
                )
        _bulk(Membership, memberships)

        # Publications (not translated), each linked to one or two teams and one to three people.
        publications = []
        authors_of = []
        for _ in range(scale.publications):
            authors = rng.sample(people, min(len(people), rng.randint(1, 3))) if people else []
            authors_of.append(authors)
            title_fr, title_en = text.title()
            publications.append(
                Publication(
                    title=title_fr if rng.random() < 0.15 else title_en,
                    authors=", ".join(f"{p.last_name} {p.first_name[:1]}" for p in authors),
                    journal=rng.choice(JOURNALS),
                    year=rng.randint(2005, 2025),
                    status=text.status(draft_share / 2),
                )
            )
        publications = _bulk(Publication, publications)
        team_links, person_links = [], []
        for publication, authors in zip(publications, authors_of, strict=True):
            for team in rng.sample(teams, min(len(teams), rng.randint(1, 2))) if teams else []:
                team_links.append(TeamPublication(team=team, publication=publication))
            for person in authors:
                person_links.append(PersonPublication(person=person, publication=publication))
        _bulk(TeamPublication, team_links)
        _bulk(PersonPublication, person_links)

        # News articles over ten years; a few scheduled for later.
        slug = _slug_prefix(prefix, NewsArticle)
        articles = []
        for i in range(scale.articles):
            title_fr, title_en = text.title()
            lead_fr, lead_en = text.paragraph(1)
            body_fr, body_en = text.paragraph(rng.randint(3, 8))
            scheduled = rng.random() < 0.01
            articles.append(
                NewsArticle(
                    slug_fr=f"{slug}article-{i}",
                    slug_en=f"{slug}article-{i}",
                    title_fr=title_fr[:200],
                    title_en=title_en[:200],
                    lead_fr=lead_fr[:600],
                    lead_en=lead_en[:600],
                    body_fr=f"<p>{body_fr}</p>",
                    body_en=f"<p>{body_en}</p>",
                    category=rng.choice(categories),
                    date=today - datetime.timedelta(days=rng.randint(0, 3650)),
                    publish_at=now + datetime.timedelta(days=3) if scheduled else None,
                    status=text.status(draft_share),
                )
            )
        articles = _bulk(NewsArticle, articles)
        if teams:
            _bulk(
                NewsArticle.teams.through,
                [
                    NewsArticle.teams.through(newsarticle_id=a.pk, team_id=rng.choice(teams).pk)
                    for a in articles
                    if rng.random() < 0.3
                ],
            )

        # A few events and top-level pages.
        slug = _slug_prefix(prefix, Event)
        events = []
        for i in range(scale.events):
            title_fr, title_en = text.title()
            summary_fr, summary_en = text.paragraph(1)
            day = today + datetime.timedelta(days=rng.randint(-700, 300))
            begin = datetime.datetime.combine(day, datetime.time(rng.randint(9, 17)), tzinfo=PARIS)
            events.append(
                Event(
                    slug_fr=f"{slug}event-{i}",
                    slug_en=f"{slug}event-{i}",
                    kind=rng.choice(("seminar", "conference", "patient_day", "public")),
                    start=begin,
                    end=begin + datetime.timedelta(hours=2),
                    title_fr=title_fr[:200],
                    title_en=title_en[:200],
                    place_fr="Amphithéâtre Marie Curie",
                    place_en="Marie Curie lecture hall",
                    summary_fr=summary_fr[:600],
                    summary_en=summary_en[:600],
                    description_fr=f"<p>{summary_fr}</p>",
                    description_en=f"<p>{summary_en}</p>",
                    status=text.status(draft_share),
                )
            )
        _bulk(Event, events)
        slug = _slug_prefix(prefix, Page)
        pages = []
        for i in range(scale.pages):
            title_fr, title_en = text.title()
            body_fr, body_en = text.paragraph(6)
            path = f"{slug}page-{i}"
            pages.append(
                Page(
                    slug_fr=path,
                    slug_en=path,
                    path_fr=path,
                    path_en=path,
                    depth=0,
                    order=900,
                    tree_key=f"{900:05d}{i:09d}",
                    title_fr=title_fr[:200],
                    title_en=title_en[:200],
                    intro_fr=body_fr[:300],
                    intro_en=body_en[:300],
                    body_fr=f"<p>{body_fr}</p>",
                    body_en=f"<p>{body_en}</p>",
                    status=text.status(draft_share),
                )
            )
        _bulk(Page, pages)
        timings["rows"] = time.perf_counter() - started

        if index:
            started = time.perf_counter()
            rebuild()
            timings["index"] = time.perf_counter() - started
    return timings


def settle() -> None:
    """The state autovacuum leaves soon after a bulk load: the search index settled (rebuild()
    does it) and fresh statistics for every table the searches join."""
    settle_index()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
