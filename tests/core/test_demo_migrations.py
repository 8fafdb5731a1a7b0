"""The data migrations that rewrote an older demo's rows.

Each keeps a frozen copy of the texts it writes (the `_texts_NNNN.py` and `_demo_profiles_0004.py`
modules beside it), so a later change to the demo cannot change what it does. On the demo of
today they change nothing (they only touch rows whose text is still the older demo's), and on
rows aged back to the older demo they write the frozen texts.
"""

from __future__ import annotations

import importlib
import io

import pytest
from django.core.management import call_command

from apps.care.models import ClinicalTrial, Consultation, ContactPoint, OpeningSlot
from apps.core.models import Redirect, SiteSettings
from apps.mc21.models import Milestone, Supporter
from apps.news.models import Event, NewsArticle
from apps.pages.models import HomeQuote, Page
from apps.teams.models import Membership, Person, PersonPublication, Publication, Team
from tests.migration_registry import todays_models

pytestmark = pytest.mark.django_db

DATA_MIGRATIONS = [
    "apps.teams.migrations.0004_demo_profiles_tell_the_truth",
    "apps.care.migrations.0008_demo_care_tells_the_truth",
    "apps.mc21.migrations.0002_demo_mc21_in_the_past",
    "apps.news.migrations.0003_demo_news_tells_the_truth",
    "apps.pages.migrations.0007_demo_quotes_are_published_words",
    "apps.pages.migrations.0009_demo_pages_tell_the_truth",
    "apps.pages.migrations.0010_accessibility_statement_backs_its_claim",
]
MODELS = [
    ClinicalTrial,
    Consultation,
    ContactPoint,
    OpeningSlot,
    SiteSettings,
    Milestone,
    Supporter,
    Event,
    NewsArticle,
    HomeQuote,
    Page,
    Redirect,
    Membership,
    Person,
    PersonPublication,
    Publication,
    Team,
]
TIMESTAMPS = {"updated_at", "created_at"}


def migrate_forward(*names: str) -> None:
    for name in names or DATA_MIGRATIONS:
        importlib.import_module(name).forward(todays_models, None)


def snapshot() -> dict[str, list[dict]]:
    return {
        model.__name__: [
            {key: value for key, value in row.items() if key not in TIMESTAMPS}
            for row in model.objects.order_by("pk").values()
        ]
        for model in MODELS
    }


@pytest.fixture
def demo():
    call_command("load_demo", stdout=io.StringIO())


def frozen(app: str, module: str):
    return importlib.import_module(f"apps.{app}.migrations.{module}")


def test_on_todays_demo_the_data_migrations_change_nothing(demo):
    before = snapshot()
    assert all(before[model.__name__] for model in (Team, Person, ClinicalTrial, Page))
    migrate_forward()
    assert snapshot() == before


def test_rows_of_the_older_demo_get_the_frozen_texts(demo):
    care = frozen("care", "_texts_0008")
    mc21 = frozen("mc21", "_texts_0002")
    news = frozen("news", "_texts_0003")
    profiles = frozen("teams", "_demo_profiles_0004")

    trial = ClinicalTrial.objects.filter(is_sample=True, acronym__in=care.TRIAL_TITLES).first()
    old_title_fr, old_title_en = care.OLD_TRIAL_TITLES[trial.acronym]
    ClinicalTrial.objects.filter(pk=trial.pk).update(
        title=old_title_fr, title_fr=old_title_fr, title_en=old_title_en
    )
    root = Page.objects.get(kind="mc21", path_fr="mc21")
    Page.objects.filter(pk=root.pk).update(
        intro=mc21.OLD_ROOT_INTRO[0], intro_fr=mc21.OLD_ROOT_INTRO[0], intro_en="Old"
    )
    article = NewsArticle.objects.filter(is_sample=True, slug__in=news.ARTICLE_BODIES).first()
    news_0003 = frozen("news", "0003_demo_news_tells_the_truth")
    old_body = f"<p>{news_0003.OLD_BODY_MARK}.</p>"
    NewsArticle.objects.filter(pk=article.pk).update(body=old_body, body_fr=old_body)
    team = Team.objects.filter(is_sample=True, slug__in=profiles.TEAMS).first()
    teams_0004 = frozen("teams", "0004_demo_profiles_tell_the_truth")
    old_description = f"<p>Une équipe.</p>{teams_0004.OLD_DESCRIPTION_MARK}"
    Team.objects.filter(pk=team.pk).update(
        description=old_description, description_fr=old_description
    )
    edited = Team.objects.filter(is_sample=True).exclude(pk=team.pk).first()
    Team.objects.filter(pk=edited.pk).update(description_fr="<p>Texte d'un éditeur.</p>")

    migrate_forward()

    trial.refresh_from_db()
    root.refresh_from_db()
    article.refresh_from_db()
    team.refresh_from_db()
    edited.refresh_from_db()
    assert (trial.title_fr, trial.title_en) == care.TRIAL_TITLES[trial.acronym]
    assert (root.intro_fr, root.intro_en) == mc21.ROOT_INTRO
    assert (article.body_fr, article.body_en) == news.ARTICLE_BODIES[article.slug]
    assert team.description_fr == profiles.team_texts(team.slug)["description_fr"]
    assert edited.description_fr == "<p>Texte d'un éditeur.</p>", "an editor's words were changed"
