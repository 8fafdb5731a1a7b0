"""The values an admin change form would send, read from its HTML: what a browser posts when
the editor presses Save without touching anything (tests then change a field or two)."""

from __future__ import annotations

from html.parser import HTMLParser


class _FormReader(HTMLParser):
    def __init__(self, form_id: str):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.inside = False
        self.values: list[tuple[str, str]] = []
        self._select: str | None = None
        self._textarea: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "form" and attributes.get("id") == self.form_id:
            self.inside = True
        if not self.inside:
            return
        name = attributes.get("name")
        if tag == "input" and name:
            kind = (attributes.get("type") or "text").lower()
            if kind in ("submit", "button", "file", "image", "reset"):
                return
            if kind in ("checkbox", "radio"):
                if "checked" in attributes:
                    self.values.append((name, attributes.get("value") or "on"))
                return
            self.values.append((name, attributes.get("value") or ""))
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select and "selected" in attributes:
            self.values.append((self._select, attributes.get("value") or ""))
        elif tag == "textarea" and name:
            self._textarea, self._text = name, []

    def handle_data(self, data):
        if self._textarea is not None:
            self._text.append(data)

    def handle_endtag(self, tag):
        if tag == "form" and self.inside:
            self.inside = False
        elif tag == "select":
            self._select = None
        elif tag == "textarea" and self._textarea is not None:
            text = "".join(self._text)
            # A browser drops one newline at the start of a textarea's content.
            self.values.append((self._textarea, text[1:] if text.startswith("\n") else text))
            self._textarea = None


def form_values(html: str, form_id: str) -> dict[str, str | list[str]]:
    """{name: value} (a list for a name sent more than once) of the form with that id."""
    reader = _FormReader(form_id)
    reader.feed(html)
    values: dict[str, str | list[str]] = {}
    for name, value in reader.values:
        if name in values:
            existing = values[name]
            values[name] = [*existing, value] if isinstance(existing, list) else [existing, value]
        else:
            values[name] = value
    return values
