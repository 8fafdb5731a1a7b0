import html
import io
import re
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template import Context, Template
from django.utils import translation
from PIL import Image as PILImage
from PIL.PngImagePlugin import PngInfo

from apps.core import images
from apps.core.images import MAX_SIDE, check_image
from apps.core.models import Image, Rendition
from apps.core.roles import SITE_EDITORS, ensure_roles
from apps.core.services import image_create, image_save
from tests.factories import SiteSettingsFactory, UserFactory, image_bytes, make_image


def _exif_with_gps() -> PILImage.Exif:
    exif = PILImage.Exif()
    exif[0x010F] = "CameraMaker"  # Make
    exif[0x0112] = 6  # Orientation: rotate 90° clockwise to display
    gps = exif.get_ifd(0x8825)
    gps[2] = (48.0, 50.0, 40.0)  # GPSLatitude
    return exif


def test_check_rejects_a_non_image_whatever_its_name():
    with pytest.raises(ValidationError) as info:
        check_image(b"<?php echo 'not an image'; ?>")
    assert info.value.code == "invalid"


def test_check_rejects_a_truncated_image():
    with pytest.raises(ValidationError):
        check_image(image_bytes()[:200])


def test_check_rejects_too_large_files(settings):
    settings.IMAGE_MAX_UPLOAD_BYTES = 1000
    with pytest.raises(ValidationError) as info:
        check_image(image_bytes(800, 800))
    assert info.value.code == "too_large"


def test_check_rejects_too_many_pixels(settings):
    settings.IMAGE_MAX_PIXELS = 100 * 100
    with pytest.raises(ValidationError) as info:
        check_image(image_bytes(200, 200))
    assert info.value.code == "too_many_pixels"


def test_check_rejects_unsupported_formats():
    buffer = io.BytesIO()
    PILImage.new("RGB", (10, 10)).save(buffer, "BMP")
    with pytest.raises(ValidationError) as info:
        check_image(buffer.getvalue())
    assert info.value.code == "format"


def test_check_strips_exif_and_applies_orientation():
    data = image_bytes(300, 200, exif=_exif_with_gps())
    assert PILImage.open(io.BytesIO(data)).getexif().get(0x010F) == "CameraMaker"
    checked = check_image(data)
    cleaned = PILImage.open(io.BytesIO(checked.content.read()))
    assert dict(cleaned.getexif()) == {}
    assert (cleaned.width, cleaned.height) == (200, 300)  # rotated upright
    assert (checked.width, checked.height) == (200, 300)


def test_png_with_transparency_stays_png():
    checked = check_image(image_bytes(50, 50, fmt="PNG"))
    assert checked.extension == "png"
    assert checked.has_alpha


