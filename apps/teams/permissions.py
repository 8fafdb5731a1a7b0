"""Who may edit which team: site editors every team, team editors only theirs."""


def can_edit_all_teams(user) -> bool:
    return user.is_active and (user.is_superuser or user.has_perm("teams.edit_all_teams"))


def editable_teams(user):
    from apps.teams.models import Team

    if can_edit_all_teams(user):
        return Team.objects.all()
    return Team.objects.filter(editors=user)
