"""The search box in every page's header, the 404 page's search form and the OpenSearch
description that lets browsers add the site's search.

How the box looks and works in Chromium at 320 px, with and without JavaScript, is in
tests/browser/test_header_search_browser.py; axe-core and the Nu HTML Checker see it on every
registered page type."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import Counter
from html.parser import HTMLParser

import pytest
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation

from apps.search.opensearch import SHORT_NAME_MAX
from tests.factories import HomePageFactory, PageFactory, SiteSettingsFactory
from tests.news.factories import NewsArticleFactory
from tests.teams.factories import TeamFactory

pytestmark = pytest.mark.django_db

OS = "{http://a9.com/-/spec/opensearch/1.1/}"
LABELS = {"fr": "Rechercher sur le site", "en": "Search the site"}
BUTTONS = {"fr": "Rechercher", "en": "Search"}
NOT_FOUND_LABELS = {"fr": "Retrouver ce que vous cherchiez", "en": "Find what you were looking for"}
TEMPLATES = {
    "fr": "http://testserver/fr/recherche/?q={searchTerms}",
    "en": "http://testserver/en/search/?q={searchTerms}",
}


class Document(HTMLParser):
    """Every element of a page: its tag, attributes (unescaped), text (labels, buttons), the form
    it is in and whether it is in <head>."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.elements: list[dict] = []
        self._texts: list[dict] = []
        self._form = None
        self._in_head = False
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        element = {"tag": tag, "attrs": dict(attrs), "text": "", "in_head": self._in_head}
        self.elements.append(element)
        if tag == "head":
            self._in_head = True
        if tag == "form":
            self._form = element
        element["form"] = self._form
        if tag in ("label", "button"):
            self._texts.append(element)

    def handle_endtag(self, tag):
        if tag == "head":
            self._in_head = False
        elif tag == "form":
            self._form = None
        elif tag in ("label", "button") and self._texts:
            self._texts.pop()

    def handle_data(self, data):
        for element in self._texts:
            element["text"] += data

    def find(self, tag, **attrs) -> list[dict]:
        return [
            e
            for e in self.elements
            if e["tag"] == tag and all(e["attrs"].get(k) == v for k, v in attrs.items())
        ]

    def form_with(self, input_id: str) -> dict:
        """The form holding the input of that id, with its input, label and button."""
        (field,) = self.find("input", id=input_id)
        form = field["form"]
        assert form is not None, f"#{input_id} is not in a form"
        inside = [e for e in self.elements if e["form"] is form]
        (label,) = [
            e for e in self.elements if e["tag"] == "label" and e["attrs"].get("for") == input_id
        ]
        buttons = [e for e in inside if e["tag"] == "button"]
        return {"form": form, "input": field, "label": label, "buttons": buttons, "inside": inside}

    def index(self, element: dict) -> int:
        return next(i for i, e in enumerate(self.elements) if e is element)

    def duplicate_ids(self) -> list[str]:
        ids = Counter(e["attrs"]["id"] for e in self.elements if e["attrs"].get("id"))
        return sorted(i for i, n in ids.items() if n > 1)


def url_in(lang, name, *args):
    with translation.override(lang):
        return reverse(name, args=args)


def absolute_in(lang, obj):
    with translation.override(lang):
        return obj.get_absolute_url()


@pytest.fixture
def site():
    SiteSettingsFactory()
    HomePageFactory()
    return {
        "team": TeamFactory(),
        "article": NewsArticleFactory(),
        "page": PageFactory(),
    }


# (page, function giving its path in a language, expected status)
PAGES = [
    ("home", lambda site, lang: url_in(lang, "pages:home"), 200),
    ("team list", lambda site, lang: url_in(lang, "teams:team-list"), 200),
    ("team", lambda site, lang: absolute_in(lang, site["team"]), 200),
    ("article", lambda site, lang: absolute_in(lang, site["article"]), 200),
    ("editorial page", lambda site, lang: absolute_in(lang, site["page"]), 200),
    ("missing page", lambda site, lang: f"/{lang}/cette-page-n-existe-pas/", 404),
]


