"""schema.org JSON-LD for the patients page: the center as a MedicalClinic with its contacts."""

from django import template

from apps.core.templatetags.core_tags import json_ld

register = template.Library()

DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


@register.simple_tag(takes_context=True)
def clinic_jsonld(context, contact_points):
    site = context["site_settings"]
    request = context["request"]
    points = []
    for point in contact_points:
        item = {
            "@type": "ContactPoint",
            "name": point.name,
            "contactType": point.purpose or point.name,
            "availableLanguage": ["French", "English"],
        }
        if point.phone:
            item["telephone"] = point.phone_uri.removeprefix("tel:")
        hours = [
            {
                "@type": "OpeningHoursSpecification",
                "dayOfWeek": DAYS[slot.weekday],
                "opens": slot.opens.strftime("%H:%M"),
                "closes": slot.closes.strftime("%H:%M"),
            }
            for slot in point.slots.all()
        ]
        if hours:
            item["hoursAvailable"] = hours
        points.append(item)
    data = {
        "@context": "https://schema.org",
        "@type": "MedicalClinic",
        "name": site.site_name,
        "url": request.build_absolute_uri(request.path),
        "address": {
            "@type": "PostalAddress",
            "streetAddress": site.street_address,
            "postalCode": site.postal_code,
            "addressLocality": site.city,
            "addressCountry": "FR",
        },
        "contactPoint": points,
    }
    if site.phone_main:
        data["telephone"] = site.phone_main_uri.removeprefix("tel:")
    return json_ld(data)


@register.simple_tag(takes_context=True)
def trial_jsonld(context, trial):
    request = context["request"]
    data = {
        "@context": "https://schema.org",
        "@type": "MedicalTrial",
        "name": trial.title,
        "description": trial.summary,
        "url": request.build_absolute_uri(trial.get_absolute_url()),
        "status": {
            "recruiting": "Recruiting",
            "not_yet": "NotYetRecruiting",
            "active": "ActiveNotRecruiting",
            "closed": "Completed",
        }[trial.recruitment],
        "phase": trial.get_phase_display(),
        "sponsor": {"@type": "Organization", "name": "Institut Curie"},
    }
    if trial.acronym:
        data["alternateName"] = trial.acronym
    # A sample trial's made-up numbers are no identifiers of anything (a real trial may have them).
    identifiers = [] if trial.is_sample else [number for number, _url in trial.registry_links]
    if identifiers:
        data["identifier"] = identifiers
    conditions = [c.name for c in trial.cancer_types.all()]
    if conditions:
        data["healthCondition"] = conditions
    return json_ld(data)
