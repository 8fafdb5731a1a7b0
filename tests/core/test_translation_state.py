"""Issue 14, item 2: the state of each item's English (complete, missing, outdated), shown,
filtered, warned of and counted; English slugs, with the French-slug addresses redirecting."""

from __future__ import annotations

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test import Client
from django.utils import translation

from apps.core.models import TranslationState
from apps.core.translation_state import ensure_states
from tests.admin_forms import form_values
from tests.care.factories import ConsultationFactory
from tests.factories import HomePageFactory, PageFactory, SiteEditorFactory, SiteSettingsFactory
from tests.news.factories import CategoryFactory, EventFactory, NewsArticleFactory
from tests.teams.factories import PersonFactory, TeamFactory

pytestmark = pytest.mark.django_db


def state(obj) -> TranslationState:
    return TranslationState.objects.get(
        content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk
    )


def test_missing_then_complete_then_outdated_then_complete_again():
    article = NewsArticleFactory(title_fr="Titre", title_en="", lead_en="", body_en="")
    assert state(article).state == "missing"
    assert state(article).missing == ["title", "lead", "body"], "in the form's order"

    article.title_en, article.lead_en, article.body_en = "Title", "Lead", "<p>Body</p>"
    article.save()
    assert (state(article).state, state(article).missing) == ("complete", [])

    article.title_fr = "Titre corrigé"  # the French changes, the English does not
    article.save()
    assert (state(article).state, state(article).outdated) == ("outdated", ["title"])
    article.lead_fr = "Chapeau revu"
    article.save()
    assert state(article).outdated == ["title", "lead"]

    article.title_en = "Corrected title"
    article.save()
    assert (state(article).state, state(article).outdated) == ("outdated", ["lead"])
    article.lead_en = "Revised lead"
    article.save()
    assert state(article).state == "complete"

    article.body_en = "<p></p>"  # an empty paragraph is no English
    article.save()
    assert (state(article).state, state(article).missing) == ("missing", ["body"])


def test_items_saved_before_states_existed_get_one_at_migrate():
    article = NewsArticleFactory(title_en="")
    complete = NewsArticleFactory()
    TranslationState.objects.all().delete()
    ensure_states()
    ensure_states()
    assert state(article).state == "missing" and state(complete).state == "complete"
    article.delete()
    assert not TranslationState.objects.filter(object_id=article.pk).exists()


@pytest.fixture
def editor():
    SiteSettingsFactory()
    HomePageFactory()
    client = Client(HTTP_ACCEPT_LANGUAGE="fr")
    client.force_login(SiteEditorFactory())
    return client


def test_lists_show_filter_and_settle_the_english(editor):
    missing = NewsArticleFactory(title_fr="Sans anglais", title_en="")
    outdated = NewsArticleFactory(title_fr="Ancien", title_en="Old")
    outdated.title_fr = "Nouveau"
    outdated.save()
    NewsArticleFactory(title_fr="Traduit", title_en="Translated")

    listing = editor.get("/admin/news/newsarticle/").content.decode()
    assert '<span class="english-state english-state--missing">Manquant</span>' in listing
    assert '<span class="english-state english-state--outdated">À revoir</span>' in listing
    assert "Complet" in listing
    for value, shown in (("missing", "Sans anglais"), ("outdated", "Nouveau")):
        html = editor.get(f"/admin/news/newsarticle/?english={value}").content.decode()
        assert shown in html and "Traduit" not in html
    assert editor.get("/admin/news/newsarticle/?english=%00").status_code in (200, 400)

    response = editor.post(
        "/admin/news/newsarticle/",
        {"action": "mark_english_up_to_date", "_selected_action": [outdated.pk, missing.pk]},
        follow=True,
    )
    assert "Anglais de 1 élément marqué comme à jour." in response.content.decode()
    assert state(outdated).state == "complete"
    assert state(missing).state == "missing", "a missing English is not settled by a tick"


def test_a_save_warns_of_missing_or_outdated_english_and_keeps_it(editor):
    article = NewsArticleFactory(title_fr="Titre", title_en="Title")
    url = f"/admin/news/newsarticle/{article.pk}/change/"
    data = form_values(editor.get(url).content.decode(), "newsarticle_form")
    data.update({"title_fr": "Titre revu", "lead_en": "", "_save": ""})
    response = editor.post(url, data, follow=True)
    shown = [str(message) for message in response.context["messages"]]
    assert any(m.startswith("Pas encore d’anglais pour : chapô.") for m in shown), shown
    assert any(
        "Le français a changé depuis que l’anglais a été écrit, pour : titre" in m for m in shown
    )
    article.refresh_from_db()
    assert (article.title_fr, article.lead_en) == ("Titre revu", ""), "saved all the same"


