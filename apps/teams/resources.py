"""CSV/XLSX import and export of teams and people (django-import-export).

What an import guarantees, in the admin and through `resource.import_data()` alike:

- Rows are matched on their slug (surrounding spaces ignored); a slug that is not a valid slug,
  or that appears twice in the file, is an error of that row.
- Every cell is checked: text cells may not contain NUL characters, yes/no columns take
  true/false, 1/0, yes/no or oui/non, whole-number columns take whole numbers, and `themes` takes
  existing research theme slugs separated by "|" (an unknown slug is an error, never dropped).
- Every row is then validated with the model's own validation (`full_clean`: ORCID checksum,
  email, choices, lengths, required names), and each error names its column.
- All or nothing: the import runs in one transaction that is rolled back when any row has an
  error, so one bad row writes nothing at all. The admin's first step is a dry run (a preview of
  new, changed and unchanged rows); it offers the confirm step only when no row has an error.
- An empty cell means the model's default (an empty yes/no cell is "no"); blank lines are skipped.
- When the import is made by a user who may not edit every team (a team editor), rows that would
  add a team, change a team they do not edit, or change a person outside their teams are refused.

What an export guarantees: no cell starts a spreadsheet formula (text starting with = + - @ gets
a leading apostrophe, which an import removes again, so an export imports back unchanged); and
the email or phone of a person who does not show it publicly is left empty unless the resource
is made with `show_private_contact=True` (the admin does so for those who may change people).
"""

from __future__ import annotations

import re

from django.core.exceptions import NON_FIELD_ERRORS, FieldDoesNotExist, ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from import_export import fields, resources, widgets
from import_export.results import RowResult

from apps.core.admin_tools import SpreadsheetSafeExportMixin
from apps.core.richtext import RichTextField, sanitize_html
from apps.teams.models import Membership, Person, ResearchTheme, Team

WHOLE_NUMBER = re.compile(r"^[+-]?\d+$")


def _is_blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _or_empty(value):
    return "" if value is None else value


class TextWidget(widgets.CharWidget):
    """Text cells: surrounding spaces removed, an empty cell is "", a NUL character is an error.

    Spreadsheet numbers in text columns are written without a useless ".0" (1234.0 -> "1234").
    """

    def clean(self, value, row=None, **kwargs):
        if value is None:
            return ""
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        value = str(value).strip()
        if "\x00" in value:
            raise ValueError(
                _("This cell contains a NUL character: the file is damaged or is not a text file.")
            )
        return value


class RichTextWidget(TextWidget):
    """Rich text cells are cleaned with the site's HTML allow-list now, as saving would do, so
    the preview shows what will be stored and importing the same file again changes nothing."""

    def clean(self, value, row=None, **kwargs):
        return sanitize_html(super().clean(value, row, **kwargs))


class YesNoWidget(widgets.BooleanWidget):
    """Yes/no cells: true/false, 1/0, yes/no, oui/non (any case). An empty cell gives None, which
    the field turns into the model default; anything else is an error rather than a silent "no"."""

    TRUE_WORDS = frozenset({"true", "1", "yes", "oui"})
    FALSE_WORDS = frozenset({"false", "0", "no", "non"})

    def clean(self, value, row=None, **kwargs):
        if isinstance(value, bool):
            return value
        if isinstance(value, (int, float)) and value in (0, 1):
            return bool(value)
        if _is_blank(value):
            return None
        word = str(value).strip().casefold()
        if word in self.TRUE_WORDS:
            return True
        if word in self.FALSE_WORDS:
            return False
        raise ValueError(
            _("“%(value)s” is not a yes/no value: use true/false, 1/0, yes/no or oui/non.")
            % {"value": str(value)[:50]}
        )


class WholeNumberWidget(widgets.IntegerWidget):
    """Whole numbers only: "3" or 3.0 but not "3.5" or "three" (which the stock widget would
    truncate, or turn into a decimal.InvalidOperation reported as a crash)."""

    def clean(self, value, row=None, **kwargs):
        if _is_blank(value):
            return None
        if isinstance(value, bool):
            raise ValueError(_("Enter a whole number."))
        if isinstance(value, int):
            return value
        if isinstance(value, float) and value.is_integer():
            return int(value)
        text = str(value).strip()
        if not WHOLE_NUMBER.match(text) or len(text) > 12:
            raise ValueError(_("Enter a whole number."))
        return int(text)


class SlugListWidget(widgets.ManyToManyWidget):
    """Related objects given by slug, separated by "|". The stock widget silently drops a slug it
    cannot find; this one refuses the row and names the unknown slugs."""

    def __init__(self, model, separator="|", field="slug", **kwargs):
        super().__init__(model, separator=separator, field=field, **kwargs)

    def clean(self, value, row=None, **kwargs):
        if _is_blank(value):
            return self.model.objects.none()
        wanted = list(dict.fromkeys(s.strip() for s in str(value).split(self.separator)))
        wanted = [s for s in wanted if s]
        found = self.model.objects.filter(**{f"{self.field}__in": wanted})
        known = {str(v) for v in found.values_list(self.field, flat=True)}
        unknown = [s for s in wanted if s not in known]
        if unknown:
            raise ValueError(
                _("Unknown %(model)s: %(slugs)s. Use existing slugs separated by “%(sep)s”.")
                % {
                    "model": self.model._meta.verbose_name,
                    "slugs": ", ".join(f"“{s[:80]}”" for s in unknown),
                    "sep": self.separator,
                }
            )
        return found


