"""Every registered public page type, in both languages: status, HTML validity, query counts.

The accessibility checks in a real browser are in tests/browser/test_page_types_browser.py.
"""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.conftest import run_vnu
from tests.pagetypes import LANGUAGES, all_page_types, case_id, page_cases

pytestmark = pytest.mark.django_db


def test_every_app_registers_pages():
    names = {pt.name for pt in all_page_types()}
    assert {"pages:home", "core:404"} <= names


@pytest.mark.parametrize(("page_type", "lang"), page_cases(), ids=case_id)
def test_status_and_language(client, page_type, lang):
    data = page_type.populate(page_type.small)
    response = client.get(page_type.path(data, lang))
    assert response.status_code == page_type.status
    html = response.content.decode()
    assert f'<html lang="{lang}">' in html
    assert response["Content-Type"].startswith("text/html")


def _count_queries(client, path) -> tuple[int, list[str]]:
    cache.clear()
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(path)
    assert response.status_code < 500
    return len(ctx), [q["sql"] for q in ctx.captured_queries]


@pytest.mark.parametrize(("page_type", "lang"), page_cases(), ids=case_id)
def test_query_count_does_not_grow(client, page_type, lang):
    small = page_type.populate(page_type.small)
    small_count, small_sql = _count_queries(client, page_type.path(small, lang))
    large = page_type.populate(page_type.large)
    large_count, large_sql = _count_queries(client, page_type.path(large, lang))
    assert large_count == small_count, (
        f"{page_type}: {small_count} queries with {page_type.small} items, "
        f"{large_count} with {page_type.large}:\n" + "\n".join(large_sql)
    )


def test_html_is_valid(client, tmp_path):
    """All pages, both languages, checked by one run of the Nu HTML Checker."""
    documents = {}
    for page_type in all_page_types():
        data = page_type.populate(page_type.small)
        for lang in LANGUAGES:
            response = client.get(page_type.path(data, lang))
            assert response.status_code == page_type.status, page_type
            documents[f"{page_type} [{lang}]"] = response.content.decode()
    errors = run_vnu(documents, tmp_path)
    assert set(errors) >= set(documents), "the checker did not report on every page"
    failing = {name: found for name, found in errors.items() if found}
    assert not failing, failing
