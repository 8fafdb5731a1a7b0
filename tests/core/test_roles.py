"""Issue 14, item 1: the roles kept by `migrate`, what each may publish, and the role screen."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, Permission
from django.test import Client

from apps.core.roles import (
    INBOX_READERS,
    NEWS_EDITORS,
    PATIENT_EDITORS,
    ROLES,
    SITE_ADMINISTRATORS,
    SITE_EDITORS,
    TEAM_EDITORS,
    ensure_roles,
)
from tests.admin_forms import form_values
from tests.care.factories import ContactPointFactory
from tests.factories import SiteSettingsFactory, StaffFactory, staff_in
from tests.news.factories import NewsArticleFactory
from tests.teams.factories import TeamFactory

pytestmark = pytest.mark.django_db


def _permissions(role: str) -> set[str]:
    group = Group.objects.get(name=role)
    return {
        f"{app}.{code}"
        for app, code in group.permissions.values_list("content_type__app_label", "codename")
    }


def test_every_role_is_a_group_kept_by_migrate_with_exactly_its_permissions():
    stray = Permission.objects.get(codename="view_contactrequest")
    Group.objects.get(name=NEWS_EDITORS).permissions.add(stray)
    Group.objects.get(name=TEAM_EDITORS).delete()
    ensure_roles()
    ensure_roles()
    assert {role.group for role in ROLES} <= set(Group.objects.values_list("name", flat=True))
    assert "care.view_contactrequest" not in _permissions(NEWS_EDITORS), "taken away again"

    admins = _permissions(SITE_ADMINISTRATORS)
    assert {"auth.change_user", "auth.change_group", "core.change_sitesettings"} <= admins
    assert {"axes.delete_accessattempt", "otp_totp.delete_totpdevice"} <= admins
    assert not any(code.startswith(("news.", "teams.", "care.")) for code in admins)

    site = _permissions(SITE_EDITORS)
    assert {"news.change_newsarticle", "care.change_contactpoint", "teams.edit_all_teams"} <= site
    assert {"pages.change_page", "mc21.change_milestone", "core.change_image"} <= site
    assert not any("contactrequest" in code or "sitesettings" in code for code in site)
    assert not any(code.startswith(("auth.", "axes.")) for code in site)

    news = _permissions(NEWS_EDITORS)
    assert news == {
        *(f"news.{verb}_{model}" for verb in ("view", "add", "change", "delete")
          for model in ("newsarticle", "event", "category")),
        "core.view_image", "core.add_image", "teams.view_team", "teams.view_person",
    }  # fmt: skip

    patients = _permissions(PATIENT_EDITORS)
    assert {"care.change_contactpoint", "care.change_openingslot", "care.change_consultation"} <= (
        patients
    )
    assert {"care.change_clinicaltrial", "care.change_cancertype", "core.add_image"} <= patients
    assert not any("contactrequest" in code for code in patients)
    assert {code.split(".")[0] for code in patients} == {"care", "core", "teams"}

    team = _permissions(TEAM_EDITORS)
    assert {"teams.change_team", "teams.change_person", "teams.change_personpublication"} <= team
    assert not {"teams.add_team", "teams.delete_person", "teams.edit_all_teams"} & team

    assert _permissions(INBOX_READERS) == {"care.view_contactrequest", "care.change_contactrequest"}


def _logged_in(user) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="fr")
    client.force_login(user)
    return client


def _publish(client, url) -> int:
    """Open the change form, press "Publish now": the status code of the POST."""
    page = client.get(url)
    if page.status_code != 200:
        return page.status_code
    data = form_values(page.content.decode(), page.context["opts"].model_name + "_form")
    data["_publish"] = "Publier maintenant"
    return client.post(url, data).status_code


@pytest.mark.parametrize(
    ("role", "news", "patients"),
    [
        (NEWS_EDITORS, True, False),
        (PATIENT_EDITORS, False, True),
        (SITE_EDITORS, True, True),
        (TEAM_EDITORS, False, False),
        (SITE_ADMINISTRATORS, False, False),
        (INBOX_READERS, False, False),
    ],
)
def test_what_each_role_may_publish(role, news, patients):
    SiteSettingsFactory()
    article = NewsArticleFactory(status="draft", title_fr="Brouillon")
    point = ContactPointFactory(status="draft")
    client = _logged_in(staff_in(role))
    for item, allowed in ((article, news), (point, patients)):
        opts = item._meta
        url = f"/admin/{opts.app_label}/{opts.model_name}/{item.pk}/change/"
        status = _publish(client, url)
        item.refresh_from_db()
        if allowed:
            assert status == 302, (role, opts.model_name)
            assert item.status == "published"
        else:
            assert status == 403, (role, opts.model_name, status)
            assert item.status == "draft"


def test_the_role_screen_says_who_holds_which_role():
    SiteSettingsFactory()
    administrator = staff_in(SITE_ADMINISTRATORS, username="chief", first_name="Ada")
    staff_in(NEWS_EDITORS, username="journalist", first_name="Nina", last_name="Presse")
    lone = staff_in(TEAM_EDITORS, username="teamless")
    forgotten = StaffFactory(username="forgotten")
    TeamFactory(name_fr="Équipe sans rôle").editors.add(forgotten)
    TeamFactory(name_fr="Équipe de teamless").editors.add(lone)
    StaffFactory(username="gone", is_active=False)

    response = _logged_in(administrator).get("/admin/roles/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Les rôles et qui les détient</h1>" in html
    for label in (
        "Administrateurs du site",
        "Éditeurs du site",
        "Éditeurs des actualités",
        "Éditeurs des informations patients",
        "Éditeurs d’équipe",
        "Lecteurs des messages de contact",
    ):
        assert f'<th scope="row">{label}</th>' in html
    rows = {row.split("</th>")[0]: row for row in html.split('<tr>\n<th scope="row">')[1:]}
    news_row = rows["Éditeurs des actualités"]
    assert "Nina Presse" in news_row and "Ada" not in news_row
    assert "Personne" in rows["Lecteurs des messages de contact"]
    forgotten_row = next(row for head, row in rows.items() if ">forgotten<" in head)
    assert "Aucun rôle" in forgotten_row and "sans le rôle Éditeurs d’équipe" in forgotten_row
    teamless_row = next(row for head, row in rows.items() if ">teamless<" in head)
    assert "Équipe de teamless" in teamless_row and "sans le rôle" not in teamless_row
    gone_row = next(row for head, row in rows.items() if ">gone<" in head)
    assert "Inactif : ne peut pas se connecter." in gone_row
    assert 'href="/admin/roles/">Rôles</a>' in html, "linked from the user links"


@pytest.mark.parametrize("role", [SITE_EDITORS, TEAM_EDITORS, NEWS_EDITORS, INBOX_READERS])
def test_the_role_screen_is_for_those_who_manage_accounts(role):
    SiteSettingsFactory()
    client = _logged_in(staff_in(role))
    assert client.get("/admin/roles/").status_code == 403
    assert 'href="/admin/roles/"' not in client.get("/admin/").content.decode()
    assert Client().get("/admin/roles/").status_code == 302  # to the login page


def test_the_role_screen_queries_do_not_grow_with_the_staff():
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    SiteSettingsFactory()
    client = _logged_in(staff_in(SITE_ADMINISTRATORS))

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/admin/roles/").status_code == 200
        return len(queries)

    count()  # the first request fills the caches (site settings, content types)
    small = count()
    for number in range(20):
        user = staff_in(ROLES[number % len(ROLES)].group)
        TeamFactory().editors.add(user)
    assert count() == small


def test_news_and_patient_editors_pick_teams_and_people_and_inbox_readers_delete_nothing():
    SiteSettingsFactory()
    team = TeamFactory(name_fr="Équipe recherchée")
    for role, field in ((NEWS_EDITORS, "teams"), (PATIENT_EDITORS, "physicians")):
        client = _logged_in(staff_in(role))
        model = "newsarticle" if role == NEWS_EDITORS else "consultation"
        app = "news" if role == NEWS_EDITORS else "care"
        query = {"app_label": app, "model_name": model, "field_name": field, "term": ""}
        found = client.get("/admin/autocomplete/", query)
        assert found.status_code == 200, role
        if field == "teams":
            assert [r["text"] for r in found.json()["results"]] == [str(team)]
        assert client.get(f"/admin/teams/team/{team.pk}/change/").status_code == 200
        response = client.post(f"/admin/teams/team/{team.pk}/change/", {"name_fr": "Volé"})
        assert response.status_code == 403
    assert "care.delete_contactrequest" not in _permissions(INBOX_READERS)


def test_the_stale_edit_token_is_keyed_with_the_secret(settings):
    """Review: a plain hash of a person's row, shown in the form, let an editor test guesses of
    a private email offline."""
    from tests.teams.factories import PersonFactory

    SiteSettingsFactory()
    person = PersonFactory(email="private@example.org")
    client = _logged_in(staff_in(SITE_EDITORS))
    url = f"/admin/teams/person/{person.pk}/change/"
    first = client.get(url).context["opened_version"].split(":", 1)[1]
    settings.SECRET_KEY_FALLBACKS = [settings.SECRET_KEY]  # the session stays valid
    settings.SECRET_KEY = "another-secret-key-for-this-test-only-0123456789"
    second = client.get(url).context["opened_version"].split(":", 1)[1]
    assert first != second


def test_the_admin_speaks_french_that_agrees_with_every_model():
    """Issue 14, item 5: Django's French built sentences that could not agree with a model's
    name ("Ajout de article", "Sélectionnez l’objet article à changer"); the admin's own
    wording is overridden (locale_overrides/)."""
    from tests.news.factories import NewsArticleFactory

    SiteSettingsFactory()
    client = _logged_in(staff_in(SITE_EDITORS))
    article = NewsArticleFactory(title_fr="Un titre")
    checks = {
        "/admin/news/newsarticle/add/": "<h1>Ajouter : article</h1>",
        "/admin/news/newsarticle/": "<h1>Choisir l’élément à modifier : article</h1>",
        f"/admin/news/newsarticle/{article.pk}/change/": "<h1>Modifier : article</h1>",
        f"/admin/news/newsarticle/{article.pk}/delete/": "Voulez-vous vraiment supprimer « Un "
        "titre » (article) ?",
    }
    for url, text in checks.items():
        html = client.get(url).content.decode().replace("&quot;", '"')
        assert text in html, url
        assert "Ajout de " not in html and "Sélectionnez l’objet" not in html
    listing = client.get("/admin/news/newsarticle/").content.decode()
    assert "Ajouter : article" in listing