@pytest.mark.django_db
def test_renditions_in_each_width_as_webp_and_fallback(settings):
    image = make_image(width=2000, height=1000)
    sizes = sorted((r.width, r.height, r.format) for r in image.renditions.all())
    assert sizes == [
        (width, width // 2, fmt)
        for width in (320, 480, 720, 960, 1280, 1600)
        for fmt in ("jpg", "webp")
    ]
    for rendition in image.renditions.all():
        with rendition.file.open("rb") as handle:
            opened = PILImage.open(handle)
            assert opened.format == {"jpg": "JPEG", "webp": "WEBP"}[rendition.format]
            assert opened.size == (rendition.width, rendition.height)


@pytest.mark.django_db
def test_small_image_is_not_enlarged():
    image = make_image(width=300, height=150)
    assert {r.width for r in image.renditions.all()} == {300}


@pytest.mark.django_db
def test_picture_tag_has_srcset_size_and_alt(django_assert_num_queries):
    make_image(width=1200, height=600)
    image = Image.objects.with_renditions().get()
    template = Template('{% load core_tags %}{% picture image sizes="50vw" %}')
    with django_assert_num_queries(0), translation.override("fr"):
        html = template.render(Context({"image": image}))
    assert '<source type="image/webp" srcset="' in html
    assert " 480w" in html and " 960w" in html
    # The fallback <img> carries its own size and the alt text of the page's language.
    assert re.search(
        r'<img src="[^"]+/1200w\.jpg" width="1200" height="600" alt="Une image de test" ', html
    )
    assert 'sizes="50vw"' in html
    assert 'loading="lazy"' in html
    fallback = image.fallback()
    assert f'width="{fallback.width}" height="{fallback.height}"' in html


@pytest.mark.django_db
def test_alt_text_follows_the_language():
    image = make_image()
    with translation.override("en"):
        assert image.alt_text == "A test image"
    with translation.override("fr"):
        assert image.alt_text == "Une image de test"


@pytest.fixture
def admin_client_fr(client):
    SiteSettingsFactory()
    client.force_login(UserFactory(username="editor", is_staff=True, is_superuser=True))
    return client


def _upload(data, name="photo.jpg"):
    return SimpleUploadedFile(name, data, content_type="image/jpeg")


def _form(**overrides):
    data = {
        "title": "Portrait",
        "alt_text_fr": "Un portrait",
        "alt_text_en": "A portrait",
        "caption_fr": "",
        "caption_en": "",
        "credit": "Institut Curie",
    }
    data.update(overrides)
    return data


@pytest.mark.django_db
def test_admin_upload_strips_metadata_and_makes_renditions(admin_client_fr):
    data = image_bytes(1000, 500, exif=_exif_with_gps())
    response = admin_client_fr.post("/admin/core/image/add/", {**_form(), "file": _upload(data)})
    assert response.status_code == 302, response.content.decode()[:2000]
    image = Image.objects.get()
    assert image.renditions.count() == 6  # 320, 480 and 500 wide (upright), WebP + JPEG
    with image.file.open("rb") as handle:
        assert dict(PILImage.open(handle).getexif()) == {}


@pytest.mark.django_db
def test_admin_requires_alt_text_in_both_languages(admin_client_fr):
    response = admin_client_fr.post(
        "/admin/core/image/add/",
        {**_form(alt_text_en=""), "file": _upload(image_bytes())},
    )
    assert response.status_code == 200
    assert Image.objects.count() == 0
    assert "errorlist" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "payload",
    [b"GIF89a not really", b"\x00" * 100, "é".encode() * 1000, b""],
)
def test_admin_refuses_bad_files_with_a_message(admin_client_fr, payload):
    response = admin_client_fr.post(
        "/admin/core/image/add/", {**_form(), "file": _upload(payload, "evil.jpg")}
    )
    assert response.status_code == 200
    assert Image.objects.count() == 0
    assert "errorlist" in response.content.decode()


# Security review, issue 10, finding 7: an image too tall (or too wide) for the renditions ------


def _files_under(root) -> list[str]:
    """Every file stored under MEDIA_ROOT (a folder of the test's own, see tests/conftest.py)."""
    root = Path(root)
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())


@pytest.fixture
def site_editor_client(client):
    SiteSettingsFactory()
    ensure_roles()
    editor = UserFactory(username="site-editor", is_staff=True)
    editor.groups.add(Group.objects.get(name=SITE_EDITORS))
    client.force_login(editor)
    return client


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("lang", "message"),
    [
        ("fr", "Cette image est trop haute ou trop large (10\xa0000 pixels de côté au maximum)."),
        ("en", "This image is too tall or too wide (at most 10,000 pixels on a side)."),
    ],
)
def test_admin_refuses_a_very_tall_image_with_a_message_and_keeps_no_file(
    site_editor_client, settings, lang, message
):
    data = image_bytes(1000, 20_000)  # 20 million pixels: under the pixel limit
    response = site_editor_client.post(
        "/admin/core/image/add/",
        {**_form(), "file": _upload(data, "tall.jpg")},
        HTTP_ACCEPT_LANGUAGE=lang,
    )
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert errors == {"file": [message]}
    assert message in html.unescape(response.content.decode())
    assert Image.objects.count() == 0
    assert _files_under(settings.MEDIA_ROOT) == []


@pytest.mark.parametrize(("width", "height"), [(100, MAX_SIDE + 1), (MAX_SIDE + 1, 100)])
def test_check_refuses_a_side_longer_than_the_limit(width, height):
    with pytest.raises(ValidationError) as info:
        check_image(image_bytes(width, height))
    assert info.value.code == "too_long"


