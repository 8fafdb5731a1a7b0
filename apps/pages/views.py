from django.http import Http404
from django.utils import translation
from django.views.generic import TemplateView

from apps.core.models import can_preview
from apps.core.registry import home_blocks
from apps.core.views import PublishableDetailView
from apps.pages.models import HomePage, Page


class HomeView(TemplateView):
    template_name = "pages/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["home"] = HomePage.load()
        for name, slot in (("home_blocks_top", "top"), ("home_blocks", "main")):
            context[name] = [
                {"template": block.template, "context": block.context(self.request)}
                for block in home_blocks(slot)
            ]
        return context


class PageView(PublishableDetailView):
    """A page of the tree at its path; an old path answers 301 to the page's current one."""

    model = Page
    template_name = "pages/page_detail.html"
    context_object_name = "page"
    serves_pages = True  # see apps.pages.models.app_owns_path
    path_prefix = ""  # a section serving a subtree (MC21) sets its root's path

    def page_path(self) -> str:
        return self.path_prefix + self.kwargs["path"]

    def get(self, request, *args, **kwargs):
        path = self.page_path()
        if "\x00" in path or len(path) > 600:  # PostgreSQL refuses NUL; no path is that long
            raise Http404
        # A page not found at an old address is redirected by apps.core.redirects.
        return super().get(request, *args, **kwargs)

    def get_object(self, queryset=None):
        queryset = self.get_queryset() if queryset is None else queryset
        page = queryset.at_path(self.page_path(), translation.get_language()).first()
        if page is None:
            raise Http404
        return page

    def _other_language_address(self):
        """A page reached at an English address by its French path: its English address."""
        from django.conf import settings

        default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
        if translation.get_language() == default:
            return None
        page = self.get_queryset().at_path(self.page_path(), default).first()
        return page.get_absolute_url() if page is not None else None

    def get_queryset(self):
        user = self.request.user
        pages = Page.objects.all() if can_preview(user, Page) else Page.objects.public()
        return pages.select_related("image").prefetch_related("image__renditions")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        language = translation.get_language()
        page = self.object
        ancestors = {
            getattr(p, f"path_{language}"): p
            for p in Page.objects.published().filter(
                **{f"path_{language}__in": page.ancestor_paths(language)}
            )
        }
        context["ancestors"] = [
            ancestors[p] for p in page.ancestor_paths(language) if p in ancestors
        ]
        context["children"] = list(
            Page.objects.published().filter(parent=page).order_by("order", "title")
        )
        return context
