"""Changes to live content kept as a draft (issue 13, item 3): on a live item, "Save the changes
as a draft" keeps the published version public and stores the changes; the editor reopens and
previews them, publishes them now, schedules them ("publish the changes at …") or discards them.
Visitors see the live version until then; scheduled changes go live on the first request after
their time, with no scheduler."""

from __future__ import annotations

import datetime
import re
from unittest import mock

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from apps.core.models import PendingChange, Redirect
from apps.core.pending import publish_due
from apps.core.versions import history_of
from apps.news.models import NewsArticle
from apps.teams.models import Membership, Team
from tests.admin_forms import form_values
from tests.factories import SiteEditorFactory, SiteSettingsFactory
from tests.news.factories import NewsArticleFactory
from tests.teams.factories import MembershipFactory, PersonFactory, TeamFactory

pytestmark = pytest.mark.django_db

SAVED_AS_DRAFT = "Vos modifications sont enregistrées comme brouillon"
NOTICE = "Modifications pas encore publiées."


@pytest.fixture
def editor():
    SiteSettingsFactory()
    cache.clear()
    client = Client(HTTP_ACCEPT_LANGUAGE="fr")
    client.force_login(SiteEditorFactory(username="claire", first_name="Claire"))
    return client


def article_url(article) -> str:
    return f"/admin/news/newsarticle/{article.pk}/change/"


def press(client, url, form_id, button, **changes):
    html = client.get(url).content.decode()
    values = form_values(html, form_id)
    values.update(changes)
    values[button] = "x"
    return client.post(url, values, follow=True)


