"""Findings of the outside security review (issue 10) on the teams admin, each with its test.

1. Exports and imports need their own permissions, scoped like the lists; private contact data
   stays private; no exported cell starts a spreadsheet formula.
2. A team editor cannot take over another team's publication (PubMed import, author inline).
6. Pending import files: named by the server, per user, deleted after use, odd confirm requests
   answer 400.
"""

from __future__ import annotations

import csv
import datetime
import io
import os
import tempfile
import time
import uuid

import openpyxl
import pytest
import tablib
from django import forms
from django.contrib import admin
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from apps.core.admin_tools import (
    PendingImportStorage,
    spreadsheet_safe,
    spreadsheet_unsafe,
)
from apps.core.roles import SITE_EDITORS, TEAM_EDITORS, ensure_roles
from apps.teams.models import Person, PersonPublication, Publication, Team, TeamPublication
from apps.teams.permissions import can_change_publication
from apps.teams.publication_import import import_publications
from apps.teams.pubmed import PubmedRecord
from tests.factories import SiteSettingsFactory, UserFactory
from tests.teams.factories import (
    MembershipFactory,
    PersonFactory,
    PublicationFactory,
    TeamFactory,
    TeamPublicationFactory,
)

pytestmark = pytest.mark.django_db

PEOPLE_CSV = (
    b"slug,first_name,last_name,category,status\r\n"
    b"planted-person,Planted,Person,researcher,published\r\n"
)


@pytest.fixture(autouse=True)
def pending_dir(settings, tmp_path):
    """Pending import files of these tests go to a folder of their own."""
    settings.IMPORT_EXPORT_PENDING_DIR = str(tmp_path / "private")
    return tmp_path / "private"


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
    my_person = PersonFactory(
        slug="my-person",
        last_name="Mine",
        email="private.mine@example.org",
        show_email=False,
        phone="+33 1 00 00 00 01",
        show_phone=False,
        status="draft",
    )
    public_person = PersonFactory(
        slug="public-person",
        last_name="Public",
        email="public@example.org",
        show_email=True,
        phone="+33 1 00 00 00 02",
        show_phone=True,
    )
    other_person = PersonFactory(slug="other-person", last_name="Other", status="draft")
    MembershipFactory(team=mine, person=my_person)
    MembershipFactory(team=mine, person=public_person)
    MembershipFactory(team=other, person=other_person)
    my_pub = TeamPublicationFactory(
        team=mine, publication=PublicationFactory(title="My paper", pmid="11111111")
    ).publication
    other_pub = TeamPublicationFactory(
        team=other,
        publication=PublicationFactory(title="Their paper", pmid="22222222", doi="10.1000/their"),
    ).publication
    return {
        "mine": mine,
        "other": other,
        "editor": editor,
        "site_editor": site_editor,
        "my_person": my_person,
        "public_person": public_person,
        "other_person": other_person,
        "my_pub": my_pub,
        "other_pub": other_pub,
    }


def login(user) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(user)
    return client


def format_index(model, name: str, kind: str) -> str:
    model_admin = admin.site._registry[model]
    formats = (
        model_admin.get_export_formats() if kind == "export" else model_admin.get_import_formats()
    )
    return str([f.__name__ for f in formats].index(name))


def export(client, model, fmt="CSV"):
    """Posts the export form with every column ticked, as the page offers it."""
    url = f"/admin/teams/{model._meta.model_name}/export/"
    form = client.get(url).context["form"]
    data = {"format": format_index(model, fmt, "export"), "resource": "0"}
    data.update(
        {name: "on" for name, field in form.fields.items() if isinstance(field, forms.BooleanField)}
    )
    response = client.post(url, data)
    assert response.status_code == 200, response.content[:500]
    assert response["Content-Disposition"].startswith("attachment")
    return response


def csv_rows(response) -> list[dict]:
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))


def xlsx_cells(response):
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    return [cell for row in sheet.iter_rows() for cell in row]


