"""Issue 15, item 7 (bytes on the wire): pages are sent gzipped to clients that accept it, with
`Vary: Accept-Encoding`; the CSS and JavaScript a page loads stay under 50 KB compressed."""

from __future__ import annotations

import gzip
import re

import pytest
from django.contrib.staticfiles import finders

from tests.pagetypes import all_page_types, fetch

pytestmark = pytest.mark.django_db


def test_pages_are_gzipped_for_clients_that_accept_it(client):
    from tests.factories import HomePageFactory, SiteSettingsFactory

    SiteSettingsFactory()
    HomePageFactory()
    plain = client.get("/fr/")
    assert "Content-Encoding" not in plain
    packed = client.get("/fr/", HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert packed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in packed["Vary"]
    assert gzip.decompress(packed.content) == plain.content
    assert len(packed.content) < len(plain.content) / 3


def _assets(html: str) -> set[str]:
    found = re.findall(r'<link[^>]+rel="stylesheet"[^>]+href="/static/([^"?]+)', html)
    found += re.findall(r'<script[^>]+src="/static/([^"?]+)', html)
    return set(found)


def test_each_page_types_css_and_javascript_stay_under_50_kb_compressed(client):
    heaviest = {}
    for page_type in all_page_types():
        data = page_type.populate(page_type.small)
        response = fetch(client, page_type, data, "fr")
        assets = _assets(response.content.decode())
        total = 0
        for asset in assets:
            path = finders.find(asset)
            assert path, asset
            with open(path, "rb") as file:
                total += len(gzip.compress(file.read(), compresslevel=9))
        heaviest[str(page_type)] = total
    assert heaviest, "page types were measured"
    too_heavy = {name: size for name, size in heaviest.items() if size > 50_000}
    assert not too_heavy, too_heavy
    assert max(heaviest.values()) > 1_000, "the site's stylesheet at least is counted"
