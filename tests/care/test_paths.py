"""Ways to the right page: breadcrumbs through the patients page, the contact form from every
page's footer, a profile that says its role once."""

import re

import pytest

from tests.care.factories import ClinicalTrialFactory, ConsultationFactory
from tests.factories import SiteSettingsFactory
from tests.teams.factories import PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _site():
    SiteSettingsFactory()


def crumbs(html: str) -> list[str]:
    nav = re.search(r'<nav[^>]*class="breadcrumbs"[^>]*>(.*?)</nav>', html, re.S).group(1)
    return [
        " ".join(re.sub(r"<[^>]+>", " ", item).split())
        for item in re.findall(r"<li[^>]*>(.*?)</li>", nav, re.S)
    ]


def test_trial_and_consultation_breadcrumbs_go_through_the_patients_page(client):
    trial = ClinicalTrialFactory(acronym="TRIAL-X")
    consultation = ConsultationFactory(name_fr="Consultation X")
    assert crumbs(client.get(trial.get_absolute_url()).content.decode()) == [
        "Accueil",
        "Patients et proches",
        "Essais cliniques",
        "TRIAL-X",
    ]
    assert crumbs(client.get(consultation.get_absolute_url()).content.decode()) == [
        "Accueil",
        "Patients et proches",
        "Consultations",
        "Consultation X",
    ]


@pytest.mark.parametrize("path", ["/fr/", "/en/teams/", "/fr/patients/"])
def test_every_footer_leads_to_the_contact_form(client, path):
    footer = client.get(path).content.decode().split("<footer")[1]
    assert re.search(r'<a href="/(fr|en)/contact/">', footer)


def test_a_profile_says_its_role_once(client):
    person = PersonFactory(position_fr="Chercheuse en immunologie", category="researcher")
    html = client.get(person.get_absolute_url()).content.decode()
    assert '<p class="lead">Chercheuse en immunologie</p>' in html
    assert "page-header__kicker" not in html  # the category would say it again
    without = PersonFactory(position_fr="", position_en="", category="physician")
    html = client.get(without.get_absolute_url()).content.decode()
    assert '<p class="page-header__kicker">Médecin</p>' in html