class ImportFileError(ValueError):
    """A problem with the file as a whole (its columns), shown to the user without a traceback."""


class AllOrNothingResource(SpreadsheetSafeExportMixin, resources.ModelResource):
    """The behaviour shared by the team and person resources (see the module docstring)."""

    class Meta:
        import_id_fields = ("slug",)
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True
        use_transactions = True

    @classmethod
    def widget_from_django_field(cls, f, default=widgets.Widget):
        if isinstance(f, models.BooleanField):
            return YesNoWidget
        if isinstance(f, RichTextField):
            return RichTextWidget
        if isinstance(f, (models.CharField, models.TextField)):
            return TextWidget
        if isinstance(f, models.IntegerField) and not isinstance(f, models.AutoField):
            return WholeNumberWidget
        return super().widget_from_django_field(f, default)

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._slug_rows: dict[str, int] = {}
        self._user = None

    # -- the whole import -------------------------------------------------------------------

    def import_data(self, dataset, dry_run=False, raise_errors=False, **kwargs):
        """Always in one transaction, rolled back when any row is invalid or fails."""
        kwargs["use_transactions"] = True
        kwargs["rollback_on_validation_errors"] = True
        return super().import_data(dataset, dry_run=dry_run, raise_errors=raise_errors, **kwargs)

    def handle_import_error(self, result, error, raise_errors=False):
        if isinstance(error, ImportFileError):
            error = error.with_traceback(None)  # the message says it all
        super().handle_import_error(result, error, raise_errors)

    def before_import(self, dataset, **kwargs):
        self._slug_rows = {}
        self._user = kwargs.get("user")
        self.unescape_dataset(dataset)  # "'=x" written by our exports reads back as "=x"
        headers = [("" if h is None else str(h).strip()) for h in dataset.headers or []]
        if dataset.headers:
            dataset.headers = headers
        # Spreadsheets often carry empty rows after the data: drop them (numbers do not move).
        while len(dataset) and all(_is_blank(v) for v in dataset[-1]):
            del dataset[-1]
        known = {f.column_name for f in self.get_import_fields()}
        unknown = [h for h in headers if h and h not in known]
        duplicated = sorted({h for h in headers if h and headers.count(h) > 1})
        problems = []
        if unknown:
            problems.append(_("Unknown column(s): %(columns)s.") % {"columns": ", ".join(unknown)})
        if duplicated:
            problems.append(
                _("Column(s) given twice: %(columns)s.") % {"columns": ", ".join(duplicated)}
            )
        if problems:
            expected = ", ".join(f.column_name for f in self.get_import_fields())
            problems.append(_("The expected columns are: %(columns)s.") % {"columns": expected})
            raise ImportFileError(" ".join(str(p) for p in problems))

    # -- one row ------------------------------------------------------------------------------

    def import_row(self, row, instance_loader, **kwargs):
        if all(_is_blank(v) for v in row.values()):
            row_result = self.get_row_result_class()()
            row_result.import_type = RowResult.IMPORT_TYPE_SKIP
            return row_result
        return super().import_row(row, instance_loader, **kwargs)

    def skip_row(self, instance, original, row, import_validation_errors=None):
        """Unchanged rows are skipped (and reported). Unlike the stock comparison, an empty cell
        matches a NULL in the database: translated columns left empty in the admin are NULL."""
        if not self._meta.skip_unchanged or self._meta.skip_diff or import_validation_errors:
            return False
        for field in self.get_import_fields():
            if isinstance(field.widget, widgets.ManyToManyWidget):
                if field.column_name not in row:
                    continue
                wanted = {obj.pk for obj in field.clean(row)}
                present = (
                    set()
                    if original.pk is None
                    else {obj.pk for obj in field.get_value(original).all()}
                )
                if wanted != present:
                    return False
            elif _or_empty(field.get_value(instance)) != _or_empty(field.get_value(original)):
                return False
        return True

    def get_instance(self, instance_loader, row):
        try:
            return super().get_instance(instance_loader, row)
        except ValueError:
            return None  # the slug cell itself is invalid: import_instance() reports it

    def import_instance(self, instance, row, **kwargs):
        errors: dict = {}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as e:
            errors = e.update_error_dict(errors)
        for field in self.get_import_fields():
            if field.column_name not in row or field.attribute in errors:
                continue
            if isinstance(field.widget, widgets.ManyToManyWidget):
                # Applied only after saving: check the cell now, so it is an error of the row.
                try:
                    field.clean(row)
                except ValueError as e:
                    errors[field.attribute] = [ValidationError(str(e), code="invalid")]
                continue
            # Model validation leaves a TextField's max_length to forms: check it as the admin does.
            model_field = self._model_field(field.attribute)
            if isinstance(model_field, models.TextField) and model_field.max_length:
                try:
                    MaxLengthValidator(model_field.max_length)(field.get_value(instance) or "")
                except ValidationError as e:
                    errors[field.attribute] = [e]
        slug = getattr(instance, "slug", "")
        row_number = kwargs.get("row_number")
        if slug and "slug" not in errors and row_number is not None:
            first = self._slug_rows.setdefault(slug, row_number)
            if first != row_number:
                errors["slug"] = [
                    ValidationError(
                        _("This slug is already used by row %(row)s of the file."),
                        code="duplicate",
                        params={"row": first},
                    )
                ]
        if errors:
            raise ValidationError(errors)

    def _model_field(self, name):
        try:
            return self._meta.model._meta.get_field(name)
        except FieldDoesNotExist:
            return None

    def refusal_for(self, instance, user) -> str | None:
        """Why `user` may not import this row, or None."""
        return None

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        """Called for each row that would be written (unchanged rows are skipped before)."""
        errors = dict(import_validation_errors or {})
        if self._user is not None:
            refusal = self.refusal_for(instance, self._user)
            if refusal:
                errors[NON_FIELD_ERRORS] = [ValidationError(refusal, code="permission")]
        try:
            super().validate_instance(instance, errors, validate_unique)
        except ValidationError as e:
            raise ValidationError(self._errors_by_column(e.error_dict)) from None

    def _errors_by_column(self, error_dict: dict) -> dict:
        """Errors on a translated field ("name") are moved to its column in the default language
        ("name_fr"), unless one of its language columns already has an error."""
        from modeltranslation import settings as mt_settings
        from modeltranslation.translator import NotRegistered, translator

        try:
            translated = translator.get_options_for_model(self._meta.model).fields
        except NotRegistered:
            return error_dict
        errors = dict(error_dict)
        for name in translated:
            if name not in errors:
                continue
            columns = [f"{name}_{lang}" for lang in mt_settings.AVAILABLE_LANGUAGES]
            moved = errors.pop(name)
            if not any(column in errors for column in columns):
                errors[f"{name}_{mt_settings.DEFAULT_LANGUAGE}"] = moved
        # A column read into another attribute (a team's "slug" into slug_fr): its name.
        for field in self.get_import_fields():
            if field.attribute in errors and field.column_name != field.attribute:
                errors[field.column_name] = errors.pop(field.attribute)
        return errors


