import pytest
from django.core.exceptions import ValidationError

from apps.core.models import Redirect
from apps.pages.models import Page
from tests.factories import (
    PageFactory,
    SiteEditorFactory,
    SiteSettingsFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _site():
    SiteSettingsFactory()


def test_pages_are_served_at_their_path_in_each_language(client):
    about = PageFactory(slug_fr="a-propos", slug_en="about", title_fr="À propos", title_en="About")
    team = PageFactory(
        parent=about,
        slug_fr="equipe-de-direction",
        slug_en="",
        title_fr="Direction",
        title_en="Leadership",
    )
    assert team.path_fr == "a-propos/equipe-de-direction"
    assert team.path_en == "about/leadership"  # an English slug left empty: the English title
    html = client.get("/fr/a-propos/equipe-de-direction/").content.decode()
    assert "<h1>Direction</h1>" in html
    assert '<a href="/fr/a-propos/">À propos</a>' in html  # breadcrumb
    assert 'href="/en/about/leadership/" hreflang="en"' in html
    response = client.get("/en/a-propos/equipe-de-direction/")  # the French path, in English
    assert (response.status_code, response["Location"]) == (301, "/en/about/leadership/")
    parent_html = client.get("/en/about/").content.decode()
    assert "Leadership" in parent_html  # a page lists its children


def test_changing_a_slug_redirects_old_addresses_permanently_children_too(client):
    about = PageFactory(slug_fr="a-propos", slug_en="about")
    child = PageFactory(parent=about, slug_fr="histoire", slug_en="history")
    about.slug_fr = "le-centre"
    about.save()
    child.refresh_from_db()
    assert child.path_fr == "le-centre/histoire"
    response = client.get("/fr/a-propos/")
    assert response.status_code == 301 and response["Location"] == "/fr/le-centre/"
    response = client.get("/fr/a-propos/histoire/")
    assert response.status_code == 301 and response["Location"] == "/fr/le-centre/histoire/"
    # A second change: the first old address leads straight to the newest one (no chain).
    about.slug_fr = "notre-centre"
    about.save()
    response = client.get("/fr/a-propos/histoire/")
    assert response["Location"] == "/fr/notre-centre/histoire/"
    assert client.get("/en/about/").status_code == 200  # English path did not change


def test_moving_a_page_redirects_and_moving_back_removes_the_redirect(client):
    first = PageFactory(slug_fr="premier")
    second = PageFactory(slug_fr="second")
    page = PageFactory(parent=first, slug_fr="page")
    page.parent = second
    page.save()
    assert client.get("/fr/premier/page/")["Location"] == "/fr/second/page/"
    page.parent = first
    page.save()
    assert client.get("/fr/premier/page/").status_code == 200
    assert not Redirect.objects.filter(old_path="/fr/premier/page/").exists()


def test_redirect_to_a_hidden_page_is_a_404(client):
    page = PageFactory(slug_fr="ancienne")
    page.slug_fr = "nouvelle"
    page.status = "draft"
    page.save()
    assert client.get("/fr/ancienne/").status_code == 404


@pytest.mark.parametrize("slug", ["equipes", "actualites", "personnes", "evenements"])
def test_a_page_cannot_take_an_apps_path(slug):
    page = PageFactory.build(slug_fr=slug, slug_en="fine")
    with pytest.raises(ValidationError) as info:
        page.full_clean()
    assert "slug_fr" in info.value.message_dict


def test_a_page_cannot_take_another_pages_path_or_sit_below_itself():
    parent = PageFactory(slug_fr="parent", slug_en="parent")
    PageFactory(parent=parent, slug_fr="enfant", slug_en="child")
    twin = PageFactory.build(parent=parent, slug_fr="enfant", slug_en="other")
    with pytest.raises(ValidationError):
        twin.full_clean()
    child = Page.objects.get(slug_fr="enfant")
    parent.parent = child
    with pytest.raises(ValidationError) as info:
        parent.full_clean()
    assert "parent" in info.value.message_dict


def test_admin_refuses_an_app_path_with_a_message(client):
    client.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))
    response = client.post(
        "/admin/pages/page/add/",
        {
            "title_fr": "Équipes",
            "slug_fr": "equipes",
            "slug_en": "teams-page",
            "kind": "standard",
            "status": "published",
            "order": 1,
            "menu_order": 25,
            "body_fr": "",
            "body_en": "",
        },
        HTTP_ACCEPT_LANGUAGE="fr",
    )
    assert response.status_code == 200
    assert "appartient à une autre partie du site" in response.content.decode()
    assert not Page.objects.exists()


