from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from django.views.generic import RedirectView

admin.site.site_header = _("Research Center: editorial desk")
admin.site.site_title = _("Editorial desk")
admin.site.index_title = _("Content")

urlpatterns = [
    path("_nested_admin/", include("nested_admin.urls")),
]

# Every page carries its language: /ar/… and /en/…. A request for "/" is sent by
# LocaleMiddleware to the reader's language (cookie, then Accept-Language, then Arabic).
urlpatterns += i18n_patterns(
    path("", RedirectView.as_view(pattern_name="articles:list"), name="home"),
    path("articles/", include("articles.urls")),
    path("admin/", admin.site.urls),
)
