from django import forms
from django.utils.translation import gettext_lazy as _

from apps.care.models import ClinicalTrial
from apps.core.forms import FilterForm


class TrialFilterForm(FilterForm):
    status = forms.ChoiceField(
        label=_("Recruitment"),
        required=False,
        choices=[("", _("All")), *ClinicalTrial.Recruitment.choices],
    )
    cancer = forms.ChoiceField(label=_("Cancer"), required=False)
    phase = forms.ChoiceField(
        label=_("Phase"),
        required=False,
        choices=[("", _("All phases")), *ClinicalTrial.Phase.choices],
    )
    treatment = forms.ChoiceField(
        label=_("Treatment"),
        required=False,
        choices=[("", _("All treatments")), *ClinicalTrial.Treatment.choices],
    )

    def __init__(self, *args, cancer_types=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cancer"].choices = [("", _("All cancers"))] + [
            (c.slug, c.name) for c in cancer_types
        ]
