from apps.core.views import PublishableDetailView
from tests.testapp.models import Article


class ArticleDetailView(PublishableDetailView):
    model = Article
    template_name = "testapp/article_detail.html"


def failing_view(request):
    raise RuntimeError("A failing view, for the 500 page.")
