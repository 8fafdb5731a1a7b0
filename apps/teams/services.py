"""Writes and exports for teams and people."""

from __future__ import annotations

import vobject


def person_vcard(person, request) -> str:
    """A vCard 3.0 of what the person's profile shows publicly (never a hidden email or phone)."""
    card = vobject.vCard()
    card.add("n").value = vobject.vcard.Name(
        family=person.last_name, given=person.first_name, prefix=person.title
    )
    card.add("fn").value = person.display_name
    if person.position:
        card.add("title").value = person.position
    teams = [m.team.name for m in getattr(person, "all_memberships", []) if m.is_current]
    card.add("org").value = ["Institut Curie", *teams[:1]]
    if person.public_email:
        card.add("email").value = person.public_email
        card.email.type_param = "INTERNET"
    if person.public_phone:
        card.add("tel").value = person.public_phone
        card.tel.type_param = "WORK"
    address = _work_address()
    if address is not None:
        card.add("adr").value = address
        card.adr.type_param = "WORK"
    card.add("url").value = request.build_absolute_uri(person.get_absolute_url())
    if person.orcid:
        card.add("note").value = f"ORCID: {person.orcid_url}"
    return card.serialize()


def _work_address():
    """The center's postal address (public on every page), as the card's work address."""
    from apps.core.models import SiteSettings

    settings_row = SiteSettings.load()
    if not settings_row.street_address:
        return None
    return vobject.vcard.Address(
        street=settings_row.street_address,
        city=settings_row.city,
        code=settings_row.postal_code,
        country=settings_row.country,
        extended=settings_row.institution,
    )
