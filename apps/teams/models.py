"""Research themes, teams, people, their memberships and publications."""

from __future__ import annotations

from django.conf import settings
from django.contrib.postgres.constraints import ExclusionConstraint
from django.contrib.postgres.fields import RangeOperators
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import F, Func, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from apps.core.models import Image, Publishable, Reviewed, WebAddressField, sample_flag
from apps.core.phones import format_phone, validate_phone
from apps.core.richtext import RichTextField
from apps.teams.querysets import (
    MembershipQuerySet,
    PersonQuerySet,
    PublicationQuerySet,
    TeamQuerySet,
)
from apps.teams.validators import validate_orcid


class DateRange(Func):
    """PostgreSQL daterange(start, end, '[]'); NULL bounds are open."""

    function = "daterange"
    output_field = models.Field()

    def __init__(self, start, end):
        super().__init__(start, end, models.Value("[]"))


class ResearchTheme(Publishable):
    name = models.CharField(_("name"), max_length=150)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    description = models.TextField(_("description"), blank=True, help_text=_("Public."))
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("research theme")
        verbose_name_plural = _("research themes")
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("teams:team-list") + f"?theme={self.slug}"


class Team(Reviewed, Publishable):
    slug_source = "name"  # its French and English slugs come from it (apps.core.slugs)

    class Kind(models.TextChoices):
        RESEARCH = "research", _("Research team")
        CLINICAL = "clinical", _("Clinical team")
        PLATFORM = "platform", _("Technology platform")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.RESEARCH)
    name = models.CharField(_("name"), max_length=200)
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    summary = models.TextField(
        _("summary"), max_length=600, help_text=_("Public: two or three sentences for the cards.")
    )
    description = RichTextField(_("description"))
    themes = models.ManyToManyField(
        ResearchTheme, verbose_name=_("research themes"), related_name="teams", blank=True
    )
    image = models.ForeignKey(
        Image,
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    location = models.CharField(
        _("location in the building"), max_length=200, blank=True, help_text=_("Public.")
    )
    email = models.EmailField(_("contact email"), blank=True, help_text=_("Public."))
    phone = models.CharField(
        _("contact phone"),
        max_length=40,
        blank=True,
        help_text=_("Public."),
        validators=[validate_phone],
    )
    website = WebAddressField(_("external website"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=100)
    editors = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("team editors"),
        related_name="edited_teams",
        blank=True,
        help_text=_("Staff users who may edit this team, its members and its publications."),
    )
    is_sample = sample_flag()

    objects = TeamQuerySet.as_manager()

    class Meta:
        verbose_name = _("team")
        verbose_name_plural = _("teams")
        ordering = ["order", "name"]
        permissions = [("edit_all_teams", _("Can edit every team, not only their own"))]

    def __str__(self) -> str:
        return f"{self.name} ({self.acronym})" if self.acronym else self.name

    def clean(self):
        super().clean()
        self.phone = format_phone(self.phone)

    def get_absolute_url(self) -> str:
        return reverse("teams:team-detail", kwargs={"slug": self.slug})


class Person(Reviewed, Publishable):
    class Category(models.TextChoices):
        RESEARCHER = "researcher", _("Researcher")
        PHYSICIAN = "physician", _("Physician")
        NURSE = "nurse", _("Nurse or care staff")
        ENGINEER = "engineer", _("Engineer")
        STUDENT = "student", _("Student")
        ADMINISTRATION = "administration", _("Administration")

    title = models.CharField(
        _("title"), max_length=20, blank=True, help_text=_("For example Dr or Pr. Public.")
    )
    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    position = models.CharField(_("position"), max_length=200, blank=True, help_text=_("Public."))
    category = models.CharField(
        _("category"), max_length=15, choices=Category.choices, default=Category.RESEARCHER
    )
    photo = models.ForeignKey(
        Image,
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    bio = models.TextField(
        _("short biography"), max_length=2000, blank=True, help_text=_("Public.")
    )
    expertise = models.CharField(
        _("expertise"),
        max_length=400,
        blank=True,
        help_text=_("Public: keywords separated by commas."),
    )
    orcid = models.CharField(
        _("ORCID iD"),
        max_length=19,
        blank=True,
        validators=[validate_orcid],
        help_text=_("16 characters, for example 0000-0002-1825-0097."),
    )
    email = models.EmailField(_("email"), blank=True)
    show_email = models.BooleanField(
        _("show the email publicly"),
        default=False,
        help_text=_("Only when the person agreed to it."),
    )
    phone = models.CharField(_("phone"), max_length=40, blank=True, validators=[validate_phone])
    show_phone = models.BooleanField(
        _("show the phone publicly"),
        default=False,
        help_text=_("Only when the person agreed to it."),
    )
    sort_key = models.CharField(max_length=220, editable=False, db_index=True, default="")
    is_sample = sample_flag()

    objects = PersonQuerySet.as_manager()

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["sort_key", "pk"]

    def __str__(self) -> str:
        return self.full_name

    def clean_fields(self, exclude=None):
        # Before the validators: an ORCID's check character may be typed as a lower-case x.
        self.orcid = (self.orcid or "").strip().upper()
        super().clean_fields(exclude=exclude)
        if not exclude or "phone" not in exclude:
            self.phone = format_phone(self.phone)

    def save(self, *args, **kwargs):
        from apps.teams.text import fold

        self.sort_key = fold(f"{self.last_name} {self.first_name}")
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("teams:person-detail", kwargs={"slug": self.slug})

    def get_vcard_url(self) -> str:
        return reverse("teams:person-vcard", kwargs={"slug": self.slug})

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"

    @property
    def display_name(self) -> str:
        return f"{self.title} {self.full_name}".strip()

    @property
    def initial(self) -> str:
        first = self.sort_key[:1]
        return first.upper() if "a" <= first <= "z" else "#"

    @property
    def expertise_list(self) -> list[str]:
        return [word.strip() for word in self.expertise.split(",") if word.strip()]

    @property
    def orcid_url(self) -> str:
        return f"https://orcid.org/{self.orcid}" if self.orcid else ""

    @property
    def public_email(self) -> str:
        return self.email if self.show_email else ""

    @property
    def public_phone(self) -> str:
        return self.phone if self.show_phone else ""


class Membership(models.Model):
    class Role(models.TextChoices):
        HEAD = "head", _("Team leader")
        CO_HEAD = "co_head", _("Co-leader")
        MEMBER = "member", _("Member")
        ALUMNUS = "alumnus", _("Former member")

    team = models.ForeignKey(
        Team, verbose_name=_("team"), on_delete=models.CASCADE, related_name="memberships"
    )
    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.MEMBER)
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(
        _("end date"), null=True, blank=True, help_text=_("Leave empty while the person is here.")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=100)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["order", "person__sort_key"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(start_date__isnull=True)
                | Q(end_date__gte=F("start_date")),
                name="membership_end_after_start",
                violation_error_message=_("The end date must come after the start date."),
            ),
            ExclusionConstraint(
                name="membership_one_head_at_a_time",
                expressions=[
                    ("team", RangeOperators.EQUAL),
                    (DateRange("start_date", "end_date"), RangeOperators.OVERLAPS),
                ],
                condition=Q(role="head"),
                violation_error_message=_("A team has only one leader at a time."),
            ),
            models.UniqueConstraint(
                fields=["team", "person"],
                condition=Q(end_date__isnull=True) & ~Q(role="alumnus"),
                name="membership_one_current_per_person",
                violation_error_message=_("This person is already a current member of the team."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} – {self.team} ({self.get_role_display()})"

    def validate_constraints(self, exclude=None):
        # A role that failed its own check (not a choice) is left out, and Django would then
        # fail on the leader constraint's condition, which names it: the constraints are
        # checked once the role is valid.
        if exclude and "role" in exclude:
            return
        super().validate_constraints(exclude)

    @property
    def is_current(self) -> bool:
        """In the team today: not a former member, started (or no date), not yet ended."""
        today = timezone.localdate()
        return (
            self.role != self.Role.ALUMNUS
            and (self.start_date is None or self.start_date <= today)
            and (self.end_date is None or self.end_date >= today)
        )

    @property
    def is_past(self) -> bool:
        return self.role == self.Role.ALUMNUS or (
            self.end_date is not None and self.end_date < timezone.localdate()
        )


# Languages a publication's title may be written in (PubMed gives English titles).
TITLE_LANGUAGES = [
    ("en", _("English")),
    ("fr", _("French")),
    ("de", _("German")),
    ("es", _("Spanish")),
    ("it", _("Italian")),
    ("pt", _("Portuguese")),
    ("nl", _("Dutch")),
]


class Publication(Publishable):
    # Unlike other content, a publication is a public fact: published unless an editor hides it.
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=Publishable.Status.choices,
        default=Publishable.Status.PUBLISHED,
        help_text=_("Choose Draft to hide this publication from every page."),
    )
    title = models.CharField(_("title"), max_length=600)
    authors = models.TextField(_("authors"), help_text=_("As written in the publication."))
    journal = models.CharField(_("journal"), max_length=300, blank=True)
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(1900), MaxValueValidator(2100)]
    )
    doi = models.CharField(
        _("DOI"),
        max_length=200,
        null=True,
        blank=True,
        unique=True,
        validators=[RegexValidator(r"^10\.\d{4,9}/\S+$", _("A DOI looks like 10.1234/abcd."))],
    )
    pmid = models.CharField(
        _("PMID"),
        max_length=12,
        null=True,
        blank=True,
        unique=True,
        validators=[RegexValidator(r"^\d{1,12}$", _("A PMID is a number."))],
    )
    url = WebAddressField(_("link"), max_length=500, blank=True)
    language = models.CharField(
        _("language of the title"),
        max_length=8,
        choices=TITLE_LANGUAGES,
        default="en",
        help_text=_(
            "The language the title and the journal's name are written in: English as PubMed "
            "gives them. Pages in another language mark them, so screen readers read them right."
        ),
    )
    teams = models.ManyToManyField(
        Team,
        verbose_name=_("teams"),
        through="TeamPublication",
        related_name="publications",
        blank=True,
    )
    people = models.ManyToManyField(
        Person,
        verbose_name=_("people"),
        through="PersonPublication",
        related_name="publications",
        blank=True,
    )
    is_sample = sample_flag()

    objects = PublicationQuerySet.as_manager()

    class Meta:
        verbose_name = _("publication")
        verbose_name_plural = _("publications")
        ordering = ["-year", "title"]
        constraints = [
            models.CheckConstraint(condition=Q(year__gte=1900, year__lte=2100), name="pub_year"),
            models.CheckConstraint(condition=~Q(doi=""), name="pub_doi_null_not_empty"),
            models.CheckConstraint(condition=~Q(pmid=""), name="pub_pmid_null_not_empty"),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.year})"

    def save(self, *args, **kwargs):
        self._normalise()
        super().save(*args, **kwargs)

    def clean(self):
        # Before the uniqueness checks, so "10.1/ABC" is found to clash with "10.1/abc".
        self._normalise()
        super().clean()

    def _normalise(self):
        self.doi = (self.doi or "").strip().lower() or None
        self.pmid = (self.pmid or "").strip() or None

    @property
    def doi_url(self) -> str:
        return f"https://doi.org/{self.doi}" if self.doi else ""

    @property
    def pubmed_url(self) -> str:
        return f"https://pubmed.ncbi.nlm.nih.gov/{self.pmid}/" if self.pmid else ""


class TeamPublication(models.Model):
    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="team_publications")
    publication = models.ForeignKey(
        Publication, on_delete=models.CASCADE, related_name="team_links"
    )
    featured = models.BooleanField(
        _("featured"), default=False, help_text=_("Shown first on the team's page.")
    )

    class Meta:
        verbose_name = _("team publication")
        verbose_name_plural = _("team publications")
        ordering = ["-featured", "-publication__year"]
        constraints = [
            models.UniqueConstraint(fields=["team", "publication"], name="team_publication_once")
        ]

    def __str__(self) -> str:
        return f"{self.team} – {self.publication}"


class PersonPublication(models.Model):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="person_publications")
    publication = models.ForeignKey(
        Publication, on_delete=models.CASCADE, related_name="person_links"
    )
    featured = models.BooleanField(
        _("featured"), default=False, help_text=_("Shown first on the person's profile.")
    )

    class Meta:
        verbose_name = _("author link")
        verbose_name_plural = _("author links")
        ordering = ["-featured", "-publication__year"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "publication"], name="person_publication_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} – {self.publication}"