def _can_edit_all_teams(user) -> bool:
    from apps.teams.admin import can_edit_all_teams

    return can_edit_all_teams(user)


class TeamResource(AllOrNothingResource):
    # A team has a slug in each language (apps.core.slugs): the file's "slug" is the French one,
    # which finds the team, whatever the language of the admin; the English one is made at save.
    slug = fields.Field(attribute="slug_fr", column_name="slug")
    themes = fields.Field(
        attribute="themes",
        column_name="themes",
        widget=SlugListWidget(ResearchTheme, field="slug", separator="|"),
    )

    class Meta(AllOrNothingResource.Meta):
        model = Team
        fields = (
            "slug", "kind", "name_fr", "name_en", "acronym", "summary_fr", "summary_en",
            "description_fr", "description_en", "location_fr", "location_en", "email", "phone",
            "website", "order", "status", "themes", "is_sample",
        )  # fmt: skip
        export_order = fields

    def refusal_for(self, instance, user):
        if _can_edit_all_teams(user):
            return None
        if instance.pk is None:
            return _("Only site editors can add teams.")
        if not Team.objects.filter(pk=instance.pk, editors=user).exists():
            return _("You can only change the teams you edit.")
        return None


class PersonResource(AllOrNothingResource):
    # Exported only when the person shows it publicly, or with show_private_contact=True.
    PRIVATE_CONTACT = {"email": "show_email", "phone": "show_phone"}

    class Meta(AllOrNothingResource.Meta):
        model = Person
        fields = (
            "slug", "title", "first_name", "last_name", "category", "position_fr", "position_en",
            "bio_fr", "bio_en", "expertise_fr", "expertise_en", "orcid", "email", "show_email",
            "phone", "show_phone", "status", "is_sample",
        )  # fmt: skip
        export_order = fields

    def __init__(self, *, show_private_contact=False, **kwargs):
        super().__init__(**kwargs)
        self.show_private_contact = show_private_contact

    def export_field(self, field, instance, **kwargs):
        shown_if = self.PRIVATE_CONTACT.get(field.attribute)
        if shown_if and not self.show_private_contact and not getattr(instance, shown_if):
            return ""
        return super().export_field(field, instance, **kwargs)

    def refusal_for(self, instance, user):
        if instance.pk is None or _can_edit_all_teams(user):
            return None
        if not Membership.objects.filter(person_id=instance.pk, team__editors=user).exists():
            return _("You can only change people who belong to one of your teams.")
        return None
