"""Every public page type runs the same number of queries in a small database and in one filled
by `generate_scale_data` (apps.core.scale), in both languages.

Each page type is built on its own small data (`populate(small)`) added to generated content,
first a few generated rows of each kind, then thousands (people, articles, events): list pages
list the generated rows too, and the same blocks show at both sizes. `make test` generates a
fiftieth of the institute (200 people, 600 articles: pagination, filters and counts run as at
full size); `make bench` runs this module again with PAGE_SCALE_FRACTION=1, the institute's
full counts."""

from __future__ import annotations

import os

import pytest
from django.core.cache import cache
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from apps.core.scale import INSTITUTE, Scale, analyze, generate
from tests.pagetypes import LANGUAGES, all_page_types, fetch

pytestmark = pytest.mark.django_db

FRACTION = float(os.environ.get("PAGE_SCALE_FRACTION", "0.02"))
SMALL = 0.004


class _Rollback(Exception):
    pass


def _counts(client) -> dict[tuple[str, str], tuple[int, list[str]]]:
    """Queries of each page type and language, each on its own small data, rolled back."""
    found = {}
    for page_type in all_page_types():
        if str(page_type).endswith("-no-result"):
            continue  # a filter that matches nothing in a small database matches rows at scale
        for lang in LANGUAGES:
            try:
                with transaction.atomic():
                    data = page_type.populate(page_type.small)
                    cache.clear()
                    if page_type.user is not None:
                        client.force_login(page_type.user(data))
                    else:
                        client.logout()
                    with CaptureQueriesContext(connection) as ctx:
                        response = fetch(client, page_type, data, lang, log_in=False)
                    assert response.status_code == page_type.status, (str(page_type), lang)
                    found[(str(page_type), lang)] = (
                        len(ctx),
                        [query["sql"] for query in ctx.captured_queries],
                    )
                    raise _Rollback
            except _Rollback:
                pass
    return found


def _share(fraction: float) -> Scale:
    return Scale(**{name: round(value * fraction) for name, value in INSTITUTE.__dict__.items()})


def _index_new_rows(progress=None) -> int:
    """What `rebuild()` gives the page types that need the search index, for the rows not yet
    in it only: the generated rows were indexed once, a page type's own rows are indexed here
    (a full rebuild each time would take most of this test's time)."""
    from django.contrib.contenttypes.models import ContentType

    from apps.core.registry import search_sources
    from apps.search.indexing import index_objects
    from apps.search.models import SearchDocument

    for source in search_sources():
        content_type = ContentType.objects.get_for_model(source.model)
        indexed = SearchDocument.objects.filter(content_type=content_type).values("object_id")
        new = source.model._default_manager.exclude(pk__in=indexed).values_list("pk", flat=True)
        index_objects(source.model, list(new))
    return 0


def test_every_page_type_runs_as_many_queries_at_scale(client, monkeypatch):
    monkeypatch.setattr("apps.search.indexing.rebuild", _index_new_rows)
    # Small: a few generated rows of every kind (so that lists and home-page blocks have
    # something to show, as they will at scale), two teams, forty people.
    generate(_share(SMALL))
    small = _counts(client)
    generate(_share(FRACTION - SMALL))
    analyze()
    large = _counts(client)
    grown = {}
    for case, (_count, sql) in large.items():
        before, after = _apart(small[case][1]), _apart(sql)
        # The pictures' renditions are looked up once per list that shows a picture: a list
        # may have one at one size and none at the other, but never more than one look-up.
        if before[0] != after[0] or after[1] > max(before[1], 1) + 1:
            grown[case] = (
                f"{len(small[case][1])} queries small, {len(sql)} at scale; new ones: "
                + " | ".join(_new_queries(small[case][1], sql))
            )
    assert not grown, "\n".join(f"{name} [{lang}]: {text}" for (name, lang), text in grown.items())
    assert len(large) == len(small) >= 2 * 20


def _apart(queries: list[str]) -> tuple[int, int]:
    """(queries other than the renditions' look-ups, renditions' look-ups)."""
    renditions = sum('FROM "core_rendition"' in sql for sql in queries)
    return len(queries) - renditions, renditions


def _new_queries(before: list[str], after: list[str]) -> list[str]:
    """The queries at scale that the small page did not run, shortened (their tables)."""
    import re

    def shape(sql: str) -> str:
        return re.sub(r"\d+|'[^']*'", "?", sql)

    seen = {shape(sql) for sql in before}
    return [
        " ".join(re.findall(r'FROM "(\w+)"', sql)[:3]) or sql[:80]
        for sql in after
        if shape(sql) not in seen
    ]
