"""Trials shown on team pages and on the profiles of the investigators who lead them."""

from apps.care.models import ClinicalTrial

LIMIT = 10


def team_trials(request, team):
    trials = list(ClinicalTrial.objects.published().filter(teams=team).recruiting_first()[:LIMIT])
    return {"trials": trials, "heading_kind": "team"} if trials else None


def person_trials(request, person):
    trials = list(
        ClinicalTrial.objects.published().filter(investigator=person).recruiting_first()[:LIMIT]
    )
    return {"trials": trials, "heading_kind": "person"} if trials else None
