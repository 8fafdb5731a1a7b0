"""Issue 14, item 5: links the editor's picker writes (/go/<kind>/<id>/) follow their item when
its address changes, in the page's language; the picker's search; odd input."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from apps.core.links import live_links
from tests.factories import HomePageFactory, PageFactory, SiteEditorFactory, SiteSettingsFactory
from tests.news.factories import EventFactory, NewsArticleFactory
from tests.teams.factories import PersonFactory, TeamFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _site():
    SiteSettingsFactory()
    HomePageFactory()


def test_a_link_follows_its_item_to_its_new_address(client):
    team = TeamFactory(name_fr="Immunité", name_en="Immunity", slug="immunite")
    article = NewsArticleFactory(
        title_fr="Nouvelle",
        body_fr=f'<p>Voir <a href="/go/team/{team.pk}/">l’équipe</a>.</p>',
        body_en=f'<p>See <a href="/go/team/{team.pk}/">the team</a>.</p>',
    )
    html = client.get(f"/fr/actualites/{article.slug_fr}/").content.decode()
    assert '<a href="/fr/equipes/immunite/" rel="noopener noreferrer">l’équipe</a>' in html
    team.slug_fr = "immunite-et-cancer"
    team.save()
    html = client.get(f"/fr/actualites/{article.slug_fr}/").content.decode()
    assert (
        '<a href="/fr/equipes/immunite-et-cancer/" rel="noopener noreferrer">l’équipe</a>' in html
    )
    english = client.get(f"/en/news/{article.slug_en}/").content.decode()
    assert f'href="/en/teams/{team.slug_en}/"' in english, "in the page's language"
    response = client.get(f"/go/team/{team.pk}/", HTTP_ACCEPT_LANGUAGE="fr")
    assert (response.status_code, response["Location"]) == (302, "/fr/equipes/immunite-et-cancer/")


def test_hidden_gone_or_unknown_items_are_not_followed(client):
    draft = NewsArticleFactory(status="draft")
    body = f'<p><a href="/go/article/{draft.pk}/">x</a> <a href="/go/nope/1/">y</a></p>'
    assert str(live_links(body)) == body, "left as written: the address itself answers 404"
    # A 404 goes through the language redirect first, as every unprefixed 404 does.
    for path in (f"/go/article/{draft.pk}/", "/go/article/999999/", "/go/nope/1/", "/go/a/b/"):
        assert client.get(path, follow=True).status_code == 404, path
    client.force_login(SiteEditorFactory())
    assert client.get(f"/go/article/{draft.pk}/").status_code == 302, "staff preview it"


def test_one_query_per_kind_linked_whatever_the_number_of_links():
    teams = [TeamFactory() for _ in range(2)]
    people = [PersonFactory() for _ in range(2)]

    def body(teams, people):
        return "".join(
            [f'<a href="/go/team/{t.pk}/">t</a>' for t in teams]
            + [f'<a href="/go/person/{p.pk}/">p</a>' for p in people]
        )

    with CaptureQueriesContext(connection) as small:
        live_links(body(teams, people))
    teams += [TeamFactory() for _ in range(10)]
    people += [PersonFactory() for _ in range(10)]
    with CaptureQueriesContext(connection) as large:
        html = str(live_links(body(teams, people)))
    assert len(small) == len(large) == 2
    assert "/go/" not in html


def test_the_picker_searches_items_for_editors_only():
    PageFactory(title_fr="Nos missions")
    TeamFactory(name_fr="Équipe mélanome")
    PersonFactory(first_name="Mélanie", last_name="Durand")
    NewsArticleFactory(title_fr="Le mélanome recule")
    EventFactory(title_fr="Journée mélanome")
    editor = Client()
    editor.force_login(SiteEditorFactory())
    found = editor.get("/admin/link-targets/", {"q": "melanome"}).json()["results"]
    kinds = {item["kind"] for item in found}
    assert kinds == {"team", "article", "event"}, found
    assert all(item["href"].startswith(f"/go/{item['kind']}/") for item in found)
    assert editor.get("/admin/link-targets/", {"q": "m"}).json() == {"results": []}
    assert editor.get("/admin/link-targets/", {"q": "x" * 5000}).status_code == 200
    assert Client().get("/admin/link-targets/?q=melanome").status_code == 302  # to the login
    from tests.factories import StaffFactory

    nobody = Client()
    nobody.force_login(StaffFactory())  # staff, with no permission: not even draft titles
    assert nobody.get("/admin/link-targets/", {"q": "melanome"}).json() == {"results": []}
