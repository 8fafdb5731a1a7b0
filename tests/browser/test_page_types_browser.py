"""Every registered page type in a real Chromium: axe-core (WCAG 2.1 A/AA), no console or CSP
errors, and no horizontal scrolling on a 320 px wide screen. Both languages of a page type are
checked on the same data (one database set-up and flush per page type, not per language); axe
runs again at 320 px on the French page."""

from __future__ import annotations

import pytest

from tests.conftest import check_in_browser
from tests.pagetypes import LANGUAGES, all_page_types, case_id, open_in_browser

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("page_type", all_page_types(), ids=case_id)
def test_accessible_in_chromium(transactional_db, live_server, page, axe_source, page_type):
    data = page_type.populate(page_type.small)
    problems = {}
    for lang in LANGUAGES:
        page.console_problems.clear()
        response = open_in_browser(page, live_server.url, page_type, data, lang)
        assert response.status == page_type.status, f"{page_type} [{lang}]"
        # axe at 320 px on one language: the narrow layout is the same in both.
        found = check_in_browser(page, axe_source, narrow_axe=lang == LANGUAGES[0])
        if found:
            problems[lang] = found
    assert problems == {}, f"{page_type}: {problems}"
