"""Issue 14, item 3: contact points, consultations, trials, teams and profiles have an owner and
a "review by" date; the dashboard lists each owner's overdue reviews; patient pages say when
their information was checked."""

from __future__ import annotations

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from apps.care.models import ContactPoint
from apps.core.roles import SITE_EDITORS
from tests.care.factories import ClinicalTrialFactory, ConsultationFactory, ContactPointFactory
from tests.factories import HomePageFactory, SiteSettingsFactory, StaffFactory, staff_in
from tests.teams.factories import PersonFactory, TeamFactory

pytestmark = pytest.mark.django_db
DAY = datetime.timedelta(days=1)


def test_the_review_date_follows_each_check_with_the_period_of_its_kind(settings):
    today = timezone.localdate()
    point = ContactPointFactory(checked_on=today)
    assert point.review_by == today + 180 * DAY
    trial = ClinicalTrialFactory(checked_on=today)
    assert trial.review_by == today + 90 * DAY
    team = TeamFactory(checked_on=today)
    assert team.review_by == today + 365 * DAY
    assert PersonFactory().review_by is None, "never checked: no date"

    point = ContactPoint.objects.get(pk=point.pk)
    point.checked_on = today + 10 * DAY  # checked again: the next review moves
    point.save()
    assert point.review_by == today + 190 * DAY
    point = ContactPoint.objects.get(pk=point.pk)
    point.checked_on, point.review_by = today + 20 * DAY, today + 30 * DAY  # set by hand
    point.save()
    assert point.review_by == today + 30 * DAY

    settings.REVIEW_PERIOD_DAYS = {**settings.REVIEW_PERIOD_DAYS, "care.contactpoint": 7}
    assert ContactPointFactory(checked_on=today).review_by == today + 7 * DAY


@pytest.fixture
def editor():
    SiteSettingsFactory()
    HomePageFactory()
    user = staff_in(SITE_EDITORS, first_name="Claire", last_name="Relue")
    client = Client(HTTP_ACCEPT_LANGUAGE="fr")
    client.force_login(user)
    return user, client


def test_lists_show_and_filter_reviews_and_mark_them_checked(editor):
    user, client = editor
    today = timezone.localdate()
    late = ContactPointFactory(name_fr="Accueil en retard", owner=user)
    ContactPoint.objects.filter(pk=late.pk).update(
        checked_on=today - 200 * DAY, review_by=today - 20 * DAY
    )
    ContactPointFactory(name_fr="Accueil à jour", checked_on=today)
    ContactPointFactory(name_fr="Accueil jamais vu")

    listing = client.get("/admin/care/contactpoint/").content.decode()
    overdue_since = (today - 20 * DAY).strftime("%d/%m/%Y")
    assert f'<span class="review-state--overdue">En retard depuis le {overdue_since}</span>' in (
        listing
    )
    assert "Jamais vérifié" in listing
    for value, shown, hidden in (
        ("overdue", "Accueil en retard", "Accueil à jour"),
        ("never", "Accueil jamais vu", "Accueil en retard"),
        ("mine", "Accueil en retard", "Accueil jamais vu"),
    ):
        html = client.get(f"/admin/care/contactpoint/?review={value}").content.decode()
        assert shown in html and hidden not in html, value

    response = client.post(
        "/admin/care/contactpoint/",
        {"action": "mark_checked_today", "_selected_action": [late.pk]},
        follow=True,
    )
    assert "1 élément marqué comme vérifié aujourd’hui." in response.content.decode()
    late.refresh_from_db()
    assert (late.checked_on, late.review_by) == (today, today + 180 * DAY)


def test_the_form_has_a_review_section_with_staff_as_owners(editor):
    user, client = editor
    StaffFactory(username="gone", is_active=False)
    visitor = StaffFactory(username="not-staff", is_staff=False)
    point = ContactPointFactory()
    html = client.get(f"/admin/care/contactpoint/{point.pk}/change/").content.decode()
    assert "<h2>Vérification</h2>" in html or ">Vérification</h2>" in html
    owner_select = html[
        html.index('name="owner"') : html.index("</select>", html.index('name="owner"'))
    ]
    assert f'value="{user.pk}"' in owner_select
    assert f'value="{visitor.pk}"' not in owner_select and "gone" not in owner_select


