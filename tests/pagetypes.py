"""Finds every app's page types: each tests/<app>/pagetypes.py registers its own."""

import importlib
import pkgutil

import tests
from apps.core.pagetypes import page_types

_loaded = False


def all_page_types():
    global _loaded
    if not _loaded:
        for module in pkgutil.iter_modules(tests.__path__):
            if module.ispkg:
                try:
                    importlib.import_module(f"tests.{module.name}.pagetypes")
                except ModuleNotFoundError as exc:
                    if exc.name != f"tests.{module.name}.pagetypes":
                        raise
        _loaded = True
    return page_types()


LANGUAGES = ("fr", "en")


def page_cases():
    """(page type, language) pairs, for pytest.mark.parametrize."""
    return [(pt, lang) for pt in all_page_types() for lang in LANGUAGES]


def case_id(value):
    return str(value)