# -- 1. Exports and imports: permissions, scope, private data, formulas ---------------------------


def test_staff_without_view_permission_gets_403_on_export_and_import(world):
    nobody = login(UserFactory(username="plain-staff", is_staff=True))
    for model in ("person", "team"):
        assert nobody.get(f"/admin/teams/{model}/export/").status_code == 403
        assert nobody.post(f"/admin/teams/{model}/export/", {"format": "0"}).status_code == 403
        assert nobody.get(f"/admin/teams/{model}/import/").status_code == 403
        assert nobody.post(f"/admin/teams/{model}/process_import/", {}).status_code == 403


def test_export_and_import_buttons_follow_the_permissions(world):
    editor = login(world["editor"])
    html = editor.get("/admin/teams/person/").content.decode()
    assert 'class="export_link"' in html  # they may view people: they export their teams' people
    assert 'class="import_link"' not in html  # only those who may change people import them
    assert editor.get("/admin/teams/person/import/").status_code == 403
    html = editor.get("/admin/teams/team/").content.decode()
    assert 'class="export_link"' in html and 'class="import_link"' in html
    viewer = UserFactory(username="viewer", is_staff=True)
    viewer.user_permissions.add(
        *Permission.objects.filter(codename__in=["view_team", "view_publication"])
    )
    viewer = login(viewer)
    html = viewer.get("/admin/teams/team/").content.decode()
    assert 'class="export_link"' in html and 'class="import_link"' not in html
    html = viewer.get("/admin/teams/publication/").content.decode()
    assert "import-pubmed" not in html  # the PubMed import needs add and change
    assert viewer.get("/admin/teams/publication/import-pubmed/").status_code == 403
    assert "import-pubmed" in editor.get("/admin/teams/publication/").content.decode()


def test_team_editor_exports_only_their_teams_and_people(world):
    editor = login(world["editor"])
    people = csv_rows(export(editor, Person))
    assert sorted(row["slug"] for row in people) == ["my-person", "public-person"]  # a draft too
    teams = csv_rows(export(editor, Team))
    assert [row["slug"] for row in teams] == ["mine"]
    site_editor = login(world["site_editor"])
    people = csv_rows(export(site_editor, Person))
    assert sorted(row["slug"] for row in people) == ["my-person", "other-person", "public-person"]


@pytest.mark.parametrize("fmt", ["CSV", "XLSX"])
def test_contact_data_not_shown_publicly_is_exported_only_to_site_editors(world, fmt):
    def contacts(user):
        response = export(login(user), Person, fmt)
        if fmt == "CSV":
            return {r["slug"]: (r["email"], r["phone"]) for r in csv_rows(response)}
        sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
        rows = list(sheet.iter_rows(values_only=True))
        header = rows[0]
        return {
            r[header.index("slug")]: (
                r[header.index("email")] or "",
                r[header.index("phone")] or "",
            )
            for r in rows[1:]
        }

    by_editor = contacts(world["editor"])
    assert by_editor["my-person"] == ("", "")
    assert by_editor["public-person"] == ("public@example.org", "'+33 1 00 00 00 02")
    by_site_editor = contacts(world["site_editor"])
    assert by_site_editor["my-person"] == ("private.mine@example.org", "'+33 1 00 00 00 01")


FORMULAS = {
    "first_name": '=HYPERLINK("http://evil.example/","click")',
    "last_name": "@SUM(1+1)*cmd|' /C calc'!A0",
    "position_fr": "+1+2",
    "position_en": "-2+3",
    "expertise_fr": "\t=1+1",
}


