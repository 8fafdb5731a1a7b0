"""Import of teams and people from CSV or XLSX (django-import-export), in the admin and directly.

The contract: a preview of what will change, row-level errors naming the row and the column, and
nothing written when any row is invalid.
"""

from __future__ import annotations

import csv
import io
import re

import openpyxl
import pytest
import tablib
from django.contrib import admin
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from import_export.exceptions import ImportError as ImportExportError

from apps.teams.models import Person, Team
from apps.teams.resources import PersonResource, TeamResource
from tests.factories import UserFactory
from tests.teams.factories import (
    MembershipFactory,
    PersonFactory,
    ResearchThemeFactory,
    TeamFactory,
)

VALID_ORCID = "0000-0002-1825-0097"
WRONG_CHECKSUM_ORCID = "0000-0002-1825-0098"
ORCID_CHECKSUM_MESSAGE = "This ORCID iD is mistyped: its last character does not match the others."

PERSON_HEADERS = [
    "slug", "title", "first_name", "last_name", "category", "position_fr", "position_en",
    "orcid", "email", "show_email", "show_phone", "status",
]  # fmt: skip
TEAM_HEADERS = ["slug", "kind", "name_fr", "name_en", "acronym", "summary_fr", "themes", "order"]


def person_row(slug, first_name, last_name, **values):
    row = {
        "slug": slug,
        "title": "",
        "first_name": first_name,
        "last_name": last_name,
        "category": "researcher",
        "position_fr": "Chercheuse",
        "position_en": "Researcher",
        "orcid": "",
        "email": f"{slug}@example.org",
        "show_email": "no",
        "show_phone": "no",
        "status": "published",
    }
    row.update(values)
    return row


def team_row(slug, name_fr, **values):
    row = {
        "slug": slug,
        "kind": "research",
        "name_fr": name_fr,
        "name_en": "",
        "acronym": "",
        "summary_fr": "Une équipe.",
        "themes": "",
        "order": "10",
    }
    row.update(values)
    return row


PEOPLE = [
    person_row("emilie-lefevre", "Émilie", "Lefèvre", orcid=VALID_ORCID, show_email="oui"),
    person_row("soren-kierkegaard", "Søren", "Kierkegaard", show_email="non", show_phone="Yes"),
    person_row("marie-curie", "Marie", "Curie", title="Pr", category="physician"),
]


def csv_bytes(rows, headers=PERSON_HEADERS, bom=False) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=headers, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return ("\ufeff" if bom else "").encode() + out.getvalue().encode("utf-8")


def xlsx_bytes(rows, headers=PERSON_HEADERS) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(headers)
    for row in rows:
        sheet.append([row.get(h) for h in headers])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def dataset(rows, headers=PERSON_HEADERS) -> tablib.Dataset:
    data = tablib.Dataset(headers=headers)
    for row in rows:
        data.append([row.get(h, "") for h in headers])
    return data


def format_index(model, name: str) -> str:
    formats = admin.site._registry[model].get_import_formats()
    return str([f.__name__ for f in formats].index(name))


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def _pending_imports_in_tmp(settings, tmp_path):
    """Previews never confirmed here leave their pending file in a folder of the test's own."""
    settings.IMPORT_EXPORT_PENDING_DIR = str(tmp_path / "private")


@pytest.fixture
def superuser_client(client):
    user = UserFactory(username="import-admin", is_staff=True, is_superuser=True)
    client.force_login(user)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


def upload(client, model, content: bytes, filename: str, fmt: str = "CSV"):
    """The first step of the admin import: the dry run and its preview."""
    name = model._meta.model_name
    return client.post(
        f"/admin/teams/{name}/import/",
        {
            "resource": "0",
            "format": format_index(model, fmt),
            "import_file": SimpleUploadedFile(filename, content),
        },
    )


def confirm(client, model, preview):
    """The second step: post the confirm form the preview page offered."""
    form = preview.context["confirm_form"]
    data = {name: form.initial[name] for name in form.fields}
    return client.post(f"/admin/teams/{model._meta.model_name}/process_import/", data)


