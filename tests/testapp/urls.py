"""The site's URLs plus the test app's, for tests marked @pytest.mark.urls("tests.testapp.urls")."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path

from center_portal.urls import handler400, handler403, handler404, handler500
from center_portal.urls import urlpatterns as site_urls
from tests.testapp.views import ArticleDetailView, failing_view

testapp_patterns = (
    [
        path("articles/<slug:slug>/", ArticleDetailView.as_view(), name="article"),
        # A view that fails, for the 500 page in each language.
        path("failing/", failing_view, name="failing"),
    ],
    "testapp",
)

# First: the site's last pattern takes any path (editorial pages).
urlpatterns = [*i18n_patterns(path("", include(testapp_patterns))), *site_urls]

__all__ = ["handler400", "handler403", "handler404", "handler500", "urlpatterns"]
