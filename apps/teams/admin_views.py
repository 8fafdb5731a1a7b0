"""Admin views for teams: the PubMed import (built in apps.teams.publication_import)."""

from django.views.generic import TemplateView


class PublicationImportView(TemplateView):
    model_admin = None
    template_name = "admin/teams/publication/import_pubmed.html"
