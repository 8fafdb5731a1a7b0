"""Who may edit which team: site editors every team, team editors only theirs."""

from django.db.models import Q


def can_edit_all_teams(user) -> bool:
    return user.is_active and (user.is_superuser or user.has_perm("teams.edit_all_teams"))


def editable_teams(user):
    from apps.teams.models import Team

    if can_edit_all_teams(user):
        return Team.objects.all()
    return Team.objects.filter(editors=user)


def team_members(user):
    """The people a user's teams list (any membership, past ones included): everyone for a
    site editor."""
    from apps.teams.models import Membership, Person

    if can_edit_all_teams(user):
        return Person.objects.all()
    return Person.objects.filter(
        pk__in=Membership.objects.filter(team__editors=user).values("person_id")
    )


def own_people(user):
    """The people who belong to the user's teams only (a membership in one of their teams, and
    none in another team): everyone for a site editor. A team editor can add anyone to their team,
    so "a member of my team" alone must never give a right over someone's profile; a person also
    listed by another team is that team's too."""
    from apps.teams.models import Membership, Person

    if can_edit_all_teams(user):
        return Person.objects.all()
    elsewhere = Membership.objects.exclude(team__editors=user).values("person_id")
    return team_members(user).exclude(pk__in=elsewhere)


def can_change_publication(user, publication) -> bool:
    """May `user` change this publication (its fields, its status, its links; or delete it)?

    Site editors: always. A team editor: only when every team that lists it is one of theirs
    AND every person who lists it (the author links shown on profiles) belongs to their teams
    only (own_people: adding someone from another team as a member gains nothing). A
    publication that another team lists, or that sits on the profile of someone another team
    lists, belongs to others too: changing or unpublishing it would change their
    pages. Linking such a publication to one's own team (by hand or by a PubMed import) is still
    allowed, but since the other team still lists it, the link never gains the right to change
    it. The author condition closes the other door: without it, an editor could take a
    publication that no team lists yet but that is on another team's member's profile. A new
    publication, which nothing lists yet, may be changed (so that it can be linked).
    """
    if can_edit_all_teams(user):
        return True
    if not user.is_active:
        return False
    if publication.pk is None:
        return True
    if publication.team_links.exclude(team__in=editable_teams(user)).exists():
        return False
    return not publication.person_links.exclude(person__in=own_people(user)).exists()


def addable_people(user):
    """Whom a user may add to a team: everyone for a site editor. A team editor may add anyone
    who already belongs to a team, or whose profile is not published yet (the people they add
    themselves), but not a published profile that belongs to no team (the center's direction,
    say): adding it would make that profile theirs to change (own_people). A site editor adds
    such a person."""
    from apps.teams.models import Person

    if can_edit_all_teams(user):
        return Person.objects.all()
    return Person.objects.filter(Q(pk__in=_people_in_a_team()) | ~Q(status=Person.Status.PUBLISHED))


def _people_in_a_team():
    from apps.teams.models import Membership

    return Membership.objects.values("person_id")
