import io
import re

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template import Context, Template
from django.utils import translation
from PIL import Image as PILImage

from apps.core.images import check_image
from apps.core.models import Image
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
        (480, 240, "jpg"),
        (480, 240, "webp"),
        (960, 480, "jpg"),
        (960, 480, "webp"),
        (1600, 800, "jpg"),
        (1600, 800, "webp"),
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
    assert image.renditions.count() == 4  # 480 and 500 wide, each WebP + JPEG
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
