from django.urls import path
from django.utils.translation import gettext_lazy as _

from apps.core.views import SiteMapView

app_name = "core"

urlpatterns = [
    path(_("site-map/"), SiteMapView.as_view(), name="site-map"),
]
