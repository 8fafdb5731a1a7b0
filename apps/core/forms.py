"""Forms every app shares."""

from django import forms


class FilterForm(forms.Form):
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
