"""What MC21 adds to the home page: its introduction and a link to the project."""

from django.utils import translation

from apps.pages.models import Page


def home_mc21(request) -> dict:
    root = Page.objects.public().at_path("mc21", translation.get_language()).first()
    return {"page": root}
