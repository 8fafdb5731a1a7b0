from django.db.models import Prefetch

from apps.mc21.models import Connection, Milestone, Supporter
from apps.news.models import NewsArticle
from apps.pages.models import Page
from apps.pages.views import PageView
from apps.teams.models import Team

ROOT_SLUG = "mc21"
MC21_NEWS = 3


class Mc21LandingView(PageView):
    """/mc21/: the project's home page (the page of kind MC21), its timeline, its supporters,
    its teams and news, and the call to give."""

    template_name = "mc21/landing.html"

    def page_path(self) -> str:
        return ROOT_SLUG

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        milestones = list(
            Milestone.objects.published()
            .select_related("article", "page")
            .order_by("year", "date", "pk")
        )
        # Which linked pages visitors may see, in one query (a hidden parent hides a page).
        public_pages = set(
            Page.objects.public()
            .filter(pk__in={m.page_id for m in milestones if m.page_id})
            .values_list("pk", flat=True)
        )
        for milestone in milestones:
            article = milestone.article
            milestone.target = (
                article
                if article is not None and article.is_published()
                else milestone.page
                if milestone.page_id in public_pages
                else None
            )
        context["milestones"] = milestones
        context["supporters"] = list(
            Supporter.objects.published()
            .select_related("logo")
            .prefetch_related("logo__renditions")
        )
        connection = (
            Connection.objects.select_related("news_category")
            .prefetch_related(
                Prefetch(
                    "teams",
                    queryset=Team.objects.published().with_cards().order_by("order", "name"),
                )
            )
            .filter(pk=1)
            .first()
        )
        context["teams"] = list(connection.teams.all()) if connection else []
        category = connection.news_category if connection else None
        context["news_category"] = category if category and category.is_published() else None
        context["articles"] = (
            list(
                NewsArticle.objects.published()
                .filter(category=category)
                .for_cards()
                .order_by("-date", "-pk")[:MC21_NEWS]
            )
            if context["news_category"]
            else []
        )
        return context


class Mc21PageView(PageView):
    """/mc21/<path>/: the pages below the MC21 home page."""

    def page_path(self) -> str:
        return f"{ROOT_SLUG}/{self.kwargs['path']}"
