"""The demo's abstract images (apps.core.demo_images): designed, deterministic, light, decorative
(alt="", no caption, no credit), and given to databases made before them."""

from __future__ import annotations

import io
import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext
from PIL import Image as PILImage
from PIL import ImageStat

from apps.core import demo_images
from apps.core.images import SIZES
from apps.core.models import Image
from apps.core.services import image_create
from tests.factories import image_bytes, make_image

KEYS = [f"sample-{n}" for n in range(8)]


def _encoded(image: PILImage.Image, fmt: str, **options) -> int:
    buffer = io.BytesIO()
    image.save(buffer, fmt, **options)
    return len(buffer.getvalue())


@pytest.mark.parametrize(("kind", "size"), [("hero", (1600, 900)), ("team", (1200, 800))])
def test_the_same_kind_and_key_give_the_same_image(kind, size):
    first = demo_images.render(kind, "immunite-cancer")
    assert first.size == size and first.mode == "RGB"
    assert first.tobytes() == demo_images.render(kind, "immunite-cancer").tobytes()
    assert first.tobytes() != demo_images.render(kind, "another-team").tobytes()


def test_images_vary_in_palette_and_composition():
    images = [demo_images.render("article", key).resize((160, 90)) for key in KEYS]
    brightness = [ImageStat.Stat(image.convert("L")).mean[0] for image in images]
    assert min(brightness) < 100 and max(brightness) > 170, brightness  # dark and light fields
    assert len({image.tobytes() for image in images}) == len(KEYS)


def test_neighbours_in_a_list_differ():
    """An item's place in its list turns the palette round: dark and light fields alternate."""
    brightness = [
        ImageStat.Stat(demo_images.render("team", "same-key", variant).convert("L")).mean[0]
        for variant in range(4)
    ]
    assert brightness[0] < 110 and brightness[1] > 170 and brightness[2] < 110, brightness
    assert brightness[3] > 170, brightness


def test_images_are_designed_not_noise():
    """Smooth fields and drawn shapes: no flat image, no noise (noise weighs a lot)."""
    for key in KEYS[:4]:
        image = demo_images.render("article", key)
        assert max(ImageStat.Stat(image).stddev) > 15  # something is drawn
        # A 1600 px noise image would be several hundred kilobytes.
        assert _encoded(image, "WEBP", quality=76) < 80_000


def test_the_colours_are_the_site_palette():
    """Most of the image is near a colour of the palette or a mix of two of them."""
    palette = [demo_images.NAVY, demo_images.BLUE, demo_images.CRIMSON, demo_images.YELLOW]
    palette += [demo_images.TINT, demo_images.WHITE]
    image = demo_images.render("hero", "home").resize((160, 90))
    pixels = [image.getpixel((x, y)) for y in range(90) for x in range(160)]

    def near_a_mix(pixel):
        for a in palette:
            for b in palette:
                for step in range(11):
                    mix = demo_images._mix(a, b, step / 10)
                    if sum(abs(p - m) for p, m in zip(pixel, mix, strict=True)) < 90:
                        return True
        return False

    near = sum(near_a_mix(pixel) for pixel in pixels[::7])
    assert near / len(pixels[::7]) > 0.9


@pytest.mark.django_db
def test_a_demo_image_is_decorative_with_no_caption_and_no_credit(settings):
    image = demo_images.demo_image("article", "a-sample", "Démo – actualité a-sample")
    assert image.decorative
    assert image.alt_text_fr == image.alt_text_en == "" and image.alt == ""
    assert not image.caption_fr and not image.caption_en and image.credit == ""
    assert image.file.name.endswith("/demo-article-a-sample.jpg")
    assert (image.width, image.height) == (1600, 900)
    widths = {r.width for r in image.renditions.all()}
    assert widths == {w for w in settings.IMAGE_RENDITION_WIDTHS if w <= 1600}
    assert {r.format for r in image.renditions.all()} == {"webp", "jpg"}
    # The same title gives the same image, made once.
    again = demo_images.demo_image("article", "a-sample", "Démo – actualité a-sample")
    assert again.pk == image.pk and Image.objects.count() == 1


@pytest.mark.django_db
def test_demo_renditions_are_light():
    """A 1600 px hero under 150 KB, a card's copy under 40 KB: 720 px (960 px on a phone's
    dense screen) as WebP, 720 px as JPEG (for the rare browser without WebP)."""
    hero = demo_images.demo_image("hero", "home", "Démo – accueil")
    team = demo_images.demo_image("team", "immunite-cancer", "Démo – équipe IMC")
    for rendition in hero.renditions.all():
        assert rendition.file.size < 150_000, rendition
    for rendition in team.renditions.filter(width__lte=960):
        assert rendition.file.size < (40_000 if rendition.width <= 720 else 60_000), rendition
        if rendition.format == "webp":
            assert rendition.file.size < 40_000, rendition


