"""The MC21 section loaded by an older `load_demo`, rewritten where an editor has not changed it
(only rows whose text is still the older demo's):

- MC21 is told in the past (the center's page: led by Institut Curie until 2021), the center in
  the present;
- the opening milestone loses "(sample date)", the supporters lose "(sample)";
- the site settings' donation link, which pointed at the support page itself, now points at
  Institut Curie's site (editors set the real donation page before launch), so the support
  page's "Make a donation" button leads somewhere else than back to it.

The words are frozen in _texts_0002.py beside it.
"""

from django.core.cache import cache
from django.db import migrations

from apps.mc21.migrations._texts_0002 import (
    DONATION_URL,
    HISTORY_BODY,
    MILESTONE_OPENING_TEXT,
    OLD_DONATION_URLS,
    OLD_HISTORY_BODY,
    OLD_MILESTONE_OPENING_TEXT,
    OLD_ROOT_BODY,
    OLD_ROOT_INTRO,
    OLD_SUPPORTERS,
    ROOT_BODY,
    ROOT_INTRO,
)


def _set(row, field, fr, en):
    setattr(row, field, fr)  # the untranslated column follows the default language, French
    setattr(row, f"{field}_fr", fr)
    setattr(row, f"{field}_en", en)


def forward(apps, schema_editor):
    Page = apps.get_model("pages", "Page")
    Milestone = apps.get_model("mc21", "Milestone")
    Supporter = apps.get_model("mc21", "Supporter")
    SiteSettings = apps.get_model("core", "SiteSettings")

    for page in Page.objects.filter(kind="mc21", path_fr="mc21"):
        changed = False
        if page.intro_fr == OLD_ROOT_INTRO[0]:
            _set(page, "intro", *ROOT_INTRO)
            changed = True
        if page.body_fr == OLD_ROOT_BODY[0]:
            _set(page, "body", *ROOT_BODY)
            changed = True
        if changed:
            page.save()
    for page in Page.objects.filter(path_fr="mc21/histoire", body_fr=OLD_HISTORY_BODY[0]):
        _set(page, "body", *HISTORY_BODY)
        page.save()

    for milestone in Milestone.objects.filter(is_sample=True, text_fr=OLD_MILESTONE_OPENING_TEXT[0]):
        _set(milestone, "text", *MILESTONE_OPENING_TEXT)
        milestone.save()

    for supporter in Supporter.objects.filter(is_sample=True, name_fr__in=OLD_SUPPORTERS):
        name_fr, name_en, _kind = OLD_SUPPORTERS[supporter.name_fr]
        _set(supporter, "name", name_fr, name_en)
        supporter.save()

    settings_row = SiteSettings.objects.filter(pk=1).first()
    if settings_row is not None and (
        settings_row.donation_url_fr,
        settings_row.donation_url_en,
    ) == OLD_DONATION_URLS:
        _set(settings_row, "donation_url", DONATION_URL, DONATION_URL)
        settings_row.save()
        cache.delete("core:site-settings:v1")  # SiteSettings.CACHE_KEY


class Migration(migrations.Migration):
    dependencies = [
        ("mc21", "0001_initial"),
        ("pages", "0009_demo_pages_tell_the_truth"),
        ("core", "0004_historicalsitesettings_access_accessibility_and_more"),
    ]

    operations = [migrations.RunPython(forward, migrations.RunPython.noop)]
