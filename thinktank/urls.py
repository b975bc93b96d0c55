from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.site import site_short_name

from . import health, views
from .sitemaps import SITEMAPS


def editorial_desk_header():
    """The admin's header, "مركز المستقبل: مكتب التحرير", in the admin's language."""
    return gettext("%(site)s: editorial desk") % {"site": site_short_name()}


# Lazy: the header is made per request, in its language and with the current settings.
admin.site.site_header = lazy(editorial_desk_header, str)()
admin.site.site_title = _("Editorial desk")
admin.site.index_title = _("Content")

# A lost database gets the bilingual 503 page, any other error the 500 page.
handler500 = "thinktank.faults.server_error_or_unavailable"

urlpatterns = [
    # For load balancers, outside the language prefix (thinktank/health.py).
    path("healthz", health.healthz, name="healthz"),
    path("_nested_admin/", include("nested_admin.urls")),
    path("robots.txt", views.robots_txt, name="robots"),
    path(
        "sitemap.xml",
        sitemap_views.index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap-section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        sitemap_views.sitemap,
        {"sitemaps": SITEMAPS},
        name="sitemap-section",
    ),
]

# Every page carries its language: /ar/… and /en/…. A request for "/" is sent by
# LocaleMiddleware to the reader's language (cookie, then Accept-Language, then Arabic).
urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path("", include("articles.urls")),
    path("news/", include("news.urls")),
    path("publications/", include("publications.urls")),
    path("search/", include("search.urls")),
    # DJANGO_ADMIN_PATH, "admin/" unless production chooses a less obvious one.
    path(settings.ADMIN_PATH, admin.site.urls),
)

# On a laptop (DEBUG on) the development server serves uploads and their renditions too.
urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
