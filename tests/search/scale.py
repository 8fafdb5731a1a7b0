"""Content at scale for the site search's plan test and benchmark: the counts of issue 11 (the
institute's people, publications and articles; fewer events and pages than `INSTITUTE`), made by
the shared generator (apps.core.scale, `manage.py generate_scale_data`)."""

from __future__ import annotations

from apps.core.scale import LANDMARK, Scale, analyze, generate
from apps.search.indexing import settle_index

__all__ = ["FULL", "LANDMARK", "Scale", "generate", "settle"]

FULL = Scale(teams=500, people=10_000, publications=20_000, articles=30_000, events=300, pages=40)


def settle() -> None:
    """The state autovacuum leaves soon after a bulk load: the search index settled (rebuild()
    does it) and fresh statistics for every table the searches join."""
    settle_index()
    analyze()