def test_the_dashboard_lists_my_overdue_reviews_only(editor):
    user, client = editor
    other = staff_in(SITE_EDITORS)
    today = timezone.localdate()
    mine = ConsultationFactory(name_fr="Ma consultation", owner=user)
    theirs = ConsultationFactory(name_fr="Leur consultation", owner=other)
    for item in (mine, theirs):
        type(item).objects.filter(pk=item.pk).update(review_by=today - 3 * DAY)
    html = client.get("/admin/").content.decode()
    start = html.index('id="dash-reviews"')
    reviews = html[start : html.index("</section>", start)]
    assert "Ma consultation" in reviews and "3 jours de retard" in reviews
    assert "Leur consultation" not in reviews


def test_patient_pages_say_when_their_information_was_checked(client):
    SiteSettingsFactory()
    HomePageFactory()
    checked = datetime.date(2026, 11, 3)
    point = ContactPointFactory(name_fr="Accueil des patients", checked_on=checked)
    consultation = ConsultationFactory(checked_on=checked)
    trial = ClinicalTrialFactory(checked_on=checked)
    unchecked = ConsultationFactory()
    for url in ("/fr/patients/", consultation.get_absolute_url(), trial.get_absolute_url()):
        html = client.get(url).content.decode()
        assert (
            '<p class="checked-on">Informations vérifiées le '
            '<time datetime="2026-11-03">3 novembre 2026</time>.</p>' in html
        ), url
    assert point.checked_on == checked
    assert "checked-on" not in client.get(unchecked.get_absolute_url()).content.decode()
    english = client.get("/en/patients/").content.decode()
    assert 'Information checked on <time datetime="2026-11-03">Nov. 3, 2026</time>.' in english


def test_the_home_pages_patients_box_is_reviewed_too(client):
    """The "patients texts" of issue 14: the home page's patients box has an owner and a review
    date, and says when it was checked."""
    import datetime as dt

    from apps.pages.models import HomePage

    SiteSettingsFactory()
    home = HomePageFactory()
    HomePage.objects.filter(pk=home.pk).update(checked_on=dt.date(2026, 11, 3))
    html = client.get("/fr/").content.decode()
    box = html[html.index('id="patients-title"') :]
    assert 'Informations vérifiées le <time datetime="2026-11-03">3 novembre 2026</time>.' in box
    home.refresh_from_db()
    home.checked_on = dt.date(2026, 12, 1)
    home.save()
    assert home.review_by == dt.date(2026, 12, 1) + dt.timedelta(days=180)


def test_the_checked_on_line_is_valid_html_where_it_shows(client, tmp_path):
    """The new state of the patient pages (a check date shown) passes the Nu HTML Checker, in
    both languages: the patients page, a consultation, a trial and the home page."""
    from apps.pages.models import HomePage
    from tests.conftest import run_vnu

    SiteSettingsFactory()
    home = HomePageFactory()
    checked = datetime.date(2026, 11, 3)
    HomePage.objects.filter(pk=home.pk).update(checked_on=checked)
    ContactPointFactory(checked_on=checked)
    consultation = ConsultationFactory(checked_on=checked)
    trial = ClinicalTrialFactory(checked_on=checked)
    documents = {}
    for language in ("fr", "en"):
        from django.utils import translation

        with translation.override(language):
            paths = [
                "/" + language + "/",
                consultation.get_absolute_url(),
                trial.get_absolute_url(),
            ]
        paths.append("/fr/patients/" if language == "fr" else "/en/patients/")
        for path in paths:
            response = client.get(path)
            assert response.status_code == 200, path
            html = response.content.decode()
            assert 'class="checked-on"' in html, path
            documents[path] = html
    errors = run_vnu(documents, tmp_path)
    assert not {name: found for name, found in errors.items() if found}
