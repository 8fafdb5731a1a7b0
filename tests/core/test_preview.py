"""Preview before saving (issue 13): the Preview button of a change form renders the unsaved
form, inline rows included, in the real public page, in either language, with the preview
banner; nothing is saved and the public address still shows the saved version."""

from __future__ import annotations

import re

import pytest
from django.core.cache import cache
from django.test import Client

from apps.care.models import ContactPoint
from apps.news.models import NewsArticle
from apps.teams.models import Membership
from tests.admin_forms import form_values
from tests.care.factories import ContactPointFactory
from tests.factories import SiteEditorFactory, SiteSettingsFactory, UserFactory
from tests.news.factories import NewsArticleFactory
from tests.teams.factories import MembershipFactory, PersonFactory, TeamFactory

pytestmark = pytest.mark.django_db

BANNER = "Aperçu de modifications non enregistrées"


@pytest.fixture
def editor():
    SiteSettingsFactory()
    client = Client(HTTP_ACCEPT_LANGUAGE="fr")
    client.force_login(SiteEditorFactory(username="claire"))
    return client


def preview(client, form_url: str, form_id: str, **changes):
    """Post the change form, as changed, to its Preview button's address; return the preview
    screen's address."""
    html = client.get(form_url).content.decode()
    action = re.search(r'name="_preview" formaction="([^"]+)"', html).group(1)
    values = form_values(html, form_id)
    values.update(changes)
    response = client.post(action, values)
    assert response.status_code == 302, response.content.decode().split("content-main")[-1][:1500]
    return response["Location"]


def frame(client, show_url: str, language: str = "fr") -> str:
    screen = client.get(f"{show_url}?lang={language}")
    assert screen.status_code == 200
    src = re.search(r'<iframe[^>]+src="([^"]+)"', screen.content.decode()).group(1)
    page = client.get(src.replace("&amp;", "&"))
    assert page.status_code == 200
    assert "no-store" in page["Cache-Control"] and page["X-Robots-Tag"] == "noindex"
    assert page["X-Frame-Options"] == "SAMEORIGIN"
    assert "frame-ancestors 'self'" in page["Content-Security-Policy"]
    return page.content.decode()


def test_an_article_preview_shows_the_unsaved_text_in_both_languages_and_saves_nothing(editor):
    article = NewsArticleFactory(title_fr="Titre publié", title_en="Published title")
    show = preview(
        editor,
        f"/admin/news/newsarticle/{article.pk}/change/",
        "newsarticle_form",
        title_fr="Titre en préparation",
        title_en="Title in the making",
    )
    french = frame(editor, show, "fr")
    assert "Titre en préparation" in french and BANNER in french
    assert "État une fois enregistré : En ligne." in french
    english = frame(editor, show, "en")
    assert "Title in the making" in english
    assert "Preview of unsaved changes" in english
    article.refresh_from_db()
    assert (article.title_fr, article.title_en) == ("Titre publié", "Published title")
    public = Client().get(article.get_absolute_url()).content.decode()
    assert "Titre publié" in public and "Titre en préparation" not in public
    assert BANNER not in public


def test_a_team_preview_includes_an_unsaved_inline_row(editor):
    team = TeamFactory()
    MembershipFactory(team=team)
    newcomer = PersonFactory(first_name="Inès", last_name="Nouvelle")
    url = f"/admin/teams/team/{team.pk}/change/"
    values = form_values(editor.get(url).content.decode(), "team_form")
    row = int(values["memberships-TOTAL_FORMS"])
    show = preview(
        editor,
        url,
        "team_form",
        **{
            "memberships-TOTAL_FORMS": str(row + 1),
            f"memberships-{row}-person": str(newcomer.pk),
            f"memberships-{row}-role": "member",
            f"memberships-{row}-start_date": "2024-01-01",
            f"memberships-{row}-order": "100",
        },
    )
    assert "Inès Nouvelle" in frame(editor, show)
    assert not Membership.objects.filter(person=newcomer).exists(), "nothing saved"
    assert "Inès Nouvelle" not in Client().get(team.get_absolute_url()).content.decode()


