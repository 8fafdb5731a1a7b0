"""Higher apps add to the home page and the menu through apps.core's registries."""

import json
import logging

import pytest

from apps.core import registry
from tests.factories import HomePageFactory, SiteSettingsFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def extra_block(tmp_path, settings):
    folder = tmp_path / "templates" / "blocks"
    folder.mkdir(parents=True)
    (folder / "_latest.html").write_text(
        '<section class="section" aria-label="Latest"><p>{{ block.headline }}</p></section>'
    )
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [*settings.TEMPLATES[0]["DIRS"], tmp_path / "templates"]}
    ]
    block = registry.HomeBlock(
        key="test-latest",
        template="blocks/_latest.html",
        context=lambda request: {"headline": f"Latest news for {request.LANGUAGE_CODE}"},
        order=5,
    )
    registry.register_home_block(block)
    yield block
    registry._home_blocks.pop(block.key)


def test_home_block_registered_by_another_app_shows_on_home(client, extra_block):
    SiteSettingsFactory()
    HomePageFactory()
    html = client.get("/en/").content.decode()
    assert "<p>Latest news for en</p>" in html


def test_a_top_block_shows_right_under_the_hero_and_not_below(client, extra_block):
    registry._home_blocks.pop(extra_block.key)
    top = registry.HomeBlock(**{**extra_block.__dict__, "slot": "top"})
    registry.register_home_block(top)
    SiteSettingsFactory()
    HomePageFactory()
    html = client.get("/en/").content.decode()
    assert html.count("<p>Latest news for en</p>") == 1
    hero_end = html.index("</section>", html.index('class="hero"'))
    assert hero_end < html.index("<p>Latest news for en</p>") < html.index('id="center"')
    assert top in registry.home_blocks("top") and top not in registry.home_blocks()


def test_navigation_entries_are_ordered_and_link_to_their_pages(client):
    SiteSettingsFactory()
    html = client.get("/fr/").content.decode()
    labels = [entry.key for entry in registry.nav_entries()]
    assert labels[0] == "home"
    assert 'href="/fr/patients/"' in html
    assert '<a href="/fr/" aria-current="page">Accueil</a>' in html


def test_logs_are_json_lines(capsys):
    from django.conf import settings
    from pythonjsonlogger.json import JsonFormatter

    fmt = settings.LOGGING["formatters"]["json"]
    formatter = JsonFormatter(fmt["fmt"], rename_fields=fmt["rename_fields"])
    record = logging.LogRecord(
        "apps.test", logging.WARNING, __file__, 1, "hello %s", ("world",), None
    )
    record.operation = "get"
    line = json.loads(formatter.format(record))
    assert line["level"] == "WARNING"
    assert line["logger"] == "apps.test"
    assert line["message"] == "hello world"
    assert line["operation"] == "get"
