"""The pages' own redirects join the site's general redirect table (apps.core.Redirect), which
every public model now uses and editors see on one screen; then the old table goes."""

from django.db import migrations

from apps.pages.migrations._redirects_0013 import site_redirect


def forward(apps, schema_editor):
    PageRedirect = apps.get_model("pages", "PageRedirect")
    Page = apps.get_model("pages", "Page")
    Redirect = apps.get_model("core", "Redirect")
    ContentType = apps.get_model("contenttypes", "ContentType")
    paths = {page["pk"]: page for page in Page.objects.values("pk", "path_fr", "path_en")}
    for row in PageRedirect.objects.all():
        page = paths.get(row.page_id)
        new_path = f"/{row.language}/{page[f'path_{row.language}']}/" if page else None
        site_redirect(
            Redirect, ContentType, row.language, row.old_path, row.page_id, row.target, new_path
        )


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("core", "0011_redirect_leads_to_its_item"),
        ("pages", "0012_drop_old_history_tables"),
    ]

    operations = [
        migrations.RunPython(forward, migrations.RunPython.noop),
        migrations.DeleteModel(name="PageRedirect"),
    ]
