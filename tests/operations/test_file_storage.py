"""
Where files are kept on several app servers: uploads in the shared media folder or, with
DJANGO_S3_BUCKET set, in object storage; static files served by whitenoise. The settings
are loaded in a fresh interpreter, as a server loads them at start-up; nothing is sent to
any storage.
"""

import json
import subprocess
import sys

from .services import ROOT, production_environment, site_environment

REPORT = """
import json
import django
django.setup()
from django.conf import settings
from django.core.files.storage import storages
media = storages["default"]
print(json.dumps({
    "media": type(media).__module__ + "." + type(media).__name__,
    "bucket": getattr(media, "bucket_name", None),
    "image_url": media.url("articles/2026/photo.jpg"),
    "static": type(storages["staticfiles"]).__name__,
    "whitenoise": "whitenoise.middleware.WhiteNoiseMiddleware" in settings.MIDDLEWARE,
    "img_src": settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"],
}))
"""


def storage_settings(environment):
    result = subprocess.run(
        [sys.executable, "-c", REPORT],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.splitlines()[-1])


def test_production_keeps_uploads_in_the_media_folder_and_serves_static_files(tmp_path):
    """By default uploads go to DJANGO_MEDIA_ROOT; whitenoise serves compressed static files."""
    found = storage_settings(production_environment(DJANGO_MEDIA_ROOT=str(tmp_path)))
    assert found["media"] == "django.core.files.storage.filesystem.FileSystemStorage"
    assert found["image_url"] == "/media/articles/2026/photo.jpg"
    assert found["static"] == "CompressedManifestStaticFilesStorage"
    assert found["whitenoise"]


def test_a_bucket_sends_uploads_to_object_storage():
    """DJANGO_S3_BUCKET switches uploads to S3, with public addresses the CSP allows."""
    found = storage_settings(
        production_environment(
            DJANGO_S3_BUCKET="thinktank-media",
            DJANGO_S3_ENDPOINT_URL="https://objects.example.org",
            DJANGO_S3_CUSTOM_DOMAIN="media.example.org",
            AWS_ACCESS_KEY_ID="id",
            AWS_SECRET_ACCESS_KEY="secret",
        )
    )
    assert found["media"] == "storages.backends.s3.S3Storage"
    assert found["bucket"] == "thinktank-media"
    # Unsigned: pages and caches keep the address, which never expires.
    assert found["image_url"] == "https://media.example.org/articles/2026/photo.jpg"
    assert "https://media.example.org" in found["img_src"]


def test_development_needs_no_collectstatic():
    """On a laptop (debug on) static files are served from the source folders."""
    found = storage_settings(site_environment())
    assert found["static"] == "StaticFilesStorage"