def check_header_box(html: str, lang: str) -> dict:
    doc = Document(html)
    box = doc.form_with("header-search-q")
    form, field = box["form"]["attrs"], box["input"]["attrs"]
    assert "site-header__search" in form["class"].split()
    assert form["method"] == "get"
    assert form["action"] == url_in(lang, "search:results")
    assert form["role"] == "search"
    assert field["type"] == "search"
    assert field["name"] == "q"
    assert field["maxlength"] == "200"
    assert field["enterkeyhint"] == "search"
    assert box["label"]["text"].strip() == LABELS[lang]
    assert box["label"]["form"] is box["form"]  # the label sits in the header form too
    [button] = box["buttons"]
    assert button["attrs"]["type"] == "submit"
    assert button["text"].strip() == BUTTONS[lang]
    # Only q is sent: no hidden field, no second named field.
    named = [e for e in box["inside"] if e["attrs"].get("name")]
    assert [e["attrs"]["name"] for e in named] == ["q"]
    assert doc.duplicate_ids() == []
    return field


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize(("name", "path", "status"), PAGES, ids=[p[0] for p in PAGES])
def test_every_page_has_the_header_box(client, site, lang, name, path, status):
    response = client.get(path(site, lang))
    assert response.status_code == status
    field = check_header_box(response.content.decode(), lang)
    assert field.get("value", "") == ""


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_q_parameter_elsewhere_does_not_fill_the_box(client, site, lang):
    """The team list reads q for its own filter; the header box stays empty there."""
    for path in (url_in(lang, "teams:team-list"), url_in(lang, "pages:home")):
        response = client.get(path, {"q": "immunité"})
        assert response.status_code == 200
        assert check_header_box(response.content.decode(), lang).get("value", "") == ""


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_search_page_shows_its_query_in_its_own_box_escaped(client, site, lang):
    """The search page has its own box, filled: the header's would only repeat it (and push
    the results down on a phone)."""
    query = '<script>alert("x")</script> & Chevalier\'s'
    for params in ({"q": query}, {}):
        response = client.get(url_in(lang, "search:results"), params)
        assert response.status_code == 200
        html = response.content.decode()
        assert 'id="header-search-q"' not in html
        assert Document(html).find("input", id="search-q")[0]["attrs"].get("value", "") == (
            params.get("q", "")
        )
    assert "<script>alert" not in html.replace("<script src=", "")
    response = client.get(url_in(lang, "search:results"), {"q": query})
    assert (
        'value="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Chevalier&#x27;s"'
        in response.content.decode()
    )


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_404_page_has_its_own_search_form(client, site, lang):
    response = client.get(f"/{lang}/cette-page-n-existe-pas/")
    assert response.status_code == 404
    doc = Document(response.content.decode())
    box = doc.form_with("not-found-search-q")
    form, field = box["form"]["attrs"], box["input"]["attrs"]
    assert form["method"] == "get"
    assert form["action"] == url_in(lang, "search:results")
    assert form["role"] == "search"
    assert (field["type"], field["name"], field["maxlength"]) == ("search", "q", "200")
    assert field["enterkeyhint"] == "search"
    assert box["label"]["text"].strip() == NOT_FOUND_LABELS[lang]
    assert [b["text"].strip() for b in box["buttons"]] == [BUTTONS[lang]]
    assert box["form"] is not doc.form_with("header-search-q")["form"]
    # In the page's content, above its list of links.
    main_at = doc.index(doc.find("main")[0])
    links_at = next(i for i, e in enumerate(doc.elements) if i > main_at and e["tag"] == "ul")
    assert main_at < doc.index(box["form"]) < links_at
    assert doc.duplicate_ids() == []


# OpenSearch ------------------------------------------------------------------------------------


