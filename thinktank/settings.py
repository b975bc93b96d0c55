"""
Settings for the think-tank CMS.

Everything comes from environment variables (documented in `.env.example`). With none
set, the site runs in development mode: debug on, a development-only secret key, SQLite
under `var/` and an in-memory cache. `DJANGO_DEBUG=0` is production, which refuses to
start without a real secret key, allowed hosts and a cache its processes share, rather
than inventing them.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from core.text import localized_field_name

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name):
    return [item.strip() for item in os.environ.get(name, "").split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", True)

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS")
if DEBUG:
    # A key for laptops only: it is public, so production must never fall back to it.
    SECRET_KEY = SECRET_KEY or "django-insecure-development-only-key-do-not-deploy"
    ALLOWED_HOSTS = ALLOWED_HOSTS or ["127.0.0.1", "localhost", "[::1]"]
else:
    if not SECRET_KEY:
        raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set when DJANGO_DEBUG=0.")
    if not ALLOWED_HOSTS:
        raise ImproperlyConfigured("DJANGO_ALLOWED_HOSTS must be set when DJANGO_DEBUG=0.")

INSTALLED_APPS = [
    # modeltranslation patches the admin, so it must come before django.contrib.admin.
    "modeltranslation",
    # django.contrib.admin with a site of our own (thinktank/admin_site.py).
    "thinktank.apps.EditorialAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    # Django's own widget templates, for the form renderer below.
    "django.forms",
    "django.contrib.sitemaps",
    "nested_admin",
    "reversion",
    # Resized renditions of uploaded images (articles/renditions.py).
    "sorl.thumbnail",
    # The Content-Security-Policy header and its nonces (see "Security" below).
    "csp",
    # Throttles sign-ins after repeated failures (see "Security" below); named for the admin.
    "thinktank.apps.SignInProtectionConfig",
    # The project's apps, each above the ones it imports: core (plumbing) and autosave, search,
    # accounts, articles, news, publications.
    "core",
    # What an editor typed and has not saved yet, kept on the server (autosave/apps.py).
    "autosave",
    "search",
    "accounts",
    "articles",
    "news",
    # Periodicals and numbered series, their issues and contents.
    "publications",
    # What is missing or out of date in each language, and the translators' desk.
    "translations",
    # manage.py backup / restore (docs/deployment.md).
    "operations",
    # manage.py seed_bench: benchmarks only (bench/README.md).
    "bench",
]

MIDDLEWARE = [
    # A Host outside ALLOWED_HOSTS is a 400 before anything, the reader cache included,
    # answers it (core/security.py).
    "core.security.AllowedHostMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # ETag and 304 for every response, including those served from the reader cache.
    "django.middleware.http.ConditionalGetMiddleware",
    # Before sessions: a reader's page served from the cache costs no session work.
    "core.caching.ReaderCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # A NUL character in the address is a 400, not a database error (core/security.py).
    "core.security.RefuseNullCharactersMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # Last, as django-axes asks: it turns a locked-out sign-in into its own response.
    "axes.middleware.AxesMiddleware",
]

if not DEBUG:
    # Static files in production, before any other middleware does work for them (see
    # "Files" below). In development the development server serves them, and whitenoise
    # would only complain that nothing has been collected yet.
    MIDDLEWARE.insert(
        MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,
        "whitenoise.middleware.WhiteNoiseMiddleware",
    )

ROOT_URLCONF = "thinktank.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "core.context_processors.languages",
                "core.context_processors.site",
            ],
        },
    },
]

WSGI_APPLICATION = "thinktank.wsgi.application"

# SQLite under the git-ignored var/ folder unless DATABASE_URL names another database.
VAR_DIR = BASE_DIR / "var"
if not os.environ.get("DATABASE_URL"):
    VAR_DIR.mkdir(exist_ok=True)
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DJANGO_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # Tests on SQLite use a file (one per test run), so that a test can share its
    # database with app servers it starts in other processes.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / f"test-db-{os.getpid()}.sqlite3")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Pages and the versions that make them stale are kept in the cache (core/caching.py),
# which must be shared by every process serving the site: in a process's own memory, an
# edit handled by one process would not reach readers served by the others for an hour.
# Production therefore refuses to start with the in-memory cache, unless it is declared
# to run one process only (one server, one worker).
REDIS_URL = os.environ.get("REDIS_URL", "")
CACHE_DIR = os.environ.get("DJANGO_CACHE_DIR", "")
SINGLE_PROCESS = env_bool("DJANGO_SINGLE_PROCESS", False)
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "thinktank"),
            "OPTIONS": {
                # A Redis outage must slow pages down, not break them.
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 0.5,
                "SOCKET_TIMEOUT": 0.5,
            },
        }
    }
elif CACHE_DIR:
    # Several processes on ONE machine without Redis can still share a cache; app servers
    # on several machines need Redis (each would keep its own folder).
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": CACHE_DIR,
        }
    }
else:
    if not DEBUG and not SINGLE_PROCESS:
        raise ImproperlyConfigured(
            "REDIS_URL must be set when DJANGO_DEBUG=0: without it each process caches pages "
            "in its own memory, and readers served by the other processes see an edit only "
            "up to an hour later. For processes on one machine only, DJANGO_CACHE_DIR may "
            "name a folder they share; a site served by one process may declare it with "
            "DJANGO_SINGLE_PROCESS=1."
        )
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: Arabic is the default and is written right to left.
LANGUAGE_CODE = "ar"
LANGUAGES = [
    ("ar", _("Arabic")),
    ("en", _("English")),
]
LANGUAGES_BIDI = ["ar"]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = os.environ.get("DJANGO_TIME_ZONE", "Asia/Dubai")
# The largest PDF of a periodical's issue the admin accepts, in megabytes.
PUBLICATIONS_PDF_MAX_MB = int(os.environ.get("PUBLICATIONS_PDF_MAX_MB", "50"))

# Our own date formats (the reference page writes "04 أبريل، 2018").
FORMAT_MODULE_PATH = ["thinktank.formats"]

MODELTRANSLATION_DEFAULT_LANGUAGE = "ar"
MODELTRANSLATION_LANGUAGES = ("ar", "en")
# No silent fallback: an English page never shows Arabic text as if it were English.
# Availability per language is decided explicitly (see Article.objects.available_in).
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": ()}
# "Title [English]", "العنوان [الإنجليزية]": the language's name, not its code.
MODELTRANSLATION_BUILD_LOCALIZED_VERBOSE_NAME = localized_field_name
# The tabbed admin loads jQuery UI from a CDN by default; serve our own copy instead.
JQUERY_UI_URL = "vendor/jquery-ui/jquery-ui.min.js"

# The center's name per language, as pages, feeds, citations and the admin show it
# (core/site.py): the full name, and a short one for page titles and the admin's header.
# The defaults are the reference center's.
SITE_NAME = {
    "ar": os.environ.get("SITE_NAME_AR") or "مركز المستقبل للأبحاث والدراسات المتقدمة",
    "en": os.environ.get("SITE_NAME_EN") or "Future for Advanced Research and Studies",
}
SITE_SHORT_NAME = {
    "ar": os.environ.get("SITE_SHORT_NAME_AR") or "مركز المستقبل",
    "en": os.environ.get("SITE_SHORT_NAME_EN") or "Future Center",
}
# The logo in the header, a path among the static files ("img/logo.svg"); none by
# default, and the header then writes the name.
SITE_LOGO = os.environ.get("SITE_LOGO", "")

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", VAR_DIR / "static"))
MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", VAR_DIR / "media"))

# Widgets render with the project's templates too (templates/articles/widgets/).
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

# How many articles a listing page shows.
ARTICLES_PER_PAGE = 12
# How many items the center news list shows.
CENTER_NEWS_COUNT = 5

# How long nginx in front of the app servers may keep a reader's page for everyone
# (deploy/nginx.conf reads the X-Accel-Expires header the reader cache sends): the most
# a reader can see of a page older than the latest edit. 0: the proxy keeps nothing.
PROXY_CACHE_SECONDS = int(os.environ.get("DJANGO_PROXY_CACHE_SECONDS", "1"))

EMAIL_BACKEND = os.environ.get(
    "DJANGO_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)

# ---------------------------------------------------------------------------------------
# Security. `DJANGO_DEBUG=0 manage.py check --deploy` must print nothing; tests/security/
# holds what each setting promises.

# Production is served over HTTPS only, by gunicorn behind a proxy that terminates TLS
# and sets X-Forwarded-Proto and X-Forwarded-For.
if not DEBUG:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
    SESSION_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", True)
    CSRF_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", True)
    LANGUAGE_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", True)
    # A year of HTTPS-only in browsers. Turn the sub-domain and preload parts off for a
    # site on a bare domain whose other sub-domains still serve plain HTTP.
    SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", 365 * 24 * 60 * 60))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", True)
# Django's defaults, written out because tests/security/ holds the site to them.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# How many proxies in front of the app append to X-Forwarded-For: the address the
# outermost one saw is the reader's (core/security.py). 0 trusts no header, as on a
# laptop; behind the production proxy it must be 1, or every sign-in would count against
# the proxy's own address.
TRUSTED_PROXY_COUNT = int(os.environ.get("DJANGO_TRUSTED_PROXY_COUNT", "0" if DEBUG else "1"))

# The admin's address inside each language (/ar/<path>, /en/<path>): a less obvious one
# keeps password-guessing robots off the sign-in page.
ADMIN_PATH = os.environ.get("DJANGO_ADMIN_PATH", "").strip("/") + "/"
if ADMIN_PATH == "/":
    ADMIN_PATH = "admin/"
# Where signing in leads when the page asked for (`next`) is missing or not on this site
# (https://evil.example/, //evil.example): the admin's index, in the language of the
# sign-in page. Django's default, /accounts/profile/, is no page here.
LOGIN_REDIRECT_URL = "admin:index"

# Only staff sign in. A session lasts at most 8 hours from sign-in (a working day; the
# time is not renewed by activity, so a stolen cookie is not good for longer) and ends
# when the browser is closed.
SESSION_COOKIE_AGE = 8 * 60 * 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

# Content-Security-Policy (django-csp). Pages and the admin run only scripts and styles
# served from this site: no inline code, no other origins. A template that truly needs an
# inline <script> or <style> gives it nonce="{{ request.csp_nonce }}", and the header then
# carries that nonce. JSON-LD data blocks are not scripts and need nothing.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, NONCE],
        # data: for the small icons nested_admin's stylesheet embeds.
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

# Password rules are in AUTH_PASSWORD_VALIDATORS above. Sign-ins go through django-axes:
# five failures for one user name, or from one address, block it for 30 minutes (or until
# an administrator deletes the access attempt in the admin). Every sign-in, failure and
# role change is kept in accounts' audit trail.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=30)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "core.security.client_ip"
AXES_LOCKOUT_CALLABLE = "accounts.views.locked_out"
# The audit trail records successful sign-ins; axes' own log of them would repeat it.
AXES_DISABLE_ACCESS_LOG = True

# Ordered children (sections, points) have a deferred unique constraint on their
# position, so that the admin can swap two of them in one save. SQLite cannot defer
# it and skips it; the admin's formsets still refuse duplicate positions there.
SILENCED_SYSTEM_CHECKS = ["models.W038"]

# Uploaded images (articles/images.py): the heaviest file and the most pixels an editor
# may upload. Pages never show more than 1600 pixels across; a larger upload would only
# hold up the server while it is resized (and a "decompression bomb" could exhaust it).
IMAGE_UPLOAD_MAX_BYTES = 10 * 1024 * 1024
IMAGE_UPLOAD_MAX_PIXELS = 40_000_000
# The widths of the renditions pages show (articles/renditions.py), never wider than the
# upload: enough for a phone, a tablet and the article column on a high-density screen.
IMAGE_RENDITION_WIDTHS = [480, 800, 1200, 1600]
# sorl-thumbnail writes renditions under renditions/ in the media storage and remembers
# them in the cache and its database table. Quality 82 looks like the upload on screen at
# a fraction of the weight of its default, 95.
THUMBNAIL_PREFIX = "renditions/"
THUMBNAIL_QUALITY = 82

# ---------------------------------------------------------------------------------------
# Files on several app servers (docs/deployment.md). No server keeps anything on its own
# disk: uploads go to a folder that every server mounts (DJANGO_MEDIA_ROOT) or, when
# DJANGO_S3_BUCKET is set, to S3-compatible object storage through django-storages, which
# takes its keys from the standard AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY variables.
# Static files ship with the code: each server serves them itself through whitenoise, in
# production from `collectstatic`'s output under names that change with their content,
# so that browsers may keep them for a year.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
S3_BUCKET = os.environ.get("DJANGO_S3_BUCKET", "")
if S3_BUCKET:
    S3_ENDPOINT_URL = os.environ.get("DJANGO_S3_ENDPOINT_URL", "")  # MinIO, Ceph, R2, …
    S3_CUSTOM_DOMAIN = os.environ.get("DJANGO_S3_CUSTOM_DOMAIN", "")  # a CDN in front
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": S3_BUCKET,
            "endpoint_url": S3_ENDPOINT_URL or None,
            "region_name": os.environ.get("DJANGO_S3_REGION") or None,
            "custom_domain": S3_CUSTOM_DOMAIN or None,
            # Uploads are public images: plain addresses that pages and caches can keep,
            # not signed ones that expire. The bucket must allow public reads.
            "querystring_auth": False,
            # Two uploads with the same name get two files, as on disk.
            "file_overwrite": False,
        },
    }
    # Pages show images from the bucket (or its CDN): the CSP must let them load.
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"].append(
        f"https://{S3_CUSTOM_DOMAIN}"
        if S3_CUSTOM_DOMAIN
        else (S3_ENDPOINT_URL or "https://*.amazonaws.com")
    )
# A load balancer asks each app server for /healthz (thinktank/health.py) over plain
# HTTP, without the proxy's X-Forwarded-Proto: answer it rather than redirect it.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
# Errors and warnings, tracebacks included, go to standard error in production, where
# gunicorn and the service manager keep them: Django's own default only mails them to
# ADMINS, so a 500 or a database outage would otherwise leave no trace on the server.
# A request for a Host outside ALLOWED_HOSTS (robots trying addresses) is the client's
# error: it gets one line, as its traceback would only bury the server's own errors.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "production_only": {"()": "django.utils.log.RequireDebugFalse"},
        "without_traceback": {"()": "core.logs.WithoutTraceback"},
    },
    "handlers": {
        "stderr": {"class": "logging.StreamHandler", "filters": ["production_only"]},
        "stderr_one_line": {
            "class": "logging.StreamHandler",
            "filters": ["production_only", "without_traceback"],
        },
    },
    "loggers": {
        "django.security.DisallowedHost": {"handlers": ["stderr_one_line"], "propagate": False},
    },
    "root": {"handlers": ["stderr"], "level": "WARNING"},
}