@pytest.mark.parametrize("fmt", ["CSV", "XLSX"])
def test_exported_cells_never_start_a_formula(world, fmt):
    PersonFactory(slug="formula-person", **FORMULAS)
    response = export(login(world["site_editor"]), Person, fmt)
    if fmt == "CSV":
        cells = [value for row in csv_rows(response) for value in row.values()]
        data_types = []
    else:
        xlsx = xlsx_cells(response)
        cells = [c.value for c in xlsx]
        data_types = [c.data_type for c in xlsx]
    assert "f" not in data_types  # no formula cell in the workbook
    for value in cells:
        if isinstance(value, str):
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), value
    for value in FORMULAS.values():
        assert "'" + value in cells


def test_an_export_with_formula_like_text_imports_back_unchanged(world):
    from apps.teams.resources import PersonResource

    # (Not the tab: imports trim the spaces around a cell.)
    values = {k: v for k, v in FORMULAS.items() if not v.startswith("\t")}
    PersonFactory(slug="formula-person", **values)
    exported = PersonResource(show_private_contact=True).export()
    assert "'=HYPERLINK" in exported.csv
    again = PersonResource().import_data(
        tablib.import_set(exported.csv, format="csv"), dry_run=False
    )
    assert not again.has_errors() and not again.has_validation_errors()
    assert {row.import_type for row in again.rows} == {"skip"}, [
        (r.object_repr, r.diff) for r in again.rows if r.import_type != "skip"
    ]
    stored = Person.objects.get(slug="formula-person")
    assert stored.first_name == FORMULAS["first_name"]


def test_spreadsheet_safe_helpers():
    assert spreadsheet_safe("=1+1") == "'=1+1"
    assert spreadsheet_safe("＝1") == "'＝1"
    assert spreadsheet_safe("-3") == "-3" and spreadsheet_safe("+33") == "+33"  # plain numbers
    assert spreadsheet_safe("Marie") == "Marie" and spreadsheet_safe(12) == 12
    assert spreadsheet_unsafe("'=1+1") == "=1+1" and spreadsheet_unsafe("'Marie") == "'Marie"


# -- 2. No takeover of another team's publication -------------------------------------------------


def _change_form_data(response) -> dict:
    """What the change form would post back, unchanged (read as a site editor)."""
    data = {}

    def put(form):
        for name in form.fields:
            value = form[name].value()
            key = form.add_prefix(name)
            if value is None or value is False:
                continue
            data[key] = "on" if value is True else value

    put(response.context["adminform"].form)
    data["_opened_version"] = response.context["opened_version"]  # the version it was opened on
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        for name, value in formset.management_form.initial.items():
            data[f"{formset.prefix}-{name}"] = value
        for form in formset.forms:
            put(form)
    return data


def test_pubmed_import_links_another_teams_publication_but_gives_no_right_over_it(world):
    theirs = world["other_pub"]
    record = PubmedRecord(
        title="Rewritten", authors="A B", journal="J", year=2021, doi=None, pmid="22222222", url=""
    )
    report = import_publications(records=[record], team=world["mine"], user=world["editor"])
    assert report.counts["updated"] == 1, report  # linked to their team
    assert world["mine"].publications.filter(pk=theirs.pk).exists()
    assert not can_change_publication(world["editor"], theirs)

    url = f"/admin/teams/publication/{theirs.pk}/change/"
    data = _change_form_data(login(world["site_editor"]).get(url))
    data.update(status="draft", title="Taken over")
    editor = login(world["editor"])
    page = editor.get(url)
    assert page.status_code == 200  # they may look at it (their team lists it)
    assert 'name="_save"' not in page.content.decode()
    assert editor.post(url, data).status_code == 403
    delete = f"/admin/teams/publication/{theirs.pk}/delete/"
    assert editor.post(delete, {"post": "yes"}).status_code == 403
    theirs.refresh_from_db()
    assert (theirs.title, theirs.status) == ("Their paper", "published")


