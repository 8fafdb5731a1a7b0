"""Patients' contacts, consultations and trials loaded by an older `load_demo`, rewritten where
an editor has not changed them (only rows whose text is still the older demo's):

- the switchboard (the main patient line) gets its hours: every day, around the clock, so the
  footer can say "24 hours a day, 7 days a week" from the data;
- the sample services (appointments, the coordinating nurse, referring physicians, trials) are
  named as services, lose their copy of the switchboard's number (they are reached through it:
  the patients page shows the number once) and keep their own hours;
- sample consultations and trials lose "sample"/"(exemple)" and "it does not exist", get
  plain-language texts, and name a sample physician, never the real medical director;
- the site settings' opening-hours text (shown when no contact point has hours) agrees with the
  contact points, and "to be completed" leaves the access information.

The words are frozen in _texts_0008.py beside it.
"""

import datetime

from django.core.cache import cache
from django.db import migrations

from apps.care.migrations._texts_0008 import (
    ACCESS_TRANSPORT,
    CONSULTATION_TEXTS,
    OLD_ACCESS_ACCESSIBILITY,
    OLD_ACCESS_TRANSPORT,
    OLD_CONSULTATION_DESCRIPTIONS,
    OLD_POINT_NAMES,
    OLD_TRIAL_SUMMARY_FR,
    OLD_TRIAL_TITLES,
    POINT_HOURS,
    POINT_NAMES,
    TRIAL_TEXTS,
    TRIAL_TITLES,
)
from apps.care.migrations._texts_0008 import OLD_OPENING_HOURS, OPENING_HOURS

SWITCHBOARD = "01 44 32 40 00"
OLD_MAIN_PURPOSE_FR = "Joindre un service de l'hôpital, jour et nuit, 7 jours sur 7"
REAL_DIRECTORS = ("emanuela-romano", "sebastian-amigorena")


def _set(row, field, fr, en):
    setattr(row, field, fr)  # the untranslated column follows the default language, French
    setattr(row, f"{field}_fr", fr)
    setattr(row, f"{field}_en", en)


def forward(apps, schema_editor):
    ContactPoint = apps.get_model("care", "ContactPoint")
    OpeningSlot = apps.get_model("care", "OpeningSlot")
    Consultation = apps.get_model("care", "Consultation")
    ClinicalTrial = apps.get_model("care", "ClinicalTrial")
    Person = apps.get_model("teams", "Person")
    SiteSettings = apps.get_model("core", "SiteSettings")

    main = ContactPoint.objects.filter(
        slug="standard", is_main_line=True, purpose_fr=OLD_MAIN_PURPOSE_FR
    ).first()
    if main is not None and not OpeningSlot.objects.filter(contact_point=main).exists():
        OpeningSlot.objects.bulk_create(
            OpeningSlot(
                contact_point=main,
                weekday=day,
                opens=datetime.time(0),
                closes=datetime.time(23, 59),
            )
            for day in range(7)
        )

    old_hours = [(day, datetime.time(9), datetime.time(17)) for day in range(5)]
    for point in ContactPoint.objects.filter(is_sample=True, slug__in=OLD_POINT_NAMES):
        if point.name_fr != OLD_POINT_NAMES[point.slug][0]:
            continue
        _set(point, "name", *POINT_NAMES[point.slug])
        if point.phone == SWITCHBOARD and not point.is_main_line:
            point.phone = ""
        point.save()
        slots = OpeningSlot.objects.filter(contact_point=point).order_by("weekday", "opens")
        if [(s.weekday, s.opens, s.closes) for s in slots] == old_hours:
            opens, closes = POINT_HOURS[point.slug]
            slots.update(opens=opens, closes=closes)

    physician = (
        Person.objects.filter(
            is_sample=True, memberships__team__slug="essais-precoces", memberships__role="head"
        )
        .order_by("pk")
        .first()
    )
    directors = list(Person.objects.filter(slug__in=REAL_DIRECTORS, is_sample=False))

    for consultation in Consultation.objects.filter(
        is_sample=True, slug__in=CONSULTATION_TEXTS, description_fr=OLD_CONSULTATION_DESCRIPTIONS[0]
    ):
        _set(consultation, "description", *CONSULTATION_TEXTS[consultation.slug])
        consultation.save()
        if directors and consultation.physicians.filter(pk__in=[d.pk for d in directors]):
            consultation.physicians.remove(*directors)
            if physician is not None:
                consultation.physicians.add(physician)

    for trial in ClinicalTrial.objects.filter(is_sample=True, acronym__in=TRIAL_TEXTS):
        changed = False
        if trial.title_fr == OLD_TRIAL_TITLES[trial.acronym][0]:
            _set(trial, "title", *TRIAL_TITLES[trial.acronym])
            changed = True
        if trial.summary_fr == OLD_TRIAL_SUMMARY_FR:
            _set(trial, "summary", *TRIAL_TEXTS[trial.acronym])
            if trial.investigator_id in [d.pk for d in directors]:
                trial.investigator = physician
            changed = True
        if changed:
            trial.save()

    settings_row = SiteSettings.objects.filter(pk=1).first()
    if settings_row is not None:
        changed = False
        if settings_row.opening_hours_fr == OLD_OPENING_HOURS[0]:
            _set(settings_row, "opening_hours", *OPENING_HOURS)
            changed = True
        if settings_row.access_transport_fr == OLD_ACCESS_TRANSPORT[0]:
            _set(settings_row, "access_transport", *ACCESS_TRANSPORT)
            changed = True
        if settings_row.access_accessibility_fr == OLD_ACCESS_ACCESSIBILITY[0]:
            settings_row.access_accessibility = ""
            settings_row.access_accessibility_fr = settings_row.access_accessibility_en = None
            changed = True
        if changed:
            settings_row.save()
    # SiteSettings.CACHE_KEY and the main line's cache (apps.care.context_processors).
    cache.delete_many(["core:site-settings:v1", "care:main-line:v1", "care:main-line:v2"])


class Migration(migrations.Migration):
    dependencies = [
        ("care", "0007_contact_point_main_line"),
        ("teams", "0004_demo_profiles_tell_the_truth"),
        ("core", "0004_historicalsitesettings_access_accessibility_and_more"),
    ]

    operations = [migrations.RunPython(forward, migrations.RunPython.noop)]