@pytest.mark.django_db
def test_the_longest_side_allowed_gets_every_rendition():
    assert MAX_SIDE <= 16_383  # WebP's own limit: a rendition is never taller than its original
    image = make_image(width=1000, height=MAX_SIDE)
    assert sorted((r.width, r.height, r.format) for r in image.renditions.all()) == [
        (width, width * 10, fmt) for width in (320, 480, 720, 960, 1000) for fmt in ("jpg", "webp")
    ]


def _create(data=None):
    return image_create(
        data=data or image_bytes(2000, 1000),
        filename="photo.jpg",
        title="Photo",
        alt_text_fr="Une photo",
        alt_text_en="A photo",
    )


def _fail_encoder_after(monkeypatch, calls):
    """Pillow's encoding fails from the `calls`+1-th image encoded on (check_image encodes one)."""
    real = images._save
    seen = []

    def failing(*args, **kwargs):
        seen.append(1)
        if len(seen) > calls:
            raise ValueError("encoding error 5: Image size exceeds WebP limit of 16383 pixels")
        return real(*args, **kwargs)

    monkeypatch.setattr(images, "_save", failing)


def _fail_storage_after(monkeypatch, writes):
    """The storage fails to write from the `writes`+1-th file on (the disk is full)."""
    real = FileSystemStorage._save
    seen = []

    def failing(self, name, content):
        seen.append(name)
        if len(seen) > writes:
            raise OSError(28, "No space left on device")
        return real(self, name, content)

    monkeypatch.setattr(FileSystemStorage, "_save", failing)
    return seen


@pytest.mark.django_db
def test_renditions_failing_midway_leave_no_file_and_no_row(monkeypatch, settings):
    _fail_encoder_after(monkeypatch, 3)  # the original, then two renditions, then a failure
    with pytest.raises(ValueError, match="WebP limit"):
        _create()
    assert Image.objects.count() == 0
    assert Rendition.objects.count() == 0
    assert _files_under(settings.MEDIA_ROOT) == []


@pytest.mark.django_db
def test_storage_failing_after_some_files_leaves_no_file_and_no_row(monkeypatch, settings):
    writes = _fail_storage_after(monkeypatch, 3)  # the original and two renditions are written
    with pytest.raises(OSError, match="No space left"):
        _create()
    assert len(writes) == 4
    assert Image.objects.count() == 0
    assert Rendition.objects.count() == 0
    assert _files_under(settings.MEDIA_ROOT) == []


@pytest.mark.django_db
def test_a_failed_replacement_keeps_the_image_as_it_was(monkeypatch, settings):
    image = _create()
    before_name = image.file.name
    before_files = _files_under(settings.MEDIA_ROOT)
    before_rows = sorted(Rendition.objects.values_list("file", flat=True))
    assert len(before_files) == 13  # the original and twelve renditions
    _fail_storage_after(monkeypatch, 2)  # the new original and one rendition, then a failure
    image.file = ContentFile(image_bytes(800, 600), name="other.jpg")
    with pytest.raises(OSError):
        image_save(image)
    assert _files_under(settings.MEDIA_ROOT) == before_files
    assert sorted(Rendition.objects.values_list("file", flat=True)) == before_rows
    assert Image.objects.get().file.name == before_name


@pytest.mark.django_db
def test_a_replacement_removes_the_earlier_files_once_committed(
    settings, django_capture_on_commit_callbacks
):
    image = _create()
    old_files = _files_under(settings.MEDIA_ROOT)
    image.file = ContentFile(image_bytes(800, 600), name="other.jpg")
    with django_capture_on_commit_callbacks(execute=True):
        image_save(image)
    files = _files_under(settings.MEDIA_ROOT)
    assert not set(files) & set(old_files)
    stored = [Image.objects.get().file.name] + list(
        Rendition.objects.values_list("file", flat=True)
    )
    assert sorted(stored) == files


# Security review, issue 10, finding 8: comments and other text metadata ------------------------

SECRET = b"secret comment"


def _jpeg_with_comment_exif_and_xmp() -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (1200, 600), (29, 58, 138)).save(
        buffer,
        "JPEG",
        comment=SECRET,
        exif=_exif_with_gps(),
        xmp=b"<x:xmpmeta><rdf:Description>" + SECRET + b"</rdf:Description></x:xmpmeta>",
    )
    return buffer.getvalue()


