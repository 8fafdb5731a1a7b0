import datetime

import factory
from django.utils import timezone

from apps.core.models import Publishable
from apps.news.models import PARIS, Category, Event, NewsArticle
from tests.factories import FrenchSlugMixin

PUBLISHED = Publishable.Status.PUBLISHED


class CategoryFactory(FrenchSlugMixin, factory.django.DjangoModelFactory):
    class Meta:
        model = Category
        django_get_or_create = ("slug_fr",)

    name_fr = factory.Sequence(lambda n: f"Catégorie {n}")
    name_en = factory.Sequence(lambda n: f"Category {n}")
    slug = factory.Sequence(lambda n: f"category-{n}")
    status = PUBLISHED


class NewsArticleFactory(FrenchSlugMixin, factory.django.DjangoModelFactory):
    class Meta:
        model = NewsArticle
        skip_postgeneration_save = True

    title_fr = factory.Sequence(lambda n: f"Actualité {n}")
    title_en = factory.Sequence(lambda n: f"News item {n}")
    slug = factory.Sequence(lambda n: f"news-{n}")
    lead_fr = "Chapô de l'article."
    lead_en = "Lead of the article."
    body_fr = "<p>Corps.</p>"
    body_en = "<p>Body.</p>"
    date = factory.LazyFunction(timezone.localdate)
    status = PUBLISHED


def paris(year, month, day, hour=0, minute=0):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=PARIS)


class EventFactory(FrenchSlugMixin, factory.django.DjangoModelFactory):
    class Meta:
        model = Event
        skip_postgeneration_save = True

    title_fr = factory.Sequence(lambda n: f"Séminaire {n}")
    title_en = factory.Sequence(lambda n: f"Seminar {n}")
    slug = factory.Sequence(lambda n: f"event-{n}")
    kind = Event.Kind.SEMINAR
    start = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=7))
    end = factory.LazyAttribute(lambda e: e.start + datetime.timedelta(hours=2))
    place_fr = "Amphithéâtre"
    place_en = "Lecture theatre"
    summary_fr = "Résumé."
    summary_en = "Summary."
    description_fr = "<p>Description.</p>"
    description_en = "<p>Description.</p>"
    status = PUBLISHED
