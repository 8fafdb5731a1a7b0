"""Clear publishing actions (issue 13): beside Save, a publishable item's form has Publish now,
Schedule, Save as draft and, once live or scheduled, Unpublish (on a live item, Save as draft
keeps the changes apart); each sets the state, and a schedule without a future date is refused
with a message in the form."""

from __future__ import annotations

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from apps.news.models import NewsArticle
from tests.admin_forms import form_values
from tests.factories import SiteEditorFactory, SiteSettingsFactory
from tests.news.factories import NewsArticleFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor():
    SiteSettingsFactory()
    client = Client(HTTP_ACCEPT_LANGUAGE="fr")
    client.force_login(SiteEditorFactory())
    return client


def press(client, article, button, **changes):
    url = f"/admin/news/newsarticle/{article.pk}/change/"
    html = client.get(url).content.decode()
    values = form_values(html, "newsarticle_form")
    values.update(changes)
    values[button] = "x"
    return client.post(url, values, follow=True), html


def local(moment: datetime.datetime) -> dict:
    moment = timezone.localtime(moment)
    return {
        "publish_at_0": moment.strftime("%d/%m/%Y"),
        "publish_at_1": moment.strftime("%H:%M:%S"),
    }


def test_publish_now_makes_a_draft_live_at_once(editor):
    article = NewsArticleFactory(status="draft")
    future = timezone.now() + datetime.timedelta(days=3)
    response, html = press(editor, article, "_publish", **local(future))
    assert 'name="_publish"' in html and 'name="_unpublish"' not in html, "a draft: no Unpublish"
    assert response.status_code == 200
    article.refresh_from_db()
    assert article.status == "published" and article.publish_at is None, "now, not later"
    assert NewsArticle.objects.published().filter(pk=article.pk).exists()


def test_schedule_needs_a_future_time_and_then_says_when(editor):
    article = NewsArticleFactory(status="draft")
    response, _html = press(editor, article, "_schedule")
    assert "Pour programmer la publication, indiquez ici une date" in response.content.decode()
    article.refresh_from_db()
    assert article.status == "draft", "refused: nothing saved"

    future = timezone.now() + datetime.timedelta(days=3)
    response, _html = press(editor, article, "_schedule", **local(future))
    assert "Programmé" in response.content.decode()
    article.refresh_from_db()
    assert article.status == "published" and article.publish_at > timezone.now()
    assert not NewsArticle.objects.published().filter(pk=article.pk).exists(), "not yet"


def test_unpublish_takes_a_live_item_off_the_site_save_as_draft_does_not(editor):
    article = NewsArticleFactory(status="published", title_fr="En ligne")
    response, html = press(editor, article, "_unpublish")
    assert 'name="_unpublish"' in html, "a live item can be unpublished"
    # On a live item, "Save as draft" keeps the changes apart (tests/core/test_pending_changes).
    assert "Enregistrer les modifications comme brouillon" in html
    article.refresh_from_db()
    assert article.status == "draft"
    assert Client().get(article.get_absolute_url()).status_code == 404

    article.status = "published"
    article.save()
    press(editor, article, "_save_draft", title_fr="Relu, en attente")
    article.refresh_from_db()
    assert (article.status, article.title_fr) == ("published", "En ligne")
    assert Client().get(article.get_absolute_url()).status_code == 200
