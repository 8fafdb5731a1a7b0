"""A French text shown on an English page for want of an English one is marked lang="fr" on its
own element (RGAA 8.7, WCAG 3.1.2): titles, leads, bodies, breadcrumbs, cards and prev/next links.
Once the English text is written, nothing is marked."""

import datetime
from html.parser import HTMLParser

import pytest
from django.utils import translation

from tests.care.factories import ConsultationFactory
from tests.factories import HomePageFactory, PageFactory, SiteSettingsFactory
from tests.news.factories import EventFactory, NewsArticleFactory
from tests.teams.factories import PersonFactory, TeamFactory

pytestmark = pytest.mark.django_db

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}

# Each object's translated texts: field -> (French, English).
CASES = {
    "article": (
        NewsArticleFactory,
        {
            "title": ("L'essai qui change tout", "The trial that changes everything"),
            "lead": ("Un chapô écrit en français.", "A lead written in English."),
            "body": ("<p>Le corps de l'article, en français.</p>", "<p>The article's body.</p>"),
        },
    ),
    "event": (
        EventFactory,
        {
            "title": ("Séminaire d'immunologie", "Immunology seminar"),
            "summary": ("Un résumé de l'événement.", "A summary of the event."),
            "description": ("<p>La description détaillée.</p>", "<p>The full description.</p>"),
            "place": ("Amphithéâtre Marie Curie", "Marie Curie lecture theatre"),
        },
    ),
    "team": (
        TeamFactory,
        {
            "name": ("Équipe d'immunité tumorale", "Tumour immunity team"),
            "summary": ("L'équipe étudie les lymphocytes.", "The team studies lymphocytes."),
            "description": ("<p>Présentation de l'équipe.</p>", "<p>About the team.</p>"),
        },
    ),
    "person": (
        PersonFactory,
        {
            "position": ("Chercheuse en immunologie", "Researcher in immunology"),
            "bio": ("Elle a étudié à Paris.", "She studied in Paris."),
        },
    ),
    "page": (
        PageFactory,
        {
            "title": ("Qui sommes-nous ?", "Who we are"),
            "intro": ("L'introduction de la page.", "The page's introduction."),
            "body": ("<p>Le texte de la page.</p>", "<p>The text of the page.</p>"),
        },
    ),
    "consultation": (
        ConsultationFactory,
        {
            "name": ("Consultation d'immunothérapie", "Immunotherapy clinic"),
            "summary": ("Pour les patients adressés.", "For referred patients."),
            "description": ("<p>Comment se passe la consultation.</p>", "<p>How it goes.</p>"),
        },
    ),
}


@pytest.fixture(autouse=True)
def _site():
    # Objects are saved in French, as editors do: a save while English is active (the language a
    # previous test's request may leave) can write a French text into an English column.
    with translation.override("fr"):
        SiteSettingsFactory()
        HomePageFactory()
        yield


class _Node:
    def __init__(self, tag, attrs, parent):
        self.tag, self.attrs, self.parent, self.children = tag, dict(attrs), parent, []

    def text(self) -> str:
        parts = [c if isinstance(c, str) else c.text() for c in self.children]
        return " ".join("".join(parts).split())

    def elements(self):
        yield self
        for child in self.children:
            if isinstance(child, _Node):
                yield from child.elements()

    def lang_carrier(self):
        """The nearest element, this one or an ancestor, that says the language."""
        node = self
        while node is not None and "lang" not in node.attrs:
            node = node.parent
        return node


class _Tree(HTMLParser):
    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.root = self.current = _Node("#document", (), None)
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        node = _Node(tag, attrs, self.current)
        self.current.children.append(node)
        if tag not in VOID:
            self.current = node

    def handle_startendtag(self, tag, attrs):
        self.current.children.append(_Node(tag, attrs, self.current))

    def handle_endtag(self, tag):
        node = self.current
        while node is not self.root and node.tag != tag:
            node = node.parent
        if node is not self.root:
            self.current = node.parent

    def handle_data(self, data):
        self.current.children.append(data)


