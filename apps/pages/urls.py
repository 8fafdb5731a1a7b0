from django.urls import path

from apps.pages.views import HomeView, PageView

app_name = "pages"

urlpatterns = [
    path("", HomeView.as_view(), name="home"),
    # Last of all the site's URLs: any path no app answers may be an editorial page.
    path("<path:path>/", PageView.as_view(), name="page"),
]
