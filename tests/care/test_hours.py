"""Hours that agree: the footer (and the home page) say the opening hours of the main patient
line and of the appointment line from their weekly slots, the same data the patients page
shows; the site settings' text stands in only when no contact point has hours."""

import datetime
import re
import zoneinfo
from unittest import mock

import pytest
from django.utils import translation

from apps.care.hours import is_always_open, summary
from apps.care.models import OpeningSlot
from tests.care.factories import ContactPointFactory
from tests.factories import SiteSettingsFactory

pytestmark = pytest.mark.django_db
PARIS = zoneinfo.ZoneInfo("Europe/Paris")
T = datetime.time


def around_the_clock(point):
    OpeningSlot.objects.bulk_create(
        OpeningSlot(contact_point=point, weekday=day, opens=T(0), closes=T(23, 59))
        for day in range(7)
    )


def footer_hours(html: str) -> list[str]:
    section = html.split('id="footer-hours"')[1].split("</section>")[0]
    items = re.findall(r"<li>(.*?)</li>", section, re.S)
    return [re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", item)).strip() for item in items]


@pytest.mark.parametrize(
    ("slots", "fr", "en"),
    [
        ([], "", ""),
        (
            [(d, T(0), T(23, 59)) for d in range(7)],
            "24 h/24, 7 j/7",
            "24 hours a day, 7 days a week",
        ),
        (
            [(d, T(9), T(17)) for d in range(5)],
            "du lundi au vendredi, 09:00–17:00",
            "Monday to Friday, 9 a.m.–5 p.m.",
        ),
        (
            [(d, T(9), T(17)) for d in range(5)] + [(5, T(9), T(12))],
            "du lundi au vendredi, 09:00–17:00 ; samedi, 09:00–12:00",
            "Monday to Friday, 9 a.m.–5 p.m.; Saturday, 9 a.m.–noon",
        ),
        (
            [(0, T(8, 30), T(12)), (0, T(13, 30), T(18)), (1, T(8, 30), T(12))]
            + [(1, T(13, 30), T(18)), (3, T(10), T(16))],
            "lundi et mardi, 08:30–12:00, 13:30–18:00 ; jeudi, 10:00–16:00",
            "Monday and Tuesday, 8:30 a.m.–noon, 1:30 p.m.–6 p.m.; Thursday, 10 a.m.–4 p.m.",
        ),
    ],
)
def test_hours_in_words(slots, fr, en):
    with translation.override("fr"):
        assert summary(slots) == fr
    with translation.override("en"):
        assert summary(slots) == en


def test_round_the_clock_needs_every_day_from_midnight_to_midnight():
    assert is_always_open([(d, T(0), T(23, 59)) for d in range(7)])
    assert not is_always_open([(d, T(0), T(23, 59)) for d in range(6)])
    assert not is_always_open([(d, T(0, 30), T(23, 59)) for d in range(7)])


def test_a_round_the_clock_line_is_open_at_midnight_and_a_minute_before():
    point = ContactPointFactory()
    around_the_clock(point)
    for moment in (
        datetime.datetime(2030, 3, 4, 23, 59, 30, tzinfo=PARIS),
        datetime.datetime(2030, 3, 5, 0, 0, tzinfo=PARIS),
    ):
        state = point.opening_state(moment)
        assert state.is_open and state.closes_at is None


def test_footer_says_the_contact_points_hours_not_the_settings_text(client):
    SiteSettingsFactory(opening_hours_fr="Consultations : de 8 h 30 à 18 h")
    main = ContactPointFactory(
        name_fr="Standard", name_en="Switchboard", phone="01 44 32 40 00", is_main_line=True
    )
    around_the_clock(main)
    ContactPointFactory(
        name_fr="Secrétariat des consultations",
        name_en="Consultations office",
        need="appointment",
        phone="",
        weekdays=True,
    )
    ContactPointFactory(name_fr="Presse", need="", weekdays=True)  # not in the footer
    for path in ("/fr/", "/fr/equipes/", "/fr/patients/"):
        html = client.get(path).content.decode()
        assert footer_hours(html) == [
            "Standard : 24 h/24, 7 j/7",
            "Secrétariat des consultations : du lundi au vendredi, 09:00–17:00",
        ], path
        assert "8 h 30" not in html
    html = client.get("/en/teams/").content.decode()
    assert footer_hours(html) == [
        "Switchboard: 24 hours a day, 7 days a week",
        "Consultations office: Monday to Friday, 9 a.m.–5 p.m.",
    ]


def test_without_contact_point_hours_the_settings_text_stands_in(client):
    SiteSettingsFactory(opening_hours_fr="Du lundi au vendredi, de 9 h à 18 h\nLe samedi matin")
    ContactPointFactory(is_main_line=True)  # no slots
    html = client.get("/fr/").content.decode()
    assert footer_hours(html) == ["Du lundi au vendredi, de 9 h à 18 h", "Le samedi matin"]


def test_an_edit_of_the_hours_shows_at_once(client):
    SiteSettingsFactory()
    point = ContactPointFactory(name_fr="Standard", is_main_line=True, weekdays=True)
    assert footer_hours(client.get("/fr/").content.decode()) == [
        "Standard : du lundi au vendredi, 09:00–17:00"
    ]
    OpeningSlot.objects.create(contact_point=point, weekday=5, opens=T(9), closes=T(12))
    assert footer_hours(client.get("/fr/").content.decode()) == [
        "Standard : du lundi au vendredi, 09:00–17:00 ; samedi, 09:00–12:00"
    ]
    point.slots.all().delete()  # a queryset delete sends post_delete for each slot
    assert footer_hours(client.get("/fr/").content.decode()) == [
        "Du lundi au vendredi, de 9 h à 18 h"  # the site settings' text (factory)
    ]


def test_the_patients_page_shows_a_shared_number_once(client):
    """Four needs answered by services reached through the switchboard: one card, one number,
    each need naming its service and its own hours."""
    SiteSettingsFactory()
    main = ContactPointFactory(
        name_fr="Standard de l'Institut Curie",
        slug="standard",
        phone="01 44 32 40 00",
        is_main_line=True,
        order=0,
    )
    around_the_clock(main)
    for need, name in (
        ("appointment", "Secrétariat des consultations"),
        ("treatment", "Infirmière de coordination"),
        ("referral", "Secrétariat médical"),
        ("trial", "Équipe des essais cliniques"),
    ):
        ContactPointFactory(name_fr=name, need=need, phone="", weekdays=True)
    monday_ten = datetime.datetime(2030, 3, 4, 10, tzinfo=PARIS)
    with mock.patch("django.utils.timezone.now", return_value=monday_ten):
        html = client.get("/fr/patients/").content.decode()
    needs = html.split('id="needs-title"')[1].split("</section>")[0]
    assert needs.count('class="need need--shared"') == 1
    assert needs.count('href="tel:+33144324000"') == 1
    assert needs.count("01 44 32 40 00") == 1
    for name in ("Secrétariat des consultations", "Infirmière de coordination"):
        assert 'Demandez : <a href="#contact-' in needs and name in needs
    assert "Standard de l&#x27;Institut Curie : demandez le service indiqué ci-dessus." in needs
    assert "24 h/24, 7 j/7" in needs
    contacts = html.split('id="contacts-title"')[1].split("</div>\n  </section>")[0]
    # In the list of contacts, the services point at the switchboard's card, without the number.
    assert contacts.count("01 44 32 40 00") == 1
    assert contacts.count('Par téléphone : <a href="#contact-standard">') == 4
    # A round-the-clock line has no table of seven identical days.
    standard = contacts.split('id="contact-standard"')[1].split("</section>")[0]
    assert 'class="hours"' not in standard


def test_needs_with_their_own_numbers_keep_their_own_cards(client):
    SiteSettingsFactory()
    ContactPointFactory(need="appointment", phone="01 02 03 04 05")
    ContactPointFactory(need="trial", phone="01 06 07 08 09")
    html = client.get("/fr/patients/").content.decode()
    needs = html.split('id="needs-title"')[1].split("</section>")[0]
    # Two lines of their own, and one card for the two needs left to the main number.
    assert needs.count('<li class="need">') == 2
    assert needs.count('<li class="need need--shared">') == 1
    assert needs.count('href="tel:+33102030405"') == 1
    assert needs.count('href="tel:+33106070809"') == 1
