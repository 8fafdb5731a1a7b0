"""Issue 14, item 1: a team editor edits their own members' public profile (biography,
expertise, photo, featured publications), and nothing else of it."""

from __future__ import annotations

import pytest
from django.test import Client

from apps.teams.models import Person, PersonPublication
from tests.admin_forms import form_values
from tests.factories import SiteSettingsFactory, TeamEditorFactory
from tests.teams.factories import (
    MembershipFactory,
    PersonFactory,
    PublicationFactory,
    TeamFactory,
    TeamPublicationFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def profile():
    SiteSettingsFactory()
    mine, other = TeamFactory(slug="mine"), TeamFactory(slug="other")
    editor = TeamEditorFactory()
    mine.editors.add(editor)
    person = PersonFactory(
        first_name="Alice",
        last_name="Martin",
        email="alice.private@example.org",
        show_email=False,
        phone="01 44 32 40 00",
        show_phone=False,
        bio_fr="<p>Ancienne biographie.</p>",
    )
    MembershipFactory(team=mine, person=person)
    ours = TeamPublicationFactory(team=mine, publication=PublicationFactory(title="Notre article"))
    theirs = TeamPublicationFactory(team=other, publication=PublicationFactory(title="Le leur"))
    # A site editor linked the other team's paper to her profile (she co-authored it).
    PersonPublication.objects.create(person=person, publication=theirs.publication)
    client = Client(HTTP_ACCEPT_LANGUAGE="fr")
    client.force_login(editor)
    return {
        "person": person,
        "client": client,
        "url": f"/admin/teams/person/{person.pk}/change/",
        "ours": ours.publication,
        "theirs": theirs.publication,
        "other": other,
    }


def _form(response) -> dict:
    return form_values(response.content.decode(), "person_form")


def test_the_profile_form_offers_only_the_public_profile(profile):
    response = profile["client"].get(profile["url"])
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Modifier : personne</h1>" in html
    assert "En tant qu’éditeur d’équipe, vous pouvez modifier le profil public" in html
    names = set(_form(response))
    assert {"bio_fr", "bio_en", "expertise_fr", "expertise_en"} <= names
    assert 'name="photo"' in html, "the photo picker (an empty select sends nothing)"
    assert not names & {"first_name", "last_name", "slug", "status", "show_email", "email"}
    assert not names & {"phone", "show_phone", "category", "orcid", "position_fr"}
    assert not names & {"owner", "checked_on", "review_by"}, "the review is the site editors'"
    assert "alice.private@example.org" not in html and "44 32 40 00" not in html
    assert 'name="_unpublish"' not in html and 'name="_schedule"' not in html
    assert 'name="_save_draft"' in html, "changes to a live profile may wait as a draft"
    assert "/delete/" not in html


def test_saving_changes_the_profile_and_nothing_else(profile):
    client, person = profile["client"], profile["person"]
    data = _form(client.get(profile["url"]))
    data.update(
        {
            "bio_fr": "<p>Nouvelle biographie, écrite par l’équipe.</p>",
            "expertise_fr": "Lymphocytes T",
            # What the form does not offer is ignored, even when sent by hand.
            "first_name": "Pwned",
            "show_email": "on",
            "email": "attacker@example.org",
            "status": "draft",
            "slug": "pwned",
        }
    )
    theirs_row = next(
        k for k, v in data.items() if k.endswith("-publication") and v == str(profile["theirs"].pk)
    )
    data[theirs_row.removesuffix("publication") + "featured"] = "on"
    prefix = "person_publications"
    total = int(data[f"{prefix}-TOTAL_FORMS"])
    data[f"{prefix}-TOTAL_FORMS"] = str(total + 1)
    data[f"{prefix}-{total}-publication"] = str(profile["ours"].pk)
    data[f"{prefix}-{total}-featured"] = "on"
    response = client.post(profile["url"], data)
    assert response.status_code == 302, response.context and response.context["errors"]

    stored = Person.objects.get(pk=person.pk)
    assert stored.bio_fr == "<p>Nouvelle biographie, écrite par l’équipe.</p>"
    assert stored.expertise_fr == "Lymphocytes T"
    assert (stored.first_name, stored.slug, stored.status) == ("Alice", person.slug, "published")
    assert (stored.email, stored.show_email) == ("alice.private@example.org", False)
    links = dict(stored.person_publications.values_list("publication__title", "featured"))
    assert links == {"Le leur": True, "Notre article": True}


def test_another_teams_paper_cannot_be_added_to_the_profile(profile):
    client = profile["client"]
    extra = PublicationFactory(title="Encore à eux")
    TeamPublicationFactory(team=profile["other"], publication=extra)
    data = _form(client.get(profile["url"]))
    prefix = "person_publications"
    total = int(data[f"{prefix}-TOTAL_FORMS"])
    data[f"{prefix}-TOTAL_FORMS"] = str(total + 1)
    data[f"{prefix}-{total}-publication"] = str(extra.pk)
    response = client.post(profile["url"], data)
    assert response.status_code == 200
    assert "Sélectionnez un choix valide" in response.content.decode()
    assert not extra.person_links.exists()


def test_a_draft_profile_cannot_be_published_by_a_team_editor(profile):
    person = profile["person"]
    Person.objects.filter(pk=person.pk).update(status="draft")
    client = profile["client"]
    response = client.get(profile["url"])
    html = response.content.decode()
    assert 'name="_publish"' not in html and "publishing-row" not in html
    data = {**_form(response), "_publish": "Publier maintenant", "bio_fr": "<p>Prête.</p>"}
    assert client.post(profile["url"], data).status_code == 302
    stored = Person.objects.get(pk=person.pk)
    assert (stored.status, stored.bio_fr) == ("draft", "<p>Prête.</p>")


def test_no_import_no_deletion_no_private_lookups_for_team_editors(profile):
    client, person = profile["client"], profile["person"]
    assert client.get("/admin/teams/person/import/").status_code == 403
    assert client.post(f"/admin/teams/person/{person.pk}/delete/", {"post": "yes"}).status_code == (
        403
    )
    assert client.get("/admin/teams/person/?email__startswith=alice").status_code == 400
    listing = client.get("/admin/teams/person/?q=alice.private").content.decode()
    assert "0 personne" in listing or "Martin" not in listing
    assert Person.objects.filter(pk=person.pk).exists()


def test_a_published_profile_of_no_team_cannot_be_taken_by_adding_it_to_a_team(profile):
    """Review: adding the center's director (in no team) to one's team would have made that
    profile the team editor's to change. A site editor adds such a person."""
    from apps.teams.models import Membership

    client = profile["client"]
    director = PersonFactory(first_name="Directrice", last_name="Du Centre")
    team = Membership.objects.filter(person=profile["person"]).get().team
    data = {"person": director.pk, "team": team.pk, "role": "member", "order": 1}
    response = client.post("/admin/teams/membership/add/", data)
    assert response.status_code == 200
    assert "Sélectionnez un choix valide" in response.content.decode()
    assert not director.memberships.exists()
    found = client.get(
        "/admin/autocomplete/",
        {"app_label": "teams", "model_name": "membership", "field_name": "person", "term": "Du"},
    ).json()
    assert found["results"] == []
    assert (
        client.get(f"/admin/teams/person/{director.pk}/change/").context["has_change_permission"]
        is False
    )


def test_a_person_a_team_editor_adds_is_a_draft_they_can_then_join_to_their_team(profile):
    client = profile["client"]
    page = client.get("/admin/teams/person/add/")
    assert 'name="status"' not in page.content.decode()
    data = {
        "first_name": "Nouveau",
        "last_name": "Venu",
        "slug": "nouveau-venu",
        "category": "researcher",
        "status": "published",  # ignored: not a field of their form
        "_publish": "Publier maintenant",
        "memberships-TOTAL_FORMS": "0",
        "memberships-INITIAL_FORMS": "0",
        "person_publications-TOTAL_FORMS": "0",
        "person_publications-INITIAL_FORMS": "0",
    }
    assert client.post("/admin/teams/person/add/", data).status_code == 302
    newcomer = Person.objects.get(slug="nouveau-venu")
    assert newcomer.status == "draft"
    team = profile["person"].memberships.get().team
    data = {"person": newcomer.pk, "team": team.pk, "role": "member", "order": 1}
    assert client.post("/admin/teams/membership/add/", data).status_code == 302
    assert client.get(f"/admin/teams/person/{newcomer.pk}/change/").context["has_change_permission"]


@pytest.mark.parametrize(
    "odd",
    [
        {"photo": "abc"},
        {"photo": "\x00"},
        {"person_publications-0-publication": "abc"},
        {"memberships-0-role": "boss"},
        {"memberships-0-role": "\x00"},
        {"memberships-0-team": "abc"},
    ],
)
def test_odd_values_in_the_profile_form_are_form_errors(profile, odd):
    """Review: a value that is not an id in an autocomplete, or a role that is not one, gave an
    error page."""
    from tests.factories import SiteEditorFactory

    client = Client(HTTP_ACCEPT_LANGUAGE="fr")
    client.force_login(SiteEditorFactory())
    data = _form(client.get(profile["url"]))
    data.update(odd)
    response = client.post(profile["url"], data)
    assert response.status_code == 200
    assert "errornote" in response.content.decode()
