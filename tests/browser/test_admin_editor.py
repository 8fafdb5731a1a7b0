"""The admin's rich-text editor loads and works under the site's Content-Security-Policy."""

import pytest

from tests.factories import HomePageFactory, SiteSettingsFactory, UserFactory

pytestmark = pytest.mark.browser


def test_rich_text_editor_runs_in_the_admin(transactional_db, live_server, page):
    SiteSettingsFactory()
    HomePageFactory()
    UserFactory(
        username="editor", password="a-long-test-password", is_staff=True, is_superuser=True
    )
    page.goto(f"{live_server.url}/admin/login/?next=/admin/pages/homepage/1/change/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", "a-long-test-password")
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/pages/homepage/1/change/")
    editor = page.locator(".prose-editor").first
    editor.wait_for(state="visible")
    assert page.locator(".ProseMirror[contenteditable=true]").count() >= 2
    assert page.console_problems == [], page.console_problems


def _log_in(page, base_url, user):
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": base_url + "/"}])


def test_leaving_a_changed_form_warns_and_saving_does_not(transactional_db, live_server, page):
    """Issue 13: a warning before leaving a form with unsaved changes (static/js, CSP-clean)."""
    from tests.factories import SiteEditorFactory
    from tests.news.factories import NewsArticleFactory

    SiteSettingsFactory()
    article = NewsArticleFactory(title_fr="Titre")
    _log_in(page, live_server.url, SiteEditorFactory())
    dialogs = []

    def on_dialog(dialog):
        dialogs.append(dialog.type)
        dialog.dismiss()  # "stay on this page"

    page.on("dialog", on_dialog)
    url = f"{live_server.url}/admin/news/newsarticle/{article.pk}/change/"
    page.goto(url)
    page.goto(f"{live_server.url}/admin/")
    assert dialogs == [], "an untouched form leaves quietly"

    page.goto(url)
    page.fill("#id_title_fr", "Titre modifié")
    page.locator("#user-tools a").first.click(no_wait_after=True)
    page.wait_for_function("() => document.readyState === 'complete'")
    assert dialogs == ["beforeunload"]
    assert page.url == url, "the editor stayed on the form"

    page.locator("input[name=_save]").click()
    page.wait_for_url("**/admin/news/newsarticle/")
    assert dialogs == ["beforeunload"], "saving does not warn"
    assert page.console_problems == [], page.console_problems


def test_the_redirects_screens_pass_axe(transactional_db, live_server, page, axe_source):
    """Issue 13: the admin pages it adds pass axe (WCAG 2.1 A/AA)."""
    from apps.core.models import Redirect
    from tests.conftest import run_axe
    from tests.factories import SiteEditorFactory

    SiteSettingsFactory()
    redirect = Redirect.objects.create(old_path="/fr/ancien/", new_path="/fr/nouveau/")
    _log_in(page, live_server.url, SiteEditorFactory())
    for path in ("/admin/core/redirect/", f"/admin/core/redirect/{redirect.pk}/change/"):
        page.goto(live_server.url + path)
        assert run_axe(page, axe_source) == [], path
    page.goto(live_server.url + "/admin/core/redirect/add/")
    page.fill("#id_old_path", "/fr/nouveau/")
    page.fill("#id_new_path", "/fr/ancien/")
    page.locator("input[name=_save]").click()
    page.wait_for_load_state()
    assert "would make a loop" in page.locator(".errorlist").first.inner_text()
    assert run_axe(page, axe_source) == [], "the form with its error"


