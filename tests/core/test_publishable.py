from datetime import timedelta

import pytest
from django.utils import timezone

from apps.core.models import Publishable
from tests.factories import ArticleFactory, SiteSettingsFactory, StaffFactory
from tests.testapp.models import Article

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.testapp.urls")]

PUBLISHED = Publishable.Status.PUBLISHED
DRAFT = Publishable.Status.DRAFT


@pytest.fixture(autouse=True)
def _site():
    SiteSettingsFactory()


def test_published_filters_status_and_schedule():
    now = timezone.now()
    visible = ArticleFactory(status=PUBLISHED)
    past = ArticleFactory(status=PUBLISHED, publish_at=now - timedelta(days=1))
    ArticleFactory(status=DRAFT)
    ArticleFactory(status=PUBLISHED, publish_at=now + timedelta(hours=1))
    ArticleFactory(status=PUBLISHED, unpublish_at=now - timedelta(minutes=1))
    still = ArticleFactory(status=PUBLISHED, unpublish_at=now + timedelta(days=1))
    assert set(Article.objects.published(now)) == {visible, past, still}


def test_scheduled_object_appears_when_its_time_comes(client):
    now = timezone.now()
    article = ArticleFactory(status=PUBLISHED, publish_at=now + timedelta(hours=2))
    assert not article.is_published(now)
    assert client.get(f"/fr/articles/{article.slug}/").status_code == 404
    later = now + timedelta(hours=2, seconds=1)
    assert article.is_published(later)
    assert list(Article.objects.published(later)) == [article]


def test_unpublish_at_hides_again():
    now = timezone.now()
    article = ArticleFactory(status=PUBLISHED, unpublish_at=now + timedelta(hours=1))
    assert list(Article.objects.published(now)) == [article]
    assert list(Article.objects.published(now + timedelta(hours=1))) == []


def test_visitor_gets_404_for_draft(client):
    article = ArticleFactory(status=DRAFT)
    assert client.get(f"/fr/articles/{article.slug}/").status_code == 404


def _staff_with(codename):
    from django.contrib.auth.models import Permission

    user = StaffFactory()
    user.user_permissions.add(Permission.objects.get(codename=codename))
    return user