def _picture(image, **options) -> str:
    arguments = " ".join(f'{name}="{value}"' for name, value in options.items())
    template = Template("{% load core_tags %}{% picture image " + arguments + " %}")
    with translation.override("en"):
        return template.render(Context({"image": Image.objects.with_renditions().get(pk=image.pk)}))


@pytest.mark.django_db
def test_a_decorative_image_has_an_empty_alt_text():
    image = demo_images.demo_image("team", "t", "Démo – équipe T")
    html = _picture(image)
    assert ' alt="" ' in html
    described = make_image()
    assert ' alt="A test image" ' in _picture(described)


@pytest.mark.django_db
def test_picture_loading_priority_and_named_sizes():
    image = make_image(width=2000, height=1000)
    lazy = _picture(image, sizes="card")
    assert 'loading="lazy"' in lazy and "fetchpriority" not in lazy
    assert 'decoding="async"' in lazy
    assert lazy.count(f'sizes="{SIZES["card"]}"') == 2  # WebP and JPEG sources
    eager = _picture(image, sizes="(min-width: 50rem) 30rem, 100vw", loading="eager")
    assert 'loading="eager" fetchpriority="high"' in eager
    assert 'sizes="(min-width: 50rem) 30rem, 100vw"' in eager
    assert 'fetchpriority="auto"' in _picture(image, loading="eager", fetchpriority="auto")
    # width and height on the <img>: the browser keeps the room before the image arrives.
    assert re.search(r'<img src="[^"]+" width="\d+" height="\d+"', lazy)


def test_every_named_size_is_a_valid_sizes_value():
    length = r"(?:\d+(?:\.\d+)?(?:rem|vw|px)|calc\(\d+(?:\.\d+)?vw - \d+(?:\.\d+)?rem\))"
    entry = rf"(?:\(min-width: \d+(?:\.\d+)?rem\) {length})"
    for name, value in SIZES.items():
        assert re.fullmatch(rf"(?:{entry}, )*{length}", value), name


@pytest.mark.django_db
def test_open_graph_gives_no_alt_text_for_a_decorative_image():
    request = RequestFactory().get("/")
    template = Template("{% load core_tags %}{% og_image image %}")
    decorative = demo_images.demo_image("team", "t", "Démo – équipe T")
    html = template.render(Context({"image": decorative, "request": request}))
    assert 'property="og:image"' in html and "og:image:alt" not in html
    described = make_image()
    html = template.render(Context({"image": described, "request": request}))
    assert '<meta property="og:image:alt" content="' in html


@pytest.mark.django_db
def test_only_a_decorative_image_may_go_without_alternative_text():
    from django.core.exceptions import ValidationError

    image = Image(title="No text", decorative=False)
    with pytest.raises(ValidationError) as info:
        image.full_clean(exclude=["file"])
    assert {"alt_text_fr", "alt_text_en"} <= set(info.value.message_dict)
    Image(title="Ornament", decorative=True).full_clean(exclude=["file"])


