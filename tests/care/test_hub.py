import datetime
import re
import zoneinfo
from unittest import mock

import pytest
from django.db import IntegrityError, transaction

from apps.care.models import OpeningException, OpeningSlot
from tests.care.factories import ConsultationFactory, ContactPointFactory
from tests.factories import SiteSettingsFactory

pytestmark = pytest.mark.django_db
PARIS = zoneinfo.ZoneInfo("Europe/Paris")


def at(year, month, day, hour, minute=0):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=PARIS)


# 2030-03-04 is a Monday.
@pytest.mark.parametrize(
    ("moment", "is_open"),
    [
        (at(2030, 3, 4, 8, 59), False),
        (at(2030, 3, 4, 9, 0), True),  # opening minute
        (at(2030, 3, 4, 16, 59), True),
        (at(2030, 3, 4, 17, 0), False),  # closing minute
        (at(2030, 3, 9, 11, 0), False),  # Saturday
        (at(2030, 3, 4, 8, 0).astimezone(datetime.UTC) + datetime.timedelta(hours=1), True),
    ],
)
def test_open_now_at_opening_and_closing(moment, is_open):
    point = ContactPointFactory(weekdays=True)
    assert point.opening_state(moment).is_open is is_open


def test_open_now_on_exception_days():
    point = ContactPointFactory(weekdays=True)
    OpeningException.objects.create(
        contact_point=point, date=datetime.date(2030, 3, 5), closed=True, note_fr="Férié"
    )
    OpeningException.objects.create(
        contact_point=point,
        date=datetime.date(2030, 3, 6),
        closed=False,
        opens=datetime.time(10),
        closes=datetime.time(12),
    )
    OpeningException.objects.create(
        contact_point=point,
        date=datetime.date(2030, 3, 9),
        closed=False,
        opens=datetime.time(9),
        closes=datetime.time(11),
    )
    assert not point.opening_state(at(2030, 3, 5, 10)).is_open  # closed weekday
    state = point.opening_state(at(2030, 3, 5, 10))
    assert state.next_opening == at(2030, 3, 6, 10)
    assert not point.opening_state(at(2030, 3, 6, 9, 30)).is_open  # shorter hours
    assert point.opening_state(at(2030, 3, 6, 11)).closes_at == datetime.time(12)
    assert point.opening_state(at(2030, 3, 9, 10)).is_open  # an open Saturday


def test_open_state_across_daylight_saving_change():
    point = ContactPointFactory(weekdays=True)
    # 31 March 2030 is the Sunday clocks go forward; Monday 9:00 Paris is 07:00 UTC.
    monday_utc = datetime.datetime(2030, 4, 1, 7, 0, tzinfo=datetime.UTC)
    assert point.opening_state(monday_utc).is_open


def test_slots_and_exceptions_must_make_sense():
    point = ContactPointFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        OpeningSlot.objects.create(
            contact_point=point, weekday=0, opens=datetime.time(12), closes=datetime.time(9)
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        OpeningException.objects.create(
            contact_point=point, date=datetime.date(2030, 1, 1), closed=False
        )


def test_hub_sends_each_need_to_its_contact_point(client):
    SiteSettingsFactory()
    ContactPointFactory(
        name_fr="Rendez-vous", slug="rdv", need="appointment", phone="01 02 03 04 05", weekdays=True
    )
    ContactPointFactory(name_fr="Essais", slug="essais", need="trial", status="draft")
    with mock.patch("django.utils.timezone.now", return_value=at(2030, 3, 4, 10)):
        html = client.get("/fr/patients/").content.decode()
    need = html.split('class="need"')[1]
    assert 'href="tel:+33102030405"' in need
    assert 'href="#contact-rdv"' in need
    assert "open-state--open" in need
    assert "#contact-essais" not in html  # a draft contact point is not offered
    assert 'id="contact-rdv"' in html
    data = re.search(r'ld\+json">(.*?)</script>', html, re.S).group(1)
    assert '"@type":"MedicalClinic"' in data and '"dayOfWeek":"Monday"' in data


def test_consultations(client):
    SiteSettingsFactory()
    point = ContactPointFactory(phone="01 02 03 04 05")
    consultation = ConsultationFactory(name_fr="Immunothérapie", contact_point=point)
    ConsultationFactory(name_fr="Cachée", status="draft")
    html = client.get("/fr/patients/consultations/").content.decode()
    assert "Immunothérapie" in html and "Cachée" not in html
    detail = client.get(f"/fr/patients/consultations/{consultation.slug}/").content.decode()
    assert 'href="tel:+33102030405"' in detail
    assert client.get("/fr/patients/consultations/nope/").status_code == 404


def test_a_draft_contact_point_is_not_shown_on_the_consultation_list(client):
    SiteSettingsFactory()
    point = ContactPointFactory(phone="01 99 99 99 99", status="draft")
    ConsultationFactory(contact_point=point)
    assert "01 99 99 99 99" not in client.get("/fr/patients/consultations/").content.decode()


def test_an_exception_with_hours_cannot_also_be_closed():
    from django.core.exceptions import ValidationError

    point = ContactPointFactory()
    exception = OpeningException(
        contact_point=point,
        date=datetime.date(2030, 1, 2),
        closed=True,
        opens=datetime.time(9),
        closes=datetime.time(12),
    )
    with pytest.raises(ValidationError):
        exception.full_clean()


def test_weekday_reads_naturally_in_french(client):
    SiteSettingsFactory()
    ContactPointFactory(need="appointment", weekdays=True)
    with mock.patch("django.utils.timezone.now", return_value=at(2030, 3, 9, 11)):  # Saturday
        html = client.get("/fr/patients/").content.decode()
    assert "ouvre lundi à 09:00" in html
    assert '<th scope="row">Lundi' in html


@pytest.mark.parametrize(
    ("moment", "fr", "en"),
    [
        (at(2030, 3, 4, 8, 0), "ouvre aujourd'hui à 09:00", "opens today at"),  # Monday morning
        (at(2030, 3, 4, 18, 0), "ouvre demain à 09:00", "opens tomorrow at"),  # Monday evening
        (at(2030, 3, 8, 18, 0), "ouvre lundi à 09:00", "opens Monday at"),  # Friday evening
    ],
)
def test_a_closed_point_says_when_it_opens_in_words(moment, fr, en):
    """Patient review (issue 12): "opens Wednesday" on a Tuesday evening read as a week away."""
    from django.template.loader import render_to_string
    from django.utils import translation

    point = ContactPointFactory(weekdays=True)
    point.state = point.opening_state(moment)
    for language, expected in (("fr", fr), ("en", en)):
        with translation.override(language):
            html = render_to_string("care/includes/_opening_state.html", {"point": point})
        assert expected in html, (language, html)
