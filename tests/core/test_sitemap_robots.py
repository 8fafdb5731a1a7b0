import xml.etree.ElementTree as ET

import pytest

from tests.factories import HomePageFactory, SiteSettingsFactory

pytestmark = pytest.mark.django_db
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def test_sitemap_lists_pages_in_both_languages_with_alternates(client):
    SiteSettingsFactory()
    HomePageFactory()
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    locations = [u.find("s:loc", NS).text for u in root.findall("s:url", NS)]
    assert "http://testserver/fr/" in locations
    assert "http://testserver/en/" in locations
    for url in root.findall("s:url", NS):
        alternates = {link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)}
        assert set(alternates) == {"fr", "en"}
        assert url.find("s:loc", NS).text in alternates.values()
        if url.find("s:loc", NS).text == "http://testserver/fr/":
            assert alternates["en"] == "http://testserver/en/"


def test_robots_txt(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    body = response.content.decode()
    assert "Disallow: /admin/" in body
    assert "Sitemap: http://testserver/sitemap.xml" in body


def test_favicon_ico_redirects_to_the_static_file(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"].startswith("/static/img/favicon")
