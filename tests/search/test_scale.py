"""At the issue's scale (10,000 people, 500 teams, 20,000 publications, 30,000 articles) the
site search and the directories' text filter read the GIN indexes, never the whole
search_searchdocument table, and still find the right rows.

The data is made once for the module (about 80 s on two cores, most of it in rebuild()), in a
transaction rolled back at the end. Plans are read with EXPLAIN once the data has settled
(statistics, GIN pending lists merged: tests.search.scale.settle)."""

from __future__ import annotations

import json
import os
import time

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from apps.news.models import NewsArticle
from apps.search.query import counts, filter_queryset, search, suggestion, with_headlines
from apps.search.text import clean_query, fold
from apps.teams.models import Person, Team
from tests.factories import SiteSettingsFactory
from tests.search.scale import FULL, LANDMARK, Scale, generate, settle

pytestmark = pytest.mark.django_db

TABLE = "search_searchdocument"
TEXT = {"fr": "search_vector_fr", "en": "search_vector_en"}
TRIGRAM = "search_names_trgm"


# `make test` reads the plans at a quarter of the counts (2,500 people, 5,000
# publications, 7,500 articles: the same plans, a minute sooner); `make bench` runs this module
# again with SEARCH_SCALE_TEST=full, at 10,000 people, 20,000 publications, 30,000 articles.
QUARTER = Scale(
    teams=FULL.teams // 4,
    people=FULL.people // 4,
    publications=FULL.publications // 4,
    articles=FULL.articles // 4,
    events=FULL.events // 4,
    pages=FULL.pages // 4,
)
SCALE = FULL if os.environ.get("SEARCH_SCALE_TEST") == "full" else QUARTER


@pytest.fixture(scope="module")
def big_data(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        started = time.perf_counter()
        timings = generate(SCALE)
        with connection.cursor() as cursor:
            # The deferred foreign-key checks of the bulk load, once here rather than again
            # at the end of every test.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        settle()
        timings["total"] = time.perf_counter() - started
        print(f"\nscale data: {', '.join(f'{k} {v:.1f} s' for k, v in timings.items())}")
        yield timings
        transaction.set_rollback(True)


def explain(sql: str, params=None) -> dict:
    """The planner's plan of one query (EXPLAIN, JSON), without running it."""
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}", params)
        raw = cursor.fetchone()[0]
    return (json.loads(raw) if isinstance(raw, str) else raw)[0]["Plan"]


def plan(queryset) -> dict:
    return explain(*queryset.query.sql_with_params())


def nodes(node: dict):
    yield node
    for child in node.get("Plans", ()):
        yield from nodes(child)


def shown(node: dict, depth: int = 0) -> str:
    """The plan, one node a line, for failure messages."""
    where = node.get("Index Name") or node.get("Relation Name") or ""
    lines = [f"{'  ' * depth}{node['Node Type']} {where}".rstrip()]
    lines += [shown(child, depth + 1) for child in node.get("Plans", ())]
    return "\n".join(lines)


def check(root: dict, *indexes: str, bitmap_or: bool = False) -> None:
    """No sequential scan of the documents; these indexes read (under one BitmapOr when the
    condition is text OR trigram)."""
    text = shown(root)
    for node in nodes(root):
        assert not (node["Node Type"] == "Seq Scan" and node.get("Relation Name") == TABLE), text
    used = {node.get("Index Name") for node in nodes(root)}
    for index in indexes:
        assert index in used, f"{index} not used:\n{text}"
    if bitmap_or:
        assert any(
            node["Node Type"] == "BitmapOr"
            and set(indexes) <= {n.get("Index Name") for n in nodes(node)}
            for node in nodes(root)
        ), f"no BitmapOr over {indexes}:\n{text}"


def document_queries(func, *args) -> list[str]:
    """The SQL, as run, of the queries on the documents that func makes."""
    with CaptureQueriesContext(connection) as context:
        func(*args)
    return [q["sql"] for q in context.captured_queries if f'"{TABLE}"' in q["sql"]]


