import re
from io import StringIO

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.core.management import call_command

from apps.core.models import Image, Rendition, SiteSettings
from apps.pages.models import HomeAim, HomePage, HomeQuote
from apps.teams.models import Membership, Person, Publication, Team

pytestmark = pytest.mark.django_db


def _counts():
    return {
        model.__name__: model.objects.count()
        for model in (
            SiteSettings,
            HomePage,
            HomeAim,
            HomeQuote,
            Image,
            Rendition,
            Team,
            Person,
            Membership,
            Publication,
        )
    }


def test_demo_content_is_idempotent_and_keeps_edits():
    out = StringIO()
    call_command("load_demo", stdout=out)
    first = _counts()
    assert first["HomePage"] == 1 and first["HomeAim"] == 3 and first["HomeQuote"] == 2
    assert first["Image"] >= 1 and first["Rendition"] >= 4 * first["Image"]
    assert first["Team"] == 8 and first["Person"] > 40 and first["Publication"] == 24
    home = HomePage.objects.get()
    home.hero_title_fr = "Titre changé par un éditeur"
    home.save()

    out = StringIO()
    call_command("load_demo", stdout=out)
    assert "nothing changed" in out.getvalue()
    assert _counts() == first
    assert HomePage.objects.get().hero_title_fr == "Titre changé par un éditeur"


def test_demo_content_is_bilingual(client):
    call_command("load_demo", stdout=StringIO())
    fr = client.get("/fr/").content.decode()
    en = client.get("/en/").content.decode()
    assert "Qu&#x27;est-ce que l&#x27;immunothérapie ?" in fr
    assert "What is immunotherapy?" in en
    for name in ("Sebastian Amigorena", "Dr Emanuela Romano"):
        assert name in fr and name in en
    assert "Marie Curie" in fr and "Marie Curie" in en
    assert "tel:+33144324000" in fr


def test_admin_password_is_printed_once_and_works():
    out = StringIO()
    call_command("ensure_admin", stdout=out)
    password = re.search(r"password: (\S+)", out.getvalue()).group(1)
    assert authenticate(username="admin", password=password) is not None

    out = StringIO()
    call_command("ensure_admin", stdout=out)
    assert "password:" not in out.getvalue()
    assert authenticate(username="admin", password=password) is not None

    out = StringIO()
    call_command("ensure_admin", "--reset", stdout=out)
    new_password = re.search(r"password: (\S+)", out.getvalue()).group(1)
    assert new_password != password
    assert authenticate(username="admin", password=new_password) is not None
    assert get_user_model().objects.filter(username="admin", is_superuser=True).count() == 1


def test_admin_login_with_printed_credentials(client):
    out = StringIO()
    call_command("ensure_admin", stdout=out)
    password = re.search(r"password: (\S+)", out.getvalue()).group(1)
    response = client.post(
        "/admin/login/?next=/admin/", {"username": "admin", "password": password}
    )
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200
