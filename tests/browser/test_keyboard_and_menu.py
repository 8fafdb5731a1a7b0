"""What a keyboard user and a phone user meet: skip link, focus, the menu with and without JS."""

import pytest

from tests.factories import HomePageFactory, SiteSettingsFactory

pytestmark = pytest.mark.browser


@pytest.fixture
def site(transactional_db):
    SiteSettingsFactory()
    HomePageFactory()


def test_skip_link_is_first_visible_on_focus_and_moves_focus(site, live_server, page):
    page.goto(f"{live_server.url}/fr/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.className")
    assert focused == "skip-link"
    box = page.locator(".skip-link").bounding_box()
    assert box["y"] >= 0, "the skip link stays off screen when focused"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_menu_folds_on_a_phone_and_opens_with_its_button(site, live_server, browser):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(f"{live_server.url}/fr/")
    toggle = page.locator(".main-nav__toggle")
    menu = page.locator("#main-nav-list")
    assert toggle.is_visible()
    assert not menu.is_visible()
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true"
    assert menu.is_visible()
    page.keyboard.press("Escape")
    assert not menu.is_visible()
    context.close()


def test_menu_is_open_without_javascript(site, live_server, browser):
    context = browser.new_context(viewport={"width": 360, "height": 740}, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}/fr/")
    assert page.locator("#main-nav-list").is_visible()
    assert not page.locator(".main-nav__toggle").is_visible()
    context.close()


def test_language_switcher_goes_to_the_english_page(site, live_server, page):
    page.goto(f"{live_server.url}/fr/")
    page.get_by_role("link", name="English").click()
    page.wait_for_url(f"{live_server.url}/en/")
    assert page.locator("html").get_attribute("lang") == "en"


def test_a_failed_contact_form_focuses_the_list_of_fields_to_correct(site, live_server, page):
    from tests.care.factories import ContactPointFactory

    ContactPointFactory(name_fr="Rendez-vous")
    page.goto(f"{live_server.url}/fr/contact/")
    page.fill("#id_email", "jeanne")
    with page.expect_navigation():
        page.click("form.contact-form button[type=submit]")
    assert page.evaluate("document.activeElement.id") == "error-summary"
    # Each item leads to its field.
    page.click('#error-summary a[href="#id_email"]')
    assert page.evaluate("location.hash") == "#id_email"
    page.fill("#id_email", "jeanne@example.org")  # the field is there to correct
