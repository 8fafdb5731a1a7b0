"""What the site search indexes of teams and people (registered in apps.py)."""

from django.db.models import Prefetch

from apps.core.search_text import plain, texts
from apps.teams.models import Membership, Person, ResearchTheme, Team

LEADER_ROLES = (Membership.Role.HEAD, Membership.Role.CO_HEAD)


def _leaders(team) -> list[str]:
    return [m.person.display_name for m in team.search_leaders if m.is_current]


def team_texts(team) -> dict[str, str]:
    result = texts(
        team,
        title="name",
        summary=("summary",),
        body=("description",),
        extra_summary=(team.acronym, ", ".join(_leaders(team))),
    )
    for lang in ("fr", "en"):
        themes = [getattr(t, f"name_{lang}") or t.name_fr for t in team.themes.all()]
        result[f"summary_{lang}"] = plain(result[f"summary_{lang}"], ", ".join(themes))
    return result


def team_prefetch(queryset):
    leaders = Membership.objects.filter(role__in=LEADER_ROLES).select_related("person")
    return queryset.prefetch_related(
        Prefetch("themes", queryset=ResearchTheme.objects.order_by("order", "pk")),
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


def person_teams(person):
    """A person's name is part of the text of the teams they lead."""
    return Team.objects.filter(memberships__person=person, memberships__role__in=LEADER_ROLES)


def theme_teams(theme):
    return theme.teams.all()
