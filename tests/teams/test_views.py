import datetime
import re

import pytest
import vobject

from apps.core.models import Publishable
from tests.factories import SiteEditorFactory, SiteSettingsFactory
from tests.teams.factories import (
    MembershipFactory,
    PersonFactory,
    PersonPublicationFactory,
    PublicationFactory,
    ResearchThemeFactory,
    TeamFactory,
    TeamPublicationFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _site():
    SiteSettingsFactory()


def _names(html, css="card__title"):
    return re.findall(rf'class="{css}"><a href="[^"]+">([^<]+)', html)


def test_team_directory_lists_published_teams_with_leaders(client):
    team = TeamFactory(name_fr="Équipe Alpha", name_en="Alpha team")
    TeamFactory(name_fr="Brouillon", status=Publishable.Status.DRAFT)
    head = PersonFactory(first_name="Sebastian", last_name="Amigorena")
    MembershipFactory(team=team, person=head, role="head")
    html = client.get("/fr/equipes/").content.decode()
    assert "Équipe Alpha" in html and "Brouillon" not in html
    assert "Sebastian Amigorena" in html
    assert '<p class="results-count" role="status">1 équipe</p>' in html
    en = client.get("/en/teams/").content.decode()
    assert "Alpha team" in en
    assert '<p class="results-count" role="status">1 team</p>' in en


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("equipe", True),
        ("ÉQUIPE", True),
        ("équipe alpha", True),
        ("alpha", True),
        ("ALP", True),
        ("beta", False),
    ],
)
def test_team_text_filter_ignores_accents_and_case(client, indexed, query, found):
    with indexed():
        TeamFactory(name_fr="Équipe Alpha", name_en="Alpha team", acronym="ALP")
    html = client.get("/fr/equipes/", {"q": query}).content.decode()
    assert ("Équipe Alpha" in html) is found


def test_team_filters_by_theme_and_kind(client):
    theme = ResearchThemeFactory(slug="biomarqueurs")
    TeamFactory(name_fr="Avec thème", themes=[theme], kind="research")
    TeamFactory(name_fr="Clinique", kind="clinical")
    html = client.get("/fr/equipes/", {"theme": "biomarqueurs"}).content.decode()
    assert "Avec thème" in html and "Clinique" not in html
    html = client.get("/fr/equipes/", {"kind": "clinical"}).content.decode()
    assert "Clinique" in html and "Avec thème" not in html


EMPTY_SEARCH_BOX = '<input type="search" name="q" id="id_q" value="" maxlength="100">'


@pytest.mark.parametrize(
    ("params", "listed", "search_box"),
    [
        ({"theme": "nope"}, True, EMPTY_SEARCH_BOX),
        ({"kind": "zzz"}, True, EMPTY_SEARCH_BOX),
        ({"page": "abc"}, True, EMPTY_SEARCH_BOX),
        ({"page": "999"}, True, EMPTY_SEARCH_BOX),
        ({"page": "-3"}, True, EMPTY_SEARCH_BOX),
        ({"theme": ["a", "b"]}, True, EMPTY_SEARCH_BOX),
        # An invalid search is refused with a message and the unfiltered list is shown.
        ({"q": "\x00"}, True, '<p class="field-error" id="q-error">Le caractère nul n’est pas'),
        ({"q": "x" * 5000}, True, 'id="q-error">Veuillez saisir au maximum 100 caractères.</p>'),
        # Markup typed in the search box comes back escaped, never as markup.
        ({"q": "💥 <script>"}, False, 'value="💥 &lt;script&gt;" maxlength="100">'),
    ],
)
def test_team_directory_ignores_bad_parameters(client, params, listed, search_box):
    TeamFactory(name_fr="Équipe Alpha")
    response = client.get("/fr/equipes/", params)
    assert response.status_code == 200
    html = response.content.decode()
    assert ("Équipe Alpha" in html) is listed
    assert search_box in html
    assert "<script>" not in html.split('name="q"')[1][:200]


