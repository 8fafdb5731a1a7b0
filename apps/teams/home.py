"""What the teams app adds to the home page."""

from apps.teams.models import Team

HOME_TEAMS = 3


def home_teams(request) -> dict:
    return {
        "teams": list(Team.objects.published().with_cards().order_by("order", "name")[:HOME_TEAMS])
    }
