"""Research themes, teams, people, memberships and publications at institute scale
(apps.core.scale)."""

from __future__ import annotations

import datetime

from apps.core.scale import (
    CATEGORIES,
    FIRST_NAMES,
    JOURNALS,
    LANDMARK,
    LAST_NAMES,
    POSITIONS,
    PUBLISHED,
    SUBJECTS,
    TITLES,
    Run,
)
from apps.teams.models import (
    Membership,
    Person,
    PersonPublication,
    Publication,
    ResearchTheme,
    Team,
    TeamPublication,
)
from apps.teams.text import fold


def make(run: Run) -> None:
    rng, text, scale = run.rng, run.text, run.scale
    themes = list(ResearchTheme.objects.all()[:20])
    if not themes:
        slug = run.slug(ResearchTheme, "theme")
        themes = run.bulk(
            ResearchTheme,
            [
                ResearchTheme(
                    slug=f"{slug}{i}",
                    name_fr=fr[:1].upper() + fr[1:],
                    name_en=en[:1].upper() + en[1:],
                    status=PUBLISHED,
                    order=i,
                )
                for i, (fr, en) in enumerate(SUBJECTS[:8])
            ],
        )
    run.made["themes"] = themes

    slug = run.slug(Team, "team")
    teams = []
    for i in range(scale.teams):
        name_fr, name_en = text.title()
        summary_fr, summary_en = text.paragraph(2)
        body_fr, body_en = text.paragraph(4)
        teams.append(
            Team(
                slug_fr=f"{slug}{i}",
                slug_en=f"{slug}{i}",
                kind=rng.choice(("research", "research", "clinical", "platform")),
                acronym="".join(rng.choices("ABCDEFGHIJKLMNOPRSTUVY", k=rng.randint(2, 4))),
                name_fr=name_fr[:200],
                name_en=name_en[:200],
                summary_fr=summary_fr[:600],
                summary_en=summary_en[:600],
                description_fr=f"<p>{body_fr}</p>",
                description_en=f"<p>{body_en}</p>",
                image_id=run.image(0.5),
                order=100 + i % 50,
                status=run.status(),
                is_sample=True,
            )
        )
    teams = run.bulk(Team, teams)
    run.made["teams"] = teams
    run.bulk(
        Team.themes.through,
        [
            Team.themes.through(team_id=team.pk, researchtheme_id=theme.pk)
            for team in teams
            for theme in rng.sample(themes, min(len(themes), rng.randint(1, 2)))
        ],
        "team themes",
    )

    slug = run.slug(Person, "person")
    people = []
    for i in range(scale.people):
        if run.landmark and i == 0:
            title, first, last = LANDMARK.values()
        else:
            title = rng.choice(TITLES)
            first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        position = rng.choice(POSITIONS)
        bio_fr, bio_en = text.paragraph(2)
        subject = rng.choice(SUBJECTS)
        people.append(
            Person(
                slug=f"{slug}{i}",
                title=title,
                first_name=first,
                last_name=last,
                sort_key=fold(f"{last} {first}"),
                category=rng.choice(CATEGORIES),
                position_fr=position[0],
                position_en=position[1],
                expertise_fr=f"immunologie, {subject[0]}",
                expertise_en=f"immunology, {subject[1]}",
                bio_fr=bio_fr,
                bio_en=bio_en,
                photo_id=run.image(0.2),
                status=PUBLISHED if run.landmark and i == 0 else run.status(),
                is_sample=True,
            )
        )
    people = run.bulk(Person, people)
    run.made["people"] = people

    # Each person in one team (the first of each team leads it); the memberships beyond one per
    # person put some people in a second team, a few of them as former members.
    memberships = []
    if teams:
        start = datetime.date(2020, 1, 1)
        for i, person in enumerate(people):
            team = teams[i % len(teams)]
            role = "head" if i < len(teams) else rng.choice(("member", "member", "co_head"))
            memberships.append(
                Membership(team=team, person=person, role=role, start_date=start, order=i % 500)
            )
        extra = max(0, scale.memberships - len(people))
        for i in range(min(extra, len(people)) if len(teams) > 1 else 0):
            index = (i * 2) % len(people)  # every other person, in a team besides their own
            team = teams[(index + 1 + rng.randrange(len(teams) - 1)) % len(teams)]
            former = rng.random() < 0.2
            memberships.append(
                Membership(
                    team=team,
                    person=people[index],
                    role="alumnus" if former else "member",
                    start_date=start,
                    end_date=datetime.date(2024, 6, 30) if former else None,
                    order=i % 500,
                )
            )
    run.bulk(Membership, memberships)

    # Publications (not translated), each linked to one or two teams and one to three people.
    publications, authors_of = [], []
    for _ in range(scale.publications):
        authors = rng.sample(people, min(len(people), rng.randint(1, 3))) if people else []
        authors_of.append(authors)
        title_fr, title_en = text.title()
        publications.append(
            Publication(
                title=title_fr if rng.random() < 0.15 else title_en,
                authors=", ".join(f"{p.last_name} {p.first_name[:1]}" for p in authors),
                journal=rng.choice(JOURNALS),
                year=rng.randint(2005, 2025),
                status=run.status(run.draft_share / 2),
                is_sample=True,
            )
        )
    publications = run.bulk(Publication, publications)
    team_links, person_links = [], []
    for publication, authors in zip(publications, authors_of, strict=True):
        for team in rng.sample(teams, min(len(teams), rng.randint(1, 2))) if teams else []:
            team_links.append(TeamPublication(team=team, publication=publication))
        for person in authors:
            person_links.append(PersonPublication(person=person, publication=publication))
    run.bulk(TeamPublication, team_links, "team publications")
    run.bulk(PersonPublication, person_links, "authors")
