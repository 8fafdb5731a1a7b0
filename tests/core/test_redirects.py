"""Old addresses keep working (issue 13, item 7): a changed slug leaves a permanent redirect from
each language's old address, in one hop, never a loop; editors are told, and see and edit the
redirects in the admin."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from apps.core.models import Redirect
from tests.admin_forms import form_values
from tests.care.factories import ClinicalTrialFactory, ConsultationFactory
from tests.factories import SiteEditorFactory, SiteSettingsFactory
from tests.news.factories import EventFactory, NewsArticleFactory
from tests.teams.factories import PersonFactory, TeamFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _site():
    SiteSettingsFactory()


def url_in(obj, language):
    with translation.override(language):
        return obj.get_absolute_url()


@pytest.mark.parametrize(
    "factory",
    [
        TeamFactory,
        PersonFactory,
        NewsArticleFactory,
        EventFactory,
        ConsultationFactory,
        ClinicalTrialFactory,
    ],
    ids=lambda f: f.__name__.removesuffix("Factory"),
)
def test_a_changed_slug_redirects_both_languages_in_one_hop(client, factory):
    item = factory(slug="ancien-nom")
    old = {language: url_in(item, language) for language in ("fr", "en")}
    item.slug = "nouveau-nom"
    item.save()
    for language, old_path in old.items():
        new_path = url_in(item, language)
        assert new_path != old_path
        response = client.get(old_path)
        assert response.status_code == 301, old_path
        assert response["Location"] == new_path
        assert client.get(new_path).status_code == 200


def test_moves_never_chain_and_an_address_in_use_again_never_redirects(client):
    article = NewsArticleFactory(slug="premier")
    first = url_in(article, "fr")
    for slug in ("deuxieme", "troisieme"):
        article.slug = slug
        article.save()
    third = url_in(article, "fr")
    assert client.get(first)["Location"] == third, "one hop, to the current address"
    assert client.get(first.replace("premier", "deuxieme"))["Location"] == third

    article.slug = "premier"  # back to its first address
    article.save()
    assert client.get(first).status_code == 200
    assert client.get(third)["Location"] == first
    assert not Redirect.objects.filter(old_path=first).exists()


def test_the_query_string_follows_and_other_methods_and_statuses_do_not(client):
    article = NewsArticleFactory(slug="avant")
    old = url_in(article, "fr")
    article.slug = "apres"
    article.save()
    assert client.get(old + "?utm_source=lettre")["Location"] == url_in(article, "fr") + (
        "?utm_source=lettre"
    )
    assert client.post(old).status_code in (404, 405)
    assert client.get("/fr/actualites/nulle-part/").status_code == 404
    assert client.get("/fr/actualites/%00/").status_code in (400, 404)


def test_the_admin_says_the_old_address_now_redirects(client):
    article = NewsArticleFactory(slug="titre-initial")
    old = url_in(article, "fr")
    client.force_login(SiteEditorFactory())
    url = f"/admin/news/newsarticle/{article.pk}/change/"
    values = form_values(
        client.get(url, HTTP_ACCEPT_LANGUAGE="fr").content.decode(), "newsarticle_form"
    )
    values["slug"] = "titre-corrige"
    response = client.post(url, values, follow=True, HTTP_ACCEPT_LANGUAGE="fr")
    html = response.content.decode()
    assert f"L’ancienne adresse {old} redirige désormais vers la nouvelle" in html
    assert client.get("/admin/core/redirect/").status_code == 200
    assert old in client.get("/admin/core/redirect/").content.decode()


def test_the_redirects_screen_refuses_loops_and_other_sites(client):
    Redirect.objects.create(old_path="/fr/a/", new_path="/fr/b/")
    Redirect.objects.create(old_path="/fr/b/", new_path="/fr/c/")
    with pytest.raises(ValidationError) as error:
        Redirect(old_path="/fr/c/", new_path="/fr/a/").full_clean()
    assert "boucle" in str(error.value) or "loop" in str(error.value)
    for bad in ("https://evil.example/", "//evil.example/", "/\\evil", "/a b/", "/x?y", "fr/x/"):
        with pytest.raises(ValidationError):
            Redirect(old_path="/fr/ancien/", new_path=bad).full_clean()
    client.force_login(SiteEditorFactory())
    response = client.post(
        "/admin/core/redirect/add/",
        {"old_path": "/fr/c/", "new_path": "/fr/a/"},
        HTTP_ACCEPT_LANGUAGE="fr",
    )
    assert response.status_code == 200
    assert "Cette redirection ferait une boucle" in response.content.decode()
    assert not Redirect.objects.filter(old_path="/fr/c/").exists()