def opensearch(client, lang):
    response = client.get(url_in(lang, "search:opensearch"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/opensearchdescription+xml; charset=utf-8"
    return response, ET.fromstring(response.content)


def test_opensearch_addresses():
    assert url_in("fr", "search:opensearch") == "/fr/recherche/opensearch.xml"
    assert url_in("en", "search:opensearch") == "/en/search/opensearch.xml"


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_opensearch_description(client, site, lang):
    response, root = opensearch(client, lang)
    assert root.tag == f"{OS}OpenSearchDescription"
    short_name = root.findtext(f"{OS}ShortName")
    assert short_name and len(short_name) <= SHORT_NAME_MAX
    assert short_name == {"fr": "Immunothérapie", "en": "Immunotherapy"}[lang]
    site_name = {
        "fr": "Centre d'immunothérapie des cancers",
        "en": "Center for Cancer Immunotherapy",
    }
    assert root.findtext(f"{OS}LongName") == site_name[lang]
    assert root.findtext(f"{OS}Description").startswith(site_name[lang])
    assert len(root.findtext(f"{OS}Description")) <= 1024
    assert root.findtext(f"{OS}InputEncoding") == "UTF-8"
    assert root.findtext(f"{OS}Language") == lang
    urls = {u.get("type"): u for u in root.findall(f"{OS}Url")}
    assert urls["text/html"].get("template") == TEMPLATES[lang]
    assert urls["application/opensearchdescription+xml"].get("rel") == "self"
    assert urls["application/opensearchdescription+xml"].get("template") == (
        "http://testserver" + url_in(lang, "search:opensearch")
    )
    image = root.find(f"{OS}Image")
    assert image.text == "http://testserver" + static("img/favicon.ico")
    assert (image.get("width"), image.get("height"), image.get("type")) == (
        "16",
        "16",
        "image/x-icon",
    )
    assert "public" in response["Cache-Control"]


def test_opensearch_template_leads_to_the_results_page(client, site):
    _, root = opensearch(client, "fr")
    template = root.find(f"{OS}Url[@type='text/html']").get("template")
    response = client.get(template.replace("{searchTerms}", "immunoth%C3%A9rapie"))
    assert response.status_code == 200
    html = response.content.decode()
    assert Document(html).find("input", id="search-q")[0]["attrs"]["value"] == "immunothérapie"


def test_opensearch_escapes_the_site_name(client):
    SiteSettingsFactory(site_name_fr='A<b> & "C"', site_name_en='A<b> & "C"')
    response, root = opensearch(client, "en")
    assert root.findtext(f"{OS}ShortName") == 'A<b> & "C"'  # it fits in 16 characters
    assert root.findtext(f"{OS}LongName") == 'A<b> & "C"'
    assert root.findtext(f"{OS}Description").startswith('A<b> & "C": search')
    assert b"<b>" not in response.content
    assert b"A&lt;b&gt; &amp;" in response.content


def test_opensearch_long_or_odd_site_names_stay_within_the_limits(client):
    name = 'Un très long nom <de> centre & "de" recherche, bien plus long que 48 caractères\x0b'
    SiteSettingsFactory(site_name_fr=name)
    response, root = opensearch(client, "fr")  # parses: the control character is gone
    assert root.findtext(f"{OS}ShortName") == "Immunothérapie"
    long_name = root.findtext(f"{OS}LongName")
    assert len(long_name) <= 48 and long_name.startswith("Un très long nom <de> centre &")
    assert b"\x0b" not in response.content


def test_opensearch_answers_get_and_head_only(client, site):
    path = url_in("en", "search:opensearch")
    assert client.head(path).status_code == 200
    assert client.post(path).status_code == 405


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize(
    ("name", "path", "status"), PAGES[:1] + PAGES[-2:], ids=["home", "search", "404"]
)
def test_pages_link_the_opensearch_description_in_their_head(
    client, site, lang, name, path, status
):
    response = client.get(path(site, lang))
    assert response.status_code == status
    doc = Document(response.content.decode())
    [link] = doc.find("link", rel="search")
    assert link["in_head"]
    assert link["attrs"]["type"] == "application/opensearchdescription+xml"
    assert link["attrs"]["href"] == url_in(lang, "search:opensearch")
    assert (
        link["attrs"]["title"]
        == {
            "fr": "Centre d'immunothérapie des cancers",
            "en": "Center for Cancer Immunotherapy",
        }[lang]
    )
    assert client.get(link["attrs"]["href"]).status_code == 200
