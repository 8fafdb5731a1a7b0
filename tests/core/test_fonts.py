"""The web fonts: self-hosted woff2 files, Latin subset, at most 60 KB in all, shown with
`font-display: swap` and preloaded from every page's <head>."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders

from tests.factories import SiteSettingsFactory

STATIC = Path(settings.BASE_DIR) / "static"
CSS = (STATIC / "css" / "site.css").read_text()
FACES = re.findall(r"@font-face\s*{([^}]*)}", CSS)


def test_every_font_face_is_a_local_woff2_shown_at_once():
    assert len(FACES) == 2
    for face in FACES:
        assert "font-display: swap" in face
        assert "unicode-range:" in face
        urls = re.findall(r'url\("([^"]+)"\)', face)
        assert urls and all(u.startswith("../fonts/") and u.endswith(".woff2") for u in urls)
        for url in urls:
            assert (STATIC / "css" / url).resolve().is_file()


def test_the_fonts_weigh_at_most_60_kb_and_carry_their_licence():
    fonts = sorted((STATIC / "fonts").glob("*.woff2"))
    assert fonts
    for font in fonts:
        assert font.read_bytes()[:4] == b"wOF2"
    assert sum(f.stat().st_size for f in fonts) <= 60 * 1024
    assert sorted((STATIC / "fonts").glob("OFL-*.txt"))


@pytest.mark.django_db
def test_every_page_preloads_the_fonts_it_uses(client):
    SiteSettingsFactory()
    head = client.get("/fr/").content.decode().split("</head>")[0]
    preloads = re.findall(
        r'<link rel="preload" href="([^"]+)" as="font" type="font/woff2" crossorigin>', head
    )
    assert len(preloads) == 2
    for href in preloads:
        assert href.startswith(settings.STATIC_URL)
        assert finders.find(href.removeprefix(settings.STATIC_URL))
