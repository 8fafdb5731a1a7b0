"""Every registered page type in a real Chromium: axe-core (WCAG 2.1 A/AA), no console or CSP
errors, and no horizontal scrolling on a 320 px wide screen."""

from __future__ import annotations

import pytest

from tests.conftest import run_axe
from tests.pagetypes import case_id, page_cases

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(("page_type", "lang"), page_cases(), ids=case_id)
def test_accessible_in_chromium(transactional_db, live_server, page, axe_source, page_type, lang):
    data = page_type.populate(page_type.small)
    response = page.goto(live_server.url + page_type.path(data, lang))
    assert response.status == page_type.status
    violations = run_axe(page, axe_source)
    assert violations == [], violations
    assert page.console_problems == [], page.console_problems

    page.set_viewport_size({"width": 320, "height": 800})
    overflow = page.evaluate("document.documentElement.scrollWidth")
    assert overflow <= 320, f"{page_type} scrolls sideways at 320 px ({overflow} px wide)"
    violations = run_axe(page, axe_source)
    assert violations == [], violations
