"""Contact points (who to call, when, where) and consultations, for patients and relatives."""

from __future__ import annotations

import datetime
import zoneinfo
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Case, F, Q, When
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from apps.care.hours import is_always_open, runs_to_midnight, summary
from apps.core.models import Publishable, PublishableQuerySet, Reviewed, phone_uri, sample_flag
from apps.core.page_cache import expires_at
from apps.core.phones import format_phone, validate_phone
from apps.core.richtext import RichTextField
from apps.teams.models import Person

PARIS = zoneinfo.ZoneInfo("Europe/Paris")


@dataclass(frozen=True)
class OpeningState:
    is_open: bool
    closes_at: datetime.time | None = None  # when open
    next_opening: datetime.datetime | None = None  # when closed, within the coming week
    days_to_opening: int | None = None  # 0: later today, 1: tomorrow

    @property
    def opens_today(self) -> bool:
        return self.days_to_opening == 0

    @property
    def opens_tomorrow(self) -> bool:
        return self.days_to_opening == 1


class ContactPoint(Reviewed, Publishable):
    class Audience(models.TextChoices):
        PATIENTS = "patients", _("Patients and relatives")
        PHYSICIANS = "physicians", _("Referring physicians")
        RESEARCHERS = "researchers", _("Researchers")
        PRESS = "press", _("Press")
        DONORS = "donors", _("Donors")

    class Need(models.TextChoices):
        APPOINTMENT = "appointment", _("I want to make an appointment")
        TREATMENT = "treatment", _("I have a question about my treatment")
        REFERRAL = "referral", _("I am a physician referring a patient")
        TRIAL = "trial", _("I want to join a clinical trial")

    name = models.CharField(_("name"), max_length=150)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    need = models.CharField(
        _("answers the need"),
        max_length=12,
        choices=Need.choices,
        blank=True,
        help_text=_("The patients page sends this need straight to this contact point."),
    )
    audience = models.CharField(
        _("audience"), max_length=12, choices=Audience.choices, default=Audience.PATIENTS
    )
    purpose = models.CharField(
        _("what it is for"),
        max_length=250,
        blank=True,
        help_text=_("Public: for example 'Make or change an appointment'."),
    )
    phone = models.CharField(_("phone"), max_length=40, blank=True, validators=[validate_phone])
    email = models.EmailField(_("email"), blank=True)
    building = models.CharField(_("building"), max_length=100, blank=True)
    floor = models.CharField(_("floor"), max_length=50, blank=True)
    room = models.CharField(_("room or desk"), max_length=100, blank=True)
    directions = models.TextField(_("how to get there"), max_length=1500, blank=True)
    prepare = models.TextField(
        _("what to have at hand before calling"),
        max_length=1500,
        blank=True,
        help_text=_("Public: one item per line."),
    )
    is_main_line = models.BooleanField(
        _("main patient line"),
        default=False,
        help_text=_(
            "The number of the call button on every page (header, home page, footer). Tick it "
            "on one published contact point with a phone number."
        ),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=100)
    is_sample = sample_flag()

    class Meta:
        verbose_name = _("contact point")
        verbose_name_plural = _("contact points")
        ordering = ["order", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["is_main_line"],
                condition=Q(is_main_line=True),
                name="one_main_patient_line",
                violation_error_message=_("Another contact point is already the main line."),
            )
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("care:hub") + f"#contact-{self.slug}"

    def clean(self):
        super().clean()
        self.phone = format_phone(self.phone)
        if self.is_main_line and not (self.phone or "").strip():
            raise ValidationError(
                {"is_main_line": _("The main patient line needs a phone number.")}
            )

    @property
    def phone_uri(self) -> str:
        return phone_uri(self.phone)

    @property
    def prepare_lines(self) -> list[str]:
        return [line.strip() for line in self.prepare.splitlines() if line.strip()]

    def hours_on(self, day: datetime.date, slots=None, exceptions=None):
        """The (opens, closes) periods of a day: its exception if there is one, else its weekly
        slots. `slots` and `exceptions` may be given (prefetched) to avoid queries."""
        slots = self.slots.all() if slots is None else slots
        exceptions = self.exceptions.all() if exceptions is None else exceptions
        for exception in exceptions:
            if exception.date == day:
                if exception.closed or not (exception.opens and exception.closes):
                    return []
                return [(exception.opens, exception.closes)]
        return sorted((s.opens, s.closes) for s in slots if s.weekday == day.weekday())

    def opening_state(self, at: datetime.datetime | None = None) -> OpeningState:
        """Open now? Computed in Paris time from the weekly slots and the exceptions."""
        now = timezone.localtime(at or timezone.now(), PARIS)
        slots, exceptions = list(self.slots.all()), list(self.exceptions.all())
        for opens, closes in self.hours_on(now.date(), slots, exceptions):
            if runs_to_midnight(closes) and opens <= now.time():
                # Open until midnight (entered as 23:59): no closing time worth announcing.
                return OpeningState(True)
            if opens <= now.time() < closes:
                # A page that says "open" is not kept past the closing time.
                expires_at(datetime.datetime.combine(now.date(), closes, tzinfo=PARIS))
                return OpeningState(True, closes_at=closes)
        for offset in range(0, 8):
            day = now.date() + datetime.timedelta(days=offset)
            for opens, _closes in self.hours_on(day, slots, exceptions):
                start = datetime.datetime.combine(day, opens, tzinfo=PARIS)
                if start > now:
                    expires_at(start)
                    return OpeningState(False, next_opening=start, days_to_opening=offset)
        return OpeningState(False)

    @property
    def is_always_open(self) -> bool:
        """Open every day, around the clock (uses the prefetched slots)."""
        return is_always_open((s.weekday, s.opens, s.closes) for s in self.slots.all())

    @property
    def hours_summary(self) -> str:
        """The week's hours in one line of the current language (uses the prefetched slots)."""
        return summary((s.weekday, s.opens, s.closes) for s in self.slots.all())

    def weekly_hours(self) -> list[dict]:
        """Monday to Sunday with their periods, for the opening-hours table."""
        slots = list(self.slots.all())
        names = OpeningSlot.Weekday.choices
        return [
            {
                "weekday": value,
                "name": label,
                "periods": sorted((s.opens, s.closes) for s in slots if s.weekday == value),
            }
            for value, label in names
        ]


