"""The registry of public page types, which the test suite walks.

Each app's tests declare their page types (tests/<app>/pagetypes.py) with `register_page_type`.
For every registered page and both languages the suite checks the status, axe-core in Chromium,
the Nu HTML Checker and that the number of queries does not grow with the data.

`populate(size)` creates data of about that size and returns what `path(data, language)` needs
to build the page's URL; the query-count check calls it at `small` and at `large`.

Most pages are a GET by an anonymous visitor. A page state reached otherwise says how:
`form(data, language)` gives the fields of a POST (the form is opened first, then sent, as a
person would), `user(data)` the account to log in with (a staff preview), and `settings` the
settings it is seen with (a URL configuration of the tests with a view that fails, for the 500
page; a rate limit already reached).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class PageType:
    name: str
    path: Callable[[Any, str], str]
    populate: Callable[[int], Any] = lambda size: None
    status: int = 200
    small: int = 2
    large: int = 20
    form: Callable[[Any, str], dict[str, Any]] | None = None
    user: Callable[[Any], Any] | None = None
    settings: dict[str, Any] | None = None

    def __str__(self) -> str:
        return self.name


_page_types: dict[str, PageType] = {}


def register_page_type(page_type: PageType) -> PageType:
    if page_type.name in _page_types:
        raise ValueError(f"page type {page_type.name!r} is registered twice")
    _page_types[page_type.name] = page_type
    return page_type


def page_types() -> list[PageType]:
    return [_page_types[name] for name in sorted(_page_types)]