def test_history_version_and_bin_screens_pass_axe_and_restore_in_one_click(
    transactional_db, live_server, page, axe_source
):
    """Issue 13: an item's history, a version opened to restore it and the bin pass axe; the
    bin's Restore button brings a deleted team back in one click."""
    import reversion
    from reversion.models import Version

    from apps.core.models import BinEntry
    from apps.teams.models import Team
    from tests.conftest import run_axe
    from tests.factories import SiteEditorFactory
    from tests.teams.factories import MembershipFactory, TeamFactory

    SiteSettingsFactory()
    user = SiteEditorFactory()
    team = TeamFactory(name_fr="Équipe d'origine")
    MembershipFactory(team=team)
    with reversion.create_revision():
        team.save()
    team.name_fr = "Équipe renommée"
    team.summary_fr = "<p>Un <em>nouveau</em> résumé.</p>"
    with reversion.create_revision():
        reversion.set_user(user)
        team.save()
    first = Version.objects.get_for_object(team).order_by("pk").first()
    _log_in(page, live_server.url, user)
    for path in (
        f"/admin/teams/team/{team.pk}/history/",
        f"/admin/teams/team/{team.pk}/history/{first.pk}/",
    ):
        page.goto(live_server.url + path)
        assert run_axe(page, axe_source) == [], path
    page.goto(f"{live_server.url}/admin/teams/team/{team.pk}/delete/")
    page.locator("input[type=submit]").click()
    page.wait_for_url("**/admin/teams/team/")
    page.goto(f"{live_server.url}/admin/core/binentry/")
    assert run_axe(page, axe_source) == [], "the bin"
    entry = BinEntry.objects.get()
    page.get_by_role("button", name=f"Restore “{entry.object_repr}”").click()
    page.wait_for_url(f"**/admin/teams/team/{team.pk}/change/")
    assert Team.objects.filter(pk=team.pk, name_fr="Équipe renommée").exists()
    assert page.console_problems == [], page.console_problems


def test_preview_opens_the_unsaved_form_in_a_new_tab_and_passes_axe(
    transactional_db, live_server, page, axe_source
):
    """Issue 13: Preview opens the unsaved form's public page in a new tab, at desktop or phone
    width; the screen passes axe; the form stays unsaved (leaving it still warns)."""
    from tests.conftest import run_axe
    from tests.factories import SiteEditorFactory
    from tests.news.factories import NewsArticleFactory

    SiteSettingsFactory()
    article = NewsArticleFactory(title_en="Saved title")
    _log_in(page, live_server.url, SiteEditorFactory())
    page.goto(f"{live_server.url}/admin/news/newsarticle/{article.pk}/change/")
    page.fill("#id_title_en", "Title being written")
    with page.context.expect_page() as new_tab:
        page.locator("[name=_preview]").click()
    preview = new_tab.value
    preview.wait_for_load_state()
    assert "/preview/" in preview.url
    assert run_axe(preview, axe_source) == [], "the preview screen"
    preview.get_by_role("link", name="English").click()
    preview.wait_for_load_state()
    frame = preview.frame_locator("iframe.preview-frame")
    assert "Title being written" in frame.locator("h1").inner_text()
    assert "Preview of unsaved changes" in frame.locator(".draft-banner").inner_text()
    preview.get_by_role("link", name="Phone width (375 px)").click()
    preview.wait_for_load_state()
    assert preview.locator("iframe.preview-frame").bounding_box()["width"] <= 377

    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.type), dialog.dismiss()))
    page.locator("#user-tools a").first.click(no_wait_after=True)
    page.wait_for_function("() => document.readyState === 'complete'")
    assert dialogs == ["beforeunload"], "after a preview the form is still unsaved"


def test_changes_kept_as_a_draft_in_the_browser_and_their_screens_pass_axe(
    transactional_db, live_server, page, axe_source
):
    """Issue 13: on a live article, "Save the changes as a draft" keeps the published version;
    the form reopens on the changes with a notice, they can be scheduled, the list says so, and
    discarding asks first. Each screen passes axe."""
    from apps.core.models import PendingChange
    from apps.news.models import NewsArticle
    from tests.conftest import run_axe
    from tests.factories import SiteEditorFactory
    from tests.news.factories import NewsArticleFactory

    SiteSettingsFactory()
    article = NewsArticleFactory(status="published", title_en="Live title")
    _log_in(page, live_server.url, SiteEditorFactory())
    url = f"{live_server.url}/admin/news/newsarticle/{article.pk}/change/"
    page.goto(url)
    page.fill("#id_title_en", "Title of the draft")
    page.get_by_role("button", name="Save the changes as a draft").click()
    page.wait_for_url(url)
    assert "saved as a draft" in page.locator(".messagelist").inner_text()
    assert "Changes not yet published." in page.locator(".pending-notice").inner_text()
    assert page.input_value("#id_title_en") == "Title of the draft"
    assert NewsArticle.objects.get(pk=article.pk).title_en == "Live title"
    assert run_axe(page, axe_source) == [], "the form of an item with pending changes"

    page.get_by_label("Publish the changes at").fill("2031-05-04T09:30")
    page.get_by_role("button", name="Schedule the changes").click()
    page.wait_for_url(url)
    assert "will be published on" in page.locator(".messagelist").inner_text()
    assert PendingChange.objects.get().publish_at.year == 2031

    page.goto(f"{live_server.url}/admin/news/newsarticle/?state=pending")
    assert "Live, changes scheduled" in page.locator("#result_list").inner_text()
    assert run_axe(page, axe_source) == [], "the list filtered on pending changes"

    page.goto(url)
    page.get_by_role("link", name="Discard the changes").click()
    page.wait_for_url("**/changes/discard/")
    assert run_axe(page, axe_source) == [], "the discard confirmation"
    page.get_by_role("button", name="Yes, discard the changes").click()
    page.wait_for_url(url)
    assert page.input_value("#id_title_en") == "Live title"
    assert not PendingChange.objects.exists()
    assert page.console_problems == [], page.console_problems


