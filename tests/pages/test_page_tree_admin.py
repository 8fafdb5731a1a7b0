"""Issue 14, item 6: the page tree editors see (fold a branch, add a page here, move a page
among its sisters), the parent picker as a tree, and slugs made from titles."""

from __future__ import annotations

import pytest
from django.test import Client

from apps.pages.models import Page
from tests.admin_forms import form_values
from tests.factories import PageFactory, SiteEditorFactory, SiteSettingsFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor():
    SiteSettingsFactory()
    client = Client(HTTP_ACCEPT_LANGUAGE="fr")
    client.force_login(SiteEditorFactory())
    return client


@pytest.fixture
def tree():
    about = PageFactory(title_fr="À propos", slug_fr="a-propos", order=0)
    first = PageFactory(title_fr="Histoire", slug_fr="histoire", parent=about, order=0)
    second = PageFactory(title_fr="Direction", slug_fr="direction", parent=about, order=10)
    alone = PageFactory(title_fr="Mentions", slug_fr="mentions", order=10)
    return {"about": about, "first": first, "second": second, "alone": alone}


def test_the_list_is_the_tree_with_its_tools(editor, tree):
    html = editor.get("/admin/pages/page/").content.decode()
    about, first = tree["about"], tree["first"]
    assert (
        html.index("À propos")
        < html.index("Histoire")
        < html.index("Direction")
        < (html.index("Mentions"))
    )
    assert f'id="page-{about.pk}" data-depth="0" data-children="1"' in html
    assert f'id="page-{first.pk}" data-depth="1" data-children=""' in html
    assert 'class="page-tree page-tree--depth-1"' in html
    assert f'href="/admin/pages/page/add/?parent={about.pk}">Ajouter une page ici</a>' in html
    assert f'formaction="/admin/pages/page/{first.pk}/move/down/"' in html
    assert "Descendre « Histoire »" in html
    assert "admin-page-tree.js" in html
    add = editor.get(f"/admin/pages/page/add/?parent={about.pk}").content.decode()
    assert f'<option value="{about.pk}" selected>À propos</option>' in add


def test_moving_a_page_among_its_sisters(editor, tree):
    first, second = tree["first"], tree["second"]
    response = editor.post(f"/admin/pages/page/{first.pk}/move/down/")
    assert response.status_code == 302
    assert response["Location"] == f"/admin/pages/page/#page-{first.pk}"
    first.refresh_from_db()
    second.refresh_from_db()
    assert second.order < first.order
    assert editor.post(f"/admin/pages/page/{first.pk}/move/down/").status_code == 302
    assert Page.objects.get(pk=first.pk).order > Page.objects.get(pk=second.pk).order, "last"
    assert editor.get(f"/admin/pages/page/{first.pk}/move/up/").status_code == 405
    before = Page.objects.get(pk=first.pk).order
    assert editor.post(f"/admin/pages/page/{first.pk}/move/sideways/").status_code in (302, 404)
    assert Page.objects.get(pk=first.pk).order == before
    # An admin 404 goes through the language redirect first (as every admin 404 does).
    for odd in ("999999", "abc"):
        response = editor.post(f"/admin/pages/page/{odd}/move/up/", follow=True)
        assert response.status_code == 404
    nobody = Client()
    nobody.force_login(__import__("tests.factories", fromlist=["StaffFactory"]).StaffFactory())
    assert nobody.post(f"/admin/pages/page/{first.pk}/move/up/").status_code == 403


def test_the_parent_picker_is_the_tree(editor, tree):
    html = editor.get("/admin/pages/page/add/").content.decode()
    picker = html[
        html.index('name="parent"') : html.index("</select>", html.index('name="parent"'))
    ]
    assert picker.index("À propos") < picker.index("Histoire") < picker.index("Mentions")
    assert f'<option value="{tree["first"].pk}">\u2003└ Histoire</option>' in picker


def test_a_page_saved_with_empty_slugs_gets_them_from_its_titles(editor, tree):
    html = editor.get("/admin/pages/page/add/").content.decode()
    data = form_values(html, "page_form")
    data.update(
        {
            "title_fr": "Nos équipes de soin",
            "title_en": "Our care teams",
            "slug_fr": "",
            "slug_en": "",
            "parent": str(tree["about"].pk),
            "kind": "standard",
            "order": "20",
            "menu_order": "100",
            "status": "published",
            "_save": "",
        }
    )
    response = editor.post("/admin/pages/page/add/", data)
    assert response.status_code == 302, response.context and response.context["errors"]
    page = Page.objects.get(title_fr="Nos équipes de soin")
    assert (page.slug_fr, page.slug_en) == ("nos-equipes-de-soin", "our-care-teams")
    assert (page.path_fr, page.path_en) == (
        "a-propos/nos-equipes-de-soin",
        f"{tree['about'].slug_en}/our-care-teams",
    )
    again = PageFactory(title_fr="Histoire", slug_fr="", slug_en="", parent=tree["about"])
    assert again.slug_fr == "histoire-2", "unique among its sisters"
    elsewhere = PageFactory(title_fr="Histoire", slug_fr="", slug_en="")
    assert elsewhere.slug_fr == "histoire", "another branch may use it"


def test_every_model_with_a_slug_may_leave_it_empty(editor):
    """Issue 14, item 6: a slug left empty is made from the fields the form fills it from."""
    from apps.care.models import CancerType
    from apps.teams.models import Person

    def add(url, form_id, **values):
        data = form_values(editor.get(url).content.decode(), form_id)
        data.update(values)
        data.setdefault("_save", "")
        return editor.post(url, data)

    response = add(
        "/admin/teams/person/add/",
        "person_form",
        first_name="Émilie",
        last_name="Lefèvre",
        slug="",
        category="researcher",
        status="draft",
    )
    assert response.status_code == 302, response.context and [
        (f.name, f.errors) for f in response.context["adminform"].form if f.errors
    ]
    assert Person.objects.get(last_name="Lefèvre").slug == "emilie-lefevre"
    again = add(
        "/admin/teams/person/add/",
        "person_form",
        first_name="Émilie",
        last_name="Lefèvre",
        slug="",
        category="researcher",
        status="draft",
    )
    assert again.status_code == 302
    assert set(Person.objects.values_list("slug", flat=True)) == {
        "emilie-lefevre",
        "emilie-lefevre-2",
    }
    response = add(
        "/admin/care/cancertype/add/", "cancertype_form", name_fr="Mélanome", name_en="Melanoma"
    )
    assert response.status_code == 302
    assert CancerType.objects.get().slug == "melanome"
    html = editor.get("/admin/teams/person/add/").content.decode()
    assert "Laissez vide pour le former à partir de : prénom, nom." in html


def test_the_parent_picker_leaves_out_the_page_and_its_branch(editor, tree):
    about = tree["about"]
    html = editor.get(f"/admin/pages/page/{about.pk}/change/").content.decode()
    picker = html[
        html.index('name="parent"') : html.index("</select>", html.index('name="parent"'))
    ]
    assert "Mentions" in picker
    assert "Histoire" not in picker and "À propos" not in picker
