"""CSV/XLSX import and export of teams and people (django-import-export).

Rows are matched on their slug. Every row is validated with the model's own validation (ORCID
checksum included); the import runs in one transaction, so a single invalid row writes nothing.
"""

from import_export import fields, resources, widgets

from apps.teams.models import Person, ResearchTheme, Team


class TeamResource(resources.ModelResource):
    themes = fields.Field(
        attribute="themes",
        column_name="themes",
        widget=widgets.ManyToManyWidget(ResearchTheme, field="slug", separator="|"),
    )

    class Meta:
        model = Team
        import_id_fields = ("slug",)
        fields = (
            "slug", "kind", "name_fr", "name_en", "acronym", "summary_fr", "summary_en",
            "location_fr", "location_en", "email", "phone", "website", "order", "status",
            "themes", "is_sample",
        )
        export_order = fields
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True
        use_transactions = True


class PersonResource(resources.ModelResource):
    class Meta:
        model = Person
        import_id_fields = ("slug",)
        fields = (
            "slug", "title", "first_name", "last_name", "category", "position_fr", "position_en",
            "bio_fr", "bio_en", "expertise_fr", "expertise_en", "orcid", "email", "show_email",
            "phone", "show_phone", "status", "is_sample",
        )
        export_order = fields
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True
        use_transactions = True
