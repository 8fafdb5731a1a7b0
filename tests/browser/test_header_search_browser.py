"""The header's search box on a 320 px phone: visible, no sideways scrolling, large enough to tap,
and Enter leads to the results, without JavaScript as with it."""

from urllib.parse import parse_qs, urlsplit

import pytest

from tests.conftest import OVERFLOW_JS
from tests.factories import HomePageFactory, SiteSettingsFactory

pytestmark = pytest.mark.browser

RESULTS = {"fr": "/fr/recherche/", "en": "/en/search/"}


@pytest.fixture
def site(transactional_db):
    SiteSettingsFactory()
    HomePageFactory()


@pytest.mark.parametrize(
    ("lang", "javascript"),
    [("fr", False), ("en", False), ("fr", True)],
    ids=["fr-no-js", "en-no-js", "fr-js"],
)
def test_header_search_on_a_320px_phone(site, live_server, browser, lang, javascript):
    context = browser.new_context(
        viewport={"width": 320, "height": 640}, java_script_enabled=javascript
    )
    page = context.new_page()
    page.goto(f"{live_server.url}/{lang}/")
    assert page.evaluate("document.documentElement.classList.contains('js')") is javascript

    box = page.locator("#header-search-q")
    button = page.locator(".site-header__search button[type=submit]")
    if javascript:
        # The header stays two rows (brand, then menu and call button): the search box folds
        # with the menu and opens with it.
        assert page.locator(".site-header").bounding_box()["height"] <= 125
        assert page.locator(".call-button").is_visible()
        assert not box.is_visible()
        page.locator(".main-nav__toggle").click()
    assert box.is_visible() and button.is_visible()
    for element in (box, button):
        rect = element.bounding_box()
        assert rect["x"] >= 0 and rect["x"] + rect["width"] <= 320, rect
        assert rect["height"] >= 44 and rect["width"] >= 44, rect  # a finger's tap target
    assert box.bounding_box()["width"] >= 120  # room to see what one types
    overflow = page.evaluate(OVERFLOW_JS)
    assert overflow["scrollWidth"] <= 320, overflow
    # One compact row: the box and its button side by side.
    assert abs(box.bounding_box()["y"] - button.bounding_box()["y"]) < 2

    query = "immunothérapie & <b>"
    box.fill(query)
    with page.expect_navigation():
        box.press("Enter")
    address = urlsplit(page.url)
    assert address.path == RESULTS[lang]
    assert parse_qs(address.query) == {"q": [query]}
    assert page.locator("h1").inner_text() in ("Rechercher", "Search")
    # The results page shows the query in its own box; the header has none there.
    assert page.locator("#search-q").input_value() == query
    assert page.locator("#header-search-q").count() == 0  # the page's own box replaces it
    assert page.evaluate(OVERFLOW_JS)["scrollWidth"] <= 320

    if javascript:  # the phone menu still folds and opens beside the box
        toggle = page.locator(".main-nav__toggle")
        assert toggle.is_visible() and not page.locator("#main-nav-list").is_visible()
        toggle.click()
        assert page.locator("#main-nav-list").is_visible()
    else:
        assert page.locator("#main-nav-list").is_visible()
    context.close()


def test_header_search_keeps_the_desktop_menu_on_one_row(site, live_server, browser):
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    page = context.new_page()
    for lang in ("fr", "en"):
        page.goto(f"{live_server.url}/{lang}/")
        tops = page.evaluate(
            "[...document.querySelectorAll('#main-nav-list > li:not([hidden])')]"
            ".map(li => Math.round(li.getBoundingClientRect().top))"
        )
        assert tops and len(set(tops)) == 1, tops
        bar = page.locator(".site-header__bar").bounding_box()
        box = page.locator("#header-search-q").bounding_box()
        brand = page.locator(".site-header .brand").bounding_box()
        # The box sits on the brand's row, not on a row of its own.
        assert box["y"] < brand["y"] + brand["height"] and bar["height"] < 80, (box, brand, bar)
    context.close()
