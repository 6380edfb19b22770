"""Settings shared by every environment; values come from the environment."""

from pathlib import Path

import environ
import xstatic.pkg.bootstrap
from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _
from import_export.formats import base_formats

from hiring.common.exports import ExcelCSV

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "formtools",
    "crispy_forms",
    "crispy_bootstrap5",
    "import_export",
    "simple_history",
    "axes",
    "hiring.common",
    "hiring.accounts",
    "hiring.catalog",
    "hiring.sheets",
    "hiring.quality",
    "hiring.documents",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "hiring.common.input.InputCleaningMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: it turns a lockout during login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "hiring.urls"
WSGI_APPLICATION = "hiring.wsgi.application"

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
            ],
        },
    },
]

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://")}
# Keys of this deployment in a Redis that others use too (django-environ does not pass a
# key_prefix in CACHE_URL on to Django's Redis backend).
CACHES["default"]["KEY_PREFIX"] = env("CACHE_KEY_PREFIX", default="")

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Login throttling first; then the model backend, with the user's roles loaded in the same
# query as the user.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "hiring.accounts.backends.RoleModelBackend",
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "catalog:home"
LOGOUT_REDIRECT_URL = "accounts:login"

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", _("简体中文")), ("en", _("英文"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

FIXTURE_DIRS = [BASE_DIR / "fixtures"]

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

EMAIL_BACKEND = env("EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="hiring@localhost")

SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True

# Login throttling (django-axes): after this many failures for one user name, or from one
# address, logins are refused until the cool-off ends or an admin deletes the attempts.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=10)
AXES_COOLOFF_TIME = env.float("AXES_COOLOFF_HOURS", default=1.0)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"

# Only our own static files run or style a page: no inline script or style, no other origin.
# Django admin's import/export pages get an exception of their own (hiring/urls.py).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}
PERMISSIONS_POLICY = {
    feature: []
    for feature in [
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
    ]
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {
        "console": {"class": "logging.StreamHandler"},
        "render_deadline": {"class": "hiring.documents.deadline.RenderDeadline"},
    },
    "loggers": {
        # WeasyPrint reports each step and page of a PDF render here. The reports are not
        # worth keeping, but they are where a render past DOCUMENTS_RENDER_TIMEOUT stops.
        "weasyprint.progress": {
            "handlers": ["render_deadline"],
            "level": "INFO",
            "propagate": False,
        },
    },
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="WARNING")},
}

# Front-end packages come from PyPI (XStatic) and npm (package-lock.json, installed by the
# Makefile) and are served by the app itself; only the built files are exposed.
NODE_MODULES = BASE_DIR / "node_modules"
STATICFILES_DIRS += [
    ("vendor/bootstrap", xstatic.pkg.bootstrap.BASE_DIR),
    ("vendor/sortablejs", NODE_MODULES / "sortablejs"),
    ("vendor/tom-select/js", NODE_MODULES / "tom-select" / "dist" / "js"),
    ("vendor/tom-select/css", NODE_MODULES / "tom-select" / "dist" / "css"),
]

# CSV with a byte order mark for Excel; see hiring/common/exports.py.
IMPORT_EXPORT_FORMATS = [ExcelCSV, base_formats.XLSX]

# Items of these priorities are listed as requirements in the job posting; the rest as a plus.
POSTING_REQUIRED_PRIORITIES = env.list(
    "POSTING_REQUIRED_PRIORITIES", default=["must", "very-high", "high"]
)

# The quality check (需求体检): limits of rule 1, what rule 4 treats as important or as
# "paper only" assessment, and how much each finding costs from a score of 100.
QUALITY_CHECK = {
    "max_must": 3,
    "max_very_high": 3,
    "all_must_min_items": 4,
    "must_assess_priorities": ["must", "very-high", "high"],
    "paper_methods": ["diploma", "resume-screening", "past-experience", "background-check"],
    "penalties": {"error": 25, "warning": 8, "tip": 2},
}

# The largest unsaved wizard input kept for one sheet, as JSON.
WIZARD_STATE_MAX_BYTES = env.int("WIZARD_STATE_MAX_BYTES", default=256 * 1024)

# Used for links in notification e-mails.
SITE_URL = env("SITE_URL", default="http://127.0.0.1:8000")

# PDF renders run on Celery workers (broker: Redis), so web workers only serve pages and
# cached files; workers and web share the cache (CACHE_URL=redis://…) that holds the PDFs.
# Without a broker (`make run`, tests) tasks run in the process that sends them.
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default="") or "memory://"
CELERY_TASK_ALWAYS_EAGER = env.bool(
    "CELERY_TASK_ALWAYS_EAGER", default=CELERY_BROKER_URL == "memory://"
)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_DEFAULT_QUEUE = env("CELERY_QUEUE", default="celery")
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Seconds a PDF render may take before it stops with a clear error; the task's hard limit
# is a backstop for a render stuck where WeasyPrint reports no progress.
DOCUMENTS_RENDER_TIMEOUT = env.float("DOCUMENTS_RENDER_TIMEOUT", default=20)
CELERY_TASK_TIME_LIMIT = int(DOCUMENTS_RENDER_TIMEOUT) + 30
# A sheet with more included items, or more text, gets a clear refusal instead of a render:
# 250 000 characters are some 230 pages of dense Chinese text, about what a render lays out
# within the time limit on two cores.
DOCUMENTS_MAX_ITEMS = env.int("DOCUMENTS_MAX_ITEMS", default=300)
DOCUMENTS_MAX_HTML_CHARS = env.int("DOCUMENTS_MAX_HTML_CHARS", default=250_000)
# Seconds a rendered PDF stays in the cache; any change to the sheet is a new entry anyway.
DOCUMENTS_CACHE_TIMEOUT = env.int("DOCUMENTS_CACHE_TIMEOUT", default=60 * 60 * 24)
# Render a sheet's documents in the background after every saved change and approval, so a
# download finds them ready. Off when tasks run in-process: a save would wait for three PDFs.
DOCUMENTS_RENDER_ON_SAVE = env.bool(
    "DOCUMENTS_RENDER_ON_SAVE", default=not CELERY_TASK_ALWAYS_EAGER
)
# Seconds between a save and its render: the saves of one wizard session make one render.
DOCUMENTS_RENDER_DELAY = env.float("DOCUMENTS_RENDER_DELAY", default=3)
