import datetime

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation

from apps.search.indexing import rebuild
from apps.search.models import SearchDocument
from apps.search.query import search
from apps.search.text import clean_query
from tests.factories import PageFactory, SiteSettingsFactory
from tests.news.factories import EventFactory, NewsArticleFactory
from tests.teams.factories import (
    MembershipFactory,
    PersonFactory,
    ResearchThemeFactory,
    TeamFactory,
)

pytestmark = pytest.mark.django_db


def titles(text, lang="fr"):
    return [
        doc.title_fr if lang == "fr" else doc.title_en for doc in search(clean_query(text), lang)
    ]


def url(lang="fr", **query):
    with translation.override(lang):
        return reverse("search:results")


@pytest.fixture
def people(indexed):
    with indexed():
        helene = PersonFactory(first_name="Hélène", last_name="Chevalier", title="Dr")
        romano = PersonFactory(first_name="Sebastian", last_name="Romano", title="Pr")
        plain = PersonFactory(first_name="Helene", last_name="Martin")
    return helene, romano, plain


def test_urls():
    assert url("fr") == "/fr/recherche/"
    assert url("en") == "/en/search/"


def test_accents_both_ways(people):
    assert "Dr Hélène Chevalier" in titles("Helene")
    assert "Helene Martin" in titles("Hélène")
    assert "Dr Hélène Chevalier" in titles("hélène chevalier", "en")


def test_typo_on_a_last_name(people):
    assert titles("Chevaliar")[0] == "Dr Hélène Chevalier"
    assert "Pr Sebastian Romano" in titles("Romanno")


def test_academic_titles_are_ignored(people):
    assert clean_query("Dr Romano") == "Romano"
    assert clean_query("Prof. Dr. Docteur Professeur Pr Romano") == "Romano"
    assert clean_query("Drake") == "Drake"
    assert titles("Dr Romano") == ["Pr Sebastian Romano"]


def test_french_stemming(indexed):
    with indexed():
        PageFactory(title_fr="Qu'est-ce que l'immunothérapie ?", body_fr="<p>Le système.</p>")
    assert titles("immunothérapies") == ["Qu'est-ce que l'immunothérapie ?"]
    assert titles("immunotherapies") == ["Qu'est-ce que l'immunothérapie ?"]


def test_english_stemming(indexed):
    with indexed():
        NewsArticleFactory(title_en="A new biomarker", lead_en="For melanoma.")
    assert titles("biomarkers", "en") == ["A new biomarker"]


def test_english_falls_back_to_french(indexed):
    with indexed():
        page = PageFactory(title_fr="Mélanome", title_en="", intro_en="", body_en="")
    doc = SearchDocument.objects.get(object_id=page.pk, content_type__model="page")
    assert doc.title_en == "Mélanome"
    assert titles("melanome", "en") == ["Mélanome"]


