from __future__ import annotations

from collections import OrderedDict

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from django.views.generic import ListView

from apps.core.registry import text_filter
from apps.core.views import (
    FilteredListMixin,
    LenientPaginationMixin,
    PublishableDetailView,
    keep_private,
)
from apps.teams.forms import PersonFilterForm, TeamFilterForm, theme_choices
from apps.teams.models import Membership, Person, Team
from apps.teams.services import person_vcard


class TeamListView(FilteredListMixin, LenientPaginationMixin, ListView):
    template_name = "teams/team_list.html"
    context_object_name = "teams"
    paginate_by = 24

    def get_queryset(self):
        self.themes = theme_choices()
        self.form = TeamFilterForm(self.request.GET or None, themes=self.themes)
        queryset = Team.objects.published().with_cards()
        if theme := self.form.valid_value("theme"):
            queryset = queryset.filter(themes__slug=theme)
        if kind := self.form.valid_value("kind"):
            queryset = queryset.filter(kind=kind)
        queryset = queryset.distinct().order_by("order", "name")
        if text := self.form.valid_value("q"):
            queryset = text_filter(queryset, text)
        return queryset

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["form"] = self.form
        context["filtered"] = any(self.form.valid_value(name) for name in ("q", "theme", "kind"))
        return context


class TeamDetailView(PublishableDetailView):
    model = Team
    template_name = "teams/team_detail.html"
    context_object_name = "team"

    def get_queryset(self):
        return Team.objects.for_detail().visible_to(self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        memberships = self.object.all_memberships
        current = [m for m in memberships if m.is_current]
        here = {m.person_id for m in current}
        alumni, listed = [], set()
        for membership in memberships:  # former members, once each, unless back in the team
            if membership.is_past and membership.person_id not in here | listed:
                alumni.append(membership)
                listed.add(membership.person_id)
        groups = OrderedDict((role, []) for role in ("head", "co_head", "member"))
        for membership in current:
            groups[membership.role].append(membership)
        labels = {"head": _("Team leader"), "co_head": _("Co-leaders"), "member": _("Members")}
        context["member_groups"] = [
            {"role": role, "label": labels[role], "memberships": items}
            for role, items in groups.items()
            if items
        ]
        context["leaders"] = groups["head"] + groups["co_head"]
        context["alumni"] = alumni
        context["publication_links"] = self.object.publication_links
        return context


class PersonListView(FilteredListMixin, LenientPaginationMixin, ListView):
    template_name = "teams/person_list.html"
    context_object_name = "people"
    paginate_by = 48

    def get_queryset(self):
        self.teams = list(
            Team.objects.published()
            .only("slug", "name", "name_fr", "name_en", "acronym")
            .order_by("name")
        )
        self.form = PersonFilterForm(self.request.GET or None, teams=self.teams)
        queryset = Person.objects.published().with_cards()
        if category := self.form.valid_value("category"):
            queryset = queryset.filter(category=category)
        if team := self.form.valid_value("team"):
            queryset = queryset.filter(
                memberships__in=Membership.objects.current().filter(team__slug=team)
            )
        if letter := self.form.valid_value("letter"):
            queryset = queryset.with_initial(letter)
        queryset = queryset.distinct().order_by("sort_key", "pk")
        if text := self.form.valid_value("q"):
            queryset = text_filter(queryset, text)
        return queryset

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["form"] = self.form
        context["letters"] = Person.objects.published().initials()
        context["current_letter"] = self.form.valid_value("letter")
        query = self.request.GET.copy()
        for key in ("letter", "page"):
            query.pop(key, None)
        context["query_without_letter"] = query.urlencode()
        context["filtered"] = any(
            self.form.valid_value(name) for name in ("q", "category", "team", "letter")
        )
        return context


class PersonDetailView(PublishableDetailView):
    model = Person
    template_name = "teams/person_detail.html"
    context_object_name = "person"

    def get_queryset(self):
        return Person.objects.for_detail().visible_to(self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        memberships = self.object.all_memberships
        current = [m for m in memberships if m.is_current]
        teams_now = {m.team_id for m in current}
        past, listed = [], set()
        for membership in memberships:
            if membership.is_past and membership.team_id not in teams_now | listed:
                past.append(membership)
                listed.add(membership.team_id)
        context["current_memberships"] = current
        context["past_memberships"] = past
        context["publication_links"] = self.object.publication_links
        return context


@require_safe
def person_vcard_view(request, slug):
    person = get_object_or_404(Person.objects.for_detail().visible_to(request.user), slug=slug)
    response = HttpResponse(person_vcard(person, request), content_type="text/vcard; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{slugify(person.full_name)}.vcf"'
    if not person.is_published():
        keep_private(response)  # a staff preview of a draft
    return response