def test_publication_on_another_teams_members_profile_cannot_be_changed(world):
    mine = world["my_pub"]
    PersonPublication.objects.create(person=world["other_person"], publication=mine, featured=True)
    url = f"/admin/teams/publication/{mine.pk}/change/"
    data = _change_form_data(login(world["site_editor"]).get(url))
    data.update(status="draft")
    assert login(world["editor"]).post(url, data).status_code == 403
    mine.refresh_from_db()
    assert mine.status == "published"
    # Without that author, the same post goes through: the publication is theirs alone.
    PersonPublication.objects.filter(publication=mine).delete()
    data = _change_form_data(login(world["site_editor"]).get(url))
    data.update(status="draft")
    assert login(world["editor"]).post(url, data).status_code == 302
    mine.refresh_from_db()
    assert mine.status == "draft"


def test_author_inline_offers_and_accepts_only_the_members_of_their_teams(world):
    editor = login(world["editor"])
    response = editor.get(
        "/admin/autocomplete/",
        {"app_label": "teams", "model_name": "personpublication", "field_name": "person"},
    )
    assert response.status_code == 200
    offered = {r["id"] for r in response.json()["results"]}
    assert offered == {str(world["my_person"].pk), str(world["public_person"].pk)}

    mine = world["my_pub"]
    url = f"/admin/teams/publication/{mine.pk}/change/"
    base = _change_form_data(login(world["site_editor"]).get(url))
    prefix = "person_links"
    assert f"{prefix}-TOTAL_FORMS" in base

    def with_author(person):
        return {
            **base,
            f"{prefix}-TOTAL_FORMS": "1",
            f"{prefix}-0-person": str(person.pk),
            f"{prefix}-0-featured": "on",
        }

    response = editor.post(url, with_author(world["other_person"]))
    assert response.status_code == 200  # the form comes back with an error
    assert not PersonPublication.objects.filter(person=world["other_person"]).exists()
    response = editor.post(url, with_author(world["my_person"]))
    assert response.status_code == 302
    assert PersonPublication.objects.get(publication=mine).person == world["my_person"]


# -- 6. Pending import files --------------------------------------------------------------------


def superuser(name="import-admin"):
    return UserFactory(username=name, is_staff=True, is_superuser=True)


def preview(client, content: bytes, name="people.csv", fmt="CSV"):
    return client.post(
        "/admin/teams/person/import/",
        {
            "resource": "0",
            "format": format_index(Person, fmt, "import"),
            "import_file": SimpleUploadedFile(name, content),
        },
    )


def confirm_data(response) -> dict:
    form = response.context["confirm_form"]
    return {name: form.initial[name] for name in form.fields}


def pending_files(pending_dir) -> list:
    return [p for p in pending_dir.rglob("*") if p.is_file()] if pending_dir.exists() else []


def test_path_traversal_name_is_refused_and_touches_nothing(world, pending_dir):
    victim = os.path.join(tempfile.gettempdir(), f"victim-{uuid.uuid4().hex}")
    with open(victim, "wb") as file:
        file.write(PEOPLE_CSV)
    try:
        client = login(superuser())
        for name in (f"../../..{victim}", os.path.basename(victim), victim):
            response = client.post(
                "/admin/teams/person/process_import/",
                {
                    "import_file_name": name,
                    "original_file_name": "people.csv",
                    "format": format_index(Person, "CSV", "import"),
                    "resource": "0",
                },
            )
            assert response.status_code == 400
            assert "cannot be confirmed" in response.content.decode()
        with open(victim, "rb") as file:
            assert file.read() == PEOPLE_CSV
        assert not Person.objects.filter(slug="planted-person").exists()
    finally:
        os.remove(victim)


def test_another_users_pending_import_cannot_be_confirmed(world, pending_dir):
    owner = login(superuser("owner"))
    shown = preview(owner, PEOPLE_CSV)
    data = confirm_data(shown)
    stranger = login(superuser("stranger"))

    response = stranger.post("/admin/teams/person/process_import/", data)

    assert response.status_code == 400
    assert not Person.objects.filter(slug="planted-person").exists()
    assert len(pending_files(pending_dir)) == 1  # the owner's file is untouched
    assert owner.post("/admin/teams/person/process_import/", data).status_code == 302
    assert Person.objects.filter(slug="planted-person").exists()
    assert pending_files(pending_dir) == []  # deleted once confirmed
    # And a second confirm of the same file finds nothing.
    assert owner.post("/admin/teams/person/process_import/", data).status_code == 400


