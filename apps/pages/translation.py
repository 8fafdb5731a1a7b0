from modeltranslation.translator import TranslationOptions, register

from apps.pages.models import HomeAim, HomePage, HomeQuote, Page


@register(HomePage)
class HomePageTranslation(TranslationOptions):
    fields = (
        "hero_title",
        "hero_intro",
        "about_title",
        "about_body",
        "aims_title",
        "leadership_title",
        "immunotherapy_title",
        "immunotherapy_body",
        "patients_title",
        "patients_body",
        "meta_description",
    )


@register(HomeAim)
class HomeAimTranslation(TranslationOptions):
    fields = ("title", "text")


@register(HomeQuote)
class HomeQuoteTranslation(TranslationOptions):
    fields = ("role", "text", "source")


@register(Page)
class PageTranslation(TranslationOptions):
    fields = ("title", "slug", "intro", "body", "seo_title", "seo_description")
    required_languages = {"fr": ("title", "slug")}
