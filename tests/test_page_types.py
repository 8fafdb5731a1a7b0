"""Every registered public page type, in both languages: status, HTML validity, query counts.

The accessibility checks in a real browser are in tests/browser/test_page_types_browser.py.
"""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.conftest import run_vnu
from tests.pagetypes import LANGUAGES, all_page_types, case_id, fetch, page_cases

pytestmark = pytest.mark.django_db


def test_every_app_registers_pages():
    names = {pt.name for pt in all_page_types()}
    assert {"pages:home", "core:404"} <= names


@pytest.mark.parametrize(("page_type", "lang"), page_cases(), ids=case_id)
def test_status_and_language(client, page_type, lang):
    data = page_type.populate(page_type.small)
    response = fetch(client, page_type, data, lang)
    assert response.status_code == page_type.status
    html = response.content.decode()
    assert f'<html lang="{lang}">' in html
    assert response["Content-Type"].startswith("text/html")


def _count_queries(client, page_type, data, lang) -> tuple[int, list[str]]:
    cache.clear()
    if page_type.user is not None:
        client.force_login(page_type.user(data))  # the log-in's own queries are not the page's
    with CaptureQueriesContext(connection) as ctx:
        response = fetch(client, page_type, data, lang, log_in=False)
    assert response.status_code == page_type.status, (page_type, data)
    return len(ctx), [q["sql"] for q in ctx.captured_queries]


@pytest.mark.parametrize(("page_type", "lang"), page_cases(), ids=case_id)
def test_query_count_does_not_grow(client, page_type, lang):
    small = page_type.populate(page_type.small)
    small_count, small_sql = _count_queries(client, page_type, small, lang)
    large = page_type.populate(page_type.large)
    large_count, large_sql = _count_queries(client, page_type, large, lang)
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
            response = fetch(client, page_type, data, lang)
            assert response.status_code == page_type.status, page_type
            documents[f"{page_type} [{lang}]"] = response.content.decode()
    errors = run_vnu(documents, tmp_path)  # fails unless every document was checked
    failing = {name: found for name, found in errors.items() if found}
    assert not failing, failing


# Public addresses that are not HTML pages, and where each is checked instead.
NOT_PAGES = {
    "robots": "tests/core/test_sitemap_robots.py",
    "sitemap": "tests/core/test_sitemap_robots.py",
    "healthz": "tests/core/test_health.py",
    "favicon": "a redirect to the static file",
    "follow-link": "tests/core/test_links.py (a redirect to the linked item)",
    "news:feed-rss": "tests/news/test_feeds_and_calendars.py (feedparser)",
    "news:feed-atom": "tests/news/test_feeds_and_calendars.py (feedparser)",
    "news:feed-rss-category": "tests/news/test_feeds_and_calendars.py (feedparser)",
    "news:feed-atom-category": "tests/news/test_feeds_and_calendars.py (feedparser)",
    "news:calendar-ics": "tests/news/test_feeds_and_calendars.py (icalendar)",
    "news:event-ics": "tests/news/test_feeds_and_calendars.py (icalendar)",
    "teams:person-vcard": "tests/teams/test_views.py (vobject)",
    "search:opensearch": "tests/search/test_search_box.py (OpenSearch XML, xml.etree)",
}


def public_url_names() -> set[str]:
    """The names of the site's URL patterns, the admin's aside ("namespace:name")."""
    from django.urls import URLResolver, get_resolver

    names = set()

    def walk(patterns, namespace):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                if pattern.namespace == "admin":
                    continue
                inner = ":".join(filter(None, [namespace, pattern.namespace]))
                walk(pattern.url_patterns, inner)
            elif pattern.name:
                names.add(":".join(filter(None, [namespace, pattern.name])))
            else:
                names.add(f"(unnamed) {pattern.pattern}")

    walk(get_resolver().url_patterns, "")
    return names


def test_every_public_url_has_a_page_type():
    """A public URL added without a page type (or a reason in NOT_PAGES) fails the suite."""
    from django.urls import Resolver404, resolve

    covered = set()
    for page_type in all_page_types():
        data = page_type.populate(page_type.small)
        urlconf = (page_type.settings or {}).get("ROOT_URLCONF")
        for lang in LANGUAGES:
            try:
                match = resolve(page_type.path(data, lang).split("?")[0], urlconf)
            except Resolver404:
                continue
            covered.add(match.view_name)
    public = public_url_names()
    assert "teams:team-list" in public and "news:feed-rss" in public  # the walk finds them
    missing = public - covered - set(NOT_PAGES)
    assert not missing, f"public URLs with no page type (tests/<app>/pagetypes.py): {missing}"
    stale = set(NOT_PAGES) - public
    assert not stale, f"NOT_PAGES names URLs that no longer exist: {stale}"
