"""Demo MC21 pages, timeline and supporters (sample content, flagged in the admin).

MC21 is told in the past: the center's own page says Institut Curie led the project until 2021,
and the timeline ends with that year. The texts (apps.mc21.demo_texts) say only what that page
says."""

from __future__ import annotations

from django.utils import timezone

from apps.core.models import Publishable, SiteSettings
from apps.mc21.demo_texts import (
    DONATION_URL,
    HISTORY_BODY,
    MILESTONE_OPENING_TEXT,
    ROOT_BODY,
    ROOT_INTRO,
    SUPPORTERS,
)
from apps.mc21.models import Connection, Milestone, Supporter
from apps.news.models import Category, NewsArticle
from apps.pages.models import Page
from apps.teams.models import Team

PUBLISHED = Publishable.Status.PUBLISHED


def load() -> list[str]:
    if Page.objects.filter(kind=Page.Kind.MC21).exists() or Milestone.objects.exists():
        return []
    root = Page.objects.create(
        kind=Page.Kind.MC21,
        slug_fr="mc21",
        slug_en="mc21",
        status=PUBLISHED,
        order=50,
        show_in_main_menu=False,
        is_sample=True,
        title_fr="MC21 – Marie Curie XXIe siècle",
        title_en="MC21 – Marie Curie 21st Century",
        intro_fr=ROOT_INTRO[0],
        intro_en=ROOT_INTRO[1],
        body_fr=ROOT_BODY[0],
        body_en=ROOT_BODY[1],
    )
    history = Page.objects.create(
        parent=root,
        slug_fr="histoire",
        slug_en="history",
        status=PUBLISHED,
        order=10,
        is_sample=True,
        title_fr="Un modèle né en 1909",
        title_en="A model born in 1909",
        intro_fr="Chercheurs et médecins côte à côte, depuis Marie Curie.",
        intro_en="Researchers and physicians side by side, since Marie Curie.",
        body_fr=HISTORY_BODY[0],
        body_en=HISTORY_BODY[1],
    )
    Page.objects.create(
        parent=root,
        slug_fr="objectifs",
        slug_en="aims",
        status=PUBLISHED,
        order=20,
        is_sample=True,
        title_fr="Les objectifs du projet",
        title_en="The project's aims",
        intro_fr="Des essais précoces, des biomarqueurs, le cancer du sein.",
        intro_en="Early trials, biomarkers, breast cancer.",
        body_fr="<p>Essais cliniques précoces et combinaisons de traitements ; nouveaux "
        "biomarqueurs prédictifs ; comprendre les résultats modestes de l'immunothérapie "
        "dans le cancer du sein.</p>",
        body_en="<p>Early clinical trials and treatment combinations; new predictive "
        "biomarkers; understanding the modest results of immunotherapy in breast "
        "cancer.</p>",
    )
    opening = NewsArticle.objects.filter(slug="ouverture-du-centre").first()
    Milestone.objects.create(
        year=1909,
        status=PUBLISHED,
        page=history,
        title_fr="Le modèle de Marie Curie",
        title_en="Marie Curie's model",
        text_fr="Réunir chercheurs et médecins pour soigner plus vite.",
        text_en="Researchers and physicians together, to treat patients sooner.",
    )
    Milestone.objects.create(
        year=(opening.date.year if opening else timezone.localdate().year),
        status=PUBLISHED,
        article=opening,
        is_sample=True,
        title_fr="Ouverture du Centre d'immunothérapie des cancers",
        title_en="The Center for Cancer Immunotherapy opens",
        text_fr=MILESTONE_OPENING_TEXT[0],
        text_en=MILESTONE_OPENING_TEXT[1],
    )
    Milestone.objects.create(
        year=2021,
        status=PUBLISHED,
        title_fr="Fin de la période MC21 portée par l'Institut Curie",
        title_en="End of the MC21 period led by Institut Curie",
    )
    for order, (name_fr, name_en, kind) in enumerate(SUPPORTERS):
        Supporter.objects.create(
            name_fr=name_fr,
            name_en=name_en,
            kind=kind,
            order=order,
            status=PUBLISHED,
            is_sample=True,
        )
    connection = Connection.objects.create(
        news_category=Category.objects.filter(slug="vie-du-centre").first()
    )
    connection.teams.set(Team.objects.published().order_by("order")[:3])
    settings_row = SiteSettings.objects.filter(pk=1).first()
    if settings_row and not settings_row.donation_url_fr:
        # Where the "Make a donation" button of the support page leads (see demo_texts).
        settings_row.donation_url_fr = DONATION_URL
        settings_row.donation_url_en = DONATION_URL
        settings_row.save()
    return ["MC21 home and 2 pages", "3 milestones", "4 sample supporters"]
