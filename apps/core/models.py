"""What every app shares: the Publishable base, the site's settings and the image library."""

from __future__ import annotations

import datetime
import re
import uuid

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from apps.core.phones import format_phone, validate_phone


def published_q(prefix: str = "", now=None) -> Q:
    """The condition 'visible to visitors now', for this model (prefix "") or a related one
    (prefix "person__"), so related objects can be filtered in the same query."""
    now = now or timezone.now()
    return (
        (Q(**{f"{prefix}publish_at__isnull": True}) | Q(**{f"{prefix}publish_at__lte": now}))
        & (Q(**{f"{prefix}unpublish_at__isnull": True}) | Q(**{f"{prefix}unpublish_at__gt": now}))
        & Q(**{f"{prefix}status": "published"})
    )


SAMPLE_HELP = _("Sample content made for the demonstration: replace or delete it before launch.")


def sample_flag() -> models.BooleanField:
    """The 'sample content' tick that marks demo data in the admin."""
    return models.BooleanField(_("sample content"), default=False, help_text=SAMPLE_HELP)


def can_preview(user, model) -> bool:
    """May this user see the model's drafts and scheduled items at their public address? Active
    staff with the view or change permission on the model (in the admin's terms)."""
    if user is None or not (user.is_active and user.is_staff):
        return False
    opts = model._meta
    return user.has_perm(f"{opts.app_label}.view_{opts.model_name}") or user.has_perm(
        f"{opts.app_label}.change_{opts.model_name}"
    )


class PublishableQuerySet(models.QuerySet):
    def published(self, now=None):
        """What visitors may see now: published, past its publish_at, not yet unpublished."""
        return self.filter(published_q(now=now))

    def visible_to(self, user, now=None):
        """Staff who may view or change this model see drafts (to preview them at their URL);
        everyone else sees published()."""
        if can_preview(user, self.model):
            return self.all()
        return self.published(now)


def review_period(model) -> datetime.timedelta:
    """How long after a check the next one is due for this kind of content."""
    periods = settings.REVIEW_PERIOD_DAYS
    return datetime.timedelta(days=periods.get(model._meta.label_lower, periods["default"]))


