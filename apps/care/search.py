"""What the site search indexes of the patients' pages (registered in apps.py)."""

from django.db.models import Prefetch
from django.utils import translation
from django.utils.translation import gettext

from apps.care.models import CancerType, ClinicalTrial, Consultation, ContactPoint
from apps.core.search_text import plain, texts
from apps.teams.models import Person

# Only what visitors may see goes into the text: a draft investigator, physician or cancer type
# is no more findable through a trial or a consultation than on its page.


def trial_texts(trial) -> dict[str, str]:
    investigator = trial.investigator
    name = investigator.display_name if investigator and investigator.is_published() else ""
    # "2099-500001-11-00" is read as signed numbers by the text parser: also index it spaced.
    euct = trial.euct_number or ""
    result = texts(
        trial,
        title="title",
        summary=("summary",),
        body=("eligibility",),
        extra_summary=(trial.acronym, trial.nct_number or "", euct, euct.replace("-", " ")),
        extra_body=(name,),
        names=(trial.acronym, name),
    )
    for lang in ("fr", "en"):
        cancers = [getattr(c, f"name_{lang}") or c.name_fr for c in trial.search_cancers]
        result[f"summary_{lang}"] = plain(result[f"summary_{lang}"], ", ".join(cancers))
    return result


def trial_prefetch(queryset):
    return queryset.select_related("investigator").prefetch_related(
        Prefetch(
            "cancer_types",
            queryset=CancerType.objects.published().order_by("name", "pk"),
            to_attr="search_cancers",
        )
    )


def cancer_trials(cancer_type):
    return ClinicalTrial.objects.filter(cancer_types=cancer_type)


def consultation_texts(consultation) -> dict[str, str]:
    physicians = ", ".join(p.display_name for p in consultation.search_physicians)
    return texts(
        consultation,
        title="name",
        summary=("summary",),
        body=("description",),
        extra_body=(physicians,),
        names=(physicians,),
    )


def consultation_prefetch(queryset):
    return queryset.prefetch_related(
        Prefetch(
            "physicians",
            queryset=Person.objects.published().order_by("sort_key", "pk"),
            to_attr="search_physicians",
        )
    )


def contact_point_texts(point) -> dict[str, str]:
    result = texts(
        point,
        title="name",
        summary=("purpose",),
        body=("building", "floor", "room", "directions", "prepare"),
        extra_summary=(point.phone,),
    )
    # What people type when they look for a contact point: who it is for, what it answers,
    # "phone", "opening hours" (as its card shows them), in each language.
    for lang in ("fr", "en"):
        with translation.override(lang):
            words = [point.get_audience_display(), point.get_need_display() if point.need else ""]
            if point.phone:
                words.append(gettext("Phone"))
            words.append(gettext("Opening hours"))
        result[f"body_{lang}"] = plain(result[f"body_{lang}"], *words)
    return result


def public_trials():
    return ClinicalTrial.objects.published()


def public_consultations():
    return Consultation.objects.published()


def public_contact_points():
    return ContactPoint.objects.published()


def person_care(person):
    """A person's name is part of the text of their trials and consultations."""
    return [*ClinicalTrial.objects.filter(investigator=person), *person.consultations.all()]
