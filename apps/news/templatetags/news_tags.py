"""schema.org JSON-LD for news articles and events."""

from django import template

from apps.core.templatetags.core_tags import json_ld

register = template.Library()

ORGANIZATION = {"@type": "Organization", "name": "Institut Curie"}


def _image(request, image):
    rendition = image.fallback(max_width=1600) if image else None
    return request.build_absolute_uri(rendition.file.url) if rendition else None


@register.simple_tag(takes_context=True)
def article_jsonld(context, article):
    request = context["request"]
    published = article.published_at
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title[:110],
        "description": article.lead,
        "datePublished": published.isoformat(),
        "dateModified": article.updated_at.isoformat(),
        "mainEntityOfPage": request.build_absolute_uri(article.get_absolute_url()),
        "author": ORGANIZATION,
        "publisher": ORGANIZATION,
        "inLanguage": context.get("LANGUAGE_CODE", "fr"),
    }
    if image := _image(request, article.image):
        data["image"] = [image]
    if article.public_category:
        data["articleSection"] = article.public_category.name
    return json_ld(data)


@register.simple_tag(takes_context=True)
def event_jsonld(context, event):
    request = context["request"]
    if event.all_day:
        start, end = event.local_start.date().isoformat(), event.local_end.date().isoformat()
    else:
        start, end = event.local_start.isoformat(), event.local_end.isoformat()
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "description": event.summary,
        "startDate": start,
        "endDate": end,
        "url": request.build_absolute_uri(event.get_absolute_url()),
        "eventStatus": "https://schema.org/EventCancelled"
        if event.cancelled
        else "https://schema.org/EventScheduled",
        "organizer": ORGANIZATION,
    }
    locations = []
    if event.place:
        locations.append({"@type": "Place", "name": event.place, "address": event.place})
    if event.online_url:
        locations.append({"@type": "VirtualLocation", "url": event.online_url})
    if locations:
        data["location"] = locations if len(locations) > 1 else locations[0]
        data["eventAttendanceMode"] = (
            "https://schema.org/MixedEventAttendanceMode"
            if len(locations) > 1
            else "https://schema.org/OnlineEventAttendanceMode"
            if event.online_url
            else "https://schema.org/OfflineEventAttendanceMode"
        )
    if image := _image(request, event.image):
        data["image"] = [image]
    return json_ld(data)