def test_staff_previews_draft_with_banner_and_no_caching(client):
    article = ArticleFactory(status=DRAFT, title="Brouillon secret")
    client.force_login(_staff_with("view_article"))
    response = client.get(f"/fr/articles/{article.slug}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Brouillon secret" in html
    assert 'class="draft-banner"' in html
    assert "no-store" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex"


def test_published_page_has_no_preview_banner(client):
    article = ArticleFactory(status=PUBLISHED)
    response = client.get(f"/en/articles/{article.slug}/")
    assert response.status_code == 200
    assert "draft-banner" not in response.content.decode()
    assert "X-Robots-Tag" not in response


def test_inactive_staff_cannot_preview(client):
    article = ArticleFactory(status=DRAFT)
    user = StaffFactory(is_active=False)
    assert Article.objects.visible_to(user).count() == 0
    client.force_login(_staff_with("view_article"))
    assert client.get(f"/fr/articles/{article.slug}/").status_code == 200


@pytest.mark.parametrize(
    ("codename", "status"),
    [(None, 404), ("view_article", 200), ("change_article", 200), ("view_page", 404)],
)
def test_previewing_a_draft_needs_a_permission_on_its_model(client, codename, status):
    """Being staff is not enough: a draft or scheduled item is shown at its address only to
    those who may view or change that kind of content in the admin."""
    from datetime import timedelta

    from django.utils import timezone

    draft = ArticleFactory(status=DRAFT, title="Brouillon")
    scheduled = ArticleFactory(status=PUBLISHED, publish_at=timezone.now() + timedelta(days=1))
    client.force_login(_staff_with(codename) if codename else StaffFactory())
    for article in (draft, scheduled):
        assert client.get(f"/fr/articles/{article.slug}/").status_code == status


def test_scheduling_that_would_never_happen_is_refused_with_the_way_out():
    """Issue 13 (and the staff editor review of issue 12): a draft with a future time, and a
    withdrawal before publication, were saved without a word and never shown."""
    from django.core.exceptions import ValidationError

    from tests.news.factories import NewsArticleFactory

    now = timezone.now()
    article = NewsArticleFactory.build(
        status=Publishable.Status.DRAFT, publish_at=now + timedelta(days=2)
    )
    with pytest.raises(ValidationError) as error:
        article.full_clean(exclude=["category", "image"])
    assert list(error.value.message_dict) == ["publish_at"]
    article.status = Publishable.Status.PUBLISHED  # scheduled: fine
    article.full_clean(exclude=["category", "image"])
    article.publish_at = now - timedelta(days=1)  # a draft with a past time is just a draft
    article.status = Publishable.Status.DRAFT
    article.full_clean(exclude=["category", "image"])
    article.status = Publishable.Status.PUBLISHED
    article.publish_at, article.unpublish_at = now + timedelta(days=5), now + timedelta(days=1)
    with pytest.raises(ValidationError) as error:
        article.full_clean(exclude=["category", "image"])
    assert list(error.value.message_dict) == ["unpublish_at"]


def test_the_admin_says_when_a_scheduled_item_goes_live(client):
    from tests.admin_forms import form_values
    from tests.factories import SiteEditorFactory
    from tests.news.factories import NewsArticleFactory

    SiteSettingsFactory()
    article = NewsArticleFactory()
    client.force_login(SiteEditorFactory())
    url = f"/admin/news/newsarticle/{article.pk}/change/"
    values = form_values(
        client.get(url, HTTP_ACCEPT_LANGUAGE="fr").content.decode(), "newsarticle_form"
    )
    values.update({"status": "draft", "publish_at_0": "01/06/2099", "publish_at_1": "09:00:00"})
    response = client.post(url, values, HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 200
    assert "Un brouillon n’est jamais affiché, même à cette date" in response.content.decode()
    values = form_values(response.content.decode(), "newsarticle_form")
    values["status"] = "published"
    response = client.post(url, values, follow=True, HTTP_ACCEPT_LANGUAGE="fr")
    assert (
        "Programmé : les visiteurs le verront à partir du 1 juin 2099" in response.content.decode()
    )


def test_every_list_of_publishable_items_shows_and_filters_the_state(client):
    """Issue 13: a scheduled item was listed as "Publié" with a red cross; no state, no filter."""
    import re

    from django.contrib import admin

    from tests.factories import SiteEditorFactory
    from tests.news.factories import NewsArticleFactory

    SiteSettingsFactory()
    now = timezone.now()
    NewsArticleFactory(title_fr="Brouillon A", status="draft")
    NewsArticleFactory(title_fr="Programme B", publish_at=now + timedelta(days=3))
    NewsArticleFactory(title_fr="En ligne C")
    NewsArticleFactory(
        title_fr="Retire D",
        publish_at=now - timedelta(days=3),
        unpublish_at=now - timedelta(days=1),
    )
    client.force_login(SiteEditorFactory())
    html = client.get("/admin/news/newsarticle/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    states = re.findall(r'class="publication-state publication-state--(\w+)">([^<]+)<', html)
    assert sorted(key for key, _label in states) == ["draft", "expired", "live", "scheduled"]
    labels = dict(states)
    assert labels["draft"] == "Brouillon" and labels["live"] == "En ligne"
    assert labels["expired"] == "Retiré" and labels["scheduled"].startswith("Programmé (")
    for state, title in (
        ("draft", "Brouillon A"),
        ("scheduled", "Programme B"),
        ("live", "En ligne C"),
        ("expired", "Retire D"),
    ):
        listed = client.get(f"/admin/news/newsarticle/?state={state}").content.decode()
        found = re.findall(r"(Brouillon A|Programme B|En ligne C|Retire D)</a>", listed)
        assert found == [title], (state, found)
    assert client.get("/admin/news/newsarticle/?state=%00zz").status_code in (200, 302, 400)

    for model, model_admin in admin.site._registry.items():
        if issubclass(model, Publishable):
            assert "publication_state" in model_admin.get_list_display(None), model
