"""Rich text: an editor widget in the admin, and an nh3 allow-list applied whenever it is saved.

The editor (django-prose-editor) offers only what the allow-list keeps, so what an editor sees in
the admin is what visitors get. The allow-list is ours, written out here, rather than derived from
the editor's extensions: it is the security boundary and should be readable in one place.
"""

from __future__ import annotations

import nh3
from django_prose_editor.fields import ProseEditorField

EDITOR_EXTENSIONS = {
    "Bold": True,
    "Italic": True,
    "Strike": False,
    "Underline": False,
    "Heading": {"levels": [2, 3, 4]},
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "HardBreak": True,
    "HorizontalRule": True,
    "Link": {"enableTarget": False, "protocols": ["http", "https", "mailto", "tel"]},
    "Subscript": True,
    "Superscript": True,
}
EDITOR_EXTENSIONS = {name: cfg for name, cfg in EDITOR_EXTENSIONS.items() if cfg}

ALLOWED_TAGS = {
    "p", "br", "strong", "b", "em", "i", "sub", "sup", "h2", "h3", "h4",
    "ul", "ol", "li", "blockquote", "hr", "a",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title", "hreflang"}, "ol": {"start"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto", "tel"}

_cleaner = nh3.Cleaner(
    tags=ALLOWED_TAGS,
    attributes=ALLOWED_ATTRIBUTES,
    url_schemes=ALLOWED_URL_SCHEMES,
    link_rel="noopener noreferrer",
    strip_comments=True,
)

_EMPTY = {"", "<p></p>", "<p><br></p>"}


def sanitize_html(html: str | None) -> str:
    """Keep only the allow-listed tags and attributes; drop scripts, styles and handlers."""
    if not html:
        return ""
    html = html.replace("\x00", "")
    cleaned = _cleaner.clean(html).strip()
    return "" if cleaned in _EMPTY else cleaned


class RichTextField(ProseEditorField):
    """A text field edited with the prose editor and sanitised on every save, not only in forms."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("extensions", EDITOR_EXTENSIONS)
        kwargs["sanitize"] = sanitize_html
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def pre_save(self, model_instance, add):
        from django.conf import settings
        from modeltranslation.fields import TranslationFieldDescriptor

        if isinstance(type(model_instance).__dict__.get(self.attname), TranslationFieldDescriptor):
            # The original column of a translated field: its attribute reads and writes the
            # active language's column, falling back to French, so writing it back would copy
            # the French text into an empty English column. Each language's column is cleaned
            # on its own; this one holds the default language's text.
            default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
            return sanitize_html(getattr(model_instance, f"{self.attname}_{default}", None) or "")
        value = sanitize_html(getattr(model_instance, self.attname))
        setattr(model_instance, self.attname, value)
        return value
