"""The accessibility statement loaded by an older `load_demo` ("partially compliant", with no
rate, no audit, "to be completed") is replaced, where no editor has changed it, by one that backs
its claim: the compliance rate and date of the December 2026 audit, the pages audited, each
known non-conformity with its criterion and the way round it, and a working contact (the contact
form and the postal address). The site settings get the audit's date unless one is set.

The texts are frozen in _texts_0010.py beside it.
"""

from django.db import migrations

from apps.pages.migrations._texts_0010 import (
    AUDIT_DATE,
    BODY_EN,
    BODY_FR,
    OLD_BODY_EN,
    OLD_BODY_FR,
)


def forward(apps, schema_editor):
    Page = apps.get_model("pages", "Page")
    SiteSettings = apps.get_model("core", "SiteSettings")
    replaced = False
    for page in Page.objects.filter(kind="accessibility", body_fr=OLD_BODY_FR):
        english = page.body_en
        page.body = BODY_FR  # the untranslated column follows the default language, French
        page.body_fr = BODY_FR
        page.body_en = BODY_EN if english in ("", None, OLD_BODY_EN) else english
        page.save(update_fields=["body", "body_fr", "body_en"])
        replaced = True
    if replaced:
        SiteSettings.objects.filter(pk=1, accessibility_audit_date__isnull=True).update(
            accessibility_audit_date=AUDIT_DATE
        )


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0005_image_decorative"),
        ("pages", "0009_demo_pages_tell_the_truth"),
    ]

    operations = [migrations.RunPython(forward, migrations.RunPython.noop)]
