"""The history kept so far by django-simple-history becomes django-reversion versions, so an
editor's history screen starts with everything recorded before the move: each created or changed
row is one version (the item's own fields in both languages; the old history kept no inline rows
nor many-to-many links, so those versions restore the item's fields only), and an item whose last
record is a deletion goes to the bin. The old tables are dropped by each app's next migration."""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.db import migrations

# (app, model) of each history table; the historical model is "Historical" + model.
HISTORIES = [
    ("core", "SiteSettings"),
    ("care", "ClinicalTrial"),
    ("news", "NewsArticle"),
    ("news", "Event"),
    ("pages", "HomePage"),
    ("pages", "Page"),
    ("teams", "Team"),
    ("teams", "Person"),
    ("teams", "Membership"),
]
NAME_FIELDS = ("title_fr", "title", "name_fr", "name", "site_name_fr", "site_name")


def _name(model, row) -> str:
    if model.__name__ == "Person":
        return f"{row.first_name} {row.last_name}".strip()
    for name in NAME_FIELDS:
        value = getattr(row, name, None)
        if value:
            return str(value)[:191]
    return f"{model._meta.verbose_name} #{row.pk if hasattr(row, 'pk') else ''}"


def _serialized(model, row) -> str:
    fields = {}
    for field in model._meta.concrete_fields:
        if field.primary_key:
            continue
        fields[field.name] = getattr(row, field.attname, None)
    item = {"model": model._meta.label_lower, "pk": row.id, "fields": fields}
    return json.dumps([item], cls=DjangoJSONEncoder)


def forwards(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Revision = apps.get_model("reversion", "Revision")
    Version = apps.get_model("reversion", "Version")
    BinEntry = apps.get_model("core", "BinEntry")
    for app_label, model_name in HISTORIES:
        model = apps.get_model(app_label, model_name)
        history = apps.get_model(app_label, f"Historical{model_name}")
        content_type, _created = ContentType.objects.get_or_create(
            app_label=app_label, model=model_name.lower()
        )
        rows = list(history.objects.order_by("history_date", "history_id"))
        last_of = {row.id: row for row in rows}
        existing = set(model.objects.values_list("pk", flat=True))
        for row in rows:
            deleted = row.history_type == "-"
            if deleted and (last_of[row.id] is not row or row.id in existing):
                continue
            revision = Revision.objects.create(
                date_created=row.history_date,
                user_id=row.history_user_id,
                comment=(row.history_change_reason or "")[:100] if not deleted else "Deleted",
            )
            Version.objects.create(
                revision=revision,
                content_type=content_type,
                object_id=str(row.id),
                db="default",
                format="json",
                serialized_data=_serialized(model, row),
                object_repr=_name(model, row),
            )
            if deleted:
                BinEntry.objects.create(
                    content_type=content_type,
                    object_id=str(row.id),
                    object_repr=_name(model, row)[:300],
                    deleted_at=row.history_date,
                    deleted_by_id=row.history_user_id,
                    revision=revision,
                    links={},
                )


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("reversion", "0002_add_index_on_version_for_content_type_and_db"),
        ("core", "0008_bin"),
        ("care", "0008_demo_care_tells_the_truth"),
        ("news", "0003_demo_news_tells_the_truth"),
        ("pages", "0011_help_texts_say_where_hours_come_from"),
        ("teams", "0005_publication_language"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
