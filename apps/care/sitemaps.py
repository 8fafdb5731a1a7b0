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
