import pytest

from apps.core.models import SiteSettings, phone_uri
from tests.factories import SiteSettingsFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("number", "uri"),
    [
        ("01 44 32 40 00", "tel:+33144324000"),
        ("+33 1 44 32 40 00", "tel:+33144324000"),
        ("0033 1 44 32 40 00", "tel:+33144324000"),
        ("15", "tel:15"),
        ("", ""),
    ],
)
def test_phone_uri(number, uri):
    assert phone_uri(number) == uri


def test_footer_shows_address_phones_and_hours(client):
    SiteSettingsFactory()
    html = client.get("/fr/").content.decode()
    assert "26 rue d&#x27;Ulm" in html
    assert '<a class="phones__number" href="tel:+33144324000">01 44 32 40 00</a>' in html
    assert "Du lundi au vendredi, de 9 h à 18 h" in html
    assert "Monday to Friday, 9 am to 6 pm" not in html
    html = client.get("/en/").content.decode()
    assert "Monday to Friday, 9 am to 6 pm" in html
    assert "Du lundi au vendredi, de 9 h à 18 h" not in html


FRENCH_SETTINGS = {
    "name": "Centre d&#x27;immunothérapie des cancers",
    "description": "Description du centre pour les moteurs de recherche.",
    "hours": "Du lundi au vendredi, de 9 h à 18 h",
    "emergency": "En cas d&#x27;urgence vitale, appelez le 15.",
}
ENGLISH_SETTINGS = {
    "name": "Center for Cancer Immunotherapy",
    "description": "Description of the center for search engines.",
    "hours": "Monday to Friday, 9 am to 6 pm",
    "emergency": "In a life-threatening emergency, call 15.",
}


@pytest.mark.parametrize(
    ("lang", "shown", "hidden"),
    [("fr", FRENCH_SETTINGS, ENGLISH_SETTINGS), ("en", ENGLISH_SETTINGS, FRENCH_SETTINGS)],
)
def test_site_settings_are_translated(client, lang, shown, hidden):
    """Each translated setting shows in the language of the page, never the other one."""
    SiteSettingsFactory()
    home = client.get(f"/{lang}/").content.decode()
    patients = client.get(f"/{lang}/patients/").content.decode()
    assert f'<meta name="description" content="{shown["description"]}">' in home
    for html in (home, patients):
        for key in ("name", "hours", "emergency"):
            assert shown[key] in html, key
        for text in hidden.values():
            assert text not in html


def test_site_renders_before_any_settings_exist(client):
    assert SiteSettings.objects.count() == 0
    assert client.get("/fr/").status_code == 200


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))
    return client


def test_admin_settings_are_a_single_row(admin_client):
    SiteSettingsFactory()
    response = admin_client.get("/admin/core/sitesettings/")
    assert response.status_code == 302
    assert response["Location"] == "/admin/core/sitesettings/1/change/"
    assert admin_client.get("/admin/core/sitesettings/add/").status_code == 403
    assert admin_client.get("/admin/core/sitesettings/1/delete/").status_code == 403


def test_editing_settings_in_admin_shows_on_the_site_at_once(admin_client, client):
    SiteSettingsFactory()
    page = admin_client.get("/admin/core/sitesettings/1/change/")
    assert page.status_code == 200
    form = page.context["adminform"].form
    data = {name: form.initial.get(name) or "" for name in form.fields}
    data["_opened_version"] = page.context["opened_version"]
    data["phone_main"] = "01 99 99 99 99"
    response = admin_client.post("/admin/core/sitesettings/1/change/", data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert "01 99 99 99 99" in client.get("/fr/").content.decode()
    from reversion.models import Version

    version = Version.objects.get_for_object(SiteSettings.objects.get()).first()  # the latest
    assert version.field_dict["phone_main"] == "01 99 99 99 99", "the change is kept as a version"


def test_admin_index_and_image_list_load(admin_client):
    assert admin_client.get("/admin/").status_code == 200
    assert admin_client.get("/admin/core/image/").status_code == 200
    assert admin_client.get("/admin/core/image/add/").status_code == 200
    assert admin_client.get("/admin/pages/homepage/").status_code == 302


@pytest.mark.parametrize(
    ("lang", "texts"),
    [
        (
            "fr",
            [
                "<title>Connexion | Centre d&#x27;immunothérapie des cancers</title>",
                '<a href="/admin/">Centre d&#x27;immunothérapie des cancers : administration</a>',
                '<label for="id_username" class="required">Nom d’utilisateur\xa0:</label>',
                '<label for="id_password" class="required">Mot de passe\xa0:</label>',
                '<input type="submit" value="Connexion">',
            ],
        ),
        (
            "en",
            [
                "<title>Log in | Center for Cancer Immunotherapy</title>",
                '<a href="/admin/">Center for Cancer Immunotherapy: administration</a>',
                '<label for="id_username" class="required">Username:</label>',
                '<label for="id_password" class="required">Password:</label>',
                '<input type="submit" value="Log in">',
            ],
        ),
    ],
)
def test_admin_login_page_is_translated(client, lang, texts):
    response = client.get("/admin/login/", HTTP_ACCEPT_LANGUAGE=lang)
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{lang}" dir="ltr">' in html
    for text in texts:
        assert text in html


@pytest.mark.parametrize(
    "url",
    [
        "/admin/core/sitesettings/abc/history/",
        "/admin/core/image/abc/change/",
        "/admin/pages/homepage/abc/history/",
        "/admin/core/sitesettings/1/history/x/",
        "/admin/core/image/%00/delete/",
    ],
)
def test_admin_odd_ids_are_not_errors(admin_client, url):
    SiteSettingsFactory()
    assert admin_client.get(url, follow=True).status_code == 404
