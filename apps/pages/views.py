from django.views.generic import TemplateView

from apps.core.registry import home_blocks
from apps.pages.models import HomePage


class HomeView(TemplateView):
    template_name = "pages/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["home"] = HomePage.load()
        context["home_blocks"] = [
            {"template": block.template, "context": block.context(self.request)}
            for block in home_blocks()
        ]
        return context