def test_nul_in_the_search_box_comes_back_as_valid_html(client):
    html = client.get("/fr/equipes/", {"q": "ab\x00c"}).content.decode()
    assert "\x00" not in html
    assert 'value="ab\ufffdc"' in html
    assert "Le caractère nul n’est pas autorisé." in html


def test_too_long_search_shows_a_message(client):
    html = client.get("/en/teams/", {"q": "x" * 500}).content.decode()
    assert "at most 100 characters" in html


def test_pagination_past_the_end_gives_the_last_page(client):
    for index in range(30):
        TeamFactory(name_fr=f"Équipe {index:02d}", order=index)
    html = client.get("/fr/equipes/", {"page": 99}).content.decode()
    assert "Équipe 29" in html
    assert "Équipe 00" not in html


def test_team_page_groups_members_and_lists_publications(client):
    team = TeamFactory(name_fr="Équipe Alpha", email="alpha@example.org")
    head = PersonFactory(first_name="Ada", last_name="Leader")
    MembershipFactory(team=team, person=head, role="head")
    MembershipFactory(team=team, person=PersonFactory(first_name="Bo", last_name="Member"))
    MembershipFactory(
        team=team,
        person=PersonFactory(first_name="Cy", last_name="Gone"),
        role="alumnus",
        end_date=datetime.date(2021, 5, 1),
    )
    MembershipFactory(
        team=team, person=PersonFactory(first_name="Hidden", last_name="Draft", status="draft")
    )
    old = TeamPublicationFactory(
        team=team, publication=PublicationFactory(title="Old", year=2010, pmid="111")
    )
    TeamPublicationFactory(team=team, publication=PublicationFactory(title="New", year=2024))
    TeamPublicationFactory(
        team=team, publication=PublicationFactory(title="Chosen", year=2015), featured=True
    )
    html = client.get(f"/fr/equipes/{team.slug}/").content.decode()
    assert html.index("Ada Leader") < html.index("Bo Member")
    assert "Cy Gone" in html.split('id="alumni-title"')[1]
    assert "Hidden Draft" not in html
    assert html.index("Chosen") < html.index("New") < html.index("Old")
    assert 'href="https://pubmed.ncbi.nlm.nih.gov/111/"' in html
    assert 'href="https://doi.org/' in html
    assert 'alpha<span class="protected-email__at"> [arobase] </span>example.org' in html
    assert "alpha@example.org" not in html.split("application/ld+json")[0]
    assert old.publication.title in html


def test_unknown_and_draft_team_give_404(client):
    draft = TeamFactory(status="draft")
    assert client.get("/fr/equipes/nexiste-pas/").status_code == 404
    assert client.get(f"/fr/equipes/{draft.slug}/").status_code == 404
    client.force_login(SiteEditorFactory())
    assert client.get(f"/fr/equipes/{draft.slug}/").status_code == 200


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("Amigorena", "Sebastian Amigorena"),
        ("amigoréna", "Sebastian Amigorena"),
        ("AMIGORENA", "Sebastian Amigorena"),
        ("sebastian amigorena", "Sebastian Amigorena"),
        ("Lefevre", "Émilie Lefèvre"),
        ("lefèvre", "Émilie Lefèvre"),
        ("emilie", "Émilie Lefèvre"),
    ],
)
def test_people_name_filter_works_both_ways(client, indexed, query, name):
    with indexed():
        PersonFactory(first_name="Sebastian", last_name="Amigorena")
        PersonFactory(first_name="Émilie", last_name="Lefèvre")
    html = client.get("/fr/personnes/", {"q": query}).content.decode()
    assert _names(html, "person-card__name") == [name]


