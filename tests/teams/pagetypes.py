"""The teams app's public pages, for the harness (status, axe, HTML, query counts).

Sizes: a team of 5 and of 200 members; a directory of 10 and of 1,000 people."""

import datetime
import itertools

from apps.core.pagetypes import PageType, register_page_type
from apps.teams.models import Membership, Person, PersonPublication, TeamPublication
from tests.factories import LONG_WORD, SiteSettingsFactory, make_image
from tests.pagetypes import indexed
from tests.teams.factories import (
    PublicationFactory,
    ResearchThemeFactory,
    TeamFactory,
)

_counter = itertools.count()


def _people(count, **extra):
    start = next(_counter) * 100_000
    people = [
        Person(
            first_name=f"Prénom{start + i}",
            last_name=f"Nom{start + i:07d}",
            slug=f"p-{start + i}",
            position_fr=f"Chercheur en {LONG_WORD}",
            position_en=f"Researcher in {LONG_WORD}",
            status="published",
            sort_key=f"nom{start + i:07d} prenom{start + i}",
            **extra,
        )
        for i in range(count)
    ]
    return Person.objects.bulk_create(people)


def _team_with(size, photo=None):
    theme = ResearchThemeFactory()
    team = TeamFactory(
        themes=[theme],
        image=make_image("Team"),
        email="equipe@example.org",
        phone="01 44 32 40 00",
        website="https://example.org/",
    )
    people = _people(size)
    if photo:
        Person.objects.filter(pk__in=[p.pk for p in people[:2]]).update(photo=photo)
    roles = ["head", "co_head"] + ["member"] * max(0, size - 3) + ["alumnus"]
    Membership.objects.bulk_create(
        Membership(
            team=team,
            person=person,
            role=role,
            start_date=datetime.date(2020, 1, 1),
            end_date=datetime.date(2023, 1, 1) if role == "alumnus" else None,
        )
        for person, role in zip(people, roles, strict=False)
    )
    publications = [PublicationFactory() for _ in range(min(size, 30))]
    TeamPublication.objects.bulk_create(
        TeamPublication(team=team, publication=pub, featured=i == 0)
        for i, pub in enumerate(publications)
    )
    return team


def _populate_team_detail(size):
    SiteSettingsFactory()
    return _team_with(size, photo=make_image("Portrait", 300, 300))


def _populate_team_list(size, **team_fields):
    """`size` teams of one theme, each with a head and a co-head; returns the theme."""
    SiteSettingsFactory()
    theme = ResearchThemeFactory()
    image = make_image("Team card")
    for index in range(size):
        team = TeamFactory(
            themes=[theme], image=image, name_fr=f"Équipe {LONG_WORD} {index}", **team_fields
        )
        head, co_head = _people(2)
        Membership.objects.create(team=team, person=head, role="head")
        Membership.objects.create(team=team, person=co_head, role="co_head")
    # Teams of another theme and kind, which a filter by theme or kind leaves out.
    TeamFactory(themes=[ResearchThemeFactory()], kind="platform", name_fr="Plateforme Zeta")
    return theme


def _populate_person_list(size):
    SiteSettingsFactory()
    team = TeamFactory()
    photo = make_image("Portrait", 300, 300)
    people = _people(size)
    # Someone a search or a letter leaves out.
    (other,) = Person.objects.bulk_create(
        [
            Person(
                first_name="Zoé",
                last_name="Autre",
                slug=f"autre-{people[0].pk}",
                position_fr="Ingénieure",
                status="published",
                sort_key=f"autre {people[0].pk}",
            )
        ]
    )
    people.append(other)
    with_photo = people[:5] + people[-5:]  # on the first page and on the last
    Person.objects.filter(pk__in=[p.pk for p in with_photo]).update(photo=photo)
    Membership.objects.bulk_create(Membership(team=team, person=p, role="member") for p in people)


