from django.contrib.admin.apps import AdminConfig


class EditorialAdminConfig(AdminConfig):
    """django.contrib.admin, whose `admin.site` is the site of thinktank/admin_site.py."""

    default_site = "thinktank.admin_site.EditorialAdminSite"
