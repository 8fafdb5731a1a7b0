"""The demo content that `make run` shows, checked page by page as visitors will see it.

Every address of the sitemap (both languages), plus the pages it does not list (filtered lists,
"no result" states, the contact form, a missing page), in one Chromium: the expected status, no
axe-core violation (WCAG 2.1 A/AA) at desktop width and at 320 px, no console or CSP error, no
sideways scrolling at 320 px; then every page's HTML through one run of the Nu HTML Checker.
Factory data is tidy; the demo's real titles and texts are what found the overflows.
"""

from __future__ import annotations

import io
import time
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from django.test import Client

from tests.conftest import check_in_browser, run_vnu

pytestmark = pytest.mark.browser

SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def sitemap_paths(client) -> list[str]:
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    paths = []
    for loc in root.iterfind("s:url/s:loc", SITEMAP_NS):
        parts = urlsplit(loc.text.strip())
        paths.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    return paths


def unlisted_pages() -> list[tuple[str, int]]:
    """Pages the sitemap does not list, built from the demo content itself."""
    from apps.care.models import CancerType, ContactPoint
    from apps.news.models import Category, Event
    from apps.teams.models import Person, ResearchTheme

    pages: list[tuple[str, int]] = []
    theme = ResearchTheme.objects.published().order_by("pk").first()
    cancer = CancerType.objects.published().order_by("pk").first()
    category = Category.objects.order_by("pk").first()
    person = Person.objects.published().order_by("sort_key").first()
    event_kind = Event.objects.published().order_by("pk").values_list("kind", flat=True).first()
    topic = ContactPoint.objects.published().order_by("pk").first()
    assert theme and cancer and category and person and event_kind and topic, "the demo changed"
    for lang, teams, people, news, events, trials, contact in (
        (
            "fr",
            "equipes",
            "personnes",
            "actualites",
            "evenements",
            "patients/essais-cliniques",
            "contact",
        ),
        ("en", "teams", "people", "news", "events", "patients/clinical-trials", "contact"),
    ):
        pages += [
            (f"/{lang}/{teams}/?theme={theme.slug}", 200),
            (f"/{lang}/{teams}/?kind=clinical", 200),
            (f"/{lang}/{teams}/?q=immuno", 200),
            (f"/{lang}/{teams}/?q=zzzqqq", 200),
            (f"/{lang}/{people}/?q={person.last_name}", 200),
            (f"/{lang}/{people}/?letter={person.sort_key[0].upper()}", 200),
            (f"/{lang}/{people}/?q=zzzqqq", 200),
            (f"/{lang}/{news}/?category={category.slug}", 200),
            (f"/{lang}/{events}/?when=past", 200),
            (f"/{lang}/{events}/?kind={event_kind}", 200),
            (f"/{lang}/{trials}/?status=recruiting", 200),
            (f"/{lang}/{trials}/?cancer={cancer.slug}", 200),
            (f"/{lang}/{trials}/?phase=3&treatment=vaccine", 200),
            (f"/{lang}/{contact}/", 200),
            (f"/{lang}/{contact}/?topic={topic.pk}", 200),
            (f"/{lang}/cette-page-n-existe-pas/", 404),
        ]
    return pages


def test_demo_content_sweep(transactional_db, live_server, page, axe_source, tmp_path):
    call_command("load_demo", stdout=io.StringIO())
    client = Client()
    listed = sitemap_paths(client)
    assert len(listed) >= 50, f"the demo sitemap lists only {len(listed)} pages"
    assert any(p.startswith("/fr/") for p in listed) and any(p.startswith("/en/") for p in listed)
    pages = [(path, 200) for path in listed] + unlisted_pages()

    started = time.monotonic()
    problems: dict[str, object] = {}
    documents: dict[str, str] = {}
    for path, expected in pages:
        page.console_problems.clear()
        response = page.goto(live_server.url + path)
        if response.status != expected:
            problems[path] = f"status {response.status}, expected {expected}"
            continue
        documents[path] = response.text()
        found = check_in_browser(page, axe_source)
        if found:
            problems[path] = found
    browser_seconds = time.monotonic() - started

    errors = run_vnu(documents, tmp_path)  # one run, fails unless every page was checked
    for path, found in errors.items():
        if found:
            problems.setdefault(path, []).append({"Nu HTML Checker": found})  # type: ignore[union-attr]
    print(
        f"demo sweep: {len(pages)} pages ({len(listed)} from the sitemap) in "
        f"{browser_seconds:.0f} s of browser checks, {time.monotonic() - started:.0f} s in all"
    )
    assert problems == {}, "\n".join(f"{path}: {found}" for path, found in problems.items())
