"""Demo pages loaded by an older `load_demo`, rewritten where an editor has not changed them:

- the leftover "Patients" stub page (/fr/informations-patients/, "this page will be
  completed") is deleted, and its two addresses answer 301 to the patients hub (/fr/patients/);
- the support page becomes a donation page (kind "support": the site settings' donation button)
  with the public-generosity facts of the center's own page instead of unsourced claims;
- the sample legal notice and privacy page lose their "to be completed" placeholders.

The texts are frozen in _texts_0009.py beside it. Rows whose text is
not the older demo's are left alone.
"""

from django.db import migrations

from apps.pages.migrations._texts_0009 import (
    LEGAL_BODY,
    OLD_LEGAL_BODY,
    OLD_SUPPORT_BODY,
    PRIVACY_FIXES,
    STUB_INTRO_FR,
    STUB_REDIRECTS,
    SUPPORT_BODY,
)


def _set(row, field, fr, en):
    setattr(row, field, fr)  # the untranslated column follows the default language, French
    setattr(row, f"{field}_fr", fr)
    setattr(row, f"{field}_en", en)


def forward(apps, schema_editor):
    Page = apps.get_model("pages", "Page")
    PageRedirect = apps.get_model("pages", "PageRedirect")

    stub = Page.objects.filter(
        parent__isnull=True, path_fr="informations-patients", intro_fr=STUB_INTRO_FR
    ).first()
    if stub is not None and not Page.objects.filter(parent=stub).exists():
        stub.delete()
        for language, old_path, target in STUB_REDIRECTS:
            if not Page.objects.filter(**{f"path_{language}": old_path}).exists():
                PageRedirect.objects.update_or_create(
                    language=language, old_path=old_path, defaults={"page": None, "target": target}
                )

    for page in Page.objects.filter(parent__isnull=True, path_fr="nous-soutenir"):
        if page.body_fr == OLD_SUPPORT_BODY[0]:
            _set(page, "body", *SUPPORT_BODY)
            page.kind = "support"
            page.save()
        elif page.kind == "standard":
            page.kind = "support"
            page.save(update_fields=["kind"])

    for page in Page.objects.filter(is_sample=True, kind="legal", body_fr=OLD_LEGAL_BODY[0]):
        _set(page, "body", *LEGAL_BODY)
        page.save()

    for page in Page.objects.filter(is_sample=True, kind="privacy"):
        fr, en = page.body_fr or "", page.body_en or ""
        (old_fr, new_fr), (old_en, new_en) = PRIVACY_FIXES
        if old_fr in fr or old_en in en:
            _set(page, "body", fr.replace(old_fr, new_fr), en.replace(old_en, new_en))
            page.save()


class Migration(migrations.Migration):
    dependencies = [("pages", "0008_support_page_and_redirects_to_a_path")]

    operations = [migrations.RunPython(forward, migrations.RunPython.noop)]
