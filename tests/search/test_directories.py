"""The people directory, the team finder and the trials finder filter by text with the site
search's engine: typos, accents, stemming, word beginnings, titles and leaders' names."""

import re

import pytest

from tests.care.factories import CancerTypeFactory, ClinicalTrialFactory
from tests.factories import SiteSettingsFactory
from tests.teams.factories import MembershipFactory, PersonFactory, TeamFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _site():
    SiteSettingsFactory()


def card_titles(client, url, **query):
    response = client.get(url, query)
    assert response.status_code == 200
    html = response.content.decode()
    found = re.findall(r'class="(?:card__title|person-card__name)"><a href="[^"]+">([^<]+)', html)
    return [title.strip() for title in found]


@pytest.fixture
def center(indexed):
    with indexed():
        chevalier = PersonFactory(first_name="Hélène", last_name="Chevalier", title="Dr")
        romano = PersonFactory(first_name="Emanuela", last_name="Romano", title="Dr")
        amigorena = PersonFactory(first_name="Sebastian", last_name="Amigorena")
        breast = TeamFactory(
            name_fr="Immunologie des cancers du sein",
            name_en="Breast cancer immunology",
            summary_fr="Réponses immunitaires dans les tumeurs du sein.",
            summary_en="Immune responses in breast tumours.",
        )
        lymph = TeamFactory(name_fr="Biologie des lymphocytes", name_en="Lymphocyte biology")
        MembershipFactory(team=breast, person=romano, role="head")
        MembershipFactory(team=lymph, person=amigorena, role="head")
        MembershipFactory(team=lymph, person=chevalier, role="member")
    return {"chevalier": chevalier, "romano": romano, "amigorena": amigorena}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Chevaliar", "Dr Hélène Chevalier"),
        ("chevalier", "Dr Hélène Chevalier"),
        ("Helene", "Dr Hélène Chevalier"),
        ("Amigorna", "Sebastian Amigorena"),
        ("Romanno", "Dr Emanuela Romano"),
        ("Dr Romano", "Dr Emanuela Romano"),
        ("Pr. Amigoréna", "Sebastian Amigorena"),
    ],
)
def test_people_directory_forgives_typos_accents_and_titles(client, center, query, expected):
    for url in ("/fr/personnes/", "/en/people/"):
        assert card_titles(client, url, q=query)[0] == expected


@pytest.mark.parametrize(
    ("url", "query", "expected"),
    [
        ("/fr/equipes/", "immuno sein", "Immunologie des cancers du sein"),
        ("/fr/equipes/", "Romano", "Immunologie des cancers du sein"),
        ("/fr/equipes/", "Amigorena", "Biologie des lymphocytes"),
        ("/fr/equipes/", "lymphocyte", "Biologie des lymphocytes"),
        ("/en/teams/", "breast tumour", "Breast cancer immunology"),
        ("/en/teams/", "Romanno", "Breast cancer immunology"),
    ],
)
def test_team_finder_finds_subjects_and_leaders(client, center, url, query, expected):
    assert card_titles(client, url, q=query) == [expected]


def test_directory_text_filter_keeps_the_other_filters(client, center):
    # A team filter and a name: only members of that team.
    lymph = center["amigorena"].memberships.get().team
    found = card_titles(client, "/fr/personnes/", q="Chevalier", team=lymph.slug)
    assert found == ["Dr Hélène Chevalier"]
    found = card_titles(client, "/fr/personnes/", q="Romano", team=lymph.slug)
    assert found == []


def test_drafts_are_not_found_by_the_directories(client, indexed):
    with indexed():
        PersonFactory(first_name="Zoé", last_name="Brouillon", status="draft")
        TeamFactory(name_fr="Équipe brouillon", status="draft")
    assert card_titles(client, "/fr/personnes/", q="Brouillon") == []
    assert card_titles(client, "/fr/equipes/", q="brouillon") == []


@pytest.fixture
def trials(indexed, center):
    with indexed():
        melanoma = CancerTypeFactory(name_fr="Mélanome", name_en="Melanoma")
        first = ClinicalTrialFactory(
            title_fr="Immunothérapie adjuvante du mélanome",
            title_en="Adjuvant immunotherapy for melanoma",
            acronym="MELIMMUNE",
            investigator=center["romano"],
            recruitment="closed",
        )
        first.cancer_types.add(melanoma)
        ClinicalTrialFactory(
            title_fr="Vaccin dans le cancer du sein",
            title_en="Vaccine in breast cancer",
            acronym="VAXSEIN",
            investigator=center["chevalier"],
        )
        ClinicalTrialFactory(
            title_fr="Lymphocytes T dans le mélanome",
            title_en="T cells in melanoma",
            acronym="TCELLMEL",
            recruitment="recruiting",
        )


def test_trials_finder_text_field(client, trials):
    # Recruiting trials first, then the others, among those that match.
    found = card_titles(client, "/fr/patients/essais-cliniques/", q="melanome")
    assert found == [
        "TCELLMEL – Lymphocytes T dans le mélanome",
        "MELIMMUNE – " + ("Immunothérapie adjuvante du mélanome"),
    ]
    assert card_titles(client, "/en/patients/clinical-trials/", q="vaccines") == [
        "VAXSEIN – Vaccine in breast cancer"
    ]
    assert card_titles(client, "/fr/patients/essais-cliniques/", q="Melimune") == [
        "MELIMMUNE – Immunothérapie adjuvante du mélanome"
    ]


def test_trials_finder_filters_by_investigator(client, trials, center):
    html = client.get("/fr/patients/essais-cliniques/").content.decode()
    # Only investigators of published trials are offered, by name.
    assert f'<option value="{center["romano"].slug}">Dr Emanuela Romano</option>' in html
    assert center["amigorena"].slug not in html
    found = card_titles(
        client, "/fr/patients/essais-cliniques/", investigator=center["romano"].slug
    )
    assert found == ["MELIMMUNE – Immunothérapie adjuvante du mélanome"]
    # An unknown investigator is ignored with the list shown in full, as the other filters.
    response = client.get("/fr/patients/essais-cliniques/", {"investigator": "nobody\x00"})
    assert response.status_code == 200
    assert len(card_titles(client, "/fr/patients/essais-cliniques/", investigator="nobody")) == 3


@pytest.mark.parametrize(
    "query",
    ['"', "&", "|", "!", ":*", "(", "a' OR 1=1 --", "🧬🧬", "سرطان", "\u202eevil", "x" * 99],
)
@pytest.mark.parametrize("url", ["/fr/personnes/", "/en/teams/", "/fr/patients/essais-cliniques/"])
def test_directories_take_odd_text(client, center, url, query):
    response = client.get(url, {"q": query})
    assert response.status_code == 200
    assert response.content.decode().count("<script>") == 0
