"""History an editor can use, and a bin (issue 13): every public model is versioned with its
inline rows and both languages (django-reversion); the history shows readable changes in the
editor's language; any version comes back with its rows; a deleted item goes to the bin and one
click restores it with its rows and the links other items had to it."""

from __future__ import annotations

import datetime
import io
import re

import pytest
from django.contrib import admin
from django.contrib.auth.models import User
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from reversion.models import Version

from apps.core.admin_tools import VersionedAdminMixin
from apps.core.models import BinEntry, Redirect
from apps.core.versions import empty_bin
from apps.news.models import NewsArticle
from apps.teams.models import Membership, Person, Team, TeamPublication
from tests.admin_forms import form_values
from tests.factories import SiteEditorFactory, SiteSettingsFactory
from tests.news.factories import NewsArticleFactory
from tests.teams.factories import (
    MembershipFactory,
    PersonFactory,
    TeamFactory,
    TeamPublicationFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor():
    SiteSettingsFactory()
    client = Client(HTTP_ACCEPT_LANGUAGE="fr")
    client.force_login(SiteEditorFactory(username="claire", first_name="Claire"))
    return client


def save_team(client, team, **changes):
    url = f"/admin/teams/team/{team.pk}/change/"
    values = form_values(client.get(url).content.decode(), "team_form")
    values.update(changes)
    response = client.post(url, values)
    assert response.status_code == 302, response.content.decode()[:3000]


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_every_public_content_admin_is_versioned_and_the_inbox_is_not():
    versioned = {
        model._meta.label
        for model, model_admin in admin.site._registry.items()
        if isinstance(model_admin, VersionedAdminMixin)
    }
    assert {
        "teams.Team",
        "teams.Person",
        "teams.Publication",
        "news.NewsArticle",
        "news.Event",
        "pages.Page",
        "pages.HomePage",
        "care.ContactPoint",
        "care.Consultation",
        "care.ClinicalTrial",
        "mc21.Milestone",
        "mc21.Supporter",
        "core.SiteSettings",
    } <= versioned
    assert "care.ContactRequest" not in versioned, "patients' messages are never copied"


def test_a_team_is_versioned_with_its_rows_and_any_version_comes_back(editor):
    team = TeamFactory(name_fr="Immunité tumorale", name_en="Tumour immunity")
    membership = MembershipFactory(team=team, role=Membership.Role.MEMBER)
    # Made outside the admin (no version yet): its first change keeps the state before it.
    m = "memberships-0-"
    save_team(
        editor,
        team,
        name_fr="Immunité des tumeurs",
        name_en="Tumour immunology",
        summary_fr="<p>Un <strong>nouveau</strong> résumé.</p><p>Second paragraphe.</p>",
        **{f"{m}role": Membership.Role.HEAD},
    )

    history = editor.get(f"/admin/teams/team/{team.pk}/history/")
    assert history.status_code == 200
    text = text_of(history.content.decode())
    assert "Nom [fr] Immunité tumorale Immunité des tumeurs" in text, "label in French"
    assert "Nom [en] Tumour immunity Tumour immunology" in text, "both languages"
    assert "Un nouveau résumé." in text and "<strong>" not in history.content.decode().split(
        "version-list"
    )[1].split("</ol>")[0].replace("&lt;", "<"), "rich text read as text"
    membership.refresh_from_db()
    assert (
        f"Ligne modifiée : Appartenance « {membership} » — Fonction : Membre → Responsable"
        in text.replace("&#x27;", "'")
    ), "an inline row's change, labels and choices in French"
    assert "Acronyme" not in text.split("Immunité des tumeurs")[0], "no unchanged field listed"
    assert "Tel qu’il était avant sa première modification dans l’administration" in text
    assert "Un nouveau résumé. Second paragraphe." in text.replace("&#x27;", "'")

    # The first version opens as a form; saving it restores the fields and the row.
    first = Version.objects.get_for_object(team).order_by("pk").first()
    url = f"/admin/teams/team/{team.pk}/history/{first.pk}/"
    form = editor.get(url)
    assert form.status_code == 200
    team.refresh_from_db()
    assert team.name_fr == "Immunité des tumeurs", "looking at a version changes nothing"
    values = form_values(form.content.decode(), "team_form")
    assert values["name_en"] == "Tumour immunity"
    assert editor.post(url, values).status_code == 302
    team.refresh_from_db()
    membership.refresh_from_db()
    assert (team.name_fr, team.name_en) == ("Immunité tumorale", "Tumour immunity")
    assert membership.role == Membership.Role.MEMBER, "the inline row came back too"


def test_a_save_that_changes_nothing_says_so(editor):
    team = TeamFactory()
    save_team(editor, team)
    save_team(editor, team)
    text = text_of(editor.get(f"/admin/teams/team/{team.pk}/history/").content.decode())
    assert "Enregistré sans modification du contenu." in text


def test_a_deleted_team_comes_back_with_its_memberships_publications_and_links(editor):
    team = TeamFactory(slug="lab-a")
    membership = MembershipFactory(team=team)
    team_publication = TeamPublicationFactory(team=team)
    article = NewsArticleFactory()
    article.teams.add(team)
    team_pk, person = team.pk, membership.person

    response = editor.post(f"/admin/teams/team/{team.pk}/delete/", {"post": "yes"}, follow=True)
    assert "restent 30 jours dans la corbeille" in response.content.decode()
    assert not Team.objects.filter(pk=team_pk).exists()
    assert not Membership.objects.filter(pk=membership.pk).exists()
    entry = BinEntry.objects.get()
    assert (entry.object_repr, entry.deleted_by.username) == (str(team), "claire")

    listing = editor.get("/admin/core/binentry/")
    assert listing.status_code == 200
    html = listing.content.decode()
    assert str(team) in html and "Restaurer" in html

    # One click: the row's button posts the list's form to the restore address.
    restore_url = f"/admin/core/binentry/{entry.pk}/restore/"
    assert f'formaction="{restore_url}"' in html
    response = editor.post(restore_url, form_values(html, "changelist-form"))
    assert response.status_code == 302
    assert response["Location"] == f"/admin/teams/team/{team_pk}/change/"
    restored = Team.objects.get(pk=team_pk)
    assert restored.slug == "lab-a"
    assert Membership.objects.filter(pk=membership.pk, team=restored, person=person).exists()
    assert TeamPublication.objects.filter(pk=team_publication.pk, team=restored).exists()
    assert restored in NewsArticle.objects.get(pk=article.pk).teams.all(), "links kept"
    assert not BinEntry.objects.exists()
    assert Client().get(restored.get_absolute_url()).status_code == 200, "public again"
    history = text_of(editor.get(f"/admin/teams/team/{team_pk}/history/").content.decode())
    assert "Restauré depuis la corbeille" in history


def test_a_bulk_delete_puts_each_item_in_the_bin_on_its_own(editor):
    people = PersonFactory.create_batch(2)
    response = editor.post(
        "/admin/teams/person/",
        {
            "action": "delete_selected",
            "_selected_action": [p.pk for p in people],
            "post": "yes",
        },
    )
    assert response.status_code == 302
    assert BinEntry.objects.count() == 2
    entry = BinEntry.objects.get(object_id=str(people[0].pk))
    assert editor.post(f"/admin/core/binentry/{entry.pk}/restore/").status_code == 302
    assert Person.objects.filter(pk=people[0].pk).exists()
    assert not Person.objects.filter(pk=people[1].pk).exists(), "only the one restored"


def test_a_restore_that_cannot_happen_says_why_and_changes_nothing(editor):
    team = TeamFactory(slug="lab-b")
    editor.post(f"/admin/teams/team/{team.pk}/delete/", {"post": "yes"})
    TeamFactory(slug="lab-b")  # the address is taken meanwhile
    entry = BinEntry.objects.get()
    response = editor.post(f"/admin/core/binentry/{entry.pk}/restore/", follow=True)
    assert response.status_code == 200
    html = response.content.decode()
    assert "n’a pas pu être restauré" in html and "« lab-b »" in html, "says which address"
    assert BinEntry.objects.filter(pk=entry.pk).exists(), "still in the bin"
    assert Team.objects.filter(slug="lab-b").count() == 1


def test_the_bin_is_emptied_after_its_retention(editor, settings):
    settings.BIN_RETENTION_DAYS = 30
    old, recent = TeamFactory(slug="lab-old"), TeamFactory()
    old.slug = "lab-older"
    old.save()  # its first address now redirects to it
    assert Redirect.objects.filter(object_id=str(old.pk)).exists()
    for team in (old, recent):
        editor.post(f"/admin/teams/team/{team.pk}/delete/", {"post": "yes"})
    BinEntry.objects.filter(object_id=str(old.pk)).update(
        deleted_at=timezone.now() - datetime.timedelta(days=31)
    )
    out = io.StringIO()
    call_command("empty_bin", stdout=out)
    assert out.getvalue().startswith("1 item(s) removed")
    assert empty_bin() == 0, "nothing more to remove"
    assert not Redirect.objects.filter(object_id=str(old.pk)).exists(), "its redirects went"
    assert list(BinEntry.objects.values_list("object_id", flat=True)) == [str(recent.pk)]
    assert not Version.objects.filter(object_id=str(old.pk), revision__comment="Deleted").exists()
    assert Version.objects.filter(object_id=str(recent.pk), revision__comment="Deleted").exists()


def test_restoring_needs_the_right_to_add_that_content_and_odd_ids_are_404(editor):
    team = TeamFactory()
    editor.post(f"/admin/teams/team/{team.pk}/delete/", {"post": "yes"})
    entry = BinEntry.objects.get()
    paul = Client(HTTP_ACCEPT_LANGUAGE="fr")
    paul.force_login(SiteEditorFactory(username="paul"))
    assert str(team) in paul.get("/admin/core/binentry/").content.decode(), "editors share it"
    # A staff member with no right to add teams neither sees nor restores it.
    nobody = User.objects.create_user("nobody", password="x", is_staff=True)
    outsider = Client(HTTP_ACCEPT_LANGUAGE="fr")
    outsider.force_login(nobody)
    assert outsider.get("/admin/core/binentry/").status_code == 403
    refused = outsider.post(f"/admin/core/binentry/{entry.pk}/restore/", follow=True)
    assert refused.status_code in (403, 404)
    assert BinEntry.objects.filter(pk=entry.pk).exists()
    assert editor.post("/admin/core/binentry/999999/restore/", follow=True).status_code == 404
    assert editor.get("/admin/core/binentry/abc%00/restore/", follow=True).status_code in (200, 404)
    assert editor.get(f"/admin/core/binentry/{entry.pk}/restore/").status_code == 302, (
        "a GET restores nothing"
    )
    assert BinEntry.objects.filter(pk=entry.pk).exists()


def test_history_and_version_pages_refuse_odd_ids(editor):
    team = TeamFactory()
    for url in (
        f"/admin/teams/team/{team.pk}/history/999999/",
        "/admin/teams/team/abc/history/",
        "/admin/teams/team/999999/history/",
    ):
        assert editor.get(url, follow=True).status_code == 404, url
    content_type = ContentType.objects.get_for_model(Team)
    assert editor.get("/admin/teams/team/recover/").status_code == 302
    assert (
        f"content_type__id__exact={content_type.pk}"
        in editor.get("/admin/teams/team/recover/")["Location"]
    )


class _Rows:
    def __init__(self, rows):
        self.rows = rows

    def order_by(self, *fields):
        return sorted(self.rows, key=lambda row: (row.history_date, row.history_id))


class _Apps:
    """The migration's view of the models: today's models, and history tables holding `rows`
    (shaped as django-simple-history kept them: the item's columns and history_* ones)."""

    def __init__(self, histories):
        self.histories = histories

    def get_model(self, app_label, name):
        from django.apps import apps

        if name.startswith("Historical"):
            return type(name, (), {"objects": _Rows(self.histories.get(name, []))})
        return apps.get_model(app_label, name)


def _history_row(obj, history_id, kind, when, user=None, **changes):
    from types import SimpleNamespace

    values = {f.attname: getattr(obj, f.attname) for f in type(obj)._meta.concrete_fields}
    values.update(changes)
    return SimpleNamespace(
        **values,
        history_id=history_id,
        history_type=kind,
        history_date=when,
        history_user_id=getattr(user, "pk", None),
        history_change_reason=None,
    )


def test_the_old_history_becomes_versions_and_its_deletions_go_to_the_bin(editor):
    import importlib

    migration = importlib.import_module("apps.core.migrations.0009_history_into_versions")
    claire = User.objects.get(username="claire")
    team = TeamFactory(name_fr="Nom d'aujourd'hui", name_en="Today's name")
    gone = PersonFactory(first_name="Ada", last_name="Partie", slug="ada-partie")
    start = timezone.now() - datetime.timedelta(days=3)
    rows = {
        "HistoricalTeam": [
            _history_row(team, 1, "+", start, claire, name_fr="Ancien nom", name_en="Old name"),
            _history_row(team, 2, "~", start + datetime.timedelta(days=1), claire),
        ],
        "HistoricalPerson": [
            _history_row(gone, 3, "+", start, claire),
            _history_row(gone, 4, "-", start + datetime.timedelta(days=2), claire),
        ],
    }
    gone_pk = gone.pk
    gone.delete()

    migration.forwards(_Apps(rows), None)

    versions = Version.objects.get_for_object(team).order_by("revision__date_created")
    assert [v.field_dict["name_fr"] for v in versions] == ["Ancien nom", "Nom d'aujourd'hui"]
    assert versions[0].revision.user == claire
    text = text_of(editor.get(f"/admin/teams/team/{team.pk}/history/").content.decode())
    assert "Nom [en] Old name Today's name" in text.replace("&#x27;", "'")
    versions[0].revert()
    team.refresh_from_db()
    assert (team.name_fr, team.name_en) == ("Ancien nom", "Old name"), "an old version restores"

    entry = BinEntry.objects.get(object_id=str(gone_pk))
    assert (entry.object_repr, entry.deleted_by) == ("Ada Partie", claire)
    assert editor.post(f"/admin/core/binentry/{entry.pk}/restore/").status_code == 302
    assert Person.objects.get(pk=gone_pk).slug == "ada-partie", "a deleted person comes back"


@pytest.fixture
def team_editor_client():
    from django.contrib.auth.models import Group

    from apps.core.roles import TEAM_EDITORS

    user = User.objects.create_user("tom", password="x", is_staff=True)
    user.groups.add(Group.objects.get(name=TEAM_EDITORS))
    team = TeamFactory()
    team.editors.add(user)
    client = Client(HTTP_ACCEPT_LANGUAGE="fr")
    client.force_login(user)
    return client, team


def test_a_version_of_another_kind_of_item_cannot_be_restored_through_ones_own(
    editor, team_editor_client
):
    """A version's number in the address of an item one may change must be that item's:
    otherwise reverting it would change another item (a person, a deleted article)."""
    client, team = team_editor_client
    person = PersonFactory(id=team.pk, expertise_en="")  # same number: reversion alone mixes them
    save_person = f"/admin/teams/person/{person.pk}/change/"
    values = form_values(editor.get(save_person).content.decode(), "person_form")
    values["expertise_en"] = "Tumour immunology"
    assert editor.post(save_person, values).status_code == 302
    foreign = Version.objects.get_for_object(person).order_by("pk").first()
    url = f"/admin/teams/team/{team.pk}/history/{foreign.pk}/"
    assert client.get(url, follow=True).status_code == 403, "team editors restore nothing"
    # Even for a site editor, a person's version is not the team's.
    assert editor.get(url, follow=True).status_code == 404
    team_form = form_values(
        editor.get(f"/admin/teams/team/{team.pk}/change/").content.decode(), "team_form"
    )
    assert editor.post(url, team_form, follow=True).status_code == 404
    person.refresh_from_db()
    assert person.expertise_en == "Tumour immunology", "the other item is untouched"


def test_the_history_shows_no_field_the_readers_form_hides(editor, team_editor_client):
    client, team = team_editor_client
    person = PersonFactory()
    MembershipFactory(team=team, person=person)
    url = f"/admin/teams/person/{person.pk}/change/"
    values = form_values(editor.get(url).content.decode(), "person_form")
    values.update(email="prive@example.org", phone="01 23 45 67 89", position_fr="Cheffe")
    assert editor.post(url, values).status_code == 302
    full = editor.get(f"/admin/teams/person/{person.pk}/history/").content.decode()
    assert "prive@example.org" in full, "a site editor sees the contact details change"
    seen = client.get(f"/admin/teams/person/{person.pk}/history/")
    assert seen.status_code == 200
    html = seen.content.decode()
    assert "Cheffe" in html, "public fields are shown"
    assert "prive@example.org" not in html and "01 23 45 67 89" not in html


def test_a_team_editor_sees_their_teams_history_but_cannot_restore_what_they_may_not_change(
    team_editor_client,
):
    """Restoring writes every field: a team's editors are read-only for a team editor, so the
    restore is for those who may change everything."""
    client, team = team_editor_client
    import reversion

    with reversion.create_revision():
        team.save()
    version = Version.objects.get_for_object(team).first()
    history = client.get(f"/admin/teams/team/{team.pk}/history/")
    assert history.status_code == 200
    assert "Voir ou rétablir" not in history.content.decode()
    assert client.get(f"/admin/teams/team/{team.pk}/history/{version.pk}/").status_code == 403


def test_a_change_at_the_end_of_a_long_text_shows_and_line_endings_are_no_change():
    from apps.core.versions import field_changes

    long_text = "<p>" + "Une phrase de description. " * 30 + "</p>"
    changes = field_changes(
        Team,
        {"description_fr": long_text, "summary_fr": "Ligne un\r\nLigne deux"},
        {
            "description_fr": long_text.replace("</p>", "Ajout final.</p>"),
            "summary_fr": "Ligne un\nLigne deux",
        },
    )
    assert [change.label for change in changes] == ["Description [fr]"], "no line-ending change"
    change = changes[0]
    assert change.new.endswith("Ajout final.") and change.new.startswith("…")
    assert change.old != change.new


def test_a_list_of_versioned_content_links_to_its_deleted_items_in_the_bin(editor):
    html = editor.get("/admin/news/newsarticle/").content.decode()
    assert "Éléments supprimés (corbeille)" in html
    assert editor.get("/admin/news/newsarticle/recover/")["Location"].startswith(
        "/admin/core/binentry/?content_type__id__exact="
    )


def test_a_time_stored_with_or_without_fractions_of_a_second_is_no_change():
    """Outside review: an event's start listed as "18:00 → 18:00" after a save that kept it."""
    from django.db import models

    from apps.core.versions import _same

    start = models.DateTimeField()
    assert _same(start, "2026-12-27T17:00:00Z", "2026-12-27T17:00:00.123Z")
    assert not _same(start, "2026-12-27T17:00:00Z", "2026-12-27T18:00:00Z")
    assert not _same(models.DateField(), "2026-12-27", "2026-12-28")
