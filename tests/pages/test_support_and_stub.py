"""The donation page gives a clear way to give; the leftover patients stub page is gone and its
old addresses lead to the patients hub."""

import importlib

import pytest

from apps.core.models import Redirect
from apps.pages.migrations._texts_0009 import STUB_INTRO_FR
from apps.pages.models import Page
from tests.factories import PageFactory, SiteSettingsFactory
from tests.migration_registry import todays_models

pytestmark = pytest.mark.django_db

pages_0009 = importlib.import_module("apps.pages.migrations.0009_demo_pages_tell_the_truth")


def support_page():
    return PageFactory(
        kind="support",
        slug_fr="nous-soutenir",
        slug_en="support-us",
        title_fr="Nous soutenir",
        title_en="Support us",
        body_fr="<p>Le centre est en grande partie financé par la générosité du public.</p>",
    )


def test_the_donation_page_has_a_prominent_button_to_the_donation_link(client):
    SiteSettingsFactory(donation_url_fr="https://curie.fr/", donation_url_en="https://curie.fr/")
    support_page()
    html = client.get("/fr/nous-soutenir/").content.decode()
    button = '<a class="button give-cta__button" href="https://curie.fr/">Faire un don</a>'
    assert button in html
    # Right under the title and lead, before the text.
    assert html.index(button) < html.index("générosité du public.</p>")
    en = client.get("/en/support-us/").content.decode()
    assert '<a class="button give-cta__button" href="https://curie.fr/">Make a donation</a>' in en


def test_the_donation_page_works_without_a_donation_link(client):
    SiteSettingsFactory(donation_url_fr="", donation_url_en="")
    support_page()
    response = client.get("/fr/nous-soutenir/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "give-cta" not in html and "générosité du public" in html


def test_only_the_donation_page_shows_the_button(client):
    SiteSettingsFactory(donation_url_fr="https://curie.fr/")
    PageFactory(slug_fr="le-centre")
    assert "give-cta" not in client.get("/fr/le-centre/").content.decode()


def test_the_patients_stub_page_is_removed_and_its_addresses_lead_to_the_hub(client):
    SiteSettingsFactory()
    stub = PageFactory(
        slug_fr="informations-patients",
        slug_en="patient-information",
        title_fr="Patients",
        intro_fr=STUB_INTRO_FR,
    )
    kept = PageFactory(slug_fr="le-centre")
    pages_0009.forward(todays_models, None)
    assert not Page.objects.filter(pk=stub.pk).exists()
    assert Page.objects.filter(pk=kept.pk).exists()
    for old, hub in (
        ("/fr/informations-patients/", "/fr/patients/"),
        ("/en/patient-information/", "/en/patients/"),
    ):
        response = client.get(old)
        assert response.status_code == 301, old
        assert response["Location"] == hub
        assert client.get(hub).status_code == 200
    # A page published later at that address is served, and takes the address back.
    PageFactory(slug_fr="informations-patients", slug_en="patient-information", title_fr="Neuve")
    assert client.get("/fr/informations-patients/").status_code == 200
    assert not Redirect.objects.filter(old_path="/fr/informations-patients/").exists()


def test_a_page_an_editor_rewrote_is_not_deleted():
    SiteSettingsFactory()
    PageFactory(slug_fr="informations-patients", intro_fr="Nos contacts pour les patients.")
    pages_0009.forward(todays_models, None)
    assert Page.objects.filter(path_fr="informations-patients").exists()
    assert not Redirect.objects.exists()