def import_types(result) -> list[str]:
    return [row.import_type for row in result.rows]


def preview_types(content: str) -> list[str]:
    """The first cell of each row of the preview table: New, Update, Skipped."""
    return re.findall(r'<td class="import-type">\s*(\w+)\s*</td>', content)


def invalid_rows(result) -> dict[int, dict[str, list[str]]]:
    return {row.number: row.error_dict for row in result.invalid_rows}


# -- (1) the admin flow: preview, then confirm ---------------------------------------------------


@pytest.mark.django_db
def test_import_page_is_offered(superuser_client):
    response = superuser_client.get("/admin/teams/person/import/")
    assert response.status_code == 200
    content = response.content.decode()
    assert 'name="import_file"' in content and 'name="format"' in content
    for column in ("slug", "first_name", "position_fr", "orcid", "show_email"):
        assert column in content  # the expected columns are listed
    response = superuser_client.get("/admin/teams/team/import/")
    assert response.status_code == 200
    assert "themes" in response.content.decode()


@pytest.mark.django_db
def test_csv_preview_lists_changes_and_writes_only_on_confirm(superuser_client):
    existing = PersonFactory(slug="marie-curie", first_name="Marie", last_name="Curie")

    preview = upload(superuser_client, Person, csv_bytes(PEOPLE, bom=True), "people.csv")

    assert preview.status_code == 200
    result = preview.context["result"]
    assert not result.has_errors() and not result.has_validation_errors()
    assert import_types(result) == ["new", "new", "update"]
    assert preview.context["confirm_form"] is not None
    content = preview.content.decode()
    assert "Confirm import" in content
    assert preview_types(content) == ["New", "New", "Update"]
    assert "Émilie" in content and "Søren" in content
    # A dry run: nothing written yet.
    assert Person.objects.count() == 1
    existing.refresh_from_db()
    assert existing.title == "" and existing.category == "researcher"

    done = confirm(superuser_client, Person, preview)

    assert done.status_code == 302
    assert done["Location"] == "/admin/teams/person/"
    messages = [str(m) for m in get_messages(done.wsgi_request)]
    assert any("2 new, 1 updated" in m for m in messages), messages
    assert Person.objects.count() == 3
    emilie = Person.objects.get(slug="emilie-lefevre")
    assert (emilie.first_name, emilie.last_name) == ("Émilie", "Lefèvre")
    assert emilie.orcid == VALID_ORCID
    assert emilie.show_email is True and emilie.show_phone is False
    assert emilie.position_fr == "Chercheuse" and emilie.position_en == "Researcher"
    assert emilie.status == "published"
    assert emilie.sort_key == "lefevre emilie"
    soren = Person.objects.get(slug="soren-kierkegaard")
    assert soren.first_name == "Søren"
    assert soren.show_email is False and soren.show_phone is True
    existing.refresh_from_db()
    assert existing.pk == Person.objects.get(slug="marie-curie").pk
    assert existing.title == "Pr" and existing.category == "physician"


@pytest.mark.django_db
def test_xlsx_preview_then_confirm(superuser_client):
    rows = [
        # Spreadsheet cells: real booleans, numbers, empty (None) cells.
        person_row("emilie-lefevre", "Émilie", "Lefèvre", show_email=True, show_phone=None),
        person_row("soren-kierkegaard", "Søren", "Kierkegaard", show_email=0, title=None),
    ]
    # An empty row in the middle, and the empty rows spreadsheets often carry at the end.
    content = xlsx_bytes([rows[0], {}, rows[1], {}, {}])

    preview = upload(superuser_client, Person, content, "people.xlsx", fmt="XLSX")

    assert preview.status_code == 200
    result = preview.context["result"]
    assert not result.has_errors() and not result.has_validation_errors()
    assert import_types(result) == ["new", "skip", "new"]
    assert preview_types(preview.content.decode()) == ["New", "Skipped", "New"]
    assert Person.objects.count() == 0

    done = confirm(superuser_client, Person, preview)

    assert done.status_code == 302
    assert Person.objects.count() == 2
    emilie = Person.objects.get(slug="emilie-lefevre")
    assert emilie.first_name == "Émilie" and emilie.show_email is True
    assert emilie.show_phone is False
    soren = Person.objects.get(slug="soren-kierkegaard")
    assert soren.last_name == "Kierkegaard" and soren.show_email is False
    assert soren.title == ""