class OpeningSlot(models.Model):
    class Weekday(models.IntegerChoices):
        MONDAY = 0, pgettext_lazy("weekday heading", "Monday")
        TUESDAY = 1, pgettext_lazy("weekday heading", "Tuesday")
        WEDNESDAY = 2, pgettext_lazy("weekday heading", "Wednesday")
        THURSDAY = 3, pgettext_lazy("weekday heading", "Thursday")
        FRIDAY = 4, pgettext_lazy("weekday heading", "Friday")
        SATURDAY = 5, pgettext_lazy("weekday heading", "Saturday")
        SUNDAY = 6, pgettext_lazy("weekday heading", "Sunday")

    contact_point = models.ForeignKey(ContactPoint, on_delete=models.CASCADE, related_name="slots")
    weekday = models.PositiveSmallIntegerField(_("day"), choices=Weekday.choices)
    opens = models.TimeField(_("opens"))
    closes = models.TimeField(_("closes"))

    class Meta:
        verbose_name = _("opening hours")
        verbose_name_plural = _("opening hours")
        ordering = ["weekday", "opens"]
        constraints = [
            models.CheckConstraint(
                condition=Q(closes__gt=F("opens")),
                name="slot_closes_after_opening",
                violation_error_message=_("The closing time must come after the opening time."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_weekday_display()} {self.opens:%H:%M}–{self.closes:%H:%M}"


class OpeningException(models.Model):
    """A day that differs from the week: closed (a public holiday) or other hours."""

    contact_point = models.ForeignKey(
        ContactPoint, on_delete=models.CASCADE, related_name="exceptions"
    )
    date = models.DateField(_("date"))
    closed = models.BooleanField(_("closed all day"), default=True)
    opens = models.TimeField(_("opens"), null=True, blank=True)
    closes = models.TimeField(_("closes"), null=True, blank=True)
    note = models.CharField(
        _("note"), max_length=200, blank=True, help_text=_("Public: for example 'Public holiday'.")
    )

    class Meta:
        verbose_name = _("exception to the opening hours")
        verbose_name_plural = _("exceptions to the opening hours")
        ordering = ["date"]
        constraints = [
            models.UniqueConstraint(fields=["contact_point", "date"], name="exception_once_a_day"),
            models.CheckConstraint(
                condition=Q(closed=True)
                | Q(opens__isnull=False, closes__isnull=False, closes__gt=F("opens")),
                name="exception_hours_make_sense",
                violation_error_message=_(
                    "Give the opening and closing times of that day, or tick 'closed all day'."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.note}"

    def clean(self):
        if self.closed and (self.opens or self.closes):
            raise ValidationError(
                _("Untick 'closed all day' to give hours for that day, or remove the hours.")
            )


class Consultation(Reviewed, Publishable):
    """A medical service of the center."""

    slug_source = "name"  # its French and English slugs come from it (apps.core.slugs)

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    summary = models.TextField(_("summary"), max_length=600)
    description = RichTextField(_("description"))
    physicians = models.ManyToManyField(
        Person, verbose_name=_("physicians"), blank=True, related_name="consultations"
    )
    contact_point = models.ForeignKey(
        ContactPoint,
        verbose_name=_("contact point"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="consultations",
    )
    order = models.PositiveSmallIntegerField(_("order"), default=100)
    is_sample = sample_flag()

    class Meta:
        verbose_name = _("consultation")
        verbose_name_plural = _("consultations")
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("care:consultation-detail", kwargs={"slug": self.slug})


class CancerType(Publishable):
    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)

    class Meta:
        verbose_name = _("cancer type")
        verbose_name_plural = _("cancer types")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


nct_validator = RegexValidator(
    r"^NCT[0-9]{8}$", _("A ClinicalTrials.gov number looks like NCT01234567."), "nct"
)
euct_validator = RegexValidator(
    r"^[0-9]{4}-[0-9]{6}-[0-9]{2}-[0-9]{2}$",
    _("An EU CT number looks like 2023-501234-12-00."),
    "euct",
)


class ClinicalTrialQuerySet(PublishableQuerySet):
    def recruiting_first(self):
        return self.annotate(
            status_rank=Case(
                *[When(recruitment=value, then=rank) for rank, value in enumerate(STATUS_ORDER)],
                default=len(STATUS_ORDER),
            )
        ).order_by("status_rank", "-last_update", "pk")


class ClinicalTrial(Reviewed, Publishable):
    class Phase(models.TextChoices):
        EARLY_1 = "early1", _("Early phase 1")
        PHASE_1 = "1", _("Phase 1")
        PHASE_1_2 = "1-2", _("Phase 1/2")
        PHASE_2 = "2", _("Phase 2")
        PHASE_3 = "3", _("Phase 3")

    # What each phase means, in plain words, for the trial page.
    PHASE_MEANINGS = {
        Phase.EARLY_1: _(
            "An early phase 1 trial gives a new treatment for the first time to a few people, at "
            "very low doses, to see how the body handles it."
        ),
        Phase.PHASE_1: _(
            "A phase 1 trial gives a new treatment to a small number of people to find the right "
            "dose and learn its side effects."
        ),
        Phase.PHASE_1_2: _(
            "A phase 1/2 trial first looks for the right dose of a new treatment, then gives it to "
            "more people to see whether it works on their cancer."
        ),
        Phase.PHASE_2: _(
            "A phase 2 trial gives a treatment to a larger group of people to see whether it works "
            "on a given cancer and to learn more about its side effects."
        ),
        Phase.PHASE_3: _(
            "A phase 3 trial compares a new treatment with the usual treatment, often in many "
            "people and in several hospitals."
        ),
    }

    class Recruitment(models.TextChoices):  # not "Status": Publishable.Status is the other one
        RECRUITING = "recruiting", _("Recruiting")
        NOT_YET = "not_yet", _("Not yet recruiting")
        ACTIVE = "active", _("Active, not recruiting")
        CLOSED = "closed", pgettext_lazy("trial recruitment", "Closed")

    class Treatment(models.TextChoices):
        CHECKPOINT = "checkpoint", _("Immune checkpoint inhibitor")
        CELL = "cell", _("Cell therapy")
        VACCINE = "vaccine", _("Cancer vaccine")
        COMBINATION = "combination", _("Combination of treatments")
        OTHER = "other", _("Other")

    title = models.CharField(_("title"), max_length=300)
    acronym = models.CharField(_("acronym"), max_length=40, blank=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    nct_number = models.CharField(
        _("ClinicalTrials.gov number"),
        max_length=11,
        null=True,
        blank=True,
        unique=True,
        validators=[nct_validator],
    )
    euct_number = models.CharField(
        _("EU CT number"),
        max_length=17,
        null=True,
        blank=True,
        unique=True,
        validators=[euct_validator],
    )
    phase = models.CharField(_("phase"), max_length=6, choices=Phase.choices)
    recruitment = models.CharField(
        _("recruitment"), max_length=10, choices=Recruitment.choices, default=Recruitment.RECRUITING
    )
    cancer_types = models.ManyToManyField(
        CancerType, verbose_name=_("cancer types"), related_name="trials", blank=True
    )
    treatment = models.CharField(_("treatment kind"), max_length=12, choices=Treatment.choices)
    summary = models.TextField(_("plain-language summary"), max_length=1500)
    eligibility = models.TextField(
        _("main eligibility points"),
        max_length=2000,
        blank=True,
        help_text=_("Public: one point per line."),
    )
    investigator = models.ForeignKey(
        Person,
        verbose_name=_("principal investigator"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="trials",
    )
    teams = models.ManyToManyField(
        "teams.Team", verbose_name=_("related teams"), blank=True, related_name="trials"
    )
    contact_point = models.ForeignKey(
        ContactPoint,
        verbose_name=_("contact point"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="trials",
    )
    last_update = models.DateField(_("last update"), default=timezone.localdate)
    is_sample = sample_flag()

    objects = ClinicalTrialQuerySet.as_manager()

    class Meta:
        verbose_name = _("clinical trial")
        verbose_name_plural = _("clinical trials")
        ordering = ["-last_update", "pk"]
        constraints = [
            models.CheckConstraint(condition=~Q(nct_number=""), name="trial_nct_null_not_empty"),
            models.CheckConstraint(condition=~Q(euct_number=""), name="trial_euct_null_not_empty"),
        ]

    def __str__(self) -> str:
        return f"{self.acronym} – {self.title}" if self.acronym else self.title

    def save(self, *args, **kwargs):
        self.nct_number = (self.nct_number or "").strip().upper() or None
        self.euct_number = (self.euct_number or "").strip() or None
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("care:trial-detail", kwargs={"slug": self.slug})

    @property
    def eligibility_lines(self) -> list[str]:
        return [line.strip() for line in self.eligibility.splitlines() if line.strip()]

    @property
    def phase_meaning(self) -> str:
        return str(self.PHASE_MEANINGS.get(self.phase, ""))

    @property
    def registry_links(self) -> list[tuple[str, str]]:
        """(number, address in its public registry). A sample trial's numbers are made up: they
        get no address, so the page never sends anyone to a real, unrelated trial."""
        links = []
        if self.nct_number:
            links.append((self.nct_number, f"https://clinicaltrials.gov/study/{self.nct_number}"))
        if self.euct_number:
            links.append(
                (
                    self.euct_number,
                    "https://euclinicaltrials.eu/search-for-clinical-trials/?lang=en&EUCT="
                    + self.euct_number,
                )
            )
        if self.is_sample:
            return [(number, "") for number, _url in links]
        return links


STATUS_ORDER = ["recruiting", "not_yet", "active", "closed"]


class ContactRequest(models.Model):
    """What the contact form receives. Stored before any email is tried; personal data, kept
    for a limited time (see the purge_contact_requests command)."""

    class State(models.TextChoices):
        NEW = "new", _("New")
        IN_PROGRESS = "in_progress", _("In progress")
        ANSWERED = "answered", _("Answered")

    topic = models.ForeignKey(
        ContactPoint, verbose_name=_("topic"), on_delete=models.PROTECT, related_name="requests"
    )
    name = models.CharField(_("name"), max_length=150)
    email = models.EmailField(_("email"))
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    message = models.TextField(_("message"), max_length=5000)
    consent = models.BooleanField(_("consent to the processing of the data"), default=False)
    language = models.CharField(_("language"), max_length=5, default="fr")
    state = models.CharField(_("state"), max_length=12, choices=State.choices, default=State.NEW)
    created_at = models.DateTimeField(_("received"), auto_now_add=True, db_index=True)
    sent_at = models.DateTimeField(_("forwarded by email"), null=True, blank=True)
    acknowledged_at = models.DateTimeField(_("acknowledged to the sender"), null=True, blank=True)
    send_attempts = models.PositiveSmallIntegerField(_("sending attempts"), default=0)
    last_error = models.CharField(_("last sending error"), max_length=500, blank=True)
    # A keyed hash of the sender's address (never the address): counts a client's messages for
    # the rate limit, in the database, which every app server shares and nothing evicts.
    client_hash = models.CharField(max_length=32, blank=True, editable=False)

    class Meta:
        verbose_name = _("contact request")
        verbose_name_plural = _("contact requests")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(condition=Q(consent=True), name="contact_request_consent"),
        ]
        indexes = [
            models.Index(fields=["client_hash", "created_at"], name="contact_request_client_recent")
        ]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} – {self.topic}"

    @property
    def is_sent(self) -> bool:
        return self.sent_at is not None
