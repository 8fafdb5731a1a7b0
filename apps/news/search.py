"""What the site search indexes of news and events (registered in apps.py)."""

from apps.core.search_text import texts
from apps.news.models import Event, NewsArticle


def article_texts(article) -> dict[str, str]:
    return texts(article, title="title", summary=("lead",), body=("body",))


def event_texts(event) -> dict[str, str]:
    return texts(event, title="title", summary=("summary", "place"), body=("description",))


def public_articles():
    return NewsArticle.objects.published()


def public_events():
    return Event.objects.published()
