"""What the site search indexes of editorial pages, the MC21 pages included (apps.py)."""

from apps.core.search_text import texts
from apps.pages.models import Page


def page_texts(page) -> dict[str, str]:
    return texts(page, title="title", summary=("intro", "seo_description"), body=("body",))


def public_pages():
    return Page.objects.public()
