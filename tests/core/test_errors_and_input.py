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
    ("url", "status"),
    [
        # Odd query parameters are ignored: the page itself is served.
        ("/fr/?page=abc", 200),
        ("/fr/?q=" + "x" * 10000, 200),
        ("/fr/?q=%00%00", 200),
        ("/en/?lang[]=1&page=-1", 200),
        # Odd paths end in the site's 404 page (after at most a redirect), never a 500.
        ("/fr/%00/", 404),
        ("/fr/" + "a" * 3000 + "/", 404),
        ("/fr/équipe/", 404),
        ("/%E2%80%AE/", 404),
        ("/media/../../etc/passwd", 404),
        ("/media/%00", 404),
        ("/static/nothing-here.css", 404),
    ],
)
def test_odd_urls_never_give_a_500(client, url, status):
    response = client.get(url, follow=True)
    assert response.status_code == status, url


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


@pytest.mark.parametrize(
    "path",
    ["/fr/", "/en/teams/", "/robots.txt", "/healthz", "/admin/", "/media/images/", "/media/x"],
)
def test_unknown_host_gets_a_plain_400(client, path):
    """The 400 page must not build addresses from the request: the host is what is wrong."""
    client.raise_request_exception = False
    response = client.get(path, HTTP_HOST="evil.example")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Requête incorrecte" in html and "Bad request" in html
    assert "evil.example" not in html


@pytest.mark.parametrize(
    ("value", "valid"),
    [
        ("/fr/nous-soutenir/", True),
        ("https://dons.curie.fr/", True),
        ("//evil.example/", False),
        ("/\\evil.example", False),
        ("/\\\\evil.example", False),
        ("/fr/a\\b/", False),
        ("/fr/a b/", False),
        ("/fr/\x00/", False),
        ("javascript:alert(1)", False),
        ("http:/\\evil.example", False),
    ],
)
def test_links_editors_enter_stay_on_this_site_or_are_full_addresses(value, valid):
    from django.core.exceptions import ValidationError

    from apps.core.models import validate_link

    if valid:
        validate_link(value)
    else:
        with pytest.raises(ValidationError):
            validate_link(value)


def test_the_plain_error_pages_are_valid_html(client, tmp_path):
    """The bad-host 400 page and the 403 page are outside the page harness (they need a forged
    Host header or a staff login): the Nu HTML Checker reads them here."""
    from django.contrib.auth.models import Permission

    from tests.conftest import run_vnu
    from tests.factories import StaffFactory

    client.raise_request_exception = False
    documents = {}
    for lang in ("fr", "en"):
        bad_host = client.get(f"/{lang}/", HTTP_HOST="evil.example")
        assert bad_host.status_code == 400
        documents[f"400 bad host [{lang}]"] = bad_host.content.decode()
    staff = StaffFactory()
    staff.user_permissions.add(Permission.objects.get(codename="view_team"))
    client.force_login(staff)
    refused = client.get("/admin/news/newsarticle/")
    assert refused.status_code == 403
    documents["403"] = refused.content.decode()
    errors = run_vnu(documents, tmp_path)
    assert not any(errors.values()), errors
