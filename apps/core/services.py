"""Writes with side effects for the shared pieces: storing images and making their renditions."""

from __future__ import annotations

from django.db import transaction

from apps.core.images import CheckedImage, check_image, make_renditions
from apps.core.models import Image, Rendition


def image_prepare_upload(data: bytes, name: str) -> tuple[CheckedImage, str]:
    """Check an upload and return it cleaned, with a safe file name."""
    checked = check_image(data)
    stem = "".join(ch for ch in name.rsplit(".", 1)[0] if ch.isalnum() or ch in "-_")[:60]
    return checked, f"{stem or 'image'}.{checked.extension}"


@transaction.atomic
def image_build_renditions(image: Image) -> list[Rendition]:
    """(Re)make every rendition of an image from its stored, already cleaned file."""
    for old in image.renditions.all():
        old.file.delete(save=False)
    image.renditions.all().delete()
    image.file.open("rb")
    try:
        data = image.file.read()
    finally:
        image.file.close()
    fallback = "png" if image.file.name.lower().endswith(".png") else "jpg"
    created = []
    for item in make_renditions(data, fallback):
        rendition = Rendition(image=image, width=item.width, height=item.height, format=item.format)
        rendition.file.save(f"{item.width}w.{item.format}", item.content, save=False)
        rendition.save()
        created.append(rendition)
    return created


def image_create(
    *,
    data: bytes,
    filename: str,
    title: str,
    alt_text_fr: str,
    alt_text_en: str,
    credit: str = "",
    caption_fr: str = "",
    caption_en: str = "",
) -> Image:
    """Store a new library image from raw bytes (imports, demo content) with its renditions."""
    checked, safe_name = image_prepare_upload(data, filename)
    image = Image(
        title=title,
        alt_text_fr=alt_text_fr,
        alt_text_en=alt_text_en,
        credit=credit,
        caption_fr=caption_fr,
        caption_en=caption_en,
    )
    image.full_clean(exclude=["file"])
    image.file.save(safe_name, checked.content, save=False)
    image.width, image.height = checked.width, checked.height
    image.save()
    image_build_renditions(image)
    return image
