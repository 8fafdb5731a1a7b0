"""The directors' words on the home page are their published words, never words written for
them: the English original from the center's page on the Institut Curie site, and in French a
translation said to be one."""

import importlib
import re
from html import unescape
from io import StringIO

import pytest
from django.apps import apps as django_apps
from django.core.management import call_command

from apps.pages.models import HomePage, HomeQuote
from tests.factories import SiteSettingsFactory

pytestmark = pytest.mark.django_db

# Copied word for word from the center's page ("Center for Cancer Immunotherapy", Institut Curie).
PUBLISHED = {
    "Sebastian Amigorena": (
        "Immunotherapy is indisputably a new and valuable weapon in the fight against cancer. It "
        "is therefore vital to improve knowledge in this field in order to develop new "
        "medications, learn how to use them better, and combine them with other treatments for "
        "the benefit of patients."
    ),
    "Dr Emanuela Romano": (
        "By focusing the strengths and the players involved in immunotherapy in one place, we "
        "will achieve an enormous investigative potential to address basic clinical and "
        "pre-clinical issues."
    ),
}


def shown_quotes(html: str) -> dict[str, tuple[str, str]]:
    """{name: (words, caption)} of the quotes a page shows."""
    found = {}
    for figure in re.findall(r'<figure class="quote">(.*?)</figure>', html, re.S):
        words = re.search(r"<blockquote><p>(.*?)</p></blockquote>", figure, re.S).group(1)
        name = re.search(r'<span class="quote__name">(.*?)</span>', figure).group(1)
        caption = re.sub(r"<[^>]+>", " ", figure.split("<figcaption>")[1])
        found[unescape(name)] = (unescape(words), " ".join(unescape(caption).split()))
    return found


def test_the_demo_home_page_quotes_the_directors_published_words(client):
    call_command("load_demo", stdout=StringIO())
    english = shown_quotes(client.get("/en/").content.decode())
    assert {name: words for name, (words, _) in english.items()} == PUBLISHED
    for _, caption in english.values():
        assert "Institut Curie website" in caption
        assert "Translated" not in caption  # the original
    french = shown_quotes(client.get("/fr/").content.decode())
    assert set(french) == set(PUBLISHED)
    for words, caption in french.values():
        assert "Traduit de l’anglais" in caption
        assert "site de l'Institut Curie" in caption
        assert words not in PUBLISHED.values()  # a French rendering, marked as such


def test_the_invented_demo_quotes_are_replaced_where_unchanged():
    SiteSettingsFactory()
    home = HomePage.objects.create(hero_title_fr="Accueil")
    invented = HomeQuote.objects.create(
        home=home,
        name="Sebastian Amigorena",
        role_fr="Directeur du centre",
        text_fr="Réunir chercheurs et médecins, comme Marie Curie l'a voulu en 1909, pour que…",
    )
    edited = HomeQuote.objects.create(
        home=home,
        name="Dr Emanuela Romano",
        role_fr="Directrice médicale",
        text_fr="Des mots qu'un éditeur a remplacés par une citation approuvée.",
    )
    migration = importlib.import_module(
        "apps.pages.migrations.0007_demo_quotes_are_published_words"
    )
    migration.forward(django_apps, None)
    invented.refresh_from_db()
    edited.refresh_from_db()
    assert invented.text_en == PUBLISHED["Sebastian Amigorena"]
    assert invented.language == "en"
    assert invented.source_en == "Center for Cancer Immunotherapy page, Institut Curie website"
    assert edited.text_fr == "Des mots qu'un éditeur a remplacés par une citation approuvée."


def test_words_in_the_page_language_show_no_translation_note(client):
    SiteSettingsFactory()
    home = HomePage.objects.create(hero_title_fr="Accueil", hero_title_en="Home")
    HomeQuote.objects.create(
        home=home,
        name="Marie Durand",
        role_fr="Chercheuse",
        text_fr="Mots dits en français.",
        language="fr",
    )
    [(words, caption)] = shown_quotes(client.get("/fr/").content.decode()).values()
    assert "Traduit" not in caption
    [(words, caption)] = shown_quotes(client.get("/en/").content.decode()).values()
    assert "Translated from French" in caption
