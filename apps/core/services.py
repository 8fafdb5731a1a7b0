"""Writes with side effects for the shared pieces: storing images and making their renditions."""

from __future__ import annotations

import contextlib

from django.db import transaction

from apps.core.images import CheckedImage, RenditionData, check_image, make_renditions
from apps.core.models import Image, Rendition


def image_prepare_upload(data: bytes, name: str) -> tuple[CheckedImage, str]:
    """Check an upload and return it cleaned, with a safe file name."""
    checked = check_image(data)
    stem = "".join(ch for ch in name.rsplit(".", 1)[0] if ch.isalnum() or ch in "-_")[:60]
    return checked, f"{stem or 'image'}.{checked.extension}"


def _delete_stored(storage, names) -> None:
    for name in names:
        # Already gone, or the storage is failing: nothing more can be done here.
        with contextlib.suppress(OSError):
            storage.delete(name)


def image_forget_files(sender, instance: Image, **kwargs) -> None:
    """pre_delete of an Image: its original and every rendition leave the storage once the
    deletion commits (a rollback keeps them). Without this, a picture withdrawn from the site
    (at a person's request, say) would still answer at its address."""
    storage = instance.file.storage
    names = {instance.file.name} if instance.file else set()
    names.update(name for name in instance.renditions.values_list("file", flat=True) if name)
    if names:
        transaction.on_commit(lambda: _delete_stored(storage, names))


def _make_rendition_rows(
    image: Image, written: list[str], made: list[RenditionData] | None = None
) -> list[Rendition]:
    """Replace the image's rendition rows with new ones made from its stored file (or with
    `made`, renditions already made from it); every file written is added to `written` as soon
    as it exists. Returns the new rows."""
    if made is None:
        image.file.open("rb")
        try:
            data = image.file.read()
        finally:
            image.file.close()
        fallback = "png" if image.file.name.lower().endswith(".png") else "jpg"
        made = make_renditions(data, fallback)  # every rendition encoded before any is written
    image.renditions.all().delete()
    created = []
    for item in made:
        rendition = Rendition(image=image, width=item.width, height=item.height, format=item.format)
        rendition.file.save(f"{item.width}w.{item.format}", item.content, save=False)
        written.append(rendition.file.name)
        rendition.save()
        created.append(rendition)
    return created


def image_save(
    image: Image, *, rebuild: bool = True, renditions: list[RenditionData] | None = None
) -> Image:
    """Save an image (writing its file when a new one was assigned) and, with `rebuild`, remake
    its renditions (or store `renditions`, made from the same file by make_renditions, as the
    demo images do): all or nothing. On any failure, every file written here is removed, no row
    written here is kept, and the exception goes on. The files a success replaces (earlier
    original and renditions) are removed once the transaction commits, not before: a rollback
    later on still finds them."""
    storage = image.file.storage
    adding = image._state.adding
    # FileField.pre_save writes a file not yet committed (a new upload) to the storage.
    new_file = bool(image.file) and not image.file._committed
    replaced: list[str] = []
    if not adding and new_file:
        replaced += (
            Image.objects.filter(pk=image.pk).exclude(file="").values_list("file", flat=True)
        )
    written: list[str] = []
    try:
        with transaction.atomic():
            if not adding and rebuild:
                replaced += Rendition.objects.filter(image=image).values_list("file", flat=True)
            image.save()
            if new_file:
                written.append(image.file.name)
            if rebuild:
                _make_rendition_rows(image, written, renditions)
    except BaseException:
        if new_file and image.file._committed:
            written.append(image.file.name)  # stored, even if the row then failed
            folder = image.file.name.rpartition("/")[0]
            if adding and folder.endswith(image.uuid.hex):
                # A new image's folder is its own: a rendition half written goes too.
                with contextlib.suppress(OSError):
                    written += [f"{folder}/{name}" for name in storage.listdir(folder)[1]]
        if adding:
            image.pk = None  # its row was rolled back
            image._state.adding = True
        _delete_stored(storage, set(written))
        raise
    getattr(image, "_prefetched_objects_cache", {}).pop("renditions", None)  # now stale
    if replaced:
        transaction.on_commit(lambda: _delete_stored(storage, set(replaced) - set(written)))
    return image


def image_build_renditions(image: Image) -> list[Rendition]:
    """(Re)make every rendition of a saved image from its stored, already cleaned file."""
    image_save(image, rebuild=True)
    return list(image.renditions.all())


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
    decorative: bool = False,
) -> Image:
    """Store a new library image from raw bytes (imports, demo content) with its renditions."""
    checked, safe_name = image_prepare_upload(data, filename)
    image = Image(
        title=title,
        alt_text_fr=alt_text_fr,
        alt_text_en=alt_text_en,
        decorative=decorative,
        credit=credit,
        caption_fr=caption_fr,
        caption_en=caption_en,
    )
    image.full_clean(exclude=["file"])
    checked.content.name = safe_name
    image.file = checked.content  # written by image_save, which removes it again on failure
    image.width, image.height = checked.width, checked.height
    return image_save(image)
