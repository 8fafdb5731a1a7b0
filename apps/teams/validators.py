"""ORCID iDs: the format and the ISO 7064 MOD 11-2 check character (python-stdnum)."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from stdnum.exceptions import ValidationError as StdnumError
from stdnum.iso7064 import mod_11_2

ORCID_FORMAT = re.compile(r"^[0-9]{4}-[0-9]{4}-[0-9]{4}-[0-9]{3}[0-9X]$")


def validate_orcid(value: str) -> None:
    if not ORCID_FORMAT.match(value or ""):
        raise ValidationError(
            _("An ORCID iD has the form 0000-0002-1825-0097 (16 characters in four groups)."),
            code="orcid_format",
        )
    try:
        mod_11_2.validate(value.replace("-", ""))
    except StdnumError:
        raise ValidationError(
            _("This ORCID iD is mistyped: its last character does not match the others."),
            code="orcid_checksum",
        ) from None
