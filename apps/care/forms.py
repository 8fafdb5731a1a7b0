import unicodedata

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Div, Layout
from django import forms
from django.utils.translation import gettext_lazy as _

from apps.care.models import ClinicalTrial
from apps.core.forms import TextFilterForm, VisitorForm


class TrialFilterForm(TextFilterForm):
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

    investigator = forms.ChoiceField(label=_("Investigator"), required=False)

    def __init__(self, *args, cancer_types=(), investigators=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cancer"].choices = [("", _("All cancers"))] + [
            (c.slug, c.name) for c in cancer_types
        ]
        self.fields["investigator"].choices = [("", _("All investigators"))] + [
            (p.slug, p.display_name) for p in investigators
        ]


def _has_control_character(text: str) -> bool:
    return any(unicodedata.category(ch) == "Cc" for ch in text)


class TelInput(forms.TextInput):
    """A phone number: phones show their number pad."""

    input_type = "tel"


class ContactForm(VisitorForm):
    """The contact form: what is asked, with limits, and a hidden field only robots fill in.
    Browsers may fill in the name, email and phone (autocomplete)."""

    name = forms.CharField(
        label=_("Your name"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("Your email address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={"invalid": _("Enter an email address like name@example.org.")},
    )
    phone = forms.CharField(
        label=_("Your phone number (optional)"),
        max_length=40,
        required=False,
        widget=TelInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )
    topic = forms.ModelChoiceField(
        label=_("Your question is about"), queryset=None, empty_label=_("Choose a topic")
    )
    message = forms.CharField(
        label=_("Your message"),
        max_length=5000,
        help_text=_("Up to 5,000 characters."),
        # site.js writes how much room is left in the help text, from this pattern.
        widget=forms.Textarea(
            attrs={"rows": 6, "data-count": _("{left} of {max} characters left.")}
        ),
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that the information I give, which may include health information, "
            "is processed to answer me (see the note below)."
        ),
        error_messages={"required": _("We need your agreement to answer you.")},
    )
    # Honeypot: hidden from people (off-screen, aria-hidden, out of the Tab order), with a name
    # browsers do not autofill; robots fill it.
    hp_extra = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args, **kwargs):
        from apps.care.models import ContactPoint

        super().__init__(*args, **kwargs)
        self.fields["topic"].queryset = ContactPoint.objects.published().order_by("order", "name")
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        self.helper.layout = Layout(
            "name",
            "email",
            "phone",
            "topic",
            "message",
            "consent",
            Div("hp_extra", css_class="hp-field", aria_hidden="true"),
        )

    def clean_email(self):
        email = self.cleaned_data["email"]
        # The address goes into mail headers (Reply-To, To): a control character there (a
        # quoted '"a\x0bb"@example.org' passes the email validator) would break them.
        if _has_control_character(email) or any(ch.isspace() for ch in email):
            raise forms.ValidationError(
                _("This email address holds characters that cannot be used: please check it.")
            )
        return email

    def clean_name(self):
        name = self.cleaned_data["name"]
        # Tabs and other spaces are made single spaces below; line breaks, other control
        # characters and markup are refused (the name goes into a mail header).
        if any(ch in name for ch in "\r\n<>") or _has_control_character(
            "".join(ch for ch in name if not ch.isspace())
        ):
            raise forms.ValidationError(_("Please write your name on one line, without < or >."))
        return " ".join(name.split())

    def clean_phone(self):
        phone = self.cleaned_data["phone"]
        if phone and not all(ch.isdigit() or ch in " +.-()" for ch in phone):
            raise forms.ValidationError(_("A phone number has digits, spaces and + only."))
        return phone.strip()

    def is_robot(self) -> bool:
        return bool(self.data.get("hp_extra"))