@pytest.mark.parametrize(
    ("query", "lang"),
    [
        ("glioblastome", "fr"),  # a word, about 3% of the documents
        ("structures lymphoïdes tertiaires", "fr"),  # three words
        ("tebentafusp uveal", "en"),
        ("Chevaliar", "fr"),  # a misspelt name
        ("Chevaliar", "en"),
    ],
)
def test_site_search(big_data, query, lang):
    documents = search(clean_query(query), lang)
    check(plan(documents), TEXT[lang], TRIGRAM, bitmap_or=True)
    # The page a visitor gets: 20 results with their excerpts.
    page = with_headlines(documents, query, lang)[:20]
    check(plan(page), TEXT[lang], TRIGRAM, bitmap_or=True)


@pytest.mark.parametrize(
    ("query", "model"),
    [("glioblastome", Person), ("glioblastome", NewsArticle), ("Chevaliar", Person)],
)
def test_site_search_of_one_type(big_data, query, model):
    content_type = ContentType.objects.get_for_model(model)
    documents = search(query, "fr").filter(content_type=content_type)
    check(plan(documents), TEXT["fr"], TRIGRAM, bitmap_or=True)


def test_counts_and_suggestion(big_data):
    queries = document_queries(counts, search("glioblastome", "fr"))
    assert queries
    for sql in queries:
        check(explain(sql), TEXT["fr"], TRIGRAM, bitmap_or=True)
    queries = document_queries(suggestion, "Chevaliar", "fr")
    assert queries
    for sql in queries:
        check(explain(sql), TRIGRAM)
    assert suggestion("Chevaliar", "fr") == "Chevalier"


def test_results_page(big_data, client):
    """Every query of the view on the documents, as run: counts, page count, page, suggestion."""
    SiteSettingsFactory()
    with CaptureQueriesContext(connection) as context:
        response = client.get("/fr/recherche/", {"q": "glioblastome", "type": "article"})
    assert response.status_code == 200
    assert response.context["total"] > 500
    queries = [q["sql"] for q in context.captured_queries if f'"{TABLE}"' in q["sql"]]
    assert queries
    for sql in queries:
        check(explain(sql), TRIGRAM)


@pytest.mark.parametrize("model", [Person, Team])
def test_directory_filter(big_data, model):
    with translation.override("fr"):
        found = filter_queryset(model.objects.published(), "Chevaliar")
        if model is Team and SCALE is not FULL:
            # 125 teams: reading their documents by type is the planner's right choice; at
            # the full 500 it takes the text and trigram indexes (checked by make bench).
            check(plan(found))
        else:
            check(plan(found), TEXT["fr"], TRIGRAM, bitmap_or=True)


def test_right_answers(big_data):
    landmark = f"{LANDMARK['title']} {LANDMARK['first_name']} {LANDMARK['last_name']}"
    # A misspelt name that one person has: that person first.
    assert search(clean_query("Dr Vautrinn Kerjean"), "fr")[0].title_fr == landmark
    # A misspelt common name: people and teams of that name first, a person at the top.
    first = list(search(clean_query("Chevaliar"), "fr")[:10])
    assert len(first) == 10
    assert all("chevalier" in doc.names for doc in first), [doc.names for doc in first]
    assert first[0].content_type == ContentType.objects.get_for_model(Person)
    with translation.override("fr"):
        people = list(filter_queryset(Person.objects.published(), "Chevaliar")[:5])
        assert len(people) == 5
        assert all(person.last_name == "Chevalier" for person in people)
        teams = list(filter_queryset(Team.objects.published(), "glioblastome")[:5])
        assert len(teams) == 5
        # The best first: the word in the team's name or summary, not only in its description.
        assert "glioblastome" in fold(f"{teams[0].name_fr} {teams[0].summary_fr}")
    # Subjects in both languages: the best result has every word in its title.
    best = search(clean_query("structures lymphoïdes tertiaires"), "fr")[0]
    assert "structures lymphoïdes tertiaires" in best.title_fr.lower()
    best = search(clean_query("dendritic cells melanoma"), "en")[0]
    assert "dendritic cells" in best.title_en.lower() and "melanoma" in best.title_en.lower()
