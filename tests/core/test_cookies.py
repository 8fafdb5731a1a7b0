"""The privacy page says exactly which cookies the site sets, and where: a crawl of the demo
site checks that the list is the whole truth."""

from __future__ import annotations

import io

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client
from django.urls import resolve
from django.utils import translation
from django.utils.html import escape

from apps.core.cookies import site_cookies
from tests.demo_pages import sitemap_paths, unlisted_pages
from tests.factories import SiteEditorFactory

pytestmark = pytest.mark.django_db


def _declared(public: bool) -> set[tuple[str, str]]:
    return {
        (cookie.name, url_name)
        for cookie in site_cookies()
        for url_name in cookie.url_names
        if (url_name != "admin") is public
    }


def test_a_crawl_of_the_public_site_receives_exactly_the_cookies_the_privacy_page_lists():
    call_command("load_demo", stdout=io.StringIO())
    paths = sitemap_paths(Client()) + [path for path, _status in unlisted_pages()]
    assert len(paths) > 200
    received = set()
    for path in paths:
        response = Client().get(path)  # a first visit: no cookie yet
        assert response.status_code in (200, 404), path
        for cookie in response.cookies.values():
            received.add((cookie.key, resolve(path.split("?")[0]).view_name))
            # Session cookies only: gone when the browser closes.
            assert not cookie["max-age"] and not cookie["expires"], (path, cookie.output())
    assert received == _declared(public=True)


def test_staff_receive_only_the_administration_cookies_listed(client):
    declared = {name for name, _where in _declared(public=False)}
    login_page = Client().get("/admin/login/")
    received = set(login_page.cookies)
    client.force_login(SiteEditorFactory())
    received |= set(client.cookies)
    # A save in the admin leaves a message ("... changed successfully") for the next page.
    saved = client.post(
        "/admin/news/category/add/",
        {"name_fr": "Essai", "name_en": "Test", "slug": "essai", "order": 0, "status": "published"},
    )
    assert saved.status_code == 302
    received |= set(saved.cookies)
    assert received == declared == {settings.SESSION_COOKIE_NAME, settings.CSRF_COOKIE_NAME}


@pytest.mark.parametrize(
    ("path", "texts"),
    [
        ("/fr/donnees-personnelles/", ["le formulaire de contact", "Les cookies déposés"]),
        ("/en/privacy/", ["the contact form", "The cookies this site sets"]),
    ],
)
def test_the_privacy_page_shows_the_list(client, path, texts):
    call_command("load_demo", stdout=io.StringIO())
    response = client.get(path)
    assert response.status_code == 200
    html = response.content.decode()
    with translation.override(path[1:3]):
        for cookie in site_cookies():
            assert f"<h3><code>{cookie.name}</code>, {escape(cookie.where)}</h3>" in html
    for text in texts:
        assert text in html
    assert "ne dépose aucun cookie chez ses visiteurs" not in html