def _populate_person_detail(size):
    SiteSettingsFactory()
    (person,) = _people(
        1,
        email="someone@example.org",
        show_email=True,
        phone="0144324000",
        show_phone=True,
        orcid="0000-0002-1825-0097",
        bio_fr="Bio.",
        bio_en="Bio.",
        expertise_fr="a, b",
        expertise_en="a, b",
    )
    person.photo = make_image("Portrait", 300, 300)
    person.save()
    for index in range(min(size, 40)):
        team = TeamFactory()
        Membership.objects.create(
            team=team,
            person=person,
            role="member" if index % 2 else "alumnus",
            end_date=datetime.date(2022, 1, 1) if not index % 2 else None,
        )
    PersonPublication.objects.bulk_create(
        PersonPublication(person=person, publication=PublicationFactory(), featured=i == 0)
        for i in range(size)
    )
    return person


def _path(name, query=""):
    """The page's address; `query` is a query string, or a function of the data giving one."""
    from django.urls import reverse
    from django.utils import translation

    def build(data, lang):
        with translation.override(lang):
            if name.endswith("-list"):
                url = reverse(name)
            else:
                url = reverse(name, kwargs={"slug": data.slug})
        return url + (query(data) if callable(query) else query)

    return build


register_page_type(
    PageType(
        name="teams:team-list",
        path=_path("teams:team-list"),
        populate=_populate_team_list,
        small=3,
        large=30,
    )
)
register_page_type(
    PageType(
        name="teams:team-detail",
        path=_path("teams:team-detail"),
        populate=_populate_team_detail,
        small=5,
        large=200,
    )
)
register_page_type(
    PageType(
        name="teams:person-list",
        path=_path("teams:person-list"),
        populate=_populate_person_list,
        small=10,
        large=1000,
    )
)
register_page_type(
    PageType(
        name="teams:person-detail",
        path=_path("teams:person-detail"),
        populate=_populate_person_detail,
        small=3,
        large=30,
    )
)


def _populate_home_with_teams(size):
    from tests.pages.pagetypes import _populate as populate_home

    populate_home(2)
    _populate_team_list(size)


register_page_type(
    PageType(
        name="teams:home-with-teams",
        path=lambda data, lang: f"/{lang}/",
        populate=_populate_home_with_teams,
        small=3,
        large=12,
    )
)


# Filtered lists, second pages, empty lists and "no result" states ---------------------------------
def _populate_drafts_only(size):
    """Teams and people that exist but are not public: the lists are empty for visitors."""
    SiteSettingsFactory()
    for _ in range(size):
        TeamFactory(status="draft")
    drafts = _people(size)
    Person.objects.filter(pk__in=[person.pk for person in drafts]).update(status="draft")


for name, query, populate, small, large in [
    (
        "teams:team-list-theme",
        lambda theme: f"?theme={theme.slug}",
        _populate_team_list,
        3,
        30,
    ),
    (
        "teams:team-list-kind",
        "?kind=clinical",
        lambda size: _populate_team_list(size, kind="clinical"),
        3,
        30,
    ),
    ("teams:team-list-page-2", "?page=2", _populate_team_list, 26, 60),
    ("teams:team-list-search", "?q=immuno+Nom0", indexed(_populate_team_list), 3, 30),
    ("teams:team-list-no-result", "?q=zzzqqq", _populate_team_list, 3, 30),
    ("teams:team-list-empty", "", _populate_drafts_only, 2, 20),
]:
    register_page_type(
        PageType(name, _path("teams:team-list", query), populate, small=small, large=large)
    )

for name, query, populate, small, large in [
    ("teams:person-list-search", "?q=Nom0", indexed(_populate_person_list), 10, 300),
    ("teams:person-list-typo", "?q=Dr+Nomm0", indexed(_populate_person_list), 10, 300),
    ("teams:person-list-letter", "?letter=N", _populate_person_list, 10, 300),
    ("teams:person-list-page-2", "?page=2", _populate_person_list, 50, 300),
    ("teams:person-list-no-result", "?q=zzzqqq", _populate_person_list, 10, 300),
    ("teams:person-list-empty", "", _populate_drafts_only, 2, 20),
]:
    register_page_type(
        PageType(name, _path("teams:person-list", query), populate, small=small, large=large)
    )
