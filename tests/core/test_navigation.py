"""The main menu (the bar and "More"), the footer's links and the site map for people
(RGAA 12.1: more than one way to every page)."""

import re

import pytest

from apps.core import registry
from apps.core.registry import MenuLink, split_main_menu
from tests.factories import HomePageFactory, PageFactory, SiteSettingsFactory

pytestmark = pytest.mark.django_db


def _links(*labels, priorities=None):
    priorities = priorities or {}
    return [
        MenuLink(f"k{i}", label, f"/{i}/", i, priority=priorities.get(label, 0))
        for i, label in enumerate(labels)
    ]


def test_a_menu_that_fits_is_all_in_the_bar():
    links = _links("Accueil", "Équipes", "Patients")
    assert split_main_menu(links) == (links, [])


def test_a_long_menu_puts_its_last_entries_of_lowest_priority_under_more():
    labels = [f"Rubrique numéro {n}" for n in range(12)] + ["Patients", "Contact"]
    links = _links(*labels, priorities={"Patients": 20, "Contact": 10})
    bar, more = split_main_menu(links, width=100)
    assert [link.label for link in bar][:2] == ["Rubrique numéro 0", "Rubrique numéro 1"]
    assert [link.label for link in bar][-2:] == ["Patients", "Contact"]  # kept, in their place
    assert more and [link.label for link in more] == sorted(
        (link.label for link in more), key=lambda label: labels.index(label)
    )
    assert len(bar) + len(more) == len(links)
    width = sum(len(str(link.label)) + registry.MENU_LINK_EXTRA for link in bar)
    assert width + registry.MENU_MORE_COST <= 100


def test_the_header_has_the_bar_and_more_and_the_phone_toggle(client):
    SiteSettingsFactory()
    HomePageFactory()
    extra = [
        registry.NavEntry(f"test-{i}", f"Une rubrique assez longue {i}", "pages:home", 60 + i)
        for i in range(8)
    ]
    for entry in extra:
        registry.register_nav(entry)
    try:
        html = client.get("/fr/").content.decode()
    finally:
        for entry in extra:
            registry._nav.pop(entry.key)
    nav = html[html.index('<nav class="main-nav"') : html.index("</nav>", html.index("main-nav"))]
    bar = re.findall(r'<li class="main-nav__item" data-position="(\d+)"', nav.split("<details")[0])
    more = re.findall(r'data-position="(\d+)"', nav.split("<details")[1])
    assert bar and more
    assert sorted(map(int, bar + more)) == list(range(len(bar) + len(more)))
    assert '<summary class="main-nav__more-button">Plus' in nav
    assert 'id="main-nav-more"' in nav
    assert 'aria-controls="main-nav-list"' in nav  # the phone's "Menu" button
    # Patients first: their entry stays in the bar.
    assert 'href="/fr/patients/"' in nav.split("<details")[0]


def test_the_demo_sized_menu_has_no_more(client):
    SiteSettingsFactory()
    html = client.get("/fr/").content.decode()
    assert '<li class="main-nav__more" hidden>' in html


def test_contact_is_in_the_main_menu_and_the_footer_links(client):
    SiteSettingsFactory()
    html = client.get("/en/").content.decode()
    header = html[html.index('<nav class="main-nav"') : html.index("</header>")]
    assert '<a href="/en/contact/">Contact</a>' in header
    footer = html[html.index('<ul class="footer-links">') :]
    links = re.findall(r'<li><a href="([^"]+)">([^<]+)</a>', footer)
    assert ("/en/site-map/", "Site map") in links
    assert ("/en/contact/", "Contact") in links


def test_the_footer_offers_the_site_map_for_people_not_the_xml_one(client):
    SiteSettingsFactory()
    html = client.get("/fr/").content.decode()
    footer = html[html.index('<footer class="site-footer">') :]
    assert 'href="/fr/plan-du-site/">Plan du site</a>' in footer
    assert "sitemap.xml" not in footer and "XML" not in footer
    # Robots still have theirs, and it lists the site map for people too.
    xml = client.get("/sitemap.xml").content.decode()
    assert "http://testserver/fr/plan-du-site/" in xml and "http://testserver/en/site-map/" in xml
    assert "Sitemap: http://testserver/sitemap.xml" in client.get("/robots.txt").content.decode()


