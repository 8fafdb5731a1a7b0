"""The main patient line: one number for the header's call button and the footer, taken from
the contact point marked as the main line, so the pages never disagree."""

import datetime
import re

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from apps.care.context_processors import main_line
from tests.care.factories import ContactPointFactory
from tests.factories import SiteSettingsFactory

pytestmark = pytest.mark.django_db


def numbers_called(html: str) -> dict[str, str]:
    """{where: number} of the header's call button and the footer's first number."""
    header = re.search(r'<a class="call-button" href="tel:([^"]+)"', html)
    footer = re.search(r'<footer.*?<a class="phones__number" href="tel:([^"]+)"', html, re.S)
    return {"header": header and header.group(1), "footer": footer and footer.group(1)}


def test_header_and_footer_call_the_main_line(client):
    SiteSettingsFactory(phone_main="01 00 00 00 00")
    ContactPointFactory(name_fr="Rendez-vous", phone="01 11 11 11 11")
    ContactPointFactory(name_fr="Standard", phone="01 44 32 40 00", is_main_line=True)
    for path in ("/fr/", "/en/teams/", "/fr/patients/", "/en/search/"):
        html = client.get(path).content.decode()
        assert numbers_called(html) == {"header": "+33144324000", "footer": "+33144324000"}
    assert "Appeler – Standard :" in client.get("/fr/").content.decode()


def test_without_a_main_line_the_site_settings_number_stands_in(client):
    SiteSettingsFactory(phone_main="01 00 00 00 00")
    ContactPointFactory(phone="01 11 11 11 11")
    html = client.get("/fr/").content.decode()
    assert numbers_called(html) == {"header": "+33100000000", "footer": "+33100000000"}


def test_a_draft_or_scheduled_main_line_is_not_called(client):
    SiteSettingsFactory(phone_main="01 00 00 00 00")
    ContactPointFactory(phone="01 22 22 22 22", is_main_line=True, status="draft")
    assert main_line()["phone"] == "01 00 00 00 00"


def test_an_edit_shows_at_once(client):
    SiteSettingsFactory(phone_main="01 00 00 00 00")
    point = ContactPointFactory(phone="01 22 22 22 22", is_main_line=True)
    assert main_line()["phone"] == "01 22 22 22 22"  # now cached
    point.phone = "01 33 33 33 33"
    point.save()
    assert main_line()["phone"] == "01 33 33 33 33"
    point.publish_at = timezone.now() + datetime.timedelta(days=1)
    point.save()
    assert main_line()["phone"] == "01 00 00 00 00"
    point.delete()
    assert main_line()["phone"] == "01 00 00 00 00"


def test_only_one_main_line_and_it_needs_a_phone():
    ContactPointFactory(is_main_line=True)
    with pytest.raises(IntegrityError), transaction.atomic():
        ContactPointFactory(is_main_line=True)
    second = ContactPointFactory.build(is_main_line=True, phone="01 44 32 40 00", slug="second")
    with translation.override("en"), pytest.raises(ValidationError, match="Another contact point"):
        second.full_clean()
    no_phone = ContactPointFactory.build(is_main_line=True, phone="", slug="third")
    with pytest.raises(ValidationError) as error:
        no_phone.full_clean()
    assert error.value.message_dict["is_main_line"] == [
        "La ligne principale des patients doit avoir un numéro de téléphone."
    ]


def test_no_number_at_all_shows_no_call_button(client):
    SiteSettingsFactory(phone_main="")
    html = client.get("/fr/").content.decode()
    assert 'class="call-button"' not in html
