"""The protected email becomes a working mailto: link in the browser; readable without JS."""

import pytest

from tests.factories import SiteSettingsFactory
from tests.teams.factories import PersonFactory

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("address", ["jane.doe@example.org", "émile@université.fr"])
def test_protected_email_becomes_a_link(transactional_db, live_server, page, address):
    SiteSettingsFactory()
    person = PersonFactory(email=address, show_email=True)
    page.goto(f"{live_server.url}/fr/personnes/{person.slug}/")
    link = page.locator(f'a[href="mailto:{address}"]')
    assert link.inner_text() == address


def test_protected_email_is_readable_without_javascript(transactional_db, live_server, browser):
    SiteSettingsFactory()
    person = PersonFactory(email="jane.doe@example.org", show_email=True)
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}/en/people/{person.slug}/")
    text = page.locator(".protected-email").inner_text()
    assert text == "jane.doe [at] example.org"
    assert page.locator('a[href^="mailto:"]').count() == 0
    context.close()
