"""Finds every app's page types: each tests/<app>/pagetypes.py registers its own."""

import contextlib
import importlib
import pkgutil

from django.conf import settings

import tests
from apps.core.pagetypes import page_types

_loaded = False


def indexed(populate):
    """A page type's populate function whose content the site search and the directories'
    text filters find: bulk-created rows send no signal, so the index is rebuilt after it."""

    def populate_and_index(size):
        from apps.search.indexing import rebuild

        data = populate(size)
        rebuild()
        return data

    return populate_and_index


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


def _settings_for(page_type):
    from django.test.utils import override_settings

    if page_type.settings:
        return override_settings(**page_type.settings)
    return contextlib.nullcontext()


def fetch(client, page_type, data, lang, *, log_in=True):
    """The page as the Django test client gets it: logged in, posted, or a plain GET.
    `log_in=False`: the caller has already logged the client in (or out) as the page needs."""
    if log_in:
        if page_type.user is not None:
            client.force_login(page_type.user(data))
        elif settings.SESSION_COOKIE_NAME in client.cookies:
            client.logout()
    # A page type of the 500 page answers with that page instead of raising in the test.
    client.raise_request_exception = page_type.status < 500
    path = page_type.path(data, lang)
    with _settings_for(page_type):
        if page_type.form is not None:
            return client.post(path, page_type.form(data, lang))
        return client.get(path)


_SEND_FORM = """values => {
    const form = document.querySelector('main form[method="post"]');
    for (const [name, value] of Object.entries(values)) {
        const field = form.elements.namedItem(name);
        if (field.type === 'checkbox') field.checked = Boolean(value);
        else field.value = value;
    }
    HTMLFormElement.prototype.submit.call(form);  // as sent, browser validation aside
}"""


def open_in_browser(page, base_url, page_type, data, lang):
    """Open the page in Chromium as a person reaches it; returns the document's response."""
    if page_type.user is not None:
        from django.test import Client

        client = Client()
        client.force_login(page_type.user(data))
        cookie = client.cookies[settings.SESSION_COOKIE_NAME]
        page.context.add_cookies(
            [{"name": cookie.key, "value": cookie.value, "url": base_url + "/"}]
        )
    url = base_url + page_type.path(data, lang)
    with _settings_for(page_type):
        response = page.goto(url)
        if page_type.form is not None:
            with page.expect_navigation() as navigation:
                page.evaluate(_SEND_FORM, page_type.form(data, lang))
            response = navigation.value
        page.wait_for_load_state()
    return response
