from django import forms
from django.utils.translation import gettext_lazy as _

from apps.core.forms import FilterForm
from apps.news.models import Event


class NewsFilterForm(FilterForm):
    category = forms.ChoiceField(label=_("Category"), required=False)
    year = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int, empty_value=None)

    def __init__(self, *args, categories=(), years=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.slug_choices("category", categories, label=lambda c: c.name, empty=_("All categories"))
        self.fields["year"].choices = [("", _("All years"))] + [(y, y) for y in years]


class EventFilterForm(FilterForm):
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("All kinds")), *Event.Kind.choices]
    )
    when = forms.ChoiceField(
        required=False,
        choices=[("", _("Upcoming")), ("past", _("Past"))],
        widget=forms.HiddenInput,
    )
