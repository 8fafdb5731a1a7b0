"""Sample teams, people and publications loaded by an older `load_demo`, rewritten where an
editor has not changed them (only `is_sample` rows whose text is still the older demo's):

- team descriptions lose "This team is an example made to demonstrate the site";
- people get their biography, expertise and position (the older demo gave none), team leaders
  a public email and phone of the fictional ranges (.invalid, 01 99 00 xx xx);
- publications lose "(sample XXX-n)" and the "Journal of Sample Immunology" kind of journal, get
  a DOI under Crossref's reserved test prefix 10.5555 (no PubMed id), and every member of the
  team as author.

The words come from _demo_profiles_0004.py beside it (a frozen copy of apps.teams.demo_profiles).
"""

import re

from django.db import migrations
from django.db.models import Q

from apps.teams.migrations._demo_profiles_0004 import (
    OLD_POSITIONS_FR,
    OLD_SUMMARIES_EN,
    TEAMS,
    authors_line,
    person_texts,
    publication_texts,
    team_texts,
)

OLD_DESCRIPTION_MARK = "<p>Cette équipe est un exemple créé pour la démonstration du site.</p>"
OLD_EXPERTISE_FR = "immunologie, cancer"
OLD_TITLE = re.compile(r"^(?P<title>.+) \(sample (?P<acronym>[A-Z]+)-(?P<number>\d)\)$")
OLD_JOURNALS = {"Journal of Sample Immunology", "Sample Cancer Research", "Sample Clinical Oncology"}


def forward(apps, schema_editor):
    Team = apps.get_model("teams", "Team")
    Membership = apps.get_model("teams", "Membership")
    Person = apps.get_model("teams", "Person")
    Publication = apps.get_model("teams", "Publication")
    PersonPublication = apps.get_model("teams", "PersonPublication")

    teams = {team.slug: team for team in Team.objects.filter(is_sample=True, slug__in=TEAMS)}
    for slug, team in teams.items():
        changed = False
        if (team.description_fr or "").endswith(OLD_DESCRIPTION_MARK):
            texts = team_texts(slug)
            team.description = team.description_fr = texts["description_fr"]
            team.description_en = texts["description_en"]
            changed = True
        old_summary, new_summary = OLD_SUMMARIES_EN.get(slug, (None, None))
        if old_summary and team.summary_en == old_summary:
            team.summary_en = new_summary
            changed = True
        if changed:
            team.save()

    memberships = Membership.objects.filter(team__in=teams.values()).select_related("team")
    by_person = {}
    for membership in memberships.order_by("order", "pk"):
        by_person.setdefault(membership.person_id, membership)
    people = Person.objects.filter(is_sample=True, pk__in=by_person)
    for person in people.filter(Q(bio_fr="") | Q(bio_fr__isnull=True)):
        if person.expertise_fr != OLD_EXPERTISE_FR or person.position_fr not in OLD_POSITIONS_FR:
            continue
        membership = by_person[person.pk]
        start = membership.start_date.year if membership.start_date else None
        texts = person_texts(
            person.first_name,
            person.last_name,
            person.category,
            membership.team.slug,
            membership.role,
            start,
        )
        for field in ("position", "bio", "expertise"):
            fr, en = texts[f"{field}_fr"], texts[f"{field}_en"]
            setattr(person, field, fr)
            setattr(person, f"{field}_fr", fr)
            setattr(person, f"{field}_en", en)
        if not person.email and not person.phone:
            for field in ("email", "show_email", "phone", "show_phone"):
                setattr(person, field, texts[field])
        person.save()

    by_acronym = {team.acronym: team for team in teams.values()}
    for publication in Publication.objects.filter(is_sample=True, doi__isnull=True):
        match = OLD_TITLE.match(publication.title)
        team = by_acronym.get(match["acronym"]) if match else None
        if team is None:
            continue
        texts = publication_texts(team.slug, team.acronym, int(match["number"]) - 1)
        if Publication.objects.filter(doi=texts["doi"]).exists():
            continue
        members = list(
            dict.fromkeys(
                Person.objects.filter(memberships__team=team).order_by("memberships__order", "pk")
            )
        )
        publication.title = texts["title"]
        publication.year = texts["year"]
        publication.doi = texts["doi"]
        if publication.journal in OLD_JOURNALS:
            publication.journal = ""
        publication.authors = authors_line(members) or publication.authors
        publication.save()
        for person in members:
            PersonPublication.objects.get_or_create(person=person, publication=publication)


class Migration(migrations.Migration):
    dependencies = [("teams", "0003_publication_publishable")]

    operations = [migrations.RunPython(forward, migrations.RunPython.noop)]
