"""What the site search indexes of the patients' pages (registered in apps.py)."""

from apps.care.models import ClinicalTrial, Consultation, ContactPoint
from apps.core.search_text import plain, texts


def trial_texts(trial) -> dict[str, str]:
    investigator = trial.investigator.display_name if trial.investigator else ""
    result = texts(
        trial,
        title="title",
        summary=("summary",),
        body=("eligibility",),
        extra_summary=(trial.acronym, trial.nct_number or "", trial.euct_number or ""),
        extra_body=(investigator,),
        names=(trial.acronym, investigator),
    )
    for lang in ("fr", "en"):
        cancers = [getattr(c, f"name_{lang}") or c.name_fr for c in trial.cancer_types.all()]
        result[f"summary_{lang}"] = plain(result[f"summary_{lang}"], ", ".join(cancers))
    return result


def trial_prefetch(queryset):
    return queryset.select_related("investigator").prefetch_related("cancer_types")


def consultation_texts(consultation) -> dict[str, str]:
    physicians = ", ".join(p.display_name for p in consultation.physicians.all())
    return texts(
        consultation,
        title="name",
        summary=("summary",),
        body=("description",),
        extra_body=(physicians,),
        names=(physicians,),
    )


def consultation_prefetch(queryset):
    return queryset.prefetch_related("physicians")


def contact_point_texts(point) -> dict[str, str]:
    return texts(
        point,
        title="name",
        summary=("purpose",),
        body=("building", "floor", "room", "directions", "prepare"),
        extra_summary=(point.phone,),
    )


def public_trials():
    return ClinicalTrial.objects.published()


def public_consultations():
    return Consultation.objects.published()


def public_contact_points():
    return ContactPoint.objects.published()


def person_care(person):
    """A person's name is part of the text of their trials and consultations."""
    return [*ClinicalTrial.objects.filter(investigator=person), *person.consultations.all()]
