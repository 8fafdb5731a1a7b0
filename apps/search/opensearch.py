"""The OpenSearch description of the site search, so that browsers can add it as a search engine.

One document per language (/fr/recherche/opensearch.xml, /en/search/opensearch.xml), linked from
every page's <head> with <link rel="search">. Specification:
https://github.com/dewitt/opensearch/blob/master/opensearch-1-1-draft-6.md
"""

from __future__ import annotations

import re
from xml.etree import ElementTree

from django.http import HttpResponse
from django.templatetags.static import static
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language, gettext, pgettext
from django.views.decorators.http import require_safe

from apps.core.models import SiteSettings

NAMESPACE = "http://a9.com/-/spec/opensearch/1.1/"
CONTENT_TYPE = "application/opensearchdescription+xml"
SHORT_NAME_MAX = 16  # the specification's limits, in characters
LONG_NAME_MAX = 48

# Characters XML 1.0 does not allow, even escaped; an editor could paste one into a setting.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

ElementTree.register_namespace("", NAMESPACE)  # written as the default namespace, no prefix


def _text(value: str) -> str:
    return _NOT_XML.sub("", str(value)).strip()


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def short_name(site_name: str) -> str:
    """The site's name when it fits the 16 characters of ShortName, else a short word."""
    name = _text(site_name)
    if name and len(name) <= SHORT_NAME_MAX:
        return name
    # Translators: the name of the site's search engine in a browser, at most 16 characters.
    return _cut(pgettext("OpenSearch short name", "Immunotherapy"), SHORT_NAME_MAX)


def description_document(request) -> bytes:
    """The OpenSearch 1.1 description for the current language, as UTF-8 XML.

    ElementTree escapes every text and attribute, so a site name with <, & or quotes stays
    well-formed."""
    site_name = _text(SiteSettings.load().site_name)
    lang = "en" if (get_language() or "").startswith("en") else "fr"
    results = request.build_absolute_uri(reverse("search:results"))
    itself = request.build_absolute_uri(reverse("search:opensearch"))
    icon = request.build_absolute_uri(static("img/favicon.ico"))

    def child(parent, tag, text=None, **attributes):
        element = ElementTree.SubElement(parent, f"{{{NAMESPACE}}}{tag}", attributes)
        if text is not None:
            element.text = text
        return element

    root = ElementTree.Element(f"{{{NAMESPACE}}}OpenSearchDescription")
    child(root, "ShortName", short_name(site_name))
    if site_name:
        child(root, "LongName", _cut(site_name, LONG_NAME_MAX))
    description = gettext(
        "%(site)s: search teams, people, news, events, clinical trials and patient information."
    ) % {"site": site_name or short_name(site_name)}
    child(root, "Description", _cut(description, 1024))
    child(root, "InputEncoding", "UTF-8")
    child(root, "OutputEncoding", "UTF-8")
    child(root, "Language", lang)
    child(root, "Image", icon, height="16", width="16", type="image/x-icon")
    child(root, "Url", type="text/html", template=f"{results}?q={{searchTerms}}")
    child(root, "Url", type=CONTENT_TYPE, rel="self", template=itself)
    return ElementTree.tostring(root, encoding="utf-8", xml_declaration=True)


@require_safe
def description(request):
    response = HttpResponse(
        description_document(request), content_type=f"{CONTENT_TYPE}; charset=utf-8"
    )
    response["Cache-Control"] = "public, max-age=3600"
    # Its addresses are built from the request's host and scheme: a shared cache must keep one
    # copy per host and scheme.
    patch_vary_headers(response, ("Host", "X-Forwarded-Proto"))
    return response