def test_menus_follow_the_editors_choices(client):
    PageFactory(title_fr="Dans le menu", show_in_main_menu=True, menu_order=5)
    PageFactory(title_fr="En pied de page", show_in_footer=True)
    PageFactory(title_fr="Nulle part")
    PageFactory(title_fr="Brouillon du menu", show_in_main_menu=True, status="draft")
    accessibility = PageFactory(title_fr="Accessibilité", kind="accessibility", show_in_footer=True)
    html = client.get("/fr/").content.decode()
    header = html.split('<nav class="main-nav"')[1].split("</nav>")[0]
    footer = html.split('<footer class="site-footer">')[1]
    assert "Dans le menu" in header and "Nulle part" not in header
    assert "Brouillon du menu" not in header
    assert header.index("Accueil") < header.index("Dans le menu") < header.index("Équipes")
    assert "En pied de page" in footer and "Dans le menu" not in footer
    assert accessibility.get_absolute_url() in footer
    assert "partiellement conforme" in footer


def test_accessibility_status_is_set_by_editors(client):
    from apps.core.models import SiteSettings

    PageFactory(kind="accessibility", show_in_footer=True, slug_fr="accessibilite")
    SiteSettings.objects.filter(pk=1).update(accessibility_compliance="full")
    html = client.get("/en/").content.decode()
    assert "fully compliant" in html
    # Its English address (the French path at /en/ answers 301 to it).
    assert "fully compliant" in client.get("/en/accessibilite/", follow=True).content.decode()


def test_draft_page_preview_and_404(client):
    draft = PageFactory(status="draft", slug_fr="brouillon", title_fr="Page en préparation")
    assert client.get("/fr/brouillon/").status_code == 404
    assert client.get(f"/en/{draft.slug_en}/").status_code == 404
    client.force_login(SiteEditorFactory())
    response = client.get("/fr/brouillon/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Page en préparation</h1>" in html
    assert (
        '<p class="draft-banner" role="status">Aperçu du brouillon : les visiteurs ne peuvent '
        "pas encore voir cette page.</p>"
    ) in html
    en = client.get(f"/en/{draft.slug_en}/").content.decode()
    assert "Draft preview: visitors cannot see this page yet." in en


def test_admin_tree_and_move_actions(client):
    client.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))
    parent = PageFactory(slug_fr="p", order=0)
    a = PageFactory(parent=parent, slug_fr="a", order=0, title_fr="Alpha")
    b = PageFactory(parent=parent, slug_fr="b", order=10, title_fr="Bravo")
    html = client.get("/admin/pages/page/").content.decode()
    assert f'class="page-tree page-tree--depth-1" id="page-{a.pk}"' in html
    client.post("/admin/pages/page/", {"action": "move_up", "_selected_action": [b.pk]})
    a.refresh_from_db()
    b.refresh_from_db()
    assert b.order < a.order
    assert client.get(f"/admin/pages/page/{a.pk}/change/").status_code == 200


def test_sitemap_lists_pages(client):
    page = PageFactory(slug_fr="visible", slug_en="visible-en")
    draft_en = PageFactory(slug_fr="cachee", status="draft").slug_en
    body = client.get("/sitemap.xml").content.decode()
    assert "http://testserver/fr/visible/" in body and "http://testserver/en/visible-en/" in body
    assert "cachee" not in body
    assert body.count(f"<loc>http://testserver/fr/{page.slug_fr}/</loc>") == 1
    assert draft_en not in body


@pytest.mark.parametrize(
    "url", ["/fr/a/b/c/d/e/f/g/h/", "/fr/%00/", "/fr/" + "x/" * 300, "/fr/é/", "/en/..%2F../"]
)
def test_odd_page_paths_are_404(client, url):
    assert client.get(url).status_code == 404


