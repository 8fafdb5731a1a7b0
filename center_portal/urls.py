"""URL map: language-neutral paths first, then every public page under /fr/ and /en/."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path
from django.views.decorators.cache import cache_page
from django.views.decorators.http import require_safe

from apps.core import views as core_views
from apps.core.registry import sitemaps

urlpatterns = [
    path("robots.txt", core_views.robots_txt, name="robots"),
    path("healthz", core_views.healthz, name="healthz"),
    path("favicon.ico", core_views.favicon, name="favicon"),
    path(
        "sitemap.xml",
        require_safe(cache_page(60)(sitemap_views.sitemap)),
        {"sitemaps": sitemaps()},
        name="sitemap",
    ),
    path("admin/", admin.site.urls),
    # Links to the site's items written by the editor's link picker (apps.core.links).
    path("go/<slug:kind>/<int:pk>/", core_views.follow_link, name="follow-link"),
]

urlpatterns += i18n_patterns(
    path("", include("apps.core.urls")),
    path("", include("apps.teams.urls")),
    path("", include("apps.news.urls")),
    path("", include("apps.mc21.urls")),
    path("", include("apps.care.urls")),
    path("", include("apps.search.urls")),
    path("", include("apps.pages.urls")),  # the page tree's catch-all pattern: last
    prefix_default_language=True,
)

handler400 = "apps.core.views.bad_request"
handler403 = "apps.core.views.permission_denied"
handler404 = "apps.core.views.page_not_found"
handler500 = "apps.core.views.server_error"
