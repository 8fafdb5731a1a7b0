import django.contrib.postgres.indexes
import django.contrib.postgres.operations
import django.contrib.postgres.search
import django.db.models.deletion
from django.db import migrations, models

# French and English stemming, accents ignored: "Hélène" and "Helene", "immunothérapies" and
# "immunotherapie" give the same lexemes. The unaccent dictionary comes with the extension;
# without it the configurations are plain copies.
CONFIGURATIONS = """
DO $$
DECLARE lang text;
BEGIN
  FOREACH lang IN ARRAY ARRAY['french', 'english'] LOOP
    IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'portal_' || left(lang, 2)) THEN
      EXECUTE format('CREATE TEXT SEARCH CONFIGURATION portal_%s (COPY = %s)', left(lang, 2), lang);
      IF EXISTS (SELECT 1 FROM pg_ts_dict WHERE dictname = 'unaccent') THEN
        EXECUTE format(
          'ALTER TEXT SEARCH CONFIGURATION portal_%s ALTER MAPPING FOR hword, hword_part, word '
          'WITH unaccent, %s_stem', left(lang, 2), lang);
      END IF;
    END IF;
  END LOOP;
END $$;
"""
DROP_CONFIGURATIONS = """
DROP TEXT SEARCH CONFIGURATION IF EXISTS portal_fr;
DROP TEXT SEARCH CONFIGURATION IF EXISTS portal_en;
"""


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("teams", "0001_initial"),
    ]

    operations = [
        django.contrib.postgres.operations.UnaccentExtension(),
        # Trigrams: "Chevaliar" finds Chevalier.
        django.contrib.postgres.operations.TrigramExtension(),
        migrations.RunSQL(CONFIGURATIONS, DROP_CONFIGURATIONS),
        migrations.CreateModel(
            name="SearchDocument",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("object_id", models.PositiveBigIntegerField()),
                ("title_fr", models.CharField(max_length=600)),
                ("title_en", models.CharField(max_length=600)),
                ("summary_fr", models.TextField(blank=True)),
                ("summary_en", models.TextField(blank=True)),
                ("body_fr", models.TextField(blank=True)),
                ("body_en", models.TextField(blank=True)),
                ("url_fr", models.CharField(blank=True, max_length=1000)),
                ("url_en", models.CharField(blank=True, max_length=1000)),
                ("names", models.TextField(blank=True)),
                ("vector_fr", django.contrib.postgres.search.SearchVectorField(null=True)),
                ("vector_en", django.contrib.postgres.search.SearchVectorField(null=True)),
                ("updated_at", models.DateTimeField(auto_now=True)),
                (
                    "content_type",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="contenttypes.contenttype",
                    ),
                ),
            ],
            options={
                "indexes": [
                    django.contrib.postgres.indexes.GinIndex(
                        fields=["vector_fr"], name="search_vector_fr"
                    ),
                    django.contrib.postgres.indexes.GinIndex(
                        fields=["vector_en"], name="search_vector_en"
                    ),
                    django.contrib.postgres.indexes.GinIndex(
                        fields=["names"], name="search_names_trgm", opclasses=["gin_trgm_ops"]
                    ),
                ],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("content_type", "object_id"), name="search_doc_once"
                    )
                ],
            },
        ),
    ]
