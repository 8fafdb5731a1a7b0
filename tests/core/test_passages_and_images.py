"""Passages in another language are marked (RGAA 8.7): publication titles and journal names in
English on French pages, French captions and credits on English pages, French titles standing in
for English ones. Decorative images have an empty alternative on lists and pages (RGAA 1.2)."""

import re

import pytest

from apps.core.services import image_create
from tests.factories import HomePageFactory, PageFactory, SiteSettingsFactory, image_bytes
from tests.news.factories import NewsArticleFactory
from tests.teams.factories import (
    PersonPublicationFactory,
    PublicationFactory,
    TeamFactory,
    TeamPublicationFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def site():
    SiteSettingsFactory()


def _image(**kwargs):
    values = {
        "data": image_bytes(),
        "filename": "test.jpg",
        "title": "Image",
        "alt_text_fr": "Texte de remplacement",
        "alt_text_en": "Alternative text",
    }
    return image_create(**{**values, **kwargs})


def _publications(html: str) -> str:
    return html[html.index('<ul class="publications">') :]


def test_publication_titles_and_journals_are_marked_english_on_french_pages(client):
    link = TeamPublicationFactory(
        publication=PublicationFactory(title="T cells in melanoma", journal="Nature Immunology")
    )
    html = _publications(client.get(f"/fr/equipes/{link.team.slug}/").content.decode())
    assert '<span lang="en">T cells in melanoma</span>' in html
    assert '<i lang="en">Nature Immunology</i>' in html
    # On English pages they are in the page's language: nothing to mark.
    html = _publications(client.get(f"/en/teams/{link.team.slug_en}/").content.decode())
    assert "<span>T cells in melanoma</span>" in html and 'lang="en"' not in html


def test_a_publication_in_french_is_marked_french_on_english_pages(client):
    link = PersonPublicationFactory(
        publication=PublicationFactory(title="L'immunothérapie en 2025", language="fr")
    )
    html = _publications(client.get(f"/fr/personnes/{link.person.slug}/").content.decode())
    assert "<span>L&#x27;immunothérapie en 2025</span>" in html
    html = _publications(client.get(f"/en/people/{link.person.slug}/").content.decode())
    assert '<span lang="fr">L&#x27;immunothérapie en 2025</span>' in html


def test_the_language_of_a_publication_is_edited_in_the_admin(admin_client):
    publication = PublicationFactory()
    assert publication.language == "en"
    html = admin_client.get(f"/admin/teams/publication/{publication.pk}/change/").content.decode()
    assert 'name="language"' in html and '<option value="en" selected>' in html


def test_french_captions_and_credits_are_marked_on_english_pages(client):
    image = _image(caption_fr="Le laboratoire", caption_en="", credit="Photo : Institut Curie")
    team = TeamFactory(image=image)
    english = client.get(f"/en/teams/{team.slug_en}/").content.decode()
    figure = english[english.index("<figcaption>") : english.index("</figcaption>")]
    assert '<span lang="fr">Le laboratoire</span>' in figure
    assert '<span lang="fr">Photo : Institut Curie</span>' in figure
    french = client.get(f"/fr/equipes/{team.slug_fr}/").content.decode()
    figure = french[french.index("<figcaption>") : french.index("</figcaption>")]
    assert "lang=" not in figure and "Le laboratoire" in figure


def test_an_english_caption_needs_no_mark(client):
    image = _image(caption_fr="Le laboratoire", caption_en="The laboratory")
    page = PageFactory(image=image)
    english = client.get("/en/" + page.path_en + "/").content.decode()
    figure = english[english.index("<figcaption>") : english.index("</figcaption>")]
    assert figure == "<figcaption>The laboratory"


def test_an_article_credit_in_french_is_marked_on_its_english_page(client):
    article = NewsArticleFactory(image=_image(credit="Illustration : Jeanne Dupont"))
    english = client.get(f"/en/news/{article.slug_en}/").content.decode()
    assert 'Credit: <span lang="fr">Illustration : Jeanne Dupont</span>' in english


# Decorative images (the demo's abstract team images) ------------------------------------------


@pytest.fixture
def decorative():
    return _image(title="Abstract", filename="abstract.jpg", decorative=True)


def test_decorative_team_images_have_an_empty_alt_on_lists_and_pages(client, decorative):
    team = TeamFactory(image=decorative)
    for url in ("/fr/equipes/", f"/fr/equipes/{team.slug_fr}/", "/en/teams/"):
        html = client.get(url).content.decode()
        alts = re.findall(r'<img [^>]*alt="([^"]*)"', html[html.index("<main") :])
        assert alts and set(alts) == {""}, url


def test_decorative_images_have_an_empty_alt_on_home_and_news_cards(client, decorative):
    HomePageFactory()
    TeamFactory(image=decorative)
    NewsArticleFactory(image=decorative)
    NewsArticleFactory(image=decorative)
    for url in ("/fr/", "/en/", "/fr/actualites/"):
        html = client.get(url).content.decode()
        main = html[html.index("<main") :]
        images = re.findall(r"<img [^>]*>", main)
        assert any(' alt=""' in tag for tag in images), url
        assert "Texte de remplacement" not in main and "Alternative text" not in main, url


def test_an_informative_image_keeps_its_alternative(client):
    team = TeamFactory(image=_image(title="Photo"))
    html = client.get(f"/en/teams/{team.slug_en}/").content.decode()
    assert 'alt="Alternative text"' in html
