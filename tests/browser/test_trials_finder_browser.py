"""The trials finder on a phone: the five choices fold under one line, so the form's button and
the first trials come soon; on a wider screen they are all in sight, and narrowing folds them."""

import pytest
from playwright.sync_api import expect

from tests.care.factories import ClinicalTrialFactory
from tests.factories import SiteSettingsFactory

pytestmark = pytest.mark.browser


def test_choices_fold_on_a_phone_and_show_on_a_desktop(transactional_db, live_server, page):
    SiteSettingsFactory()
    ClinicalTrialFactory(acronym="OPEN", recruitment="recruiting")
    page.set_viewport_size({"width": 375, "height": 667})
    page.goto(f"{live_server.url}/fr/patients/essais-cliniques/")
    assert not page.locator("#id_status").is_visible()
    assert page.locator(".filters__more-summary").is_visible()
    button = page.get_by_role("button", name="Afficher les essais")
    box = button.bounding_box()
    assert box["y"] + box["height"] <= 667, "the button is in the first screen of a phone"
    page.locator(".filters__more-summary").click()
    assert page.locator("#id_status").is_visible()

    # A resize reaches the page's script as an event: wait for its effect (no sleep; it failed
    # once under load when read at once).
    page.set_viewport_size({"width": 1280, "height": 900})
    expect(page.locator("#id_investigator")).to_be_visible()
    expect(page.locator(".filters__more-summary")).to_be_hidden()
    page.set_viewport_size({"width": 375, "height": 667})
    expect(page.locator("#id_status")).to_be_hidden()

    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{live_server.url}/en/patients/clinical-trials/")
    assert page.locator("#id_status").is_visible(), "a desktop opens the choices at load"
    page.select_option("#id_status", "recruiting")
    page.get_by_role("button", name="Show trials").click()
    assert "status=recruiting" in page.url
    assert page.locator(".card__title").count() == 1


def test_without_javascript_the_line_opens_the_choices(transactional_db, live_server, browser):
    SiteSettingsFactory()
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()
    page.goto(f"{live_server.url}/en/patients/clinical-trials/")
    assert not page.locator("#id_status").is_visible()
    page.locator(".filters__more-summary").click()
    assert page.locator("#id_status").is_visible()
    context.close()