def test_people_directory_a_to_z_and_filters(client):
    team = TeamFactory(slug="alpha")
    amy = PersonFactory(first_name="Amy", last_name="Zola", category="physician")
    MembershipFactory(team=team, person=amy)
    PersonFactory(first_name="Bob", last_name="Éclair", category="researcher")
    html = client.get("/fr/personnes/").content.decode()
    assert _names(html, "person-card__name") == ["Bob Éclair", "Amy Zola"]
    assert 'letter=E"' in html and 'letter=Z"' in html
    html = client.get("/fr/personnes/", {"letter": "E"}).content.decode()
    assert _names(html, "person-card__name") == ["Bob Éclair"]
    html = client.get("/fr/personnes/", {"category": "physician"}).content.decode()
    assert _names(html, "person-card__name") == ["Amy Zola"]
    html = client.get("/fr/personnes/", {"team": "alpha"}).content.decode()
    assert _names(html, "person-card__name") == ["Amy Zola"]
    for bad in ({"letter": "é"}, {"letter": "AB"}, {"team": "nope"}, {"category": "x"}):
        assert (
            len(_names(client.get("/fr/personnes/", bad).content.decode(), "person-card__name"))
            == 2
        )


def test_profile_shows_only_what_the_person_allowed(client):
    shown = PersonFactory(
        email="shown@example.org",
        show_email=True,
        phone="0144324000",
        show_phone=True,
        orcid="0000-0002-1825-0097",
    )
    hidden = PersonFactory(email="secret@example.org", show_email=False, phone="0600000000")
    html = client.get(f"/fr/personnes/{shown.slug}/").content.decode()
    assert 'shown<span class="protected-email__at"> [arobase] </span>example.org' in html
    en = client.get(f"/en/people/{shown.slug}/").content.decode()
    assert 'shown<span class="protected-email__at"> [at] </span>example.org' in en
    assert 'href="tel:+33144324000"' in html
    assert 'href="https://orcid.org/0000-0002-1825-0097"' in html
    html = client.get(f"/fr/personnes/{hidden.slug}/").content.decode()
    assert "secret" not in html and "0600000000" not in html


def test_profile_lists_teams_and_featured_publications_first(client):
    person = PersonFactory()
    MembershipFactory(person=person, team=TeamFactory(name_fr="Équipe actuelle"), role="head")
    MembershipFactory(
        person=person,
        team=TeamFactory(name_fr="Équipe passée"),
        role="alumnus",
        start_date=datetime.date(2015, 1, 1),
        end_date=datetime.date(2019, 1, 1),
    )
    PersonPublicationFactory(
        person=person, publication=PublicationFactory(title="Recent", year=2025)
    )
    PersonPublicationFactory(
        person=person, publication=PublicationFactory(title="Mine", year=2001), featured=True
    )
    html = client.get(f"/fr/personnes/{person.slug}/").content.decode()
    assert "Équipe actuelle" in html.split("profile__header")[1].split("</header>")[0]
    assert "Équipe passée" in html.split('id="past-title"')[1]
    assert html.index("Mine") < html.index("Recent")


def test_vcard_is_valid_and_private_fields_stay_private(client):
    person = PersonFactory(
        first_name="Émilie",
        last_name="Lefèvre",
        title="Dr",
        email="secret@example.org",
        show_email=False,
        phone="01 44 32 40 00",
        show_phone=True,
    )
    response = client.get(f"/fr/personnes/{person.slug}.vcf")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/vcard; charset=utf-8"
    assert 'filename="emilie-lefevre.vcf"' in response["Content-Disposition"]
    card = vobject.readOne(response.content.decode())
    assert card.fn.value == "Dr Émilie Lefèvre"
    assert card.n.value.family == "Lefèvre"
    assert card.tel.value == "01 44 32 40 00"
    assert not hasattr(card, "email")
    assert client.get("/fr/personnes/nobody.vcf").status_code == 404


