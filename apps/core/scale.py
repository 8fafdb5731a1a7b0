"""Bilingual content at institute scale, for benchmarks and the tests of query plans and query
counts: `manage.py generate_scale_data` (500 teams, 10,000 people, 15,000 memberships, 20,000
publications, 30,000 articles, 3,000 events, 1,000 editorial pages, 500 trials).

Each content app adds its rows (`register_scale_loader`, from its `scale.py`), in bulk: no
per-row save, so no signal and no per-row query. The text is made of French and English words
about immunology and cancers, with accented names; images are the few files already in the
library, reused. The same seed gives the same data. Every generated row is marked as sample
content and has an address starting with `scale-`, by which the command knows a database holds
nothing else before it writes (apps.core.management.commands.generate_scale_data).
"""

from __future__ import annotations

import io
import itertools
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.management import call_command
from django.db import connection
from django.utils import timezone, translation

from apps.core.models import Image, Publishable
from apps.core.registry import scale_loaders

PUBLISHED = Publishable.Status.PUBLISHED
DRAFT = Publishable.Status.DRAFT
BATCH = 2000
SEED = 20_240_611
PREFIX = "scale"


@dataclass(frozen=True)
class Scale:
    teams: int
    people: int
    publications: int
    articles: int
    events: int = 0
    pages: int = 0
    trials: int = 0
    memberships: int = 0  # 0: one per person


# The institute's size (issue 15).
INSTITUTE = Scale(
    teams=500,
    people=10_000,
    memberships=15_000,
    publications=20_000,
    articles=30_000,
    events=3_000,
    pages=1_000,
    trials=500,
)


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


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


class Text:
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


@dataclass
class Run:
    """One generation: the counts, the random source, what earlier loaders made (`made`, by
    name: the teams for the articles, the people for the trials) and the progress report."""

    scale: Scale
    rng: random.Random
    text: Text
    prefix: str
    draft_share: float
    landmark: bool
    report: Callable[[str, int, int], None]
    now: object = field(default_factory=timezone.now)
    today: object = field(default_factory=timezone.localdate)
    made: dict[str, list] = field(default_factory=dict)
    images: list[int] = field(default_factory=list)

    def status(self, draft_share: float | None = None) -> str:
        share = self.draft_share if draft_share is None else draft_share
        return DRAFT if self.rng.random() < share else PUBLISHED

    def image(self, share: float) -> int | None:
        """One of the library's images for `share` of the rows, else none."""
        if self.images and self.rng.random() < share:
            return self.rng.choice(self.images)
        return None

    def slug(self, model, name: str) -> str:
        """The slug prefix of this run's rows of a model: `scale-<name>-`, or with a number when
        an earlier run took it (the generator can add to its own data)."""
        base = f"{self.prefix}-{name}-"
        field_name = "slug_fr" if _translated_slug(model) else "slug"
        taken = model.objects.filter(**{f"{field_name}__startswith": base}).exists()
        if not taken:
            return base
        runs = 1
        while model.objects.filter(**{f"{field_name}__startswith": f"{base}{runs}-"}).exists():
            runs += 1
        return f"{base}{runs}-"

    def bulk(self, model, rows: list, label: str | None = None) -> list:
        """bulk_create in batches, reporting each batch."""
        if label is None:
            with translation.override("en"):
                label = str(model._meta.verbose_name_plural)
        made = []
        for start in range(0, len(rows), BATCH):
            made += model.objects.bulk_create(rows[start : start + BATCH])
            self.report(label, len(made), len(rows))
        if not rows:
            self.report(label, 0, 0)
        return made


def _translated_slug(model) -> bool:
    return any(f.name == "slug_fr" for f in model._meta.fields)


def generate(
    scale: Scale,
    *,
    seed: int = SEED,
    prefix: str = PREFIX,
    draft_share: float = 0.08,
    landmark: bool = True,
    index: bool = True,
    report: Callable[[str, int, int], None] | None = None,
) -> dict[str, float]:
    """Adds `scale`'s rows to what is there, then rebuilds the search index; returns the seconds
    each step took. Most rows are published, `draft_share` of them drafts, a few articles
    scheduled for later."""
    from apps.core import page_cache

    rng = random.Random(seed)
    run = Run(
        scale=scale,
        rng=rng,
        text=Text(rng),
        prefix=prefix,
        draft_share=draft_share,
        landmark=landmark,
        report=report or (lambda label, done, total: None),
    )
    run.images = list(Image.objects.order_by("pk").values_list("pk", flat=True)[:12])
    timings: dict[str, float] = {}
    with translation.override("fr"):
        for loader in scale_loaders():
            started = time.perf_counter()
            loader.make(run)
            timings[loader.key] = time.perf_counter() - started
    if index:
        started = time.perf_counter()
        run.report("search index", 0, 1)
        # By its command: apps.core imports no app above it (docs/architecture.md).
        call_command("rebuild_search_index", stdout=io.StringIO())
        run.report("search index", 1, 1)
        timings["index"] = time.perf_counter() - started
    page_cache.invalidate_on_commit()
    return timings


def foreign_content() -> dict[str, int]:
    """Rows of the models the generator writes that it did not write (no `scale-` address), by
    model: a database with any is someone's content."""
    found = {}
    for loader in scale_loaders():
        for model in loader.models:
            field_name = "slug_fr" if _translated_slug(model) else "slug"
            count = model.objects.exclude(**{f"{field_name}__startswith": f"{PREFIX}-"}).count()
            if count:
                found[model._meta.label] = count
    return found


def analyze() -> None:
    """Fresh statistics for every table, as autovacuum leaves them soon after a bulk load."""
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
