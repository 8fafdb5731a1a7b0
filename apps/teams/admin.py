"""Admin for themes, teams, people, memberships and publications.

Site editors (and superusers) see everything. A team editor (a staff user named in a team's
"team editors") sees and edits only those teams, their memberships and their publications.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.forms.models import BaseInlineFormSet
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from apps.core.admin_tools import (
    SafeImportExportMixin,
    SafeObjectAdminMixin,
    VersionedAdminMixin,
    image_preview,
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
from apps.teams.permissions import (
    addable_people,
    can_change_publication,
    can_edit_all_teams,
    own_people,
    team_members,
)
from apps.teams.resources import PersonResource, TeamResource


class TeamScopedMixin(SafeObjectAdminMixin):
    """Limits what a team editor sees to their teams. `team_path` leads from the model to Team."""

    team_path = "team"

    def scope(self, request, queryset):
        if can_edit_all_teams(request.user) or self._looks_only(request):
            return queryset
        return queryset.filter(**{f"{self.team_path}__editors": request.user}).distinct()

    def _looks_only(self, request) -> bool:
        """Those who may only look (news and patient information editors picking the teams an
        article or a trial names) see every row, read-only; the scope is for team editors."""
        from django.contrib.auth import get_permission_codename

        opts = self.model._meta
        return not request.user.has_perm(
            f"{opts.app_label}.{get_permission_codename('change', opts)}"
        )

    def get_queryset(self, request):
        return self.scope(request, super().get_queryset(request))

    def _refuse_other_teams(self, request, object_id):
        """403 for an object outside the user's teams (unknown ids are left to the admin)."""
        manager = self.model._default_manager
        try:
            exists = bool(object_id) and manager.filter(pk=unquote(object_id)).exists()
        except (ValueError, TypeError, ValidationError):
            return
        if exists and not self.scope(request, manager.filter(pk=unquote(object_id))).exists():
            raise PermissionDenied

    def revision_view(self, request, object_id, version_id, extra_context=None):
        self._refuse_other_teams(request, object_id)
        return super().revision_view(request, object_id, version_id, extra_context)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        self._refuse_other_teams(request, object_id)
        return super().change_view(request, object_id, form_url, extra_context)

    def delete_view(self, request, object_id, extra_context=None):
        self._refuse_other_teams(request, object_id)
        return super().delete_view(request, object_id, extra_context)

    def history_view(self, request, object_id, extra_context=None):
        self._refuse_other_teams(request, object_id)
        return super().history_view(request, object_id, extra_context)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.related_model is Team and not can_edit_all_teams(request.user):
            kwargs["queryset"] = Team.objects.filter(editors=request.user)
        if db_field.model is Membership and db_field.name == "person":
            kwargs["queryset"] = addable_people(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.related_model is Team and not can_edit_all_teams(request.user):
            kwargs["queryset"] = Team.objects.filter(editors=request.user)
        return super().formfield_for_manytomany(db_field, request, **kwargs)


class AllOrNothingImportMixin:
    """A confirm step for a file with errors (forced, or stale) writes nothing: say so, instead of
    the import-export default 'Import finished'."""

    def process_result(self, result, request):
        if result.has_errors() or result.has_validation_errors():
            messages.error(
                request,
                _("Nothing was imported: the file has errors. Upload it again to see them."),
            )
            return HttpResponseRedirect(
                reverse(
                    "admin:{}_{}_import".format(*self.get_model_info()),
                    current_app=self.admin_site.name,
                )
            )
        return super().process_result(result, request)

    def add_data_read_fail_error_to_form(self, form, exc):
        form.add_error(
            "import_file",
            _("This file could not be read. Save it as CSV (UTF-8) or XLSX and try again."),
        )


def publication_scope(user, queryset):
    """Site editors: every publication. Team editors: their teams' publications, and new ones
    that no team and no person holds yet (so they can link them)."""
    if can_edit_all_teams(user):
        return queryset
    return queryset.filter(
        Q(teams__editors=user) | Q(teams__isnull=True, people__isnull=True)
    ).distinct()


@admin.register(ResearchTheme)
class ResearchThemeAdmin(SafeObjectAdminMixin, VersionedAdminMixin, TranslationAdmin):
    list_display = ("name", "slug", "status", "order")
    list_editable = ("order",)
    list_filter = ("status",)
    search_fields = ("name_fr", "name_en", "slug")
    prepopulated_fields = {"slug": ("name_fr",)}


def _overlap(a, b) -> bool:
    """Do two memberships' [start, end] ranges overlap (a missing date is open-ended)?"""
    low, high = datetime.date.min, datetime.date.max
    return (a.get("start_date") or low) <= (b.get("end_date") or high) and (
        b.get("start_date") or low
    ) <= (a.get("end_date") or high)


class MembershipInlineFormSet(BaseInlineFormSet):
    """Checks across the rows of one save what the database would otherwise refuse with an
    error page: two leaders at once, or the same person twice as a current member."""

    def clean(self):
        super().clean()
        rows = [
            form
            for form in self.forms
            if getattr(form, "cleaned_data", None) and not form.cleaned_data.get("DELETE")
        ]
        by_team = self.fk.name == "team"

        def team_of(form):
            return (
                self.instance.pk if by_team else getattr(form.cleaned_data.get("team"), "pk", None)
            )

        def person_of(form):
            return (
                getattr(form.cleaned_data.get("person"), "pk", None)
                if by_team
                else (self.instance.pk)
            )

        heads = [f for f in rows if f.cleaned_data.get("role") == "head"]
        for index, form in enumerate(heads):
            for other in heads[:index]:
                if team_of(form) == team_of(other) and _overlap(
                    form.cleaned_data, other.cleaned_data
                ):
                    form.add_error("role", _("A team has only one leader at a time."))
        current = {}
        for form in rows:
            data = form.cleaned_data
            if data.get("end_date") is None and data.get("role") != "alumnus":
                key = (team_of(form), person_of(form))
                if key in current:
                    form.add_error(None, _("This person is already a current member of the team."))
                current[key] = form
        if not by_team and self.instance.pk:
            # Rows of other people are not in this form: let the database rules speak.
            for form in rows:
                if not form.errors:
                    try:
                        form.instance.validate_constraints()
                    except ValidationError as error:
                        form.add_error(None, error)


class MembershipInline(TeamScopedMixin, admin.TabularInline):
    model = Membership
    formset = MembershipInlineFormSet
    extra = 0
    autocomplete_fields = ("person",)
    fields = ("person", "role", "start_date", "end_date", "order")


class PublicationScopedInlineMixin:
    """The publication field of an inline accepts only publications the user may edit."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "publication":
            kwargs["queryset"] = publication_scope(request.user, Publication.objects.all())
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class TeamPublicationInline(PublicationScopedInlineMixin, admin.TabularInline):
    model = TeamPublication
    extra = 0
    autocomplete_fields = ("publication",)
    verbose_name = _("publication")
    verbose_name_plural = _("publications (featured ones are shown first)")


@admin.register(Team)
class TeamAdmin(
    TeamScopedMixin,
    AllOrNothingImportMixin,
    SafeImportExportMixin,
    VersionedAdminMixin,
    TranslationAdmin,
):
    team_path = "pk"
    resource_classes = [TeamResource]
    list_display = ("name", "acronym", "kind", "status", "is_sample", "order")
    list_filter = ("status", "kind", "themes", "is_sample")
    search_fields = ("name_fr", "name_en", "acronym", "slug")
    prepopulated_fields = {"slug": ("name",)}
    autocomplete_fields = ("image",)
    filter_horizontal = ("themes", "editors")
    inlines = (MembershipInline, TeamPublicationInline)
    readonly_fields = ("image_preview",)
    fieldsets = (
        (None, {"fields": ("kind", "name", "acronym", "slug", "themes", "is_sample")}),
        (_("Texts"), {"fields": ("summary", "description")}),
        (_("Image"), {"fields": ("image", "image_preview")}),
        (_("Contact"), {"fields": ("location", "email", "phone", "website")}),
        (_("Publishing"), {"fields": ("status", "publish_at", "unpublish_at", "order")}),
        (_("Who may edit"), {"fields": ("editors",)}),
        (_("Review"), {"fields": ("owner", "checked_on", "review_by")}),
    )

    def scope(self, request, queryset):
        if can_edit_all_teams(request.user) or self._looks_only(request):
            return queryset
        return queryset.filter(editors=request.user).distinct()

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not can_edit_all_teams(request.user):
            fields.append("editors")  # team editors cannot hand their team to others
        return fields

    def has_add_permission(self, request):
        return can_edit_all_teams(request.user) and super().has_add_permission(request)

    @admin.display(description=_("preview"))
    def image_preview(self, obj):
        return image_preview(obj.image) if obj and obj.pk else "—"


class PersonMembershipInline(TeamScopedMixin, admin.TabularInline):
    model = Membership
    formset = MembershipInlineFormSet
    extra = 0
    autocomplete_fields = ("team",)
    fields = ("team", "role", "start_date", "end_date", "order")
    verbose_name_plural = _("teams")


class PersonPublicationInline(PublicationScopedInlineMixin, admin.TabularInline):
    """A profile's publications. A team editor may link their teams' publications (and those
    nobody holds yet) and choose the featured ones; the profile's links to other teams'
    publications stay valid choices, so that the profile can still be saved."""

    model = PersonPublication
    extra = 0
    autocomplete_fields = ("publication",)
    verbose_name = _("publication")
    verbose_name_plural = _("publications (featured ones are shown first)")

    def get_formset(self, request, obj=None, **kwargs):
        request._profile_person = obj
        return super().get_formset(request, obj, **kwargs)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        person = getattr(request, "_profile_person", None)
        if db_field.name == "publication" and person is not None and person.pk:
            linked = Publication.objects.filter(person_links__person=person).values("pk")
            field.queryset = Publication.objects.filter(
                Q(pk__in=field.queryset.values("pk")) | Q(pk__in=linked)
            )
        return field


@admin.register(Person)
class PersonAdmin(
    SafeObjectAdminMixin,
    AllOrNothingImportMixin,
    SafeImportExportMixin,
    VersionedAdminMixin,
    TranslationAdmin,
):
    resource_classes = [PersonResource]
    list_display = (
        "photo_thumbnail",
        "last_name",
        "first_name",
        "category",
        "position",
        "status",
        "is_sample",
    )
    list_display_links = ("photo_thumbnail", "last_name")
    list_filter = ("status", "category", "memberships__team", "is_sample")
    search_fields = ("first_name", "last_name", "slug", "orcid", "email")
    prepopulated_fields = {"slug": ("first_name", "last_name")}
    autocomplete_fields = ("photo",)
    readonly_fields = ("photo_preview",)
    inlines = (PersonMembershipInline, PersonPublicationInline)
    fieldsets = (
        (None, {"fields": ("title", "first_name", "last_name", "slug", "category", "is_sample")}),
        (
            _("Profile"),
            {"fields": ("position", "photo", "photo_preview", "bio", "expertise", "orcid")},
        ),
        (_("Contact"), {"fields": ("email", "show_email", "phone", "show_phone")}),
        (_("Publishing"), {"fields": ("status", "publish_at", "unpublish_at")}),
        (_("Review"), {"fields": ("owner", "checked_on", "review_by")}),
    )

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("photo")
            .prefetch_related("photo__renditions")
        )

    # What a team editor may change on the profile of someone who belongs to their teams only
    # (apps.teams.permissions.own_people): the rest of the form is shown read-only, and the
    # contact section (with what is not public) not at all.
    PROFILE_FIELDS = ("photo", "bio", "expertise")

    def _manages_people(self, request) -> bool:
        """Site editors: every field of every person, contact details included."""
        return can_edit_all_teams(request.user) and super().has_change_permission(request)

    def get_fieldsets(self, request, obj=None):
        """Those who do not manage people (team editors) do not see contact details that are
        not public: the Contact section is left out for them."""
        fieldsets = super().get_fieldsets(request, obj)
        if self._manages_people(request):
            return fieldsets
        return [(name, options) for name, options in fieldsets if name != _("Contact")]

    def get_readonly_fields(self, request, obj=None):
        fields = super().get_readonly_fields(request, obj)
        if self._manages_people(request):
            return fields
        if obj is None:
            # A person a team editor adds is a draft until a site editor publishes it: no
            # profile goes public, or takes an address, on their word alone.
            return [*fields, "status", "publish_at", "unpublish_at"]
        # The fieldsets name each translation (bio_fr, bio_en): the original names, with theirs.
        editable = {
            *self.PROFILE_FIELDS,
            *(
                f"{field}_{code}"
                for field in self.PROFILE_FIELDS
                for code, _l in settings.LANGUAGES
            ),
        }
        locked = [
            name
            for _name, options in self.fieldsets
            for name in options["fields"]
            if name not in editable and name not in fields
        ]
        return [*fields, *self.replace_orig_field(locked)]

    def get_prepopulated_fields(self, request, obj=None):
        if obj is None or self._manages_people(request):
            return super().get_prepopulated_fields(request, obj)
        return {}  # the slug is read-only for them

    def get_search_fields(self, request):
        fields = super().get_search_fields(request)
        if self._manages_people(request):
            return fields
        return tuple(field for field in fields if field not in ("email", "phone"))

    def lookup_allowed(self, lookup, value, request=None):
        """Nor can they filter on those details by hand in the address (`?email__startswith=`
        would tell a hidden address letter by letter)."""
        private = ("email", "phone")
        if (
            request is not None
            and lookup.split("__", 1)[0] in private
            and not self._manages_people(request)
        ):
            return False
        return super().lookup_allowed(lookup, value, request)

    def get_export_queryset(self, request):
        """Everyone may be looked at (to be added to a team), but a team editor exports only the
        people of their teams."""
        queryset = super().get_export_queryset(request)
        if can_edit_all_teams(request.user):
            return queryset
        return queryset.filter(pk__in=team_members(request.user).values("pk"))

    def get_export_resource_kwargs(self, request, **kwargs):
        """An email or phone that is not shown publicly is exported only to those who may
        change people (site editors)."""
        return {
            **super().get_export_resource_kwargs(request, **kwargs),
            "show_private_contact": self._manages_people(request),
        }

    def get_search_results(self, request, queryset, search_term):
        """The authors field of a publication (an autocomplete) offers a team editor only the
        people of their teams; adding people to a team (memberships) still offers everyone."""
        queryset, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        match = request.resolver_match
        if (
            match is not None
            and match.url_name == "autocomplete"
            and request.GET.get("app_label") == "teams"
            and request.GET.get("model_name") == PersonPublication._meta.model_name
            and not can_edit_all_teams(request.user)
        ):
            queryset = queryset.filter(pk__in=own_people(request.user).values("pk"))
        if (
            match is not None
            and match.url_name == "autocomplete"
            and request.GET.get("model_name") == Membership._meta.model_name
        ):
            queryset = queryset.filter(pk__in=addable_people(request.user).values("pk"))
        return queryset, may_have_duplicates

    # People are shared by every team: site editors change them all; a team editor only the
    # public profile of those who belong to their teams alone (a person another team lists too
    # is that team's as well), and deletes nobody.
    def has_change_permission(self, request, obj=None):
        if not super().has_change_permission(request, obj):
            return False
        if obj is None or can_edit_all_teams(request.user):
            return True
        return own_people(request.user).filter(pk=obj.pk).exists()

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and can_edit_all_teams(request.user)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        """A team editor opening their member's profile is told what they may change there."""
        if request.method == "GET" and not self._manages_people(request):
            obj = self.get_object(request, unquote(object_id))
            if obj is not None and self.has_change_permission(request, obj):
                messages.info(
                    request,
                    _(
                        "As a team editor you may change this person's public profile: photo, "
                        "biography, expertise and publications (and which are featured), and "
                        "their memberships of your teams. Site editors change the rest."
                    ),
                )
        return super().change_view(request, object_id, form_url, extra_context)

    def has_import_permission(self, request):
        """An import may change anyone: only for those who manage every person."""
        return super().has_import_permission(request) and self._manages_people(request)

    @admin.display(description=_("photo"))
    def photo_thumbnail(self, obj):
        return image_preview(obj.photo, width=48)

    @admin.display(description=_("preview"))
    def photo_preview(self, obj):
        return image_preview(obj.photo) if obj and obj.pk else "—"


@admin.register(Membership)
class MembershipAdmin(TeamScopedMixin, VersionedAdminMixin):
    list_display = ("person", "team", "role", "start_date", "end_date")
    list_filter = ("role", "team")
    search_fields = ("person__first_name", "person__last_name", "team__name_fr", "team__acronym")
    autocomplete_fields = ("person", "team")
    list_select_related = ("person", "team")


class PublicationRuleInlineMixin:
    """An inline of the publication form is read-only when the user may not change the
    publication (see can_change_publication)."""

    def _may_change(self, request, obj) -> bool:
        return obj is None or can_change_publication(request.user, obj)

    def has_add_permission(self, request, obj=None):
        return super().has_add_permission(request, obj) and self._may_change(request, obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self._may_change(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self._may_change(request, obj)


class TeamLinkInline(PublicationRuleInlineMixin, TeamScopedMixin, admin.TabularInline):
    model = TeamPublication
    extra = 0
    autocomplete_fields = ("team",)
    verbose_name_plural = _("teams")


class PersonLinkInline(PublicationRuleInlineMixin, admin.TabularInline):
    """Authors: a team editor may name (and is offered) only the people who belong to their
    teams alone, so they cannot put a publication, featured or not, on the profile of someone
    another team lists (even after adding that person to their own team)."""

    model = PersonPublication
    extra = 0
    autocomplete_fields = ("person",)
    verbose_name_plural = _("authors among our people")

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "person":
            kwargs["queryset"] = own_people(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(Publication)
class PublicationAdmin(TeamScopedMixin, VersionedAdminMixin, admin.ModelAdmin):
    team_path = "teams"
    list_display = ("title", "journal", "year", "doi", "pmid", "status", "is_sample")
    list_filter = ("status", "year", "teams", "is_sample")
    search_fields = ("title", "authors", "doi", "pmid", "journal")
    inlines = (TeamLinkInline, PersonLinkInline)
    change_list_template = "admin/teams/publication/change_list.html"

    def scope(self, request, queryset):
        return publication_scope(request.user, queryset)

    # A team editor sees the publications of their teams, but changes or deletes only those
    # that are theirs alone (see can_change_publication); the others open read-only.
    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and (
            obj is None or can_change_publication(request.user, obj)
        )

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and (
            obj is None or can_change_publication(request.user, obj)
        )

    def change_view(self, request, object_id, form_url="", extra_context=None):
        """A publication shared with others opens read-only: say why, on the page."""
        obj = self.get_object(request, object_id) if request.method == "GET" else None
        if (
            obj is not None
            and self.has_view_permission(request, obj)
            and not can_change_publication(request.user, obj)
        ):
            messages.info(
                request,
                _(
                    "Another team, or a person outside your teams, lists this publication too: "
                    "you can link it to your team, and only site editors can change it."
                ),
            )
        return super().change_view(request, object_id, form_url, extra_context)

    def has_import_permission(self, request) -> bool:
        """The PubMed import adds and updates publications: it needs both permissions (as the
        CSV imports need IMPORT_EXPORT_IMPORT_PERMISSION_CODE, "change")."""
        return self.has_add_permission(request) and self.has_change_permission(request)

    def changelist_view(self, request, extra_context=None):
        extra_context = {
            **(extra_context or {}),
            "has_import_permission": self.has_import_permission(request),
        }
        return super().changelist_view(request, extra_context)

    def get_urls(self):
        from django.urls import path

        from apps.teams.admin_views import PublicationImportView

        return [
            path(
                "import-pubmed/",
                self.admin_site.admin_view(PublicationImportView.as_view(model_admin=self)),
                name="teams_publication_import_pubmed",
            ),
            *super().get_urls(),
        ]
