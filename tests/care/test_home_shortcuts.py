"""The patients' shortcuts under the home page's hero: appointment, consultations, trials and the
contact form, one tap from the first screen, in both languages."""

import re

import pytest

from tests.factories import HomePageFactory, SiteSettingsFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("lang", "links"),
    [
        (
            "fr",
            {
                "/fr/patients/": "Prendre rendez-vous",
                "/fr/patients/consultations/": "Consultations",
                "/fr/patients/essais-cliniques/": "Essais cliniques",
                "/fr/contact/": "Nous écrire",
            },
        ),
        (
            "en",
            {
                "/en/patients/": "Make an appointment",
                "/en/patients/consultations/": "Consultations",
                "/en/patients/clinical-trials/": "Clinical trials",
                "/en/contact/": "Write to us",
            },
        ),
    ],
)
def test_home_offers_the_patients_shortcuts_right_under_the_hero(client, lang, links):
    SiteSettingsFactory()
    HomePageFactory()
    html = client.get(f"/{lang}/").content.decode()
    start = html.index('class="shortcuts"')
    shortcuts = html[start : html.index("</nav>", start)]
    assert html.index('class="hero"') < start < html.index('id="center"')
    found = dict(
        re.findall(r'<a class="shortcut" href="([^"]+)">.*?shortcut__label">([^<]+)<', shortcuts)
    )
    assert found == links
    # the icons are decoration: each link's name is its words
    assert shortcuts.count('aria-hidden="true"') == len(links)
