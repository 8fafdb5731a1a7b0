import datetime

import factory

from apps.core.models import Publishable
from apps.teams.models import (
    Membership,
    Person,
    PersonPublication,
    Publication,
    ResearchTheme,
    Team,
    TeamPublication,
)
from tests.factories import FrenchSlugMixin

PUBLISHED = Publishable.Status.PUBLISHED


class ResearchThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ResearchTheme
        django_get_or_create = ("slug",)

    name_fr = factory.Sequence(lambda n: f"Thème {n}")
    name_en = factory.Sequence(lambda n: f"Theme {n}")
    slug = factory.Sequence(lambda n: f"theme-{n}")
    status = PUBLISHED


class TeamFactory(FrenchSlugMixin, factory.django.DjangoModelFactory):
    class Meta:
        model = Team
        django_get_or_create = ("slug_fr",)
        skip_postgeneration_save = True

    name_fr = factory.Sequence(lambda n: f"Équipe immunité {n}")
    name_en = factory.Sequence(lambda n: f"Immunity team {n}")
    acronym = factory.Sequence(lambda n: f"IMM{n}")
    slug = factory.Sequence(lambda n: f"team-{n}")
    summary_fr = "Résumé de l'équipe."
    summary_en = "Summary of the team."
    description_fr = "<p>Description.</p>"
    description_en = "<p>Description.</p>"
    kind = Team.Kind.RESEARCH
    status = PUBLISHED

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if create and extracted:
            self.themes.add(*extracted)


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person
        django_get_or_create = ("slug",)

    first_name = factory.Sequence(lambda n: f"Prénom{n}")
    last_name = factory.Sequence(lambda n: f"Nom{n:05d}")
    slug = factory.Sequence(lambda n: f"person-{n}")
    position_fr = "Chercheuse"
    position_en = "Researcher"
    category = Person.Category.RESEARCHER
    status = PUBLISHED


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    team = factory.SubFactory(TeamFactory)
    person = factory.SubFactory(PersonFactory)
    role = Membership.Role.MEMBER
    start_date = datetime.date(2020, 1, 1)


class PublicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Publication

    title = factory.Sequence(lambda n: f"Tumour immunity study {n}")
    authors = "Doe J, Dupont M"
    journal = "Nature Immunology"
    year = 2024
    doi = factory.Sequence(lambda n: f"10.1000/test.{n}")
    pmid = factory.Sequence(lambda n: str(30000000 + n))


class TeamPublicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TeamPublication

    team = factory.SubFactory(TeamFactory)
    publication = factory.SubFactory(PublicationFactory)


class PersonPublicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PersonPublication

    person = factory.SubFactory(PersonFactory)
    publication = factory.SubFactory(PublicationFactory)
