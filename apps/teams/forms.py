"""Filters of the directories. A value that does not validate is ignored, with a message."""

from django import forms
from django.utils.translation import gettext_lazy as _

from apps.core.forms import TextFilterForm
from apps.teams.models import Person, ResearchTheme, Team


class TeamFilterForm(TextFilterForm):
    theme = forms.ChoiceField(label=_("Research theme"), required=False)
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("All kinds")), *Team.Kind.choices]
    )

    def __init__(self, *args, themes=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"].choices = [("", _("All themes"))] + [(t.slug, t.name) for t in themes]


class PersonFilterForm(TextFilterForm):
    category = forms.ChoiceField(
        label=_("Category"),
        required=False,
        choices=[("", _("All categories")), *Person.Category.choices],
    )
    team = forms.ChoiceField(label=_("Team"), required=False)
    letter = forms.RegexField(regex=r"^([A-Z]|#)$", required=False, widget=forms.HiddenInput)
    title_hidden_fields = {"letter": _("Initial")}  # the A–Z links set it

    def __init__(self, *args, teams=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.slug_choices("team", teams, empty=_("All teams"))


def theme_choices():
    return list(ResearchTheme.objects.published().only("slug", "name_fr", "name_en", "name"))
