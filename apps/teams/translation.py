from modeltranslation.translator import TranslationOptions, register

from apps.teams.models import Person, ResearchTheme, Team


@register(ResearchTheme)
class ResearchThemeTranslation(TranslationOptions):
    fields = ("name", "description")


@register(Team)
class TeamTranslation(TranslationOptions):
    fields = ("name", "summary", "description", "location", "slug")


@register(Person)
class PersonTranslation(TranslationOptions):
    fields = ("position", "bio", "expertise")
