"""`manage.py generate_scale_data`: bilingual rows at a share of the institute's counts, marked
as sample content, in a database of its own (it refuses someone's content unless told)."""

from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command

from apps.care.models import ClinicalTrial
from apps.core.scale import INSTITUTE
from apps.news.models import Event, NewsArticle
from apps.pages.models import Page
from apps.search.models import SearchDocument
from apps.teams.models import Membership, Person, Publication, Team
from tests.teams.factories import TeamFactory

pytestmark = pytest.mark.django_db

COUNTS = {
    Team: INSTITUTE.teams,
    Person: INSTITUTE.people,
    Membership: INSTITUTE.memberships,
    Publication: INSTITUTE.publications,
    NewsArticle: INSTITUTE.articles,
    Event: INSTITUTE.events,
    Page: INSTITUTE.pages,
    ClinicalTrial: INSTITUTE.trials,
}


def generate(*args) -> str:
    out = io.StringIO()
    call_command("generate_scale_data", "--fraction", "0.01", *args, stdout=out)
    return out.getvalue()


def test_a_hundredth_of_the_institute_bilingual_sample_content_and_indexed():
    output = generate()
    assert "Scale data generated" in output
    assert "[##############################]" in output, "a progress bar"
    for model, full in COUNTS.items():
        assert model.objects.count() == round(full * 0.01), model
    for model in (Team, Person, NewsArticle, Event, Page, ClinicalTrial):
        assert not model.objects.filter(is_sample=False).exists(), model
    for model in (NewsArticle, Event, Page, ClinicalTrial):
        assert not model.objects.filter(title_en="").exists(), model
        assert not model.objects.filter(title_fr="").exists(), model
    assert not Team.objects.filter(name_en="").exists()
    assert set(Team.objects.values_list("slug_fr", flat=True)) == {
        f"scale-team-{i}" for i in range(5)
    }
    assert Page.objects.filter(parent__isnull=False).count() == 9
    child = Page.objects.filter(parent__isnull=False).select_related("parent").first()
    assert child.path_fr == f"{child.parent.path_fr}/{child.slug_fr}"
    assert child.tree_key.startswith(child.parent.tree_key)
    # People in two teams, some of them former members.
    assert Membership.objects.values("person").distinct().count() == 100
    assert SearchDocument.objects.count() > 0
    # A second run adds rows of its own beside the first.
    generate()
    assert Team.objects.filter(slug_fr__startswith="scale-team-1-").count() == 5
    assert Team.objects.count() == 10


def test_it_refuses_a_database_with_content_it_did_not_make():
    TeamFactory(slug="une-vraie-equipe")
    with pytest.raises(CommandError, match="content the generator did not make"):
        generate()
    assert not NewsArticle.objects.exists(), "nothing written"
    generate("--add-to-existing")
    assert NewsArticle.objects.count() == 300


def test_odd_fractions_are_refused():
    for odd in ("0", "-1", "10", "nan"):
        with pytest.raises(CommandError):
            call_command("generate_scale_data", "--fraction", odd, stdout=io.StringIO())
