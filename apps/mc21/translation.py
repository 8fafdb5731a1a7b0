from modeltranslation.translator import TranslationOptions, register

from apps.mc21.models import Milestone, Supporter


@register(Milestone)
class MilestoneTranslation(TranslationOptions):
    fields = ("title", "text")


@register(Supporter)
class SupporterTranslation(TranslationOptions):
    fields = ("name",)
