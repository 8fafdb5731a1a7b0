from modeltranslation.translator import TranslationOptions, register

from apps.news.models import Category, Event, NewsArticle


@register(Category)
class CategoryTranslation(TranslationOptions):
    fields = ("name", "slug")


@register(NewsArticle)
class NewsArticleTranslation(TranslationOptions):
    fields = ("title", "lead", "body", "slug")


@register(Event)
class EventTranslation(TranslationOptions):
    fields = ("title", "place", "summary", "description", "slug")
