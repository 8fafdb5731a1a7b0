"""Error pages, and what odd input does: never a 500."""

import pytest
from django.urls import path

from tests.factories import HomePageFactory, SiteSettingsFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _site():
    SiteSettingsFactory()
    HomePageFactory()


@pytest.mark.parametrize(
    ("lang", "title", "home"),
    [("fr", "Page introuvable", 'href="/fr/"'), ("en", "Page not found", 'href="/en/"')],
)
def test_404_page_in_each_language(client, lang, title, home):
    response = client.get(f"/{lang}/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert f'<html lang="{lang}">' in html
    assert f"<h1>{title}</h1>" in html
    assert home in html
    assert '<meta name="robots" content="noindex">' in html


def _boom(request):
    raise RuntimeError("boom")


urlpatterns = [path("boom/", _boom)]


@pytest.mark.urls("tests.core.test_errors_and_input")
def test_500_page_is_bilingual_and_stands_alone(client):
    client.raise_request_exception = False
    response = client.get("/boom/")
    assert response.status_code == 500
    html = response.content.decode()
    assert "Une erreur est survenue" in html
    assert "Something went wrong" in html
    assert '<html lang="fr">' in html and '<div lang="en">' in html


@pytest.mark.parametrize(
    "url",
    [
        "/fr/?page=abc",
        "/fr/?q=" + "x" * 10000,
        "/fr/?q=%00%00",
        "/en/?lang[]=1&page=-1",
        "/fr/%00/",
        "/fr/" + "a" * 3000 + "/",
        "/fr/équipe/",
        "/%E2%80%AE/",
        "/media/../../etc/passwd",
        "/media/%00",
        "/static/nothing-here.css",
    ],
)
def test_odd_urls_never_give_a_500(client, url):
    response = client.get(url)
    assert response.status_code in {200, 302, 400, 404}, url


def test_unknown_method_is_refused_politely(client):
    assert client.generic("BREW", "/healthz").status_code == 405


def test_media_files_are_served_on_a_local_run(client, settings, tmp_path):
    folder = tmp_path / "media" / "images"
    folder.mkdir(parents=True)
    (folder / "x.txt").write_text("hello")
    response = client.get("/media/images/x.txt")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"hello"
    assert client.get("/media/images/missing.jpg").status_code == 404
