from apps.care.models import ClinicalTrial, Consultation
from apps.core.sitemaps import I18nSitemap, StaticViewSitemap


class CareSitemap(StaticViewSitemap):
    url_names = ("care:hub", "care:consultation-list", "care:trial-list")
    changefreq = "weekly"
    priority = 0.9


class ConsultationSitemap(I18nSitemap):
    changefreq = "monthly"
    priority = 0.6

    def items(self):
        return Consultation.objects.published().order_by("pk").only("slug", "updated_at")

    def lastmod(self, item):
        return item.updated_at


class TrialSitemap(I18nSitemap):
    changefreq = "weekly"
    priority = 0.7

    def items(self):
        return ClinicalTrial.objects.published().order_by("pk").only("slug", "updated_at")

    def lastmod(self, item):
        return item.updated_at