@pytest.mark.django_db
def test_the_admin_takes_a_decorative_image_without_alternative_text(client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.factories import SiteSettingsFactory, UserFactory

    SiteSettingsFactory()
    client.force_login(UserFactory(username="editor", is_staff=True, is_superuser=True))
    form = {"title": "Ornament", "alt_text_fr": "", "alt_text_en": "", "credit": ""}
    upload = SimpleUploadedFile("o.jpg", image_bytes(), content_type="image/jpeg")
    refused = client.post("/admin/core/image/add/", {**form, "file": upload})
    assert refused.status_code == 200 and Image.objects.count() == 0
    with translation.override("fr"):  # the admin speaks French to this editor
        message = gettext("Describe the image in this language, or tick “decorative”.")
    assert refused.content.decode().count(escape(message)) == 2
    upload = SimpleUploadedFile("o.jpg", image_bytes(), content_type="image/jpeg")
    response = client.post("/admin/core/image/add/", {**form, "decorative": "on", "file": upload})
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Image.objects.get().decorative


def _old_demo_image(filename: str, title: str, credit: str = demo_images.OLD_CREDIT) -> Image:
    return image_create(
        data=image_bytes(1200, 675),
        filename=filename,
        title=title,
        alt_text_fr="Illustration abstraite pour l'équipe",
        alt_text_en="Abstract illustration for the team",
        credit=credit,
    )


@pytest.mark.django_db
def test_old_generated_demo_images_are_replaced_in_place(django_capture_on_commit_callbacks):
    team = _old_demo_image("equipe-immunite-cancer.jpg", "Démo – équipe IMC")
    hero = _old_demo_image("illustration-accueil.jpg", "Démo – illustration d'accueil")
    replaced_by_editor = _old_demo_image("portrait-equipe.jpg", "Démo – équipe ITR")
    credited_by_editor = _old_demo_image("equipe-autre.jpg", "Démo – équipe AUT", "Institut Curie")
    old_files = [team.file.name, *team.renditions.values_list("file", flat=True)]
    storage = team.file.storage

    with django_capture_on_commit_callbacks(execute=True):
        lines = demo_images.load()
    assert len(lines) == 2

    for image, kind, key, size in (
        (team, "team", "immunite-cancer", (1200, 800)),
        (hero, "hero", "home", (1600, 900)),
    ):
        image = Image.objects.get(pk=image.pk)
        assert image.decorative and image.alt == "" and image.credit == ""
        assert image.alt_text_fr == image.alt_text_en == "" and not image.caption_fr
        assert image.file.name.endswith(f"/demo-{kind}-{key}.jpg")
        assert (image.width, image.height) == size
        assert max(r.width for r in image.renditions.all()) == size[0]
    assert not any(storage.exists(name) for name in old_files)  # removed once committed

    for untouched in (replaced_by_editor, credited_by_editor):
        image = Image.objects.get(pk=untouched.pk)
        assert not image.decorative and image.alt_text_en and image.file.name == untouched.file.name
    assert demo_images.load() == []  # done once


@pytest.mark.django_db
def test_sample_articles_and_events_get_their_image_once():
    from apps.news import demo as news_demo
    from tests.news.factories import EventFactory, NewsArticleFactory

    sample = NewsArticleFactory(slug="sample-news", is_sample=True)
    real = NewsArticleFactory(slug="real-news", is_sample=False)
    event = EventFactory(slug="sample-event", is_sample=True)
    lines = news_demo.load_images()
    assert len(lines) == 2
    sample.refresh_from_db()
    event.refresh_from_db()
    real.refresh_from_db()
    assert sample.image.decorative and sample.image.file.name.endswith(
        "demo-article-sample-news.jpg"
    )
    assert event.image.file.name.endswith("demo-event-sample-event.jpg")
    assert real.image is None
    # An editor takes the image off: it stays off.
    sample.image = None
    sample.save()
    assert news_demo.load_images() == []
    sample.refresh_from_db()
    assert sample.image is None


@pytest.mark.django_db
def test_the_demo_shows_its_images_as_decoration(client):
    """After load_demo: every team, sample article and event has its decorative image, and the
    pages show them with alt="", no caption, no credit, with the right loading priority."""
    from apps.news.models import Event, NewsArticle
    from apps.teams.models import Team

    call_command("load_demo", stdout=StringIO())
    assert not Team.objects.filter(image__isnull=True).exists()
    assert not NewsArticle.objects.filter(is_sample=True, image__isnull=True).exists()
    assert not Event.objects.filter(is_sample=True, image__isnull=True).exists()
    assert set(Image.objects.values_list("decorative", "credit", "caption_fr", "caption_en")) == {
        (True, "", "", "")
    }
    team = Team.objects.order_by("order").first()
    article = NewsArticle.objects.filter(image__isnull=False).order_by("-date").first()
    for language in ("fr", "en"):
        with translation.override(language):
            paths = [f"/{language}/", team.get_absolute_url(), article.get_absolute_url()]
        for path in paths:
            html = client.get(path).content.decode()
            images = re.findall(r"<img [^>]*>", html)
            pictures = [tag for tag in images if 'decoding="async"' in tag]
            assert pictures, path
            for tag in pictures:
                assert ' alt="" ' in tag, (path, tag)
                assert re.search(r'width="\d+" height="\d+"', tag), (path, tag)
            eager = [tag for tag in pictures if 'loading="eager"' in tag]
            assert len(eager) <= 1 and all('fetchpriority="high"' in tag for tag in eager), path
            assert "<figcaption></figcaption>" not in html
            assert "Illustration de démonstration" not in html
            assert "Image : " not in html and "Image: " not in html
        # The first image of a team or an article page is its main image, loaded first.
        for path in paths[1:]:
            html = client.get(path).content.decode()
            first = re.search(r"<img [^>]*decoding=\"async\"[^>]*>", html).group(0)
            assert 'loading="eager" fetchpriority="high"' in first, path
