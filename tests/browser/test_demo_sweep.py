"""The demo content that `make run` shows, checked page by page as visitors will see it.

Every address of the sitemap (both languages), plus the pages it does not list (filtered lists,
"no result" states, the contact form, a missing page), in one Chromium: the expected status, no
axe-core violation (WCAG 2.1 A/AA) at desktop width, no console or CSP error, no sideways
scrolling at 320 px, a number to call in a phone's first screen; then every page's HTML through
one run of the Nu HTML Checker. axe runs at desktop width on the first AXE_PER_KIND pages of each
kind (view and language: 49 profiles share one template) and at 320 px on the first of each;
the other checks run on every page. A run of axe costs about half a second.
Factory data is tidy; the demo's real titles and texts are what found the overflows.
"""

from __future__ import annotations

import io
import time
from collections import Counter
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import Resolver404, resolve
from django.utils import translation

from tests.conftest import check_in_browser, run_vnu
from tests.demo_pages import sitemap_paths, unlisted_pages

pytestmark = pytest.mark.browser

AXE_PER_KIND = 5


def test_demo_content_sweep(transactional_db, live_server, page, axe_source, tmp_path):
    call_command("load_demo", stdout=io.StringIO())
    client = Client()
    listed = sitemap_paths(client)
    assert len(listed) >= 50, f"the demo sitemap lists only {len(listed)} pages"
    assert any(p.startswith("/fr/") for p in listed) and any(p.startswith("/en/") for p in listed)
    pages = [(path, 200) for path in listed] + unlisted_pages()

    started = time.monotonic()
    problems: dict[str, object] = {}
    documents: dict[str, str] = {}
    kinds_seen: Counter[tuple[str, bool]] = Counter()
    for path, expected in pages:
        page.console_problems.clear()
        response = page.goto(live_server.url + path)
        if response.status != expected:
            problems[path] = f"status {response.status}, expected {expected}"
            continue
        documents[path] = response.text()
        kind = (page_kind(path), "?" in path)
        found = check_in_browser(
            page,
            axe_source,
            narrow_axe=kinds_seen[kind] == 0,
            desktop_axe=kinds_seen[kind] < AXE_PER_KIND,
        )
        kinds_seen[kind] += 1
        if found:
            problems[path] = found
    browser_seconds = time.monotonic() - started

    errors = run_vnu(documents, tmp_path)  # one run, fails unless every page was checked
    for path, found in errors.items():
        if found:
            problems.setdefault(path, []).append({"Nu HTML Checker": found})  # type: ignore[union-attr]
    print(
        f"demo sweep: {len(pages)} pages ({len(listed)} from the sitemap, "
        f"{len(kinds_seen)} kinds) in "
        f"{browser_seconds:.0f} s of browser checks, {time.monotonic() - started:.0f} s in all"
    )
    assert problems == {}, "\n".join(f"{path}: {found}" for path, found in problems.items())


def page_kind(path: str) -> str:
    """The view and language of an address ("fr teams:detail"), or the path for one that does
    not resolve."""
    url = urlsplit(path).path
    language = url.split("/")[1]
    try:
        with translation.override(language):  # the English paths resolve in English
            match = resolve(url)
    except Resolver404:
        return url
    return f"{language} {match.view_name}"