def _text(fragment: str) -> str:
    return _Tree(fragment).root.text()


def _main(html: str) -> _Node:
    return next(node for node in _Tree(html).root.elements() if node.tag == "main")


def _showing(main: _Node, value: str) -> list[_Node]:
    """The innermost elements whose whole text is `value` (plain text or rich text)."""
    text = _text(value)
    found = [node for node in main.elements() if node.text() == text]
    ids = {id(node) for node in found}
    return [node for node in found if not any(id(n) in ids for n in list(node.elements())[1:])]


def _assert_french(main: _Node, value: str, what: str):
    elements = _showing(main, value)
    assert elements, f"{what}: {value!r} not shown"
    for element in elements:
        carrier = element.lang_carrier()
        assert carrier.attrs["lang"] == "fr", f"{what} in <{element.tag}> is not marked French"
        # The mark is on the passage itself, not on an element that also holds English text.
        assert carrier.text() == _text(value), f"{what}: lang on <{carrier.tag}> holds more"


def _assert_english(main: _Node, value: str, what: str):
    elements = _showing(main, value)
    assert elements, f"{what}: {value!r} not shown"
    for element in elements:
        assert element.lang_carrier().attrs["lang"] == "en", what


def _make(kind: str, english: bool):
    factory, texts = CASES[kind]
    values = {}
    for field, (french, in_english) in texts.items():
        values[f"{field}_fr"] = french
        values[f"{field}_en"] = in_english if english else ""
    return factory(**values)


def _english_page(client, obj) -> str:
    with translation.override("en"):
        url = obj.get_absolute_url()
    response = client.get(url)
    assert response.status_code == 200, url
    html = response.content.decode()
    assert '<html lang="en">' in html
    return html


@pytest.mark.parametrize("kind", CASES)
def test_french_texts_standing_in_for_english_ones_are_marked(client, kind):
    main = _main(_english_page(client, _make(kind, english=False)))
    for field, (french, _english) in CASES[kind][1].items():
        _assert_french(main, french, f"{kind}.{field}")


@pytest.mark.parametrize("kind", CASES)
def test_english_texts_are_not_marked(client, kind):
    html = _english_page(client, _make(kind, english=True))
    main = _main(html)
    for field, (french, english) in CASES[kind][1].items():
        _assert_english(main, english, f"{kind}.{field}")
        assert _text(french) not in main.text()
    assert not [node.tag for node in main.elements() if node.attrs.get("lang") == "fr"]


def test_a_french_title_in_the_prev_next_links_is_marked_on_its_own(client):
    NewsArticleFactory(title_fr="L'ancienne actualité", title_en="", date=datetime.date(2024, 1, 1))
    article = NewsArticleFactory(title_en="A news item", date=datetime.date(2024, 6, 1))
    main = _main(_english_page(client, article))
    _assert_french(main, "L'ancienne actualité", "older link")
    link = next(node for node in main.elements() if node.attrs.get("rel") == "prev")
    assert "lang" not in link.attrs and link.text() == "Older L'ancienne actualité"


def test_news_cards_of_an_untranslated_article_are_marked_on_lists_and_home(client):
    NewsArticleFactory(title_fr="Une actualité non traduite", title_en="", lead_en="")
    NewsArticleFactory(title_fr="Une actualité traduite", title_en="A translated news item")
    for url in ("/en/news/", "/en/"):
        response = client.get(url)
        assert response.status_code == 200, url
        main = _main(response.content.decode())
        _assert_french(main, "Une actualité non traduite", url)
        _assert_french(main, "Chapô de l'article.", url)
        _assert_english(main, "A translated news item", url)
        _assert_english(main, "Lead of the article.", url)
        # Only the untranslated card's title is marked, on its link.
        marked = [
            node.text()
            for node in main.elements()
            if node.attrs.get("lang") == "fr" and node.parent.attrs.get("class") == "card__title"
        ]
        assert marked == ["Une actualité non traduite"], url
