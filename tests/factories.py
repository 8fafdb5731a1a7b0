"""factory-boy factories for the shared models. Each app's tests add theirs beside them."""

from __future__ import annotations

import io

import factory
from django.contrib.auth import get_user_model
from PIL import Image as PILImage

from apps.core.models import Publishable, SiteSettings
from apps.core.services import image_create
from apps.pages.models import HomeAim, HomePage, HomeQuote
from tests.testapp.models import Article

# A word longer than a phone is wide, as real titles have ("l'immunothérapie" in large type):
# the page types put it in titles and names so that the 320 px check meets one.
LONG_WORD = "Immunothérapieanticancéreusepersonnalisée"


def image_bytes(width=600, height=400, fmt="JPEG", color=(29, 58, 138), exif=None) -> bytes:
    image = PILImage.new("RGBA" if fmt == "PNG" else "RGB", (width, height), color)
    buffer = io.BytesIO()
    kwargs = {"exif": exif} if exif is not None else {}
    image.save(buffer, fmt, **kwargs)
    return buffer.getvalue()


class FrenchSlugMixin:
    """For models with a slug in each language (apps.core.slugs): `slug=` is the French one,
    whatever language is active when the factory runs."""

    @classmethod
    def _adjust_kwargs(cls, **kwargs):
        if "slug" in kwargs:
            kwargs.setdefault("slug_fr", kwargs.pop("slug"))
        return kwargs


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.django.Password("a-long-test-password")


class StaffFactory(UserFactory):
    is_staff = True


class SiteEditorFactory(StaffFactory):
    """Staff in the "Site editors" group (kept by migrate): may view and change all content."""

    class Meta:
        skip_postgeneration_save = True

    @factory.post_generation
    def site_editor(self, create, extracted, **kwargs):
        if create:
            from django.contrib.auth.models import Group

            from apps.core.roles import SITE_EDITORS

            self.groups.add(Group.objects.get(name=SITE_EDITORS))


def staff_in(role: str, **kwargs):
    """A staff account holding one of the roles of apps.core.roles (its group's name)."""
    from django.contrib.auth.models import Group

    user = StaffFactory(**kwargs)
    user.groups.add(Group.objects.get(name=role))
    return user


class TeamEditorFactory(StaffFactory):
    """Staff in the "Team editors" group: may edit the teams whose editors they are."""

    class Meta:
        skip_postgeneration_save = True

    @factory.post_generation
    def team_editor(self, create, extracted, **kwargs):
        if create:
            from django.contrib.auth.models import Group

            from apps.core.roles import TEAM_EDITORS

            self.groups.add(Group.objects.get(name=TEAM_EDITORS))


class SiteSettingsFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SiteSettings
        django_get_or_create = ("id",)

    id = 1
    site_name_fr = "Centre d'immunothérapie des cancers"
    site_name_en = "Center for Cancer Immunotherapy"
    meta_description_fr = "Description du centre pour les moteurs de recherche."
    meta_description_en = "Description of the center for search engines."
    institution = "Institut Curie"
    street_address = "26 rue d'Ulm"
    postal_code = "75005"
    city = "Paris"
    phone_main = "01 44 32 40 00"
    phone_appointments = "01 00 00 00 00"
    opening_hours_fr = "Du lundi au vendredi, de 9 h à 18 h"
    opening_hours_en = "Monday to Friday, 9 am to 6 pm"
    emergency_note_fr = "En cas d'urgence vitale, appelez le 15."
    emergency_note_en = "In a life-threatening emergency, call 15."


def make_image(title="Test image", width=600, height=400, fmt="JPEG"):
    return image_create(
        data=image_bytes(width, height, fmt),
        filename=f"test.{fmt.lower()}",
        title=title,
        alt_text_fr="Une image de test",
        alt_text_en="A test image",
        credit="Test",
    )


class HomePageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = HomePage
        django_get_or_create = ("id",)

    id = 1
    hero_title_fr = "Centre d'immunothérapie des cancers"
    hero_title_en = "Center for Cancer Immunotherapy"
    hero_intro_fr = "Chercheurs et médecins ensemble."
    hero_intro_en = "Researchers and physicians together."
    about_title_fr = "Le centre"
    about_title_en = "The center"
    about_body_fr = "<p>Le centre réunit recherche et soins.</p>"
    about_body_en = "<p>The center brings research and care together.</p>"
    aims_title_fr = "Nos objectifs"
    aims_title_en = "Our aims"
    leadership_title_fr = "Le mot de la direction"
    leadership_title_en = "From the leadership"
    immunotherapy_title_fr = "Qu'est-ce que l'immunothérapie ?"
    immunotherapy_title_en = "What is immunotherapy?"
    immunotherapy_body_fr = "<p>Elle aide le système immunitaire.</p>"
    immunotherapy_body_en = "<p>It helps the immune system.</p>"
    patients_title_fr = "Patients et proches"
    patients_title_en = "Patients and relatives"
    patients_body_fr = "Appelez-nous."
    patients_body_en = "Call us."


class HomeAimFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = HomeAim

    home = factory.SubFactory(HomePageFactory)
    title_fr = factory.Sequence(lambda n: f"Objectif {n}")
    title_en = factory.Sequence(lambda n: f"Aim {n}")
    text_fr = "Texte de l'objectif."
    text_en = "Text of the aim."
    order = factory.Sequence(lambda n: n)


class HomeQuoteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = HomeQuote

    home = factory.SubFactory(HomePageFactory)
    name = factory.Sequence(lambda n: f"Personne {n}")
    role_fr = "Rôle"
    role_en = "Role"
    text_fr = "Des mots."
    text_en = "Some words."
    order = factory.Sequence(lambda n: n)


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article

    title = factory.Sequence(lambda n: f"Article {n}")
    slug = factory.Sequence(lambda n: f"article-{n}")
    body = "<p>Body</p>"
    status = Publishable.Status.PUBLISHED


class PageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "pages.Page"

    title_fr = factory.Sequence(lambda n: f"Page {n}")
    title_en = factory.Sequence(lambda n: f"Page {n} (en)")
    slug_fr = factory.Sequence(lambda n: f"page-{n}")
    slug_en = factory.Sequence(lambda n: f"page-{n}-en")
    intro_fr = "Introduction."
    intro_en = "Introduction."
    body_fr = "<p>Texte.</p>"
    body_en = "<p>Text.</p>"
    status = Publishable.Status.PUBLISHED
