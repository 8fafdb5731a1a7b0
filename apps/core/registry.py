"""Registries that apps fill in their AppConfig.ready(), so apps.core imports no other app.

- navigation: entries of the main menu;
- home blocks: sections that higher apps add to the home page (latest news, teams, MC21);
- sitemaps: one Sitemap class per public model or page group;
- search sources: what the site search (apps.search) indexes, and what changes it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class NavEntry:
    key: str
    label: Any  # a lazy translation
    url_name: str
    order: int = 100

    @property
    def url(self) -> str:
        from django.urls import reverse

        return reverse(self.url_name)


@dataclass(frozen=True)
class HomeBlock:
    """A section of the home page: a template and a function that makes its context."""

    key: str
    template: str
    context: Callable[[Any], dict] = field(default=lambda request: {})
    order: int = 100


@dataclass(frozen=True)
class DetailBlock:
    """A section a higher app adds to a lower app's detail page (a team's news, a person's
    trials): `context(request, obj)` returns the template's context, or None to show nothing."""

    key: str
    model: str  # "teams.team"
    template: str
    context: Callable[[Any, Any], dict | None]
    order: int = 100


@dataclass(frozen=True)
class MenuLink:
    """A link of the main menu or the footer, as the templates show it."""

    key: str
    label: Any
    url: str
    order: int = 100
    note: str = ""


_menu_providers: list[Callable[[Any], dict[str, list[MenuLink]]]] = []


def register_menu_provider(provider: Callable[[Any], dict[str, list[MenuLink]]]) -> None:
    """`provider(request)` returns {"main": [...], "footer": [...]} links chosen by editors."""
    if provider not in _menu_providers:
        _menu_providers.append(provider)


def menus(request) -> dict[str, list[MenuLink]]:
    main = [MenuLink(e.key, e.label, e.url, e.order) for e in nav_entries()]
    footer: list[MenuLink] = []
    for provider in _menu_providers:
        extra = provider(request)
        main += extra.get("main", [])
        footer += extra.get("footer", [])
    return {
        "main": sorted(main, key=lambda link: (link.order, str(link.label))),
        "footer": sorted(footer, key=lambda link: (link.order, str(link.label))),
    }


_nav: dict[str, NavEntry] = {}
_detail_blocks: dict[str, DetailBlock] = {}
_home_blocks: dict[str, HomeBlock] = {}
_sitemaps: dict[str, type] = {}


def register_nav(entry: NavEntry) -> None:
    _nav[entry.key] = entry


def nav_entries() -> list[NavEntry]:
    return sorted(_nav.values(), key=lambda e: (e.order, e.key))


def register_home_block(block: HomeBlock) -> None:
    _home_blocks[block.key] = block


def home_blocks() -> list[HomeBlock]:
    return sorted(_home_blocks.values(), key=lambda b: (b.order, b.key))


def register_detail_block(block: DetailBlock) -> None:
    _detail_blocks[block.key] = block


def detail_blocks(model_label: str) -> list[DetailBlock]:
    blocks = [b for b in _detail_blocks.values() if b.model == model_label]
    return sorted(blocks, key=lambda b: (b.order, b.key))


def register_sitemap(name: str, sitemap_class: type) -> None:
    _sitemaps[name] = sitemap_class


def sitemaps() -> dict[str, type]:
    return dict(sorted(_sitemaps.items()))


@dataclass(frozen=True)
class DemoLoader:
    """Creates an app's demo content. Must be idempotent and must not overwrite editors' work:
    it creates what is missing and leaves existing rows alone."""

    key: str
    load: Callable[[], list[str]]  # returns a line per object it created
    order: int = 100


_demo_loaders: dict[str, DemoLoader] = {}


def register_demo_loader(loader: DemoLoader) -> None:
    _demo_loaders[loader.key] = loader


def demo_loaders() -> list[DemoLoader]:
    return sorted(_demo_loaders.values(), key=lambda d: (d.order, d.key))


@dataclass(frozen=True)
class SearchSource:
    """A model whose objects the site search finds (read by apps.search).

    `texts(obj)` returns the French and English text of one object: a dict with the keys
    title_fr, title_en, summary_fr, summary_en, body_fr, body_en (plain text; an empty English
    value falls back to the French one), and optionally names (other names found despite a
    typo, as titles are). `public()` is the queryset of what visitors may see now:
    the search joins back to it at query time, so scheduled content appears and disappears on its
    own. `prefetch(queryset)` adds what `texts` reads, so a rebuild runs a fixed number of queries.
    `m2m` lists many-to-many fields (through models) whose changes change the text. `url(obj)`
    gives the address of an object with no page of its own (default: its get_absolute_url()),
    called in each language.
    """

    key: str  # the ?type= value: "team", "person", "article"...
    model: type
    texts: Callable[[Any], dict[str, str]]
    public: Callable[[], Any]
    label: Any  # plural, lazy: "Teams"
    prefetch: Callable[[Any], Any] = field(default=lambda queryset: queryset)
    m2m: tuple = ()
    order: int = 100
    url: Callable[[Any], str] | None = None


@dataclass(frozen=True)
class SearchDependency:
    """A model whose changes change other objects' search text (a membership changes its team's
    and its person's): `objects(instance)` returns those objects."""

    key: str
    model: type
    objects: Callable[[Any], Any]


_search_sources: dict[str, SearchSource] = {}
_search_dependencies: dict[str, SearchDependency] = {}


def register_search_source(source: SearchSource) -> None:
    _search_sources[source.key] = source


def search_sources() -> list[SearchSource]:
    return sorted(_search_sources.values(), key=lambda s: (s.order, s.key))


def register_search_dependency(dependency: SearchDependency) -> None:
    _search_dependencies[dependency.key] = dependency


def search_dependencies() -> list[SearchDependency]:
    return sorted(_search_dependencies.values(), key=lambda d: d.key)


_text_filter: list[Callable[..., Any]] = []


def register_text_filter(function: Callable[..., Any]) -> None:
    """The site search registers `function(queryset, text, ranked)`: the objects of `queryset`
    that match what a visitor typed, best first when `ranked`, else in the queryset's order.
    Directories use it through text_filter()."""
    _text_filter[:] = [function]


def text_filter(queryset, text: str, *, ranked: bool = True):
    """A directory's text filter (people, teams, trials), by the site search's engine: typos,
    accents, stemming and titles ("Dr") handled as in the search page."""
    if not _text_filter:
        from django.core.exceptions import ImproperlyConfigured

        raise ImproperlyConfigured("No text filter is registered: is apps.search installed?")
    return _text_filter[0](queryset, text, ranked)