def test_a_new_article_can_be_previewed_before_it_exists(editor):
    html = editor.get("/admin/news/newsarticle/add/").content.decode()
    assert 'formaction="/admin/news/newsarticle/preview/"' in html
    values = form_values(html, "newsarticle_form")
    values.update(
        title_fr="Une annonce à venir",
        slug="une-annonce-a-venir",
        lead_fr="Le chapô.",
        body_fr="<p>Le texte.</p>",
        status="draft",
    )
    response = editor.post("/admin/news/newsarticle/preview/", values)
    errors = re.findall(r"<li>(.*?)</li>", response.content.decode())[-5:]
    assert response.status_code == 302, errors
    assert "Une annonce à venir" in frame(editor, response["Location"])
    assert not NewsArticle.objects.filter(slug="une-annonce-a-venir").exists()


def test_a_contact_point_preview_shows_it_on_the_patients_page(editor):
    point = ContactPointFactory(name_fr="Accueil")
    show = preview(
        editor,
        f"/admin/care/contactpoint/{point.pk}/change/",
        "contactpoint_form",
        name_fr="Accueil des patients renommé",
    )
    assert "Accueil des patients renommé" in frame(editor, show)
    assert ContactPoint.objects.get(pk=point.pk).name_fr == "Accueil"


def test_a_preview_never_fills_the_shared_cache(editor):
    article = NewsArticleFactory()
    cache.clear()
    show = preview(
        editor, f"/admin/news/newsarticle/{article.pk}/change/", "newsarticle_form", title_fr="X"
    )
    frame(editor, show)
    assert cache.get("core:sample-content:v1") is None, "the preview wrote nothing"
    Client().get(article.get_absolute_url())
    assert cache.get("core:sample-content:v1") is not None, "a visit does"


def test_an_invalid_form_is_not_previewed_and_odd_requests_are_refused(editor):
    article = NewsArticleFactory()
    url = f"/admin/news/newsarticle/{article.pk}/change/"
    values = form_values(editor.get(url).content.decode(), "newsarticle_form")
    values["title_fr"] = ""
    refused = editor.post(f"/admin/news/newsarticle/{article.pk}/preview/", values)
    assert refused.status_code == 400
    assert "Le formulaire contient des erreurs" in refused.content.decode()
    assert editor.get(f"/admin/news/newsarticle/{article.pk}/preview/").status_code == 302
    for odd in ("abc", "999999", "%00"):
        response = editor.post(f"/admin/news/newsarticle/{odd}/preview/", values, follow=True)
        assert response.status_code == 404, odd
    assert editor.get("/admin/news/newsarticle/preview/nope/", follow=True).status_code == 404
    # A preview belongs to the session that made it.
    show = preview(editor, url, "newsarticle_form", title_fr="Secret")
    other = Client(HTTP_ACCEPT_LANGUAGE="fr")
    other.force_login(SiteEditorFactory(username="paul"))
    assert other.get(show, follow=True).status_code == 404
    # Staff without the right to change articles cannot preview a change.
    viewer = Client(HTTP_ACCEPT_LANGUAGE="fr")
    viewer.force_login(UserFactory(username="viewer", is_staff=True))
    blocked = viewer.post(f"/admin/news/newsarticle/{article.pk}/preview/", values)
    assert blocked.status_code == 403
    article.refresh_from_db()
    assert article.title_fr != "Secret"


def test_an_error_in_an_inline_row_names_the_row(editor):
    team = TeamFactory()
    MembershipFactory(team=team)
    url = f"/admin/teams/team/{team.pk}/change/"
    values = form_values(editor.get(url).content.decode(), "team_form")
    values["memberships-0-start_date"] = "pas une date"
    refused = editor.post(f"/admin/teams/team/{team.pk}/preview/", values)
    assert refused.status_code == 400
    assert "Appartenance 1 – Date de début : " in refused.content.decode()
