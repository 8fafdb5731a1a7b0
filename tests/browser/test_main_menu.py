"""A main menu of 12 and more entries: one row on a 1366 px screen with the rest under "More"
(a disclosure button that works with the keyboard), every entry in the phone menu."""

import pytest

from apps.core import registry
from tests.conftest import check_in_browser, run_axe
from tests.factories import HomePageFactory, SiteSettingsFactory

pytestmark = pytest.mark.browser

# Labels of the lengths editors and apps give (the French ones are the longest).
EXTRA_LABELS = [
    "Nous soutenir",
    "Le centre",
    "Formations et enseignement",
    "Plateformes technologiques",
    "Offres d'emploi",
    "Presse",
    "Publications",
]
ONE_ROW_JS = """() => {
    const items = [...document.getElementById('main-nav-list').children]
        .filter(li => !li.hidden && li.getBoundingClientRect().height > 0);
    const tops = items.map(li => Math.round(li.getBoundingClientRect().top));
    const list = document.getElementById('main-nav-list').getBoundingClientRect();
    return {
        rows: new Set(tops).size,
        count: items.length,
        overflow: items.some(li => li.getBoundingClientRect().right > list.right + 0.5),
        labels: items.map(li => li.textContent.trim()),
    };
}"""


@pytest.fixture
def site(transactional_db):
    SiteSettingsFactory()
    HomePageFactory()


@pytest.fixture
def many_entries(site):
    """Seven entries registered by the apps, five more by apps of the test and seven links an
    editor added (a menu provider): nineteen entries."""

    def editors_links(request):
        return {
            "main": [
                registry.MenuLink(f"editor-{i}", label, f"/fr/rubrique-{i}/", 70 + i)
                for i, label in enumerate(EXTRA_LABELS)
            ]
        }

    extra = [
        registry.NavEntry(f"test-{i}", label, "pages:home", order=60 + i)
        for i, label in enumerate(["Recherche", "Soins", "Innovation", "Partenaires", "Agenda"])
    ]
    for entry in extra:
        registry.register_nav(entry)
    registry.register_menu_provider(editors_links)
    yield
    for entry in extra:
        registry._nav.pop(entry.key)
    registry._menu_providers.remove(editors_links)


def _entries(page):
    return page.locator("#main-nav-list .main-nav__item a")


def test_nineteen_entries_hold_on_one_row_at_1366_with_the_rest_under_more(
    many_entries, live_server, browser, axe_source
):
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    page = context.new_page()
    page.console_problems = []
    page.on("pageerror", lambda exc: page.console_problems.append(str(exc)))
    page.goto(f"{live_server.url}/fr/plan-du-site/")
    total = _entries(page).count()
    assert total == 19
    row = page.evaluate(ONE_ROW_JS)
    assert row["rows"] == 1 and not row["overflow"], row
    button = page.locator("button.main-nav__more-button")
    assert button.is_visible()
    assert button.get_attribute("aria-expanded") == "false"
    assert row["labels"][-1].startswith("Plus")
    # Patients first: their entry and the contact form stay in the bar.
    assert "Patients" in row["labels"] and "Contact" in row["labels"]
    in_bar = row["count"] - 1
    under_more = page.locator("#main-nav-more a")
    assert in_bar + under_more.count() == total
    assert not under_more.first.is_visible()

    # The keyboard: Tab reaches the button after the bar's last entry, Enter opens it, Tab goes
    # through its entries, Escape closes it and gives the focus back to the button.
    page.locator("#main-nav-list > li.main-nav__item > a").last.focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('main-nav__more-button')")
    page.keyboard.press("Enter")
    assert button.get_attribute("aria-expanded") == "true"
    for index in range(under_more.count()):
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.href") == under_more.nth(index).evaluate(
            "a => a.href"
        )
        assert under_more.nth(index).is_visible()
    assert run_axe(page, axe_source) == []
    page.keyboard.press("Escape")
    assert button.get_attribute("aria-expanded") == "false"
    assert not under_more.first.is_visible()
    assert page.evaluate("document.activeElement.classList.contains('main-nav__more-button')")
    # Space opens it too; a click elsewhere closes it; leaving it with Tab closes it.
    page.keyboard.press(" ")
    assert button.get_attribute("aria-expanded") == "true"
    page.locator("h1, main").first.click(position={"x": 1, "y": 1})
    assert button.get_attribute("aria-expanded") == "false"

    # Narrower windows keep one row: more entries go under "More".
    for width in (1024, 800, 700):
        page.set_viewport_size({"width": width, "height": 768})
        page.wait_for_timeout(50)
        narrower = page.evaluate(ONE_ROW_JS)
        assert narrower["rows"] == 1 and not narrower["overflow"], (width, narrower)
    page.set_viewport_size({"width": 1366, "height": 768})
    assert check_in_browser(page, axe_source) == []
    context.close()


def test_the_phone_menu_lists_every_entry(many_entries, live_server, browser):
    context = browser.new_context(viewport={"width": 375, "height": 667})
    page = context.new_page()
    page.goto(f"{live_server.url}/en/site-map/")
    total = _entries(page).count()
    toggle = page.locator(".main-nav__toggle")
    closed_at = toggle.bounding_box()
    toggle.click()
    visible = [link for link in _entries(page).all() if link.is_visible()]
    assert len(visible) == total == 19
    assert not page.locator(".main-nav__more").is_visible()
    # The search box opens under the button, which stays under the finger (patient review).
    assert toggle.bounding_box() == closed_at
    search = page.locator("#header-search-q").bounding_box()
    assert search["y"] > closed_at["y"] + closed_at["height"]
    toggle.click()
    assert not page.locator("#header-search-q").is_visible()
    # Back on a wide screen, "More" comes back.
    page.set_viewport_size({"width": 1366, "height": 768})
    page.locator("button.main-nav__more-button").wait_for(state="visible")
    assert page.evaluate(ONE_ROW_JS)["rows"] == 1
    context.close()


def test_without_javascript_more_is_a_details_element(many_entries, live_server, browser):
    context = browser.new_context(
        viewport={"width": 1366, "height": 768}, java_script_enabled=False
    )
    page = context.new_page()
    page.goto(f"{live_server.url}/fr/plan-du-site/")
    # The server's estimate of what fits keeps the bar on one row (Playwright reads the layout).
    tops = page.locator("#main-nav-list > li").evaluate_all(
        "items => items.map(li => Math.round(li.getBoundingClientRect().top))"
    )
    assert len(set(tops)) == 1, tops
    summary = page.locator("summary.main-nav__more-button")
    assert summary.is_visible()
    links = page.locator("#main-nav-more a")
    assert links.count() > 0 and not links.first.is_visible()
    summary.focus()
    page.keyboard.press("Enter")
    assert links.first.is_visible()
    context.close()


def test_the_desktop_menu_of_the_demo_size_has_no_more(site, live_server, browser):
    """Nine entries or so fit in the bar: no "More" for nothing."""
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    page = context.new_page()
    page.goto(f"{live_server.url}/fr/plan-du-site/")
    assert not page.locator(".main-nav__more").is_visible()
    context.close()
