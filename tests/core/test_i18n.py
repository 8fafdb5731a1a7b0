import re

import pytest

from tests.factories import HomePageFactory, SiteSettingsFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _site():
    SiteSettingsFactory()
    HomePageFactory()


@pytest.mark.parametrize(
    ("accept", "target"),
    [
        ("en-GB,en;q=0.9", "/en/"),
        ("fr-FR,fr;q=0.9,en;q=0.5", "/fr/"),
        ("", "/fr/"),
        ("de-DE", "/fr/"),
        ("en-US", "/en/"),
        ("x" * 5000, "/fr/"),
        ("\x00;;;q=", "/fr/"),
    ],
)
def test_root_redirects_by_browser_language(client, accept, target):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept)
    assert response.status_code == 302
    assert response["Location"] == target


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_html_lang_and_alternates(client, lang):
    html = client.get(f"/{lang}/").content.decode()
    assert f'<html lang="{lang}">' in html
    assert '<link rel="alternate" hreflang="fr" href="http://testserver/fr/">' in html
    assert '<link rel="alternate" hreflang="en" href="http://testserver/en/">' in html
    assert '<link rel="alternate" hreflang="x-default" href="http://testserver/fr/">' in html


def test_language_switcher_leads_to_the_same_page(client):
    html = client.get("/fr/").content.decode()
    switcher = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S).group(0)
    # The full name is the link's name; phones show the two-letter code beside it (hidden from
    # screen readers, which read the name).
    name = '<span class="language-switcher__name">{}</span>'
    code = '<span class="language-switcher__code" aria-hidden="true">{}</span>'
    assert (
        '<a href="/en/" hreflang="en" lang="en">' + name.format("English") + code.format("EN")
    ) in switcher
    assert 'aria-current="true" lang="fr">' + name.format("Français") in switcher
    html = client.get("/en/").content.decode()
    assert (
        '<a href="/fr/" hreflang="fr" lang="fr">' + name.format("Français") + code.format("FR")
    ) in html


def test_interface_strings_are_translated(client):
    fr = client.get("/fr/").content.decode()
    en = client.get("/en/").content.decode()
    assert "Aller au contenu principal" in fr and "Skip to main content" not in fr
    assert "Skip to main content" in en and "Aller au contenu principal" not in en
    assert "Menu principal" in fr and "Main menu" not in fr
    assert "Main menu" in en and "Menu principal" not in en


def test_content_comes_in_the_page_language(client):
    assert "Chercheurs et médecins ensemble." in client.get("/fr/").content.decode()
    assert "Researchers and physicians together." in client.get("/en/").content.decode()


def test_empty_english_field_falls_back_to_french(client):
    from apps.pages.models import HomePage

    HomePage.objects.filter(pk=1).update(hero_intro_en="")
    assert "Chercheurs et médecins ensemble." in client.get("/en/").content.decode()


def test_unknown_language_prefix_ends_in_a_404(client):
    response = client.get("/de/", follow=True)
    assert response.status_code == 404
