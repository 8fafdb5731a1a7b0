"""The public pages of the demo content: what the sitemap lists, and what it does not."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

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
    from apps.care.models import CancerType, ClinicalTrial, ContactPoint
    from apps.news.models import Category, Event
    from apps.teams.models import Person, ResearchTheme

    pages: list[tuple[str, int]] = []
    theme = ResearchTheme.objects.published().order_by("pk").first()
    cancer = CancerType.objects.published().order_by("pk").first()
    category = Category.objects.order_by("pk").first()
    person = Person.objects.published().order_by("sort_key").first()
    event_kind = Event.objects.published().order_by("pk").values_list("kind", flat=True).first()
    topic = ContactPoint.objects.published().order_by("pk").first()
    investigator = (
        Person.objects.published()
        .filter(trials__in=ClinicalTrial.objects.published())
        .order_by("sort_key")
        .first()
    )
    assert theme and cancer and category and person and event_kind and topic, "the demo changed"
    assert investigator, "the demo changed"
    for lang, teams, people, news, events, trials, contact, search in (
        (
            "fr",
            "equipes",
            "personnes",
            "actualites",
            "evenements",
            "patients/essais-cliniques",
            "contact",
            "recherche",
        ),
        (
            "en",
            "teams",
            "people",
            "news",
            "events",
            "patients/clinical-trials",
            "contact",
            "search",
        ),
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
            (f"/{lang}/{trials}/?q=immuno", 200),
            (f"/{lang}/{trials}/?investigator={investigator.slug}", 200),
            (f"/{lang}/{people}/?q=Dr+Romanno", 200),
            (f"/{lang}/{contact}/", 200),
            (f"/{lang}/{contact}/?topic={topic.pk}", 200),
            (f"/{lang}/cette-page-n-existe-pas/", 404),
            # The site search: results with every type, one type, a misspelt name, nothing.
            (f"/{lang}/{search}/?q=immunothérapie", 200),
            (f"/{lang}/{search}/?q=immunotherapy&type=team", 200),
            (f"/{lang}/{search}/?q=Dr+Romanno", 200),
            (f"/{lang}/{search}/?q=immunotherapy&type=publication", 200),
            (f"/{lang}/{search}/", 200),
        ]
    return pages
