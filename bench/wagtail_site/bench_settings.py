"""
Settings of the Wagtail comparison site: the production settings `wagtail start`
generated, with our app added and the database, secret and hosts taken from the same
environment variables as our site's (DATABASE_URL, DJANGO_SECRET_KEY,
DJANGO_ALLOWED_HOSTS). DEBUG is off, as in Wagtail's production settings.
"""

import os
from urllib.parse import urlsplit

from benchsite.settings.production import *  # noqa: F403

INSTALLED_APPS = ["analyses", *INSTALLED_APPS]  # noqa: F405

DEBUG = False
SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
ALLOWED_HOSTS = os.environ["DJANGO_ALLOWED_HOSTS"].split(",")

_database = urlsplit(os.environ["DATABASE_URL"])
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": _database.path.lstrip("/"),
        "USER": _database.username or "",
        "PASSWORD": _database.password or "",
        "HOST": _database.hostname or "",
        "PORT": _database.port or "",
        # As our site: connections kept for a minute, checked before reuse.
        "CONN_MAX_AGE": 60,
        "CONN_HEALTH_CHECKS": True,
    }
}

WAGTAIL_SITE_NAME = "Research Center"
WAGTAILADMIN_BASE_URL = "http://127.0.0.1"

# django-treebeard 5 warns about Wagtail 7.4's page managers on every command.
SILENCED_SYSTEM_CHECKS = ["treebeard.E001"]
