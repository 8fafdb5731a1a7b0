"""Checking uploaded images and making their renditions, with Pillow.

Why not django-imagekit: its specs are generated lazily or keyed by source hash and must open the
file to know a rendition's size. We want every rendition made once at upload, with its width and
height stored in the database, so a page lists images with a single prefetch and no storage I/O.
Pillow does the image work; this module only decides sizes, formats and names.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from PIL import Image as PILImage
from PIL import ImageOps, UnidentifiedImageError

# Formats accepted, as detected from the file's content (never from its name).
ACCEPTED_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp", "GIF": "png"}
# Encoder qualities: a 1600 px photograph stays well under 150 KB as WebP, a card's 720 px
# copy under 40 KB; the JPEG fallback (for browsers without WebP) is about twice as heavy.
WEBP_QUALITY = 76
JPEG_QUALITY = 80
# Longest side accepted, in pixels. WebP cannot hold more than 16,383 pixels on a side, and a
# rendition is never taller than its original: any image within this limit gets every rendition.
MAX_SIDE = 10_000


# How wide an image is shown, for the `sizes` attribute of its <picture> (the browser then takes
# the smallest rendition at least that wide times the screen's density). Templates name a layout
# ({% picture image sizes="card" %}); each value follows static/css/site.css, so change both
# together: tests/browser/test_image_sizes.py checks that no image is shown wider than its file.
#   .container: at most 72rem, padded 1rem (phones) or 1.5rem (from 40rem) a side, so its content
#   is 100vw - 2rem, 100vw - 3rem, and 69rem from a 72rem screen.
SIZES = {
    # The container's whole width.
    "full": "(min-width: 72rem) 69rem, (min-width: 40rem) calc(100vw - 3rem), calc(100vw - 2rem)",
    # Main column of a detail page (.detail-grid: 3fr and 1fr, gap 2rem, from 60rem).
    "main": (
        "(min-width: 72rem) 50.25rem, (min-width: 60rem) calc(75vw - 3.75rem), "
        "(min-width: 40rem) calc(100vw - 3rem), calc(100vw - 2rem)"
    ),
    # A card of a .cards grid (gap 1.5rem): two columns from 40rem, three from 64rem.
    "card": (
        "(min-width: 72rem) 22rem, (min-width: 64rem) calc(33.34vw - 2rem), "
        "(min-width: 40rem) calc(50vw - 2.25rem), calc(100vw - 2rem)"
    ),
    # A card of a .cards grid in the main column of a detail page (the MC21 page).
    "main-card": (
        "(min-width: 72rem) 15.75rem, (min-width: 64rem) calc(25vw - 2.25rem), "
        "(min-width: 60rem) calc(37.5vw - 2.625rem), (min-width: 40rem) calc(50vw - 2.25rem), "
        "calc(100vw - 2rem)"
    ),
    # A card of the home page's news column (.home-news: 3fr and 2fr, gap 2rem, from 60rem).
    "home-news": (
        "(min-width: 72rem) 40.25rem, (min-width: 60rem) calc(60vw - 3rem), "
        "(min-width: 40rem) calc(100vw - 3rem), calc(100vw - 2rem)"
    ),
    # The featured article of the news list (.featured-article: padded 1.5rem, two columns
    # with a 1.5rem gap from 60rem).
    "featured": (
        "(min-width: 72rem) 32.25rem, (min-width: 60rem) calc(50vw - 3.75rem), "
        "(min-width: 40rem) calc(100vw - 6rem), calc(100vw - 5rem)"
    ),
    # The home page's image (.hero__grid: 7fr and 5fr, gap 3rem, from 60rem), a 16:9 picture
    # cut to 16:10 (object-fit: cover), so shown 10/9 as wide as its box.
    "hero": (
        "(min-width: 72rem) 31rem, (min-width: 60rem) calc(46.3vw - 2.5rem), "
        "(min-width: 40rem) calc(111.2vw - 3rem), calc(111.2vw - 2rem)"
    ),
    # An image as wide as the text at most (.page-figure: 42rem).
    "measure": (
        "(min-width: 45rem) 42rem, (min-width: 40rem) calc(100vw - 3rem), calc(100vw - 2rem)"
    ),
    # A profile's photo (.profile__photo: 14rem square) and a person's avatar (4rem round).
    "profile": "14rem",
    "avatar": "4rem",
    # A supporter's logo (.supporters: columns of at least 10rem, logo at most 5rem high).
    "logo": "(min-width: 40rem) 12rem, 45vw",
}


@dataclass
class CheckedImage:
    """An upload that passed the checks, re-encoded without metadata."""

    content: ContentFile
    width: int
    height: int
    extension: str
    has_alpha: bool


def _open(data: bytes) -> PILImage.Image:
    max_pixels = settings.IMAGE_MAX_PIXELS
    with warnings.catch_warnings():
        warnings.simplefilter("error", PILImage.DecompressionBombWarning)
        try:
            image = PILImage.open(io.BytesIO(data))
            image.verify()  # checks the file's structure
            image = PILImage.open(io.BytesIO(data))  # verify() leaves the object unusable
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
            raise ValidationError(
                _("This file is not an image we can read."), code="invalid"
            ) from exc
        except (PILImage.DecompressionBombError, PILImage.DecompressionBombWarning) as exc:
            raise ValidationError(
                _("This image has too many pixels (at most %(max)s million).")
                % {"max": max_pixels // 1_000_000},
                code="too_many_pixels",
            ) from exc
    if image.format not in ACCEPTED_FORMATS:
        raise ValidationError(
            _("Images must be JPEG, PNG, WebP or GIF files (this one is %(format)s).")
            % {"format": image.format or "?"},
            code="format",
        )
    if image.width * image.height > max_pixels:
        raise ValidationError(
            _("This image has too many pixels (at most %(max)s million).")
            % {"max": max_pixels // 1_000_000},
            code="too_many_pixels",
        )
    if max(image.width, image.height) > MAX_SIDE:
        raise ValidationError(
            _("This image is too tall or too wide (at most %(max)s pixels on a side).")
            % {"max": number_format(MAX_SIDE, force_grouping=True)},
            code="too_long",
        )
    return image


def check_image(data: bytes) -> CheckedImage:
    """Validate an upload by its content and return it re-encoded, with EXIF and other metadata
    removed and its orientation applied. Raises ValidationError with a message for editors."""
    if len(data) > settings.IMAGE_MAX_UPLOAD_BYTES:
        raise ValidationError(
            _("This file is too large (at most %(max)s MB).")
            % {"max": settings.IMAGE_MAX_UPLOAD_BYTES // (1024 * 1024)},
            code="too_large",
        )
    image = _open(data)
    source_format = image.format
    try:
        image = ImageOps.exif_transpose(image)
        image.load()
    except (OSError, ValueError) as exc:
        raise ValidationError(_("This file is not an image we can read."), code="invalid") from exc
    # Any transparency, also an RGB or grey PNG's colour key, which convert("RGBA") turns into
    # alpha (_save drops the image's info, where Pillow keeps that key).
    has_alpha = image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
    extension = ACCEPTED_FORMATS[source_format]
    if extension == "jpg" and has_alpha:
        extension = "png"
    buffer = io.BytesIO()
    try:
        _save(image, buffer, extension, has_alpha)
    except (OSError, ValueError) as exc:  # Pillow's encoders raise both
        raise ValidationError(_("This file is not an image we can read."), code="invalid") from exc
    return CheckedImage(
        content=ContentFile(buffer.getvalue()),
        width=image.width,
        height=image.height,
        extension=extension,
        has_alpha=has_alpha,
    )


def _save(image: PILImage.Image, buffer: io.BytesIO, extension: str, has_alpha: bool) -> None:
    """Encode without any metadata: no exif=, xmp= or icc_profile= passed on, and an empty
    `info`, which Pillow's encoders otherwise read from (the JPEG comment, COM, and the PNG ICC
    profile are written back from it). convert() always returns a new image, so the caller's
    image keeps its info."""
    image = image.convert(("RGBA" if has_alpha else "RGB") if extension != "jpg" else "RGB")
    image.info = {}
    if extension == "webp":
        image.save(buffer, "WEBP", quality=WEBP_QUALITY, method=4)
    elif extension == "png":
        image.save(buffer, "PNG", optimize=True)
    else:
        image.save(buffer, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True)


@dataclass
class RenditionData:
    width: int
    height: int
    format: str  # "webp", "jpg" or "png"
    content: ContentFile


def make_renditions(data: bytes, fallback_extension: str) -> list[RenditionData]:
    """Resize to each configured width no larger than the original (plus the original width when
    it is smaller than the largest), each as WebP and as the JPEG/PNG fallback."""
    source = PILImage.open(io.BytesIO(data))
    source.load()
    has_alpha = source.mode in ("RGBA", "LA", "PA") or "transparency" in source.info
    widths = [w for w in settings.IMAGE_RENDITION_WIDTHS if w < source.width]
    if source.width <= max(settings.IMAGE_RENDITION_WIDTHS):
        widths.append(source.width)
    else:
        widths.append(max(settings.IMAGE_RENDITION_WIDTHS))
    renditions = []
    for width in sorted(set(widths)):
        height = max(1, round(source.height * width / source.width))
        resized = source.resize((width, height), PILImage.Resampling.LANCZOS)
        for extension in ("webp", fallback_extension):
            buffer = io.BytesIO()
            _save(resized, buffer, extension, has_alpha)
            renditions.append(
                RenditionData(width, height, extension, ContentFile(buffer.getvalue()))
            )
    return renditions