ITEMS = {
    "article": lambda: NewsArticleFactory(
        title_fr="Ouverture du centre", title_en="The center opens"
    ),
    "event": lambda: EventFactory(title_fr="Séminaire d’hiver", title_en="Winter seminar"),
    "team": lambda: TeamFactory(name_fr="Immunité et cancer", name_en="Immunity and cancer"),
    "page": lambda: PageFactory(title_fr="Nos missions", title_en="Our aims", slug_en="our-aims"),
    "consultation": lambda: ConsultationFactory(
        name_fr="Consultation d’immunothérapie", name_en="Immunotherapy consultation"
    ),
}


@pytest.mark.parametrize("kind", ITEMS)
def test_english_addresses_read_in_english_and_french_slugs_redirect(client, kind):
    SiteSettingsFactory()
    HomePageFactory()
    item = ITEMS[kind]()
    if kind != "page":  # a page's slugs are the editor's (its path follows its parents)
        item.slug_fr, item.slug_en = "", ""
        item.save()
    item.refresh_from_db()
    with translation.override("en"):
        english = item.get_absolute_url()
    with translation.override("fr"):
        french = item.get_absolute_url()
    assert item.slug_fr in french and item.slug_en in english
    assert item.slug_en != item.slug_fr
    assert client.get(english).status_code == 200
    assert client.get(french).status_code == 200
    moved = english.replace(item.slug_en, item.slug_fr)
    response = client.get(moved)
    assert (response.status_code, response["Location"]) == (301, english)


def test_slugs_are_made_from_titles_and_follow_a_first_english_title(client):
    SiteSettingsFactory()
    HomePageFactory()
    article = NewsArticleFactory(
        title_fr="Journée des patients", title_en="", slug_fr="", slug_en=""
    )
    assert (article.slug_fr, article.slug_en) == ("journee-des-patients", "journee-des-patients")
    NewsArticleFactory(
        title_fr="Autre", title_en="Patients day", slug_fr="autre", slug_en="patients-day"
    )
    article.title_en = "Patients day"
    article.save()
    assert article.slug_en == "patients-day-2", "unique, and now in English"
    response = client.get("/en/news/journee-des-patients/")
    assert (response.status_code, response["Location"]) == (301, "/en/news/patients-day-2/")
    article.title_en = "Patients' day"
    article.save()
    assert article.slug_en == "patients-day-2", "a slug once made in English stays"
    with connection.cursor() as cursor:  # the original column, as stored
        cursor.execute("SELECT slug, slug_fr FROM news_newsarticle WHERE id = %s", [article.pk])
        assert cursor.fetchone() == ("journee-des-patients", "journee-des-patients")


def test_an_admin_form_may_leave_the_slugs_empty(editor):
    response = editor.post(
        "/admin/news/category/add/",
        {"name_fr": "Vie du centre", "name_en": "Centre life", "order": 0, "status": "published"},
    )
    assert response.status_code == 302
    category = __import__("apps.news.models", fromlist=["Category"]).Category.objects.get()
    assert (category.slug_fr, category.slug_en) == ("vie-du-centre", "centre-life")


def test_category_feeds_and_filters_answer_on_both_slugs(client):
    SiteSettingsFactory()
    HomePageFactory()
    category = CategoryFactory(
        name_fr="Recherche", name_en="Research", slug_fr="recherche", slug_en="research"
    )
    NewsArticleFactory(category=category, title_fr="Un article", title_en="An article")
    for slug in ("research", "recherche"):
        feed = client.get(f"/en/news/feed/atom/{slug}/")
        assert feed.status_code == 200 and b"An article" in feed.content
    listing = client.get("/en/news/?category=recherche").content.decode()
    assert "Category: Research" in listing, "the French slug filters the English list"


def test_the_language_switcher_keeps_a_lists_filters(client):
    SiteSettingsFactory()
    HomePageFactory()
    PersonFactory()
    html = client.get("/fr/personnes/?category=researcher&page=1").content.decode()
    assert 'href="/en/people/?category=researcher&amp;page=1"' in html
    assert '<link rel="alternate" hreflang="en" href="http://testserver/en/people/">' in html


def test_saving_with_english_active_never_copies_the_french_into_the_english():
    """Review: a rich-text field's original column, saved with English active (an editor using
    the English admin), wrote the French text into the empty English column."""
    from tests.factories import PageFactory

    page = PageFactory(body_fr="<p>Texte.</p>", body_en="", intro_en="")
    article = NewsArticleFactory(body_fr="<p>Corps.</p>", body_en="")
    with translation.override("en"):
        page.save()
        article.save()
    page.refresh_from_db()
    article.refresh_from_db()
    assert page.body_en in ("", None) and article.body_en in ("", None)
    assert state(page).state == "missing" and "body" in state(page).missing