def test_vcard_holds_the_public_phone_email_and_the_work_address(client):
    public = PersonFactory(
        email="claire.martin@demo.invalid",
        show_email=True,
        phone="01 99 00 12 34",
        show_phone=True,
    )
    card = vobject.readOne(client.get(f"/en/people/{public.slug}.vcf").content.decode())
    assert card.email.value == "claire.martin@demo.invalid"
    assert card.tel.value == "01 99 00 12 34"
    assert card.adr.value.street == "26 rue d'Ulm"
    assert card.adr.value.code == "75005"
    assert card.adr.value.extended == "Institut Curie"
    assert card.adr.type_param == "WORK"
    private = PersonFactory(email="hidden@demo.invalid", phone="01 99 00 56 78")
    text = client.get(f"/en/people/{private.slug}.vcf").content.decode()
    card = vobject.readOne(text)
    assert not hasattr(card, "email") and not hasattr(card, "tel")
    assert "hidden@demo.invalid" not in text and "56 78" not in text
    assert card.adr.value.street == "26 rue d'Ulm"  # the center's address is public anyway


def test_publications_link_their_doi_and_pubmed_record_by_number(client):
    person = PersonFactory()
    PersonPublicationFactory(
        person=person,
        publication=PublicationFactory(title="Both ids", doi="10.5555/cci-test.1", pmid="12345678"),
    )
    html = client.get(f"/en/people/{person.slug}/").content.decode()
    assert '<a class="publication__id" href="https://doi.org/10.5555/cci-test.1">' in html
    assert "DOI 10.5555/cci-test.1</a>" in html
    assert (
        '<a class="publication__id" href="https://pubmed.ncbi.nlm.nih.gov/12345678/">'
        "PubMed 12345678</a>"
    ) in html


def test_person_json_ld(client):
    import json

    person = PersonFactory(first_name="Ada", last_name="Lovelace", orcid="0000-0002-1825-0097")
    html = client.get(f"/en/people/{person.slug}/").content.decode()
    data = json.loads(re.search(r'ld\+json">(.*?)</script>', html, re.S).group(1))
    assert data["@type"] == "Person" and data["name"] == "Ada Lovelace"
    assert data["sameAs"] == "https://orcid.org/0000-0002-1825-0097"


def test_language_switcher_on_team_page_keeps_the_team(client):
    team = TeamFactory(name_en="Immunity and cancer")
    html = client.get(f"/fr/equipes/{team.slug_fr}/").content.decode()
    # The same team at its English address (its English slug, apps.core.slugs).
    assert team.slug_en == "immunity-and-cancer"
    assert 'href="/en/teams/immunity-and-cancer/" hreflang="en"' in html


def test_sitemap_has_teams_and_people_with_lastmod(client):
    team = TeamFactory()
    person = PersonFactory()
    TeamFactory(status="draft", slug="secret-team")
    body = client.get("/sitemap.xml").content.decode()
    assert f"http://testserver/fr/equipes/{team.slug}/" in body
    assert f"http://testserver/en/people/{person.slug}/" in body
    assert "secret-team" not in body
    assert "<lastmod>" in body


def test_a_staff_preview_of_a_draft_vcard_is_kept_private(client):
    """Pentest review (issue 12): like the draft's page, its vCard is never cached nor indexed."""
    draft = PersonFactory(status="draft")
    assert client.get(f"/en/people/{draft.slug}.vcf").status_code == 404
    client.force_login(SiteEditorFactory())
    response = client.get(f"/en/people/{draft.slug}.vcf")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex"
    published = PersonFactory()
    response = client.get(f"/en/people/{published.slug}.vcf")
    assert "no-store" not in response.get("Cache-Control", "")


@pytest.mark.parametrize("method", ["post", "put", "delete"])
def test_files_and_feeds_answer_only_reads(client, method):
    """Pentest review (issue 12): a vCard, a feed or the sitemap answers 405 to a write."""
    person = PersonFactory()
    for path in (f"/en/people/{person.slug}.vcf", "/fr/actualites/flux/rss/", "/sitemap.xml"):
        assert client.get(path).status_code == 200, path
        assert getattr(client, method)(path).status_code == 405, path
