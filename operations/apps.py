from django.apps import AppConfig
from django.core import checks
from django.utils.translation import gettext_lazy as _


class OperationsConfig(AppConfig):
    """Running the site: backups and restores (manage.py backup / restore), and the checks
    of what running it on several processes needs (manage.py check --deploy)."""

    name = "operations"
    verbose_name = _("Operations")

    def ready(self):
        from .checks import check_cache_is_shared

        checks.register(check_cache_is_shared, checks.Tags.caches, deploy=True)