# -- (2) a bad row: which row, why, and nothing written ------------------------------------------


def _people_with_bad_orcid_in_row_3():
    return [
        person_row("anne-a", "Anne", "Alpha", orcid=VALID_ORCID),
        person_row("bruno-b", "Bruno", "Bravo"),
        person_row("carla-c", "Carla", "Charlie", orcid=WRONG_CHECKSUM_ORCID),
        person_row("denis-d", "Denis", "Delta"),
    ]


@pytest.mark.django_db
def test_bad_orcid_in_row_3_names_the_row_and_writes_nothing(superuser_client):
    PersonFactory(slug="bruno-b", first_name="Old", last_name="Name")

    response = upload(
        superuser_client, Person, csv_bytes(_people_with_bad_orcid_in_row_3()), "people.csv"
    )

    assert response.status_code == 200
    result = response.context["result"]
    assert invalid_rows(result) == {3: {"orcid": [ORCID_CHECKSUM_MESSAGE]}}
    assert response.context.get("confirm_form") is None  # no way to confirm
    content = response.content.decode()
    assert "Some rows failed to validate" in content
    assert re.search(r"<td>\s*3\s*</td>", content)
    assert "orcid" in content
    assert ORCID_CHECKSUM_MESSAGE in content
    assert "Confirm import" not in content
    # Nothing written, not even the valid rows 1, 2 and 4.
    assert Person.objects.count() == 1
    assert Person.objects.get(slug="bruno-b").first_name == "Old"


@pytest.mark.django_db
def test_forced_confirm_of_a_bad_file_writes_nothing(superuser_client):
    """Even a hand-made confirm request (or a database changed since the preview) cannot write
    the valid rows of a file with a bad row: the import is rolled back as a whole."""
    response = upload(
        superuser_client, Person, csv_bytes(_people_with_bad_orcid_in_row_3()), "people.csv"
    )
    stored = response.context["form"].cleaned_data["import_file"].tmp_storage_name

    superuser_client.post(
        "/admin/teams/person/process_import/",
        {
            "import_file_name": stored,
            "original_file_name": "people.csv",
            "format": format_index(Person, "CSV"),
            "resource": "0",
        },
    )

    assert Person.objects.count() == 0


