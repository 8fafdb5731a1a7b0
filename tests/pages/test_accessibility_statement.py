"""The accessibility statement backs its "partially compliant": the rate and date of the audit,
the pages audited, each known non-conformity with its criterion and a way round it, and a
working contact. An older demo statement is replaced unless an editor has changed it."""

import importlib
import re

import pytest
from django.apps import apps as django_apps
from django.urls import Resolver404, resolve
from django.utils import translation

from apps.core.models import SiteSettings
from apps.pages import accessibility_statement as statement
from apps.pages.migrations import _texts_0010 as frozen
from apps.pages.models import Page
from tests.factories import PageFactory, SiteSettingsFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_statement():
    from apps.pages import demo_pages

    SiteSettingsFactory()
    demo_pages.load()
    return Page.objects.get(kind=Page.Kind.ACCESSIBILITY)


def _main(client, url):
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    return html[html.index("<main") : html.index("</main>")]


def test_the_statement_gives_the_rate_the_audit_and_its_pages_in_french(client, demo_statement):
    html = _main(client, "/fr/accessibilite/")
    assert "partiellement conforme" in html
    assert "<strong>54 des 62 critères applicables</strong>" in html
    assert "taux de conformité de 87 %" in html
    assert "décembre 2026" in html
    assert "Date de l'audit : 1 décembre 2026." in html  # from the site settings
    audited = html[html.index("Pages vérifiées") :]
    audited = audited[: audited.index("</ol>")]
    assert audited.count("<li>") == 18


def test_the_statement_in_english(client, demo_statement):
    html = _main(client, "/en/accessibility/")
    assert "partially compliant" in html
    assert "<strong>54 of the 62 applicable criteria</strong>" in html
    assert "compliance rate of 87%" in html
    audited = html[html.index("Pages checked") :]
    assert audited[: audited.index("</ol>")].count("<li>") == 18


@pytest.mark.parametrize("language", ["fr", "en"])
def test_each_non_conformity_has_its_criterion_and_a_way_round(language):
    body = statement.BODY_FR if language == "fr" else statement.BODY_EN
    heading = "Non-conformités" if language == "fr" else "Non-conformities"
    section = body[body.index(heading) :]
    section = section[: section.index("</ul>")]
    items = re.findall(r"<li>(.*?)</li>", section)
    assert items
    for item in items:
        assert re.search(r"(Critère|Criterion) \d+\.\d+", item), item
        assert ("contourner" if language == "fr" else "way round") in item, item


@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_address_in_the_statement_is_a_page_of_the_site(language):
    """The pages audited and the contact form: renaming one of them must update the text."""
    body = statement.BODY_FR if language == "fr" else statement.BODY_EN
    editorial = {"le-centre", "the-center", "accessibilite", "accessibility"}
    for href in re.findall(r'href="([^"]+)"', body):
        with translation.override(language):
            try:
                match = resolve(href)
            except Resolver404:
                pytest.fail(f"{href} answers no page")
        if href.strip("/").rsplit("/", 1)[-1] not in editorial:
            assert match.view_name != "pages:page", f"{href} is not the app page it should be"
    assert f'href="/{language}/contact/"' in body  # the contact form, working in each language


def test_the_contact_address_is_the_sites(demo_statement):
    site = SiteSettings.load()
    postal = f"{site.street_address}, {site.postal_code} {site.city}"
    assert postal in statement.BODY_FR and postal in statement.BODY_EN


def test_the_demo_dates_the_audit_but_keeps_an_editors_date(demo_statement):
    import datetime

    from apps.pages.demo_pages import date_the_audit

    assert SiteSettings.load().accessibility_audit_date == statement.AUDIT_DATE
    SiteSettings.objects.filter(pk=1).update(accessibility_audit_date=datetime.date(2027, 3, 1))
    assert date_the_audit() is False
    assert SiteSettings.load().accessibility_audit_date == datetime.date(2027, 3, 1)


def test_the_migration_replaces_the_older_demo_statement_only(client):
    SiteSettingsFactory()
    old = PageFactory(
        kind=Page.Kind.ACCESSIBILITY,
        slug_fr="accessibilite",
        slug_en="accessibility",
        body_fr=frozen.OLD_BODY_FR,
        body_en=frozen.OLD_BODY_EN,
    )
    edited = PageFactory(kind=Page.Kind.ACCESSIBILITY, body_fr="<p>Notre propre audit.</p>")
    migration = importlib.import_module(
        "apps.pages.migrations.0010_accessibility_statement_backs_its_claim"
    )
    migration.forward(django_apps, None)
    old.refresh_from_db()
    edited.refresh_from_db()
    assert "taux de conformité de 87 %" in old.body_fr
    assert "compliance rate of 87%" in old.body_en
    assert "à compléter" not in old.body_fr and "to be completed" not in old.body_en
    assert edited.body_fr == "<p>Notre propre audit.</p>"
    assert SiteSettings.load().accessibility_audit_date == statement.AUDIT_DATE
