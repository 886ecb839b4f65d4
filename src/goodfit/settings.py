"""One settings module, driven by ``GOODFIT_*`` environment variables.

Every variable is documented in the README's configuration table. Secrets may also be
given as ``<NAME>_FILE`` pointing at a file that holds the value.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent


def env(name: str, default: str = "") -> str:
    """Read ``GOODFIT_<name>``, or the contents of the file named by ``GOODFIT_<name>_FILE``."""
    key = f"GOODFIT_{name}"
    file_path = os.environ.get(f"{key}_FILE")
    if file_path:
        return Path(file_path).read_text().strip()
    return os.environ.get(key, default)


def env_bool(name: str, default: bool) -> bool:
    raw = env(name, "")
    if not raw:
        return default
    return raw.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


DATA_DIR = Path(env("DATA_DIR", "goodfit-data")).resolve()


def private_data_dir() -> Path:
    """Create the data directory readable by its owner only: it holds the database and
    the secret key. An existing directory is left as the operator set it."""
    if not DATA_DIR.exists():
        DATA_DIR.mkdir(mode=0o700, parents=True, exist_ok=True)
        DATA_DIR.chmod(0o700)  # mkdir's mode is reduced by the umask
    return DATA_DIR


def private_file(path: Path) -> Path:
    """Create ``path`` empty with mode 0600 unless it exists, and tighten it if it does:
    SQLite gives its WAL and shared-memory files the database file's mode."""
    os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
    path.chmod(0o600)
    return path


DEBUG = env_bool("DEBUG", False)
# Behind TLS (the default for a deployment) cookies are secure and HTTP redirects to HTTPS.
# `goodfit serve` on a loopback address turns this off so a laptop works over plain HTTP.
HTTPS = env_bool("HTTPS", not DEBUG)


def _secret_key() -> str:
    """Use GOODFIT_SECRET_KEY, else a random key kept in the data directory."""
    given = env("SECRET_KEY")
    if given:
        return given
    key_file = DATA_DIR / "secret_key"
    if key_file.exists():
        return key_file.read_text().strip()
    private_data_dir()
    key = secrets.token_urlsafe(50)
    private_file(key_file).write_text(key)
    return key


SECRET_KEY = _secret_key()
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "axes",
    "csp",
    "ninja",
    "django_tasks",
    "django_tasks_db",
    "goodfit.core",
    "goodfit.pipeline",
    "goodfit.fit",
    "goodfit.money",
    "goodfit.followups",
    "goodfit.debriefs",
    "goodfit.search",
    "goodfit.demo",
]

MIDDLEWARE = [
    # First: whether the request is HTTPS and whose address it is, for everything after.
    "goodfit.core.proxy.TrustedProxyMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "goodfit.core.bounded_ids.BoundedIdsMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "goodfit.core.middleware.MemberTimezoneMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # Last, so that it sees the outcome of authentication.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "goodfit.urls"
WSGI_APPLICATION = "goodfit.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "goodfit.core.context_processors.membership",
            ],
        },
    }
]


def _database() -> dict[str, object]:
    url = env("DATABASE_URL")
    if url:
        return dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)
    private_data_dir()
    for suffix in ("-wal", "-shm"):
        if (DATA_DIR / f"goodfit.sqlite3{suffix}").exists():
            private_file(DATA_DIR / f"goodfit.sqlite3{suffix}")
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": private_file(DATA_DIR / "goodfit.sqlite3"),
        "OPTIONS": {
            # WAL lets readers run while one writer writes; IMMEDIATE avoids the
            # "database is locked" upgrade deadlock; the timeout waits out short writes.
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 10,
        },
    }


DATABASES = {"default": _database()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "login"
# "/" sends a rep to Today and a manager to the board (goodfit.core.views.landing_url).
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"
# An expired form gets the app's own page (and a toast for htmx), not Django's.
CSRF_FAILURE_VIEW = "goodfit.core.views.csrf_failure"

# Throttle guessing: five failures per user and address lock for 15 minutes.
AXES_FAILURE_LIMIT = int(env("LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 0.25
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"
# The stylesheet and scripts live beside the templates, in the goodfit package itself.
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
# Serve straight from the app directories: `goodfit serve` needs no collectstatic step.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# On disk in the data directory, so every worker process of `goodfit serve` sees the same
# counts (the public pages' rate limit); Django's default memory cache is per process.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": DATA_DIR / "cache",
    }
}

EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env("FROM_EMAIL", "goodfit@localhost")

# Security headers. The CSP allows only our own origin: htmx is served by django-htmx.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    }
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
# Rows hold a digest of the session key, so a copy of the database signs nobody in.
SESSION_ENGINE = "goodfit.core.sessions"
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_SSL_REDIRECT = HTTPS
SECURE_HSTS_SECONDS = 31536000 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
# Behind a TLS proxy (goodfit.core.proxy): its X-Forwarded-Proto and X-Forwarded-For are
# believed only from these addresses; without GOODFIT_BEHIND_PROXY, from nobody.
BEHIND_PROXY = env_bool("BEHIND_PROXY", False)
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES", "127.0.0.1,::1") if BEHIND_PROXY else []
if BEHIND_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# /api/ is called by scripts over the same TLS; health checks from localhost need no redirect.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "WARNING")},
}

PAGE_SIZE = int(env("PAGE_SIZE", "50"))
