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
    # Before admin, which then finds the translation fields of the catalog's texts.
    "modeltranslation",
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
# A Redis that cannot be reached is an empty cache (pages get slower, never fail); see
# hiring/common/cache.py. Sessions live in the database, so logins survive it too.
if CACHES["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache":
    CACHES["default"]["BACKEND"] = "hiring.common.cache.TolerantRedisCache"
SESSION_ENGINE = "django.contrib.sessions.backends.db"

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
# Catalog texts (hiring/catalog/translation.py) have a value per language; an English one left
# empty reads as the Chinese one. A sheet's own content stays in the language it was created in.
MODELTRANSLATION_DEFAULT_LANGUAGE = "zh-hans"
MODELTRANSLATION_LANGUAGES = ("zh-hans", "en")
MODELTRANSLATION_FALLBACK_LANGUAGES = ("zh-hans",)
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
# …but a success resets only that user name's failures, never those of its address.
AXES_HANDLER = "hiring.accounts.throttling.AccountResetHandler"
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
# The largest admin import, so that its check and its import each finish within a request.
IMPORT_MAX_BYTES = env.int("IMPORT_MAX_BYTES", default=2 * 1024 * 1024)
IMPORT_MAX_ROWS = env.int("IMPORT_MAX_ROWS", default=500)
# A confirmed import of more rows runs as a background task; its page shows the result, and
# stops waiting for it after IMPORT_WAIT seconds.
IMPORT_BACKGROUND_ROWS = env.int("IMPORT_BACKGROUND_ROWS", default=100)
IMPORT_WAIT = env.int("IMPORT_WAIT", default=10 * 60)

# The employer named in every job posting (the company candidates apply to).
EMPLOYER_NAME = env("EMPLOYER_NAME", default="")

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
# A render whose worker died goes back to the queue: at once when only the pool process died,
# after the visibility timeout when the whole worker did (longer than a task may wait and run).
CELERY_TASK_REJECT_ON_WORKER_LOST = True
# A broker that cannot be reached costs a request about a second, never a long stall.
CELERY_BROKER_CONNECTION_TIMEOUT = 1
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 1, "interval_start": 0, "interval_max": 0.2}
# Seconds a PDF render may take before it stops with a clear error; the task's hard limit
# is a backstop for a render stuck where WeasyPrint reports no progress.
DOCUMENTS_RENDER_TIMEOUT = env.float("DOCUMENTS_RENDER_TIMEOUT", default=20)
CELERY_TASK_TIME_LIMIT = int(DOCUMENTS_RENDER_TIMEOUT) + 30
# Seconds a download page waits for a render before it says the documents cannot be made now.
DOCUMENTS_RENDER_WAIT = env.float("DOCUMENTS_RENDER_WAIT", default=DOCUMENTS_RENDER_TIMEOUT * 3)
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", default=CELERY_TASK_TIME_LIMIT + 60),
    "socket_connect_timeout": 1,
}
# The wizard refuses a save past SHEET_MAX_ITEMS items or SHEET_MAX_CHARS characters of item
# text (names, requirements, interview prompts, anchors), so every sheet it makes is checked
# well within a request and its documents stay within the limits below (bench/quality.py).
SHEET_MAX_ITEMS = env.int("SHEET_MAX_ITEMS", default=200)
SHEET_MAX_CHARS = env.int("SHEET_MAX_CHARS", default=60_000)
# A sheet with more included items, or more text, gets a clear refusal instead of a render:
# 250 000 characters are some 230 pages of dense Chinese text, about what a render lays out
# within the time limit on two cores.
DOCUMENTS_MAX_ITEMS = SHEET_MAX_ITEMS
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

# --- the API (/api/v1/), webhooks and public posting pages -----------------------------------
INSTALLED_APPS += [
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "hiring.api",
]
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "hiring.api.authentication.TokenAuthentication",
        # The browser's session; DRF enforces CSRF on it for anything but reads.
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": [
        "rest_framework.permissions.IsAuthenticated",
        "hiring.api.authentication.TokenScope",
    ],
    "DEFAULT_THROTTLE_CLASSES": ["hiring.api.authentication.CallerRateThrottle"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "hiring.api.problems.problem_exception_handler",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
# Requests per token (or per logged-in user, or per address) and period: "120/min", "5000/day".
API_THROTTLE_RATE = env("API_THROTTLE_RATE", default="120/min")
SPECTACULAR_SETTINGS = {
    "TITLE": "Hiring requirement sheets API",
    "DESCRIPTION": "Requirement sheets for customer-service hiring: read, create from a "
    "preset, edit, submit and review them with a personal access token "
    "(`Authorization: Bearer …`). Errors are RFC 9457 problem details.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # Without deep links an operation's path is text, not a link inside its expand button
    # (a control inside a control, which screen readers cannot reach).
    "SWAGGER_UI_SETTINGS": {"deepLinking": False},
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "hiring.api.schema.add_problem_responses",
    ],
}
# Webhook receivers on loopback or private addresses are refused unless this allows them
# (an intranet recruiting system, or tests with a receiver on 127.0.0.1).
WEBHOOK_ALLOW_PRIVATE_TARGETS = env.bool("WEBHOOK_ALLOW_PRIVATE_TARGETS", default=False)
WEBHOOK_TIMEOUT = env.float("WEBHOOK_TIMEOUT", default=5)
# Retries after a failed attempt, and the first wait in seconds (doubled on every retry).
WEBHOOK_MAX_RETRIES = env.int("WEBHOOK_MAX_RETRIES", default=5)
WEBHOOK_RETRY_DELAY = env.float("WEBHOOK_RETRY_DELAY", default=30)
# Who is hiring, as the public posting pages and their schema.org JobPosting name it.
HIRING_ORGANIZATION = {
    "name": env("HIRING_ORGANIZATION_NAME", default="客服中心"),
    "url": env("HIRING_ORGANIZATION_URL", default=""),
}
# ISO 3166-1 country of the sheets' work locations, for JobPosting's address.
HIRING_COUNTRY = env("HIRING_COUNTRY", default="CN")
# Currency of the sheets' salaries (ISO 4217), for JobPosting's baseSalary.
SALARY_CURRENCY = env("SALARY_CURRENCY", default="CNY")
