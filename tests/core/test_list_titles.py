"""Filtered lists say every active filter in their title and under their heading (RGAA 8.6);
a filter value the list does not know changes nothing and breaks nothing."""

import html as html_lib
import re

import pytest

from tests.care.factories import CancerTypeFactory, ClinicalTrialFactory
from tests.factories import SiteSettingsFactory
from tests.news.factories import CategoryFactory, EventFactory, NewsArticleFactory
from tests.teams.factories import PersonFactory, ResearchThemeFactory, TeamFactory

pytestmark = pytest.mark.django_db

SITE_FR = "Centre d'immunothérapie des cancers"
SITE_EN = "Center for Cancer Immunotherapy"


@pytest.fixture(autouse=True)
def site():
    SiteSettingsFactory()


def _title(response) -> str:
    assert response.status_code == 200
    found = re.search(r"<title>(.*?)</title>", response.content.decode(), re.S)
    return html_lib.unescape(found.group(1))


def _filters_line(response) -> str:
    found = re.search(r'<p class="active-filters">(.*?)</p>', response.content.decode(), re.S)
    return html_lib.unescape(re.sub(r"<[^>]+>", "", found.group(1))) if found else ""


def test_teams_by_theme_kind_and_words(client):
    theme = ResearchThemeFactory(name_fr="Immunologie des tumeurs", name_en="Tumour immunology")
    TeamFactory(themes=[theme], name_fr="Mélanome et immunité")
    response = client.get("/fr/equipes/?theme=" + theme.slug)
    assert _title(response) == (
        f"Équipes de recherche – Thème de recherche : Immunologie des tumeurs – {SITE_FR}"
    )
    assert (
        _filters_line(response) == "Filtres actifs : Thème de recherche : Immunologie des tumeurs"
    )
    response = client.get(f"/en/teams/?q=melanoma&theme={theme.slug}&kind=clinical")
    assert _title(response) == (
        "Research teams – Search: “melanoma”; Research theme: Tumour immunology; "
        f"Kind: Clinical team – {SITE_EN}"
    )
    response = client.get("/fr/equipes/?q=m%C3%A9lanome")
    assert _title(response) == f"Équipes de recherche – Recherche : « mélanome » – {SITE_FR}"


def test_an_unfiltered_list_keeps_its_plain_title(client):
    response = client.get("/en/teams/")
    assert _title(response) == f"Research teams – {SITE_EN}"
    assert 'class="active-filters"' not in response.content.decode()


@pytest.mark.parametrize(
    "query",
    ["theme=nothing-like-it", "kind=spaceship", "q=" + "x" * 300, "page=abc", "theme=%00"],
)
def test_unknown_filter_values_are_ignored_not_errors(client, query):
    response = client.get("/en/teams/?" + query)
    assert _title(response) == f"Research teams – {SITE_EN}"


def test_trials_by_status_cancer_phase_and_words(client):
    cancer = CancerTypeFactory(name_fr="Mélanome", name_en="Melanoma", slug="melanome")
    trial = ClinicalTrialFactory(recruitment="recruiting", phase="2")
    trial.cancer_types.add(cancer)
    response = client.get("/fr/patients/essais-cliniques/?status=recruiting")
    assert _title(response) == f"Essais cliniques – Recrutement : Recrutement en cours – {SITE_FR}"
    response = client.get("/en/patients/clinical-trials/?status=recruiting&cancer=melanome&phase=2")
    assert _title(response) == (
        f"Clinical trials – Recruitment: Recruiting; Cancer: Melanoma; Phase: Phase 2 – {SITE_EN}"
    )
    assert "Recruitment: Recruiting; Cancer: Melanoma; Phase: Phase 2" in _filters_line(response)
    response = client.get("/en/patients/clinical-trials/?q=vaccine&status=unknown")
    assert _title(response) == f"Clinical trials – Search: “vaccine” – {SITE_EN}"


def test_people_by_words_category_and_letter(client):
    PersonFactory(last_name="Martin")
    response = client.get("/fr/personnes/?letter=M")
    assert _title(response) == f"Personnes – Initiale : M – {SITE_FR}"
    response = client.get("/en/people/?q=martin&category=researcher&letter=M")
    assert _title(response) == (
        f"People – Search: “martin”; Category: Researcher; Initial: M – {SITE_EN}"
    )
    assert _title(client.get("/en/people/?letter=%3C")) == f"People – {SITE_EN}"


def test_events_by_kind(client):
    EventFactory(kind="conference")
    response = client.get("/en/events/?kind=conference")
    assert _title(response) == f"Events – Kind: Conference – {SITE_EN}"
    response = client.get("/en/events/?when=past&kind=conference")
    assert _title(response) == f"Past events – Kind: Conference – {SITE_EN}"
    assert _title(client.get("/en/events/?kind=picnic")) == f"Events – {SITE_EN}"


def test_news_by_year_and_category_with_the_page_number(client):
    category = CategoryFactory(name_fr="Recherche", name_en="Research", slug="recherche")
    for day in range(1, 15):
        NewsArticleFactory(category=category, date=f"2025-03-{day:02d}")
    response = client.get("/fr/actualites/?year=2025")
    assert _title(response) == f"Actualités – Année : 2025 – {SITE_FR}"
    response = client.get("/en/news/?category=recherche&year=2025&page=2")
    assert _title(response) == f"News – Category: Research; Year: 2025 – page 2 – {SITE_EN}"
    assert _title(client.get("/en/news/?year=1850")) == f"News – {SITE_EN}"
    assert _title(client.get("/en/news/?page=2")) == f"News – page 2 – {SITE_EN}"
