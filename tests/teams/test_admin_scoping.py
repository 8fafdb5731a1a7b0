"""Team editors see and edit only their teams; site editors see everything."""

import pytest
from django.contrib.auth.models import Group

from apps.core.roles import SITE_EDITORS, TEAM_EDITORS, ensure_roles
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
    ensure_roles()
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


@pytest.mark.parametrize("whose", ["other_member", "shared_member"])
def test_team_editor_sees_other_peoples_profiles_read_only(client, world, whose):
    """People are shared by every team: a team editor may look at any profile (to find people to
    add to their team) but changes only those of people who belong to their teams alone: not
    another team's people, nor someone another team lists too."""
    from apps.teams.models import Person

    if whose == "shared_member":
        MembershipFactory(team=world["mine"], person=world["other_member"].person)
    person = world["other_member"].person
    before = (person.first_name, person.last_name, person.slug)
    client.force_login(world["editor"])
    url = f"/admin/teams/person/{person.pk}/change/"
    response = client.get(url, HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Consulter : personne</h1>" in html
    assert f"<h2>{person.first_name} {person.last_name}</h2>" in html
    assert f'<div class="readonly">{person.last_name}</div>' in html
    assert 'name="first_name"' not in html and 'name="_save"' not in html
    data = {"first_name": "Volé", "last_name": "Volé", "slug": "vole"}
    assert client.post(url, data).status_code == 403
    assert (
        client.post(f"/admin/teams/person/{person.pk}/delete/", {"post": "yes"}).status_code == 403
    )
    stored = Person.objects.get(pk=person.pk)
    assert (stored.first_name, stored.last_name, stored.slug) == before


def test_membership_form_offers_and_accepts_only_their_teams(client, world):
    client.force_login(world["editor"])
    response = client.get(
        "/admin/autocomplete/",
        {"app_label": "teams", "model_name": "membership", "field_name": "team", "term": "équipe"},
    )
    assert response.status_code == 200
    assert [r["text"] for r in response.json()["results"]] == [str(world["mine"])]
    person = PersonFactory(status="draft")  # a newcomer (a published profile of no team is
    # for a site editor to add: test_profile_editing)
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
    ensure_roles()
    ensure_roles()
    team_editors = Group.objects.get(name=TEAM_EDITORS)
    codes = set(team_editors.permissions.values_list("codename", flat=True))
    assert {"change_team", "add_membership", "change_publication"} <= codes
    assert "add_team" not in codes and "edit_all_teams" not in codes
    assert "edit_all_teams" in Group.objects.get(name=SITE_EDITORS).permissions.values_list(
        "codename", flat=True
    )


def _history_id(obj):
    """The id of a version of `obj` (saved in a revision, as the admin saves)."""
    import reversion
    from reversion.models import Version

    with reversion.create_revision():
        obj.save()
    return Version.objects.get_for_object(obj).first().pk


def test_team_editor_cannot_revert_another_teams_history(client, world):
    from apps.teams.models import Team

    other = world["other"]
    other.name_fr = "Autre équipe v2"
    other.save()
    client.force_login(world["editor"])
    url = f"/admin/teams/team/{other.pk}/history/{_history_id(other)}/"
    assert client.get(url).status_code == 403
    assert client.post(url, {"name_fr": "HACKED"}).status_code == 403
    assert Team.objects.get(pk=other.pk).name_fr == "Autre équipe v2"
    membership = world["other_member"]
    membership.save()
    url = f"/admin/teams/membership/{membership.pk}/history/{_history_id(membership)}/"
    assert client.get(url).status_code == 403


def test_team_editor_cannot_restore_a_version_of_their_own_members_profile(client, world):
    """Restoring a version writes every field (contact visibility, status): not for a team
    editor, who may change only the public profile."""
    from apps.teams.models import Person

    person = world["my_member"].person
    person.save()
    client.force_login(world["editor"])
    url = f"/admin/teams/person/{person.pk}/history/{_history_id(person)}/"
    assert client.post(url, {"first_name": "Pwned", "show_email": "on"}).status_code == 403
    assert Person.objects.get(pk=person.pk).first_name != "Pwned"


def test_team_editor_cannot_attach_another_teams_publication(client, world):
    client.force_login(world["editor"])
    response = client.get(f"/admin/teams/team/{world['mine'].pk}/change/")
    formset = [
        f
        for f in response.context["inline_admin_formsets"]
        if f.formset.prefix == "team_publications"
    ][0].formset
    field = formset.empty_form.fields["publication"]
    assert world["other_pub"] not in field.queryset
    assert world["my_pub"] in field.queryset


def test_team_editor_pubmed_import_does_not_rewrite_another_teams_publication(world):
    from apps.teams.publication_import import import_publications
    from apps.teams.pubmed import PubmedRecord

    other = world["other_pub"]
    record = PubmedRecord(
        title="Overwritten",
        authors="Someone X",
        journal="J",
        year=2020,
        doi=other.doi,
        pmid=other.pmid,
        url="",
    )
    report = import_publications(records=[record], team=world["mine"], user=world["editor"])
    other.refresh_from_db()
    assert other.title == "Their paper"
    assert world["mine"].publications.filter(pk=other.pk).exists()  # linked, not rewritten
    assert report.counts["added"] == 0


def test_team_editor_cannot_change_library_images(client, world):
    from tests.factories import make_image

    image = make_image("Home hero")
    client.force_login(world["editor"])
    response = client.post(f"/admin/core/image/{image.pk}/change/", {"title": "Changed"})
    assert response.status_code == 403
    image.refresh_from_db()
    assert image.title == "Home hero"


@pytest.mark.parametrize("model", ["team", "membership", "publication", "person"])
@pytest.mark.parametrize("view", ["change", "delete", "history"])
def test_admin_odd_ids_are_not_errors(client, world, model, view):
    client.force_login(world["site_editor"])
    response = client.get(f"/admin/teams/{model}/abc/{view}/", follow=True)
    assert response.status_code == 404


def test_a_refused_admin_page_is_a_readable_page_in_the_editors_language(client, world):
    client.force_login(world["editor"])
    response = client.get(
        f"/admin/teams/team/{world['other'].pk}/change/", HTTP_ACCEPT_LANGUAGE="fr"
    )
    assert response.status_code == 403
    html = response.content.decode()
    assert "<h1>Accès refusé</h1>" in html
    assert '<a href="/admin/">Retour à l\'administration</a>' in html
