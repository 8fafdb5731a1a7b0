"""The admin's rich-text editor loads and works under the site's Content-Security-Policy."""

import pytest

from tests.factories import HomePageFactory, SiteSettingsFactory, UserFactory

pytestmark = pytest.mark.browser


def test_rich_text_editor_runs_in_the_admin(transactional_db, live_server, page):
    SiteSettingsFactory()
    HomePageFactory()
    UserFactory(
        username="editor", password="a-long-test-password", is_staff=True, is_superuser=True
    )
    page.goto(f"{live_server.url}/admin/login/?next=/admin/pages/homepage/1/change/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", "a-long-test-password")
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/pages/homepage/1/change/")
    editor = page.locator(".prose-editor").first
    editor.wait_for(state="visible")
    assert page.locator(".ProseMirror[contenteditable=true]").count() >= 2
    assert page.console_problems == [], page.console_problems
