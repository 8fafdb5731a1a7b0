import json
import re

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from tests.care.factories import CancerTypeFactory, ClinicalTrialFactory, ContactPointFactory
from tests.factories import SiteSettingsFactory
from tests.teams.factories import PersonFactory, TeamFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _site():
    SiteSettingsFactory()


def _titles(html):
    return re.findall(r'class="card__title"><a href="[^"]+">([^<]+)', html)


def test_recruiting_trials_come_first_and_filters_work(client):
    breast = CancerTypeFactory(slug="sein", name_fr="Sein")
    closed = ClinicalTrialFactory(acronym="CLOSED", recruitment="closed", phase="2")
    recruiting = ClinicalTrialFactory(
        acronym="OPEN", recruitment="recruiting", phase="1", treatment="vaccine"
    )
    recruiting.cancer_types.add(breast)
    ClinicalTrialFactory(acronym="DRAFT", status="draft")
    html = client.get("/fr/patients/essais-cliniques/").content.decode()
    assert [t.split(" ")[0] for t in _titles(html)] == ["OPEN", "CLOSED"]
    # Each card says, in French, whether the trial recruits.
    assert re.findall(r'<p class="card__meta">(.+?)</p>', html) == [
        '<span class="trial-status trial-status--recruiting">Recrutement en cours</span> · Phase 1',
        '<span class="trial-status trial-status--closed">Terminé</span> · Phase 2',
    ]
    for query, expected in (
        ("status=closed", "CLOSED"),
        ("cancer=sein", "OPEN"),
        ("phase=2", "CLOSED"),
        ("treatment=vaccine", "OPEN"),
    ):
        titles = _titles(client.get(f"/fr/patients/essais-cliniques/?{query}").content.decode())
        assert [t.split(" ")[0] for t in titles] == [expected], query
    html = client.get("/en/patients/clinical-trials/?status=closed").content.decode()
    assert [t.split(" ")[0] for t in _titles(html)] == ["CLOSED"]
    assert f'<a href="/en/patients/clinical-trials/{closed.slug}/">CLOSED' in html
    assert ">Closed</span> · Phase 2</p>" in html


@pytest.mark.parametrize(
    "query",
    ["status=nope", "cancer=%00", "phase=9", "page=abc", "treatment=" + "x" * 5000, "page=99999"],
)
def test_bad_trial_filters_never_fail(client, query):
    ClinicalTrialFactory(acronym="ONLY")
    response = client.get(f"/fr/patients/essais-cliniques/?{query}")
    assert response.status_code == 200
    # A bad value is ignored: the whole list is shown.
    html = response.content.decode()
    assert [t.split(" ")[0] for t in _titles(html)] == ["ONLY"]
    assert '<p class="results-count" role="status">1 essai</p>' in html


def test_trial_page(client):
    investigator = PersonFactory(first_name="Emma", last_name="Investigatrice")
    team = TeamFactory(name_fr="Équipe essais")
    trial = ClinicalTrialFactory(
        acronym="IMMUNO",
        nct_number="nct00000001",
        euct_number="2099-500001-11-00",
        eligibility_fr="Avoir 18 ans\nBiopsie",
        investigator=investigator,
        contact_point=ContactPointFactory(phone="01 02 03 04 05", weekdays=True),
    )
    trial.teams.add(team)
    html = client.get(f"/fr/patients/essais-cliniques/{trial.slug}/").content.decode()
    assert 'href="https://clinicaltrials.gov/study/NCT00000001"' in html
    assert "EUCT=2099-500001-11-00" in html
    assert "<li>Avoir 18 ans</li>" in html
    assert "Emma Investigatrice" in html and "Équipe essais" in html
    assert 'href="tel:+33102030405"' in html
    # Patient review (issue 12): the phase in plain words, the numbers on one line, the
    # recruitment at a glance, a title for the investigator that suits a woman or a man.
    phase = trial.get_phase_display()
    assert f"<strong>{phase}.</strong> Un essai de phase" in html
    assert 'class="nowrap" href="https://clinicaltrials.gov/study/NCT00000001"' in html
    assert f'<span class="trial-status trial-status--{trial.recruitment}">' in html
    assert "<h2>Responsable de l’essai</h2>" in html
    data = json.loads(re.search(r'ld\+json">(.*?)</script>', html, re.S).group(1))
    assert data["@type"] == "MedicalTrial" and "NCT00000001" in data["identifier"]
    profile = client.get(f"/fr/personnes/{investigator.slug}/").content.decode()
    assert "IMMUNO" in profile
    assert "IMMUNO" in client.get(f"/fr/equipes/{team.slug}/").content.decode()


def test_a_sample_trials_numbers_link_to_no_registry(client):
    """Made-up numbers of demonstration trials are shown as text: a real trial may have them."""
    trial = ClinicalTrialFactory(
        acronym="DEMO", nct_number="NCT00000002", euct_number="2099-500002-22-00", is_sample=True
    )
    html = client.get(f"/fr/patients/essais-cliniques/{trial.slug}/").content.decode()
    registries = re.search(r"Registres publics :</strong>(.*?)</p>", html, re.S).group(1)
    assert "NCT00000002" in registries and "2099-500002-22-00" in registries
    assert "<a" not in registries
    assert "clinicaltrials.gov" not in html and "euclinicaltrials.eu" not in html
    data = json.loads(re.search(r'ld\+json">(.*?)</script>', html, re.S).group(1))
    assert "identifier" not in data


def test_registry_numbers_are_validated_and_unique():
    bad = ClinicalTrialFactory.build(nct_number="NCT123", euct_number="2023-1-1-1")
    with pytest.raises(ValidationError) as info:
        bad.full_clean()
    assert {"nct_number", "euct_number"} <= set(info.value.message_dict)
    ClinicalTrialFactory(nct_number="NCT00000009")
    with pytest.raises(IntegrityError), transaction.atomic():
        ClinicalTrialFactory(nct_number="nct00000009")


def test_unknown_and_draft_trials_are_404(client):
    draft = ClinicalTrialFactory(status="draft")
    assert client.get("/fr/patients/essais-cliniques/nope/").status_code == 404
    assert client.get(f"/fr/patients/essais-cliniques/{draft.slug}/").status_code == 404


def test_the_five_choices_fold_under_one_line_that_counts_those_in_use(client):
    ClinicalTrialFactory(acronym="OPEN", recruitment="recruiting", phase="3")
    html = client.get("/fr/patients/essais-cliniques/").content.decode()
    start = html.index('<details class="filters__more"')
    fold = html[start : html.index("</details>", start)]
    assert "data-open-wide" in fold and " open" not in fold.split(">")[0]
    for name in ("status", "cancer", "phase", "treatment", "investigator"):
        assert f'name="{name}"' in fold, name
    assert 'name="q"' not in fold, "the words stay in sight"
    assert "Recrutement, cancer, phase et plus" in fold
    assert "critère" not in fold
    html = client.get("/fr/patients/essais-cliniques/?status=recruiting&phase=3&q=x").content
    assert '<span class="badge">2 critères choisis</span>' in html.decode()
    html = client.get("/en/patients/clinical-trials/?phase=3&status=nope").content.decode()
    assert '<span class="badge">1 chosen</span>' in html