@pytest.mark.parametrize(
    "content, name",
    [
        (b"slug,first_name,last_name,orcid\r\nx-y,X,Y,0000-0002-1825-0098\r\n", "bad.csv"),
        (b"\x00\x01PK not a csv \xff\xfe", "binary.csv"),
        (b"", "empty.csv"),
    ],
)
def test_a_refused_upload_leaves_no_file(world, pending_dir, content, name):
    response = preview(login(superuser()), content, name)
    assert response.status_code == 200
    assert not response.context.get("confirm_form")
    assert pending_files(pending_dir) == []
    upload = response.wsgi_request.FILES.get("import_file")
    stored = getattr(upload, "tmp_storage_name", None)
    if stored:  # wherever a storage would have put it
        assert not os.path.exists(os.path.join(tempfile.gettempdir(), stored))


@pytest.mark.parametrize(
    "changes",
    [
        {"import_file_name": None},
        {"import_file_name": ""},
        {"import_file_name": "../../etc/passwd"},
        {"import_file_name": "0" * 31 + "g"},
        {"format": None},
        {"format": "99"},
        {"format": "abc"},
        {"format": "-1"},
        {"format": "²"},
        {"resource": "7"},
        {"resource": "x"},
    ],
)
def test_odd_confirm_requests_answer_400(world, pending_dir, changes):
    client = login(superuser())
    data = confirm_data(preview(client, PEOPLE_CSV))
    for key, value in changes.items():
        if value is None:
            del data[key]
        else:
            data[key] = value
    response = client.post("/admin/teams/person/process_import/", data)
    assert response.status_code == 400
    assert not Person.objects.filter(slug="planted-person").exists()


def test_a_confirm_with_another_format_than_the_upload_answers_400(world, pending_dir):
    """The review's 500s: a CSV upload confirmed as XLSX (BadZipFile) or another format."""
    client = login(superuser())
    data = confirm_data(preview(client, PEOPLE_CSV))
    data["format"] = format_index(Person, "XLSX", "import")
    response = client.post("/admin/teams/person/process_import/", data)
    assert response.status_code == 400
    assert pending_files(pending_dir) == []


def test_only_csv_and_xlsx_are_offered():
    from django.contrib import admin

    from apps.teams.models import Team

    for model in (Person, Team):
        model_admin = admin.site._registry[model]
        for formats in (model_admin.get_import_formats(), model_admin.get_export_formats()):
            assert [f().get_title() for f in formats] == ["csv", "xlsx"]


def test_pending_files_are_private_per_user_and_old_ones_purged(world, pending_dir):
    old = pending_dir / PendingImportStorage.FOLDER / "999" / uuid.uuid4().hex
    old.parent.mkdir(parents=True)
    old.write_bytes(b"forgotten preview")
    seven_hours_ago = time.time() - datetime.timedelta(hours=7).total_seconds()
    os.utime(old, (seven_hours_ago, seven_hours_ago))
    user = superuser()

    response = preview(login(user), PEOPLE_CSV)

    assert not old.exists()
    (stored,) = pending_files(pending_dir)
    assert stored.parent.name == str(user.pk)
    assert stored.name == confirm_data(response)["import_file_name"]
    assert oct(stored.stat().st_mode & 0o777) == oct(0o600)