@pytest.mark.django_db
def test_direct_import_data_with_a_bad_row_writes_nothing():
    data = dataset(_people_with_bad_orcid_in_row_3())

    result = PersonResource().import_data(data, dry_run=False)

    assert result.has_validation_errors()
    assert invalid_rows(result) == {3: {"orcid": [ORCID_CHECKSUM_MESSAGE]}}
    assert Person.objects.count() == 0

    # Transactions cannot be turned off for these resources: still all or nothing.
    result = PersonResource().import_data(data, dry_run=False, use_transactions=False)
    assert result.has_validation_errors()
    assert Person.objects.count() == 0

    with pytest.raises(ImportExportError) as raised:
        PersonResource().import_data(data, dry_run=False, raise_errors=True)
    assert raised.value.number == 3
    assert Person.objects.count() == 0

    valid = dataset([r for r in _people_with_bad_orcid_in_row_3() if r["slug"] != "carla-c"])
    result = PersonResource().import_data(valid, dry_run=False)
    assert not result.has_errors() and not result.has_validation_errors()
    assert Person.objects.count() == 3


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("values", "column", "message"),
    [
        ({"orcid": "0000-0002-1825"}, "orcid", "An ORCID iD has the form"),
        ({"orcid": WRONG_CHECKSUM_ORCID}, "orcid", "mistyped"),
        ({"email": "not-an-email"}, "email", "Enter a valid email address."),
        ({"category": "wizard"}, "category", "is not a valid choice"),
        ({"status": "online"}, "status", "is not a valid choice"),
        ({"first_name": ""}, "first_name", "This field cannot be blank."),
        ({"last_name": "   "}, "last_name", "This field cannot be blank."),
        ({"slug": ""}, "slug", "This field cannot be blank."),
        ({"slug": "émilie lefèvre"}, "slug", "valid “slug”"),
        ({"slug": "bad/slug"}, "slug", "valid “slug”"),
        ({"show_email": "maybe"}, "show_email", "is not a yes/no value"),
        ({"show_phone": "2"}, "show_phone", "is not a yes/no value"),
        ({"first_name": "É" * 101}, "first_name", "at most 100 characters"),
        ({"bio_fr": "B" * 2001}, "bio_fr", "at most 2000 characters"),
    ],
)
def test_person_row_errors_name_the_column(values, column, message):
    bad = person_row("bad-one", "Bad", "One")
    bad.update(values)
    rows = [person_row("good-one", "Good", "One"), bad]
    headers = [*PERSON_HEADERS, *(column for column in values if column not in PERSON_HEADERS)]

    result = PersonResource().import_data(dataset(rows, headers), dry_run=False)

    errors = invalid_rows(result)
    assert list(errors) == [2]
    assert list(errors[2]) == [column]
    assert message in " ".join(errors[2][column])
    assert Person.objects.count() == 0


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("values", "column", "message"),
    [
        ({"kind": "lab"}, "kind", "is not a valid choice"),
        ({"name_fr": "", "name_en": ""}, "name_fr", "This field cannot be blank."),
        ({"name_fr": "N" * 201}, "name_fr", "at most 200 characters"),
        ({"summary_fr": ""}, "summary_fr", "This field cannot be blank."),
        ({"summary_fr": "S" * 601}, "summary_fr", "at most 600 characters (it has 601)"),
        ({"name_en": "N" * 201}, "name_en", "at most 200 characters"),
        ({"themes": "nope"}, "themes", "Unknown research theme: “nope”."),
        ({"order": "three"}, "order", "Enter a whole number."),
        ({"order": "2.5"}, "order", "Enter a whole number."),
        ({"order": "-1"}, "order", "greater than or equal to 0"),
        ({"slug": "Not A Slug"}, "slug", "valid “slug”"),
    ],
)
def test_team_row_errors_name_the_column(values, column, message):
    bad = team_row("bad-team", "Équipe")
    bad.update(values)
    rows = [team_row("good-team", "Bonne équipe"), bad]

    result = TeamResource().import_data(dataset(rows, TEAM_HEADERS), dry_run=False)

    errors = invalid_rows(result)
    assert list(errors) == [2]
    assert list(errors[2]) == [column]
    assert message in " ".join(errors[2][column])
    assert Team.objects.count() == 0


@pytest.mark.django_db
def test_a_slug_twice_in_the_file_is_an_error_of_the_second_row():
    rows = [person_row("same", "Anne", "Alpha"), person_row("same", "Bruno", "Bravo")]

    result = PersonResource().import_data(dataset(rows), dry_run=False)

    assert invalid_rows(result) == {
        2: {"slug": ["This slug is already used by row 1 of the file."]}
    }
    assert Person.objects.count() == 0


@pytest.mark.django_db
def test_unknown_column_is_refused(superuser_client):
    rows = [{"slug": "anne-a", "first_name": "Anne", "last_name": "Alpha", "orcid_id": "x"}]
    content = csv_bytes(rows, headers=["slug", "first_name", "last_name", "orcid_id"])

    response = upload(superuser_client, Person, content, "people.csv")

    assert response.status_code == 200
    assert response.context.get("confirm_form") is None
    assert "Unknown column(s): orcid_id." in response.content.decode()
    assert Person.objects.count() == 0


# -- (3) teams and their themes ------------------------------------------------------------------


