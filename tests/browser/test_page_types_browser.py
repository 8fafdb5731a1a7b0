"""Every registered page type in a real Chromium: axe-core (WCAG 2.1 A/AA), no console or CSP
errors, and no horizontal scrolling on a 320 px wide screen."""

from __future__ import annotations

import pytest

from tests.conftest import check_in_browser
from tests.pagetypes import case_id, open_in_browser, page_cases

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(("page_type", "lang"), page_cases(), ids=case_id)
def test_accessible_in_chromium(transactional_db, live_server, page, axe_source, page_type, lang):
    data = page_type.populate(page_type.small)
    response = open_in_browser(page, live_server.url, page_type, data, lang)
    assert response.status == page_type.status
    problems = check_in_browser(page, axe_source)
    assert problems == [], f"{page_type} [{lang}]: {problems}"
