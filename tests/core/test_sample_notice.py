"""The one honest notice: shown on every public page while sample content is published, gone by
itself when none is left, and computed with one cached query."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from apps.core.sample_content import has_sample_content, sample_models
from tests.factories import SiteSettingsFactory
from tests.news.factories import NewsArticleFactory
from tests.teams.factories import PersonFactory, TeamFactory

pytestmark = pytest.mark.django_db

NOTICE_FR = (
    "Les équipes, personnes, essais et actualités présentés sont des contenus de démonstration "
    "fictifs."
)
NOTICE_EN = "The teams, people, trials and news shown are fictional demonstration content."
PAGES = ["/fr/", "/fr/equipes/", "/fr/patients/", "/fr/actualites/", "/en/", "/en/people/"]


@pytest.fixture(autouse=True)
def _site():
    SiteSettingsFactory()


def test_every_model_with_the_sample_tick_counts():
    labels = {model._meta.label for model in sample_models()}
    assert {
        "teams.Team",
        "teams.Person",
        "teams.Publication",
        "news.NewsArticle",
        "news.Event",
        "mc21.Milestone",
        "mc21.Supporter",
        "pages.Page",
        "care.ContactPoint",
        "care.Consultation",
        "care.ClinicalTrial",
    } <= labels
    assert not any(label.split(".")[1].startswith("Historical") for label in labels)


def test_no_notice_without_sample_content(client):
    TeamFactory(is_sample=False)
    for path in PAGES:
        html = client.get(path).content.decode()
        assert 'class="sample-notice"' not in html, path


def test_the_notice_is_on_every_page_while_sample_content_is_published(client):
    TeamFactory(is_sample=True)
    for path in PAGES:
        html = client.get(path).content.decode()
        assert html.count('class="sample-notice"') == 1, path
        assert (NOTICE_EN if path.startswith("/en/") else NOTICE_FR) in html, path
        # Just above the footer: the header and its call button come first, untouched.
        assert html.index('class="sample-notice"') > html.index("</main>")
        assert html.index('class="sample-notice"') < html.index('<footer class="site-footer"')


def test_draft_or_scheduled_sample_content_shows_no_notice(client):
    PersonFactory(is_sample=True, status="draft")
    NewsArticleFactory(is_sample=True, publish_at=timezone.now() + datetime.timedelta(days=3))
    assert 'class="sample-notice"' not in client.get("/fr/").content.decode()


def test_the_notice_goes_away_when_editors_replace_the_last_sample(client):
    team = TeamFactory(is_sample=True)
    article = NewsArticleFactory(is_sample=True)
    assert 'class="sample-notice"' in client.get("/fr/").content.decode()  # cached now
    team.is_sample = False
    team.save()
    assert 'class="sample-notice"' in client.get("/fr/").content.decode()
    article.delete()
    assert 'class="sample-notice"' not in client.get("/fr/").content.decode()
    PersonFactory(is_sample=True)
    assert 'class="sample-notice"' in client.get("/en/").content.decode()


def test_one_query_then_none():
    TeamFactory(is_sample=False)
    with CaptureQueriesContext(connection) as cold:
        assert has_sample_content() is False
    assert len(cold) == 1
    with CaptureQueriesContext(connection) as warm:
        assert has_sample_content() is False
    assert len(warm) == 0