def test_the_role_screen_passes_axe_and_fits_a_phone(
    transactional_db, live_server, page, axe_source
):
    """Issue 14: the role screen passes axe, and its tables stay in the page at 375 px."""
    from apps.core.roles import NEWS_EDITORS, SITE_ADMINISTRATORS, TEAM_EDITORS
    from tests.conftest import run_axe
    from tests.factories import staff_in
    from tests.teams.factories import TeamFactory

    SiteSettingsFactory()
    administrator = staff_in(SITE_ADMINISTRATORS, username="chief")
    staff_in(NEWS_EDITORS, username="journalist", first_name="Nina", last_name="Presse")
    TeamFactory(name_fr="Immunité et cancer").editors.add(staff_in(TEAM_EDITORS))
    _log_in(page, live_server.url, administrator)
    page.goto(f"{live_server.url}/admin/roles/")
    assert page.locator("h1").inner_text() == "Roles and who holds them"
    assert run_axe(page, axe_source) == []
    page.set_viewport_size({"width": 375, "height": 800})
    overflow = page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"the page is {overflow}px wider than a 375px phone"
    assert page.console_problems == [], page.console_problems


def test_daily_forms_fit_a_phone_with_inline_rows_stacked(
    transactional_db, live_server, page, axe_source
):
    """Issue 14, item 8: at 375 px the forms used every day (contact point with its hours and
    exceptions, article, event, team with its members) stay within the screen: each inline row
    stacks, each cell under its column's name, the delete box reachable; times read 09:00."""
    import datetime

    from apps.care.models import OpeningException, OpeningSlot
    from tests.care.factories import ContactPointFactory
    from tests.conftest import run_axe
    from tests.factories import SiteEditorFactory
    from tests.news.factories import EventFactory, NewsArticleFactory
    from tests.teams.factories import MembershipFactory, TeamFactory

    SiteSettingsFactory()
    point = ContactPointFactory()
    for weekday in range(5):
        OpeningSlot.objects.create(
            contact_point=point,
            weekday=weekday,
            opens=datetime.time(9),
            closes=datetime.time(17, 30),
        )
    OpeningException.objects.create(
        contact_point=point, date=datetime.date(2026, 12, 25), note_fr="Noël", note_en="Christmas"
    )
    team = TeamFactory()
    MembershipFactory(team=team)
    forms = {
        "contact point": f"/admin/care/contactpoint/{point.pk}/change/",
        "article": f"/admin/news/newsarticle/{NewsArticleFactory().pk}/change/",
        "event": f"/admin/news/event/{EventFactory().pk}/change/",
        "team": f"/admin/teams/team/{team.pk}/change/",
    }
    _log_in(page, live_server.url, SiteEditorFactory())
    page.set_viewport_size({"width": 375, "height": 800})
    for name, path in forms.items():
        page.goto(live_server.url + path)
        page.wait_for_load_state("load")
        overflow = page.evaluate(
            "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{name}: {overflow}px wider than the phone"
        groups = page.evaluate(
            """() => [...document.querySelectorAll('.inline-group .tabular')].map(t => ({
                id: t.closest('.inline-group').id,
                wide: t.scrollWidth - t.clientWidth,
                unlabelled: [...t.querySelectorAll(
                    'tr.form-row td:not(.original):not(.hidden):not(:empty)')]
                    .filter(td => !td.dataset.label).map(td => td.className),
                offscreen: [...t.querySelectorAll('tr.form-row td.delete input')]
                    .filter(box => box.getBoundingClientRect().right > 375).length,
            }))"""
        )
        for group in groups:
            assert group["wide"] <= 0, f"{name}: {group}"
            assert group["unlabelled"] == [], f"{name}: {group}"
            assert group["offscreen"] == 0, f"{name}: {group}"
        if name == "contact point":
            assert {g["id"] for g in groups} == {"slots-group", "exceptions-group"}
            assert page.input_value("#id_slots-0-opens") == "09:00"
            assert page.input_value("#id_slots-0-closes") == "17:30"
            assert run_axe(page, axe_source) == [], name
        if name == "team":
            assert "memberships-group" in {g["id"] for g in groups}
    assert page.console_problems == [], page.console_problems


def test_length_hints_count_as_the_editor_types(transactional_db, live_server, page, axe_source):
    """Issue 14, item 7: a search description shows its length live, marked when outside the
    range that reads best, and the form still passes axe."""
    from tests.conftest import run_axe
    from tests.factories import PageFactory, SiteEditorFactory

    SiteSettingsFactory()
    editorial = PageFactory(seo_description_fr="")
    _log_in(page, live_server.url, SiteEditorFactory())
    page.goto(f"{live_server.url}/admin/pages/page/{editorial.pk}/change/")
    hint = page.locator("#id_seo_description_fr-length")
    assert hint.inner_text() == "0 characters (best: 50 to 160)"
    page.fill("#id_seo_description_fr", "Trop court.")
    assert hint.inner_text() == "11 characters (best: 50 to 160)"
    assert "length-hint--outside" in hint.get_attribute("class")
    page.fill(
        "#id_seo_description_fr",
        "Le centre réunit chercheurs et médecins autour de l'immunothérapie.",
    )
    assert "length-hint--outside" not in hint.get_attribute("class")
    described = page.get_attribute("#id_seo_description_fr", "aria-describedby")
    assert "id_seo_description_fr-length" in described
    assert run_axe(page, axe_source) == []
    assert page.console_problems == [], page.console_problems


def test_the_dashboard_and_the_content_search_pass_axe(
    transactional_db, live_server, page, axe_source
):
    """Issue 14, item 4: the admin's home (dashboard) and its search pass axe, on a desktop and
    at 375 px without sideways scrolling."""
    import reversion

    from tests.conftest import run_axe
    from tests.factories import SiteEditorFactory
    from tests.news.factories import NewsArticleFactory

    SiteSettingsFactory()
    me, colleague = SiteEditorFactory(), SiteEditorFactory(first_name="Camille")
    article = NewsArticleFactory(title_fr="Lymphocytes et tumeurs", title_en="", status="draft")
    for user in (me, colleague):
        with reversion.create_revision():
            reversion.set_user(user)
            article.save()
    _log_in(page, live_server.url, me)
    for path in ("/admin/", "/admin/search/?q=lymphocytes", "/admin/search/?q=zzzz"):
        page.set_viewport_size({"width": 1280, "height": 900})
        page.goto(live_server.url + path)
        assert run_axe(page, axe_source) == [], path
        page.set_viewport_size({"width": 375, "height": 800})
        overflow = page.evaluate(
            "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{path}: {overflow}px wider than the phone"
    page.goto(live_server.url + "/admin/")
    page.fill("#admin-search-q", "tumeurs")
    page.locator(".admin-search input[type=submit]").click()
    page.wait_for_url("**/admin/search/?q=tumeurs")
    assert page.get_by_role("link", name="Lymphocytes et tumeurs").count() == 1
    assert page.console_problems == [], page.console_problems


def test_the_page_tree_folds_and_passes_axe(transactional_db, live_server, page, axe_source):
    """Issue 14, item 6: the list of pages is a tree whose branches fold, with buttons that
    move a page; it passes axe."""
    from tests.conftest import run_axe
    from tests.factories import PageFactory, SiteEditorFactory

    SiteSettingsFactory()
    about = PageFactory(title_fr="À propos", title_en="À propos", slug_fr="a-propos", order=0)
    first = PageFactory(
        title_fr="Histoire", title_en="Histoire", slug_fr="histoire", parent=about, order=0
    )
    second = PageFactory(
        title_fr="Direction", title_en="Direction", slug_fr="direction", parent=about, order=10
    )
    last = PageFactory(title_fr="Mentions", title_en="Mentions", slug_fr="mentions", order=10)
    _log_in(page, live_server.url, SiteEditorFactory())
    page.goto(f"{live_server.url}/admin/pages/page/")
    assert run_axe(page, axe_source) == []
    toggle = page.locator(f"#page-{about.pk} .page-tree__toggle")
    assert toggle.get_attribute("aria-expanded") == "true"
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "false"
    assert not page.locator(f"#page-{first.pk} .page-tree__title").is_visible()
    assert page.locator(f"#page-{last.pk} .page-tree__title").is_visible()
    toggle.click()
    assert page.locator(f"#page-{first.pk} .page-tree__title").is_visible()
    page.get_by_role("button", name="Move “Direction” up").click()
    page.wait_for_url(f"**/admin/pages/page/#page-{second.pk}")
    titles = page.locator(".page-tree__title").all_inner_texts()
    assert titles == ["À propos", "Direction", "Histoire", "Mentions"]
    assert page.console_problems == [], page.console_problems


def test_the_rich_text_editor_speaks_the_admins_language(transactional_db, live_server, page):
    """Issue 14, item 5: the editor's toolbar and its link dialog in French for a French
    editor (they were English: "Heading 2", "Edit Link / URL / Title / Update")."""
    from tests.factories import SiteEditorFactory
    from tests.news.factories import NewsArticleFactory

    SiteSettingsFactory()
    article = NewsArticleFactory(body_fr="<p>Un texte à lier.</p>")
    _log_in(page, live_server.url, SiteEditorFactory())
    page.set_extra_http_headers({"Accept-Language": "fr"})
    page.goto(f"{live_server.url}/admin/news/newsarticle/{article.pk}/change/")
    bar = page.locator(".prose-menubar").first
    bar.wait_for()
    assert bar.locator('button[title="gras"]').count() == 1
    assert bar.locator('button[aria-label="insérer un lien"]').count() == 1
    options = bar.locator(".prose-menubar__option").all_text_contents()
    assert "Intertitre 2" in options and "Paragraphe" in options
    page.locator(".ProseMirror[contenteditable=true]").first.click()
    page.keyboard.press("Control+A")
    bar.locator('button[aria-label="insérer un lien"]').click()
    dialog = page.locator("dialog[open]")
    dialog.wait_for()
    assert "Modifier le lien" in dialog.inner_text()
    assert dialog.get_by_role("button", name="Mettre à jour").count() == 1
    page.keyboard.press("Escape")

    page.set_extra_http_headers({"Accept-Language": "en"})
    page.goto(f"{live_server.url}/admin/news/newsarticle/{article.pk}/change/")
    page.locator(".prose-menubar").first.wait_for()
    assert page.locator('.prose-menubar button[title="bold"]').count() >= 1
    assert page.console_problems == [], page.console_problems


def test_the_link_picker_links_words_to_an_item_that_the_page_follows(
    transactional_db, live_server, page, axe_source
):
    """Issue 14, item 5: under the editor, "Link to a page of this site" finds a team; the
    selected words link to it as /go/team/<id>/, and the public page shows its address."""
    from apps.news.models import NewsArticle
    from tests.conftest import run_axe
    from tests.factories import SiteEditorFactory
    from tests.news.factories import NewsArticleFactory
    from tests.teams.factories import TeamFactory

    SiteSettingsFactory()
    team = TeamFactory(name_fr="Immunologie tumorale", name_en="Tumour immunology", slug="immuno")
    article = NewsArticleFactory(body_fr="<p>Une équipe du centre.</p>")
    _log_in(page, live_server.url, SiteEditorFactory())
    page.set_extra_http_headers({"Accept-Language": "fr"})
    page.goto(f"{live_server.url}/admin/news/newsarticle/{article.pk}/change/")
    editor = page.locator(".ProseMirror[contenteditable=true]").first
    editor.wait_for()
    editor.click()
    page.keyboard.press("Control+A")
    page.get_by_role("button", name="Lien vers une page du site").first.click()
    dialog = page.locator("dialog.link-picker[open]")
    dialog.get_by_label("Chercher une page, une équipe, une personne").fill("immunologie")
    choice = dialog.get_by_role("button", name=f"Immunologie tumorale ({team.acronym}) (Équipe)")
    choice.wait_for()
    assert run_axe(page, axe_source) == [], "the picker, open"
    choice.click()
    assert editor.locator(f'a[href="/go/team/{team.pk}/"]').count() == 1
    page.locator("input[name=_save]").click()
    page.wait_for_url("**/admin/news/newsarticle/")
    stored = NewsArticle.objects.get(pk=article.pk).body_fr
    assert f'href="/go/team/{team.pk}/"' in stored
    page.goto(f"{live_server.url}/fr/actualites/{article.slug_fr}/")
    assert page.locator('.prose a[href="/fr/equipes/immuno/"]').count() == 1
    assert page.console_problems == [], page.console_problems
