import re

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from apps.mc21.models import Connection, Milestone
from tests.factories import PageFactory, SiteSettingsFactory
from tests.mc21.pagetypes import _populate_landing, _root
from tests.news.factories import NewsArticleFactory

pytestmark = pytest.mark.django_db


def test_landing_shows_timeline_supporters_teams_news_and_the_call_to_give(client):
    _populate_landing(3)
    html = client.get("/fr/mc21/").content.decode()
    timeline = html.split('<ol class="timeline">')[1].split("</ol>")[0]
    years = re.findall(r'<time datetime="(\d{4})">', timeline)
    assert years == ["1909", "1910", "1911"]
    assert "Soutien 0" in html and 'alt="Une image de test"' in html
    assert 'class="button" href="/fr/nous-soutenir/"' in html
    en = client.get("/en/mc21/").content.decode()
    teams = list(Connection.objects.get().teams.all())
    assert len(teams) == 3
    for team in teams:
        assert team.name_fr in html and team.name_en not in html
        assert team.name_en in en and team.name_fr not in en
    assert 'href="/en/mc21/" hreflang="en"' in html


def test_milestone_links_only_to_published_targets(client):
    SiteSettingsFactory()
    _root()
    draft = NewsArticleFactory(status="draft", title_fr="Brouillon lié")
    Milestone.objects.create(
        year=2000, title_fr="Avec lien caché", article=draft, status="published"
    )
    Milestone.objects.create(year=2001, title_fr="Étape brouillon", status="draft")
    html = client.get("/fr/mc21/").content.decode()
    assert "Avec lien caché" in html and draft.get_absolute_url() not in html
    assert "Étape brouillon" not in html


def test_milestone_date_must_fall_in_its_year():
    import datetime

    with pytest.raises(IntegrityError), transaction.atomic():
        Milestone.objects.create(year=2000, date=datetime.date(2001, 1, 1), title_fr="x")


def test_sub_pages_are_served_below_mc21_and_redirect_when_moved(client):
    SiteSettingsFactory()
    root = _root()
    page = PageFactory(parent=root, slug_fr="histoire", slug_en="history", title_fr="Histoire")
    assert client.get("/fr/mc21/histoire/").status_code == 200
    assert client.get("/en/mc21/history/").status_code == 200
    page.slug_fr = "notre-histoire"
    page.save()
    assert client.get("/fr/mc21/histoire/")["Location"] == "/fr/mc21/notre-histoire/"


def test_mc21_home_must_be_top_level_with_slug_mc21():
    bad = PageFactory.build(kind="mc21", slug_fr="projet", slug_en="project")
    with pytest.raises(ValidationError) as info:
        bad.full_clean()
    assert "kind" in info.value.message_dict
    root = _root()
    child = PageFactory.build(parent=root, slug_fr="equipe-projet", slug_en="project-team")
    child.full_clean()  # pages below the MC21 home are allowed at /mc21/...


def test_landing_without_its_page_is_404(client):
    SiteSettingsFactory()
    assert client.get("/fr/mc21/").status_code == 404


def test_home_page_presents_mc21(client):
    from tests.factories import HomePageFactory

    HomePageFactory()
    _populate_landing(2)
    html = client.get("/fr/").content.decode()
    assert 'id="home-mc21-title"' in html and 'href="/fr/mc21/"' in html


def test_mc21_is_in_the_menu_and_sitemap_only_while_its_page_is_public(client):
    SiteSettingsFactory()
    header = client.get("/fr/").content.decode().split('<nav class="main-nav"')[1]
    assert "/fr/mc21/" not in header.split("</nav>")[0]
    assert "/mc21/" not in client.get("/sitemap.xml").content.decode()
    root = _root()
    from django.core.cache import cache

    cache.clear()  # the sitemap is cached for a minute
    header = client.get("/fr/").content.decode().split('<nav class="main-nav"')[1]
    assert '<a href="/fr/mc21/">MC21</a>' in header.split("</nav>")[0]
    sitemap = client.get("/sitemap.xml").content.decode()
    assert sitemap.count("<loc>http://testserver/fr/mc21/</loc>") == 1
    root.status = "draft"
    root.save()
    child = PageFactory(parent=root, slug_fr="sous-page")
    assert client.get(f"/fr/mc21/{child.slug_fr}/").status_code == 404
