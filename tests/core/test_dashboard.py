"""Issue 14, item 4: the admin's home is a dashboard (my drafts, the next 7 days, changes by
others, English to write, the inbox, lock-outs) with a search across the content."""

from __future__ import annotations

import datetime

import pytest
import reversion
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from apps.core.roles import INBOX_READERS, SITE_ADMINISTRATORS, SITE_EDITORS
from tests.care.factories import ContactPointFactory
from tests.factories import SiteSettingsFactory, TeamEditorFactory, staff_in
from tests.news.factories import NewsArticleFactory
from tests.teams.factories import TeamFactory

pytestmark = pytest.mark.django_db


def logged_in(user) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="fr")
    client.force_login(user)
    return client


def saved_by(user, obj):
    with reversion.create_revision():
        reversion.set_user(user)
        obj.save()


def panel(html: str, heading_id: str) -> str:
    start = html.index(f'id="{heading_id}"')
    return html[start : html.index("</section>", start)]


@pytest.fixture
def editors():
    SiteSettingsFactory()
    return staff_in(SITE_EDITORS, username="me"), staff_in(
        SITE_EDITORS, username="colleague", first_name="Camille", last_name="Durand"
    )


def test_the_dashboard_says_what_needs_the_editor(editors):
    me, colleague = editors
    now = timezone.now()
    draft = NewsArticleFactory(title_fr="Mon brouillon", status="draft")
    saved_by(me, draft)
    their_draft = NewsArticleFactory(title_fr="Brouillon d’un autre", status="draft")
    saved_by(colleague, their_draft)
    NewsArticleFactory(title_fr="Demain en ligne", publish_at=now + datetime.timedelta(days=2))
    NewsArticleFactory(title_fr="Trop loin", publish_at=now + datetime.timedelta(days=20))
    NewsArticleFactory(title_fr="Bientôt retiré", unpublish_at=now + datetime.timedelta(days=3))
    NewsArticleFactory(title_fr="Sans anglais", title_en="")

    html = logged_in(me).get("/admin/").content.decode()
    drafts = panel(html, "dash-drafts")
    assert "Mon brouillon" in drafts and "Brouillon d’un autre" not in drafts
    soon = panel(html, "dash-scheduled")
    assert "Demain en ligne" in soon and "Mise en ligne" in soon
    assert "Bientôt retiré" in soon and "Retrait" in soon
    assert "Trop loin" not in soon
    others = panel(html, "dash-others")
    assert "Brouillon d’un autre" in others and "par Camille Durand" in others
    assert "Mon brouillon" not in others
    english = panel(html, "dash-english")
    assert (
        'href="/admin/news/newsarticle/?english=missing">Articles</a> – 1 sans anglais' in english
    )
    assert "dash-inbox" not in html and "dash-lockouts" not in html, "not theirs"
    assert "Tout le contenu" in html and "/admin/news/newsarticle/" in html


def test_inbox_for_its_readers_and_lock_outs_for_administrators(editors):
    from axes.models import AccessAttempt
    from django.conf import settings

    from apps.care.models import ContactRequest

    ContactRequest.objects.create(
        topic=ContactPointFactory(),
        name="Patiente",
        email="p@example.org",
        message="Bonjour",
        consent=True,
    )
    AccessAttempt.objects.create(
        username="locked-user",
        ip_address="127.0.0.1",
        user_agent="test",
        failures_since_start=settings.AXES_FAILURE_LIMIT,
    )
    reader = logged_in(staff_in(INBOX_READERS)).get("/admin/").content.decode()
    inbox = panel(reader, "dash-inbox")
    assert "Patiente" in inbox and "dash-lockouts" not in reader
    more = inbox.split('href="')[-1].split('"')[0].replace("&amp;", "&")
    assert more == "/admin/care/contactrequest/?sent_at__isempty=1"
    listing = logged_in(staff_in(INBOX_READERS)).get(more)
    assert listing.status_code == 200 and "Patiente" in listing.content.decode()
    administrator = logged_in(staff_in(SITE_ADMINISTRATORS)).get("/admin/").content.decode()
    assert "locked-user" in panel(administrator, "dash-lockouts")
    assert "dash-inbox" not in administrator


def test_a_team_editor_sees_only_their_teams_changes(editors):
    _me, colleague = editors
    mine, other = TeamFactory(name_fr="Mon équipe"), TeamFactory(name_fr="Équipe voisine")
    editor = TeamEditorFactory()
    mine.editors.add(editor)
    saved_by(colleague, mine)
    saved_by(colleague, other)
    others = panel(logged_in(editor).get("/admin/").content.decode(), "dash-others")
    assert "Mon équipe" in others and "Équipe voisine" not in others


def test_the_dashboard_queries_do_not_grow_with_the_content(editors):
    me, colleague = editors
    client = logged_in(me)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/admin/").status_code == 200
        return len(queries)

    def add_content(number):
        for n in range(number):
            article = NewsArticleFactory(
                title_en="" if n % 2 else "English",
                status="draft" if n % 3 else "published",
                publish_at=timezone.now() + datetime.timedelta(days=n % 5),
            )
            saved_by(me if n % 2 else colleague, article)

    add_content(3)
    count()
    small = count()
    add_content(30)
    assert count() == small


def test_the_search_finds_across_kinds_and_keeps_to_what_the_editor_may_open(editors):
    me, _colleague = editors
    NewsArticleFactory(title_fr="Lymphocytes et tumeurs")
    TeamFactory(name_fr="Équipe lymphocytes")
    html = logged_in(me).get("/admin/search/", {"q": "lymphocytes"}).content.decode()
    assert "Lymphocytes et tumeurs" in html and "Équipe lymphocytes" in html
    assert '<h2 id="found-1">' in html

    editor = TeamEditorFactory()
    TeamFactory(name_fr="Lymphocytes de mon équipe").editors.add(editor)
    html = logged_in(editor).get("/admin/search/", {"q": "lymphocytes"}).content.decode()
    assert "Lymphocytes de mon équipe" in html
    assert "Équipe lymphocytes" not in html and "Lymphocytes et tumeurs" not in html

    client = logged_in(me)
    assert "Rien trouvé pour « zzzz »." in client.get("/admin/search/?q=zzzz").content.decode()
    assert client.get("/admin/search/", {"q": "a\x00b"}).status_code == 400  # the site's guard
    refused = client.get("/admin/search/", {"q": "x" * 500})
    assert refused.status_code == 400
    assert "Cette recherche ne peut pas être lancée" in refused.content.decode()
    assert 'id="admin-search-q"' in refused.content.decode(), "the form, to try again"
    accents = client.get("/admin/search/", {"q": "LYMPHOCYTES tumeurs"}).content.decode()
    assert "Lymphocytes et tumeurs" in accents
    NewsArticleFactory(title_fr="Le mélanome et l’immunothérapie")
    plain = client.get("/admin/search/", {"q": "melanome immunotherapie"}).content.decode()
    assert "Le mélanome et l’immunothérapie" in plain, "accents aside"
    assert client.get("/admin/search/", {"q": "é" * 50}).status_code == 200
    assert Client().get("/admin/search/?q=x").status_code == 302  # to the login page
