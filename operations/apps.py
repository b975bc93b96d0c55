from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OperationsConfig(AppConfig):
    """Running the site: backups and restores (manage.py backup / restore)."""

    name = "operations"
    verbose_name = _("Operations")
