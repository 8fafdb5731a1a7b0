"""Forms every app shares."""

from django import forms
from django.forms.boundfield import BoundField
from django.utils.translation import gettext_lazy as _


class VisitorBoundField(BoundField):
    """A field of a visitor's form shown back as they typed it, as valid HTML: a NUL character
    (which no HTML document may hold) is shown as U+FFFD, the replacement character browsers
    show for it anyway. Validation still sees the NUL and refuses it with a message."""

    def value(self):
        value = super().value()
        if isinstance(value, str):
            return value.replace("\x00", "\ufffd")
        return value


class VisitorForm(forms.Form):
    """Base of the forms the public fills in (filters, contact)."""

    bound_field_class = VisitorBoundField


class FilterForm(VisitorForm):
    """The GET filters of a list page. A value that does not validate is ignored (and its error
    can be shown), so a bad or stale parameter never breaks the page."""

    def valid_value(self, name):
        """The cleaned value of one field, or None when it is missing or invalid."""
        if not self.is_bound:
            return None
        self.is_valid()
        if name in self.errors:
            return None
        return self.cleaned_data.get(name) or None


class TextFilterForm(FilterForm):
    """A list filter with a text box (`q`), searched by apps.core.registry.text_filter."""

    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=100,
        strip=True,
        error_messages={"max_length": _("Please type at most %(limit_value)d characters.")},
    )
