from apps.care.models import ClinicalTrial, Consultation
from apps.core.sitemaps import PublishedSitemap, StaticViewSitemap


class CareSitemap(StaticViewSitemap):
    url_names = ("care:hub", "care:consultation-list", "care:trial-list")
    changefreq = "weekly"
    priority = 0.9


class ConsultationSitemap(PublishedSitemap):
    model = Consultation
    priority = 0.6


class TrialSitemap(PublishedSitemap):
    model = ClinicalTrial
    changefreq = "weekly"
    priority = 0.7


def site_map_links(request):
    """The HTML site map's patients part: the patients page, its consultations (each one) and
    the clinical trials finder, then the contact form."""
    from django.urls import reverse
    from django.utils.translation import gettext as _

    from apps.core.languages import fallback_language
    from apps.core.registry import SiteMapLink

    consultations = (
        Consultation.objects.published()
        .only("slug", "name", "name_fr", "name_en")
        .order_by("order", "name", "pk")
    )
    return [
        SiteMapLink(
            _("Patients and relatives"),
            reverse("care:hub"),
            (
                SiteMapLink(
                    _("Consultations"),
                    reverse("care:consultation-list"),
                    tuple(
                        SiteMapLink(c.name, c.get_absolute_url(), (), fallback_language(c, "name"))
                        for c in consultations
                    ),
                ),
                SiteMapLink(_("Clinical trials"), reverse("care:trial-list")),
            ),
        ),
        SiteMapLink(_("Contact form"), reverse("care:contact")),
    ]
