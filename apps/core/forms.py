"""Forms every app shares."""

from django import forms
from django.forms.boundfield import BoundField
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


def _forbidden_in_html(code: int) -> bool:
    """Code points no HTML document may hold: controls other than white space (C0 and C1),
    lone surrogates and noncharacters (U+FDD0–U+FDEF, and U+xxFFFE / U+xxFFFF)."""
    return (
        (code < 0x20 and code not in (0x09, 0x0A, 0x0C, 0x0D))
        or 0x7F <= code <= 0x9F
        or 0xD800 <= code <= 0xDFFF
        or 0xFDD0 <= code <= 0xFDEF
        or (code & 0xFFFE) == 0xFFFE
    )


def html_safe_text(text: str) -> str:
    """Text shown back to a visitor, as valid HTML: every code point an HTML document may not
    hold becomes U+FFFD, the replacement character browsers show for it anyway."""
    if text.isprintable():  # the usual case, quickly
        return text
    return "".join("\ufffd" if _forbidden_in_html(ord(ch)) else ch for ch in text)


class VisitorBoundField(BoundField):
    """A field of a visitor's form shown back as they typed it, as valid HTML (see
    html_safe_text). Validation still sees the NUL and refuses it with a message."""

    def value(self):
        value = super().value()
        if isinstance(value, str):
            return html_safe_text(value)
        return value


class VisitorForm(forms.Form):
    """Base of the forms the public fills in (filters, contact)."""

    bound_field_class = VisitorBoundField


class FilterForm(VisitorForm):
    """The GET filters of a list page. A value that does not validate is ignored (and its error
    can be shown), so a bad or stale parameter never breaks the page."""

    # Hidden fields said in the page title, with their label there: {"letter": _("Initial")}.
    title_hidden_fields: dict = {}

    def slug_choices(self, name, items, label=str, empty=None):
        """A field whose values are items' slugs (a category, a team): its choices, in the
        page's language, and the same item's slug in another language taken as this one's (a
        link from the other language's page, the language switcher keeping the filters)."""
        from django.conf import settings

        choices = [(item.slug, label(item)) for item in items]
        self.fields[name].choices = ([("", empty)] if empty is not None else []) + choices
        value = self.data.get(name) if self.is_bound else None
        if not value or any(value == slug for slug, _label in choices):
            return
        for item in items:
            others = [getattr(item, f"slug_{code}", None) for code, _n in settings.LANGUAGES]
            if value in others:
                self.data = self.data.copy()
                self.data[name] = item.slug
                return

    def valid_value(self, name):
        """The cleaned value of one field, or None when it is missing or invalid."""
        if not self.is_bound:
            return None
        self.is_valid()
        if name in self.errors:
            return None
        return self.cleaned_data.get(name) or None

    def active_filters(self) -> list[dict]:
        """Every filter with a valid value, in the form's order, as people read it:
        [{"name", "label", "value"}], the value being a choice's label ("Recruiting", not
        "recruiting") or the words typed, in quotes. Hidden fields are left out (the page's own
        title says them, as "Past events" does) unless the form names them in
        `title_hidden_fields`, with a label of their own. Ignored (invalid) values are not
        filters."""
        filters = []
        for name, field in self.fields.items():
            value = self.valid_value(name)
            if value is None:
                continue
            label = pgettext_lazy("filter", "Search") if name == "q" else field.label
            if field.widget.is_hidden:
                label = self.title_hidden_fields.get(name)
                if label is None:
                    continue
            if isinstance(field, forms.ChoiceField):
                shown = dict(_flat_choices(field.choices)).get(str(value), value)
            else:
                shown = _("“%(text)s”") % {"text": value} if name == "q" else value
            filters.append({"name": name, "label": label, "value": str(shown)})
        return filters


def _flat_choices(choices):
    for key, label in choices:
        if isinstance(label, list | tuple):
            yield from ((str(k), v) for k, v in label)
        else:
            yield str(key), label


class TextFilterForm(FilterForm):
    """A list filter with a text box (`q`), searched by apps.core.registry.text_filter."""

    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=100,
        strip=True,
        error_messages={"max_length": _("Please type at most %(limit_value)d characters.")},
    )
