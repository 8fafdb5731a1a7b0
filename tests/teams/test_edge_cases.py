"""Cases found in review: each once gave a wrong page or an error page."""

import datetime
import json
import re
from html import unescape

import pytest
from django.utils import timezone

from apps.teams.models import Membership
from tests.factories import SiteSettingsFactory, UserFactory
from tests.teams.factories import (
    MembershipFactory,
    PersonFactory,
    PublicationFactory,
    TeamFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _site():
    SiteSettingsFactory()


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(username="boss", is_staff=True, is_superuser=True))
    return client


def _team_form(client, team):
    page = client.get(f"/admin/teams/team/{team.pk}/change/")
    form = page.context["adminform"].form
    data = {}
    for name in form.fields:
        value = form.initial.get(name)
        if value is None:
            continue
        if hasattr(value, "pk"):
            value = value.pk
        elif isinstance(value, list | tuple):
            value = [getattr(v, "pk", v) for v in value]
        data[name] = value
    for inline in page.context["inline_admin_formsets"]:
        formset = inline.formset
        data[f"{formset.prefix}-TOTAL_FORMS"] = "0"
        data[f"{formset.prefix}-INITIAL_FORMS"] = "0"
    return data


def _add_rows(data, prefix, rows):
    data[f"{prefix}-TOTAL_FORMS"] = str(len(rows))
    for index, row in enumerate(rows):
        for key, value in row.items():
            data[f"{prefix}-{index}-{key}"] = value


def test_two_leaders_in_one_save_is_a_form_error(admin_client):
    team = TeamFactory()
    a, b = PersonFactory(), PersonFactory()
    data = _team_form(admin_client, team)
    _add_rows(
        data,
        "memberships",
        [
            {"person": a.pk, "role": "head", "order": 0},
            {"person": b.pk, "role": "head", "order": 1},
        ],
    )
    response = admin_client.post(f"/admin/teams/team/{team.pk}/change/", data)
    assert response.status_code == 200
    assert not Membership.objects.filter(team=team).exists()


def test_same_person_twice_as_current_member_is_a_form_error(admin_client):
    team = TeamFactory()
    a = PersonFactory()
    data = _team_form(admin_client, team)
    _add_rows(
        data,
        "memberships",
        [
            {"person": a.pk, "role": "member", "order": 0},
            {"person": a.pk, "role": "member", "order": 1},
        ],
    )
    assert admin_client.post(f"/admin/teams/team/{team.pk}/change/", data).status_code == 200
    assert not Membership.objects.filter(team=team).exists()


def test_leader_added_from_a_person_page_clashing_with_the_database(admin_client):
    team = TeamFactory()
    MembershipFactory(team=team, role="head", start_date=datetime.date(2020, 1, 1))
    person = PersonFactory()
    page = admin_client.get(f"/admin/teams/person/{person.pk}/change/")
    form = page.context["adminform"].form
    data = {k: (getattr(v, "pk", v)) for k, v in form.initial.items() if v is not None}
    for inline in page.context["inline_admin_formsets"]:
        data[f"{inline.formset.prefix}-TOTAL_FORMS"] = "0"
        data[f"{inline.formset.prefix}-INITIAL_FORMS"] = "0"
    _add_rows(
        data,
        "memberships",
        [{"team": team.pk, "role": "head", "order": 0, "start_date": "2021-01-01"}],
    )
    response = admin_client.post(f"/admin/teams/person/{person.pk}/change/", data)
    assert response.status_code == 200
    assert not person.memberships.exists()


def test_doi_differing_only_in_case_is_a_form_error(admin_client):
    PublicationFactory(doi="10.1234/abc")
    response = admin_client.post(
        "/admin/teams/publication/add/",
        {
            "title": "T",
            "authors": "A",
            "year": 2020,
            "doi": "10.1234/ABC",
            "pmid": "",
            "url": "",
            "team_links-TOTAL_FORMS": 0,
            "team_links-INITIAL_FORMS": 0,
            "person_links-TOTAL_FORMS": 0,
            "person_links-INITIAL_FORMS": 0,
        },
    )
    assert response.status_code == 200
    assert "doi" in response.context["adminform"].form.errors