@pytest.mark.django_db
def test_team_import_sets_themes_by_slug(superuser_client):
    immuno = ResearchThemeFactory(slug="immunology")
    tumour = ResearchThemeFactory(slug="tumour-biology")
    ResearchThemeFactory(slug="unused")
    rows = [
        team_row("t-cells", "Lymphocytes T", name_en="T cells", themes="immunology|tumour-biology"),
        team_row("b-cells", "Lymphocytes B", themes=" immunology | "),
        team_row("no-theme", "Sans thème", kind="platform"),
    ]

    preview = upload(superuser_client, Team, csv_bytes(rows, TEAM_HEADERS), "teams.csv")

    assert preview.status_code == 200
    assert import_types(preview.context["result"]) == ["new", "new", "new"]
    assert Team.objects.count() == 0

    done = confirm(superuser_client, Team, preview)

    assert done.status_code == 302
    t_cells = Team.objects.get(slug="t-cells")
    assert set(t_cells.themes.all()) == {immuno, tumour}
    assert (t_cells.name_fr, t_cells.name_en, t_cells.order) == ("Lymphocytes T", "T cells", 10)
    assert list(Team.objects.get(slug="b-cells").themes.all()) == [immuno]
    no_theme = Team.objects.get(slug="no-theme")
    assert no_theme.kind == "platform" and not no_theme.themes.exists()


@pytest.mark.django_db
def test_unknown_theme_slug_is_a_row_error_and_nothing_is_written(superuser_client):
    ResearchThemeFactory(slug="immunology")
    rows = [
        team_row("t-cells", "Lymphocytes T", themes="immunology"),
        team_row("b-cells", "Lymphocytes B", themes="immunology|immunologie"),
    ]

    response = upload(superuser_client, Team, csv_bytes(rows, TEAM_HEADERS), "teams.csv")

    assert response.status_code == 200
    errors = invalid_rows(response.context["result"])
    assert list(errors) == [2]
    assert list(errors[2]) == ["themes"]
    assert "“immunologie”" in errors[2]["themes"][0]
    assert response.context.get("confirm_form") is None
    content = response.content.decode()
    assert "Unknown research theme" in content and "immunologie" in content
    assert Team.objects.count() == 0

    result = TeamResource().import_data(dataset(rows, TEAM_HEADERS), dry_run=False)
    assert invalid_rows(result).keys() == {2}
    assert Team.objects.count() == 0


@pytest.mark.django_db
def test_team_description_is_cleaned_like_the_admin_does():
    headers = [*TEAM_HEADERS, "description_fr"]
    rich = '<p onclick="steal()">Des <b>lymphocytes</b></p><script>alert(1)</script>'
    rows = [team_row("t-cells", "Lymphocytes T", description_fr=rich)]

    result = TeamResource().import_data(dataset(rows, headers), dry_run=False)

    assert import_types(result) == ["new"]
    assert Team.objects.get(slug="t-cells").description_fr == "<p>Des <b>lymphocytes</b></p>"
    result = TeamResource().import_data(dataset(rows, headers), dry_run=False)
    assert import_types(result) == ["skip"]


@pytest.mark.django_db
def test_changing_an_existing_teams_themes_is_an_update():
    immuno = ResearchThemeFactory(slug="immunology")
    tumour = ResearchThemeFactory(slug="tumour-biology")
    team = TeamFactory(slug="t-cells", themes=[immuno])
    rows = [team_row("t-cells", team.name_fr, themes="tumour-biology", order=str(team.order))]
    rows[0].update(acronym=team.acronym, summary_fr=team.summary_fr, name_en=team.name_en)

    result = TeamResource().import_data(dataset(rows, TEAM_HEADERS), dry_run=False)

    assert import_types(result) == ["update"]
    assert list(team.themes.all()) == [tumour]


# -- (4) importing the same file again ----------------------------------------------------------


