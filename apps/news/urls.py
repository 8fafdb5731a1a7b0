from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from apps.news import feeds, views

app_name = "news"

urlpatterns = [
    path(_("news/"), views.NewsListView.as_view(), name="article-list"),
    path(_("news/feed/rss/"), require_safe(feeds.NewsRssFeed()), name="feed-rss"),
    path(_("news/feed/atom/"), require_safe(feeds.NewsAtomFeed()), name="feed-atom"),
    path(
        _("news/feed/rss/<slug:category>/"),
        require_safe(feeds.NewsRssFeed()),
        name="feed-rss-category",
    ),
    path(
        _("news/feed/atom/<slug:category>/"),
        require_safe(feeds.NewsAtomFeed()),
        name="feed-atom-category",
    ),
    path(_("news/<slug:slug>/"), views.NewsDetailView.as_view(), name="article-detail"),
    path(_("events/"), views.EventListView.as_view(), name="event-list"),
    path(_("events/calendar.ics"), views.calendar_ics_view, name="calendar-ics"),
    path(_("events/<slug:slug>.ics"), views.event_ics_view, name="event-ics"),
    path(_("events/<slug:slug>/"), views.EventDetailView.as_view(), name="event-detail"),
]