def test_a_hidden_parent_hides_its_whole_subtree(client):
    secret = PageFactory(slug_fr="secret", status="draft")
    child = PageFactory(
        parent=secret,
        slug_fr="enfant",
        title_fr="Enfant caché",
        show_in_main_menu=True,
        show_in_footer=True,
    )
    assert client.get("/fr/secret/enfant/").status_code == 404
    home = client.get("/fr/").content.decode()
    assert "Enfant caché" not in home
    assert "secret/enfant" not in client.get("/sitemap.xml").content.decode()
    assert client.get(f"/en/{secret.slug_en}/{child.slug_en}/").status_code == 404
    client.force_login(SiteEditorFactory())
    response = client.get("/fr/secret/enfant/")
    assert response.status_code == 200
    assert "<h1>Enfant caché</h1>" in response.content.decode()


def test_a_new_page_at_an_old_address_does_not_break_the_redirect(client):
    page = PageFactory(slug_fr="ancien")
    page.slug_fr = "nouveau"
    page.save()
    PageFactory(slug_fr="ancien", status="draft")
    assert client.get("/fr/ancien/")["Location"] == "/fr/nouveau/"


def test_legal_pages_are_always_in_the_footer(client):
    PageFactory(kind="legal", title_fr="Mentions légales", show_in_footer=False)
    footer = client.get("/fr/").content.decode().split('<footer class="site-footer">')[1]
    assert "Mentions légales" in footer


@pytest.mark.parametrize("slug", ["patients", "contact", "recherche", "search"])
def test_addresses_kept_for_apps_to_come_are_refused(slug):
    page = PageFactory.build(slug_fr=slug, slug_en=f"{slug}-en")
    with pytest.raises(ValidationError):
        page.full_clean()


def test_descendants_addresses_cannot_grow_too_long():
    long = "x" * 80
    parent = PageFactory(slug_fr="p", slug_en="p")
    node = parent
    for index in range(7):  # 1 + 7 × 77 = 540 characters
        node = PageFactory(parent=node, slug_fr=f"{long[:75]}{index}", slug_en=f"e{index}")
    parent.slug_fr = "y" * 80
    with pytest.raises(ValidationError) as info:
        parent.full_clean()
    assert "slug_fr" in info.value.message_dict


def test_admin_tree_follows_order_not_slugs(client):
    import re

    client.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))
    a = PageFactory(slug_fr="a", title_fr="Page A", order=20)
    PageFactory(slug_fr="a-b", title_fr="Page AB", order=10)
    PageFactory(parent=a, slug_fr="x", title_fr="Enfant de A")
    html = client.get("/admin/pages/page/").content.decode()
    titles = re.findall(
        r'page-tree--depth-(\d)".*?class="page-tree__title" href="[^"]+">([^<]+)</a>', html
    )
    assert titles == [("0", "Page AB"), ("0", "Page A"), ("1", "Enfant de A")]


def test_moving_two_selected_neighbours_keeps_them_together(client):
    client.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))
    parent = PageFactory(slug_fr="p")
    a = PageFactory(parent=parent, slug_fr="a", order=10)
    b = PageFactory(parent=parent, slug_fr="b", order=0)
    client.post("/admin/pages/page/", {"action": "move_down", "_selected_action": [a.pk, b.pk]})
    a.refresh_from_db()
    b.refresh_from_db()
    assert b.order < a.order


def test_the_old_demo_privacy_sentence_is_corrected_and_an_edited_one_kept():
    import importlib

    from django.apps import apps

    from apps.pages.models import Page

    migration = importlib.import_module("apps.pages.migrations.0005_privacy_page_lists_cookies")
    old_fr, new_fr = migration.REPLACEMENTS["body_fr"]
    untouched = PageFactory(kind="privacy", body_fr=old_fr + "<p>Suite.</p>")
    edited = PageFactory(kind="privacy", body_fr="<p>Notre propre texte.</p>")
    migration.forward(apps, None)
    assert Page.objects.get(pk=untouched.pk).body_fr == new_fr + "<p>Suite.</p>"
    assert Page.objects.get(pk=edited.pk).body_fr == "<p>Notre propre texte.</p>"