@pytest.mark.django_db
def test_reimporting_the_same_file_skips_every_row(superuser_client):
    content = csv_bytes(PEOPLE)
    confirm(superuser_client, Person, upload(superuser_client, Person, content, "people.csv"))
    assert Person.objects.count() == 3
    stamps = dict(Person.objects.values_list("slug", "updated_at"))

    preview = upload(superuser_client, Person, content, "people.csv")

    result = preview.context["result"]
    assert import_types(result) == ["skip", "skip", "skip"]
    assert preview_types(preview.content.decode()) == ["Skipped"] * 3
    done = confirm(superuser_client, Person, preview)
    messages = [str(m) for m in get_messages(done.wsgi_request)]
    assert any("0 new, 0 updated, 0 deleted and 3 skipped" in m for m in messages), messages
    assert Person.objects.count() == 3
    assert dict(Person.objects.values_list("slug", "updated_at")) == stamps


@pytest.mark.django_db
def test_reimporting_the_same_xlsx_skips_every_row(superuser_client):
    content = xlsx_bytes(PEOPLE)
    confirm(superuser_client, Person, upload(superuser_client, Person, content, "p.xlsx", "XLSX"))

    preview = upload(superuser_client, Person, content, "p.xlsx", "XLSX")

    assert import_types(preview.context["result"]) == ["skip", "skip", "skip"]
    assert Person.objects.count() == 3


@pytest.mark.django_db
def test_an_export_imports_back_unchanged():
    immuno = ResearchThemeFactory(slug="immunology")
    tumour = ResearchThemeFactory(slug="tumour-biology")
    TeamFactory(slug="t-cells", themes=[immuno, tumour], description_fr="<p>Texte.</p>")
    TeamFactory(slug="b-cells")
    PersonFactory(slug="emilie-lefevre", first_name="Émilie", orcid=VALID_ORCID, show_email=True)
    PersonFactory(slug="soren-k", first_name="Søren")

    for resource_class, model in ((TeamResource, Team), (PersonResource, Person)):
        exported = resource_class().export()
        again = tablib.import_set(exported.csv, format="csv")
        result = resource_class().import_data(again, dry_run=False)
        assert not result.has_errors() and not result.has_validation_errors()
        assert import_types(result) == ["skip", "skip"], model
    assert Team.objects.count() == 2 and Person.objects.count() == 2
    assert set(Team.objects.get(slug_fr="t-cells").themes.all()) == {immuno, tumour}


# -- (5) odd input -------------------------------------------------------------------------------


@pytest.mark.django_db
def test_csv_with_nul_bytes_is_refused_clearly(superuser_client):
    content = csv_bytes(PEOPLE[:2]).replace(b"Kierkegaard", b"Kierke\x00gaard")
    content += b"ab\x00c,,Anne,Alpha,researcher,,,,,no,no,draft\r\n"

    response = upload(superuser_client, Person, content, "people.csv")

    assert response.status_code == 200
    errors = invalid_rows(response.context["result"])
    assert set(errors) == {2, 3}
    assert list(errors[2]) == ["last_name"] and "NUL character" in errors[2]["last_name"][0]
    assert list(errors[3]) == ["slug"] and "NUL character" in errors[3]["slug"][0]
    assert "NUL character" in response.content.decode()
    assert Person.objects.count() == 0


@pytest.mark.django_db
def test_binary_file_sent_as_csv_is_refused_clearly(superuser_client):
    response = upload(superuser_client, Person, xlsx_bytes(PEOPLE), "people.csv")

    assert response.status_code == 200
    assert response.context.get("result") is None
    errors = response.context["form"].errors["import_file"]
    assert "Save it as CSV (UTF-8) or XLSX" in errors[0]
    assert Person.objects.count() == 0


@pytest.mark.django_db
def test_non_utf8_file_is_refused_clearly(superuser_client):
    content = csv_bytes(PEOPLE).decode("utf-8").encode("latin-1")

    response = upload(superuser_client, Person, content, "people.csv")

    assert response.status_code == 200
    errors = response.context["form"].errors["import_file"]
    assert "Save it as CSV (UTF-8) or XLSX" in errors[0]
    assert Person.objects.count() == 0