def _png_with_text_chunks(mode="RGBA") -> bytes:
    info = PngInfo()
    info.add_text("Comment", SECRET.decode())  # tEXt
    info.add_itxt("Description", SECRET.decode(), lang="fr")  # iTXt
    info.add_text("Author", SECRET.decode(), zip=True)  # zTXt (compressed: checked by key)
    buffer = io.BytesIO()
    PILImage.new(mode, (1200, 600), (29, 58, 138)).save(
        buffer, "PNG", pnginfo=info, exif=_exif_with_gps()
    )
    return buffer.getvalue()


def _gif_with_comment() -> bytes:
    buffer = io.BytesIO()
    PILImage.new("P", (1200, 600)).save(buffer, "GIF", comment=SECRET)
    return buffer.getvalue()


def _webp_with_exif_and_xmp() -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (1200, 600), (29, 58, 138)).save(
        buffer, "WEBP", exif=_exif_with_gps(), xmp=b"<x:xmpmeta>" + SECRET + b"</x:xmpmeta>"
    )
    return buffer.getvalue()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "make",
    [
        _jpeg_with_comment_exif_and_xmp,
        _png_with_text_chunks,
        lambda: _png_with_text_chunks("RGB"),
        _gif_with_comment,
        _webp_with_exif_and_xmp,
    ],
    ids=["jpeg", "png-rgba", "png-rgb", "gif", "webp"],
)
def test_no_comment_or_text_metadata_survives_in_any_stored_file(make):
    data = make()
    opened = PILImage.open(io.BytesIO(data))
    assert SECRET in data or opened.info.get("Author") == SECRET.decode()  # the test's own check
    image = _create(data)
    stored = [image.file] + [r.file for r in image.renditions.all()]
    # The original, and two widths or more (the EXIF orientation may turn it) in two formats.
    assert len(stored) >= 5
    for field in stored:
        with field.open("rb") as handle:
            content = handle.read()
        assert SECRET not in content, field.name
        cleaned = PILImage.open(io.BytesIO(content))
        leftover = set(cleaned.info) & {
            "comment",
            "exif",
            "xmp",
            "icc_profile",
            "Comment",
            "Description",
            "Author",
            "XML:com.adobe.xmp",
        }
        assert leftover == set(), field.name
        assert dict(cleaned.getexif()) == {}, field.name
        assert getattr(cleaned, "text", {}) == {}, field.name


@pytest.mark.django_db
def test_admin_upload_failing_in_the_renditions_leaves_no_file_and_no_row(
    site_editor_client, monkeypatch, settings
):
    _fail_encoder_after(monkeypatch, 2)  # the form's check, one rendition, then a failure
    site_editor_client.raise_request_exception = False
    response = site_editor_client.post(
        "/admin/core/image/add/", {**_form(), "file": _upload(image_bytes(2000, 1000))}
    )
    assert response.status_code == 500
    assert Image.objects.count() == 0
    assert _files_under(settings.MEDIA_ROOT) == []


def test_a_png_colour_key_stays_transparent_once_its_info_is_dropped():
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 40), (1, 2, 3)).save(buffer, "PNG", transparency=(1, 2, 3))
    checked = check_image(buffer.getvalue())
    assert (checked.extension, checked.has_alpha) == ("png", True)
    cleaned = PILImage.open(io.BytesIO(checked.content.read()))
    assert cleaned.convert("RGBA").getpixel((0, 0))[3] == 0


@pytest.mark.django_db
def test_deleting_an_image_removes_its_files_once_committed(
    settings, admin_client_fr, django_capture_on_commit_callbacks
):
    """A withdrawn picture no longer answers at its address (pentest review, issue 12)."""
    kept = _create()
    doomed = _create()
    kept_files = set(_files_under(settings.MEDIA_ROOT)) - {
        name for name in _files_under(settings.MEDIA_ROOT) if doomed.uuid.hex in name
    }
    assert len(_files_under(settings.MEDIA_ROOT)) > len(kept_files) > 1
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = admin_client_fr.post(f"/admin/core/image/{doomed.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert len(_files_under(settings.MEDIA_ROOT)) > len(kept_files), "nothing goes before commit"
    for callback in callbacks:
        callback()
    assert set(_files_under(settings.MEDIA_ROOT)) == kept_files
    assert Image.objects.get() == kept
