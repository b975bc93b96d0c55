from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TranslationsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "translations"
    verbose_name = _("Translation desk")

    def ready(self):
        from . import parts, state

        parts.register_articles()
        parts.register_news()
        parts.register_publications()
        state.connect()

    def admin_urls(self, site):
        """The desk, the side-by-side page and the XLIFF exchange, inside the admin."""
        from . import desk_views, side_by_side, xliff_views

        return [*desk_views.urls(site), *side_by_side.urls(site), *xliff_views.urls(site)]

    def admin_links(self, request):
        """The desk in the admin's list of apps and its sidebar (translations/desk_views.py)."""
        from .desk_views import admin_links

        return admin_links(request)

    def desk_panels(self, request):
        """The admin home page's panel of translations to do (translations/desk_views.py)."""
        from .desk_views import panels

        return panels(request)
