"""Old addresses keep working (issue 13, item 7): a changed slug leaves a permanent redirect from
each language's old address, in one hop, never a loop; editors are told, and see and edit the
redirects in the admin."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import translation

from apps.core.models import Redirect
from tests.admin_forms import form_values
from tests.care.factories import ClinicalTrialFactory, ConsultationFactory
from tests.factories import PageFactory, SiteEditorFactory, SiteSettingsFactory
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
    if hasattr(item, "slug_en"):  # a slug in each language (apps.core.slugs)
        item.slug_fr, item.slug_en = "nouveau-nom", "new-name"
    else:
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
        article.slug_fr = slug
        article.save()
    third = url_in(article, "fr")
    assert client.get(first)["Location"] == third, "one hop, to the current address"
    assert client.get(first.replace("premier", "deuxieme"))["Location"] == third

    article.slug_fr = "premier"  # back to its first address
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
    values["slug_fr"] = "titre-corrige"
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


def test_an_item_made_draft_or_deleted_does_not_reveal_where_it_went(client):
    """A redirect leads to its item only while visitors may see it: an item made draft (or
    deleted) is a 404 at its old address too, and staff who may preview it are still sent."""
    article = NewsArticleFactory(slug="ancien-titre")
    article.slug, article.status = "nouveau-titre", "draft"
    article.save()
    assert Redirect.objects.filter(old_path__endswith="/ancien-titre/").exists()
    old = client.get("/fr/actualites/ancien-titre/")
    assert old.status_code == 404 and "nouveau-titre" not in old.content.decode()
    editor = Client(HTTP_ACCEPT_LANGUAGE="fr")
    editor.force_login(SiteEditorFactory())
    assert editor.get("/fr/actualites/ancien-titre/")["Location"].endswith("/nouveau-titre/")

    article.status = "published"
    article.save()
    assert client.get("/fr/actualites/ancien-titre/").status_code == 301
    article.delete()
    assert client.get("/fr/actualites/ancien-titre/").status_code == 404


def test_a_page_moved_under_another_redirects_in_both_languages_and_shows_on_the_screen(client):
    """Editorial pages use the same redirects as every other item (one table, one screen)."""
    parent = PageFactory(slug_fr="le-centre", slug_en="the-center")
    page = PageFactory(slug_fr="equipe", slug_en="team")
    page.parent = parent
    page.save()
    for old, new in (
        ("/fr/equipe/", "/fr/le-centre/equipe/"),
        ("/en/team/", "/en/the-center/team/"),
    ):
        response = client.get(old)
        assert (response.status_code, response["Location"]) == (301, new)
        assert client.get(new).status_code == 200
    parent.slug_en = "about-us"
    parent.save()
    assert client.get("/en/team/")["Location"] == "/en/about-us/team/", "one hop, to the page now"
    assert Redirect.objects.filter(old_path="/fr/equipe/", object_id=str(page.pk)).exists()


def test_the_screen_names_the_linked_item_and_an_editors_new_path_unlinks_it(client):
    article = NewsArticleFactory(slug="avant")
    article.slug_fr = "apres"
    article.save()
    redirect = Redirect.objects.get(old_path__startswith="/fr/", old_path__endswith="/avant/")
    client.force_login(SiteEditorFactory())
    listing = client.get("/admin/core/redirect/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert f'href="/admin/news/newsarticle/{article.pk}/change/"' in listing
    url = f"/admin/core/redirect/{redirect.pk}/change/"
    values = form_values(client.get(url).content.decode(), "redirect_form")
    values["new_path"] = "/fr/patients/"
    assert client.post(url, values).status_code == 302
    redirect.refresh_from_db()
    assert (redirect.content_type, redirect.new_path) == (None, "/fr/patients/")
    assert client.get(redirect.old_path)["Location"] == "/fr/patients/"
