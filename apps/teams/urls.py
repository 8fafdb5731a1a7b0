from django.urls import path
from django.utils.translation import gettext_lazy as _

from apps.teams import views

app_name = "teams"

urlpatterns = [
    path(_("teams/"), views.TeamListView.as_view(), name="team-list"),
    path(_("teams/<slug:slug>/"), views.TeamDetailView.as_view(), name="team-detail"),
    path(_("people/"), views.PersonListView.as_view(), name="person-list"),
    path(_("people/<slug:slug>/"), views.PersonDetailView.as_view(), name="person-detail"),
    path(_("people/<slug:slug>.vcf"), views.person_vcard_view, name="person-vcard"),
]