@pytest.mark.django_db
def test_very_long_name_is_a_row_error(superuser_client):
    rows = [PEOPLE[0], person_row("long-name", "L" * 500, "Long")]

    response = upload(superuser_client, Person, csv_bytes(rows), "people.csv")

    assert response.status_code == 200
    errors = invalid_rows(response.context["result"])
    assert list(errors) == [2] and list(errors[2]) == ["first_name"]
    assert "at most 100 characters (it has 500)" in errors[2]["first_name"][0]
    assert Person.objects.count() == 0


@pytest.mark.django_db
def test_empty_file_and_header_only_file(superuser_client):
    response = upload(superuser_client, Person, b"", "people.csv")
    assert response.status_code == 200
    assert response.context["form"].errors
    response = upload(superuser_client, Person, csv_bytes([]), "people.csv")
    assert response.status_code == 200
    assert response.context.get("confirm_form") is None
    assert Person.objects.count() == 0


@pytest.mark.django_db
def test_spaces_around_cells_and_blank_lines_are_ignored():
    data = dataset(
        [
            person_row(
                " emilie-lefevre ", "  Émilie ", " Lefèvre", show_email=" OUI ", email=" e@x.org "
            ),
            dict.fromkeys(PERSON_HEADERS, ""),
            person_row("soren-k", "Søren", "Kierkegaard"),
            dict.fromkeys(PERSON_HEADERS, None),  # trailing empty rows are dropped
            dict.fromkeys(PERSON_HEADERS, " "),
        ]
    )

    result = PersonResource().import_data(data, dry_run=False)

    assert not result.has_errors() and not result.has_validation_errors()
    assert import_types(result) == ["new", "skip", "new"]
    assert result.total_rows == 3
    emilie = Person.objects.get(slug="emilie-lefevre")
    assert (emilie.first_name, emilie.last_name, emilie.show_email) == ("Émilie", "Lefèvre", True)
    assert emilie.email == "e@x.org"
    assert Person.objects.get(slug="soren-k").first_name == "Søren"


# -- who may import what -------------------------------------------------------------------------


@pytest.mark.django_db
def test_team_editor_imports_only_within_their_teams():
    editor = UserFactory(username="team-editor", is_staff=True)
    mine = TeamFactory(slug="mine")
    mine.editors.add(editor)
    theirs = TeamFactory(slug="theirs")
    colleague = PersonFactory(slug="colleague", first_name="Ana", last_name="Colleague")
    MembershipFactory(team=mine, person=colleague)
    stranger = PersonFactory(slug="stranger", first_name="Sam", last_name="Stranger")

    people = [
        person_row("colleague", "Anabel", "Colleague"),
        person_row("newcomer", "Nina", "Newcomer"),
    ]
    result = PersonResource().import_data(dataset(people), dry_run=False, user=editor)
    assert not result.has_validation_errors()
    assert Person.objects.get(slug="colleague").first_name == "Anabel"
    assert Person.objects.filter(slug="newcomer").exists()

    people = [person_row("stranger", "Samuel", "Stranger")]
    result = PersonResource().import_data(dataset(people), dry_run=False, user=editor)
    assert invalid_rows(result) == {
        1: {"__all__": ["You can only change people who belong to one of your teams."]}
    }
    stranger.refresh_from_db()
    assert stranger.first_name == "Sam"

    teams = [
        team_row("mine", "Mon équipe renommée"),
        team_row("theirs", "Leur équipe renommée"),
        team_row("brand-new", "Nouvelle équipe"),
    ]
    result = TeamResource().import_data(dataset(teams, TEAM_HEADERS), dry_run=False, user=editor)
    assert invalid_rows(result) == {
        2: {"__all__": ["You can only change the teams you edit."]},
        3: {"__all__": ["Only site editors can add teams."]},
    }
    mine.refresh_from_db()
    theirs.refresh_from_db()
    assert mine.name_fr != "Mon équipe renommée" and theirs.name_fr != "Leur équipe renommée"
    assert not Team.objects.filter(slug="brand-new").exists()
