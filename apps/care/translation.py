from modeltranslation.translator import TranslationOptions, register

from apps.care.models import (
    CancerType,
    ClinicalTrial,
    Consultation,
    ContactPoint,
    OpeningException,
)


@register(ContactPoint)
class ContactPointTranslation(TranslationOptions):
    fields = ("name", "purpose", "building", "floor", "room", "directions", "prepare")


@register(OpeningException)
class OpeningExceptionTranslation(TranslationOptions):
    fields = ("note",)


@register(Consultation)
class ConsultationTranslation(TranslationOptions):
    fields = ("name", "summary", "description", "slug")


@register(CancerType)
class CancerTypeTranslation(TranslationOptions):
    fields = ("name",)


@register(ClinicalTrial)
class ClinicalTrialTranslation(TranslationOptions):
    fields = ("title", "summary", "eligibility")
