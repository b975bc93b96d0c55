from axes.apps import AppConfig as AxesConfig
from django.contrib.admin.apps import AdminConfig
from django.utils.translation import gettext_lazy as _


class EditorialAdminConfig(AdminConfig):
    """django.contrib.admin, whose `admin.site` is the site of thinktank/admin_site.py."""

    default_site = "thinktank.admin_site.EditorialAdminSite"


class SignInProtectionConfig(AxesConfig):
    """django-axes, under a name the admin's index can show in the interface language."""

    verbose_name = _("Sign-in protection")
