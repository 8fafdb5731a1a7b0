"""Registries that apps fill in their AppConfig.ready(), so apps.core imports no other app.

- navigation: entries of the main menu and the footer's links;
- site map sections: what the HTML site map for people lists (apps.core.views.SiteMapView);
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
    """An entry of the main menu (register_nav) or of the footer's links (register_footer_link).

    `priority`: when the desktop bar is too narrow for every entry, the entries of lowest
    priority (the last first) go under "More"; the patients' entry has the highest."""

    key: str
    label: Any  # a lazy translation
    url_name: str
    order: int = 100
    priority: int = 0

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
    slot: str = "main"  # "top": right under the hero (the patients' shortcuts); "main": below


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
    priority: int = 0


_menu_providers: list[Callable[[Any], dict[str, list[MenuLink]]]] = []


def register_menu_provider(provider: Callable[[Any], dict[str, list[MenuLink]]]) -> None:
    """`provider(request)` returns {"main": [...], "footer": [...]} links chosen by editors."""
    if provider not in _menu_providers:
        _menu_providers.append(provider)


def menus(request) -> dict[str, list[MenuLink]]:
    main = [MenuLink(e.key, e.label, e.url, e.order, priority=e.priority) for e in nav_entries()]
    footer = [MenuLink(e.key, e.label, e.url, e.order) for e in footer_entries()]
    for provider in _menu_providers:
        extra = provider(request)
        main += extra.get("main", [])
        footer += extra.get("footer", [])
    return {
        "main": sorted(main, key=lambda link: (link.order, str(link.label))),
        "footer": sorted(footer, key=lambda link: (link.order, str(link.label))),
    }


# How much of the desktop menu bar the server fills before it puts the rest under "More", in
# characters of an average label: a link costs its label plus MENU_LINK_EXTRA (its padding and
# the gap), the "More" entry MENU_MORE_COST. It is an estimate for browsers without JavaScript;
# with it, static/js/site.js measures the bar and moves entries to and from "More" itself.
MENU_BAR_WIDTH = 112
MENU_LINK_EXTRA = 4
MENU_MORE_COST = 10


def split_main_menu(
    links: list[MenuLink], width: int = MENU_BAR_WIDTH
) -> tuple[list[MenuLink], list[MenuLink]]:
    """The links of the desktop bar and those under "More", each in menu order. While the bar
    would be too wide, the link of lowest priority leaves it (of equal ones, the last)."""

    def cost(link: MenuLink) -> int:
        return len(str(link.label)) + MENU_LINK_EXTRA

    bar = list(links)
    if sum(map(cost, bar)) <= width:
        return bar, []
    more: list[MenuLink] = []
    while len(bar) > 1 and sum(map(cost, bar)) + MENU_MORE_COST > width:
        index = max(range(len(bar)), key=lambda i: (-bar[i].priority, i))
        more.append(bar.pop(index))
    order = {id(link): position for position, link in enumerate(links)}
    return bar, sorted(more, key=lambda link: order[id(link)])


_nav: dict[str, NavEntry] = {}
_detail_blocks: dict[str, DetailBlock] = {}
_home_blocks: dict[str, HomeBlock] = {}
_sitemaps: dict[str, type] = {}


def register_nav(entry: NavEntry) -> None:
    _nav[entry.key] = entry


def nav_entries() -> list[NavEntry]:
    return sorted(_nav.values(), key=lambda e: (e.order, e.key))


_footer: dict[str, NavEntry] = {}


def register_footer_link(entry: NavEntry) -> None:
    """A link of the footer's list, beside the pages editors put there (legal pages...)."""
    _footer[entry.key] = entry


def footer_entries() -> list[NavEntry]:
    return sorted(_footer.values(), key=lambda e: (e.order, e.key))


def register_home_block(block: HomeBlock) -> None:
    _home_blocks[block.key] = block


def home_blocks(slot: str = "main") -> list[HomeBlock]:
    blocks = [b for b in _home_blocks.values() if b.slot == slot]
    return sorted(blocks, key=lambda b: (b.order, b.key))


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
class SiteMapLink:
    """A page of the HTML site map, with the pages below it (`children`, SiteMapLinks)."""

    label: Any
    url: str
    children: tuple = ()
    lang: str = ""  # the language of the label, when it is not the page's


@dataclass(frozen=True)
class SiteMapSection:
    """A heading of the HTML site map; apps fill it with parts (SiteMapPart)."""

    key: str
    title: Any  # a lazy translation
    order: int = 100


@dataclass(frozen=True)
class SiteMapPart:
    """What an app lists in a section of the HTML site map: `links(request)` returns its
    SiteMapLinks in a fixed number of queries, whatever the amount of content."""

    key: str
    section: str
    links: Callable[[Any], list[SiteMapLink]]
    order: int = 100


_site_map_sections: dict[str, SiteMapSection] = {}
_site_map_parts: dict[str, SiteMapPart] = {}


def register_site_map_section(section: SiteMapSection) -> None:
    _site_map_sections[section.key] = section


def register_site_map_part(part: SiteMapPart) -> None:
    _site_map_parts[part.key] = part


def site_map(request) -> list[dict]:
    """The HTML site map: [{"key", "title", "links"}] in section order, sections with no link
    left out (and so are parts of a section nobody registered)."""
    parts = sorted(_site_map_parts.values(), key=lambda p: (p.order, p.key))
    sections = []
    for section in sorted(_site_map_sections.values(), key=lambda s: (s.order, s.key)):
        links = [
            link for part in parts if part.section == section.key for link in part.links(request)
        ]
        if links:
            sections.append({"key": section.key, "title": section.title, "links": links})
    return sections


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
class ScaleLoader:
    """Adds an app's rows at institute scale (apps.core.scale): `make(run)` bulk-creates them,
    reading and filling `run.made`; `models` are those it writes, whose rows the command counts
    before it starts (a database holding others is someone's content)."""

    key: str
    make: Callable
    models: tuple = ()
    order: int = 100


_scale_loaders: dict[str, ScaleLoader] = {}


def register_scale_loader(loader: ScaleLoader) -> None:
    _scale_loaders[loader.key] = loader


def scale_loaders() -> list[ScaleLoader]:
    return sorted(_scale_loaders.values(), key=lambda d: (d.order, d.key))


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
