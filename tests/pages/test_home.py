import json
import re

import pytest

from tests.factories import (
    HomeAimFactory,
    HomePageFactory,
    HomeQuoteFactory,
    SiteSettingsFactory,
    UserFactory,
    make_image,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def home():
    SiteSettingsFactory()
    home = HomePageFactory(hero_image=make_image("Hero", 1200, 800))
    HomeAimFactory(home=home, title_fr="Essais précoces", title_en="Early trials")
    HomeQuoteFactory(
        home=home,
        name="Sebastian Amigorena",
        role_fr="Directeur",
        role_en="Director",
        text_fr="Ensemble.",
        text_en="Together.",
    )
    return home


def test_home_shows_every_section(client, home):
    html = client.get("/fr/").content.decode()
    assert (
        '<h1 id="hero-title" class="hero__title">Centre d&#x27;immunothérapie des cancers</h1>'
        in html
    )
    for anchor in ('id="center"', 'id="immunotherapy"', 'id="patients"'):
        assert anchor in html
    assert "Essais précoces" in html
    assert "Sebastian Amigorena" in html and "Directeur" in html
    assert 'href="tel:+33144324000"' in html
    assert '<source type="image/webp"' in html
    assert 'alt="Une image de test"' in html
    # Patient review (issue 12): the hero's patients button leads to their hub, not an anchor.
    assert '<a class="button button--on-dark" href="/fr/patients/">Patients et proches</a>' in html


def test_home_in_english(client, home):
    html = client.get("/en/").content.decode()
    assert "Early trials" in html and "Director" in html and "Together." in html


def test_home_structured_data_and_open_graph(client, home):
    html = client.get("/fr/").content.decode()
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    data = json.loads(block.group(1))
    assert data["@type"] == "MedicalOrganization"
    assert data["telephone"] == "+33144324000"
    assert data["address"]["postalCode"] == "75005"
    assert '<meta property="og:title"' in html
    assert '<meta property="og:locale" content="fr_FR">' in html
    assert '<meta name="description" content="Description du centre' in html


def test_json_ld_cannot_break_out_of_its_script(client, home):
    from apps.core.models import SiteSettings

    SiteSettings.objects.filter(pk=1).update(site_name_fr="</script><script>alert(1)</script>")
    html = client.get("/fr/").content.decode()
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    assert "<" not in block
    assert json.loads(block)["name"] == "</script><script>alert(1)</script>"


@pytest.mark.parametrize(
    ("lang", "name"),
    [("fr", "Centre d&#x27;immunothérapie des cancers"), ("en", "Center for Cancer Immunotherapy")],
)
def test_home_without_content_still_renders(client, lang, name):
    response = client.get(f"/{lang}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{lang}">' in html
    assert f"<title>{name}</title>" in html and f"<h1>{name}</h1>" in html


def test_editor_changes_home_in_admin_and_rich_text_is_sanitised(client, home):
    client.force_login(UserFactory(username="editor", is_staff=True, is_superuser=True))
    page = client.get("/admin/pages/homepage/1/change/")
    assert page.status_code == 200
    form = page.context["adminform"].form
    data = {name: form.initial.get(name) or "" for name in form.fields}
    data["_opened_version"] = page.context["opened_version"]
    data["hero_image"] = home.hero_image_id
    data["about_body_fr"] = '<p onclick="x()">Nouveau texte<script>alert(1)</script></p>'
    for inline in page.context["inline_admin_formsets"]:
        formset = inline.formset
        data[f"{formset.prefix}-TOTAL_FORMS"] = str(len(formset.forms))
        data[f"{formset.prefix}-INITIAL_FORMS"] = str(formset.initial_form_count())
        data[f"{formset.prefix}-MIN_NUM_FORMS"] = "0"
        data[f"{formset.prefix}-MAX_NUM_FORMS"] = "1000"
        for index, inline_form in enumerate(formset.forms):
            for name in inline_form.fields:
                value = inline_form.initial.get(name)
                if value is not None:
                    data[f"{formset.prefix}-{index}-{name}"] = value
            data[f"{formset.prefix}-{index}-id"] = inline_form.instance.pk
            data[f"{formset.prefix}-{index}-home"] = home.pk
    response = client.post("/admin/pages/homepage/1/change/", data)
    errors = response.context and [
        response.context["adminform"].form.errors,
        [f.formset.errors for f in response.context["inline_admin_formsets"]],
    ]
    assert response.status_code == 302, errors
    html = client.get("/fr/").content.decode()
    assert "<p>Nouveau texte</p>" in html
    assert "alert(1)" not in html
