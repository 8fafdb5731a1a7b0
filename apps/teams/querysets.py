"""Queries the team and people pages share. Each page's queries stay constant with the data."""

from __future__ import annotations

from django.db import models
from django.db.models import Case, Prefetch, Q, When
from django.utils import timezone

from apps.core.models import PublishableQuerySet, published_q


class MembershipQuerySet(models.QuerySet):
    def current(self, today=None):
        today = today or timezone.localdate()
        return self.exclude(role="alumnus").filter(
            Q(end_date__isnull=True) | Q(end_date__gte=today)
        )

    def past(self, today=None):
        today = today or timezone.localdate()
        return self.filter(Q(role="alumnus") | Q(end_date__lt=today))

    def with_published_person(self):
        return self.filter(published_q("person__"))

    def with_published_team(self):
        return self.filter(published_q("team__"))


class TeamQuerySet(PublishableQuerySet):
    def with_cards(self):
        """What a team card shows: image, themes and current leaders, in a fixed number of
        queries."""
        from apps.teams.models import Membership, ResearchTheme

        leaders = (
            Membership.objects.current()
            .with_published_person()
            .filter(role__in=["head", "co_head"])
            .select_related("person")
            .order_by(Case(When(role="head", then=0), default=1), "order")
        )
        return self.select_related("image").prefetch_related(
            "image__renditions",
            Prefetch("themes", queryset=ResearchTheme.objects.published()),
            Prefetch("memberships", queryset=leaders, to_attr="leader_memberships"),
        )

    def for_detail(self):
        from apps.teams.models import Membership, ResearchTheme, TeamPublication

        memberships = (
            Membership.objects.with_published_person()
            .select_related("person", "person__photo")
            .prefetch_related("person__photo__renditions")
            .order_by("order", "person__sort_key")
        )
        publications = TeamPublication.objects.filter(published_q("publication__"))
        publications = publications.select_related("publication").order_by(
            "-featured", "-publication__year", "publication__title"
        )
        return self.select_related("image").prefetch_related(
            "image__renditions",
            Prefetch("themes", queryset=ResearchTheme.objects.published()),
            Prefetch("memberships", queryset=memberships, to_attr="all_memberships"),
            Prefetch("team_publications", queryset=publications, to_attr="publication_links"),
        )


class PersonQuerySet(PublishableQuerySet):
    def with_cards(self):
        from apps.teams.models import Membership

        memberships = (
            Membership.objects.current()
            .with_published_team()
            .select_related("team")
            .order_by("team__order", "team__name")
        )
        return self.select_related("photo").prefetch_related(
            "photo__renditions",
            Prefetch("memberships", queryset=memberships, to_attr="current_memberships"),
        )

    def for_detail(self):
        from apps.teams.models import Membership, PersonPublication

        memberships = (
            Membership.objects.with_published_team()
            .select_related("team")
            .order_by("end_date", "team__name")
        )
        publications = PersonPublication.objects.filter(published_q("publication__"))
        publications = publications.select_related("publication").order_by(
            "-featured", "-publication__year", "publication__title"
        )
        return self.select_related("photo").prefetch_related(
            "photo__renditions",
            Prefetch("memberships", queryset=memberships, to_attr="all_memberships"),
            Prefetch("person_publications", queryset=publications, to_attr="publication_links"),
        )

    def initials(self) -> list[str]:
        """The letters that start at least one published name, for the A–Z navigation."""
        from django.db.models.functions import Substr, Upper

        found = {
            letter if "A" <= letter <= "Z" else "#"
            for letter in self.annotate(letter=Upper(Substr("sort_key", 1, 1)))
            .values_list("letter", flat=True)
            .distinct()
            if letter
        }
        return sorted(found - {"#"}) + (["#"] if "#" in found else [])

    def with_initial(self, letter: str):
        if letter == "#":
            return self.exclude(sort_key__regex=r"^[a-z]")
        return self.filter(sort_key__startswith=letter.lower())


class PublicationQuerySet(PublishableQuerySet):
    pass
