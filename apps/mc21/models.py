"""The MC21 project: its timeline, its supporters and what it is connected to.

Its texts are pages of the editorial tree (apps.pages): the page of kind "MC21 project home" is
served at /mc21/, and the pages below it at /mc21/<path>/.
"""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from apps.core.models import Image, Publishable, WebAddressField, sample_flag
from apps.news.models import Category, NewsArticle
from apps.pages.models import Page
from apps.teams.models import Team


class Milestone(Publishable):
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(1850), MaxValueValidator(2100)]
    )
    date = models.DateField(
        _("exact date"), null=True, blank=True, help_text=_("Optional: the year is enough.")
    )
    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(_("text"), max_length=1000, blank=True)
    article = models.ForeignKey(
        NewsArticle,
        verbose_name=_("linked news article"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    page = models.ForeignKey(
        Page,
        verbose_name=_("linked page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    is_sample = sample_flag()

    class Meta:
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        ordering = ["year", "date", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(date__isnull=True) | Q(date__year=models.F("year")),
                name="milestone_date_in_year",
                violation_error_message=_("The exact date must fall in the year."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.year} – {self.title}"

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("mc21:landing") + f"#milestone-{self.pk}"

    @property
    def link(self):
        """The published article or page the milestone leads to, if any."""
        if self.article is not None and self.article.is_published():
            return self.article
        if self.page is not None and self.page.is_public():
            return self.page
        return None


class Supporter(Publishable):
    class Kind(models.TextChoices):
        FOUNDER = "founder", _("Founding partner")
        INSTITUTION = "institution", _("Institutional partner")
        COMPANY = "company", _("Company")
        FOUNDATION = "foundation", _("Foundation or association")
        DONOR = "donor", _("Donor")

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(
        _("kind"), max_length=12, choices=Kind.choices, default=Kind.INSTITUTION
    )
    logo = models.ForeignKey(
        Image,
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Its alternative text should be the supporter's name."),
    )
    url = WebAddressField(_("website"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=100)
    is_sample = sample_flag()

    class Meta:
        verbose_name = _("supporter")
        verbose_name_plural = _("supporters and partners")
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name


class Connection(models.Model):
    """What MC21 is connected to: its teams, and a news category for its news. One row."""

    teams = models.ManyToManyField(
        Team, verbose_name=_("teams of the project"), blank=True, related_name="+"
    )
    news_category = models.ForeignKey(
        Category,
        verbose_name=_("news category of the project"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The latest published news of this category are shown on the MC21 page."),
    )

    class Meta:
        verbose_name = _("connections of the project")
        verbose_name_plural = _("connections of the project")
        constraints = [models.CheckConstraint(condition=Q(pk=1), name="mc21_connection_single")]

    def __str__(self) -> str:
        return str(_("Teams and news of MC21"))

    def save(self, *args, **kwargs):
        self.pk = 1
        super().save(*args, **kwargs)
