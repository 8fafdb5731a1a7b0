"""The stored search document of every indexed object, drafts included: what visitors may see
is decided at query time, by joining back to each source's public queryset."""

from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.db import models

# Text search configurations created by migration 0001: the language's stemming, unaccented.
CONFIGS = {"fr": "portal_fr", "en": "portal_en"}


class SearchDocument(models.Model):
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    title_fr = models.CharField(max_length=600)
    title_en = models.CharField(max_length=600)
    summary_fr = models.TextField(blank=True)
    summary_en = models.TextField(blank=True)
    body_fr = models.TextField(blank=True)
    body_en = models.TextField(blank=True)
    # Addresses in each language, kept current with the object (a moved page saves its children).
    url_fr = models.CharField(max_length=1000, blank=True)
    url_en = models.CharField(max_length=1000, blank=True)
    # Both titles, lower case without accents (apps.search.text.fold): the trigram index for typos.
    names = models.TextField(blank=True)
    vector_fr = SearchVectorField(null=True)
    vector_en = SearchVectorField(null=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["content_type", "object_id"], name="search_doc_once")
        ]
        indexes = [
            GinIndex(fields=["vector_fr"], name="search_vector_fr"),
            GinIndex(fields=["vector_en"], name="search_vector_en"),
            GinIndex(fields=["names"], name="search_names_trgm", opclasses=["gin_trgm_ops"]),
        ]

    def __str__(self) -> str:
        return self.title_fr