@pytest.mark.parametrize("kind", ["accepted", "refused"])
def test_pubmed_import_leaves_no_temporary_file(world, settings, tmp_path, kind):
    uploads = tmp_path / "uploads"
    uploads.mkdir()
    settings.FILE_UPLOAD_TEMP_DIR = str(uploads)
    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 1  # every upload goes to a temporary file
    content = (
        b"PMID- 33333333\nTI  - A paper.\nAU  - Curie M\nJT  - Journal\nDP  - 2020\n"
        if kind == "accepted"
        else b"not a PubMed file at all"
    )
    response = login(world["editor"]).post(
        "/admin/teams/publication/import-pubmed/",
        {"file": SimpleUploadedFile("pubmed.txt", content), "team": world["mine"].pk},
    )
    assert response.status_code == 200
    assert Publication.objects.filter(pmid="33333333").exists() == (kind == "accepted")
    assert list(uploads.iterdir()) == []


def test_adding_another_teams_member_to_ones_team_gains_no_right_over_their_publications(world):
    """The outside review's bypass: a team editor adds another team's member to their own team
    (even as a past alumnus), which must not open that member's publications to them."""
    theirs = PublicationFactory(title="On their profile", pmid="33333333")
    PersonPublication.objects.create(person=world["other_person"], publication=theirs)
    editor = login(world["editor"])
    response = editor.post(
        "/admin/teams/membership/add/",
        {
            "person": world["other_person"].pk,
            "team": world["mine"].pk,
            "role": "alumnus",
            "start_date": "2000-01-01",
            "end_date": "2000-01-02",
            "order": 0,
        },
    )
    assert response.status_code == 302  # recruiting someone of the directory stays possible
    url = f"/admin/teams/publication/{theirs.pk}/change/"
    data = _change_form_data(login(world["site_editor"]).get(url))
    data.update(title="HIJACKED", status="draft")
    assert editor.post(url, data).status_code == 403
    theirs.refresh_from_db()
    assert (theirs.title, theirs.status) == ("On their profile", "published")
    # Nor can the editor put one of their own publications on that person's profile.
    autocomplete = editor.get(
        "/admin/autocomplete/",
        {"app_label": "teams", "model_name": "personpublication", "field_name": "person"},
    ).json()
    offered = {int(result["id"]) for result in autocomplete["results"]}
    assert world["other_person"].pk not in offered and world["my_person"].pk in offered


def test_team_editors_do_not_see_contact_details_that_are_not_public(world):
    editor = login(world["editor"])
    for person in (world["other_person"], world["my_person"]):
        person.email, person.phone = "private-x@example.org", "06 33 33 33 33"
        person.show_email = person.show_phone = False
        person.save()
        html = editor.get(f"/admin/teams/person/{person.pk}/change/").content.decode()
        assert "private-x@example.org" not in html and "06 33 33 33 33" not in html
    listing = editor.get("/admin/teams/person/", {"q": "private-x"})
    assert listing.context["cl"].result_count == 0  # the private email is not searchable either
    # Nor can a filter typed in the address tell it letter by letter (outside review, issue 13).
    for lookup in ("email__startswith", "email", "phone__contains", "email__iexact"):
        response = editor.get("/admin/teams/person/", {lookup: "private"})
        assert response.status_code == 400, lookup
    allowed = login(world["site_editor"]).get("/admin/teams/person/", {"email__startswith": "p"})
    assert allowed.status_code == 200
    site = login(world["site_editor"]).get(f"/admin/teams/person/{world['my_person'].pk}/change/")
    assert "private-x@example.org" in site.content.decode()


def test_a_shared_publication_says_why_it_is_read_only(world):
    shared = world["other_pub"]
    TeamPublication.objects.create(team=world["mine"], publication=shared)
    editor = login(world["editor"])
    url = f"/admin/teams/publication/{shared.pk}/change/"
    html = editor.get(url, HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "seuls les rédacteurs du site peuvent la modifier" in html
    own = editor.get(
        f"/admin/teams/publication/{world['my_pub'].pk}/change/", HTTP_ACCEPT_LANGUAGE="fr"
    )
    assert "seuls les rédacteurs" not in own.content.decode()
