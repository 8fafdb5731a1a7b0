"""The home page: one editable row with its aims and the leadership's words."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Exists, F, Max, OuterRef, Prefetch, Q, Value
from django.db.models.functions import Concat, Length
from django.db.models.lookups import StartsWith
from django.urls import Resolver404, resolve, reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from apps.core.models import (
    Image,
    Publishable,
    PublishableQuerySet,
    Reviewed,
    WebAddressField,
    published_q,
)
from apps.core.richtext import RichTextField


class HomePage(Reviewed, models.Model):
    """The home page's texts. A single row (pk=1), edited in the admin. Its patients box is
    patient information: it has an owner and a review date (apps.core.models.Reviewed)."""

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
        help_text=_(
            "The phone numbers and opening hours shown beside this text come from the contact "
            "points (Patients > Contact points); the site settings only stand in when there are "
            "none."
        ),
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
        help_text=_(
            "Public. Only words the person actually said or wrote, as published, never words "
            "written for them."
        ),
    )
    photo = models.ForeignKey(
        Image,
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    language = models.CharField(
        _("language of the original words"),
        max_length=2,
        choices=[("fr", _("French")), ("en", _("English"))],
        default="fr",
        help_text=_(
            "The language the person said or wrote them in. In the other language the text is "
            "shown as a translation."
        ),
    )
    source = models.CharField(
        _("source"),
        max_length=300,
        blank=True,
        help_text=_("Public: where these words were published, for example a page of the site."),
    )
    source_url = WebAddressField(_("source link"), max_length=500, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("leadership words")
        verbose_name_plural = _("leadership words")
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return f"{self.name}, {self.role}"


PATH_MAX_LENGTH = 600
MAX_DEPTH = 40  # the tree key takes 14 characters a level, in 600
# Addresses kept for parts of the site to come (docs/architecture.md's URL map), both languages.
RESERVED_TOP_SEGMENTS = {"patients", "contact", "recherche", "search"}


def app_owns_path(language: str, path: str) -> bool:
    """Does another part of the site (teams, news...) answer at /<language>/<path>/?"""
    with translation.override(language):
        for candidate in (f"/{language}/{path}/", f"/{language}/{path}"):
            try:
                match = resolve(candidate)
            except Resolver404:
                continue
            # Views that serve pages of this tree (the page view, the MC21 section) are fine.
            if not getattr(match.func, "view_class", None) or not getattr(
                match.func.view_class, "serves_pages", False
            ):
                return True
    return False


class PageQuerySet(PublishableQuerySet):
    def at_path(self, path: str, language: str):
        return self.filter(**{f"path_{language}": path})

    def public(self, now=None):
        """Published, and below no hidden page: a draft or scheduled page hides its subtree."""
        hidden_ancestor = Page.objects.exclude(published_q(now=now)).filter(
            StartsWith(OuterRef("path_fr"), Concat(F("path_fr"), Value("/")))
        )
        return self.published(now).exclude(Exists(hidden_ancestor))


class Page(Publishable):
    """An editorial page of the tree, served at its path (/fr/<parent>/<child>/).

    `path_fr` and `path_en` are derived from the slugs of the page and its ancestors; they are
    kept up to date on save, for the page and every page below it. When a path changes, the old
    address is kept as a permanent redirect to the page.
    """

    slug_source = "title"  # its slugs come from its titles when left empty (apps.core.slugs)

    class Kind(models.TextChoices):
        STANDARD = "standard", _("Standard page")
        LEGAL = "legal", _("Legal notice")
        PRIVACY = "privacy", _("Privacy policy")
        ACCESSIBILITY = "accessibility", _("Accessibility statement")
        SUPPORT = "support", _("Donation page (with the site settings' donation button)")
        MC21 = "mc21", _("MC21 project home (served at /mc21/)")

    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent page"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        help_text=_("Leave empty for a page at the top of the site."),
    )
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(
        _("slug"),
        max_length=80,
        help_text=_("The page's part of the address. Changing it keeps the old address working."),
    )
    kind = models.CharField(_("kind"), max_length=15, choices=Kind.choices, default=Kind.STANDARD)
    intro = models.TextField(_("introduction"), max_length=800, blank=True)
    body = RichTextField(_("body"))
    image = models.ForeignKey(
        Image,
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    seo_title = models.CharField(
        _("title for search engines"),
        max_length=70,
        blank=True,
        help_text=_("Optional: replaces the title in search results and browser tabs."),
    )
    seo_description = models.CharField(
        _("description for search engines"),
        max_length=300,
        blank=True,
        help_text=_("Optional: the introduction is used when empty."),
    )
    order = models.PositiveSmallIntegerField(_("order among its sister pages"), default=100)
    show_in_main_menu = models.BooleanField(_("show in the main menu"), default=False)
    show_in_footer = models.BooleanField(_("show in the footer"), default=False)
    menu_order = models.PositiveSmallIntegerField(
        _("place in the menus"),
        default=25,
        help_text=_(
            "Lower comes first. For reference: Home 0, Teams 20, People 30, News 40, "
            "Events 50, Patients 90."
        ),
    )
    is_sample = models.BooleanField(
        _("sample content"),
        default=False,
        help_text=_("Sample content made for the demonstration: replace it before launch."),
    )
    path_fr = models.CharField(max_length=PATH_MAX_LENGTH, editable=False, default="")
    path_en = models.CharField(max_length=PATH_MAX_LENGTH, editable=False, default="")
    depth = models.PositiveSmallIntegerField(editable=False, default=0)
    # Sorts the whole tree in reading order: per level, the order then the id, fixed width.
    tree_key = models.CharField(max_length=600, editable=False, default="", db_index=True)

    objects = PageQuerySet.as_manager()

    class Meta:
        verbose_name = _("page")
        verbose_name_plural = _("pages")
        ordering = ["tree_key"]
        constraints = [
            models.UniqueConstraint(fields=["path_fr"], name="page_unique_path_fr"),
            models.UniqueConstraint(fields=["path_en"], name="page_unique_path_en"),
            models.CheckConstraint(condition=~Q(parent=F("pk")), name="page_not_own_parent"),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        self.fill_slugs()  # before the paths, which are made of the slugs
        old = {}
        if self.pk:
            old = Page.objects.filter(pk=self.pk).values("path_fr", "path_en").first() or {}
        # Its old addresses redirect to it (apps.core.redirects, on every save of a page).
        self.path_fr, self.path_en = self.compute_paths()
        self.depth = self.path_fr.count("/")
        with transaction.atomic():
            super().save(*args, **kwargs)
            moved = {
                lang: old.get(f"path_{lang}")
                for lang in ("fr", "en")
                if old.get(f"path_{lang}") not in (None, getattr(self, f"path_{lang}"))
            }
            parent_key = self.parent.tree_key if self.parent_id else ""
            tree_key = f"{parent_key}{self.order:05d}{self.pk:09d}"
            reordered = tree_key != self.tree_key
            if reordered:
                Page.objects.filter(pk=self.pk).update(tree_key=tree_key)
                self.tree_key = tree_key
            if moved or reordered:
                for child in self.children.all():
                    child.save()  # recomputes its paths, tree key and redirects, and so on down

    def slug_siblings(self):
        """A page's slug is unique among its sisters only (its path is unique)."""
        return Page._base_manager.filter(parent_id=self.parent_id)

    def fill_slugs(self):
        """Slugs left empty come from the titles (apps.core.slugs); the MC21 home's are mc21."""
        from apps.core.slugs import fill_slugs

        if self.kind == self.Kind.MC21:
            self.slug_fr = self.slug_fr or "mc21"
            self.slug_en = self.slug_en or self.slug_fr
        fill_slugs(self)

    def clean(self):
        super().clean()
        self.fill_slugs()  # a slug left empty comes from the title, so the checks below see it
        if self.parent_id and self.parent.depth + 1 >= MAX_DEPTH:
            raise ValidationError(
                {"parent": _("The tree cannot be deeper than %(max)s levels.") % {"max": MAX_DEPTH}}
            )
        # A page cannot sit below itself.
        ancestor = self.parent
        while ancestor is not None:
            if self.pk and ancestor.pk == self.pk:
                raise ValidationError({"parent": _("A page cannot be placed below itself.")})
            ancestor = ancestor.parent
        if self.kind == self.Kind.MC21 and (
            self.parent_id
            or (self.slug_fr or self.slug) != "mc21"
            or self.slug_en not in ("", None, "mc21")
        ):
            raise ValidationError(
                {"kind": _("The MC21 project home is a top-level page with the slug 'mc21'.")}
            )
        if not (self.slug_fr or self.slug):
            return
        for language, path in zip(("fr", "en"), self.compute_paths(), strict=True):
            if path.split("/", 1)[0] in RESERVED_TOP_SEGMENTS:
                raise ValidationError(
                    {
                        f"slug_{language}": _(
                            "The address /%(lang)s/%(path)s/ is kept for another "
                            "part of the site: choose another slug."
                        )
                        % {"lang": language, "path": path}
                    }
                )
            longest_below = self._longest_descendant_path(language)
            current = getattr(self, f"path_{language}") if self.pk else ""
            if longest_below and longest_below - len(current) + len(path) > PATH_MAX_LENGTH:
                raise ValidationError(
                    {
                        f"slug_{language}": _(
                            "The addresses of the pages below this one would "
                            "become too long: use a shorter slug or another "
                            "place in the tree."
                        )
                    }
                )
            if len(path) > PATH_MAX_LENGTH:
                raise ValidationError(
                    {
                        f"slug_{language}": _(
                            "This page's address would be too long: use shorter "
                            "slugs or a shallower place in the tree."
                        )
                    }
                )
            taken = Page.objects.filter(**{f"path_{language}": path}).exclude(pk=self.pk)
            if taken.exists():
                raise ValidationError(
                    {
                        f"slug_{language}": _(
                            "Another page already has the address /%(lang)s/%(path)s/."
                        )
                        % {"lang": language, "path": path}
                    }
                )
            if app_owns_path(language, path):
                raise ValidationError(
                    {
                        f"slug_{language}": _(
                            "The address /%(lang)s/%(path)s/ belongs to another "
                            "part of the site: choose another slug."
                        )
                        % {"lang": language, "path": path}
                    }
                )

    def get_absolute_url(self) -> str:
        language = translation.get_language() or "fr"
        path = self.path_en if language == "en" else self.path_fr
        return reverse("pages:page", kwargs={"path": path})

    def _longest_descendant_path(self, language: str) -> int:
        if not self.pk:
            return 0
        stored = Page.objects.filter(pk=self.pk).values_list(f"path_{language}", flat=True).first()
        if not stored:
            return 0
        found = Page.objects.filter(**{f"path_{language}__startswith": f"{stored}/"}).aggregate(
            longest=Max(Length(f"path_{language}"))
        )
        return found["longest"] or 0

    def is_public(self) -> bool:
        """Visitors may see it: published, and so is every page above it (one query)."""
        return self.is_published() and Page.objects.public().filter(pk=self.pk).exists()

    def compute_paths(self) -> tuple[str, str]:
        slug_fr = self.slug_fr or self.slug
        slug_en = self.slug_en or slug_fr
        if self.parent_id:
            parent = self.parent
            return f"{parent.path_fr}/{slug_fr}", f"{parent.path_en}/{slug_en}"
        return slug_fr, slug_en

    def ancestor_paths(self, language: str) -> list[str]:
        parts = getattr(self, f"path_{language}").split("/")
        return ["/".join(parts[:index]) for index in range(1, len(parts))]
