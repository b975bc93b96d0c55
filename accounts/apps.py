from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "accounts"
    verbose_name = _("Staff accounts")

    def ready(self):
        # Connects the audit trail to the sign-in and lockout signals.
        from . import audit  # noqa: F401
