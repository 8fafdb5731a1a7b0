from django.urls import path
from django.utils.translation import gettext_lazy as _

from apps.care import views

app_name = "care"

urlpatterns = [
    path(_("patients/"), views.PatientsHubView.as_view(), name="hub"),
    path(
        _("patients/consultations/"), views.ConsultationListView.as_view(), name="consultation-list"
    ),
    path(
        _("patients/consultations/<slug:slug>/"),
        views.ConsultationDetailView.as_view(),
        name="consultation-detail",
    ),
    path(_("patients/clinical-trials/"), views.TrialListView.as_view(), name="trial-list"),
    path(
        _("patients/clinical-trials/<slug:slug>/"),
        views.TrialDetailView.as_view(),
        name="trial-detail",
    ),
    path(_("contact/"), views.ContactView.as_view(), name="contact"),
    path(_("contact/thanks/"), views.ContactThanksView.as_view(), name="contact-thanks"),
]