class Reviewed(models.Model):
    """Information someone owns and checks again by a date: contact points, consultations,
    trials, teams and profiles. `review_by` defaults to the check's date plus the kind's period
    (settings.REVIEW_PERIOD_DAYS) and moves with each new check, unless an editor set it
    themselves in the same save. Patient pages say when their information was checked; the
    dashboard lists each owner's overdue reviews."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("owner"),
        help_text=_("Who checks that this information is still right."),
    )
    checked_on = models.DateField(
        _("information checked on"),
        null=True,
        blank=True,
        help_text=_("The day someone last checked it; patient pages show it."),
    )
    review_by = models.DateField(
        _("review by"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_("Left empty, or when the check date changes: the check date plus the period "
                    "for this kind of content."),
    )  # fmt: skip

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        checked, review = getattr(self, "_review_loaded", (None, None))
        moved_check = self.checked_on != checked and self.review_by == review
        if self.checked_on and (self.review_by is None or moved_check):
            self.review_by = self.checked_on + review_period(type(self))
        super().save(*args, **kwargs)
        self._review_loaded = (self.checked_on, self.review_by)

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance._review_loaded = (
            instance.__dict__.get("checked_on"),
            instance.__dict__.get("review_by"),
        )
        return instance

    def review_overdue(self, today=None) -> bool:
        today = today or timezone.localdate()
        return self.review_by is not None and self.review_by < today


class Publishable(models.Model):
    """Base for every public model: drafts, scheduling and timestamps.

    A future `publish_at` hides an object until then, with no scheduler: `.published()` compares
    with the current time at each query.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    status = models.CharField(
        _("status"),
        max_length=10,
        choices=Status.choices,
        default=Status.DRAFT,
        help_text=_("Only published content is shown to visitors. Staff can preview drafts."),
    )
    publish_at = models.DateTimeField(
        _("publish at"),
        null=True,
        blank=True,
        help_text=_("Leave empty to publish at once; a future time keeps it hidden until then."),
    )
    unpublish_at = models.DateTimeField(
        _("unpublish at"),
        null=True,
        blank=True,
        help_text=_("Optional: the content disappears from the site at this time."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last modified"), auto_now=True)

    objects = PublishableQuerySet.as_manager()

    # Times at which the item's pages change with no save: a page kept in the cache is kept no
    # later than the next of them (apps.core.page_cache).
    changes_pages_at: tuple[str, ...] = ("publish_at", "unpublish_at")

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        from django.utils import translation

        from apps.core.slugs import fill_slugs, has_translated_slug

        if not has_translated_slug(type(self)):
            return super().save(*args, **kwargs)
        fill_slugs(self)  # items with a slug in each language (apps.core.slugs)
        # The original columns (slug, title...) hold the French values, whatever the editor's
        # language: two items' original slugs never clash through their English ones.
        with translation.override(settings.MODELTRANSLATION_DEFAULT_LANGUAGE):
            return super().save(*args, **kwargs)

    def clean(self):
        """Scheduling that would never do what it says is refused, with the way out: a draft
        with a future publication time (a draft is never shown, whatever the time), and a
        withdrawal time that is not after the publication time."""
        super().clean()
        errors = {}
        if (
            self.status == self.Status.DRAFT
            and self.publish_at is not None
            and self.publish_at > timezone.now()
        ):
            errors["publish_at"] = _(
                "A draft is never shown, even at this time: choose “Published” to schedule it "
                "for this time, or clear the time to keep it as a draft."
            )
        if self.publish_at and self.unpublish_at and self.unpublish_at <= self.publish_at:
            errors["unpublish_at"] = _(
                "The withdrawal time must come after the publication time, or the content "
                "would never be shown."
            )
        if errors:
            raise ValidationError(errors)

    def is_published(self, now=None) -> bool:
        now = now or timezone.now()
        return (
            self.status == self.Status.PUBLISHED
            and (self.publish_at is None or self.publish_at <= now)
            and (self.unpublish_at is None or self.unpublish_at > now)
        )


def validate_link(value: str) -> None:
    """A full http(s) address, or a path on this site."""
    from django.core.exceptions import ValidationError
    from django.core.validators import URLValidator

    # Browsers read "//host" and "/\host" as another site's address, not as a path here.
    if value.startswith("/") and value[1:2] not in ("/", "\\"):
        if any(ch.isspace() or ch in "\x00\\" for ch in value):
            raise ValidationError(_("Enter a path without spaces or backslashes."), code="invalid")
        return
    URLValidator(schemes=["http", "https"])(value)


WEB_ADDRESS_MESSAGE = _(
    "Enter a full web address that starts with https://, for example "
    "https://www.institut-curie.org/."
)


def validate_web_address(value: str) -> None:
    """A full http(s) address, said plainly when it is not one (an address without its
    https://, a mail address, a path)."""
    from django.core.exceptions import ValidationError
    from django.core.validators import URLValidator

    try:
        URLValidator(schemes=["http", "https"])(value)
    except ValidationError:
        raise ValidationError(WEB_ADDRESS_MESSAGE, code="invalid") from None


class WebAddressField(models.URLField):
    """A link to another site: http or https only, with one plain message when it is not one."""

    default_validators = [validate_web_address]

    def formfield(self, **kwargs):
        from django import forms

        class WebAddressFormField(forms.URLField):
            default_validators = [validate_web_address]
            default_error_messages = {"invalid": WEB_ADDRESS_MESSAGE}

        return super().formfield(**{"form_class": WebAddressFormField, **kwargs})


FILE_NAME = re.compile(r"^\S+\.(jpe?g|png|gif|webp|svg|tiff?|heic)$", re.IGNORECASE)


class SiteSettings(models.Model):
    """The center's contact details and site-wide texts: a single row, editable in the admin."""

    CACHE_KEY = "core:site-settings:v1"

    site_name = models.CharField(_("site name"), max_length=150)
    tagline = models.CharField(_("tagline"), max_length=250, blank=True)
    meta_description = models.CharField(
        _("default meta description"),
        max_length=300,
        help_text=_("Shown by search engines and shared links when a page has no summary."),
    )
    institution = models.CharField(_("institution"), max_length=150, blank=True)
    street_address = models.CharField(_("street address"), max_length=200)
    postal_code = models.CharField(_("postal code"), max_length=20)
    city = models.CharField(_("city"), max_length=100)
    country = models.CharField(_("country"), max_length=100, blank=True)
    location_note = models.CharField(
        _("where in the building"),
        max_length=250,
        blank=True,
        help_text=_("Public: for example the floor and the entrance to use."),
    )
    phone_main = models.CharField(
        _("main phone number"), max_length=40, validators=[validate_phone]
    )
    phone_main_label = models.CharField(_("main phone label"), max_length=100, blank=True)
    phone_appointments = models.CharField(
        _("appointments phone number"), max_length=40, blank=True, validators=[validate_phone]
    )
    phone_appointments_label = models.CharField(
        _("appointments phone label"), max_length=100, blank=True
    )
    email = models.EmailField(_("public email address"), blank=True)
    opening_hours = models.TextField(
        _("opening hours"),
        blank=True,
        help_text=_(
            "Shown only while no contact point has opening hours: the footer and the home page "
            "take the hours from the contact points. One line per period, for example "
            "'Monday to Friday, 9 am to 6 pm'."
        ),
    )
    emergency_note = models.CharField(
        _("emergency note"),
        max_length=300,
        blank=True,
        help_text=_("Public: what to do in an emergency (for example: call 15)."),
    )

    access_transport = models.TextField(
        _("how to come"),
        blank=True,
        max_length=1000,
        help_text=_("Public: public transport, parking, the entrance to use. One line each."),
    )
    access_accessibility = models.TextField(
        _("accessibility of the building"),
        blank=True,
        max_length=1000,
        help_text=_("Public: step-free access, lifts, wheelchairs at the entrance..."),
    )
    donation_url = models.CharField(
        _("donation link"),
        max_length=300,
        blank=True,
        validators=[validate_link],
        help_text=_(
            "Public: where the 'Give' buttons lead, a full address (https://...) or a "
            "path on this site (/fr/nous-soutenir/)."
        ),
    )

    class Compliance(models.TextChoices):
        FULL = "full", _("fully compliant")
        PARTIAL = "partial", _("partially compliant")
        NONE = "none", _("not compliant")

    accessibility_compliance = models.CharField(
        _("accessibility compliance (RGAA)"),
        max_length=10,
        choices=Compliance.choices,
        default=Compliance.PARTIAL,
        help_text=_(
            "Public: shown in every footer, as the RGAA requires, next to the link to "
            "the accessibility statement. Set it from the last audit."
        ),
    )
    accessibility_audit_date = models.DateField(
        _("date of the accessibility audit"), null=True, blank=True
    )
    updated_at = models.DateTimeField(_("last modified"), auto_now=True)

    class Meta:
        verbose_name = _("site settings")
        verbose_name_plural = _("site settings")
        constraints = [models.CheckConstraint(condition=Q(pk=1), name="site_settings_singleton")]

    def __str__(self) -> str:
        return str(_("Site settings"))

    def save(self, *args, **kwargs):
        self.pk = 1
        super().save(*args, **kwargs)
        cache.delete(self.CACHE_KEY)

    def delete(self, *args, **kwargs):
        cache.delete(self.CACHE_KEY)
        return super().delete(*args, **kwargs)

    @classmethod
    def load(cls) -> SiteSettings:
        """The settings row, from the shared cache when possible (one query at most)."""
        settings_row = cache.get(cls.CACHE_KEY)
        if settings_row is None:
            settings_row = cls.objects.filter(pk=1).first() or cls.defaults()
            if settings_row.pk:
                from apps.core.preview import cache_set

                cache_set(cache, cls.CACHE_KEY, settings_row, 3600)
        return settings_row

    @classmethod
    def defaults(cls) -> SiteSettings:
        """Unsaved settings used before an editor has saved any (a fresh database)."""
        return cls(
            site_name=str(_("Center for Cancer Immunotherapy")),
            meta_description="",
            street_address="",
            postal_code="",
            city="Paris",
            phone_main="",
        )

    def clean(self):
        super().clean()
        self.phone_main = format_phone(self.phone_main)
        self.phone_appointments = format_phone(self.phone_appointments)

    @property
    def phone_main_uri(self) -> str:
        return phone_uri(self.phone_main)

    @property
    def phone_appointments_uri(self) -> str:
        return phone_uri(self.phone_appointments)

    @property
    def access_transport_lines(self) -> list[str]:
        return [line.strip() for line in self.access_transport.splitlines() if line.strip()]

    @property
    def opening_hours_lines(self) -> list[str]:
        return [line.strip() for line in self.opening_hours.splitlines() if line.strip()]


def phone_uri(number: str) -> str:
    """A tel: URI from a number as people write it ('01 44 32 40 00' -> 'tel:+33144324000');
    a short number ('15', the SAMU) is dialled as it is."""
    from apps.core.phones import e164

    full = e164(number)
    if full:
        return f"tel:{full}"
    digits = "".join(ch for ch in number.replace("(0)", "") if ch.isdigit() or ch == "+")
    if not digits:
        return ""
    if digits.startswith("00"):
        digits = "+" + digits[2:]
    elif digits.startswith("0") and len(digits) == 10:
        digits = "+33" + digits[1:]
    return f"tel:{digits}"


def _image_path(instance, filename: str) -> str:
    return f"images/{instance.uuid.hex[:2]}/{instance.uuid.hex}/{filename}"


def _rendition_path(instance, filename: str) -> str:
    return f"images/{instance.image.uuid.hex[:2]}/{instance.image.uuid.hex}/{filename}"


class ImageQuerySet(models.QuerySet):
    def with_renditions(self):
        return self.prefetch_related("renditions")


class Image(models.Model):
    """One picture of the library, reused by any page. Renditions are made once, at upload."""

    uuid = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)
    title = models.CharField(
        _("title"), max_length=200, help_text=_("For editors, to find the image in the library.")
    )
    file = models.ImageField(
        _("file"),
        upload_to=_image_path,
        width_field="width",
        height_field="height",
        max_length=255,
        help_text=_("JPEG, PNG, WebP or GIF. Metadata such as GPS positions is removed."),
    )
    width = models.PositiveIntegerField(_("width"), editable=False, default=0)
    height = models.PositiveIntegerField(_("height"), editable=False, default=0)
    alt_text = models.CharField(
        _("alternative text"),
        max_length=250,
        blank=True,
        help_text=_(
            "Public: what the image shows, read aloud to blind visitors. "
            "Required in French and English, unless the image is decorative."
        ),
    )
    decorative = models.BooleanField(
        _("decorative"),
        default=False,
        help_text=_(
            "Tick when the image carries no information (an abstract illustration, an "
            "ornament): pages give it an empty alternative text, and screen readers skip it."
        ),
    )
    credit = models.CharField(_("credit"), max_length=200, blank=True, help_text=_("Public."))
    caption = models.CharField(_("caption"), max_length=300, blank=True, help_text=_("Public."))
    created_at = models.DateTimeField(_("uploaded"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last modified"), auto_now=True)

    objects = ImageQuerySet.as_manager()

    class Meta:
        verbose_name = _("image")
        verbose_name_plural = _("images")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title

    def clean(self):
        super().clean()
        if self.decorative:
            return
        file_names = {
            f"alt_text_{code}": ValidationError(
                _("This is a file name: describe what the image shows, in a sentence."),
                code="alt_text_file_name",
            )
            for code in ("fr", "en")
            if FILE_NAME.match((getattr(self, f"alt_text_{code}", "") or "").strip())
        }
        if file_names:
            raise ValidationError(file_names)
        missing = {
            f"alt_text_{code}": ValidationError(
                # Not code="required": a form would put its own, vaguer message in its place.
                _("Describe the image in this language, or tick “decorative”."),
                code="no_alt_text",
            )
            for code in ("fr", "en")
            if not (getattr(self, f"alt_text_{code}", "") or "").strip()
        }
        if missing:
            raise ValidationError(missing)

    @property
    def alt(self) -> str:
        """The alternative text pages give the image: empty for a decorative one."""
        return "" if self.decorative else self.alt_text

    def _sorted_renditions(self):
        # Uses the prefetch cache when present; sorts in Python so no new query is made.
        return sorted(self.renditions.all(), key=lambda r: r.width)

    def srcset(self, fmt: str) -> str:
        return ", ".join(
            f"{r.file.url} {r.width}w" for r in self._sorted_renditions() if r.format == fmt
        )

    @property
    def fallback_format(self) -> str:
        formats = {r.format for r in self._sorted_renditions()} - {"webp"}
        return formats.pop() if formats else "jpg"

    def fallback(self, max_width: int | None = None):
        """The largest fallback rendition no wider than max_width (or the largest of all)."""
        candidates = [r for r in self._sorted_renditions() if r.format != "webp"]
        if max_width:
            fitting = [r for r in candidates if r.width <= max_width]
            candidates = fitting or candidates[:1]
        return candidates[-1] if candidates else None


class Rendition(models.Model):
    """One resized copy of an Image, in WebP or in its JPEG/PNG fallback."""

    class Format(models.TextChoices):
        WEBP = "webp", "WebP"
        JPEG = "jpg", "JPEG"
        PNG = "png", "PNG"

    image = models.ForeignKey(Image, on_delete=models.CASCADE, related_name="renditions")
    width = models.PositiveIntegerField()
    height = models.PositiveIntegerField()
    format = models.CharField(max_length=4, choices=Format.choices)
    file = models.FileField(upload_to=_rendition_path, max_length=255)

    class Meta:
        ordering = ["image", "width", "format"]
        constraints = [
            models.UniqueConstraint(
                fields=["image", "width", "format"], name="rendition_unique_size_format"
            ),
            models.CheckConstraint(condition=Q(width__gt=0, height__gt=0), name="rendition_size"),
        ]

    def __str__(self) -> str:
        return f"{self.image} {self.width}w {self.format}"


def validate_site_path(value: str) -> None:
    """A path on this site: "/fr/actualites/un-article/", never another site's address."""
    if not value.startswith("/") or value[1:2] in ("/", "\\"):
        raise ValidationError(_("Enter a path on this site, starting with /."), code="invalid")
    if any(ch.isspace() or ch in "\x00\\?#" for ch in value):
        raise ValidationError(
            _("Enter a path without spaces, backslashes, ? or #."), code="invalid"
        )


class Redirect(models.Model):
    """An old address answered with a permanent redirect (301) to a new one. Made when the
    address of a page, team, person, article, event, consultation or trial changes (its slug or
    its parent), in each language, linked to that item; editors may add or change them. No
    chains: a move updates the redirects that pointed at the old address, a linked redirect
    always leads to its item's address of the moment, and an address in use again stops
    redirecting."""

    old_path = models.CharField(
        _("old address"),
        max_length=600,
        unique=True,
        validators=[validate_site_path],
        help_text=_("The path that no longer exists, for example /fr/actualites/ancien-titre/."),
    )
    new_path = models.CharField(
        _("new address"),
        max_length=600,
        validators=[validate_site_path],
        help_text=_("Where visitors are sent, for example /fr/actualites/nouveau-titre/."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    # The item whose old address this is (made by a change of address): visitors are sent to its
    # address of the moment, and only while they may see it (a draft or deleted item: 404).
    content_type = models.ForeignKey(
        "contenttypes.ContentType",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        editable=False,
        verbose_name=_("kind of content"),
    )
    object_id = models.CharField(max_length=64, blank=True, editable=False)

    class Meta:
        verbose_name = _("redirect")
        verbose_name_plural = _("redirects")
        ordering = ["old_path"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(old_path=models.F("new_path")), name="redirect_goes_elsewhere"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.old_path} → {self.new_path}"

    def clean(self):
        super().clean()
        if self.old_path and self.old_path == self.new_path:
            raise ValidationError({"new_path": _("A redirect must lead to another address.")})
        # A loop: following the redirects from the new address comes back to the old one.
        seen, path = {self.old_path}, self.new_path
        while path:
            if path in seen:
                raise ValidationError(
                    {
                        "new_path": _("This redirect would make a loop: %(path)s leads back here.")
                        % {"path": path}
                    }
                )
            seen.add(path)
            path = (
                Redirect.objects.exclude(pk=self.pk)
                .filter(old_path=path)
                .values_list("new_path", flat=True)
                .first()
            )


class BinEntry(models.Model):
    """A deleted item kept for `settings.BIN_RETENTION_DAYS`: a snapshot of it with its rows
    (a django-reversion revision of its own), who deleted it and when, and the links other items
    had to it, so one click brings it all back (apps.core.versions)."""

    content_type = models.ForeignKey(
        "contenttypes.ContentType", on_delete=models.CASCADE, verbose_name=_("kind of content")
    )
    object_id = models.CharField(_("identifier"), max_length=64)
    object_repr = models.CharField(_("item"), max_length=300)
    deleted_at = models.DateTimeField(_("deleted on"), default=timezone.now, db_index=True)
    deleted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("deleted by"),
    )
    revision = models.OneToOneField(
        "reversion.Revision", on_delete=models.CASCADE, related_name="bin_entry"
    )
    links = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = _("deleted item")
        verbose_name_plural = _("bin")
        ordering = ["-deleted_at", "-pk"]
        default_permissions = ("view", "delete")

    def __str__(self) -> str:
        return self.object_repr


class PendingChange(models.Model):
    """Changes to a live item saved as a draft: visitors keep seeing the live version while the
    changes (a django-reversion revision of their own, with the item's rows) wait to be
    previewed, published, scheduled for `publish_at`, or discarded (apps.core.pending)."""

    content_type = models.ForeignKey(
        "contenttypes.ContentType", on_delete=models.CASCADE, verbose_name=_("kind of content")
    )
    object_id = models.CharField(_("identifier"), max_length=64)
    revision = models.OneToOneField(
        "reversion.Revision", on_delete=models.CASCADE, related_name="pending_change"
    )
    saved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("saved by"),
    )
    saved_at = models.DateTimeField(_("saved on"), default=timezone.now)
    publish_at = models.DateTimeField(
        _("publish the changes at"), null=True, blank=True, db_index=True
    )
    # Why scheduled changes could not go live (another item took their address, say): they
    # wait, unscheduled, for an editor.
    problem = models.TextField(_("problem"), blank=True)
    # A hash of the live version the changes were made on: when it differs from the live
    # version of the moment, publishing them would undo what changed since.
    base = models.CharField(max_length=64, blank=True)
    # Saved over by more than one editor: only those who may change everything settle it.
    several_authors = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("pending change")
        verbose_name_plural = _("pending changes")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"], name="one_pending_change_per_item"
            )
        ]

    def __str__(self) -> str:
        return f"{self.content_type} {self.object_id}"

    def problem_message(self) -> str:
        """The problem, stored untranslated, in the reader's language."""
        from django.utils.translation import gettext

        return gettext(self.problem) if self.problem else ""


class TranslationState(models.Model):
    """Whether an item's English is complete, missing (a French text without its English) or
    outdated (French changed since its English was written), kept at every save of a translated
    model (apps.core.translation_state)."""

    class State(models.TextChoices):
        COMPLETE = "complete", _("Complete")
        MISSING = "missing", _("Missing")
        OUTDATED = "outdated", _("Outdated")

    content_type = models.ForeignKey(
        "contenttypes.ContentType", on_delete=models.CASCADE, verbose_name=_("kind of content")
    )
    object_id = models.BigIntegerField(_("identifier"))
    state = models.CharField(_("English"), max_length=10, choices=State.choices)
    # Field names (untranslated: "title", "body"): without English, and with a French changed
    # since the English was.
    missing = models.JSONField(default=list, blank=True)
    outdated = models.JSONField(default=list, blank=True)
    changed_at = models.DateTimeField(_("last checked"), auto_now=True)

    class Meta:
        verbose_name = _("translation state")
        verbose_name_plural = _("translation states")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"], name="translation_state_once"
            )
        ]
        indexes = [models.Index(fields=["content_type", "state"], name="translation_state_by_kind")]

    def __str__(self) -> str:
        return f"{self.content_type_id}:{self.object_id} {self.state}"
