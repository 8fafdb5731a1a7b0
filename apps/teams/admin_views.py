"""Admin views for teams: the import of publications from a PubMed export."""

from __future__ import annotations

import json

from django import forms
from django.contrib.admin.models import ADDITION, CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError
from django.template.defaultfilters import filesizeformat
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView

from apps.teams.models import Publication, Team
from apps.teams.permissions import can_edit_all_teams
from apps.teams.publication_import import import_publications
from apps.teams.pubmed import PubmedFormatError, parse_pubmed

MAX_IMPORT_BYTES = 10 * 1024 * 1024


class PublicationImportForm(forms.Form):
    file = forms.FileField(
        label=_("PubMed file"),
        help_text=_("PubMed XML, or MEDLINE text (“PubMed format”). At most 10 MB."),
    )
    team = forms.ModelChoiceField(queryset=Team.objects.none(), label=_("Team"))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        teams = Team.objects.all()
        if not can_edit_all_teams(user):
            teams = teams.filter(editors=user).distinct()
        self.fields["team"].queryset = teams
        self.records = []

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_IMPORT_BYTES:
            raise forms.ValidationError(
                gettext("The file is too large (%(size)s); the limit is %(limit)s.")
                % {"size": filesizeformat(upload.size), "limit": filesizeformat(MAX_IMPORT_BYTES)}
            )
        upload.seek(0)
        try:
            self.records = parse_pubmed(upload.read())
        except PubmedFormatError as error:
            raise forms.ValidationError(str(error)) from None
        return upload


class PublicationImportView(FormView):
    """Upload a PubMed export, choose a team, and see what was added, updated or skipped."""

    model_admin = None
    template_name = "admin/teams/publication/import_pubmed.html"
    form_class = PublicationImportForm

    def dispatch(self, request, *args, **kwargs):
        # The same rule as the Publication list's button: add and change permissions.
        if not self.model_admin.has_import_permission(request):
            raise PermissionDenied
        try:
            return super().dispatch(request, *args, **kwargs)
        finally:
            # The upload is read into memory; a large one was also written to a temporary
            # file: delete it now, whatever happened (Django would at the response's end).
            for _name, uploads in request.FILES.lists():
                for upload in uploads:
                    upload.close()

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            self.model_admin.admin_site.each_context(self.request),
            opts=Publication._meta,
            title=gettext("Import publications from PubMed"),
        )
        return context

    def form_valid(self, form):
        team = form.cleaned_data["team"]
        try:
            report = import_publications(records=form.records, team=team, user=self.request.user)
        except IntegrityError:
            form.add_error(
                None,
                gettext("The import failed and nothing was saved. Please try again."),
            )
            return self.form_invalid(form)
        self._log(report)
        fresh_form = self.get_form_class()(user=self.request.user, initial={"team": team})
        sections = [
            ("added", gettext("Added"), report.added),
            ("updated", gettext("Updated"), report.updated),
            ("unchanged", gettext("Already up to date"), report.unchanged),
            ("skipped", gettext("Skipped"), report.skipped),
        ]
        return self.render_to_response(
            self.get_context_data(
                form=fresh_form, report=report, report_sections=sections, team=team
            )
        )

    def _log(self, report) -> None:
        """Entries in the admin history for the publications added or updated."""
        content_type = ContentType.objects.get_for_model(Publication)
        entries = []
        for flag, items in ((ADDITION, report.added), (CHANGE, report.updated)):
            for item in items:
                if flag == ADDITION:
                    message = [{"added": {}}]
                else:
                    names = [*item.changed_fields, *(["teams"] if item.linked else [])]
                    with translation.override(None):  # stored untranslated, as the admin does
                        labels = [str(Publication._meta.get_field(n).verbose_name) for n in names]
                    message = [{"changed": {"fields": labels}}]
                entries.append(
                    LogEntry(
                        user_id=self.request.user.pk,
                        content_type=content_type,
                        object_id=str(item.publication.pk),
                        object_repr=str(item.publication)[:200],
                        action_flag=flag,
                        change_message=json.dumps(message),
                    )
                )
        LogEntry.objects.bulk_create(entries)