def test_leader_is_listed_before_co_leader_on_cards(client):
    team = TeamFactory()
    MembershipFactory(
        team=team, role="co_head", person=PersonFactory(first_name="Colette", last_name="Aco")
    )
    MembershipFactory(
        team=team, role="head", person=PersonFactory(first_name="Henri", last_name="Zed")
    )
    html = client.get("/fr/equipes/").content.decode()
    assert html.index("Henri Zed") < html.index("Colette Aco")


def test_rejoined_member_is_listed_once_and_future_members_wait(client):
    team = TeamFactory()
    person = PersonFactory(first_name="Back", last_name="Again")
    MembershipFactory(
        team=team,
        person=person,
        role="head",
        start_date=datetime.date(2010, 1, 1),
        end_date=datetime.date(2015, 1, 1),
    )
    MembershipFactory(team=team, person=person, role="member", start_date=datetime.date(2016, 1, 1))
    later = timezone.localdate() + datetime.timedelta(days=300)
    MembershipFactory(
        team=team, person=PersonFactory(first_name="Not", last_name="Yet"), start_date=later
    )
    html = client.get(f"/fr/equipes/{team.slug}/").content.decode()
    assert html.count("Back Again") == 1
    assert "Not Yet" not in html
    html = client.get(f"/fr/personnes/{person.slug}/").content.decode()
    assert 'id="past-title"' not in html


def test_former_member_can_come_back():
    team = TeamFactory()
    person = PersonFactory()
    MembershipFactory(team=team, person=person, role="alumnus", end_date=None)
    MembershipFactory(team=team, person=person, role="member")
    assert Membership.objects.filter(team=team, person=person).count() == 2


def test_names_outside_a_to_z_are_under_hash(client):
    PersonFactory(first_name="Søren", last_name="Østergaard")
    PersonFactory(first_name="Jean", last_name="'t Hooft")
    PersonFactory(first_name="Ada", last_name="Zed")
    html = client.get("/fr/personnes/").content.decode()
    assert 'letter=O"' in html  # Ø folds to O
    assert 'letter=%23"' in html
    html = client.get("/fr/personnes/", {"letter": "#"}).content.decode()
    names = re.findall(r'person-card__name"><a href="[^"]+">([^<]+)', html)
    assert [unescape(name) for name in names] == ["Jean 't Hooft"]


def test_json_ld_has_no_email(client):
    person = PersonFactory(email="jane@example.org", show_email=True)
    team = TeamFactory(email="team@example.org")
    for url in (f"/fr/personnes/{person.slug}/", f"/fr/equipes/{team.slug}/"):
        html = client.get(url).content.decode()
        block = re.search(r'ld\+json">(.*?)</script>', html, re.S).group(1)
        assert "email" not in json.loads(block)
        assert "@example.org" not in block


def test_lower_case_orcid_check_character_is_accepted():
    person = PersonFactory.build(orcid="0000-0002-1694-233x", slug="x-y")
    person.full_clean()
    assert person.orcid == "0000-0002-1694-233X"


@pytest.mark.parametrize(
    "payload",
    [
        b"PMID- 1\nTI  - Title\x00\nDP  - 2020\n",
        b"PMID- 1\nTI  - Title\n\n      continued after a blank line\nDP  - 2020\n",
    ],
)
def test_damaged_medline_files_are_refused_with_a_message(payload):
    from apps.teams.pubmed import PubmedFormatError, parse_pubmed

    with pytest.raises(PubmedFormatError):
        parse_pubmed(payload)


def test_hidden_or_scheduled_publications_stay_off_the_pages(client):
    from tests.teams.factories import PersonPublicationFactory, TeamPublicationFactory

    team = TeamFactory()
    person = PersonFactory()
    later = timezone.now() + datetime.timedelta(days=2)
    for title, extra in (
        ("Visible paper", {}),
        ("Hidden paper", {"status": "draft"}),
        ("Future paper", {"publish_at": later}),
    ):
        publication = PublicationFactory(title=title, **extra)
        TeamPublicationFactory(team=team, publication=publication)
        PersonPublicationFactory(person=person, publication=publication)
    for url in (f"/fr/equipes/{team.slug}/", f"/fr/personnes/{person.slug}/"):
        html = client.get(url).content.decode()
        assert "Visible paper" in html
        assert "Hidden paper" not in html and "Future paper" not in html