def _site_map(client, lang="fr"):
    html = client.get("/fr/plan-du-site/" if lang == "fr" else "/en/site-map/").content.decode()
    return html[html.index("<main") : html.index("</main>")]


def test_the_site_map_lists_every_public_section_and_its_pages(client):
    from apps.pages.models import Page
    from tests.care.factories import ConsultationFactory
    from tests.news.factories import CategoryFactory
    from tests.teams.factories import PersonFactory, TeamFactory

    SiteSettingsFactory()
    center = PageFactory(slug_fr="le-centre", title_fr="Le centre")
    PageFactory(parent=center, slug_fr="immunotherapie", title_fr="L'immunothérapie")
    PageFactory(parent=center, slug_fr="brouillon", title_fr="Brouillon", status="draft")
    PageFactory(kind=Page.Kind.LEGAL, slug_fr="mentions-legales", title_fr="Mentions légales")
    PageFactory(kind=Page.Kind.ACCESSIBILITY, slug_fr="accessibilite", title_fr="Accessibilité")
    mc21 = PageFactory(kind=Page.Kind.MC21, slug_fr="mc21", slug_en="mc21", title_fr="MC21")
    PageFactory(parent=mc21, slug_fr="histoire", title_fr="Histoire du projet")
    TeamFactory(name_fr="Immunologie des tumeurs", slug="tumeurs")
    TeamFactory(name_fr="Équipe cachée", slug="cachee", status="draft")
    PersonFactory(first_name="Jeanne", last_name="Martin")
    CategoryFactory(name_fr="Recherche", slug="recherche")
    ConsultationFactory(name_fr="Consultation d'immunothérapie", slug="immuno")

    html = _site_map(client)
    sections = re.findall(r'<h2 id="site-map-([a-z0-9-]+)">([^<]+)</h2>', html)
    assert [key for key, _title in sections] == [
        "center", "patients", "research", "news", "mc21", "site",
    ]  # fmt: skip
    for href in (
        "/fr/",
        "/fr/le-centre/",
        "/fr/le-centre/immunotherapie/",
        "/fr/patients/",
        "/fr/patients/consultations/",
        "/fr/patients/consultations/immuno/",
        "/fr/patients/essais-cliniques/",
        "/fr/contact/",
        "/fr/equipes/",
        "/fr/equipes/tumeurs/",
        "/fr/personnes/",
        "/fr/actualites/",
        "/fr/actualites/?category=recherche",
        "/fr/evenements/",
        "/fr/mc21/",
        "/fr/mc21/histoire/",
        "/fr/recherche/",
        "/fr/mentions-legales/",
        "/fr/accessibilite/",
    ):
        assert f'href="{href}"' in html, href
    # The page tree nests: the child is in a list inside its parent's item.
    assert re.search(r'href="/fr/le-centre/">Le centre</a>\s*<ul[^>]*><li><a href="/fr/le-centre/'
                     r'immunotherapie/"', html)  # fmt: skip
    # Not public, not listed; people are found through the directory, not one by one.
    assert "Brouillon" not in html and "cachee" not in html
    assert "Martin" not in html and "/fr/personnes/person-" not in html


def test_the_site_map_marks_a_french_title_shown_on_the_english_page(client):
    SiteSettingsFactory()
    PageFactory(slug_fr="a-propos", slug_en="about", title_fr="À propos", title_en="About")
    PageFactory(slug_fr="sans-anglais", slug_en="no-english", title_fr="Sans anglais", title_en="")
    html = _site_map(client, "en")
    assert '<a href="/en/about/">About</a>' in html
    assert '<a href="/en/no-english/" lang="fr">Sans anglais</a>' in html
    assert ' lang="fr"' not in _site_map(client, "fr")


def test_the_mc21_section_is_left_out_while_the_project_has_no_public_page(client):
    SiteSettingsFactory()
    html = _site_map(client)
    assert 'id="site-map-mc21"' not in html
    assert 'id="site-map-patients"' in html


# The same number of queries at two sizes, status, axe and Nu in both languages: the page type
# "core:site-map" (tests/core/pagetypes.py).
