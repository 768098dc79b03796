"""Settings shared by every environment; each value that differs comes from the environment."""

import os
from pathlib import Path

import dj_database_url
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parents[3]


def env_flag(name: str, default: bool = False) -> bool:
    """Read a yes/no setting from the environment."""
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    """Read a comma-separated setting from the environment."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
DEBUG = env_flag("KINFOLK_DEBUG")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")

# Demo mode loads synthetic people and relaxes MFA enforcement; production refuses it.
KINFOLK_ENVIRONMENT = os.environ.get("KINFOLK_ENVIRONMENT", "local")
KINFOLK_DEMO = env_flag("KINFOLK_DEMO")
# Where people write for help, their information or a complaint (shown on the contact page).
KINFOLK_CONTACT_EMAIL = os.environ.get("KINFOLK_CONTACT_EMAIL", "kinfolk@example.invalid")
KINFOLK_DEMO_PASSWORD = os.environ.get("KINFOLK_DEMO_PASSWORD", "kinfolk-demo")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "ninja",
    # Imports every app's rules.py at start-up, so each permission exists before it is asked.
    "rules.apps.AutodiscoverRulesConfig",
    "django_tasks_db",
    "kinfolk.core",
    "kinfolk.accounts",
    "kinfolk.notifications",
    "kinfolk.people",
    "kinfolk.sharedlives",
    "kinfolk.wellbeing",
    "kinfolk.directory",
    "kinfolk.social_prescribing",
    "kinfolk.budgets",
    "kinfolk.family_carers",
    "kinfolk.accountability",
    "kinfolk.api",
    "kinfolk.home",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "kinfolk.core.middleware.NoStoreMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "kinfolk.core.middleware.RefuseNulBytesMiddleware",
    "kinfolk.accounts.middleware.ActorMiddleware",
    "kinfolk.core.tenancy.AreaWallMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "kinfolk.config.urls"
WSGI_APPLICATION = "kinfolk.config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "environment": "kinfolk.config.jinja2.environment",
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.messages.context_processors.messages",
                "kinfolk.core.context_processors.service",
                "kinfolk.notifications.context_processors.unread",
            ],
        },
    },
    {
        # Only for django-ninja's API docs page, which ships Django templates.
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {"context_processors": ["django.template.context_processors.request"]},
    },
]

(BASE_DIR / "var").mkdir(exist_ok=True)
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'var' / 'kinfolk.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # The embedded database takes a handful of people at once (every read writes an audit
    # entry): WAL lets pages read while someone writes; a write transaction takes the write
    # lock when it begins (IMMEDIATE), so two never deadlock upgrading a read lock; a writer
    # waits up to the timeout for its turn instead of failing with "database is locked".
    # synchronous=NORMAL is safe in WAL mode (a power cut loses at most the last commits,
    # never the database). See ADR 0020.
    SQLITE_TIMEOUT_SECONDS = int(os.environ.get("KINFOLK_SQLITE_TIMEOUT_SECONDS", "20"))
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": SQLITE_TIMEOUT_SECONDS,
        "init_command": (
            "PRAGMA journal_mode=WAL;"
            "PRAGMA synchronous=NORMAL;"
            f"PRAGMA busy_timeout={SQLITE_TIMEOUT_SECONDS * 1000};"
            "PRAGMA temp_store=MEMORY;"
            "PRAGMA cache_size=-20000"
        ),
    }
# Row-level security between areas (PostgreSQL, ADR 0023) binds only a role that is neither a
# superuser nor BYPASSRLS. If Kinfolk must log in as such a role, name a plain role here and
# every connection switches to it (SET ROLE); the test suite does this (docs/deployment.md).
KINFOLK_DATABASE_ROLE = os.environ.get("KINFOLK_DATABASE_ROLE", "")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home:home"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
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

# Sign-in throttling: after this many failures for one email within the window (four times
# as many from one address), each further try waits longer (30 s, doubling) up to a ceiling.
# People who have signed in from an address before are not slowed by others' failures.
KINFOLK_SIGN_IN_MAX_FAILURES = int(os.environ.get("KINFOLK_SIGN_IN_MAX_FAILURES", "5"))
KINFOLK_SIGN_IN_WINDOW_MINUTES = int(os.environ.get("KINFOLK_SIGN_IN_WINDOW_MINUTES", "1440"))
KINFOLK_SIGN_IN_MAX_WAIT_SECONDS = int(os.environ.get("KINFOLK_SIGN_IN_MAX_WAIT_SECONDS", "600"))
# How many proxies in front of Kinfolk append to X-Forwarded-For. 0: use the connection's
# own address and ignore the header (anyone can send it).
KINFOLK_TRUSTED_PROXIES = int(os.environ.get("KINFOLK_TRUSTED_PROXIES", "0"))
# A password reset link works once, within this many seconds.
PASSWORD_RESET_TIMEOUT = int(os.environ.get("KINFOLK_PASSWORD_RESET_SECONDS", str(60 * 60)))

# Email: account-security messages and password reset links. Kept as files under var/mail
# on a local machine; production sends through SMTP (see production.py).
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Kinfolk <no-reply@kinfolk.invalid>")
MAILERS = {
    "default": {
        "BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "OPTIONS": {"file_path": os.environ.get("EMAIL_FILE_PATH", str(BASE_DIR / "var" / "mail"))},
    }
}
# The address people follow from an email or text message (no trailing slash).
KINFOLK_SITE_URL = os.environ.get("KINFOLK_SITE_URL", "http://127.0.0.1:8000")

# Email and text messages to people go through GOV.UK Notify (its official client). Without a
# key nothing leaves the machine: messages are kept in the area admin's outbox page. Each
# template in Notify has two placeholders, ((message)) and ((link)) (docs/deployment.md).
KINFOLK_NOTIFY_API_KEY = os.environ.get("KINFOLK_NOTIFY_API_KEY", "")
KINFOLK_NOTIFY_BASE_URL = os.environ.get(
    "KINFOLK_NOTIFY_BASE_URL", "https://api.notifications.service.gov.uk"
)
KINFOLK_NOTIFY_EMAIL_TEMPLATE = os.environ.get("KINFOLK_NOTIFY_EMAIL_TEMPLATE", "")
KINFOLK_NOTIFY_SMS_TEMPLATE = os.environ.get("KINFOLK_NOTIFY_SMS_TEMPLATE", "")

# Background work goes through Django's task framework (ADR 0025). The queue is kept in the
# database by default (`make run` starts a worker beside the server); KINFOLK_TASKS=redis
# sends it to Redis, taken by RQ workers on any machine (`kinfolk rqworker`).
KINFOLK_TASKS = os.environ.get("KINFOLK_TASKS", "database")
KINFOLK_REDIS_URL = os.environ.get("KINFOLK_REDIS_URL", "redis://127.0.0.1:6379/0")
if KINFOLK_TASKS == "redis":
    INSTALLED_APPS.append("django_rq")
    RQ_QUEUES = {"default": {"URL": KINFOLK_REDIS_URL}}
    TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
elif KINFOLK_TASKS == "immediate":
    TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
else:
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

KINFOLK_BREAK_GLASS_MINUTES = int(os.environ.get("KINFOLK_BREAK_GLASS_MINUTES", "60"))

# The audit log: entries are sealed with HMAC-SHA256 under this key, kept outside the
# database (production requires it; elsewhere it is derived from SECRET_KEY, see
# kinfolk/core/audit_keys.py). `kinfolk audit-anchor` appends the chain head to this file,
# which in production must be a write-once store on another host (docs/deployment.md).
KINFOLK_AUDIT_KEY = os.environ.get("KINFOLK_AUDIT_KEY", "")
KINFOLK_AUDIT_ANCHOR_PATH = os.environ.get(
    "KINFOLK_AUDIT_ANCHOR_PATH", str(BASE_DIR / "var" / "audit-anchors.jsonl")
)

# Idle timeout: the session ends after this long without a request.
SESSION_COOKIE_AGE = int(os.environ.get("KINFOLK_IDLE_TIMEOUT_MINUTES", "30")) * 60
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    # The NHS.UK frontend loads the Frutiger typeface from the NHS asset host.
    "font-src": [CSP.SELF, "https://assets.nhs.uk"],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
# Only production collects static files; elsewhere WhiteNoise serves them from the finders.
STATIC_ROOT = None
# The NHS.UK frontend is installed by npm at setup and served from node_modules, never copied.
STATICFILES_DIRS = [
    ("nhsuk", BASE_DIR / "node_modules" / "nhsuk-frontend" / "dist" / "nhsuk"),
    # Easy-read pictures: OpenMoji (CC BY-SA 4.0), installed by npm, credited in the footer of
    # every easy-read page.
    ("symbols", BASE_DIR / "node_modules" / "openmoji" / "color" / "svg"),
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True

MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
