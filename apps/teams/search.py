"""What the site search indexes of teams and people (registered in apps.py)."""

from django.db.models import Prefetch, Q

from apps.core.models import published_q
from apps.core.search_text import plain, texts
from apps.teams.models import Membership, Person, Publication, ResearchTheme, Team

LEADER_ROLES = (Membership.Role.HEAD, Membership.Role.CO_HEAD)


def _leaders(team) -> list[str]:
    return [m.person.display_name for m in team.search_leaders if m.is_current]


def team_texts(team) -> dict[str, str]:
    leaders = _leaders(team)
    result = texts(
        team,
        title="name",
        summary=("summary",),
        body=("description",),
        extra_summary=(team.acronym, ", ".join(leaders)),
        names=(team.acronym, *leaders),
    )
    for lang in ("fr", "en"):
        themes = [getattr(t, f"name_{lang}") or t.name_fr for t in team.themes.all()]
        result[f"summary_{lang}"] = plain(result[f"summary_{lang}"], ", ".join(themes))
    return result


def team_prefetch(queryset):
    """Only public leaders and themes: a draft profile is not findable through its team."""
    leaders = (
        Membership.objects.filter(role__in=LEADER_ROLES)
        .filter(published_q("person__"))
        .select_related("person")
    )
    return queryset.prefetch_related(
        Prefetch("themes", queryset=ResearchTheme.objects.published().order_by("order", "pk")),
        Prefetch("memberships", queryset=leaders, to_attr="search_leaders"),
    )


def public_teams():
    return Team.objects.published()


def person_texts(person) -> dict[str, str]:
    return texts(
        person,
        title="",
        extra_title=person.display_name,
        summary=("position", "expertise"),
        body=("bio",),
    )


def public_people():
    return Person.objects.published()


def membership_objects(membership):
    """A membership changes its person's teams and, for a leader, the team's text."""
    return [membership.team, membership.person]


def person_dependents(person):
    """A person's name is part of the text of the teams they lead; whether their profile is
    public decides where their publications link to."""
    teams = Team.objects.filter(memberships__person=person, memberships__role__in=LEADER_ROLES)
    return [*teams, *Publication.objects.filter(people=person)]


def team_publications(team):
    """Whether a team's page is public decides where its publications link to."""
    return Publication.objects.filter(teams=team)


def publication_texts(publication) -> dict[str, str]:
    """A publication is not translated: the same text in both languages."""
    journal = ", ".join(part for part in (publication.journal, str(publication.year)) if part)
    return texts(
        publication,
        title="",
        extra_title=publication.title,
        # Read as a reference in the excerpt: "Authors. Journal, year."
        extra_summary=(f"{publication.authors.rstrip('.')}. {journal}.",),
        extra_body=(publication.doi or "",),
    )


def publication_prefetch(queryset):
    return queryset.prefetch_related(
        Prefetch(
            "teams",
            queryset=Team.objects.published().order_by("order", "name", "pk"),
            to_attr="search_teams",
        ),
        Prefetch(
            "people",
            queryset=Person.objects.published().order_by("sort_key", "pk"),
            to_attr="search_people",
        ),
    )


def publication_url(publication) -> str:
    """A publication has no page of its own: it is found through its first team's page, or its
    first author's profile, at their list of publications."""
    for owner in (*publication.search_teams, *publication.search_people):
        return owner.get_absolute_url() + "#publications-title"
    return ""


def public_publications():
    """Published publications that a published team or profile lists."""
    return Publication.objects.published().filter(
        Q(
            pk__in=Publication.teams.through.objects.filter(
                team__in=Team.objects.published()
            ).values("publication")
        )
        | Q(
            pk__in=Publication.people.through.objects.filter(
                person__in=Person.objects.published()
            ).values("publication")
        )
    )


def link_publication(link):
    """A team or author link changes where a publication is found and whether it is."""
    return [link.publication]


def theme_teams(theme):
    return theme.teams.all()
