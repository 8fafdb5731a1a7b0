"""Issue 14, item 7: web addresses, alternative texts and search-engine texts checked at save,
with clear messages (phone numbers: tests/core/test_phones.py)."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import translation

from apps.core.models import Image
from tests.admin_forms import form_values
from tests.factories import PageFactory, SiteEditorFactory, SiteSettingsFactory, make_image

pytestmark = pytest.mark.django_db

WEB_ADDRESSES = [
    ("mc21.Supporter", "url"),
    ("news.Event", "online_url"),
    ("news.Event", "registration_url"),
    ("pages.HomeQuote", "source_url"),
    ("teams.Team", "website"),
    ("teams.Publication", "url"),
]


@pytest.mark.parametrize(("model", "field"), WEB_ADDRESSES)
@pytest.mark.parametrize("address", ["ftp://files.example.org/a.pdf", "javascript:alert(1)"])
def test_a_web_address_must_be_http_or_https(model, field, address):
    db_field = apps.get_model(model)._meta.get_field(field)
    with translation.override("fr"), pytest.raises(ValidationError) as refused:
        db_field.clean(address, None)
    assert refused.value.messages == [
        "Saisissez une adresse web complète qui commence par https://, par exemple "
        "https://www.institut-curie.org/."
    ]
    assert db_field.clean("https://www.institut-curie.org/recherche", None)
    form_field = db_field.formfield()
    with translation.override("fr"), pytest.raises(ValidationError) as refused_by_form:
        form_field.clean(address)
    assert refused_by_form.value.messages == refused.value.messages, "one plain message"
    assert form_field.clean("www.institut-curie.org") == "https://www.institut-curie.org"


@pytest.mark.parametrize("name", ["IMG_1234.JPG", "photo-labo.webp", "  scan.png "])
def test_an_alternative_text_cannot_be_a_file_name(name):
    image = make_image()
    image.alt_text_en = name
    with translation.override("fr"), pytest.raises(ValidationError) as refused:
        image.full_clean()
    assert refused.value.message_dict == {
        "alt_text_en": [
            "Ceci est un nom de fichier : décrivez en une phrase ce que montre l’image."
        ]
    }
    image.alt_text_en = "A researcher at a microscope, photo.jpg on the screen"
    image.full_clean()


@pytest.fixture
def editor_client():
    SiteSettingsFactory()
    client = Client(HTTP_ACCEPT_LANGUAGE="fr")
    client.force_login(SiteEditorFactory())
    return client


def test_search_texts_show_their_best_length_and_warn_when_outside_it(editor_client):
    page = PageFactory(seo_description_fr="", seo_title_fr="")
    url = f"/admin/pages/page/{page.pk}/change/"
    response = editor_client.get(url)
    html = response.content.decode()
    assert 'data-length-max="160"' in html and 'data-length-min="50"' in html
    assert "{count} caractères (idéal : 50 à 160)" in html
    assert "admin-length-hints.js" in html

    data = form_values(html, "page_form")
    long_text = "Une description bien trop longue pour un moteur de recherche. " * 4
    data.update(
        {"seo_description_fr": long_text, "seo_title_fr": "Titre court et clair", "_save": ""}
    )
    response = editor_client.post(url, data, follow=True)
    assert response.status_code == 200
    shown = [str(message) for message in response.context["messages"]]
    warnings = [m for m in shown if "caractères : l’idéal est de 50 à 160" in m]
    assert len(warnings) == 1, shown
    assert f"compte {len(long_text.strip())} caractères" in warnings[0]
    page.refresh_from_db()
    assert page.seo_description_fr == long_text.strip(), "a warning, not a refusal"
    assert not any("10 à 60" in m for m in shown), "the title is within its range"


def test_an_image_alternative_text_has_its_hint(editor_client):
    image = make_image()
    html = editor_client.get(f"/admin/core/image/{image.pk}/change/").content.decode()
    assert "(idéal : 5 à 150)" in html
    assert Image.objects.filter(pk=image.pk).exists()
