import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation

from apps.teams.models import Membership, Publication
from apps.teams.validators import validate_orcid
from tests.teams.factories import MembershipFactory, PersonFactory, PublicationFactory, TeamFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "orcid", ["0000-0002-1825-0097", "0000-0001-5109-3700", "0000-0002-1694-233X"]
)
def test_valid_orcids(orcid):
    validate_orcid(orcid)


@pytest.mark.parametrize(
    ("orcid", "code"),
    [
        ("0000-0002-1825-0098", "orcid_checksum"),
        ("0000-0002-1825-009", "orcid_format"),
        ("0000000218250097", "orcid_format"),
        ("https://orcid.org/0000-0002-1825-0097", "orcid_format"),
        ("", "orcid_format"),
        ("0000-0002-1825-009\x00", "orcid_format"),
        ("٠٠٠٠-٠٠٠٢-١٨٢٥-٠٠٩٧", "orcid_format"),
    ],
)
def test_invalid_orcids_are_refused_with_a_message(orcid, code):
    with pytest.raises(ValidationError) as info:
        validate_orcid(orcid)
    assert info.value.code == code


def test_person_full_clean_reports_bad_orcid():
    person = PersonFactory.build(orcid="0000-0002-1825-0098", slug="x-y")
    with pytest.raises(ValidationError) as info:
        person.full_clean()
    assert "orcid" in info.value.message_dict


def test_one_leader_at_a_time():
    team = TeamFactory()
    MembershipFactory(team=team, role="head", start_date=datetime.date(2020, 1, 1))
    with pytest.raises(IntegrityError), transaction.atomic():
        MembershipFactory(team=team, role="head", start_date=datetime.date(2022, 1, 1))


def test_leaders_may_follow_each_other():
    team = TeamFactory()
    MembershipFactory(
        team=team,
        role="head",
        start_date=datetime.date(2015, 1, 1),
        end_date=datetime.date(2019, 12, 31),
    )
    MembershipFactory(team=team, role="head", start_date=datetime.date(2020, 1, 1))
    assert Membership.objects.filter(team=team, role="head").count() == 2


def test_overlapping_leaders_are_refused_by_full_clean():
    team = TeamFactory()
    MembershipFactory(team=team, role="head", start_date=datetime.date(2020, 1, 1))
    second = MembershipFactory.build(
        team=team, person=PersonFactory(), role="head", start_date=datetime.date(2021, 1, 1)
    )
    with translation.override("en"), pytest.raises(ValidationError) as info:
        second.full_clean()
    assert "A team has only one leader at a time." in str(info.value)


def test_end_date_must_follow_start_date():
    with pytest.raises(IntegrityError), transaction.atomic():
        MembershipFactory(start_date=datetime.date(2022, 1, 1), end_date=datetime.date(2021, 1, 1))


def test_doi_and_pmid_unique_when_present_and_normalised():
    PublicationFactory(doi="10.1000/ABC", pmid="123")
    assert Publication.objects.get(pmid="123").doi == "10.1000/abc"
    with pytest.raises(IntegrityError), transaction.atomic():
        PublicationFactory(doi=" 10.1000/abc ", pmid=None)
    PublicationFactory(doi="", pmid="")
    PublicationFactory(doi=None, pmid=None)
    assert Publication.objects.filter(doi__isnull=True).count() == 2


def test_sort_key_ignores_accents_and_case():
    person = PersonFactory(first_name="Émilie", last_name="Éluard")
    assert person.sort_key == "eluard emilie"
    assert person.initial == "E"