def test_drafts_and_scheduled_items(indexed):
    soon = timezone.now() + datetime.timedelta(hours=1)
    with indexed():
        draft = NewsArticleFactory(title_fr="Brouillon glioblastome", status="draft")
        scheduled = NewsArticleFactory(title_fr="Programmé glioblastome", publish_at=soon)
        ended = NewsArticleFactory(
            title_fr="Retiré glioblastome",
            unpublish_at=timezone.now() - datetime.timedelta(minutes=1),
        )
    assert titles("glioblastome") == []
    # Time passes: no reindexing is needed, publication is checked at query time.
    type(scheduled).objects.filter(pk=scheduled.pk).update(
        publish_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    assert titles("glioblastome") == ["Programmé glioblastome"]
    with indexed():
        draft.status = "published"
        draft.save()
    assert sorted(titles("glioblastome")) == ["Brouillon glioblastome", "Programmé glioblastome"]
    assert ended.pk  # kept out all along


def test_index_follows_edits_leaders_themes_and_deletes(indexed):
    with indexed():
        team = TeamFactory(name_fr="Génomique des tumeurs")
        theme = ResearchThemeFactory(name_fr="Lymphocytes")
    assert titles("genomique") == ["Génomique des tumeurs"]
    with indexed():
        team.name_fr = "Immunobiologie du sein"
        team.save()
    assert titles("génomique") == []
    assert titles("sein") == ["Immunobiologie du sein"]
    with indexed():
        MembershipFactory(team=team, role="head", person=PersonFactory(last_name="Zorglub"))
    assert "Immunobiologie du sein" in titles("Zorglub")
    with indexed():
        team.themes.add(theme)
    assert titles("lymphocytes") == ["Immunobiologie du sein"]
    with indexed():
        theme.name_fr = "Macrophages"
        theme.save()
    assert titles("macrophages") == ["Immunobiologie du sein"]
    with indexed():
        team.themes.clear()
    assert titles("macrophages") == []
    with indexed():
        team.delete()
    assert titles("sein") == []
    assert not SearchDocument.objects.filter(title_fr="Immunobiologie du sein").exists()


def test_rebuild_command(capsys):
    TeamFactory(name_fr="Équipe hors index")  # saved without the commit: not indexed yet
    assert titles("hors index") == []
    call_command("rebuild_search_index")
    assert titles("hors index") == ["Équipe hors index"]
    assert "documents indexed" in capsys.readouterr().out
    assert rebuild() == SearchDocument.objects.count()


def test_results_page(client, people, indexed):
    SiteSettingsFactory()
    with indexed():
        EventFactory(
            title_fr="Séminaire Chevalier", summary_fr="Avec Chevalier <script>x</script> & a < b"
        )
    response = client.get(url("fr"), {"q": "Chevalier"})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'value="Chevalier"' in html
    assert "Dr Hélène Chevalier" in html
    assert "<mark>Chevalier</mark>" in html
    assert "<script>x" not in html
    assert "&amp; a &lt; b" in html
    assert response.context["total"] == 2
    facets = {f["key"]: f["count"] for f in response.context["facets"]}
    assert facets == {"person": 1, "event": 1}
    filtered = client.get(url("fr"), {"q": "Chevalier", "type": "event"})
    assert [r.title for r in filtered.context["results"]] == ["Séminaire Chevalier"]
    assert filtered.context["total"] == 2  # the counts stay those of every type
    assert client.get(url("fr"), {"q": "Chevalier", "type": "nope"}).context["total"] == 2
    person = people[0]
    assert person.get_absolute_url() in html


def test_empty_query_shows_help(client):
    SiteSettingsFactory()
    for query in ({}, {"q": ""}, {"q": "   "}, {"q": "Dr"}):
        response = client.get(url("en"), query)
        assert response.status_code == 200
        assert "How to search" in response.content.decode()


ODD = [
    "x" * 1500,
    "Chev\x00alier",
    '"unbalanced',
    "a & b | c ! d",
    "chev:*",
    "((((",
    "!!!",
    "<script>alert(1)</script>",
    "'; DROP TABLE search_searchdocument; --",
    "1 OR 1=1",
    "🧬🦠 immunothérapie 💉",
    "علاج مناعي",
    "עברית",
    "\u202eevil\u202c",
    "%_\\",
    "-",
    "&",
    "Dr.",
]


@pytest.mark.parametrize("query", ODD)
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_odd_input_never_fails(client, people, query, lang):
    SiteSettingsFactory()
    response = client.get(url(lang), {"q": query, "page": "x", "type": "<b>"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert" not in html
    assert "\x00" not in html
    assert len(response.context["query"]) <= 200


def test_nul_byte_is_removed(people):
    assert clean_query("Chev\x00alier") == "Chev alier"
    assert len(clean_query("é" * 5000)) == 200


def test_demo_content_is_indexed():
    from io import StringIO

    call_command("load_demo", stdout=StringIO())
    assert SearchDocument.objects.exists()
    assert SearchDocument.objects.exclude(vector_fr=None).count() == SearchDocument.objects.count()
    out = StringIO()
    call_command("load_demo", stdout=out)
    assert "nothing changed" in out.getvalue()


def test_a_renamed_physician_changes_their_trials(indexed):
    from tests.care.factories import ClinicalTrialFactory

    with indexed():
        person = PersonFactory(last_name="Durand")
        ClinicalTrialFactory(title_fr="Essai mélanome avancé", investigator=person)
    assert "Essai mélanome avancé" in titles("Durand")
    with indexed():
        person.last_name = "Zyxwadel"
        person.save()
    assert "Essai mélanome avancé" in titles("Zyxwadel")


def test_generated_queries_never_fail(people):
    """Any text, in any language and with any punctuation: a page, never an error."""
    from django.test import Client
    from hypothesis import given
    from hypothesis import settings as hypothesis_settings
    from hypothesis import strategies as st

    SiteSettingsFactory()

    @hypothesis_settings(max_examples=40, deadline=None)
    @given(q=st.text(max_size=400), kind=st.text(max_size=20), lang=st.sampled_from(["fr", "en"]))
    def get(q, kind, lang):
        response = Client(raise_request_exception=True).get(url(lang), {"q": q, "type": kind})
        assert response.status_code == 200
        assert len(response.context["query"]) <= 200

    get()


def test_the_beginning_of_a_word_finds_it(indexed):
    with indexed():
        TeamFactory(name_fr="Immunologie des cancers du sein", name_en="Breast cancer immunology")
    assert titles("immuno sein") == ["Immunologie des cancers du sein"]
    assert titles("immuno breast", "en") == ["Breast cancer immunology"]
    # Short words are matched whole: "du" finds nothing by itself but does no harm.
    assert titles("cancers du sein") == ["Immunologie des cancers du sein"]


def test_quotes_and_minus_use_the_web_search_syntax(indexed):
    with indexed():
        PageFactory(title_fr="Cancer du sein", body_fr="<p>Le dépistage du cancer du sein.</p>")
        PageFactory(title_fr="Cancer du poumon", body_fr="<p>Le tabac et le poumon.</p>")
    assert sorted(titles("cancer")) == ["Cancer du poumon", "Cancer du sein"]
    assert titles("cancer -poumon") == ["Cancer du sein"]
    assert titles('"cancer du sein"') == ["Cancer du sein"]


@pytest.mark.parametrize(
    ("typed", "suggested"),
    [
        ("Chevaliar", "Chevalier"),
        ("chevaliar helene", "Chevalier helene"),
        ("Romanno", "Romano"),
        ("Chevalier", ""),  # spelt right: nothing to suggest
        ("zzxqwv", ""),  # nothing near
    ],
)
def test_did_you_mean(people, typed, suggested):
    from apps.search.query import suggestion

    assert suggestion(clean_query(typed), "fr") == suggested


def test_did_you_mean_on_the_page_links_to_the_corrected_search(client, people):
    SiteSettingsFactory()
    html = client.get(url("fr"), {"q": "Dr Chevaliar"}).content.decode()
    assert 'Vouliez-vous dire <a href="?q=Chevalier">Chevalier</a> ?' in html
    html = client.get(url("en"), {"q": "Chevaliar"}).content.decode()
    assert 'Did you mean <a href="?q=Chevalier">Chevalier</a>?' in html
    html = client.get(url("en"), {"q": "Chevalier"}).content.decode()
    assert "Did you mean" not in html


def test_drafts_are_never_suggested(indexed):
    with indexed():
        PersonFactory(first_name="Zoé", last_name="Secretissime", status="draft")
    from apps.search.query import suggestion

    assert suggestion("Secretissima", "fr") == ""


def test_excerpts_keep_the_space_between_paragraphs(indexed):
    with indexed():
        page = PageFactory(
            title_fr="Traitements",
            body_fr="<p>Un nouveau traitement.</p><p>Cette immunothérapie<br>aide.</p><ul>"
            "<li>un</li><li>deux</li></ul>",
        )
    doc = SearchDocument.objects.get(object_id=page.pk, content_type__model="page")
    assert "traitement. Cette immunothérapie aide. un deux" in doc.body_fr


def test_publications_are_found_through_their_team_or_author(indexed):
    from tests.teams.factories import PublicationFactory

    with indexed():
        team = TeamFactory(name_fr="Équipe Lymphome", slug="lymphome")
        author = PersonFactory(last_name="Kowalska", slug="kowalska")
        paper = PublicationFactory(
            title="Dendritic cell cross-presentation in melanoma",
            authors="Kowalska A, Durand B",
            journal="Nature Immunology",
            doi="10.1038/ni.1234",
        )
        paper.teams.add(team)
        paper.people.add(author)
        PublicationFactory(title="Unlisted dendritic cell paper")  # no team, no author
    assert titles("dendritic cross-presentation", "en") == [
        "Dendritic cell cross-presentation in melanoma"
    ]
    assert "Dendritic cell cross-presentation in melanoma" in titles("Nature Immunology")
    doc = SearchDocument.objects.get(object_id=paper.pk, content_type__model="publication")
    assert doc.url_fr == "/fr/equipes/lymphome/#publications-title"
    # The team is unpublished: the publication is found through its author's profile.
    with indexed():
        team.status = "draft"
        team.save()
    doc.refresh_from_db()
    assert doc.url_en == "/en/people/kowalska/#publications-title"
    # Neither is public any more: the publication is not found.
    with indexed():
        author.status = "draft"
        author.save()
    assert titles("dendritic", "en") == []
    # A hidden publication is not found, whoever lists it.
    with indexed():
        team.status = "published"
        team.save()
        paper.status = "draft"
        paper.save()
    assert titles("dendritic", "en") == []


def test_a_deleted_theme_leaves_its_teams(indexed):
    with indexed():
        team = TeamFactory(name_fr="Équipe thématique")
        theme = ResearchThemeFactory(name_fr="Neutrophiles")
        team.themes.add(theme)
    assert titles("neutrophiles") == ["Équipe thématique"]
    with indexed():
        theme.delete()
    assert titles("neutrophiles") == []


def test_a_misspelt_name_puts_the_person_before_what_mentions_them(indexed):
    from tests.care.factories import ClinicalTrialFactory

    with indexed():
        romano = PersonFactory(first_name="Emanuela", last_name="Romano", title="Dr")
        for title in ("Association de deux traitements", "Biomarqueurs sanguins"):
            ClinicalTrialFactory(title_fr=title, investigator=romano)
    found = titles("Dr Romanno")
    assert found[0] == "Dr Emanuela Romano"
    assert len(found) == 3


def test_related_drafts_are_not_findable_through_public_objects(indexed):
    """A draft leader, investigator, physician, theme or cancer type is in no public text."""
    from tests.care.factories import CancerTypeFactory, ClinicalTrialFactory, ConsultationFactory

    with indexed():
        hidden = PersonFactory(first_name="Zéphyrine", last_name="Secretissime", status="draft")
        team = TeamFactory(name_fr="Équipe publique")
        MembershipFactory(team=team, person=hidden, role="head")
        team.themes.add(ResearchThemeFactory(name_fr="Thèmecachéxyz", status="draft"))
        trial = ClinicalTrialFactory(title_fr="Essai public", investigator=hidden)
        trial.cancer_types.add(CancerTypeFactory(name_fr="Cancerhiddenium", status="draft"))
        consultation = ConsultationFactory(name_fr="Consultation publique")
        consultation.physicians.add(hidden)
    for word in ("Secretissime", "Secretisime", "Zephyrine", "Thèmecachéxyz", "Cancerhiddenium"):
        assert titles(word) == [], word
    # Once the profile is published, the team, the trial and the consultation name her.
    with indexed():
        hidden.status = "published"
        hidden.save()
    assert sorted(titles("Secretissime")) == sorted(
        ["Zéphyrine Secretissime", "Équipe publique", "Essai public", "Consultation publique"]
    )


def test_patients_find_phones_and_hours(indexed, client):
    from tests.care.factories import ContactPointFactory

    SiteSettingsFactory()
    with indexed():
        ContactPointFactory(
            name_fr="Accueil des consultations", name_en="Outpatient desk", phone="01 44 32 40 00"
        )
    assert titles("horaires") == ["Accueil des consultations"]
    assert titles("opening hours", "en") == ["Outpatient desk"]
    assert titles("téléphone") == ["Accueil des consultations"]
    # Nothing found: the page still says where the phone numbers are.
    html = client.get(url("fr"), {"q": "zzxqwv"}).content.decode()
    assert 'href="/fr/patients/">Patients et proches : qui appeler</a>' in html


@pytest.mark.parametrize(
    ("query", "unwanted"),
    [
        ("samu", "Sample clinical study"),  # a short word is never taken for a misspelling
        ("CAR-T", "Cartographie des tumeurs"),  # three letters are not a word beginning
        ("l'immunothérapie", "Girard L, Martin P"),  # a lone letter is not an author's initial
        ("immunotherapy consultation", "Immunotherapy combined"),  # every long word must match
    ],
)
def test_fuzzy_matching_does_not_flood_the_results(indexed, query, unwanted):
    from tests.teams.factories import PublicationFactory

    with indexed():
        team = TeamFactory(name_fr="Cartographie des tumeurs", name_en="Cartographie des tumeurs")
        for title in ("Sample clinical study", "Immunotherapy combined"):
            paper = PublicationFactory(title=title, authors="Girard L, Martin P")
            paper.teams.add(team)
    assert unwanted not in titles(query, "en")


def test_euct_numbers_are_found(indexed):
    from tests.care.factories import ClinicalTrialFactory

    with indexed():
        ClinicalTrialFactory(title_fr="Essai européen", euct_number="2099-500001-11-00")
    assert titles("2099-500001-11-00") == ["Essai européen"]


@pytest.mark.parametrize("typed", ["patient", "biomarqueur", "adresse"])
def test_did_you_mean_leaves_right_words_alone(indexed, typed):
    from apps.search.query import suggestion

    with indexed():
        PageFactory(title_fr="Patients, biomarqueurs et adresseurs")
    assert suggestion(typed, "fr") == ""


def test_forbidden_code_points_never_reach_the_page(client, people):
    SiteSettingsFactory()
    for query in ("\ufffecancer", "\ufdd0cancer", "a\x85b", "\U0001fffe"):
        response = client.get(url("fr"), {"q": query})
        html = response.content.decode()
        for bad in ("\ufffe", "\ufdd0", "\x85", "\U0001fffe"):
            assert bad not in html
    html = client.get("/fr/equipes/", {"q": "a\x85\ufdd0b"}).content.decode()
    assert 'value="a\ufffd\ufffdb"' in html
