"""Team editors see and edit only their teams; site editors see everything."""

import pytest
from django.contrib.auth.models import Group

from apps.teams.groups import SITE_EDITORS, TEAM_EDITORS, ensure_editor_groups
from tests.factories import SiteSettingsFactory, UserFactory
from tests.teams.factories import (
    MembershipFactory,
    PersonFactory,
    PublicationFactory,
    TeamFactory,
    TeamPublicationFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    SiteSettingsFactory()
    ensure_editor_groups()
    mine = TeamFactory(name_fr="Mon équipe", slug="mine")
    other = TeamFactory(name_fr="Autre équipe", slug="other")
    editor = UserFactory(username="team-editor", is_staff=True)
    editor.groups.add(Group.objects.get(name=TEAM_EDITORS))
    mine.editors.add(editor)
    site_editor = UserFactory(username="site-editor", is_staff=True)
    site_editor.groups.add(Group.objects.get(name=SITE_EDITORS))
    my_member = MembershipFactory(team=mine, person=PersonFactory(last_name="Mine"))
    other_member = MembershipFactory(team=other, person=PersonFactory(last_name="Other"))
    my_pub = TeamPublicationFactory(team=mine, publication=PublicationFactory(title="My paper"))
    other_pub = TeamPublicationFactory(
        team=other, publication=PublicationFactory(title="Their paper")
    )
    return {
        "mine": mine,
        "other": other,
        "editor": editor,
        "site_editor": site_editor,
        "my_member": my_member,
        "other_member": other_member,
        "my_pub": my_pub.publication,
        "other_pub": other_pub.publication,
    }


def test_team_editor_lists_only_their_teams(client, world):
    client.force_login(world["editor"])
    html = client.get("/admin/teams/team/").content.decode()
    assert "Mon équipe" in html and "Autre équipe" not in html


def test_team_editor_cannot_open_another_teams_change_page(client, world):
    client.force_login(world["editor"])
    assert client.get(f"/admin/teams/team/{world['mine'].pk}/change/").status_code == 200
    assert client.get(f"/admin/teams/team/{world['other'].pk}/change/").status_code == 403
    assert (
        client.post(
            f"/admin/teams/team/{world['other'].pk}/change/", {"name_fr": "Volée"}
        ).status_code
        == 403
    )
    assert client.get(f"/admin/teams/team/{world['other'].pk}/delete/").status_code == 403
    world["other"].refresh_from_db()
    assert world["other"].name_fr == "Autre équipe"


def test_team_editor_cannot_add_teams_or_change_editors(client, world):
    client.force_login(world["editor"])
    assert client.get("/admin/teams/team/add/").status_code == 403
    html = client.get(f"/admin/teams/team/{world['mine'].pk}/change/").content.decode()
    assert 'name="editors"' not in html


def test_team_editor_sees_only_their_memberships_and_publications(client, world):
    client.force_login(world["editor"])
    html = client.get("/admin/teams/membership/").content.decode()
    assert "Mine" in html and "Other" not in html
    assert (
        client.get(f"/admin/teams/membership/{world['other_member'].pk}/change/").status_code == 403
    )
    html = client.get("/admin/teams/publication/").content.decode()
    assert "My paper" in html and "Their paper" not in html
    assert (
        client.get(f"/admin/teams/publication/{world['other_pub'].pk}/change/").status_code == 403
    )
    assert client.get(f"/admin/teams/publication/{world['my_pub'].pk}/change/").status_code == 200


def test_team_editor_can_change_only_their_people(client, world):
    client.force_login(world["editor"])
    mine = world["my_member"].person
    other = world["other_member"].person
    assert client.get(f"/admin/teams/person/{mine.pk}/change/").status_code == 200
    response = client.get(f"/admin/teams/person/{other.pk}/change/")
    # Viewing is allowed (to find people to add); the form is read-only.
    assert response.status_code == 200
    assert 'name="first_name"' not in response.content.decode()


def test_membership_form_offers_and_accepts_only_their_teams(client, world):
    client.force_login(world["editor"])
    response = client.get(
        "/admin/autocomplete/",
        {"app_label": "teams", "model_name": "membership", "field_name": "team", "term": "équipe"},
    )
    assert response.status_code == 200
    assert [r["text"] for r in response.json()["results"]] == [str(world["mine"])]
    person = PersonFactory()
    data = {"person": person.pk, "team": world["other"].pk, "role": "member", "order": 1}
    response = client.post("/admin/teams/membership/add/", data)
    assert response.status_code == 200  # the form comes back with an error
    assert not person.memberships.exists()
    response = client.post("/admin/teams/membership/add/", {**data, "team": world["mine"].pk})
    assert response.status_code == 302
    assert person.memberships.get().team == world["mine"]


def test_site_editor_sees_everything(client, world):
    client.force_login(world["site_editor"])
    html = client.get("/admin/teams/team/").content.decode()
    assert "Mon équipe" in html and "Autre équipe" in html
    assert client.get(f"/admin/teams/team/{world['other'].pk}/change/").status_code == 200
    assert client.get("/admin/teams/team/add/").status_code == 200


def test_groups_are_created_by_migrate_and_idempotent():
    ensure_editor_groups()
    ensure_editor_groups()
    team_editors = Group.objects.get(name=TEAM_EDITORS)
    codes = set(team_editors.permissions.values_list("codename", flat=True))
    assert {"change_team", "add_membership", "change_publication"} <= codes
    assert "add_team" not in codes and "edit_all_teams" not in codes
    assert "edit_all_teams" in Group.objects.get(name=SITE_EDITORS).permissions.values_list(
        "codename", flat=True
    )
