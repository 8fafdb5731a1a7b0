"""What the news app adds to other apps' pages: the home page, team pages and profiles."""

from apps.news.models import Event, NewsArticle

HOME_NEWS = 3
HOME_EVENTS = 3
DETAIL_NEWS = 5
DETAIL_EVENTS = 5


def home_news(request) -> dict:
    return {
        "articles": list(
            NewsArticle.objects.published().for_cards().order_by("-date", "-pk")[:HOME_NEWS]
        ),
        "events": list(Event.objects.published().upcoming()[:HOME_EVENTS]),
    }


def team_news(request, team):
    articles = list(
        NewsArticle.objects.published()
        .filter(teams=team)
        .for_cards()
        .order_by("-date", "-pk")[:DETAIL_NEWS]
    )
    events = list(Event.objects.published().upcoming().filter(teams=team)[:DETAIL_EVENTS])
    if not articles and not events:
        return None
    return {"articles": articles, "events": events}


def person_news(request, person):
    articles = list(
        NewsArticle.objects.published()
        .filter(people=person)
        .for_cards()
        .order_by("-date", "-pk")[:DETAIL_NEWS]
    )
    return {"articles": articles, "events": []} if articles else None
