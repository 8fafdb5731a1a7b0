from django.urls import path

from apps.mc21.views import Mc21LandingView, Mc21PageView

app_name = "mc21"

urlpatterns = [
    path("mc21/", Mc21LandingView.as_view(), name="landing"),
    path("mc21/<path:path>/", Mc21PageView.as_view(), name="page"),
]
