"""Checks at save (issue 14, item 7, phone numbers): a public phone number is parsed with
python-phonenumbers; one that cannot be dialled ("01 44 32 4x 00" went public once) is refused
with a clear message in the form, and a good one is saved as the site shows it."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from apps.care.models import ContactPoint
from apps.core.models import SiteSettings, phone_uri
from apps.core.phones import format_phone, parse, validate_phone
from apps.teams.models import Person
from tests.admin_forms import form_values
from tests.care.factories import ContactPointFactory
from tests.factories import SiteEditorFactory, SiteSettingsFactory
from tests.teams.factories import PersonFactory

pytestmark = pytest.mark.django_db

REFUSED = "Ce numéro ne peut pas être composé"


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("0144324000", "01 44 32 40 00"),
        ("01.44.32.40.00", "01 44 32 40 00"),
        ("+33 1 44 32 40 00", "01 44 32 40 00"),
        ("0033 (0)1 44 32 40 00", "01 44 32 40 00"),
        ("06 12 34 56 78", "06 12 34 56 78"),
        ("+41 22 555 12 34", "+41 22 555 12 34"),
        ("+1 650 253 0000", "+1 650-253-0000"),
    ],
)
def test_a_number_is_shown_in_one_format(typed, shown):
    validate_phone(typed)
    assert format_phone(typed) == shown


@pytest.mark.parametrize(
    "typed",
    ["01 44 32 4x 00", "01 44 32 40", "01 44 32 40 00 00 00", "15", "abc", "+", "\x00", "0" * 500],
)
def test_a_number_that_cannot_be_dialled_is_refused(typed):
    assert parse(typed) is None
    with pytest.raises(ValidationError):
        validate_phone(typed)
    assert format_phone(typed) == typed, "left as it is, for the form to show"


def test_links_dial_the_full_number_and_short_ones_as_they_are():
    assert phone_uri("01 44 32 40 00") == "tel:+33144324000"
    assert phone_uri("+41 22 555 12 34") == "tel:+41225551234"
    assert phone_uri("15") == "tel:15"


@pytest.fixture
def editor():
    SiteSettingsFactory()
    client = Client(HTTP_ACCEPT_LANGUAGE="fr")
    client.force_login(SiteEditorFactory())
    return client


def save(client, url, form_id, **changes):
    values = form_values(client.get(url).content.decode(), form_id)
    values.update(changes)
    values["_save"] = "x"
    return client.post(url, values)


def test_the_contact_point_form_refuses_a_bad_number_and_formats_a_good_one(editor):
    point = ContactPointFactory(phone="01 44 32 40 00")
    url = f"/admin/care/contactpoint/{point.pk}/change/"
    response = save(editor, url, "contactpoint_form", phone="01 44 32 4x 00")
    assert response.status_code == 200 and REFUSED in response.content.decode()
    assert ContactPoint.objects.get(pk=point.pk).phone == "01 44 32 40 00", "nothing saved"
    response = save(editor, url, "contactpoint_form", phone="+33144324001")
    assert response.status_code == 302
    assert ContactPoint.objects.get(pk=point.pk).phone == "01 44 32 40 01"


def test_the_site_settings_and_a_profile_check_their_numbers_too(editor):
    from apps.core.roles import SITE_ADMINISTRATORS
    from tests.factories import staff_in

    administrator = Client(HTTP_ACCEPT_LANGUAGE="fr")
    administrator.force_login(staff_in(SITE_ADMINISTRATORS))  # the settings are theirs
    url = "/admin/core/sitesettings/1/change/"
    response = save(administrator, url, "sitesettings_form", phone_main="01 44 32")
    assert REFUSED in response.content.decode()
    assert (
        save(administrator, url, "sitesettings_form", phone_appointments="0144324100").status_code
        == 302
    )
    assert SiteSettings.objects.get().phone_appointments == "01 44 32 41 00"

    person = PersonFactory()
    url = f"/admin/teams/person/{person.pk}/change/"
    response = save(editor, url, "person_form", phone="01 44 32 40 00 poste 12")
    assert REFUSED in response.content.decode()
    assert save(editor, url, "person_form", phone="").status_code == 302, "empty is allowed"
    assert Person.objects.get(pk=person.pk).phone == ""
