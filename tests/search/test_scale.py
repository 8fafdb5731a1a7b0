"""At the issue's scale (10,000 people, 500 teams, 20,000 publications, 30,000 articles) the
site search and the directories' text filter read the GIN indexes, never the whole
search_searchdocument table, and still find the right rows.

The data is made once for the module, in a transaction rolled back at the end."""

from __future__ import annotations

import json
import time

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.utils import translation

from apps.search.query import counts, filter_queryset, search, suggestion, with_headlines
from apps.search.text import clean_query, fold
from apps.teams.models import Person, Team
from tests.search.scale import FULL, LANDMARK, analyze, generate

pytestmark = pytest.mark.django_db

TABLE = "search_searchdocument"
TEXT_INDEXES = {"fr": "search_vector_fr", "en": "search_vector_en"}
TRIGRAM_INDEX = "search_names_trgm"


@pytest.fixture(scope="module")
def big_data(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        started = time.perf_counter()
        timings = generate(FULL)
        analyze()
        timings["total"] = time.perf_counter() - started
        print(f"\nscale data: {timings}")
        yield timings
        transaction.set_rollback(True)


def plan(queryset) -> dict:
    """The planner's plan of a queryset's SQL (EXPLAIN, JSON), without running it."""
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}", params)
        raw = cursor.fetchone()[0]
    return (json.loads(raw) if isinstance(raw, str) else raw)[0]["Plan"]


def nodes(node: dict):
    yield node
    for child in node.get("Plans", ()):
        yield from nodes(child)


def text(node: dict, depth: int = 0) -> str:
    """The plan's nodes, one a line, for the failure message."""
    name = node["Node Type"]
    where = node.get("Index Name") or node.get("Relation Name") or ""
    lines = [f"{'  ' * depth}{name} {where}".rstrip()]
    for child in node.get("Plans", ()):
        lines.append(text(child, depth + 1))
    return "\n".join(lines)


def document_scans(root: dict) -> tuple[set[str], list[str]]:
    """The indexes read on search_searchdocument, and the kinds of its sequential scans."""
    indexes, seq = set(), []
    for node in nodes(root):
        if node.get("Relation Name") == TABLE and node["Node Type"] == "Seq Scan":
            seq.append(node["Node Type"])
        if "Index Name" in node and node.get("Relation Name", TABLE) == TABLE:
            indexes.add(node["Index Name"])
    return indexes, seq


def assert_uses(queryset, *expected: str) -> None:
    root = plan(queryset)
    indexes, seq = document_scans(root)
    shown = text(root)
    assert not seq, f"sequential scan of {TABLE}:\n{shown}"
    for name in expected:
        assert name in indexes, f"{name} not used:\n{shown}"


def bitmap_or_over(root: dict, *names: str) -> bool:
    for node in nodes(root):
        if node["Node Type"] == "BitmapOr":
            below = {n.get("Index Name") for n in nodes(node)}
            if set(names) <= below:
                return True
    return False


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("query", ["lymphocytes mélanome", "Chevaliar", "immuno"])
def test_site_search_reads_both_indexes(big_data, lang, query):
    documents = search(clean_query(query), lang)
    root = plan(documents)
    assert_uses(documents, TEXT_INDEXES[lang], TRIGRAM_INDEX)
    # Text OR trigram: one bitmap per index, OR-ed.
    assert bitmap_or_over(root, TEXT_INDEXES[lang], TRIGRAM_INDEX), text(root)
    # The page a visitor gets: 20 results with their excerpts.
    assert_uses(with_headlines(documents, query, lang)[:20], TEXT_INDEXES[lang], TRIGRAM_INDEX)


def test_type_filter_and_counts(big_data):
    documents = search("lymphocytes", "fr")
    person = ContentType.objects.get_for_model(Person)
    assert_uses(documents.filter(content_type=person), TEXT_INDEXES["fr"], TRIGRAM_INDEX)
    assert_uses(
        documents.order_by().values("content_type").annotate(),
        TEXT_INDEXES["fr"],
        TRIGRAM_INDEX,
    )
    found = counts(documents)
    assert sum(found.values()) > 1000, found
    assert found[person.pk] > 100, found


def test_suggestion_reads_the_trigram_index(big_data):
    from apps.core.registry import search_sources
    from apps.search.models import SearchDocument
    from apps.search.query import public_q

    # The query suggestion() runs, as it builds it.
    nearest = SearchDocument.objects.filter(public_q(search_sources())).filter(
        names__trigram_word_similar="chevaliar"
    )
    assert_uses(nearest, TRIGRAM_INDEX)
    assert suggestion("Chevaliar", "fr") == "Chevalier"


@pytest.mark.parametrize("model", [Person, Team])
def test_directory_filter_reads_the_indexes(big_data, model):
    with translation.override("fr"):
        found = filter_queryset(model.objects.published(), "Chevaliar")
        assert_uses(found, TRIGRAM_INDEX)
        assert_uses(filter_queryset(model.objects.published(), "lymphocytes"), "search_vector_fr")


def test_right_answers_at_scale(big_data):
    landmark = f"{LANDMARK['title']} {LANDMARK['first_name']} {LANDMARK['last_name']}"
    # A misspelt name that one person has: found first.
    assert search(clean_query("Vautrain Kerjean"), "fr")[0].title_fr == landmark
    # A misspelt common name: the first results are people and teams of that name.
    first = list(search(clean_query("Chevaliar"), "fr")[:10])
    assert len(first) == 10
    assert all("chevalier" in doc.names for doc in first), [d.names for d in first]
    with translation.override("fr"):
        people = list(filter_queryset(Person.objects.published(), "Chevaliar")[:5])
        assert people and all(p.last_name == "Chevalier" for p in people)
        teams = list(filter_queryset(Team.objects.published(), "lymphocytes mélanome")[:5])
        assert len(teams) == 5
        assert all("lymphocyte" in fold(t.name_fr + t.summary_fr) for t in teams)
    # A subject in English: many results, the best with both words in the title.
    best = search(clean_query("dendritic cells melanoma"), "en")[0]
    assert "dendritic cells" in best.title_en and "melanoma" in best.title_en