def public(obj, language="fr") -> str:
    response = Client(HTTP_ACCEPT_LANGUAGE=language).get(obj.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def local_input(moment: datetime.datetime) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%dT%H:%M")


def team_editor_of(team):
    """A team editor of `team`, and a client logged in as them (French)."""
    from tests.factories import TeamEditorFactory

    member = TeamEditorFactory()
    team.editors.add(member)
    client = Client(HTTP_ACCEPT_LANGUAGE="fr")
    client.force_login(member)
    return member, client


def test_a_draft_of_changes_keeps_the_live_version_public(editor):
    article = NewsArticleFactory(
        status="published", title_fr="Titre en ligne", title_en="Live title"
    )
    url = article_url(article)
    form = editor.get(url).content.decode()
    assert 'name="_save_draft"' in form and 'name="_schedule_changes"' in form
    assert 'name="_unpublish"' in form

    response = press(
        editor,
        url,
        "newsarticle_form",
        "_save_draft",
        title_fr="Titre corrigé",
        title_en="Corrected title",
    )
    page = response.content.decode()
    assert SAVED_AS_DRAFT in page
    assert response.redirect_chain[-1][0] == url, "back to the form, to preview or publish"
    # The form reopens on the changes, with the notice; the database keeps the live version.
    assert 'value="Titre corrigé"' in page and NOTICE in page and "Claire" in page
    article.refresh_from_db()
    assert (article.title_fr, article.status) == ("Titre en ligne", "published")
    assert "Titre en ligne" in public(article) and "Titre corrigé" not in public(article)
    assert "Corrected title" not in public(article, "en")
    assert PendingChange.objects.count() == 1
    # Its history lists published versions only.
    assert not [line for line in history_of(NewsArticle, article.pk) if "corrigé" in str(line)]

    # Lists say so, and filter by it.
    listing = editor.get("/admin/news/newsarticle/?state=pending").content.decode()
    assert "En ligne, modifications en attente" in listing and "Titre en ligne" in listing
    other = NewsArticleFactory(status="published", title_fr="Sans brouillon")
    listing = editor.get("/admin/news/newsarticle/?state=pending").content.decode()
    assert other.title_fr not in listing

    # A second save keeps a draft too (only "Publish the changes now" puts them online).
    response = press(editor, url, "newsarticle_form", "_save", title_fr="Titre corrigé deux fois")
    article.refresh_from_db()
    assert article.title_fr == "Titre en ligne"
    assert 'value="Titre corrigé deux fois"' in editor.get(url).content.decode()
    assert PendingChange.objects.count() == 1


def test_publishing_the_changes_puts_them_online_and_in_the_history(editor):
    article = NewsArticleFactory(status="published", title_fr="Avant")
    url = article_url(article)
    press(editor, url, "newsarticle_form", "_save_draft", title_fr="Après")
    form = editor.get(url).content.decode()
    assert "Publier les modifications maintenant" in form
    response = press(editor, url, "newsarticle_form", "_publish")
    assert response.status_code == 200
    article.refresh_from_db()
    assert article.title_fr == "Après" and article.is_published()
    assert not PendingChange.objects.exists()
    assert "Après" in public(article)
    titles = [raw for line in history_of(NewsArticle, article.pk) for raw in [str(line.changes)]]
    assert any("Après" in text for text in titles), "the published changes are a version"
    assert NOTICE not in editor.get(url).content.decode()


def test_pending_changes_go_live_at_their_time(editor):
    article = NewsArticleFactory(status="published", title_fr="Version du matin")
    url = article_url(article)
    at = timezone.now() + datetime.timedelta(hours=2)
    response = press(
        editor,
        url,
        "newsarticle_form",
        "_schedule_changes",
        title_fr="Version de l'après-midi",
        _changes_at=local_input(at),
    )
    page = response.content.decode()
    assert "seront publiées le" in page, page.split("messagelist")[-1][:800]
    change = PendingChange.objects.get()
    assert change.publish_at is not None
    assert abs(change.publish_at - at) < datetime.timedelta(minutes=1)
    assert "Version du matin" in public(article)

    # A minute before: still the morning's. The first request after the time: the afternoon's,
    # with no scheduler and no editor.
    before = change.publish_at - datetime.timedelta(minutes=1)
    with mock.patch("django.utils.timezone.now", return_value=before):
        assert "Version du matin" in public(article)
    later = change.publish_at + datetime.timedelta(seconds=30)
    with mock.patch("django.utils.timezone.now", return_value=later):
        page = public(article)
    assert "Version de l&#x27;après-midi" in page or "Version de l'après-midi" in page
    article.refresh_from_db()
    assert article.title_fr == "Version de l'après-midi"
    assert not PendingChange.objects.exists()
    lines = history_of(NewsArticle, article.pk)
    assert lines[0].comment == "Modifications publiées à l’heure prévue"


def test_a_schedule_needs_a_future_time_and_odd_input_is_refused(editor):
    article = NewsArticleFactory(status="published", title_fr="Stable")
    url = article_url(article)
    past = local_input(timezone.now() - datetime.timedelta(hours=1))
    for value in ("", "demain", "2026-13-45T99:99", "\x00", "9" * 5000, past):
        response = press(
            editor,
            url,
            "newsarticle_form",
            "_schedule_changes",
            title_fr="Changé",
            _changes_at=value,
        )
        assert response.status_code == 200
        page = response.content.decode()
        assert "Pour programmer les modifications, indiquez une date" in page, repr(value)
        assert 'value="Changé"' in page, "the editor's input stays in the form"
    assert not PendingChange.objects.exists()
    article.refresh_from_db()
    assert article.title_fr == "Stable"


def test_a_draft_item_has_no_pending_changes_a_save_as_draft_stays_a_draft(editor):
    article = NewsArticleFactory(status="draft", title_fr="Brouillon")
    url = article_url(article)
    form = editor.get(url).content.decode()
    assert 'name="_schedule_changes"' not in form
    press(editor, url, "newsarticle_form", "_save_draft", title_fr="Brouillon modifié")
    article.refresh_from_db()
    assert article.title_fr == "Brouillon modifié" and not PendingChange.objects.exists()
    # Posted by hand on an item that is not live: refused, with the way out.
    response = press(
        editor,
        url,
        "newsarticle_form",
        "_schedule_changes",
        _changes_at=local_input(timezone.now() + datetime.timedelta(days=1)),
    )
    assert "Seules les modifications d’un élément publié" in response.content.decode()


def test_a_team_draft_holds_its_inline_rows(editor):
    team = TeamFactory(status="published")
    paul = PersonFactory(first_name="Paul", last_name="Sortant")
    leaving = MembershipFactory(team=team, person=paul)
    newcomer = PersonFactory(first_name="Inès", last_name="Nouvelle")
    url = f"/admin/teams/team/{team.pk}/change/"
    values = form_values(editor.get(url).content.decode(), "team_form")
    row = int(values["memberships-TOTAL_FORMS"])
    first = next(
        key[: -len("-id")]
        for key, value in values.items()
        if key.startswith("memberships-") and key.endswith("-id") and value == str(leaving.pk)
    )
    values.update(
        {
            "memberships-TOTAL_FORMS": str(row + 1),
            f"memberships-{row}-person": str(newcomer.pk),
            f"memberships-{row}-role": "member",
            f"memberships-{row}-start_date": "2024-01-01",
            f"memberships-{row}-order": "100",
            f"{first}-DELETE": "on",
            "_save_draft": "x",
        }
    )
    response = editor.post(url, values, follow=True)
    assert SAVED_AS_DRAFT in response.content.decode()
    # Live: Paul, not Inès; nothing written.
    page = public(team)
    assert "Sortant" in page and "Nouvelle" not in page
    assert Membership.objects.filter(pk=leaving.pk).exists()
    assert not Membership.objects.filter(person=newcomer).exists()
    # The form shows the draft's rows.
    form = editor.get(url).content.decode()
    assert f'<option value="{newcomer.pk}" selected>' in form

    press(editor, url, "team_form", "_publish")
    page = public(team)
    assert "Nouvelle" in page and "Sortant" not in page
    assert not Membership.objects.filter(pk=leaving.pk).exists()
    assert Team.objects.filter(pk=team.pk).exists() and not PendingChange.objects.exists()


def test_a_new_address_in_the_changes_redirects_once_they_are_published(editor):
    article = NewsArticleFactory(status="published", slug="ancienne-adresse")
    url = article_url(article)
    old_address = article.get_absolute_url()
    press(editor, url, "newsarticle_form", "_save_draft", slug_fr="nouvelle-adresse")
    assert Client().get(old_address).status_code == 200, "live: the old address still works"
    assert not Redirect.objects.exists()
    change = PendingChange.objects.get()
    PendingChange.objects.filter(pk=change.pk).update(publish_at=timezone.now())
    assert publish_due() == 1
    article.refresh_from_db()
    response = Client().get(old_address)
    assert response.status_code == 301 and response["Location"] == article.get_absolute_url()


def test_changes_that_cannot_go_live_wait_with_the_reason(editor):
    article = NewsArticleFactory(status="published", slug="mon-article")
    url = article_url(article)
    press(editor, url, "newsarticle_form", "_save_draft", slug_fr="adresse-convoitee")
    NewsArticleFactory(status="published", slug="adresse-convoitee")
    PendingChange.objects.update(publish_at=timezone.now() - datetime.timedelta(minutes=1))
    cache.clear()
    assert Client().get(article.get_absolute_url()).status_code == 200, "no error for visitors"
    change = PendingChange.objects.get()
    assert change.publish_at is None and "another item now uses the same address" in change.problem
    article.refresh_from_db()
    assert article.slug_fr == "mon-article"
    form = editor.get(url).content.decode()
    assert "n’ont pas pu être publiées" in form
    assert "ne peuvent pas être ouvertes" in form and 'value="mon-article"' in form
    # Publishing the form (the published version) replaces them.
    response = press(editor, url, "newsarticle_form", "_publish", title_fr="Corrigé")
    assert response.status_code == 200
    article.refresh_from_db()
    assert article.title_fr == "Corrigé" and not PendingChange.objects.exists()


def test_discarding_the_changes_asks_first_and_keeps_the_live_version(editor):
    article = NewsArticleFactory(status="published", title_fr="À garder")
    url = article_url(article)
    press(editor, url, "newsarticle_form", "_save_draft", title_fr="À jeter")
    form = editor.get(url).content.decode()
    discard = re.search(r'href="([^"]+/changes/discard/)"', form).group(1)
    confirm = editor.get(discard)
    assert confirm.status_code == 200
    assert "ne pourront pas être récupérées" in confirm.content.decode()
    assert PendingChange.objects.exists(), "asking is not discarding"
    asked = form_values(
        confirm.content.decode().replace("<form method", '<form id="d" method'), "d"
    )
    # Saved again since the question was asked: nothing is discarded.
    press(editor, url, "newsarticle_form", "_save", title_fr="À jeter, revu")
    response = editor.post(discard, asked, follow=True)
    assert "rien n’a été abandonné" in response.content.decode()
    assert PendingChange.objects.exists()
    asked = form_values(
        editor.get(discard).content.decode().replace("<form method", '<form id="d" method'), "d"
    )
    response = editor.post(discard, asked, follow=True)
    assert "Les modifications en attente ont été abandonnées" in response.content.decode()
    assert not PendingChange.objects.exists()
    article.refresh_from_db()
    assert article.title_fr == "À garder"
    assert 'value="À garder"' in editor.get(url).content.decode()
    # Without changes, or for an unknown item: no error page.
    assert editor.get(discard, follow=True).status_code == 200
    assert editor.get("/fr/admin/news/newsarticle/999999/changes/discard/").status_code == 404
    assert editor.get("/fr/admin/news/newsarticle/abc%00/changes/discard/").status_code == 404
    assert Client().get(discard).status_code == 302, "visitors are sent to the login"


def test_two_editors_drafting_at_once_do_not_overwrite_each_other(editor):
    article = NewsArticleFactory(status="published", title_fr="Départ")
    url = article_url(article)
    press(editor, url, "newsarticle_form", "_save_draft", title_fr="Brouillon de Claire")
    other = Client(HTTP_ACCEPT_LANGUAGE="fr")
    other.force_login(SiteEditorFactory(username="marc", first_name="Marc"))
    opened = form_values(other.get(url).content.decode(), "newsarticle_form")
    press(editor, url, "newsarticle_form", "_save", title_fr="Brouillon de Claire, revu")
    opened.update(title_fr="Brouillon de Marc", _save_draft="x")
    response = other.post(url, opened)
    assert response.status_code == 200
    assert "enregistré par quelqu’un d’autre" in response.content.decode()
    article.refresh_from_db()
    assert article.title_fr == "Départ"
    assert 'value="Brouillon de Claire, revu"' in other.get(url).content.decode()


def test_the_preview_of_an_item_with_changes_shows_them(editor):
    article = NewsArticleFactory(status="published", title_fr="Public")
    url = article_url(article)
    press(editor, url, "newsarticle_form", "_save_draft", title_fr="Prévu")
    html = editor.get(url).content.decode()
    action = re.search(r'name="_preview" formaction="([^"]+)"', html).group(1)
    response = editor.post(action, form_values(html, "newsarticle_form"))
    assert response.status_code == 302, response.content.decode()[-1500:]
    screen = editor.get(response["Location"]).content.decode()
    frame = re.search(r'<iframe[^>]+src="([^"]+)"', screen).group(1).replace("&amp;", "&")
    page = editor.get(frame).content.decode()
    assert "Prévu" in page and "En ligne, modifications en attente" in page
    assert "Prévu" not in public(article)


def test_deleting_an_item_drops_its_changes_and_the_bin_brings_back_the_live_version(editor):
    article = NewsArticleFactory(status="published", title_fr="Supprimé puis rendu")
    url = article_url(article)
    press(editor, url, "newsarticle_form", "_save_draft", title_fr="Jamais publié")
    editor.post(f"/admin/news/newsarticle/{article.pk}/delete/", {"post": "yes"}, follow=True)
    assert not NewsArticle.objects.filter(pk=article.pk).exists()
    assert not PendingChange.objects.exists()
    from apps.core.models import BinEntry
    from apps.core.versions import restore

    restore(BinEntry.objects.get(), None)
    assert NewsArticle.objects.get(pk=article.pk).title_fr == "Supprimé puis rendu"


def test_a_failing_check_for_due_changes_never_fails_the_page(editor):
    from django.db import DatabaseError

    article = NewsArticleFactory(status="published")
    with mock.patch("apps.core.pending.publish_due_if_any", side_effect=DatabaseError("down")):
        assert Client().get(article.get_absolute_url()).status_code == 200


def schedule_now(article) -> None:
    PendingChange.objects.filter(object_id=str(article.pk)).update(
        publish_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    cache.clear()


def test_scheduled_changes_wait_when_the_live_version_changed_since(editor):
    """Unpublished by a list action after the changes were scheduled: they do not put it back
    online, nor undo the change; the form says why."""
    article = NewsArticleFactory(status="published", title_fr="Version A")
    url = article_url(article)
    press(editor, url, "newsarticle_form", "_save_draft", title_fr="Version B")
    editor.post(
        "/admin/news/newsarticle/",
        {"action": "unpublish", "_selected_action": [str(article.pk)]},
        follow=True,
    )
    schedule_now(article)
    assert Client().get(article.get_absolute_url()).status_code == 404, "still offline"
    change = PendingChange.objects.get()
    assert change.publish_at is None and "The published version changed" in change.problem
    form = editor.get(url).content.decode()
    assert "La version publiée a changé" in form


def test_scheduled_changes_of_an_editor_who_lost_access_wait(editor):
    team = TeamFactory(status="published", summary_fr="<p>Résumé en ligne</p>")
    member, client = team_editor_of(team)
    url = f"/admin/teams/team/{team.pk}/change/"
    response = press(client, url, "team_form", "_save_draft", summary_fr="<p>Résumé prévu</p>")
    assert SAVED_AS_DRAFT in response.content.decode()
    member.groups.clear()  # no longer a team editor
    PendingChange.objects.update(publish_at=timezone.now() - datetime.timedelta(minutes=1))
    cache.clear()
    assert "Résumé en ligne" in public(team)
    assert "may no longer change this item" in PendingChange.objects.get().problem


def test_a_team_editor_settles_only_their_own_changes(editor):
    """Changes a site editor saved (a team's editors, say) are published or discarded by a site
    editor: a team editor, whose form hides those fields, sees the published version and cannot
    save over them, publish them or discard them."""
    team = TeamFactory(status="published", summary_fr="<p>En ligne</p>")
    member, client = team_editor_of(team)
    url = f"/admin/teams/team/{team.pk}/change/"
    press(editor, url, "team_form", "_save_draft", editors=[], summary_fr="<p>Prévu</p>")
    form = client.get(url).content.decode()
    assert "Un autre éditeur a enregistré des modifications" in form
    assert "En ligne" in form and "Prévu" not in form and "/changes/discard/" not in form
    assert 'name="_save"' not in form and 'name="_publish"' not in form, "nothing to press"
    refused = "ne peut pas être enregistré tant qu’un éditeur du site"
    for button in ("_publish", "_save", "_save_draft", "_unpublish"):
        response = press(client, url, "team_form", button)
        assert refused in response.content.decode(), button
    response = client.post(f"/admin/teams/team/{team.pk}/changes/discard/", follow=True)
    assert refused in response.content.decode()
    assert PendingChange.objects.get().saved_by.username == "claire"
    assert team.editors.filter(pk=member.pk).exists()
    # A site editor settles them.
    press(editor, url, "team_form", "_publish")
    assert not team.editors.filter(pk=member.pk).exists()
    assert not PendingChange.objects.exists()


def test_a_team_editor_drafts_and_publishes_their_own_changes(editor):
    team = TeamFactory(status="published", summary_fr="<p>En ligne</p>")
    member, client = team_editor_of(team)
    url = f"/admin/teams/team/{team.pk}/change/"
    press(client, url, "team_form", "_save_draft", summary_fr="<p>Prévu</p>")
    assert "En ligne" in public(team)
    press(client, url, "team_form", "_publish")
    assert "Prévu" in public(team) and not PendingChange.objects.exists()


def test_one_broken_schedule_does_not_hold_up_the_others(editor):
    from apps.news.models import Category

    doomed = Category.objects.create(name_fr="Éphémère", name_en="Ephemeral", slug="ephemere")
    first = NewsArticleFactory(status="published", title_fr="Premier")
    second = NewsArticleFactory(status="published", title_fr="Second")
    press(editor, article_url(first), "newsarticle_form", "_save_draft", category=str(doomed.pk))
    press(editor, article_url(second), "newsarticle_form", "_save_draft", title_fr="Second, revu")
    Category.objects.filter(pk=doomed.pk).delete()
    PendingChange.objects.update(publish_at=timezone.now() - datetime.timedelta(minutes=1))
    cache.clear()
    assert Client().get(second.get_absolute_url()).status_code == 200
    second.refresh_from_db()
    assert second.title_fr == "Second, revu"
    held = PendingChange.objects.get()
    assert held.object_id == str(first.pk) and held.publish_at is None and held.problem


def test_a_form_opened_on_changes_that_went_live_meanwhile_saves_a_draft_not_live(editor):
    """Editor A opened the changes; B published them; A's plain Save keeps A's edit pending."""
    article = NewsArticleFactory(status="published", title_fr="Un")
    url = article_url(article)
    press(editor, url, "newsarticle_form", "_save_draft", title_fr="Deux")
    opened = form_values(editor.get(url).content.decode(), "newsarticle_form")
    assert opened["_opened_on_draft"]
    press(editor, url, "newsarticle_form", "_publish")
    article.refresh_from_db()
    assert article.title_fr == "Deux" and not PendingChange.objects.exists()
    opened.update(title_fr="Deux, pas relu", _save="x")
    response = editor.post(url, opened, follow=True)
    assert SAVED_AS_DRAFT in response.content.decode()
    article.refresh_from_db()
    assert article.title_fr == "Deux" and PendingChange.objects.exists()


def test_a_plain_save_keeps_the_schedule_and_save_as_draft_drops_it(editor):
    article = NewsArticleFactory(status="published", title_fr="Un")
    url = article_url(article)
    at = timezone.now() + datetime.timedelta(days=2)
    press(editor, url, "newsarticle_form", "_schedule_changes", _changes_at=local_input(at))
    press(editor, url, "newsarticle_form", "_save", title_fr="Un, revu")
    assert PendingChange.objects.get().publish_at is not None, "still scheduled"
    form = editor.get(url).content.decode()
    assert f'value="{local_input(at)}"' in form and "Elles seront publiées le" in form
    response = press(editor, url, "newsarticle_form", "_save_draft")
    assert "sans programmation" in response.content.decode()
    assert PendingChange.objects.get().publish_at is None


def test_those_who_may_only_look_see_that_changes_are_pending_and_nothing_to_press(editor):
    from django.contrib.auth.models import Permission

    from tests.factories import StaffFactory

    article = NewsArticleFactory(status="published", title_fr="Un")
    url = article_url(article)
    press(editor, url, "newsarticle_form", "_save_draft", title_fr="Deux")
    reader = StaffFactory()
    reader.user_permissions.add(Permission.objects.get(codename="view_newsarticle"))
    client = Client(HTTP_ACCEPT_LANGUAGE="fr")
    client.force_login(reader)
    page = client.get(url).content.decode()
    assert NOTICE in page
    assert "/changes/discard/" not in page and "Ce formulaire montre" not in page
    assert client.get(f"{url.rsplit('/change/', 1)[0]}/changes/discard/").status_code == 403


def test_publishing_changes_that_move_the_address_says_so(editor):
    article = NewsArticleFactory(status="published", slug="avant")
    url = article_url(article)
    old_address = article.get_absolute_url()
    press(editor, url, "newsarticle_form", "_save_draft", slug_fr="apres")
    response = press(editor, url, "newsarticle_form", "_publish")
    page = response.content.decode()
    assert "Les modifications en attente sont publiées." in page
    assert f"L’ancienne adresse {old_address} redirige" in page.replace("&#x27;", "’")
    assert Client().get(old_address).status_code == 301
