"""schema.org JSON-LD for team and person pages (no email: pages show it protected)."""

from django import template

from apps.core.templatetags.core_tags import json_ld

register = template.Library()


def _absolute(request, path):
    return request.build_absolute_uri(path) if request else path


@register.simple_tag(takes_context=True)
def team_jsonld(context, team, leaders=()):
    request = context.get("request")
    data = {
        "@context": "https://schema.org",
        "@type": "ResearchOrganization",
        "name": team.name,
        "description": team.summary,
        "url": _absolute(request, team.get_absolute_url()),
        "parentOrganization": {"@type": "Organization", "name": "Institut Curie"},
    }
    if team.acronym:
        data["alternateName"] = team.acronym
    if team.website:
        data["sameAs"] = team.website
    themes = [theme.name for theme in team.themes.all()]
    if themes:
        data["knowsAbout"] = themes
    members = [
        {
            "@type": "Person",
            "name": m.person.display_name,
            "url": _absolute(request, m.person.get_absolute_url()),
        }
        for m in leaders
    ]
    if members:
        data["member"] = members
    return json_ld(data)


@register.simple_tag(takes_context=True)
def person_jsonld(context, person, memberships=()):
    request = context.get("request")
    data = {
        "@context": "https://schema.org",
        "@type": "Person",
        "name": person.full_name,
        "givenName": person.first_name,
        "familyName": person.last_name,
        "url": _absolute(request, person.get_absolute_url()),
    }
    if person.title:
        data["honorificPrefix"] = person.title
    if person.position:
        data["jobTitle"] = person.position
    if person.expertise_list:
        data["knowsAbout"] = person.expertise_list
    if person.orcid:
        data["sameAs"] = person.orcid_url
    if person.public_phone:
        data["telephone"] = person.public_phone
    teams = [
        {
            "@type": "ResearchOrganization",
            "name": m.team.name,
            "url": _absolute(request, m.team.get_absolute_url()),
        }
        for m in memberships
    ]
    data["affiliation"] = teams or {"@type": "Organization", "name": "Institut Curie"}
    if person.photo:
        fallback = person.photo.fallback(max_width=960)
        if fallback:
            data["image"] = _absolute(request, fallback.file.url)
    return json_ld(data)
