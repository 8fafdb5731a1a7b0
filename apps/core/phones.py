"""Phone numbers as the site shows them and dials them.

Parsed with python-phonenumbers (Google's libphonenumber metadata, kept up to date by its
maintainers) rather than by hand: which numbers exist changes, and "01 44 32 4x 00" or a digit
too few must be refused when an editor saves, not found by a patient who cannot get through.
A French number is shown in the national format ("01 44 32 40 00"), any other in the
international one ("+41 22 555 12 34"); links dial the E.164 form ("tel:+33144324000",
`apps.core.models.phone_uri`).
"""

from __future__ import annotations

import phonenumbers
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

REGION = "FR"  # a number written without a country code is French


def parse(value: str) -> phonenumbers.PhoneNumber | None:
    """The number, or None when it is not one that can be dialled."""
    if not value or "\x00" in value or len(value) > 40:
        return None
    try:
        number = phonenumbers.parse(value, REGION)
    except phonenumbers.NumberParseException:
        return None
    return number if phonenumbers.is_valid_number(number) else None


def validate_phone(value: str) -> None:
    if value and parse(value) is None:
        raise ValidationError(
            _(
                "This is not a phone number that can be dialled: check every digit (for "
                "example 01 44 32 40 00, or +41 22 555 12 34 for a number abroad)."
            ),
            code="invalid",
        )


def format_phone(value: str) -> str:
    """The number as the site shows it; a value that is not a number is left as it is."""
    number = parse(value)
    if number is None:
        return value
    french = phonenumbers.region_code_for_number(number) == REGION
    style = phonenumbers.PhoneNumberFormat.NATIONAL if french else None
    return phonenumbers.format_number(number, style or phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def e164(value: str) -> str:
    """ "+33144324000", or "" for a value that is not a number."""
    number = parse(value)
    if number is None:
        return ""
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
