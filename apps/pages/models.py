"""The home page: one editable row with its aims and the leadership's words."""

from __future__ import annotations

from django.db import models
from django.db.models import Prefetch, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from apps.core.models import Image
from apps.core.richtext import RichTextField


class HomePage(models.Model):
    """The home page's texts. A single row (pk=1), edited in the admin."""

    hero_title = models.CharField(_("main title"), max_length=200)
    hero_intro = models.TextField(_("introduction"), max_length=800)
    hero_image = models.ForeignKey(
        Image,
        verbose_name=_("main image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    about_title = models.CharField(_("'the center' title"), max_length=200)
    about_body = RichTextField(_("'the center' text"))
    aims_title = models.CharField(_("aims title"), max_length=200)
    leadership_title = models.CharField(_("leadership title"), max_length=200)
    immunotherapy_title = models.CharField(_("'what is immunotherapy' title"), max_length=200)
    immunotherapy_body = RichTextField(_("'what is immunotherapy' text"))
    patients_title = models.CharField(_("patients box title"), max_length=200)
    patients_body = models.TextField(
        _("patients box text"),
        max_length=800,
        help_text=_("The phone numbers and hours come from the site settings."),
    )
    meta_description = models.CharField(
        _("meta description"),
        max_length=300,
        blank=True,
        help_text=_("Shown by search engines; the site's default is used when empty."),
    )
    updated_at = models.DateTimeField(_("last modified"), auto_now=True)

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home page")
        constraints = [models.CheckConstraint(condition=Q(pk=1), name="home_page_singleton")]

    def __str__(self) -> str:
        return str(_("Home page"))

    def save(self, *args, **kwargs):
        self.pk = 1
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("pages:home")

    @classmethod
    def load(cls) -> HomePage | None:
        return (
            cls.objects.select_related("hero_image")
            .prefetch_related(
                "hero_image__renditions",
                "aims",
                Prefetch(
                    "quotes",
                    queryset=HomeQuote.objects.select_related("photo").prefetch_related(
                        "photo__renditions"
                    ),
                ),
            )
            .filter(pk=1)
            .first()
        )


class HomeAim(models.Model):
    home = models.ForeignKey(HomePage, on_delete=models.CASCADE, related_name="aims")
    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(_("text"), max_length=1000)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("aim")
        verbose_name_plural = _("aims")
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return self.title


class HomeQuote(models.Model):
    """Words of the center's leadership shown on the home page."""

    home = models.ForeignKey(HomePage, on_delete=models.CASCADE, related_name="quotes")
    name = models.CharField(_("name"), max_length=150)
    role = models.CharField(_("role"), max_length=200)
    text = models.TextField(
        _("words"),
        max_length=1500,
        help_text=_("Public. Publish only words the person has approved."),
    )
    photo = models.ForeignKey(
        Image,
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("leadership words")
        verbose_name_plural = _("leadership words")
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return f"{self.name}, {self.role}"
