"""News articles, their categories, and events."""

from __future__ import annotations

import datetime
import zoneinfo

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from apps.core.models import Image, Publishable, WebAddressField, sample_flag
from apps.core.richtext import RichTextField
from apps.news.querysets import EventQuerySet, NewsArticleQuerySet
from apps.teams.models import Person, Team

PARIS = zoneinfo.ZoneInfo("Europe/Paris")
RESERVED_EVENT_SLUGS = {"calendar", "calendrier"}


def validate_event_slug(value: str) -> None:
    """'calendar' and 'calendrier' would give an event the address of the whole calendar."""
    if value.lower() in RESERVED_EVENT_SLUGS:
        raise ValidationError(
            _("This address is reserved for the calendar of all events: choose another."),
            code="reserved",
        )


class Category(Publishable):
    slug_source = "name"  # its French and English slugs come from it (apps.core.slugs)
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("news category")
        verbose_name_plural = _("news categories")
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("news:article-list") + f"?category={self.slug}"


class NewsArticle(Publishable):
    slug_source = "title"  # its French and English slugs come from it (apps.core.slugs)
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    lead = models.TextField(
        _("lead"), max_length=600, help_text=_("Public: one or two sentences shown in lists.")
    )
    body = RichTextField(_("body"))
    image = models.ForeignKey(
        Image,
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    category = models.ForeignKey(
        Category,
        verbose_name=_("category"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="articles",
    )
    teams = models.ManyToManyField(
        Team, verbose_name=_("related teams"), blank=True, related_name="news_articles"
    )
    people = models.ManyToManyField(
        Person, verbose_name=_("people mentioned"), blank=True, related_name="news_articles"
    )
    featured = models.BooleanField(
        _("featured"), default=False, help_text=_("Shown on top of the news list.")
    )
    date = models.DateField(
        _("date shown to readers"),
        default=timezone.localdate,
        help_text=_("The article is listed by this date; it appears at its 'publish at' time."),
    )
    is_sample = sample_flag()

    objects = NewsArticleQuerySet.as_manager()

    class Meta:
        verbose_name = _("news article")
        verbose_name_plural = _("news articles")
        ordering = ["-date", "-pk"]
        indexes = [models.Index(fields=["status", "-date"], name="news_listing")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("news:article-detail", kwargs={"slug": self.slug})

    @property
    def public_category(self):
        """The category when visitors may see it (a draft category is not named anywhere)."""
        category = self.category
        return category if category is not None and category.is_published() else None

    @property
    def published_at(self) -> datetime.datetime:
        """When the article went out, for feeds and structured data: its publish_at or creation
        time when that falls on its date, else noon (Paris) that day; never in the future."""
        for moment in (self.publish_at, self.created_at):
            if moment and timezone.localtime(moment, PARIS).date() == self.date:
                return min(moment, timezone.now())
        noon = datetime.datetime.combine(self.date, datetime.time(12), tzinfo=PARIS)
        return min(noon, timezone.now())


class Event(Publishable):
    slug_source = "title"  # its French and English slugs come from it (apps.core.slugs)
    # An event moves from "upcoming" to "past" when it ends.
    changes_pages_at = ("publish_at", "unpublish_at", "start", "end")

    class Kind(models.TextChoices):
        SEMINAR = "seminar", _("Seminar")
        CONFERENCE = "conference", _("Conference")
        PATIENT_DAY = "patient_day", _("Patient day")
        PUBLIC = "public", _("Public event")

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(
        _("slug"), max_length=120, unique=True, validators=[validate_event_slug]
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices, default=Kind.SEMINAR)
    start = models.DateTimeField(_("start"), help_text=_("Paris time."))
    end = models.DateTimeField(_("end"), help_text=_("Paris time."))
    all_day = models.BooleanField(
        _("all day"), default=False, help_text=_("Only the dates are shown; times are ignored.")
    )
    place = models.CharField(_("place"), max_length=250, blank=True, help_text=_("Public."))
    online_url = WebAddressField(_("online link"), blank=True)
    registration_url = WebAddressField(_("registration link"), blank=True)
    summary = models.TextField(_("summary"), max_length=600, help_text=_("Public: for lists."))
    description = RichTextField(_("description"))
    image = models.ForeignKey(
        Image,
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    teams = models.ManyToManyField(
        Team, verbose_name=_("related teams"), blank=True, related_name="events"
    )
    cancelled = models.BooleanField(
        _("cancelled"),
        default=False,
        help_text=_("Keeps the page and its address, and says the event is cancelled."),
    )
    is_sample = sample_flag()

    objects = EventQuerySet.as_manager()

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["start"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__gte=F("start")),
                name="event_end_after_start",
                violation_error_message=_("The end must come after the start."),
            )
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        self._normalise_all_day()
        super().save(*args, **kwargs)

    def clean(self):
        self._normalise_all_day()
        super().clean()

    def get_absolute_url(self) -> str:
        return reverse("news:event-detail", kwargs={"slug": self.slug})

    def _normalise_all_day(self):
        """An all-day event runs from the start of its first day to the end of its last day
        (Paris time), whatever times were typed, so it is 'upcoming' all through its days."""
        if self.all_day and self.start and self.end:
            first = timezone.localtime(self.start, PARIS).date()
            last = max(first, timezone.localtime(self.end, PARIS).date())
            self.start = datetime.datetime.combine(first, datetime.time.min, tzinfo=PARIS)
            self.end = datetime.datetime.combine(last, datetime.time.max, tzinfo=PARIS)

    def get_ics_url(self) -> str:
        return reverse("news:event-ics", kwargs={"slug": self.slug})

    @property
    def local_start(self):
        return timezone.localtime(self.start, PARIS)

    @property
    def local_end(self):
        return timezone.localtime(self.end, PARIS)

    @property
    def is_past(self) -> bool:
        return self.end < timezone.now()

    @property
    def single_day(self) -> bool:
        return self.local_start.date() == self.local_end.date()
