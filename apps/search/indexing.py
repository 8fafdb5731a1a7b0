"""Building the stored documents from what the content apps register."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import SearchVector
from django.db import connection, transaction
from django.utils import translation

from apps.core import page_cache
from apps.core.registry import SearchSource, search_sources
from apps.search.models import CONFIGS, SearchDocument
from apps.search.text import fold, index_text

FIELDS = ("title", "summary", "body")
WEIGHTS = {"title": "A", "summary": "B", "body": "C"}
CHUNK = 500


def source_for(model) -> SearchSource | None:
    concrete = model._meta.concrete_model
    for source in search_sources():
        if source.model is concrete:
            return source
    return None


def _document(source: SearchSource, content_type, obj) -> SearchDocument:
    texts = source.texts(obj)
    values = {}
    for name in FIELDS:
        french = index_text(texts.get(f"{name}_fr", ""))
        values[f"{name}_fr"] = french
        # An empty English text falls back to the French one, as the pages do.
        values[f"{name}_en"] = index_text(texts.get(f"{name}_en", "")) or french
    values["title_fr"] = values["title_fr"][:600]
    values["title_en"] = values["title_en"][:600]
    for lang in CONFIGS:
        with translation.override(lang):
            url = source.url(obj) if source.url else obj.get_absolute_url()
            values[f"url_{lang}"] = url[:1000]
    names = {fold(values["title_fr"]), fold(values["title_en"]), fold(texts.get("names", ""))}
    return SearchDocument(
        content_type=content_type,
        object_id=obj.pk,
        names=" ".join(sorted(n for n in names if n)),
        **values,
    )


def _vector(lang: str):
    config = CONFIGS[lang]
    vectors = [
        SearchVector(f"{name}_{lang}", weight=weight, config=config)
        for name, weight in WEIGHTS.items()
    ]
    combined = vectors[0]
    for vector in vectors[1:]:
        combined = combined + vector
    return combined


def _save(content_type, documents: list[SearchDocument]) -> None:
    if not documents:
        return
    update = [f"{name}_{lang}" for name in FIELDS for lang in CONFIGS] + [
        "url_fr",
        "url_en",
        "names",
        "updated_at",
    ]
    SearchDocument.objects.bulk_create(
        documents,
        update_conflicts=True,
        unique_fields=["content_type", "object_id"],
        update_fields=update,
    )
    SearchDocument.objects.filter(
        content_type=content_type, object_id__in=[d.object_id for d in documents]
    ).update(vector_fr=_vector("fr"), vector_en=_vector("en"))
    # Written without model signals: search result pages kept in the cache are forgotten when
    # the index's transaction commits.
    page_cache.invalidate_on_commit()


def index_objects(model, pks: Iterable[int]) -> None:
    """(Re)build the documents of these objects of one model; delete those of objects gone."""
    source = source_for(model)
    if source is None:
        return
    pks = set(pks)
    content_type = ContentType.objects.get_for_model(source.model)
    objects = list(source.prefetch(source.model._default_manager.filter(pk__in=pks)))
    with transaction.atomic():
        _save(content_type, [_document(source, content_type, obj) for obj in objects])
        gone = pks - {obj.pk for obj in objects}
        if gone:
            SearchDocument.objects.filter(content_type=content_type, object_id__in=gone).delete()
            page_cache.invalidate_on_commit()


def rebuild(progress: Callable[[str, int, int], None] | None = None) -> int:
    """Every document again, in bulk, source by source; returns how many."""
    total = 0
    for source in search_sources():
        content_type = ContentType.objects.get_for_model(source.model)
        queryset = source.prefetch(source.model._default_manager.order_by("pk"))
        count = queryset.count()
        done = 0
        with transaction.atomic():
            SearchDocument.objects.filter(content_type=content_type).delete()
            batch: list[SearchDocument] = []
            for obj in queryset.iterator(chunk_size=CHUNK):
                batch.append(_document(source, content_type, obj))
                if len(batch) >= CHUNK:
                    _save(content_type, batch)
                    done += len(batch)
                    batch = []
                    if progress:
                        progress(source.key, done, count)
            _save(content_type, batch)
            done += len(batch)
        if progress:
            progress(source.key, done, count)
        total += done
    settle_index()
    return total


def settle_index() -> None:
    """After a bulk (re)build: merge the GIN indexes' pending lists and refresh the planner's
    statistics, as autovacuum would some time later. Until then the planner counts every
    pending entry into the cost of a GIN scan and may read a whole type's documents instead.
    Runs inside a transaction too (no VACUUM)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT gin_clean_pending_list(i.indexrelid) FROM pg_index i"
            " JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am a ON a.oid = c.relam"
            " WHERE i.indrelid = 'search_searchdocument'::regclass AND a.amname = 'gin'"
        )
        cursor.execute("ANALYZE search_searchdocument")


def demo_rebuild() -> list[str]:
    """The demo loader: the index of everything the other loaders made (creates no content)."""
    rebuild()
    return []
